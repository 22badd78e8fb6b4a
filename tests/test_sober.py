"""Sobriety counters: calendar arithmetic, milestones, and resets kept kindly."""

from datetime import date

import pytest

from stepwork import sobriety


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
    assert "90 days (2 months, 29 days)" in shown
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
    result = run("sober", "reset", "gambling", "--date", "2026-11-20", "--note", "a hard week")
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split()).lower()
    assert "323 days before are kept" in text
    for unkind in ("fail", "relapse", "lost", "shame"):
        assert unkind not in text
    assert db("SELECT started_on FROM sobriety_counter") == [("2026-11-20",)]
    history = run("sober", "history", "gambling").stdout
    assert "a hard week" in history and "323" in history
    before_start = run("sober", "reset", "gambling", "--date", "2026-11-01")
    assert before_start.exit_code == 2
    assert db("SELECT started_on FROM sobriety_counter") == [("2026-11-20",)]


def test_the_dashboard_shows_counters(run, clock):
    clock("2026-11-27 10:00")
    run("sober", "start", "alcohol", "--date", "2026-11-01")
    assert "alcohol: 26 days" in run().stdout
