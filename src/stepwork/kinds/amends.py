"""The amends list (steps eight and nine)."""

import sqlite3
from collections.abc import Iterator

from stepwork.kinds.base import (
    Entry,
    Field,
    Filters,
    Kind,
    Record,
    day_of,
    first_line,
    register,
    utc_stamp,
)

STATUSES = ("not_willing", "willing", "planned", "made")
KINDS_OF_AMENDS = ("direct", "indirect", "living")


def _status(value: str) -> str:
    text = value.strip().lower().replace(" ", "_").replace("-", "_")
    if text in ("not_yet_willing",):
        text = "not_willing"
    if text not in STATUSES:
        raise ValueError("Use one of: not-willing, willing, planned, made.")
    return text


def _kind(value: str) -> str:
    text = value.strip().lower()
    if text and text not in KINDS_OF_AMENDS:
        raise ValueError("Use one of: direct, indirect, living (or - for none).")
    return text


class AmendsKind(Kind):
    name, prefix, label = "amends", "a", "Amends"

    def where(self, f: Filters) -> tuple[str, list[object]]:
        if f.step not in (None, 8, 9):
            return "WHERE 0", []
        sql, params = f.date_sql("date(created_at)")
        return "WHERE 1" + sql, params

    def _entry(self, r: sqlite3.Row) -> Entry:
        return Entry(
            self.label_of(r["id"]),
            self.name,
            day_of(r["created_at"]),
            8,
            f"Amends: {first_line(r['person'], 40)} ({r['status'].replace('_', ' ')})",
            first_line(r["harm"]),
            r["created_at"],
        )

    def entries(self, conn: sqlite3.Connection, f: Filters, limit: int) -> list[Entry]:
        where, params = self.where(f)
        rows = conn.execute(
            f"SELECT * FROM amends {where} ORDER BY created_at DESC, id DESC LIMIT ?",
            [*params, limit],
        )
        return [self._entry(r) for r in rows]

    def ids(self, conn: sqlite3.Connection, f: Filters) -> Iterator[int]:
        where, params = self.where(f)
        for row in conn.execute(f"SELECT id FROM amends {where} ORDER BY id", params):
            yield row[0]

    def record(self, conn: sqlite3.Connection, record_id: int) -> Record | None:
        r = conn.execute("SELECT * FROM amends WHERE id = ?", (record_id,)).fetchone()
        if r is None:
            return None
        parts = [
            ("Person", r["person"]),
            ("Harm", r["harm"]),
            ("Kind", r["kind"] or ""),
            ("Status", r["status"].replace("_", " ")),
            ("Would injure them or others", "yes" if r["would_injure"] else ""),
            ("Planned for", r["planned_on"] or ""),
            ("Notes", r["notes"]),
        ]
        return Record(self._entry(r), [(h, t) for h, t in parts if t], ["amends", r["status"]])

    def delete(self, conn: sqlite3.Connection, record_id: int) -> None:
        conn.execute("DELETE FROM amends WHERE id = ?", (record_id,))

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        r = conn.execute("SELECT * FROM amends WHERE id = ?", (record_id,)).fetchone()
        if r is None:
            return []
        return [
            Field("person", "Person", r["person"]),
            Field("harm", "Harm", r["harm"], multiline=True),
            Field("kind", "Kind (direct, indirect, living)", r["kind"] or "", _kind),
            Field("status", "Status (not-willing, willing, planned, made)", r["status"], _status),
            Field("notes", "Notes", r["notes"], multiline=True),
        ]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        assert key in ("person", "harm", "kind", "status", "notes")
        stored: object = value if key != "kind" else (value or None)
        conn.execute(
            f"UPDATE amends SET {key} = ?, updated_at = ? WHERE id = ?",
            (stored, utc_stamp(), record_id),
        )


AMENDS = register(AmendsKind())
