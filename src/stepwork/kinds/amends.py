"""The amends list (steps eight and nine)."""

import sqlite3

from stepwork.domain.states import AMENDS_STATUS_WORDS, amends_kind, amends_status
from stepwork.errors import UserError
from stepwork.kinds.base import Entry, Field, TableKind, day_of, first_line, register
from stepwork.store import records


def _status(value: str) -> str:
    try:
        return amends_status(value).value
    except UserError as problem:
        raise ValueError(problem.message) from None


def _kind(value: str) -> str:
    """A kind, or none (cleared) for an empty answer."""
    if not value.strip():
        return ""
    try:
        return amends_kind(value).value
    except UserError as problem:
        raise ValueError(problem.message) from None


STATUS_CHOICES = ", ".join(AMENDS_STATUS_WORDS.values())


def _status_words(stored: str) -> str:
    """A stored status as people read it everywhere ("not yet willing")."""
    known = {status.value: words for status, words in AMENDS_STATUS_WORDS.items()}
    return known.get(stored, stored)


class AmendsKind(TableKind):
    name, prefix, label = "amends", "a", "Amends"
    table, steps = "amends", (8, 9)
    date_column = "date(created_at)"
    newest_first, oldest_first = "created_at DESC, id DESC", "id"

    def _title(self, row: sqlite3.Row, width: int | None) -> str:
        status = _status_words(row["status"])
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
            ("Status", _status_words(row["status"])),
            ("Would injure them or others", "yes" if row["would_injure"] else ""),
            ("Planned for", row["planned_on"] or ""),
            ("Notes", row["notes"]),
        ]

    def tags(self, row: sqlite3.Row) -> list[str]:
        return ["amends", "-".join(_status_words(row["status"]).split())]

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        r = self.row(conn, record_id)
        if r is None:
            return []
        return [
            Field("person", "Person", r["person"]),
            Field("harm", "Harm", r["harm"]),
            Field("kind", "Kind (direct, indirect, living)", r["kind"] or "", _kind),
            Field("status", f"Status ({STATUS_CHOICES})", r["status"], _status),
            Field("notes", "Notes", r["notes"]),
        ]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        assert key in ("person", "harm", "kind", "status", "notes")
        stored: object = value if key != "kind" else (value or None)
        records.set_value(conn, "amends", record_id, key, stored)


AMENDS = register(AmendsKind())
