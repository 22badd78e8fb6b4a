"""The small words: what a person reads should say what is true, in plain sentences."""

from .conftest import lines
from .test_inventory import FEAR, step4


def test_the_dashboard_lists_steps_in_progress_in_words(run):
    run("step", "1", input=lines("I kept promising"))
    run("step", "2", input=lines("Maybe"))
    shown = " ".join(run().stdout.split())
    assert "Step work in progress: steps 1 and 2" in shown


def test_a_reset_on_the_first_day_does_not_speak_of_0_days(run, clock):
    clock("2026-11-27 10:00")
    run("sober", "start", "alcohol")
    said = " ".join(run("sober", "reset", "alcohol", "--yes").stdout.split())
    assert "Counting alcohol again" in said
    assert "0 days" not in said and "The earlier start is kept in your history" in said


def test_reading_back_over_the_inventory_shows_it_first(run):
    step4(run, 2, FEAR)
    out = run("step", "4", input=lines("5")).stdout  # 5: reflect on the whole inventory
    assert "Being alone" in out
    assert out.index("Being alone") < out.index("Reading back over your inventory")


def test_step_five_does_not_ask_whom_to_share_with_right_after_recording_it(run):
    step4(run, 2, FEAR)
    result = run("step", "5", input=lines("sponsor", "", "y", "y") + "\n" * 10)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "recorded as shared with sponsor" in out
    assert "Who will you share your inventory with" not in out
    assert "What did you hear back" in out


def test_an_empty_for_names_the_option_that_was_given(run):
    result = run("export", "--for", "")
    assert result.exit_code == 2
    assert "--for sponsor" in result.stderr and "--with" not in result.stderr


def test_an_id_too_large_to_exist_is_not_called_malformed(run):
    result = run("inventory", "show", "i99999999999999999999999")
    assert result.exit_code == 2
    assert "is not an inventory ID" not in result.stderr
    assert "no such record" in result.stderr


def test_a_bad_choice_is_echoed_as_typed(run):
    result = run("step", "4", input=lines("1", "Someone", "", "n", "it", "", "Pride, Bogus"))
    assert "'Bogus' is not one of the choices" in result.stdout


def test_a_day_too_long_ago_ends_its_sentence(run):
    result = run("checkin", "--mood", "5", "--date", "1850-01-01")
    assert result.stderr.strip().endswith("from 1900-01-01 on.")


def test_a_log_card_keeps_the_summary_under_its_heading(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    assert run("service", "drove a newcomer to a meeting").exit_code == 0
    shown = [line.strip("│ ") for line in run("log").stdout.splitlines()]
    at = shown.index("What")
    assert shown[at + 1 : at + 3] == ["Service", "drove a newcomer to a meeting"]


def test_an_item_shown_with_no_marks_ends_without_empty_lines(run):
    step4(run, 2, FEAR)
    panel = run("inventory", "show", "i1").stdout.splitlines()
    assert panel[-1].startswith("╰")
    assert panel[-2].strip("│ ") != ""


def test_step_nine_with_nobody_willing_ends_with_a_kind_word(run):
    from stepwork.messages import amends as amends_messages

    result = run("step", "9", input=lines("n"))
    assert result.exit_code == 0
    said = " ".join(result.stdout.split())
    assert said.endswith(" ".join(amends_messages.STEP9_NOT_YET.split()))
