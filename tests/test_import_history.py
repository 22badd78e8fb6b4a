"""Import never rewrites history: deletes travel (tombstones), the newer edit wins by instant,
jrnl entries are keyed by date, time and order, and a counter set in a time zone ahead of this
one never shows negative days."""

import json
import time
from pathlib import Path

import pytest

from .conftest import lines


def export_json(run) -> dict:
    result = run("export", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def save(tmp_path: Path, name: str, document: dict) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document))
    return str(path)


def test_deleting_leaves_a_tombstone_without_text(run, db):
    run("gratitude", "a private thing")
    [(uid,)] = db("SELECT uid FROM daily_entry")
    assert run("delete", "g1", "--yes").exit_code == 0
    assert db("SELECT uid, table_name FROM tombstone") == [(uid, "daily_entry")]
    assert "a private thing" not in json.dumps(db("SELECT * FROM tombstone"))
    exported = export_json(run)
    assert exported["format_version"] == 3
    assert [t["uid"] for t in exported["tables"]["tombstone"]] == [uid]


def test_deleting_an_inventory_item_buries_its_session_and_answers(run, db):
    run("step", "4", input=lines("1", "My boss", "", "He shouted", "", "", "n", "", "", "", "n"))
    answers = db("SELECT uid FROM answer")
    assert answers
    assert run("inventory", "delete", "i1", "--yes").exit_code == 0
    buried = {uid for (uid,) in db("SELECT uid FROM tombstone")}
    assert {uid for (uid,) in answers} <= buried
    assert len(buried) == len(answers) + 2  # the answers, the session and the item


def test_an_older_export_does_not_bring_back_what_was_deleted(run, db, tmp_path):
    run("gratitude", "keep me")
    run("gratitude", "delete me")
    run("step", "4", input=lines("1", "My boss", "", "He shouted", "", "", "n", "", "", "", "n"))
    older = save(tmp_path, "older.json", export_json(run))
    run("delete", "g2", "--yes")
    run("inventory", "delete", "i1", "--yes")
    result = run("import", older)
    assert result.exit_code == 0, result.stderr
    assert "Added 0" in result.stdout
    assert db("SELECT text FROM daily_entry") == [("keep me",)]
    assert db("SELECT COUNT(*) FROM inventory_item") == [(0,)]
    assert db("SELECT COUNT(*) FROM answer") == [(0,)]


def test_a_newer_tombstone_deletes_here_an_older_one_does_not(run, db, tmp_path, monkeypatch):
    run("gratitude", "shared on two laptops")
    run("amends", "add", "Dad", "--harm", "lies")
    document = export_json(run)
    [entry] = document["tables"]["daily_entry"]
    [amends] = document["tables"]["amends"]
    document["tables"]["tombstone"] = [
        {"uid": entry["uid"], "table_name": "daily_entry", "deleted_at": entry["created_at"]},
        # Deleted elsewhere before the edit made here: the edit here wins.
        {"uid": amends["uid"], "table_name": "amends", "deleted_at": "2001-01-01 00:00:00"},
    ]
    # The entry here is as old as the deletion: the deletion wins.
    result = run("import", save(tmp_path, "newer.json", document))
    assert result.exit_code == 0, result.stderr
    assert "deleted 1" in result.stdout
    assert db("SELECT COUNT(*) FROM daily_entry") == [(0,)]
    assert db("SELECT person FROM amends") == [("Dad",)]
    assert db("SELECT uid FROM tombstone") == [(entry["uid"],)]
    again = run("import", save(tmp_path, "newer.json", document))
    assert "Added 0, updated 0" in again.stdout and "deleted" not in again.stdout


def test_a_version_1_export_is_still_read(run, db, tmp_path):
    run("gratitude", "from an older stepwork")
    document = export_json(run)
    document["format_version"] = 1
    for newer in ("tombstone", "person", "contact"):  # tables that came after version 1
        del document["tables"][newer]
    run("delete", "g1", "--yes")
    run("sober", "start", "alcohol")
    result = run("import", save(tmp_path, "v1.json", document))
    assert result.exit_code == 0, result.stderr
    assert db("SELECT COUNT(*) FROM daily_entry") == [(0,)]  # still deleted


def test_a_version_2_file_may_not_hold_people(run, tmp_path):
    run("people", "add", "Sam")
    document = export_json(run)
    document["format_version"] = 2
    result = run("import", save(tmp_path, "v2.json", document))
    assert result.exit_code == 1 and "unknown table 'person'" in result.stderr
    del document["tables"]["person"], document["tables"]["contact"]
    assert run("import", save(tmp_path, "v2.json", document)).exit_code == 0


def test_newer_edit_wins_by_instant_not_by_text(run, db, tmp_path):
    run("checkin", "--mood", "5", "--note", "mine")
    document = export_json(run)
    [checkin] = document["tables"]["checkin"]
    stored = checkin["updated_at"]
    # Earlier than the stored time, though it sorts after it as text ('T' > ' ').
    earlier = stored[:10] + "T00:00:00"
    assert earlier > stored
    checkin |= {"note": "theirs", "updated_at": earlier}
    run("import", save(tmp_path, "earlier.json", document))
    assert db("SELECT note FROM checkin") == [("mine",)]
    # The same instant in another zone's form is not newer either.
    checkin |= {"updated_at": stored.replace(" ", "T") + "+00:00"}
    run("import", save(tmp_path, "same.json", document))
    assert db("SELECT note FROM checkin") == [("mine",)]


def test_import_normalises_times_to_the_stored_form(run, db, tmp_path):
    run("gratitude", "x")
    document = export_json(run)
    [entry] = document["tables"]["daily_entry"]
    entry |= {"uid": "other-device", "created_at": "2026-01-02T03:04:05+02:00"}
    run("import", save(tmp_path, "zoned.json", document))
    assert db("SELECT created_at FROM daily_entry WHERE uid = 'other-device'") == [
        ("2026-01-02 01:04:05.000000",)
    ]


def test_a_refusal_names_the_record_by_table_and_uid(run, tmp_path):
    run("checkin", "--mood", "5")
    document = export_json(run)
    [checkin] = document["tables"]["checkin"]
    checkin["halt"] = "drunk"
    result = run("import", save(tmp_path, "bad.json", document))
    assert result.exit_code == 1
    assert f"checkin {checkin['uid']}: halt 'drunk'" in result.stderr
    assert "[0]" not in result.stderr


# --- jrnl ----------------------------------------------------------------------------------


def jrnl(tmp_path: Path, *entries: dict) -> str:
    full = [{"title": "", "body": "", "tags": [], "starred": False} | e for e in entries]
    return save(tmp_path, "jrnl.json", {"tags": {}, "entries": full})


def test_identical_jrnl_entries_are_all_imported(run, db, tmp_path):
    same = {"date": "2026-01-02", "time": "09:00", "title": "Again", "body": "same words"}
    result = run("import", "--from", "jrnl", jrnl(tmp_path, same, same, same))
    assert result.exit_code == 0, result.stderr
    assert "Added 3" in result.stdout
    again = run("import", "--from", "jrnl", jrnl(tmp_path, same, same, same))
    assert "Added 0, updated 0, unchanged 3" in again.stdout


def test_an_entry_edited_in_jrnl_updates_the_earlier_import(run, db, tmp_path):
    first = {"date": "2026-01-02", "time": "09:00", "title": "Morning", "body": "before"}
    other = {"date": "2026-01-02", "time": "09:00", "title": "Second", "body": "same minute"}
    run("import", "--from", "jrnl", jrnl(tmp_path, first, other))
    edited = first | {"title": "Morning (edited)", "body": "after"}
    result = run("import", "--from", "jrnl", jrnl(tmp_path, edited, other))
    assert "Added 0, updated 1, unchanged 1" in result.stdout
    assert sorted(db("SELECT title, body FROM note")) == [
        ("Morning (edited)", "after"),
        ("Second", "same minute"),
    ]


def test_a_jrnl_note_deleted_here_stays_deleted(run, db, tmp_path):
    entry = {"date": "2026-01-02", "time": "09:00", "title": "Gone", "body": "x"}
    run("import", "--from", "jrnl", jrnl(tmp_path, entry))
    assert run("delete", "n1", "--yes").exit_code == 0
    run("import", "--from", "jrnl", jrnl(tmp_path, entry))
    assert db("SELECT COUNT(*) FROM note") == [(0,)]


def test_notes_imported_by_an_earlier_stepwork_are_recognised(run, db, home, tmp_path):
    import hashlib
    import sqlite3

    entry = {"date": "2026-01-02", "time": "09:00", "title": "Old", "body": "kept"}
    run("import", "--from", "jrnl", jrnl(tmp_path, entry))
    legacy = hashlib.sha256(b"2026-01-02 09:00:00\nOld\nkept").hexdigest()[:32]
    with sqlite3.connect(home / "stepwork.db") as conn:  # as the content-hash importer keyed it
        conn.execute(f"UPDATE note SET uid = 'jrnl-{legacy}'")
    conn.close()
    result = run("import", "--from", "jrnl", jrnl(tmp_path, entry))
    assert "Added 0" in result.stdout
    assert db("SELECT COUNT(*) FROM note") == [(1,)]


# --- time zones ----------------------------------------------------------------------------


@pytest.fixture
def zone(monkeypatch):
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_a_counter_started_in_a_zone_ahead_never_shows_negative_days(run, zone):
    zone("Pacific/Kiritimati")
    assert run("sober", "start", "alcohol").exit_code == 0
    zone("Etc/GMT+12")
    for args in (("sober",), ("sober", "history", "alcohol"), ()):
        result = run(*args)
        assert result.exit_code == 0
        assert "-1" not in result.stdout, result.stdout
    shown = run("sober").stdout
    assert "0 days" in shown and "counts from today" in shown


def test_every_table_the_export_carries_leaves_a_tombstone():
    from stepwork.export.tables import TOMBSTONED
    from stepwork.store.migrations import TOMBSTONED_TABLES

    assert set(TOMBSTONED) == set(TOMBSTONED_TABLES)


def test_a_step_number_stored_before_imports_were_checked_still_shows(run, home):
    import sqlite3

    run("step", "1", input=lines("an answer", "", "", ""))
    with sqlite3.connect(home / "stepwork.db") as conn:
        conn.execute("UPDATE guided_session SET step = 99")
    conn.close()
    for args in (("log",), ("show", "s1"), ("export",), ("search", "answer")):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)
    assert "Step 99 · not a step stepwork knows" in run("export").stdout


@pytest.mark.parametrize("zone", ["+00:00", "+14:00"])
def test_a_local_edit_beats_an_import_stamped_a_little_ahead(run, db, tmp_path, zone):
    """A device whose clock runs fast: the local edit that follows is still the newer one,
    and importing the same file again changes nothing."""
    from datetime import UTC, datetime, timedelta, timezone

    run("checkin", "--mood", "5", "--note", "from the laptop")
    document = export_json(run)
    [checkin] = document["tables"]["checkin"]
    offset = timedelta(hours=int(zone[1:3]))
    ahead = datetime.now(UTC) + timedelta(minutes=50)
    checkin |= {
        "note": "from the phone",
        "updated_at": ahead.astimezone(timezone(offset)).isoformat(),
    }
    path = save(tmp_path, "ahead.json", document)
    assert "updated 1" in run("import", path).stdout
    # mood, craving, HALT, meetings, gratitude, triggers kept; the note edited
    edited = run("edit", "c1", input=lines("", "", "", "", "", "", "edited here"))
    assert edited.exit_code == 0, edited.stderr
    again = run("import", path)
    assert again.exit_code == 0, again.stderr
    assert "updated 0" in again.stdout
    assert db("SELECT note FROM checkin") == [("edited here",)]


def test_a_json_export_with_a_byte_order_mark_is_read(run, db, tmp_path):
    run("gratitude", "saved by an editor that adds a BOM")
    document = export_json(run)
    [entry] = document["tables"]["daily_entry"]
    entry |= {"uid": "from-another-device", "text": "and read anyway"}
    path = tmp_path / "bom.json"
    path.write_text(json.dumps(document), encoding="utf-8-sig")
    result = run("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert ("and read anyway",) in db("SELECT text FROM daily_entry")
