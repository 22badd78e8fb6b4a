"""The amends list: people harmed, seeded from inventory items that owe amends. Plain SQL, so
`amends` starts as fast as the journal."""

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

from stepwork.domain.states import AmendsStatus
from stepwork.parse.choices import YES
from stepwork.store import journal_file
from stepwork.store.values import new_uid, now_stamp, read_day, read_stamp


@dataclass(frozen=True)
class AmendsRow:
    id: int
    uid: str
    item_id: int | None
    person: str
    harm: str
    kind: str | None
    status: str
    would_injure: bool
    planned_on: date | None
    notes: str
    created_at: datetime
    updated_at: datetime


def _row(row: sqlite3.Row) -> AmendsRow:
    return AmendsRow(
        id=row["id"],
        uid=row["uid"],
        item_id=row["item_id"],
        person=row["person"],
        harm=row["harm"],
        kind=row["kind"],
        status=row["status"],
        would_injure=bool(row["would_injure"]),
        planned_on=read_day(row["planned_on"]) if row["planned_on"] else None,
        notes=row["notes"],
        created_at=read_stamp(row["created_at"]),
        updated_at=read_stamp(row["updated_at"]),
    )


@dataclass(frozen=True)
class Change:
    status: str | None = None
    kind: str | None = None
    would_injure: bool | None = None
    planned_on: date | None = None
    note: str | None = None
    person: str | None = None
    harm: str | None = None


UNNAMED = "(unnamed)"


def _harm(section: str, fields: dict[str, str]) -> str:
    """What I did, in the item's own words: a resentment's cause is what was done to me."""
    if section == "resentment":
        return fields.get("part-note") or fields.get("my-part", "")
    return fields.get("cause", "")


def sync_from_inventory() -> int:
    """Add everyone the inventory says is owed amends and who is not on the list yet."""
    with journal_file.writing() as conn:
        owed = conn.execute(
            "SELECT i.id, i.section, i.session_id FROM inventory_item i "
            "JOIN answer a ON a.session_id = i.session_id "
            "WHERE a.question_key = 'amends' AND a.text = ? "
            "AND i.id NOT IN (SELECT item_id FROM amends WHERE item_id IS NOT NULL)",
            (YES,),
        ).fetchall()
        for item_id, section, session_id in owed:
            fields = {
                row[0]: row[1].strip()
                for row in conn.execute(
                    "SELECT question_key, text FROM answer WHERE session_id = ?", (session_id,)
                )
            }
            _insert(conn, fields.get("who") or UNNAMED, _harm(section, fields), None, item_id)
        return len(owed)


def _insert(
    conn: sqlite3.Connection, person: str, harm: str, kind: str | None, item_id: int | None
) -> int:
    now = now_stamp()
    cursor = conn.execute(
        "INSERT INTO amends (uid, item_id, person, harm, kind, status, would_injure, notes, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, '', ?, ?)",
        (new_uid(), item_id, person, harm, kind, AmendsStatus.NOT_WILLING.value, now, now),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def add(person: str, harm: str = "", kind: str | None = None) -> AmendsRow:
    with journal_file.writing() as conn:
        amends_id = _insert(conn, person, harm, kind, None)
        return _get(conn, amends_id)


def list_amends(status: str | None = None) -> list[AmendsRow]:
    with journal_file.reading() as conn:
        if status is None:
            rows = conn.execute("SELECT * FROM amends ORDER BY id").fetchall()
        else:
            rows = conn.execute(
                "SELECT * FROM amends WHERE status = ? ORDER BY id", (status,)
            ).fetchall()
    return [_row(row) for row in rows]


def _get(conn: sqlite3.Connection, amends_id: int) -> AmendsRow:
    return _row(conn.execute("SELECT * FROM amends WHERE id = ?", (amends_id,)).fetchone())


def get(amends_id: int) -> AmendsRow | None:
    with journal_file.reading() as conn:
        row = conn.execute("SELECT * FROM amends WHERE id = ?", (amends_id,)).fetchone()
    return None if row is None else _row(row)


def update(amends_id: int, change: Change) -> AmendsRow | None:
    with journal_file.writing() as conn:
        found = conn.execute("SELECT * FROM amends WHERE id = ?", (amends_id,)).fetchone()
        if found is None:
            return None
        row = _row(found)
        status = change.status if change.status is not None else row.status
        if (
            change.planned_on is not None
            and change.status is None
            and row.status in (AmendsStatus.NOT_WILLING, AmendsStatus.WILLING)
        ):
            status = AmendsStatus.PLANNED
        notes = row.notes
        if change.note:
            notes = f"{row.notes}\n{change.note}".strip() if row.notes else change.note
        planned_on = change.planned_on if change.planned_on is not None else row.planned_on
        conn.execute(
            "UPDATE amends SET status = ?, kind = ?, would_injure = ?, planned_on = ?, "
            "notes = ?, person = ?, harm = ?, updated_at = edit_stamp(updated_at) WHERE id = ?",
            (
                str(status),
                change.kind if change.kind is not None else row.kind,
                change.would_injure if change.would_injure is not None else row.would_injure,
                planned_on.isoformat() if planned_on is not None else None,
                notes,
                change.person if change.person is not None else row.person,
                change.harm if change.harm is not None else row.harm,
                amends_id,
            ),
        )
        return _get(conn, amends_id)
