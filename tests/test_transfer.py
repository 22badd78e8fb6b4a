"""Export, import, backup and restore: nothing lost on the way out, nothing broken on the way in."""

import json
import os
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from .conftest import lines

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "small-journal.md"


def small_journal(run, clock) -> None:
    clock("2026-11-20 09:00")
    run("step", "1", input=lines("I made rules", "None held", "", "Last New Year", ""))
    clock("2026-11-21 10:00")
    run(
        "step",
        "4",
        input=lines(
            "1",
            "My boss",
            "",
            "n",
            "He shouted | in front of everyone",
            "",
            "1,7",
            "2",
            "I lied about the report",
            "",
            "y",
            "y",
            "My uncle",
            "",
            "y",
            "n",
            "n",
            "4",
            "My sister",
            "",
            "I took money",
            "",
            "She lost trust",
            "",
            "Pay it back",
            "",
            "y",
            "n",
            "",
        ),
    )
    run("inventory", "share", "i1", "--with", "sponsor", "--date", "2026-11-21")
    clock("2026-11-22 20:00")
    run(
        "checkin",
        "--mood",
        "6",
        "--craving",
        "3",
        "--halt",
        "tired",
        "--meeting",
        "Home group",
        "--grateful",
        "rain",
        "--trigger",
        "place:the old bar",
        "--note",
        "quiet evening",
    )
    run("gratitude", "my sponsor")
    run("people", "add", "Sam", "--role", "sponsor", "--reach", "555 0134", "--hard-moments")
    run("reached", "sponsor", "--how", "call", "--note", "talked about the boss")
    run("service", "made the coffee", "--message")
    run("sober", "start", "alcohol", "--date", "2026-06-14")
    run("amends", "set", "a2", "--status", "planned", "--date", "2026-12-01", "--kind", "direct")
    clock("2026-11-27 12:00")


def export_json(run) -> dict:
    result = run("export", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_markdown_export_matches_the_golden_file(run, clock, home):
    small_journal(run, clock)
    result = run("export")
    assert result.exit_code == 0, result.stderr
    if os.environ.get("STEPWORK_WRITE_GOLDEN"):  # to regenerate: review the diff, then commit
        GOLDEN.write_text(result.stdout)
    assert result.stdout == GOLDEN.read_text()


def test_markdown_export_to_a_private_file(run, clock, tmp_path):
    small_journal(run, clock)
    target = tmp_path / "out" / "journal.md"
    result = run("export", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = target.read_text()
    for expected in (
        "## Step work",
        "## Inventory",
        "### Resentments",
        "## Amends",
        "## Check-ins",
        "## Gratitude",
        "## Sober time",
        "I made rules",
        "He shouted \\| in front of everyone",
        "shared with sponsor",
    ):
        assert expected in text, expected
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind


def test_export_for_a_sponsor_or_therapist_holds_only_their_items(run, clock):
    small_journal(run, clock)
    sponsor = run("export", "--for", "sponsor").stdout
    assert "My boss" in sponsor and "My uncle" not in sponsor and "My sister" not in sponsor
    assert "Check-ins" not in sponsor
    therapist = run("export", "--for", "therapist").stdout
    assert "My uncle" in therapist and "My boss" not in therapist


def test_export_filters_like_the_log(run, clock):
    small_journal(run, clock)
    only_checkins = run("export", "--kind", "checkin").stdout
    assert "## Check-ins" in only_checkins and "## Inventory" not in only_checkins
    step4 = run("export", "--step", "4").stdout
    assert "## Inventory" in step4 and "## Step work" not in step4


def test_vault_writes_one_file_per_record_with_front_matter(run, clock, tmp_path):
    small_journal(run, clock)
    vault = tmp_path / "vault"
    result = run("export", "--output", str(vault), "--vault")
    assert result.exit_code == 0, result.stderr
    files = sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md"))
    assert any(f.startswith("inventory/2026-11-21-resentment-my-boss-") for f in files)
    assert any(f.startswith("checkin/2026-11-22-check-in-mood-6-craving-3-") for f in files)
    page = next(p for p in vault.glob("inventory/*.md") if 'id: "i2"' in p.read_text())
    assert page.read_text().startswith('---\nid: "i2"\nuid: "')
    assert 'kind: "inventory"\nstep: 4\ndate: 2026-11-21\n' in page.read_text()
    assert '"for-therapist"' in page.read_text()
    assert stat.S_IMODE(next(vault.glob("inventory/*.md")).stat().st_mode) == 0o600
    assert stat.S_IMODE((vault / "inventory").stat().st_mode) == 0o700


@pytest.mark.parametrize(
    "args, expected",
    [
        (("--format", "pdf"), "no export format 'pdf'"),
        (("--format", "json", "--kind", "checkin"), "whole journal"),
        (("--vault",), "give a folder"),
        (("--for", " "), "Say whom"),
    ],
)
def test_bad_export_requests(run, args, expected):
    result = run("export", *args)
    assert result.exit_code == 2
    assert expected in result.stderr


def test_json_round_trip_into_a_fresh_home(run, clock, home, tmp_path, monkeypatch):
    small_journal(run, clock)
    original = export_json(run)
    assert original["format"] == "stepwork" and original["format_version"] == 3
    path = tmp_path / "a.json"
    path.write_text(json.dumps(original))
    monkeypatch.setenv("STEPWORK_HOME", str(tmp_path / "other"))
    first = run("import", str(path))
    assert first.exit_code == 0, first.stderr
    assert "Added" in first.stdout
    assert export_json(run)["tables"] == original["tables"]
    again = run("import", str(path))
    assert "Added 0, updated 0" in again.stdout
    assert export_json(run)["tables"] == original["tables"]
    assert json.loads(run("search", "shouted", "--json").stdout)[0]["id"] == "i1"


def test_the_newer_edit_wins(run, clock, tmp_path):
    small_journal(run, clock)
    document = export_json(run)
    [checkin] = document["tables"]["checkin"]
    checkin["note"] = "edited on the other laptop"
    # Newer, and in another ISO form: compared as an instant, stored in the journal's own form.
    checkin["updated_at"] = datetime.now(UTC).isoformat()
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(document))
    dry = run("import", str(newer), "--dry-run")
    assert "would update 1" in dry.stdout
    assert "quiet evening" in run("show", "c1").stdout
    assert run("import", str(newer)).exit_code == 0
    assert "edited on the other laptop" in run("show", "c1").stdout
    [stored] = export_json(run)["tables"]["checkin"]
    assert stored["updated_at"] == checkin["updated_at"][:26].replace("T", " ")
    checkin["note"] = "an older edit"
    checkin["updated_at"] = "2001-01-01 00:00:00.000000"
    older = tmp_path / "older.json"
    older.write_text(json.dumps(document))
    run("import", str(older))
    assert "edited on the other laptop" in run("show", "c1").stdout


def _broken(document: dict, how: str) -> dict | bytes:
    doc = json.loads(json.dumps(document))
    tables = doc["tables"]
    if how == "format":
        doc["format"] = "jrnl"
    elif how == "newer":
        doc["format_version"] = 99
    elif how == "unknown table":
        tables["photos"] = []
    elif how == "bad type":
        tables["checkin"][0]["mood"] = "six"
    elif how == "out of range":
        tables["checkin"][0]["mood"] = 11
    elif how == "bad choice":
        tables["amends"][0]["status"] = "done"
    elif how == "missing column":
        del tables["checkin"][0]["note"]
    elif how == "duplicate uid":
        tables["checkin"].append(dict(tables["checkin"][0]))
    elif how == "dangling link":
        tables["answer"][0]["session_uid"] = "nope"
    elif how == "bad date":
        tables["checkin"][0]["local_date"] = "2026-13-45"
    return doc


@pytest.mark.parametrize(
    "how",
    [
        "format",
        "newer",
        "unknown table",
        "bad type",
        "out of range",
        "bad choice",
        "missing column",
        "duplicate uid",
        "dangling link",
        "bad date",
    ],
)
def test_a_bad_file_changes_nothing(run, clock, tmp_path, how):
    small_journal(run, clock)
    document = export_json(run)
    document["tables"]["checkin"][0]["note"] = "would be an update"
    document["tables"]["checkin"][0]["updated_at"] = "2030-01-01 00:00:00.000000"
    document["tables"]["service"].append(
        dict(document["tables"]["service"][0], uid="brand-new", what="would be added")
    )
    before = export_json(run)["tables"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_broken(document, how)))
    result = run("import", str(path))
    assert result.exit_code == 1, result.stdout
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Nothing was changed" in result.stderr
    assert export_json(run)["tables"] == before


@pytest.mark.parametrize(
    "content", [b"\xff\xfe not utf-8", b'{"format": "stepwork", "tables": {', b"", b"[1, 2]"]
)
def test_unreadable_import_files(run, tmp_path, content):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    result = run("import", str(path))
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Nothing was changed" in result.stderr


def test_import_of_a_missing_file(run, tmp_path):
    result = run("import", str(tmp_path / "nope.json"))
    assert result.exit_code == 1 and "Could not read" in result.stderr


def test_jrnl_import(run):
    result = run("import", "--from", "jrnl", str(DATA / "jrnl-sample.json"))
    assert result.exit_code == 0, result.stderr
    assert "Added 3" in result.stdout
    notes = json.loads(run("log", "--kind", "note", "--json").stdout)
    assert [n["date"] for n in notes] == ["2024-03-04", "2024-03-03", "2024-03-01"]
    first = run("show", notes[-1]["id"]).stdout
    assert "Sam gave me his number" in first
    assert notes[-1]["title"] == "First day back at the home group."
    assert notes[-1]["starred"] is True and notes[0]["starred"] is False
    assert "★ First day back" in run("log", "--kind", "note").stdout
    assert "@meeting" in first and "starred" in first and "19:30" in first
    assert json.loads(run("search", "resented", "--json").stdout)[0]["kind"] == "note"
    again = run("import", "--from", "jrnl", str(DATA / "jrnl-sample.json"))
    assert "Added 0, updated 0, unchanged 3" in again.stdout
    exported = run("export", "--kind", "note").stdout
    assert "Tags: @meeting" in exported


def test_a_stepwork_file_given_as_jrnl_and_the_reverse(run, tmp_path):
    path = tmp_path / "sw.json"
    path.write_text('{"format": "stepwork", "format_version": 1, "tables": {}}')
    assert run("import", "--from", "jrnl", str(path)).exit_code == 1
    wrong = run("import", str(DATA / "jrnl-sample.json"))
    assert wrong.exit_code == 1 and "--from jrnl" in wrong.stderr
    assert run("import", "--from", "dayone", str(path)).exit_code == 2


def test_backup_and_restore(run, clock, home, tmp_path):
    small_journal(run, clock)
    result = run("backup", str(tmp_path / "copy.db"))
    assert result.exit_code == 0, result.stderr
    copy = tmp_path / "copy.db"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM checkin").fetchone()[0] == 1
    conn.close()
    assert run("backup", str(copy)).exit_code == 1  # never overwrites
    run("checkin", "--mood", "2", "--note", "after the backup")
    kept = run("restore", str(copy), input="n\n")
    assert "Nothing was changed" in kept.stdout
    assert "after the backup" in run("log", "--json").stdout
    restored = run("restore", str(copy), "--yes")
    assert restored.exit_code == 0, restored.stderr
    assert "after the backup" not in run("log", "--json").stdout
    safety = [p for p in (home / "backups").iterdir() if "before-restore" in p.name]
    assert len(safety) == 1
    conn = sqlite3.connect(safety[0])
    assert conn.execute("SELECT COUNT(*) FROM checkin").fetchone()[0] == 2
    conn.close()


def test_backup_into_the_default_folder(run, home):
    run("checkin", "--mood", "5")
    result = run("backup")
    assert result.exit_code == 0
    [made] = list((home / "backups").glob("stepwork-backup-*.db"))
    assert stat.S_IMODE(made.stat().st_mode) == 0o600


@pytest.mark.parametrize("content", [b"not a database at all" * 50, b""])
def test_restore_checks_the_file_first(run, home, tmp_path, content):
    run("checkin", "--mood", "5")
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    result = run("restore", str(bad), "--yes")
    assert result.exit_code == 1
    assert "not a stepwork journal" in result.stderr
    assert "mood 5" in run("log", "--json").stdout


# --- the property: export → import into an empty home reproduces every record -------------

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
names = texts.filter(lambda t: t.strip() != "" and "\n" not in t and "\r" not in t)


@hsettings(
    max_examples=int(os.environ.get("STEPWORK_HYPOTHESIS_EXAMPLES", "20")),
    derandomize=not os.environ.get("STEPWORK_HYPOTHESIS_EXAMPLES"),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    checkins=st.lists(
        st.tuples(
            st.none() | st.integers(1, 10),
            st.none() | st.integers(0, 10),
            st.lists(st.sampled_from(["hungry", "angry", "lonely", "tired"]), unique=True),
            texts,
            st.lists(names, max_size=2),
        ),
        max_size=4,
    ),
    gratitude=st.lists(names, max_size=3),
    amends=st.lists(st.tuples(names, texts), max_size=3),
    step_answers=st.lists(texts, max_size=3),
)
def test_export_then_import_reproduces_every_record(
    tmp_path_factory, monkeypatch, checkins, gratitude, amends, step_answers
):
    from typer.testing import CliRunner

    from stepwork.cli import app

    runner = CliRunner()
    first_home = tmp_path_factory.mktemp("first")
    monkeypatch.setenv("STEPWORK_HOME", str(first_home))

    def run(*args: str, input: str | None = None):
        result = runner.invoke(app, list(args), input=input)
        assert result.exit_code in (0, 1), (args, result.stderr)  # 1: the answers ran out
        return result

    for mood, craving, halt, note, meetings in checkins:
        args = ["checkin", "--note", note or "-"]
        if mood is not None:
            args += ["--mood", str(mood)]
        if craving is not None:
            args += ["--craving", str(craving)]
        if halt:
            args += ["--halt", ",".join(halt)]
        for meeting in meetings:
            args += ["--meeting", meeting]
        run(*args)
    # "--" ends the options: a gratitude of "-0" is text, not a flag.
    for text in gratitude:
        run("gratitude", "--", text)
    for person, harm in amends:
        run("amends", "add", "--harm", harm, "--", person)
    if step_answers:
        typed = "".join(" ".join(a.split()) + "\n\n" for a in step_answers)
        run("step", "1", input=typed)
    exported = run("export", "--format", "json").stdout
    path = tmp_path_factory.mktemp("file") / "journal.json"
    path.write_text(exported, encoding="utf-8")

    monkeypatch.setenv("STEPWORK_HOME", str(tmp_path_factory.mktemp("second")))
    run("import", str(path))
    again = json.loads(run("export", "--format", "json").stdout)
    assert again["tables"] == json.loads(exported)["tables"]


def test_a_dry_run_into_a_new_home_writes_nothing_at_all(run, home):
    result = run("import", "--dry-run", "--from", "jrnl", str(DATA / "jrnl-sample.json"))
    assert result.exit_code == 0, result.stderr
    assert "Would add 3" in result.stdout
    assert not home.exists()
