"""A real terminal (pty): Ctrl-C, Ctrl-D, a closed window and SIGTERM lose no answer."""

import signal

import pexpect
import pytest

from stepwork import settings
from stepwork.content import load_step

from .pty_helpers import PROMPT, answer, finish, rows, spawn, wait_for_draft

# Each test runs stepwork in a process of its own (a real terminal, or a subprocess).
pytestmark = pytest.mark.slow


def test_ctrl_c_at_the_third_question_keeps_two_answers_and_resumes(home):
    total = len(load_step(1, settings.load()).questions)
    child = spawn(home, "step", "1")
    answer(child, 1, "the first answer")
    answer(child, 2, "the second answer")
    child.expect("Question 3 of")
    child.expect_exact(PROMPT)
    child.sendintr()
    child.expect("Every answer you gave is saved")
    child.expect("stepwork step 1")
    assert finish(child) == 130
    assert rows(home, "SELECT text FROM answer WHERE state = 'answered' ORDER BY position") == [
        ("the first answer",),
        ("the second answer",),
    ]

    child = spawn(home, "step", "1")
    child.expect(r"answered 2 of")
    child.expect(r"\[Y/n\]")
    child.sendline("y")
    for position in range(3, total + 1):
        answer(child, position, f"answer {position}")
    child.expect("That is step 1 for now")
    assert finish(child) == 0

    shown = spawn(home, "step", "1", "--show")
    shown.expect(pexpect.EOF)
    text = shown.before
    for expected in ("the first answer", "the second answer", f"answer {total}"):
        assert expected in text
    assert rows(home, "SELECT status FROM guided_session") == [("finished",)]


def test_ctrl_c_midway_through_a_long_answer_keeps_the_finished_lines(home):
    child = spawn(home, "step", "11")
    child.expect("Question 1 of")
    child.expect_exact(PROMPT)
    child.sendline("a first line")
    wait_for_draft(child, home, "a first line")
    child.sendline("a second line")
    wait_for_draft(child, home, "a first line\na second line")
    child.send("never finished")
    # Readline echoes each typed character once it has taken it in, and then waits for the next
    # key, where Ctrl-C ends the read at once (while busy with keys it would act only on the next).
    child.expect_exact("never finished")
    child.sendintr()
    assert finish(child) == 130
    assert rows(home, "SELECT text, state FROM answer") == [
        ("a first line\na second line", "draft")
    ]


def test_ctrl_d_at_a_question_exits_130_and_keeps_answers(home):
    child = spawn(home, "step", "2")
    answer(child, 1, "before the end")
    child.expect("Question 2 of")
    child.expect_exact(PROMPT)
    child.sendeof()
    child.expect("Pick up where you left off")
    assert finish(child) == 130
    assert rows(home, "SELECT text FROM answer") == [("before the end",)]


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_closed_window_or_sigterm_keeps_answers_and_the_session_resumes(home, signum, run):
    child = spawn(home, "step", "3")
    answer(child, 1, "said before the window closed")
    child.expect("Question 2 of")
    child.expect_exact(PROMPT)
    child.sendline("half of the next")
    wait_for_draft(child, home, "half of the next")
    child.kill(signum)
    status = finish(child)
    assert status == 130
    assert rows(home, "SELECT text, state FROM answer ORDER BY position") == [
        ("said before the window closed", "answered"),
        ("half of the next", "draft"),
    ]
    resumed = run("step", "3", input="y\n and more\n\n")
    assert "half of the next" in resumed.stdout
    assert rows(home, "SELECT state FROM answer ORDER BY position")[1] == ("answered",)


def test_step_four_interrupted_midway_through_an_item_resumes_with_nothing_lost(home):
    child = spawn(home, "step", "4")
    child.expect("Which part of the inventory")
    child.sendline("1")
    answer(child, 1, "The bank")
    child.expect("Question 2 of")
    child.expect_exact(PROMPT)
    child.sendline("n")
    child.expect("Question 3 of")
    child.expect_exact(PROMPT)
    child.sendline("They took the house")
    wait_for_draft(child, home, "They took the house")
    child.sendintr()
    child.expect("stepwork step 4")
    assert finish(child) == 130

    child = spawn(home, "step", "4")
    child.expect("partway through a resentment")
    child.expect(r"\[Y/n\]")
    child.sendline("y")
    child.expect("They took the house")
    child.expect_exact(PROMPT)
    child.sendline("")
    child.expect("Question 4 of")
    child.sendline("2,6")
    child.expect("Question 5 of")
    child.sendline("frightened")
    answer(child, 6, "I ignored the letters")
    child.expect("Question 7 of")
    child.sendline("n")
    child.expect("Saved as i1")
    child.expect(r"Add another resentment\? \[Y/n\]")
    child.sendline("n")
    child.expect("Which part of the inventory")
    child.sendline("")
    assert finish(child) == 0
    answers = dict(rows(home, "SELECT question_key, text FROM answer WHERE state = 'answered'"))
    assert answers["who"] == "The bank"
    assert answers["cause"] == "They took the house"
    assert answers["affects"] == "security, finances"
    assert answers["my-part"] == "frightened"


def test_the_nightly_review_survives_ctrl_c_and_resumes(home):
    child = spawn(home, "review")
    answer(child, 1, "I was short with my mother")
    child.expect("Question 2 of")
    child.expect_exact(PROMPT)
    child.sendintr()
    child.expect("stepwork review")
    assert finish(child) == 130

    child = spawn(home, "review")
    child.expect(r"\[Y/n\]")
    child.sendline("y")
    child.expect("Question 2 of")
    child.expect_exact(PROMPT)
    child.sendline("Yes, to her")
    child.sendline("")
    child.expect("Question 3 of")
    child.expect_exact(PROMPT)
    child.sendintr()
    assert finish(child) == 130
    assert rows(home, "SELECT text FROM answer WHERE state = 'answered' ORDER BY position") == [
        ("I was short with my mother",),
        ("Yes, to her",),
    ]
    assert rows(home, "SELECT COUNT(*) FROM guided_session") == [(1,)]
