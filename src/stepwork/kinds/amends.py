"""The amends list (steps eight and nine)."""

import sqlite3

from stepwork.kinds.base import Entry, Field, TableKind, day_of, first_line, register

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


class AmendsKind(TableKind):
    name, prefix, label = "amends", "a", "Amends"
    table, steps = "amends", (8, 9)
    date_column = "date(created_at)"
    newest_first, oldest_first = "created_at DESC, id DESC", "id"

    def _title(self, row: sqlite3.Row, width: int | None) -> str:
        status = row["status"].replace("_", " ")
        return f"Amends: {first_line(row['person'], width)} ({status})"

    def full_title(self, row: sqlite3.Row) -> str:
        return self._title(row, None)

    def entry(self, row: sqlite3.Row) -> Entry:
        return Entry(
            self.label_of(row["id"]),
            self.name,
            day_of(row["created_at"]),
            8,
            self._title(row, 40),
            first_line(row["harm"]),
            row["created_at"],
        )

    def parts(self, conn: sqlite3.Connection, row: sqlite3.Row) -> list[tuple[str, str]]:
        return [
            ("Person", row["person"]),
            ("Harm", row["harm"]),
            ("Kind", row["kind"] or ""),
            ("Status", row["status"].replace("_", " ")),
            ("Would injure them or others", "yes" if row["would_injure"] else ""),
            ("Planned for", row["planned_on"] or ""),
            ("Notes", row["notes"]),
        ]

    def tags(self, row: sqlite3.Row) -> list[str]:
        return ["amends", row["status"]]

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        r = self.row(conn, record_id)
        if r is None:
            return []
        return [
            Field("person", "Person", r["person"]),
            Field("harm", "Harm", r["harm"]),
            Field("kind", "Kind (direct, indirect, living)", r["kind"] or "", _kind),
            Field("status", "Status (not-willing, willing, planned, made)", r["status"], _status),
            Field("notes", "Notes", r["notes"]),
        ]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        assert key in ("person", "harm", "kind", "status", "notes")
        stored: object = value if key != "kind" else (value or None)
        conn.execute(
            f"UPDATE amends SET {key} = ?, updated_at = edit_stamp(updated_at) WHERE id = ?",
            (stored, record_id),
        )


AMENDS = register(AmendsKind())
