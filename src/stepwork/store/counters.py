"""Sobriety counters and their earlier runs, in plain SQL (the dashboard shows them)."""

from dataclasses import dataclass
from datetime import date

from stepwork.store import journal
from stepwork.store.values import new_uid, now_stamp, read_day


@dataclass(frozen=True)
class Counter:
    id: int
    name: str
    started_on: date


@dataclass(frozen=True)
class Run:
    started_on: date
    ended_on: date
    note: str


def _counter(row) -> Counter:  # type: ignore[no-untyped-def]
    return Counter(row["id"], row["name"], read_day(row["started_on"]))


def find(name: str) -> Counter | None:
    with journal.reading() as conn:
        row = conn.execute(
            "SELECT * FROM sobriety_counter WHERE lower(name) = lower(?)", (name,)
        ).fetchone()
        return None if row is None else _counter(row)


def all_counters() -> list[Counter]:
    with journal.reading() as conn:
        return [_counter(r) for r in conn.execute("SELECT * FROM sobriety_counter ORDER BY id")]


def start(name: str, day: date) -> None:
    now = now_stamp()
    with journal.writing() as conn:
        conn.execute(
            "INSERT INTO sobriety_counter (uid, name, started_on, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (new_uid(), name, day.isoformat(), now, now),
        )


def reset(counter_id: int, day: date, note: str) -> None:
    """Keep the current run in the history and count again from `day`, in one transaction."""
    now = now_stamp()
    with journal.writing() as conn:
        row = conn.execute(
            "SELECT started_on FROM sobriety_counter WHERE id = ?", (counter_id,)
        ).fetchone()
        conn.execute(
            "INSERT INTO sobriety_run (uid, counter_id, started_on, ended_on, note, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (new_uid(), counter_id, row["started_on"], day.isoformat(), note, now),
        )
        conn.execute(
            "UPDATE sobriety_counter SET started_on = ?, updated_at = ? WHERE id = ?",
            (day.isoformat(), now, counter_id),
        )


def history(counter_id: int) -> list[Run]:
    with journal.reading() as conn:
        rows = conn.execute(
            "SELECT * FROM sobriety_run WHERE counter_id = ? ORDER BY started_on", (counter_id,)
        )
        return [Run(read_day(r["started_on"]), read_day(r["ended_on"]), r["note"]) for r in rows]
