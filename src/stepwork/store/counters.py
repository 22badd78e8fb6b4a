"""Sobriety counters, their earlier runs and their changes, in plain SQL.

Every reset, corrected start, rename or deletion is kept as a change with what the counter was
before, so the last one can be undone. A deleted counter stays in the journal (and the export)
with its history; it is only left out of the lists.
"""

import sqlite3
from dataclasses import dataclass
from datetime import date

from stepwork.store import journal_file
from stepwork.store.values import new_uid, now_stamp, read_day, read_stamp

RESET, SET, RENAME, DELETE = "reset", "set", "rename", "delete"

_DELETED = (
    "EXISTS (SELECT 1 FROM sobriety_change c WHERE c.counter_id = sobriety_counter.id "
    "AND c.kind = 'delete')"
)


@dataclass(frozen=True)
class Counter:
    id: int
    name: str
    started_on: date
    deleted: bool = False


@dataclass(frozen=True)
class Run:
    started_on: date
    ended_on: date
    note: str


@dataclass(frozen=True)
class Change:
    kind: str
    previous_start: date
    previous_name: str
    made_on: date


def _counter(row: sqlite3.Row) -> Counter:
    return Counter(row["id"], row["name"], read_day(row["started_on"]), bool(row["deleted"]))


def find(name: str, include_deleted: bool = False) -> Counter | None:
    """A counter by name, any case; a deleted one only when asked for."""
    with journal_file.reading() as conn:
        row = conn.execute(
            f"SELECT *, {_DELETED} AS deleted FROM sobriety_counter WHERE lower(name) = lower(?)",
            (name,),
        ).fetchone()
    if row is None or (row["deleted"] and not include_deleted):
        return None
    return _counter(row)


def all_counters(include_deleted: bool = False) -> list[Counter]:
    with journal_file.reading() as conn:
        rows = conn.execute(f"SELECT *, {_DELETED} AS deleted FROM sobriety_counter ORDER BY id")
        return [_counter(r) for r in rows if include_deleted or not r["deleted"]]


def start(name: str, day: date) -> None:
    now = now_stamp()
    with journal_file.writing() as conn:
        conn.execute(
            "INSERT INTO sobriety_counter (uid, name, started_on, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (new_uid(), name, day.isoformat(), now, now),
        )


def _keep_change(conn: sqlite3.Connection, counter_id: int, kind: str, run_id: int | None) -> None:
    row = conn.execute(
        "SELECT name, started_on FROM sobriety_counter WHERE id = ?", (counter_id,)
    ).fetchone()
    conn.execute(
        "INSERT INTO sobriety_change (uid, counter_id, kind, previous_start, previous_name, "
        "run_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (new_uid(), counter_id, kind, row["started_on"], row["name"], run_id, now_stamp()),
    )


def reset(counter_id: int, day: date, note: str) -> None:
    """Keep the current run in the history and count again from `day`, in one transaction."""
    now = now_stamp()
    with journal_file.writing() as conn:
        row = conn.execute(
            "SELECT started_on FROM sobriety_counter WHERE id = ?", (counter_id,)
        ).fetchone()
        cursor = conn.execute(
            "INSERT INTO sobriety_run (uid, counter_id, started_on, ended_on, note, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (new_uid(), counter_id, row["started_on"], day.isoformat(), note, now),
        )
        _keep_change(conn, counter_id, RESET, cursor.lastrowid)
        conn.execute(
            "UPDATE sobriety_counter SET started_on = ?, updated_at = edit_stamp(updated_at) "
            "WHERE id = ?",
            (day.isoformat(), counter_id),
        )


def set_start(counter_id: int, day: date) -> None:
    """Correct the first day (earlier or later); the earlier date is kept for undo."""
    with journal_file.writing() as conn:
        _keep_change(conn, counter_id, SET, None)
        conn.execute(
            "UPDATE sobriety_counter SET started_on = ?, updated_at = edit_stamp(updated_at) "
            "WHERE id = ?",
            (day.isoformat(), counter_id),
        )


def rename(counter_id: int, name: str) -> None:
    with journal_file.writing() as conn:
        _keep_change(conn, counter_id, RENAME, None)
        conn.execute(
            "UPDATE sobriety_counter SET name = ?, updated_at = edit_stamp(updated_at) "
            "WHERE id = ?",
            (name, counter_id),
        )


def delete(counter_id: int) -> None:
    """Leave the counter out of the lists; it stays in the journal with its history."""
    with journal_file.writing() as conn:
        _keep_change(conn, counter_id, DELETE, None)
        conn.execute(
            "UPDATE sobriety_counter SET updated_at = edit_stamp(updated_at) WHERE id = ?",
            (counter_id,),
        )


def undo(counter_id: int) -> Change | None:
    """Put the counter back as it was before its last change; None if it never changed."""
    with journal_file.writing() as conn:
        row = conn.execute(
            "SELECT * FROM sobriety_change WHERE counter_id = ? ORDER BY id DESC LIMIT 1",
            (counter_id,),
        ).fetchone()
        if row is None:
            return None
        conn.execute(
            "UPDATE sobriety_counter SET name = ?, started_on = ?, "
            "updated_at = edit_stamp(updated_at) WHERE id = ?",
            (row["previous_name"], row["previous_start"], counter_id),
        )
        conn.execute("DELETE FROM sobriety_change WHERE id = ?", (row["id"],))
        if row["run_id"] is not None:
            conn.execute("DELETE FROM sobriety_run WHERE id = ?", (row["run_id"],))
        return _change(row)


def _change(row: sqlite3.Row) -> Change:
    made = read_stamp(row["created_at"]).astimezone().date()
    return Change(row["kind"], read_day(row["previous_start"]), row["previous_name"], made)


def changes(counter_id: int) -> list[Change]:
    with journal_file.reading() as conn:
        rows = conn.execute(
            "SELECT * FROM sobriety_change WHERE counter_id = ? ORDER BY id", (counter_id,)
        )
        return [_change(r) for r in rows]


def history(counter_id: int) -> list[Run]:
    with journal_file.reading() as conn:
        rows = conn.execute(
            "SELECT * FROM sobriety_run WHERE counter_id = ? ORDER BY started_on", (counter_id,)
        )
        return [Run(read_day(r["started_on"]), read_day(r["ended_on"]), r["note"]) for r in rows]
