"""jrnl's own journal file imports directly, entry by entry, as its JSON export would."""

import json
from pathlib import Path

import pytest

from stepwork.export import jrnl_text

DATA = Path(__file__).parent / "data" / "jrnl"


def parsed(name: str, timeformat: str | None = None) -> list[dict]:
    path = DATA / name
    return jrnl_text.parse(path.read_text(), path, timeformat)["entries"]


def test_entries_titles_bodies_tags_and_stars():
    first, second, third = parsed("basic.journal")
    assert first["title"] == "First day back at the home group."
    assert first["body"].startswith("Felt shaky but stayed") and "slept. @Sam" in first["body"]
    assert (first["date"], first["time"], first["starred"]) == ("2024-03-01", "19:30", False)
    assert first["tags"] == ["@meeting", "@sam"]
    assert second["title"] == "Called my sister." and second["starred"] is True
    assert second["tags"] == ["@family"]
    # A one-line entry with a blank line (or the file's end) after it: jrnl keeps the line whole.
    assert third["title"] == "Short one. Nothing else happened today." and third["body"] == ""


def test_titles_are_split_where_jrnl_splits_them():
    """What jrnl 4 itself reads from this file (its `split_title` and `Entry._parse_text`): the
    title is the first line; only an entry with no line break in its text at all (the next
    entry on the very next line, or the file's end without a newline) is cut at its first
    sentence end; a star ending the first line is taken off both ends of it."""
    entries = parsed("titles.journal")
    assert [(e["title"], e["body"], e["starred"]) for e in entries] == [
        ("Title one. Body text @tag @recovery", "Second line of the entry.", False),
        ("One line. Then the rest of it.", "", False),
        ("Back to back.", "The next entry follows on the next line", False),
        ("A starred one. With more", "", True),
        ("Marked at both ends", "", True),
        ("Stars and lines. First line", "Second line.", True),
        ("七転び。", "八起き", False),
        ("Last one.", "No newline at the end", False),
    ]
    assert entries[0]["tags"] == ["@recovery", "@tag"]


def test_a_bracket_in_a_body_does_not_open_an_entry():
    [entry] = parsed("brackets.journal")
    assert entry["title"] == "Entry subject"
    assert entry["body"] == "[1] line starting with 1\n[not a date] not an entry either"


def test_jrnl_4s_default_time_format_and_a_configured_one():
    first, second = parsed("jrnl4-timeformat.journal")
    assert (first["date"], first["time"]) == ("2023-11-02", "19:45")
    assert first["tags"] == ["@c++", "@os/2"]
    assert second["title"] == "Morning walk! Saw the river." and second["starred"] is True
    text = "[02.11.2023 19:45] Own format.\n"
    [entry] = jrnl_text.parse(text, Path("x"), "%d.%m.%Y %H:%M")["entries"]
    assert entry["date"] == "2023-11-02"


def test_the_whole_journal_imports_with_every_entry(run):
    result = run("import", str(DATA / "basic.journal"), "--from", "jrnl")
    assert result.exit_code == 0, result.stderr
    assert "Added 3" in result.stdout
    notes = json.loads(run("log", "--kind", "note", "--json").stdout)
    assert [n["title"] for n in notes] == [
        "Short one. Nothing else happened today.",
        "Called my sister.",
        "First day back at the home group.",
    ]
    assert [n["starred"] for n in notes] == [False, True, False]
    assert "Sam gave me his number" in run("show", notes[-1]["id"]).stdout
    again = run("import", str(DATA / "basic.journal"), "--from", "jrnl")
    assert "Added 0, updated 0, unchanged 3" in again.stdout


def test_text_and_json_give_the_same_notes(run, tmp_path, monkeypatch):
    document = jrnl_text.parse((DATA / "basic.journal").read_text(), Path("x"))
    exported = tmp_path / "journal.json"
    exported.write_text(json.dumps(document))
    run("import", str(DATA / "basic.journal"), "--from", "jrnl")
    from_text = run("export", "--kind", "note").stdout
    monkeypatch.setenv("STEPWORK_HOME", str(tmp_path / "other"))
    assert run("import", str(exported), "--from", "jrnl").exit_code == 0
    assert run("export", "--kind", "note").stdout == from_text


@pytest.mark.parametrize("name", ["encrypted.journal", "encrypted-binary.journal"])
def test_an_encrypted_jrnl_journal_is_refused_with_how_to_export_it(run, home, name):
    result = run("import", str(DATA / name), "--from", "jrnl")
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert "encrypted jrnl journal" in said and "jrnl --format json" in said
    assert not home.exists()


def test_text_jrnl_would_not_show_is_refused_not_dropped(run):
    result = run("import", str(DATA / "text-before.journal"), "--from", "jrnl")
    assert result.exit_code == 1 and "before its first entry" in result.stderr


def test_a_file_with_no_entries_says_what_to_do(run, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some words\n")
    result = run("import", str(path), "--from", "jrnl")
    assert result.exit_code == 1
    assert "--time-format" in result.stderr and "jrnl --format json" in result.stderr


def test_a_jrnl_journal_given_as_stepwork_json_says_to_use_from_jrnl(run):
    result = run("import", str(DATA / "basic.journal"))
    assert result.exit_code == 1
    assert "--from jrnl" in " ".join(result.stderr.split())
