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
