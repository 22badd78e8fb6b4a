"""Every listing of sentences is readable from 60 columns up: no word cut, nothing dropped."""

import re

import pytest

from .conftest import lines
from .test_inventory import FEAR, HARM, RESENTMENT, SEX, step4

BORDERS = re.compile(r"[\u2500-\u257f]")
PEOPLE_AND_HARMS = [
    ("Person with a long name", "I was hungover and angry at the wedding and said cruel things"),
    ("Dad", "lied about the money, again and again"),
    ("Grandmother Rosalind", "never visited her in the hospital"),
]


def words(output: str) -> list[str]:
    """The words on screen, with table rules and card borders taken away."""
    return BORDERS.sub(" ", output).split()


def assert_whole(output: str, *texts: str) -> None:
    assert "\u2026" not in output  # no ellipsis anywhere
    on_screen = words(output)
    for text in texts:
        for word in text.split():
            assert word in on_screen, (word, output)


@pytest.fixture
def journal(run):
    for person, harm in PEOPLE_AND_HARMS:
        run("amends", "add", person, "--harm", harm)
    run("amends", "set", "a2", "--status", "willing", "--kind", "indirect")
    step4(run, 1, RESENTMENT)
    step4(run, 2, FEAR)
    step4(run, 3, SEX)
    step4(run, 4, HARM)
    run("service", "drove Marguerite to her first meeting across town", "--note", "she stayed")
    run("service", "made the coffee", "--message")
    return run


@pytest.mark.parametrize("width", [60, 80, 120])
def test_every_listing_shows_names_and_harms_whole(journal, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    amends = journal("amends").stdout
    assert_whole(amends, *(p for p, _ in PEOPLE_AND_HARMS), *(h for _, h in PEOPLE_AND_HARMS))
    assert_whole(amends, "not yet willing")
    assert all(len(line) <= width for line in amends.splitlines())

    inventory = journal("inventory").stdout
    assert_whole(
        inventory,
        "My boss",
        "He shouted at me in the meeting",
        "I was late again",
        "Being alone",
        "I cling to people",
        "I cheated on Sam",
        "Tell the truth",
        "My sister",
        "I took money from her",
        "She stopped trusting me",
    )
    assert all(len(line) <= width for line in inventory.splitlines())

    service = journal("service", "--list").stdout
    assert_whole(service, "drove Marguerite to her first meeting across town", "she stayed")

    log = journal("log").stdout
    assert_whole(log, "Person with a long name", "Grandmother Rosalind", "Marguerite")


def test_narrow_terminals_get_cards_and_wide_ones_a_table(journal, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    assert "\u256d\u2500 a1" in journal("amends").stdout  # a card titled by its ID
    monkeypatch.setenv("COLUMNS", "120")
    wide = journal("amends").stdout
    assert "\u250f" in wide and "Person" in wide.splitlines()[2]


def test_step_nine_shows_one_table_for_its_list(journal, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    journal("amends", "set", "a3", "--status", "willing")
    result = journal("step", "9", input=lines("", "", "n"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\u250f") == 1  # one table, not one per person
    assert "Dad" in result.stdout and "Grandmother" in result.stdout


def test_a_wide_terminal_gives_every_inventory_heading_its_line(run, monkeypatch):
    """A fear with some columns left empty: at 120 columns no heading is squeezed to a word a
    line while the table has room to spare."""
    from stepwork import settings
    from stepwork.content.inventory import section

    monkeypatch.setenv("COLUMNS", "120")
    assert run("inventory", "add", "fear", input="Heights\n" + "\n" * 20).exit_code == 0
    shown = run("inventory", "list").stdout
    for heading in section("fear", settings.load()).columns:
        assert heading.heading in shown, (heading.heading, shown)
