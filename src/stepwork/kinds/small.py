"""The small kinds: gratitude on its own, service, and journal notes."""

import sqlite3

from stepwork.kinds.base import Entry, Field, TableKind, day_of, first_line, register
from stepwork.store import records


class GratitudeKind(TableKind):
    """Gratitude added on its own (`stepwork gratitude "..."`); in a check-in it is part of it."""

    name, prefix, label = "gratitude", "g", "Gratitude"
    table, rows = "daily_entry", "kind = 'gratitude' AND checkin_id IS NULL"

    def entry(self, row: sqlite3.Row) -> Entry:
        return Entry(
            self.label_of(row["id"]),
            self.name,
            day_of(row["local_date"]),
            None,
            "Gratitude",
            first_line(row["text"]),
            row["created_at"],
        )

    def parts(self, conn: sqlite3.Connection, row: sqlite3.Row) -> list[tuple[str, str]]:
        return [("Grateful for", row["text"])]

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        row = self.row(conn, record_id)
        return [] if row is None else [Field("text", "Grateful for", row["text"])]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        records.set_value(conn, "daily_entry", record_id, "text", value, versioned=False)


class ServiceKind(TableKind):
    name, prefix, label = "service", "v", "Service"
    table, steps = "service", (12,)

    def entry(self, row: sqlite3.Row) -> Entry:
        title = "Carrying the message" if row["carried_message"] else "Service"
        return Entry(
            self.label_of(row["id"]),
            self.name,
            day_of(row["local_date"]),
            12,
            title,
            first_line(row["what"]),
            row["created_at"],
        )

    def parts(self, conn: sqlite3.Connection, row: sqlite3.Row) -> list[tuple[str, str]]:
        return [("What", row["what"]), ("Note", row["note"])]

    def tags(self, row: sqlite3.Row) -> list[str]:
        return ["service"] + (["carrying-the-message"] if row["carried_message"] else [])

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        row = self.row(conn, record_id)
        if row is None:
            return []
        return [
            Field("what", "What", row["what"]),
            Field("note", "Note", row["note"]),
        ]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        assert key in ("what", "note")
        records.set_value(conn, "service", record_id, key, value, versioned=False)


class NoteKind(TableKind):
    name, prefix, label, aliases = "note", "n", "Journal notes", ("notes", "journal")
    table = "note"
    newest_first = "local_date DESC, written_at DESC, id DESC"
    oldest_first = "written_at, id"

    def entry(self, row: sqlite3.Row) -> Entry:
        return Entry(
            self.label_of(row["id"]),
            self.name,
            day_of(row["local_date"]),
            None,
            first_line(row["title"], 60) or "Note",
            first_line(row["body"]),
            row["written_at"],
            bool(row["starred"]),
        )

    def full_title(self, row: sqlite3.Row) -> str:
        return first_line(row["title"], None) or "Note"

    def parts(self, conn: sqlite3.Connection, row: sqlite3.Row) -> list[tuple[str, str]]:
        return [(row["title"] or "Note", row["body"])]

    def tags(self, row: sqlite3.Row) -> list[str]:
        own = [t for t in row["tags"].split(",") if t]
        return ["note", *own] + (["starred"] if row["starred"] else [])

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        row = self.row(conn, record_id)
        if row is None:
            return []
        return [
            Field("title", "Title", row["title"]),
            Field("body", "Text", row["body"]),
        ]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        assert key in ("title", "body")
        records.set_value(conn, "note", record_id, key, value)


GRATITUDE = register(GratitudeKind())
SERVICE = register(ServiceKind())
NOTE = register(NoteKind())
