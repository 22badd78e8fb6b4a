"""The sober network and reaching out, in plain SQL (these commands start without SQLAlchemy)."""

import sqlite3
from dataclasses import dataclass
from datetime import date

from stepwork.store import journal_file
from stepwork.store.values import new_uid, now_stamp, read_day

EDITABLE = ("name", "role", "reach", "note", "hard_moments")


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    role: str
    reach: str
    note: str
    hard_moments: bool
    last_reached: date | None = None
    times_reached: int = 0

    @property
    def label(self) -> str:
        return f"p{self.id}"


@dataclass(frozen=True)
class ContactRow:
    id: int
    person_id: int
    name: str
    role: str
    local_date: date
    how: str | None
    note: str


_PERSON_SELECT = (
    "SELECT p.*, (SELECT max(local_date) FROM contact c WHERE c.person_id = p.id) AS last, "
    "(SELECT count(*) FROM contact c WHERE c.person_id = p.id) AS times FROM person p"
)


def _person(row: sqlite3.Row) -> PersonRow:
    return PersonRow(
        row["id"],
        row["name"],
        row["role"],
        row["reach"],
        row["note"],
        bool(row["hard_moments"]),
        read_day(row["last"]) if row["last"] else None,
        row["times"],
    )


def all_people(conn: sqlite3.Connection | None = None) -> list[PersonRow]:
    """Everyone, hard-moments people first, then by role order and name."""
    if conn is None:
        with journal_file.reading() as own:
            return all_people(own)
    order = (
        "ORDER BY p.hard_moments DESC, CASE p.role WHEN 'sponsor' THEN 0 WHEN 'therapist' "
        "THEN 1 WHEN 'friend' THEN 2 WHEN 'home-group' THEN 3 WHEN 'sponsee' THEN 4 "
        "WHEN 'family' THEN 5 ELSE 6 END, lower(p.name), p.id"
    )
    return [_person(r) for r in conn.execute(f"{_PERSON_SELECT} {order}")]


def get(person_id: int) -> PersonRow | None:
    with journal_file.reading() as conn:
        row = conn.execute(f"{_PERSON_SELECT} WHERE p.id = ?", (person_id,)).fetchone()
        return None if row is None else _person(row)


def add(name: str, role: str, reach: str, note: str, hard_moments: bool) -> int:
    now = now_stamp()
    with journal_file.writing() as conn:
        cursor = conn.execute(
            "INSERT INTO person (uid, name, role, reach, note, hard_moments, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (new_uid(), name, role, reach, note, int(hard_moments), now, now),
        )
        return int(cursor.lastrowid or 0)


def update(conn: sqlite3.Connection, person_id: int, **values: object) -> None:
    assert values and set(values) <= set(EDITABLE)
    assignments = ", ".join(f"{key} = ?" for key in values)
    conn.execute(
        f"UPDATE person SET {assignments}, updated_at = edit_stamp(updated_at) WHERE id = ?",
        (*values.values(), person_id),
    )


def change(person_id: int, **values: object) -> None:
    with journal_file.writing() as conn:
        update(conn, person_id, **values)


def set_hard_moments(person_ids: set[int]) -> None:
    """Exactly these people are the ones to call in a hard moment (the coping plan's choice)."""
    with journal_file.writing() as conn:
        for row in conn.execute("SELECT id, hard_moments FROM person").fetchall():
            wanted = row["id"] in person_ids
            if bool(row["hard_moments"]) != wanted:
                update(conn, row["id"], hard_moments=int(wanted))


def remove(person_id: int) -> int:
    """Remove someone and the contacts logged with them; returns how many contacts went."""
    with journal_file.writing() as conn:
        count = conn.execute(
            "SELECT count(*) FROM contact WHERE person_id = ?", (person_id,)
        ).fetchone()[0]
        conn.execute("DELETE FROM person WHERE id = ?", (person_id,))
        return int(count)


def _insert_contact(
    conn: sqlite3.Connection,
    person_id: int,
    day: date,
    how: str | None,
    note: str,
    checkin_id: int | None = None,
) -> int:
    cursor = conn.execute(
        "INSERT INTO contact (uid, person_id, checkin_id, local_date, how, note, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (new_uid(), person_id, checkin_id, day.isoformat(), how, note, now_stamp()),
    )
    return int(cursor.lastrowid or 0)


def add_contact(person_id: int, day: date, how: str | None, note: str) -> int:
    with journal_file.writing() as conn:
        return _insert_contact(conn, person_id, day, how, note)


def replace_checkin_contacts(checkin_id: int, person_ids: list[int]) -> None:
    """Set whom a check-in says the person connected with (as answered so far)."""
    with journal_file.writing() as conn:
        row = conn.execute("SELECT local_date FROM checkin WHERE id = ?", (checkin_id,)).fetchone()
        if row is None:
            return
        conn.execute("DELETE FROM contact WHERE checkin_id = ?", (checkin_id,))
        for person_id in person_ids:
            _insert_contact(conn, person_id, read_day(row["local_date"]), None, "", checkin_id)


def contacts_between(first: date, last: date) -> list[ContactRow]:
    with journal_file.reading() as conn:
        rows = conn.execute(
            "SELECT c.*, p.name, p.role FROM contact c JOIN person p ON p.id = c.person_id "
            "WHERE c.local_date BETWEEN ? AND ? ORDER BY c.local_date, c.id",
            (first.isoformat(), last.isoformat()),
        )
        return [
            ContactRow(
                r["id"],
                r["person_id"],
                r["name"],
                r["role"],
                read_day(r["local_date"]),
                r["how"],
                r["note"],
            )
            for r in rows
        ]


def last_reached_role(role: str) -> date | None:
    with journal_file.reading() as conn:
        row = conn.execute(
            "SELECT max(c.local_date) FROM contact c JOIN person p ON p.id = c.person_id "
            "WHERE p.role = ?",
            (role,),
        ).fetchone()
        return read_day(row[0]) if row[0] else None


@dataclass(frozen=True)
class Reaching:
    """What the dashboard needs to notice isolation: the last connection of any kind."""

    people: int
    last_contact: date | None
    last_meeting: date | None
    network_since: date | None

    @property
    def last_connection(self) -> date | None:
        days = [d for d in (self.last_contact, self.last_meeting) if d is not None]
        return max(days) if days else None


def reaching() -> Reaching:
    with journal_file.reading() as conn:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM person), (SELECT max(local_date) FROM contact), "
            "(SELECT max(local_date) FROM daily_entry WHERE kind = 'meeting'), "
            "(SELECT min(created_at) FROM person)"
        ).fetchone()
    since = None
    if row[3]:
        from stepwork.store.values import read_stamp

        since = read_stamp(row[3]).astimezone().date()
    return Reaching(
        row[0],
        read_day(row[1]) if row[1] else None,
        read_day(row[2]) if row[2] else None,
        since,
    )
