"""Journal-wide commands: log, search, show, edit and delete, over every kind of record."""

import json
import sqlite3
from pathlib import Path

import pytest

from stepwork import settings
from stepwork.content import load_step

from .conftest import lines


@pytest.fixture
def journal(run, clock):
    """A small journal written through the commands, on known days."""
    clock("2026-11-20 09:00")
    run("step", "1", input=lines("I tried only drinking beer", "", "Many times", ""))
    clock("2026-11-21 10:00")
    run(
        "step",
        "4",
        input=lines(
            "1",
            "My boss",
            "",
            "n",
            "He shouted; I hold a resentment",
            "",
            "1",
            "1",
            "",
            "",
            "n",
            "n",
            "",
        ),
    )
    clock("2026-11-22 20:00")
    run("checkin", "--mood", "6", "--craving", "3", "--note", "quiet evening")
    run("gratitude", "my sponsor")
    clock("2026-11-23 21:00")
    run("service", "made the coffee")
    run("amends", "add", "Dad", "--harm", "lied to him")
    return run


def log_json(run, *args):
    result = run("log", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_log_lists_every_kind_newest_first_with_ids(journal):
    entries = log_json(journal)
    assert [e["kind"] for e in entries][:2] in (["service", "amends"], ["amends", "service"])
    assert {e["id"][0] for e in entries} == {"s", "i", "c", "g", "v", "a"}
    days = [e["date"] for e in entries]
    assert days == sorted(days, reverse=True)
    table = journal("log").stdout
    assert "i1" in table and "My boss" in table


@pytest.mark.parametrize(
    "args, kinds",
    [
        (("--kind", "inventory"), {"inventory"}),
        (("--kind", "checkin,gratitude"), {"checkin", "gratitude"}),
        (("--step", "4"), {"inventory"}),
        (("--step", "1"), {"step"}),
        (("--since", "2026-11-22", "--until", "2026-11-22"), {"checkin", "gratitude"}),
    ],
)
def test_log_filters(journal, args, kinds):
    assert {e["kind"] for e in log_json(journal, *args)} == kinds


def test_log_count(journal):
    assert len(log_json(journal, "-n", "2")) == 2


@pytest.mark.parametrize(
    "args, expected",
    [
        (("--kind", "diary"), "no kind 'diary'"),
        (("--since", "last tuesday"), "not a date"),
        (("--since", "2026-11-22", "--until", "2026-11-01"), "is after"),
        (("--step", "13"), "1 to 12"),
    ],
)
def test_log_bad_filters(run, args, expected):
    result = run("log", *args)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_search_is_stemmed_ranked_and_highlighted(journal):
    result = journal("search", "resented", "--json")
    assert result.exit_code == 0, result.stderr
    hits = json.loads(result.stdout)
    assert [h["id"] for h in hits] == ["i1"]
    assert "**resentment**" in hits[0]["snippet"]
    assert "resentment" in journal("search", "resented").stdout


def test_search_filters_and_no_results(journal):
    assert json.loads(journal("search", "coffee", "--kind", "service", "--json").stdout)
    assert json.loads(journal("search", "coffee", "--kind", "checkin", "--json").stdout) == []
    assert "Nothing found" in journal("search", "zebra").stdout


@pytest.mark.parametrize("query", ['"boss', "boss*", "NOT AND", "a:b", "don't", "(x", "ünïcödé"])
def test_search_never_breaks_on_punctuation(journal, query):
    result = journal("search", query)
    assert result.exit_code == 0, result.stderr


def test_search_needs_words(run):
    result = run("search", "!!!")
    assert result.exit_code == 2


def test_show_any_record_by_id(journal):
    for label, expected in (
        ("i1", "My boss"),
        ("c1", "quiet evening"),
        ("g1", "my sponsor"),
        ("v1", "made the coffee"),
        ("a1", "lied to him"),
        ("s1", "I tried only drinking beer"),
    ):
        result = journal("show", label)
        assert result.exit_code == 0, (label, result.stderr)
        assert expected in result.stdout, label
    missing = journal("show", "c99")
    assert missing.exit_code == 2 and "no record" in missing.stderr


def test_edit_field_by_field_validates_and_saves(journal, db):
    # mood (asked again), craving, HALT, meetings, gratitude, triggers kept; the note cleared
    result = journal("edit", "c1", input=lines("11", "8", "", "t", "", "", "", "-"))
    assert result.exit_code == 0, result.stderr
    assert "from 1 to 10" in result.stdout
    assert db("SELECT mood, craving, halt, note FROM checkin") == [(8, 3, "tired", "")]


def test_edit_inventory_choices_are_checked(journal, db):
    fields = len(load_step(4, settings.load()).questions)
    assert fields
    result = journal("edit", "i1", input=lines("", "", "", "9", "pride", "", "", "", ""))
    assert "'9' is not one of the choices" in result.stdout
    assert ("pride",) in db("SELECT text FROM answer WHERE question_key = 'affects'")


@pytest.fixture
def sed_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def make(expression: str) -> None:
        script = tmp_path / "sed-editor"
        script.write_text(f"#!/bin/sh\nsed -i '{expression}' \"$1\"\n")
        script.chmod(0o755)
        monkeypatch.setenv("EDITOR", str(script))

    return make


def test_edit_in_the_editor(journal, db, sed_editor):
    sed_editor("s/quiet evening/a quiet, good evening/")
    result = journal("edit", "c1", "--editor")
    assert result.exit_code == 0, result.stderr
    assert db("SELECT note FROM checkin") == [("a quiet, good evening",)]


def test_an_invalid_field_in_the_editor_keeps_the_others_and_asks_again(
    journal, db, tmp_path, monkeypatch
):
    # The first time the mood is made invalid and the note changed; the second time the
    # editor sees the problem at the top and fixes the mood.
    seen = tmp_path / "seen"
    script = tmp_path / "two-round-editor"
    script.write_text(
        "#!/bin/sh\n"
        f'cat "$1" >> "{seen}"; echo ---- >> "{seen}"\n'
        'if grep -q "^#! " "$1"; then sed -i "s/^twelve$/8/" "$1"; '
        "else sed -i 's/^6$/twelve/; s/quiet evening/changed/' \"$1\"; fi\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    result = journal("edit", "c1", "--editor")
    assert result.exit_code == 0, result.stderr
    assert db("SELECT mood, note FROM checkin") == [(8, "changed")]
    second_round = seen.read_text().split("----\n")[1]
    assert second_round.startswith("#! Mood (1-10): Use a whole number from 1 to 10")
    assert "\ntwelve\n" in second_round and "\nchanged\n" in second_round


def test_an_invalid_field_left_as_it_is_keeps_its_old_value(journal, db, sed_editor):
    sed_editor("s/^6$/twelve/; s/quiet evening/changed/")
    result = journal("edit", "c1", "--editor")
    assert result.exit_code == 1
    assert "Mood (1-10)" in result.stderr and "everything else you changed was saved" in (
        " ".join(result.stderr.split())
    )
    assert db("SELECT mood, note FROM checkin") == [(6, "changed")]


def test_every_field_of_a_checkin_is_editable(run, db, sed_editor):
    run("checkin", "--meeting", "noon", "--grateful", "tea", "--trigger", "place:bar")
    sed_editor("s/^noon$/evening group/; s/^tea$/tea\\nrain/; s/^place: bar$/person: Sam/")
    result = run("edit", "c1", "--editor")
    assert result.exit_code == 0, result.stderr
    assert sorted(db("SELECT kind, category, text FROM daily_entry")) == [
        ("gratitude", None, "rain"),
        ("gratitude", None, "tea"),
        ("meeting", None, "evening group"),
        ("trigger", "person", "Sam"),
    ]
    at_prompt = run("edit", "c1", input=lines("", "", "", "", "", "thing: payday; place: a", ""))
    assert at_prompt.exit_code == 0, at_prompt.stderr
    assert db("SELECT category, text FROM daily_entry WHERE kind = 'trigger'") == [
        ("thing", "payday"),
        ("place", "a"),
    ]
    refused = run("edit", "c1", input=lines("", "", "", "", "", "payday", "", ""))
    assert "'payday' is not a trigger" in refused.stdout


def test_delete_asks_and_removes_the_words_from_the_file(run, home):
    secret = "zanzibarquokka"
    run("checkin", "--mood", "5", "--note", f"the {secret} thing")
    run("checkin", "--mood", "7", "--note", "something else")
    kept = run("delete", "c1", input="n\n")
    assert "Nothing was deleted" in kept.stdout
    assert run("search", secret, "--json").stdout.strip() != "[]"
    before = b"".join(p.read_bytes() for p in home.iterdir() if p.is_file())
    assert secret.encode() in before  # the check below can fail
    gone = run("delete", "c1", "--yes")
    assert gone.exit_code == 0, gone.stderr
    assert json.loads(run("search", secret, "--json").stdout) == []
    # Every connection is closed: the WAL is folded back in; no byte of the word remains.
    for path in home.iterdir():
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path.name
    conn = sqlite3.connect(home / "stepwork.db")
    assert conn.execute("SELECT COUNT(*) FROM checkin").fetchone()[0] == 1
    conn.close()


def test_delete_of_a_step_session_removes_its_answers(journal, db):
    journal("delete", "s1", "--yes")
    assert db("SELECT COUNT(*) FROM answer WHERE text LIKE 'I tried%'") == [(0,)]


def test_saying_no_part_in_a_later_edit_marks_the_item_for_a_therapist(journal):
    result = journal("edit", "i1", input=lines("", "y", "", "", "", "", ""))
    assert result.exit_code == 0, result.stderr
    marked = json.loads(journal("inventory", "list", "--for-therapist", "--json").stdout)
    assert [item["id"] for item in marked] == ["i1"]


def test_search_takes_several_words_and_quoted_phrases(run):
    assert run("checkin", "--note", "I was drunk and I lied to my friend").exit_code == 0
    assert run("checkin", "--note", "I lied about the report").exit_code == 0
    both = json.loads(run("search", "drunk", "lied", "--json").stdout)
    assert [hit["id"] for hit in both] == ["c1"]
    assert len(json.loads(run("search", "lied", "--json").stdout)) == 2
    assert [h["id"] for h in json.loads(run("search", "lied to", "--json").stdout)] == ["c1"]
    assert json.loads(run("search", "to lied", "--json").stdout) == []
    assert [h["id"] for h in json.loads(run("search", '"lied about"', "--json").stdout)] == ["c2"]


def test_all_words_may_match_in_different_parts_of_a_record(run):
    from .test_transfer import small_journal

    small_journal(run, lambda moment: None)
    hits = json.loads(run("search", "boss", "shouted", "--json").stdout)
    assert [h["id"] for h in hits] == ["i1"]  # "who" and "cause" are separate answers
    assert json.loads(run("search", "boss", "zebra", "--json").stdout) == []


def test_search_reaches_past_the_first_matches_it_ranks(run, home):
    """Matches are ranked a batch at a time: a record far down the ranking is still found when
    the filters pass over every match above it."""
    assert run("service", "serenity serenity serenity at the meeting").exit_code == 0
    conn = sqlite3.connect(home / "stepwork.db")
    with conn:
        conn.executemany(
            "INSERT INTO service (uid, local_date, what, carried_message, note, created_at) "
            "VALUES (?, '2026-01-02', 'serenity serenity serenity', 0, '', "
            "'2026-01-02 10:00:00.000000')",
            [(f"bench{n}",) for n in range(300)],
        )
        conn.execute(
            "INSERT INTO note (uid, local_date, written_at, title, body, created_at, updated_at) "
            "VALUES ('n1', '2026-01-01', '2026-01-01 09:00:00', 'A long day', "
            + "'"
            + "words " * 200
            + "and one serenity', '2026-01-01 09:00:00', '2026-01-01 09:00:00')"
        )
    conn.close()
    result = run("search", "serenity", "--kind", "note", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert [hit["title"] for hit in found] == ["A long day"]
    assert "**serenity**" in found[0]["snippet"]
    assert len(json.loads(run("search", "serenity", "-n", "5", "--json").output)) == 5


def test_a_word_found_almost_everywhere_shows_the_newest_matches_first(run, monkeypatch):
    """Ranking says little when the words are in most of the journal, and scoring every match
    grows with it; past a limit, the newest matches come first."""
    from stepwork.store import search

    for n in range(4):
        assert run("checkin", "--note", f"serenity at meeting {n}").exit_code == 0
    # A text with the word three times is the best match by rank.
    assert run("service", "serenity serenity serenity").exit_code == 0
    assert run("checkin", "--note", "serenity again, the newest").exit_code == 0

    ranked = json.loads(run("search", "serenity", "--json").stdout)
    assert ranked[0]["kind"] == "service"

    monkeypatch.setattr(search, "RANKED_AT_MOST", 3)
    newest_first = json.loads(run("search", "serenity", "--json").stdout)
    assert "the newest" in newest_first[0]["snippet"]
    assert len(newest_first) == len(ranked) == 6


def test_an_editor_that_changes_nothing_changes_nothing_even_with_a_carriage_return(
    run, db, monkeypatch
):
    from stepwork.messages import app as app_messages

    note = "before\rafter\nand a line"
    assert run("checkin", "--mood", "5", "--note", note).exit_code == 0
    monkeypatch.setenv("EDITOR", "true")
    result = run("edit", "c1", "--editor")
    assert result.exit_code == 0, result.stderr
    assert app_messages.NOTHING_CHANGED in result.stdout
    assert "Updated" not in result.stdout
    assert db("SELECT note FROM checkin") == [(note,)]
