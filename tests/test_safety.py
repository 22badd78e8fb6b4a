"""The safety line at the hardest moments, the first-run note, and stop messages that are true."""

import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from stepwork.messages import app as app_messages
from stepwork.messages import daily as daily_messages
from stepwork.messages import safety as safety_messages
from stepwork.messages import steps as steps_messages

from .conftest import child_env, lines, stepwork_command
from .pty_helpers import finish, spawn

REPO = Path(__file__).resolve().parents[1]


def write_plan(run, people: str = "Sam 555 0101") -> None:
    result = run("plan", "--edit", input=lines("", "", people, "", "", ""))
    assert result.exit_code == 0, result.output


def test_a_very_low_mood_shows_the_safety_line_before_anything_else(run):
    run("config", "crisis_line", "Samaritans 116 123")
    write_plan(run)
    result = run("checkin", "--mood", "1", "--note", "I do not see the point of anything anymore")
    assert result.exit_code == 0
    out = result.stdout
    assert safety_messages.SAFETY_TITLE in out
    assert "Sam 555 0101" in out and "Samaritans 116 123" in out
    # The person's own contacts first, then their line, then "saved".
    assert out.index("Sam 555 0101") < out.index("Samaritans 116 123")
    assert out.index(safety_messages.SAFETY_TITLE) < out.index(daily_messages.CHECKIN_SAVED)


def test_without_a_line_of_their_own_it_points_to_the_list(run):
    result = run("checkin", "--mood", "2")
    assert "local emergency number" in result.stdout
    assert "stepwork plan --crisis-lines" in " ".join(result.stdout.split())


def test_a_strong_craving_shows_it_once_even_with_a_low_mood_too(run):
    result = run("checkin", "--mood", "1", "--craving", "9")
    assert result.stdout.count(safety_messages.SAFETY_TITLE) == 1
    run("config", "craving_threshold", "5")
    assert safety_messages.SAFETY_TITLE in run("checkin", "--craving", "5").stdout


def test_an_ordinary_day_shows_no_safety_line(run):
    result = run("checkin", "--mood", "3", "--craving", "6")
    assert safety_messages.SAFETY_TITLE not in result.stdout
    assert daily_messages.CHECKIN_SAVED in result.stdout


def test_guided_low_mood_asks_plainly_and_a_yes_shows_the_line_at_once(run, db):
    result = run("checkin", input=lines("3", "y", "2", "", "", "", "", ""))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert safety_messages.SELF_HARM_QUESTION in out
    assert out.count(safety_messages.SAFETY_TITLE) == 1
    # Shown before the next question is asked, not at the end.
    assert out.index(safety_messages.SAFETY_TITLE) < out.index("Question 2 of")
    assert db("SELECT mood, craving FROM checkin") == [(3, 2)]


def test_guided_low_mood_with_a_no_does_not_insist(run):
    result = run("checkin", input=lines("3", "n", "2", "", "", "", "", ""))
    assert safety_messages.SELF_HARM_QUESTION in result.stdout
    assert safety_messages.SAFETY_TITLE not in result.stdout


def test_guided_very_low_mood_shows_it_once_even_with_a_strong_craving(run):
    result = run("checkin", input=lines("1", "", "9", "", "", "", "", ""))
    assert result.stdout.count(safety_messages.SAFETY_TITLE) == 1
    assert result.exit_code == 0


def test_a_good_mood_is_not_asked_about_self_harm(run):
    result = run("checkin", input=lines("7", "1", "", "", "", "", ""))
    assert safety_messages.SELF_HARM_QUESTION not in result.stdout


def test_the_plan_opens_with_the_safety_line(run):
    write_plan(run, "my sponsor 555 0199")
    out = run("plan").stdout
    assert out.index(safety_messages.SAFETY_TITLE) < out.index(daily_messages.PLAN_TITLE)
    assert "my sponsor 555 0199" in out


@pytest.mark.slow
def test_help_ends_with_the_safety_line():
    out = subprocess.run(
        [*stepwork_command(), "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "local emergency number" in " ".join(out.split())
    assert "crisis_line" in out


@pytest.mark.slow
def test_the_crisis_lines_ship_with_stepwork_dated_and_saying_to_check_locally(home):
    out = subprocess.run(
        [*stepwork_command(), "plan", "--crisis-lines"],
        capture_output=True,
        text=True,
        env=child_env(home),
        check=True,
    ).stdout
    assert "2026-11-28" in out
    assert "988" in out and "116 123" in out
    assert "local" in out
    assert not (home / "stepwork.db").exists()  # reading the list opens no journal


def test_the_crisis_lines_have_one_home():
    from importlib import resources

    shipped = resources.files("stepwork.content").joinpath("crisis-lines.md").read_text("utf-8")
    assert "116 123" in shipped
    pointer = (REPO / "docs" / "crisis-lines.md").read_text(encoding="utf-8")
    assert "stepwork plan --crisis-lines" in pointer
    assert "116 123" not in pointer


@pytest.mark.slow
def test_first_run_says_what_stepwork_is_once(home):
    child = spawn(home, "sober")
    for line in safety_messages.FIRST_RUN:
        child.expect_exact(line.split(";")[0])
    assert finish(child) == 0
    child = spawn(home, "sober")
    child.expect(pexpect.EOF)
    assert safety_messages.FIRST_RUN[1] not in child.before
    child.close()


@pytest.mark.slow
def test_first_run_note_never_goes_into_a_pipe(home):
    out = subprocess.run(
        [*stepwork_command(), "export", "--format", "json"],
        capture_output=True,
        text=True,
        env=child_env(home),
        check=True,
    )
    assert safety_messages.FIRST_RUN[1] not in out.stdout + out.stderr
    assert out.stdout.lstrip().startswith("{")


@pytest.mark.slow
def test_ctrl_c_at_the_restore_question_does_not_claim_anything_was_saved(home, run):
    run("gratitude", "my sponsor")
    backup = home.parent / "copy.db"
    assert run("backup", str(backup)).exit_code == 0
    child = spawn(home, "restore", str(backup))
    child.expect(r"\[y/N\]")
    child.sendintr()
    child.expect(pexpect.EOF)
    said = child.before
    child.close()
    assert child.exitstatus == 130
    assert app_messages.STOPPED_NOTHING_CHANGED in said
    assert "saved" not in said


def test_a_stopped_check_in_resumes_where_it_stopped(run, db):
    result = run("checkin", input=lines("6", ""))
    assert result.exit_code == 1
    assert "Pick up where you left off with: stepwork checkin" in result.stderr
    again = run("checkin", input=lines("y", "hungry", "", "", "", ""))
    assert again.exit_code == 0, again.stderr
    out = again.stdout
    assert "stopped a check-in earlier today after 2 of 7 questions" in out
    assert "How is your mood" not in out and "How strong is any craving" not in out
    assert db("SELECT mood, craving, halt FROM checkin") == [(6, None, "hungry")]
    # Finished: the next check-in is a new one.
    third = run("checkin", input=lines("7", "", "", "", "", "", ""))
    assert "stopped a check-in" not in third.stdout
    assert len(db("SELECT id FROM checkin")) == 2


def test_a_stopped_check_in_can_be_set_aside(run, db):
    run("checkin", input=lines("6"))
    again = run("checkin", input=lines("n", "4", "", "", "", "", "", ""))
    assert again.exit_code == 0, again.stderr
    assert sorted(db("SELECT mood FROM checkin")) == [(4,), (6,)]


@pytest.mark.slow
def test_the_subprocess_entry_point_shows_the_line(home):
    out = subprocess.run(
        [*stepwork_command(), "checkin", "--mood", "1"],
        capture_output=True,
        text=True,
        env=child_env(home),
        check=True,
    ).stdout
    assert safety_messages.SAFETY_TITLE in out
    assert sys.executable  # the real entry point, not CliRunner


@pytest.mark.slow
def test_ctrl_c_at_the_passphrase_prompt_says_nothing_was_changed(home, run, monkeypatch):
    run("gratitude", "my sponsor")
    monkeypatch.setenv("STEPWORK_PASSPHRASE", "a long enough passphrase")
    assert run("encrypt").exit_code == 0
    monkeypatch.delenv("STEPWORK_PASSPHRASE")
    child = spawn(home, "step", "1")
    child.expect("Passphrase")
    child.sendintr()
    child.expect(pexpect.EOF)
    said = child.before
    child.close()
    assert child.exitstatus == 130
    assert app_messages.STOPPED_NOTHING_CHANGED in said
    assert "saved" not in said


@pytest.mark.slow
def test_ctrl_c_in_a_check_in_then_the_same_check_in_goes_on(home):
    from .pty_helpers import PROMPT, rows

    child = spawn(home, "checkin")
    child.expect("Question 1 of")
    child.expect_exact(PROMPT)
    child.sendline("5")
    child.expect("Question 2 of")
    child.expect_exact(PROMPT)
    child.sendintr()
    child.expect("Pick up where you left off with: stepwork checkin")
    assert finish(child) == 130
    child = spawn(home, "checkin")
    child.expect("after 1 of 7 questions")
    child.expect(r"\[Y/n\]")
    child.sendline("y")
    child.expect("Question 2 of")
    child.expect_exact(PROMPT)
    child.sendline("3")
    for _ in range(5):
        child.expect_exact(PROMPT)
        child.sendline("")
    child.expect(daily_messages.CHECKIN_SAVED)
    assert finish(child) == 0
    assert rows(home, "SELECT mood, craving FROM checkin") == [(5, 3)]


def test_stopping_at_the_self_harm_question_still_shows_the_safety_line(run, db):
    result = run("checkin", input=lines("1"))  # the input ends at the self-harm question
    assert result.exit_code == 1
    assert safety_messages.SELF_HARM_QUESTION in result.stdout
    assert result.stdout.count(safety_messages.SAFETY_TITLE) == 1
    assert "Pick up where you left off with: stepwork checkin" in result.stderr
    assert db("SELECT mood FROM checkin") == [(1,)]


def test_a_resumed_check_in_asks_the_cut_short_question_again_and_shows_the_line(run, db):
    run("checkin", input=lines("1"))
    again = run("checkin", input=lines("y", "n", "", "", "", "", "", ""))
    assert again.exit_code == 0, again.stderr
    out = again.stdout
    assert safety_messages.SELF_HARM_QUESTION in out
    assert out.index(safety_messages.SELF_HARM_QUESTION) < out.index("Question 2 of")
    assert out.count(safety_messages.SAFETY_TITLE) == 1  # the mood of 1 it holds
    assert out.index(safety_messages.SAFETY_TITLE) < out.index(daily_messages.CHECKIN_SAVED)
    assert db("SELECT mood FROM checkin") == [(1,)]


def test_a_yes_before_a_stop_shows_the_line_and_is_never_written_outside_the_journal(run, home):
    first = run("checkin", input=lines("3", "y"))
    assert first.exit_code == 1 and first.stdout.count(safety_messages.SAFETY_TITLE) == 1
    kept = [p.read_text("utf-8") for p in home.rglob("checkin-unfinished.json")]
    assert kept and all('"ask_harm_again": false' in text for text in kept)
    again = run("checkin", input=lines("y", "", "", "", "", "", ""))
    assert again.exit_code == 0, again.stderr
    assert safety_messages.SELF_HARM_QUESTION not in again.stdout  # answered: not asked twice


def test_a_stop_after_an_ordinary_answer_shows_no_safety_line(run):
    result = run("checkin", input=lines("6"))
    assert result.exit_code == 1
    assert safety_messages.SAFETY_TITLE not in result.stdout


@pytest.mark.slow
def test_ctrl_c_at_the_self_harm_question_shows_the_line_before_the_stop(home):
    from .pty_helpers import PROMPT, rows

    child = spawn(home, "checkin")
    child.expect("Question 1 of")
    child.expect_exact(PROMPT)
    child.sendline("1")
    child.expect_exact(safety_messages.SELF_HARM_QUESTION)
    child.expect(r"\[y/N\]")
    child.sendintr()
    child.expect_exact(safety_messages.SAFETY_TITLE)
    child.expect("Pick up where you left off with: stepwork checkin")
    assert finish(child) == 130
    child = spawn(home, "checkin")
    child.expect(r"\[Y/n\]")
    child.sendline("y")
    child.expect_exact(safety_messages.SELF_HARM_QUESTION)
    child.expect(r"\[y/N\]")
    child.sendline("n")
    for _ in range(6):
        child.expect_exact(PROMPT)
        child.sendline("")
    child.expect_exact(safety_messages.SAFETY_TITLE)
    child.expect_exact(daily_messages.CHECKIN_SAVED)
    assert finish(child) == 0
    assert rows(home, "SELECT mood FROM checkin") == [(1,)]


def test_with_nobody_to_ask_a_checkin_says_what_to_run_and_changes_nothing(run, db):
    result = run("checkin", input="")
    assert result.exit_code == 1
    assert "stepwork checkin --mood" in result.stderr and "Nothing was changed" in result.stderr
    assert "saved" not in result.stderr
    assert db("SELECT id FROM checkin") == []
    assert (
        "stopped a check-in" not in run("checkin", input=lines("5", "", "", "", "", "", "")).stdout
    )


def test_setting_a_stopped_check_in_aside_then_stopping_says_nothing_was_changed(run, db):
    run("checkin", input=lines("6"))
    result = run("checkin", input=lines("n"))
    assert result.exit_code == 1
    assert app_messages.answers_ran_out(app_messages.STOPPED_NOTHING_CHANGED) in result.stderr
    assert "saved" not in result.stderr
    assert db("SELECT mood FROM checkin") == [(6,)]


def test_with_nobody_to_ask_a_new_plan_says_what_to_run_and_changes_nothing(run, db):
    result = run("plan", "--edit", input="")
    assert result.exit_code == 1
    assert "in a terminal" in result.stderr
    assert "saved" not in result.stderr
    assert db("SELECT id FROM guided_session WHERE flow = 'plan'") == []


def test_with_nobody_to_ask_a_new_step_says_what_to_run_and_changes_nothing(run, db):
    result = run("step", "1", input="")
    assert result.exit_code == 1
    assert "Run it in a terminal: stepwork step 1" in " ".join(result.stderr.split())
    assert "saved" not in result.stderr
    assert db("SELECT id FROM guided_session") == []
    again = run("step", "1", input=lines("I kept drinking after I promised to stop"))
    assert "Pick up where you left off with: stepwork step 1" in again.stderr
    assert steps_messages.RESUME_QUESTION in run("step", "1", input="").stdout
