"""Daily practice: check-ins, the coping plan, review and morning, gratitude, service, stats."""

import json
from datetime import date, timedelta

import pytest

from stepwork import settings
from stepwork.content import daily_questions, load_step

from .conftest import lines

PLAN = lines(
    "Everything gets worse at night",
    "",
    "Take a walk",
    "",
    "Sam 555 0101",
    "",
    "the library",
    "",
    "my kids",
    "",
)


def test_checkin_by_options_saves_everything_in_one_go(run, db, clock):
    clock("2026-11-27 12:00")
    result = run(
        "checkin",
        "--mood",
        "7",
        "--craving",
        "2",
        "--halt",
        "tired,lonely",
        "--meeting",
        "Tuesday noon",
        "--grateful",
        "my sponsor",
        "--grateful",
        "sunshine",
        "--trigger",
        "place:the old bar",
        "--note",
        "steady day",
    )
    assert result.exit_code == 0, result.stderr
    assert "Check-in saved" in result.stdout
    assert db("SELECT local_date, mood, craving, halt, note FROM checkin") == [
        ("2026-11-27", 7, 2, "lonely,tired", "steady day")
    ]
    assert sorted(db("SELECT kind, category, text FROM daily_entry")) == [
        ("gratitude", None, "my sponsor"),
        ("gratitude", None, "sunshine"),
        ("meeting", None, "Tuesday noon"),
        ("trigger", "place", "the old bar"),
    ]


@pytest.mark.parametrize(
    "args, expected",
    [
        (("--mood", "11"), "Mood goes from 1 to 10"),
        (("--mood", "0"), "Mood goes from 1 to 10"),
        (("--craving", "-1"), "Craving goes from 0 to 10"),
        (("--mood", "5", "--halt", "sleepy"), "'sleepy' is not one of"),
        (("--mood", "5", "--trigger", "the bar"), "is not a trigger"),
        (("--mood", "5", "--trigger", "weather:rain"), "is not a trigger"),
        (("--mood", "5", "--date", "tomorrow"), "is not a date"),
        (("--mood", "5", "--date", "2999-01-01"), "in the future"),
        (("--mood", "seven"), "--mood"),
    ],
)
def test_bad_checkin_values_save_nothing(run, home, args, expected):
    result = run("checkin", *args)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    if (home / "stepwork.db").exists():
        import sqlite3

        conn = sqlite3.connect(home / "stepwork.db")
        assert conn.execute("SELECT COUNT(*) FROM checkin").fetchone()[0] == 0
        conn.close()


def test_several_checkins_a_day_each_keep_their_day(run, db):
    run("checkin", "--mood", "4")
    run("checkin", "--mood", "6")
    run("checkin", "--mood", "5", "--date", "yesterday")
    days = [row[0] for row in db("SELECT local_date FROM checkin ORDER BY id")]
    today = date.today().isoformat()
    assert days[:2] == [today, today]
    assert days[2] == (date.today() - timedelta(days=1)).isoformat()


def test_guided_checkin_saves_each_answer(run, db):
    n = len(daily_questions("checkin", settings.load()))
    typed = lines(
        "6",
        "3",
        "t, l",
        "Tuesday noon",
        "",
        "my sponsor",
        "rain",
        "",
        "place: the old bar",
        "Steve",  # refused as --trigger refuses it: asked again
        "person: Steve",
        "",
        "okay day",
        "",
    )
    result = run("checkin", input=typed)
    assert result.exit_code == 0, result.stderr
    assert "'Steve' is not a trigger" in result.stdout
    assert n == 7
    assert db("SELECT mood, craving, halt, note FROM checkin") == [
        (6, 3, "lonely,tired", "okay day")
    ]
    assert sorted(db("SELECT kind, category, text FROM daily_entry")) == [
        ("gratitude", None, "my sponsor"),
        ("gratitude", None, "rain"),
        ("meeting", None, "Tuesday noon"),
        ("trigger", "person", "Steve"),
        ("trigger", "place", "the old bar"),
    ]


def test_guided_checkin_asks_again_for_a_number_out_of_range(run, db):
    result = run("checkin", input=lines("12", "8", "", "", "", "", "", ""))
    assert "whole number from 1 to 10" in result.stdout
    assert db("SELECT mood FROM checkin") == [(8,)]


def test_an_interrupted_guided_checkin_keeps_what_was_given(run, db):
    result = run("checkin", input=lines("5", "6"))
    assert result.exit_code == 1
    assert "stepwork checkin" in result.stderr
    assert db("SELECT mood, craving FROM checkin") == [(5, 6)]


def test_an_empty_guided_checkin_is_not_kept(run, db):
    result = run("checkin", input="\n" * 10)
    assert "no check-in was saved" in result.stdout
    assert db("SELECT COUNT(*) FROM checkin") == [(0,)]


def test_high_craving_shows_the_plan_calmly_and_low_does_not(run):
    run("plan", "--edit", input=PLAN)
    high = run("checkin", "--mood", "6", "--craving", "8", "--halt", "lonely")
    assert "Check-in saved" in high.stdout
    assert "Sam 555 0101" in high.stdout
    assert "It will pass" in high.stdout
    at_threshold = run("checkin", "--craving", "7")
    assert "Sam 555 0101" in at_threshold.stdout
    low = run("checkin", "--craving", "6")
    assert "Sam 555 0101" not in low.stdout


def test_the_threshold_is_a_setting(run):
    run("plan", "--edit", input=PLAN)
    run("config", "craving_threshold", "4")
    assert "Sam 555 0101" in run("checkin", "--craving", "4").stdout
    bad = run("config", "craving_threshold", "eleven")
    assert bad.exit_code == 2
    assert settings.load()["craving_threshold"] == "4"


def test_high_craving_without_a_plan_still_answers_kindly(run):
    result = run("checkin", "--craving", "9")
    assert "it will pass" in result.stdout
    assert "stepwork plan" in " ".join(result.stdout.split())


def test_guided_high_craving_shows_the_plan(run):
    run("plan", "--edit", input=PLAN)
    result = run("checkin", input=lines("4", "9", "", "", "", "", ""))
    assert "Sam 555 0101" in result.stdout


def test_plan_shows_and_editing_keeps_what_is_not_changed(run):
    assert "not written a coping plan" in run("plan", input="n\n").stdout
    run("plan", "--edit", input=PLAN)
    shown = run("plan").stdout
    assert "Everything gets worse at night" in shown and "the library" in shown
    edited = run("plan", "--edit", input=lines("", "Eat something", "", "", "", ""))
    assert edited.exit_code == 0, edited.stderr
    shown = run("plan").stdout
    assert "Take a walk" in shown and "Eat something" in shown
    assert "Sam 555 0101" in shown


def test_the_plan_is_shown_under_short_headings_not_the_forms_prompts(run):
    run("plan", "--edit", input=PLAN)
    for shown in (run("plan").stdout, run("checkin", "--craving", "9").stdout):
        assert "People to call" in shown and "Warning signs" in shown
        assert "One per line" not in shown and "with their numbers" not in shown
    assert all(q.heading for q in daily_questions("plan", settings.load()))


def test_review_is_step_ten_and_resumes_tonight(run, db, clock):
    clock("2026-11-27 21:00")
    first = run("review", input=lines("I snapped at my son", ""))
    assert first.exit_code == 1
    assert "stepwork review" in first.stderr
    again = run("step", "10", input=lines("y", "I should apologise", ""))
    assert "answered 1 of" in " ".join(again.stdout.split())
    assert db("SELECT flow, step, COUNT(*) FROM guided_session GROUP BY flow") == [
        ("review", 10, 1)
    ]


def test_a_review_left_open_yesterday_is_kept_and_tonight_starts_fresh(run, db, clock):
    clock("2026-11-26 22:00")
    run("review", input=lines("yesterday's answer", ""))
    clock("2026-11-27 22:00")
    result = run("review", input=lines("tonight", ""))
    assert "Pick up where you left off" not in result.stdout
    assert db("SELECT local_date, status FROM guided_session ORDER BY id") == [
        ("2026-11-26", "finished"),
        ("2026-11-27", "open"),
    ]
    assert "yesterday's answer" in run("step", "10", "--show").stdout


def test_finishing_the_review_marks_it_done_on_the_dashboard(run, clock):
    clock("2026-11-27 21:30")
    run("checkin", "--mood", "6")
    assert "Look back on the day" in run().stdout
    questions = len(load_step(10, settings.load()).questions)
    result = run("review", input="\n" * questions)
    assert "today's review" in result.stdout
    dashboard = run().stdout
    assert "Tonight's review: done" in dashboard
    assert "Today's check-in: done" in dashboard


def test_morning_is_step_eleven(run, db):
    result = run("step", "11", input=lines("A job interview", ""))
    assert result.exit_code == 1
    assert db("SELECT flow, step FROM guided_session") == [("morning", 11)]
    assert "A job interview" in run("step", "11", "--show").stdout


def test_gratitude_quick_add_and_list(run):
    assert run("gratitude", "a warm bed").exit_code == 0
    run("checkin", "--grateful", "my sponsor")
    listed = run("gratitude").stdout
    assert "a warm bed" in listed and "my sponsor" in listed
    assert run("gratitude", "  ").exit_code == 2


def test_service_logging(run, db):
    assert run("service", "made the coffee").exit_code == 0
    assert run("service", "called a newcomer", "--message", "--note", "he came").exit_code == 0
    guided = run("service", input=lines("chaired the meeting", "n", ""))
    assert guided.exit_code == 0
    assert db("SELECT what, carried_message, note FROM service ORDER BY id") == [
        ("made the coffee", 0, ""),
        ("called a newcomer", 1, "he came"),
        ("chaired the meeting", 0, ""),
    ]
    listed = run("service", "--list").stdout
    assert "called a newcomer" in listed and "carried" in listed


def test_a_checkin_just_before_midnight_belongs_to_that_local_day(run, db, clock):
    # 23:59 in UTC-8 is already the next day in UTC; the person's day is what counts.
    clock("2026-11-27 23:59", utc_offset_hours=-8)
    run("checkin", "--mood", "5")
    clock("2026-11-28 00:01", utc_offset_hours=-8)
    run("checkin", "--mood", "6")
    assert [r[0] for r in db("SELECT local_date FROM checkin ORDER BY id")] == [
        "2026-11-27",
        "2026-11-28",
    ]
    stats = json.loads(run("stats", "--days", "2", "--json").stdout)
    assert stats["mood_by_day"] == {"2026-11-27": 5.0, "2026-11-28": 6.0}
    assert stats["current_streak"] == 2


def test_stats_over_sixty_days(run, clock):
    clock("2026-11-27 20:00")
    start = date(2026, 9, 29)
    for offset in range(60):
        day = start + timedelta(days=offset)
        if offset % 10 == 3:
            continue  # a few days without a check-in
        args = ["checkin", "--date", day.isoformat(), "--mood", str(1 + offset % 10)]
        args += ["--craving", str(offset % 11), "--halt", "tired" if offset % 2 else "angry"]
        if offset % 3 == 0:
            args += ["--meeting", "home group", "--trigger", "place:payday"]
        assert run(*args).exit_code == 0
    result = run("stats", "--days", "60", "--json")
    stats = json.loads(result.stdout)
    assert stats["checkins"] == 54
    assert stats["days_with_checkin"] == 54
    assert stats["halt"]["tired"] + stats["halt"]["angry"] == 54
    assert stats["current_streak"] == 6  # 2026-11-22 to 2026-11-27 (offset 53 was skipped)
    with_meeting = sum(1 for o in range(60) if o % 10 != 3 and o % 3 == 0)
    assert stats["top_triggers"][0] == {"kind": "place", "text": "payday", "count": with_meeting}
    assert sum(stats["meetings_per_week"].values()) == with_meeting
    assert stats["mood_by_day"]["2026-09-29"] == 1.0

    chart = run("stats", "--days", "60").stdout.splitlines()
    title = next(i for i, line in enumerate(chart) if line.startswith("Mood"))
    mood_rows = [line[4:] for line in chart[title + 1 : title + 6]]
    assert len({len(row.rstrip()) for row in mood_rows[-1:]}) == 1
    assert len(mood_rows[-1]) == 60  # one column a day: 60 days fit on 80 columns
    assert mood_rows[-1][3] == "·"  # offset 3 had no check-in
    assert mood_rows[0][9] == "█"  # offset 9: mood 10 fills the top row
    assert mood_rows[0][0] == " " and mood_rows[-1][0] != " "  # mood 1: a sliver at the bottom
    text = "\n".join(chart)
    assert "HALT" in text and "payday" in text


def test_stats_with_nothing_yet_and_bad_days(run):
    assert "thirty seconds" in run("stats").stdout
    assert run("stats", "--days", "0").exit_code == 2
