"""Plain mode: every listing without box drawing, block glyphs or colour."""

import re

import pytest

from .conftest import lines
from .test_transfer import small_journal

DRAWN = re.compile("[\u2500-\u257f\u2580-\u259f]")
ANSI = "\x1b"
LISTINGS = [
    ("amends",),
    ("stats",),
    ("steps",),
    ("log",),
    ("inventory",),
    ("people",),
    ("sober",),
    ("sober", "history", "alcohol"),
    ("defects",),
    ("doctor",),
    ("plan",),
    ("config",),
    ("config", "questions"),
    ("gratitude",),
    ("service", "--list"),
    ("step", "4", "--show"),
    ("step", "1", "--show"),
    ("show", "c1"),
    ("search", "boss"),
    ("wording",),
    ("paths",),
    ("plan", "--crisis-lines"),
    ("checkin", "--help"),
    ("inventory", "add", "--help"),
    ("people", "add", "--help"),
    (),
]


@pytest.fixture
def journal(run, clock, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")  # colour and drawing would reach a terminal
    monkeypatch.setenv("COLUMNS", "80")
    small_journal(run, clock)
    clock("2026-11-23 21:00")
    run("sober", "start", "alcohol", "--date", "2026-01-02")
    run("service", "made coffee", "--message")
    run("plan", "--edit", input=lines("Not sleeping", "", "A walk", "") + "\n" * 8)
    return run


@pytest.mark.parametrize("args", LISTINGS, ids=lambda a: " ".join(a) or "dashboard")
def test_every_listing_in_plain_mode_has_no_drawing_and_no_colour(journal, monkeypatch, args):
    monkeypatch.setenv("STEPWORK_PLAIN", "1")
    result = journal(*args, "--no-pager") if args[:1] in (("log",), ("search",)) else journal(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    assert DRAWN.findall(result.output) == []
    assert ANSI not in result.output


@pytest.mark.parametrize("args", [("amends",), ("stats",), ("steps",)])
def test_the_same_listings_are_drawn_when_plain_mode_is_off(journal, args):
    # The check above can fail: without plain mode these hold drawing or colour.
    output = journal(*args).output
    assert DRAWN.search(output) or ANSI in output


def test_plain_mode_is_a_setting_too(journal):
    assert journal("config", "plain", "true").exit_code == 0
    output = journal("amends").output
    assert "Sam" in output or "My" in output
    assert DRAWN.findall(output) == [] and ANSI not in output


def test_plain_lists_read_as_label_and_value(journal, monkeypatch):
    monkeypatch.setenv("STEPWORK_PLAIN", "1")
    output = journal("amends").stdout
    assert re.search(r"^Person: ", output, flags=re.M)
    stats = journal("stats").stdout
    assert "by day: 22 Nov: 6" in stats


STARS_AND_SIGNS = re.compile("[\u2605\u2606]|^#: ", flags=re.M)


def test_plain_lists_say_in_words_what_a_sign_says_when_drawn(journal, monkeypatch):
    journal("people", "add", "Robin", "--hard-moments")
    monkeypatch.setenv("STEPWORK_PLAIN", "1")
    people = journal("people").stdout
    assert "Robin (someone to call in a hard moment)" in people
    steps = journal("steps").stdout
    assert re.search(r"^Number: 1$", steps, flags=re.M)
    for output in (people, steps):
        assert STARS_AND_SIGNS.findall(output) == []


def test_plain_stats_put_a_colon_between_every_day_and_its_number(journal, monkeypatch):
    monkeypatch.setenv("STEPWORK_PLAIN", "1")
    stats = journal("stats").stdout
    assert re.findall(r"\d{1,2} [A-Z][a-z]{2} \d{1,2}\b", stats) == []  # "8 Nov 1": a run-on


def test_plain_crisis_lines_are_label_and_value_lines(journal, monkeypatch):
    monkeypatch.setenv("STEPWORK_PLAIN", "1")
    lines_shown = journal("plan", "--crisis-lines").stdout
    assert re.search(r"^Where: United Kingdom$", lines_shown, flags=re.M)
    assert "|" not in lines_shown and "**" not in lines_shown


def test_a_plain_narrow_inventory_keeps_every_column_heading(journal, monkeypatch):
    monkeypatch.setenv("STEPWORK_PLAIN", "1")
    monkeypatch.setenv("COLUMNS", "60")
    shown = journal("step", "4", "--show").stdout
    assert re.search(r"^Who or what: ", shown, flags=re.M) or re.search(
        r"^The fear: ", shown, flags=re.M
    )
