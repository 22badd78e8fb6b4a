"""Sobriety counters: calendar arithmetic, milestones, and resets kept kindly."""

from datetime import date

import pytest

from stepwork.domain import sobriety


@pytest.mark.parametrize(
    "start, today, expected",
    [
        (date(2026, 11, 27), date(2026, 11, 27), (0, 0, 0, 0)),
        (date(2026, 8, 29), date(2026, 11, 27), (90, 0, 2, 29)),
        (date(2024, 2, 29), date(2025, 2, 28), (365, 1, 0, 0)),
        (date(2024, 2, 29), date(2025, 3, 1), (366, 1, 0, 1)),
        (date(2023, 1, 31), date(2023, 3, 1), (29, 0, 1, 1)),
        (date(2020, 2, 29), date(2024, 2, 29), (1461, 4, 0, 0)),
        (date(2025, 12, 31), date(2026, 1, 30), (30, 0, 0, 30)),
    ],
)
def test_span_in_days_and_calendar_terms(start, today, expected):
    span = sobriety.span(start, today)
    assert (span.days, span.years, span.months, span.rest_days) == expected


def test_milestones_across_a_leap_day():
    start = date(2024, 2, 29)
    found = {m.label: m.on for m in sobriety.milestones(start, date(2027, 3, 1))}
    assert found["24 hours"] == date(2024, 3, 1)
    assert found["30 days"] == date(2024, 3, 30)
    assert found["90 days"] == date(2024, 5, 29)
    assert found["6 months"] == date(2024, 8, 29)
    assert found["9 months"] == date(2024, 11, 29)
    assert found["1 year"] == date(2025, 2, 28)  # no Feb 29 in 2025: the month's last day
    assert found["18 months"] == date(2025, 8, 29)
    assert found["2 years"] == date(2026, 2, 28)
    assert found["3 years"] == date(2027, 2, 28)
    assert found["4 years"] == date(2028, 2, 29)


def test_next_and_reached_milestones():
    start = date(2026, 8, 29)
    assert sobriety.reached_today(start, date(2026, 11, 27)).label == "90 days"
    assert sobriety.next_milestone(start, date(2026, 11, 27)).label == "6 months"
    assert sobriety.reached_today(start, date(2026, 11, 28)) is None
    assert sobriety.next_milestone(start, start).label == "24 hours"
    assert sobriety.next_milestone(date(2010, 5, 1), date(2026, 11, 27)).label == "17 years"


def test_sober_start_shows_days_and_the_next_milestone(run, clock):
    clock("2026-11-27 10:00")
    result = run("sober", "start", "alcohol", "--date", "2026-08-29")
    assert result.exit_code == 0, result.stderr
    shown = " ".join(run("sober").stdout.split())
    assert "90 days sober (2 months, 29 days)" in shown
    assert "Today marks 90 days for alcohol" in shown
    assert "next: 6 months on Sun 28 Feb 2027 (in 93 days)" in shown


@pytest.mark.parametrize(
    "args, expected",
    [
        (("start", "alcohol", "--date", "2999-01-01"), "in the future"),
        (("start", "alcohol", "--date", "last week"), "not a date"),
        (("start", "  "), "Give the counter a name"),
        (("reset", "cocaine"), "no counter called 'cocaine'"),
        (("history", "cocaine"), "no counter called 'cocaine'"),
    ],
)
def test_bad_counter_input_is_refused(run, args, expected):
    result = run("sober", *args)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_starting_twice_points_to_reset(run):
    run("sober", "start", "alcohol", "--date", "2026-01-01")
    again = run("sober", "start", "Alcohol")
    assert again.exit_code == 2
    assert "stepwork sober reset" in again.stderr


def test_reset_keeps_the_earlier_run_in_kind_words(run, db, clock):
    clock("2026-11-27 10:00")
    run("sober", "start", "gambling", "--date", "2026-01-01")
    result = run(
        "sober", "reset", "gambling", "--date", "2026-11-20", "--note", "a hard week", "--yes"
    )
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split()).lower()
    assert "323 days before are kept" in text
    for unkind in ("fail", "relapse", "lost", "shame"):
        assert unkind not in text
    assert db("SELECT started_on FROM sobriety_counter") == [("2026-11-20",)]
    history = run("sober", "history", "gambling").stdout
    assert "a hard week" in history and "323" in history
    before_start = run("sober", "reset", "gambling", "--date", "2026-11-01", "--yes")
    assert before_start.exit_code == 2
    assert "stepwork sober set gambling --date 2026-11-01" in before_start.stderr
    assert db("SELECT started_on FROM sobriety_counter") == [("2026-11-20",)]


def test_the_dashboard_shows_counters(run, clock):
    clock("2026-11-27 10:00")
    run("sober", "start", "alcohol", "--date", "2026-11-01")
    assert "alcohol: 26 days" in run().stdout


def counter_days(run) -> str:
    return " ".join(run("sober").stdout.split())


def test_reset_asks_first_and_a_no_changes_nothing(run, db, clock, home):
    clock("2026-11-27 10:00")
    run("sober", "start", "alcohol", "--date", "2025-09-14")
    result = run("sober", "reset", "alcohol", input="n\n")
    assert result.exit_code == 0
    assert "Count alcohol again from" in result.stdout and "439 days so far" in result.stdout
    assert "Nothing changed" in result.stdout
    assert db("SELECT started_on FROM sobriety_counter") == [("2025-09-14",)]
    assert db("SELECT COUNT(*) FROM sobriety_run") == [(0,)]
    # End of input (a script without --yes) changes nothing either.
    stopped = run("sober", "reset", "alcohol")
    assert stopped.exit_code == 1
    assert "Nothing was changed" in stopped.stderr
    assert "Instead: stepwork sober reset alcohol --yes" in " ".join(stopped.stderr.split())
    assert db("SELECT started_on FROM sobriety_counter") == [("2025-09-14",)]


def test_undo_brings_the_days_back_after_a_reset_and_a_backup_was_taken(run, db, clock, home):
    clock("2026-11-27 10:00")
    run("sober", "start", "alcohol", "--date", "2025-09-14")
    assert "439 days sober" in counter_days(run)
    result = run("sober", "reset", "alcohol", input="y\n")
    assert result.exit_code == 0, result.stderr
    assert "0 days sober" in counter_days(run)
    copies = list((home / "backups").glob("stepwork-before-reset-*.db"))
    assert len(copies) == 1
    import sqlite3

    kept = sqlite3.connect(copies[0])
    assert kept.execute("SELECT started_on FROM sobriety_counter").fetchall() == [("2025-09-14",)]
    kept.close()
    undone = run("sober", "undo", "alcohol")
    assert undone.exit_code == 0, undone.stderr
    assert "439 days sober" in counter_days(run)
    assert db("SELECT COUNT(*) FROM sobriety_run") == [(0,)]
    nothing = run("sober", "undo", "alcohol")
    assert nothing.exit_code == 1 and "Nothing left to undo for alcohol" in nothing.stderr
    assert "has not been reset or changed" not in nothing.stderr  # it was, and that is undone


def test_set_corrects_the_start_even_to_an_earlier_day_and_undo_reverts_it(run, db, clock):
    clock("2026-11-27 10:00")
    run("sober", "start", "alcohol", "--date", "2026-11-01")
    result = run("sober", "set", "alcohol", "--date", "2025-09-14")
    assert result.exit_code == 0, result.stderr
    assert "439 days sober" in counter_days(run)
    assert db("SELECT COUNT(*) FROM sobriety_run") == [(0,)]
    run("sober", "undo", "alcohol")
    assert db("SELECT started_on FROM sobriety_counter") == [("2026-11-01",)]


def test_rename_keeps_the_history_and_refuses_a_taken_name(run, clock):
    clock("2026-11-27 10:00")
    run("sober", "start", "alcohol", "--date", "2026-01-01")
    run("sober", "start", "gambling", "--date", "2026-01-01")
    run("sober", "reset", "alcohol", "--date", "2026-06-01", "--note", "summer", "--yes")
    assert run("sober", "rename", "alcohol", "gambling").exit_code == 2
    result = run("sober", "rename", "alcohol", "drinking")
    assert result.exit_code == 0, result.stderr
    assert "drinking" in counter_days(run) and "alcohol" not in counter_days(run)
    assert "summer" in run("sober", "history", "drinking").stdout


def test_delete_asks_keeps_the_counter_in_history_and_export_and_can_be_undone(run, db, clock):
    import json

    clock("2026-11-27 10:00")
    run("sober", "start", "gaming", "--date", "2026-01-01")
    kept = run("sober", "delete", "gaming", input="n\n")
    assert "gaming" in counter_days(run)
    assert kept.exit_code == 0
    result = run("sober", "delete", "gaming", input="y\n")
    assert result.exit_code == 0, result.stderr
    assert "gaming" not in counter_days(run)
    assert "gaming" not in run().stdout
    history = run("sober", "history", "gaming")
    assert history.exit_code == 0 and "deleted" in history.stdout
    exported = json.loads(run("export", "--format", "json").stdout)
    assert [c["name"] for c in exported["tables"]["sobriety_counter"]] == ["gaming"]
    assert [c["kind"] for c in exported["tables"]["sobriety_change"]] == ["delete"]
    assert "gaming" in run("export").stdout
    again = run("sober", "start", "gaming")
    assert again.exit_code == 2 and "sober undo gaming" in again.stderr
    run("sober", "undo", "gaming")
    assert "gaming" in counter_days(run)


def test_the_word_for_counted_time_is_the_persons_own(run, clock):
    clock("2026-11-27 10:00")
    run("config", "time_word", "clean")
    run("sober", "start", "drugs", "--date", "2026-11-01")
    shown = counter_days(run)
    assert "Clean time" in shown and "26 days clean" in shown
    assert "sober" not in shown.lower()
    assert "26 days clean" in " ".join(run().stdout.split())
    assert "clean" in run("export").stdout.lower()
