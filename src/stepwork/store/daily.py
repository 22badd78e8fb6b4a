"""Check-ins, gratitude, meetings, triggers and service, in plain SQL: the daily commands are
the ones opened most, so they start without loading SQLAlchemy."""

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from stepwork.store import journal_file
from stepwork.store.values import new_uid, now_stamp, read_day

GRATITUDE, MEETING, TRIGGER = "gratitude", "meeting", "trigger"


@dataclass(frozen=True)
class NewCheckin:
    local_date: date
    mood: int | None = None
    craving: int | None = None
    halt: tuple[str, ...] = ()
    meetings: tuple[str, ...] = ()
    gratitude: tuple[str, ...] = ()
    triggers: tuple[tuple[str, str], ...] = ()
    note: str = ""


@dataclass(frozen=True)
class CheckinRow:
    id: int
    local_date: date
    mood: int | None
    craving: int | None
    halt: str
    note: str


@dataclass(frozen=True)
class EntryRow:
    id: int
    kind: str
    category: str | None
    text: str
    local_date: date


@dataclass(frozen=True)
class ServiceRow:
    id: int
    local_date: date
    what: str
    carried_message: bool
    note: str


def _insert_checkin(conn: sqlite3.Connection, new: NewCheckin) -> int:
    now = now_stamp()
    cursor = conn.execute(
        "INSERT INTO checkin (uid, local_date, mood, craving, halt, note, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new_uid(),
            new.local_date.isoformat(),
            new.mood,
            new.craving,
            ",".join(new.halt),
            new.note,
            now,
            now,
        ),
    )
    checkin_id = int(cursor.lastrowid or 0)
    entries: list[tuple[str, str | None, str]] = [(MEETING, None, t) for t in new.meetings]
    entries += [(GRATITUDE, None, t) for t in new.gratitude]
    entries += [(TRIGGER, kind, t) for kind, t in new.triggers]
    _insert_entries(conn, checkin_id, new.local_date, entries)
    return checkin_id


def _insert_entries(
    conn: sqlite3.Connection,
    checkin_id: int | None,
    day: date,
    entries: Iterable[tuple[str, str | None, str]],
) -> None:
    now = now_stamp()
    conn.executemany(
        "INSERT INTO daily_entry (uid, checkin_id, kind, category, text, local_date, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (new_uid(), checkin_id, kind, category, text, day.isoformat(), now)
            for kind, category, text in entries
        ],
    )


def add_checkin(new: NewCheckin) -> int:
    """Save a whole check-in (and its meetings, gratitude and triggers) in one transaction."""
    with journal_file.writing() as conn:
        return _insert_checkin(conn, new)


def start_checkin(day: date) -> int:
    """An empty check-in that a guided check-in fills answer by answer."""
    with journal_file.writing() as conn:
        return _insert_checkin(conn, NewCheckin(local_date=day))


CHECKIN_COLUMNS = ("mood", "craving", "halt", "note")


def update_checkin(checkin_id: int, **values: object) -> None:
    assert set(values) <= set(CHECKIN_COLUMNS)
    assignments = ", ".join(f"{key} = ?" for key in values)
    with journal_file.writing() as conn:
        conn.execute(
            f"UPDATE checkin SET {assignments}, updated_at = edit_stamp(updated_at) WHERE id = ?",
            (*values.values(), checkin_id),
        )


def replace_entries(checkin_id: int, kind: str, items: list[tuple[str | None, str]]) -> None:
    """Set a check-in's meetings, gratitude or triggers (as answered so far)."""
    with journal_file.writing() as conn:
        row = conn.execute("SELECT local_date FROM checkin WHERE id = ?", (checkin_id,)).fetchone()
        if row is None:
            return
        replace_entries_in(conn, checkin_id, read_day(row["local_date"]), kind, items)


def replace_entries_in(
    conn: sqlite3.Connection,
    checkin_id: int,
    day: date,
    kind: str,
    items: Sequence[tuple[str | None, str]],
) -> None:
    """The same inside a transaction the caller holds (editing a check-in)."""
    conn.execute("DELETE FROM daily_entry WHERE checkin_id = ? AND kind = ?", (checkin_id, kind))
    _insert_entries(conn, checkin_id, day, [(kind, category, text) for category, text in items])


def is_checkin_on(checkin_id: int, day: date) -> bool:
    with journal_file.reading() as conn:
        row = conn.execute(
            "SELECT 1 FROM checkin WHERE id = ? AND local_date = ?", (checkin_id, day.isoformat())
        ).fetchone()
        return row is not None


def checkin(checkin_id: int) -> CheckinRow:
    with journal_file.reading() as conn:
        return _checkin(
            conn.execute("SELECT * FROM checkin WHERE id = ?", (checkin_id,)).fetchone()
        )


def delete_checkin_if_empty(checkin_id: int) -> bool:
    with journal_file.writing() as conn:
        cursor = conn.execute(
            "DELETE FROM checkin WHERE id = ? AND mood IS NULL AND craving IS NULL "
            "AND halt = '' AND note = '' "
            "AND NOT EXISTS (SELECT 1 FROM daily_entry WHERE checkin_id = checkin.id) "
            "AND NOT EXISTS (SELECT 1 FROM contact WHERE checkin_id = checkin.id)",
            (checkin_id,),
        )
        return cursor.rowcount > 0


def _checkin(row: sqlite3.Row) -> CheckinRow:
    return CheckinRow(
        row["id"],
        read_day(row["local_date"]),
        row["mood"],
        row["craving"],
        row["halt"],
        row["note"],
    )


def _entry(row: sqlite3.Row) -> EntryRow:
    return EntryRow(
        row["id"], row["kind"], row["category"], row["text"], read_day(row["local_date"])
    )


def checkins_between(first: date, last: date) -> list[CheckinRow]:
    with journal_file.reading() as conn:
        rows = conn.execute(
            "SELECT * FROM checkin WHERE local_date BETWEEN ? AND ? ORDER BY local_date, id",
            (first.isoformat(), last.isoformat()),
        )
        return [_checkin(r) for r in rows]


def checkin_days() -> set[date]:
    with journal_file.reading() as conn:
        return {read_day(r[0]) for r in conn.execute("SELECT DISTINCT local_date FROM checkin")}


def has_checkins() -> bool:
    with journal_file.reading() as conn:
        return conn.execute("SELECT 1 FROM checkin LIMIT 1").fetchone() is not None


def has_checkin_on(day: date) -> bool:
    with journal_file.reading() as conn:
        row = conn.execute(
            "SELECT 1 FROM checkin WHERE local_date = ? LIMIT 1", (day.isoformat(),)
        ).fetchone()
        return row is not None


def entries_between(kind: str, first: date, last: date) -> list[EntryRow]:
    with journal_file.reading() as conn:
        rows = conn.execute(
            "SELECT * FROM daily_entry WHERE kind = ? AND local_date BETWEEN ? AND ? "
            "ORDER BY local_date, id",
            (kind, first.isoformat(), last.isoformat()),
        )
        return [_entry(r) for r in rows]


def add_gratitude(text: str, day: date) -> None:
    with journal_file.writing() as conn:
        _insert_entries(conn, None, day, [(GRATITUDE, None, text)])


def recent_gratitude(limit: int) -> list[EntryRow]:
    with journal_file.reading() as conn:
        rows = conn.execute(
            "SELECT * FROM daily_entry WHERE kind = 'gratitude' "
            "ORDER BY local_date DESC, id DESC LIMIT ?",
            (limit,),
        )
        return [_entry(r) for r in rows]


def add_service(what: str, day: date, carried_message: bool, note: str) -> None:
    with journal_file.writing() as conn:
        conn.execute(
            "INSERT INTO service (uid, local_date, what, carried_message, note, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (new_uid(), day.isoformat(), what, int(carried_message), note, now_stamp()),
        )


def recent_service(limit: int) -> list[ServiceRow]:
    with journal_file.reading() as conn:
        rows = conn.execute(
            "SELECT * FROM service ORDER BY local_date DESC, id DESC LIMIT ?", (limit,)
        )
        return [
            ServiceRow(
                r["id"], read_day(r["local_date"]), r["what"], bool(r["carried_message"]), r["note"]
            )
            for r in rows
        ]


def hold_checkin(checkin_id: int) -> bool:
    """Answer this check-in alone until the command ends; False when another window is."""
    from stepwork.store import lock

    return lock.answering(journal_file.ready(), lock.CHECKIN, checkin_id)


def checkin_held_elsewhere(checkin_id: int) -> bool:
    """Whether another window is answering this check-in right now."""
    from stepwork.store import lock

    return lock.answered_elsewhere(journal_file.ready(), lock.CHECKIN, checkin_id)
