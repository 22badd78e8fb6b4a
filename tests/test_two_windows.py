"""Two terminals on one guided session: the second is turned away with one warm line, so
neither can save over what the other typed."""

import pexpect
import pytest

from stepwork.messages import daily as daily_messages
from stepwork.messages import inventory as inventory_messages
from stepwork.messages import steps as steps_messages

from .pty_helpers import PROMPT, finish, rows, spawn

pytestmark = pytest.mark.slow

REFUSED = "is open in another window"


def at_first_question(child: pexpect.spawn) -> None:
    child.expect("Question 1 of")
    child.expect_exact(PROMPT)


def refused(home, *args: str) -> str:
    second = spawn(home, *args)
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == 1
    return " ".join(second.before.split())


@pytest.mark.parametrize(
    ("args", "label"),
    [
        (("step", "2"), "Step 2"),
        (("review",), "Today's review"),
        (("morning",), "This morning's reflection"),
        (("plan", "--edit"), daily_messages.PLAN_LABEL),
    ],
)
def test_a_second_window_on_an_open_session_is_turned_away(home, args, label):
    first = spawn(home, *args)
    at_first_question(first)
    first.sendline("written in the first window")
    first.expect_exact(steps_messages.CONTINUE_PROMPT)

    said = refused(home, *args)
    assert f"{label} is open in another window" in said
    assert "Nothing you have written is lost." in said

    first.sendline("and a second line there")
    first.expect_exact(steps_messages.CONTINUE_PROMPT)
    first.sendline("/pause")
    assert finish(first) == 0
    saved = rows(home, "SELECT text FROM answer")
    assert saved == [("written in the first window\nand a second line there",)]

    # Once the first window has let go, the session can be picked up here.
    again = spawn(home, *args)
    if args[0] != "plan":  # the plan picks itself up without asking
        again.expect_exact(steps_messages.RESUME_QUESTION)
        again.sendline("y")
    again.expect_exact("and a second line there")
    again.expect_exact(PROMPT)
    again.sendline("/pause")
    assert finish(again) == 0


def test_new_in_a_second_window_leaves_the_first_windows_session_open(home):
    first = spawn(home, "step", "2")
    at_first_question(first)
    second = spawn(home, "step", "2", "--new")
    at_first_question(second)
    second.sendline("second window")
    second.sendline("/pause")
    assert finish(second) == 0
    first.sendline("first window")
    first.sendline("")
    first.expect("Question 2 of")
    first.sendline("/pause")
    assert finish(first) == 0
    texts = sorted(t for (t,) in rows(home, "SELECT text FROM answer"))
    assert texts == ["first window", "second window"]
    assert rows(home, "SELECT count(*) FROM guided_session WHERE status = 'open'") == [(2,)]


def test_an_inventory_item_open_in_one_window_is_not_answered_in_another(home):
    first = spawn(home, "step", "4")
    first.expect_exact(inventory_messages.SECTION_PROMPT)
    first.sendline("1")
    at_first_question(first)
    first.sendline("my landlord")
    first.expect_exact(steps_messages.CONTINUE_PROMPT)

    said = refused(home, "step", "4")
    assert f"{inventory_messages.UNFINISHED_ITEM_LABEL} is open in another window" in said
    assert "stepwork step 4 --new" in said

    first.sendline("/pause")
    assert finish(first) == 0
    assert rows(home, "SELECT text FROM answer") == [("my landlord",)]


def test_a_stopped_check_in_resumed_in_one_window_is_not_resumed_in_another(home):
    stopped = spawn(home, "checkin")
    stopped.expect_exact(PROMPT)
    stopped.sendline("7")
    stopped.expect_exact(PROMPT)
    stopped.sendcontrol("c")
    finish(stopped)

    first = spawn(home, "checkin")
    first.expect_exact(steps_messages.RESUME_QUESTION)
    second = spawn(home, "checkin")
    second.expect_exact(steps_messages.RESUME_QUESTION)
    first.sendline("y")
    first.expect_exact(PROMPT)

    second.sendline("y")
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == 1
    said = " ".join(second.before.split())
    assert f"{daily_messages.CHECKIN_LABEL} is open in another window" in said

    first.sendline("/pause")
    assert finish(first) == 0
    assert rows(home, "SELECT mood FROM checkin") == [(7,)]


def test_an_edit_never_writes_over_a_window_answering_the_same_record(home):
    first = spawn(home, "step", "2")
    at_first_question(first)
    first.sendline("written in the first window")
    first.expect_exact(steps_messages.CONTINUE_PROMPT)

    said = refused(home, "edit", "s1")
    assert "s1 is open in another window" in said

    first.sendline("/pause")
    assert finish(first) == 0
    assert rows(home, "SELECT text FROM answer") == [("written in the first window",)]
    # With the window closed, the edit goes ahead (here with nothing changed).
    editing = spawn(home, "edit", "s1")
    editing.expect_exact(PROMPT)
    editing.sendeof()
    editing.expect(pexpect.EOF)
