"""The small kinds: gratitude on its own, service, and journal notes."""

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


class GratitudeKind(Kind):
    """Gratitude added on its own (`stepwork gratitude "..."`); in a check-in it is part of it."""

    name, prefix, label, aliases = "gratitude", "g", "Gratitude", ()
    WHERE = "WHERE kind = 'gratitude' AND checkin_id IS NULL"

    def where(self, f: Filters) -> tuple[str, list[object]]:
        if f.step is not None:
            return "WHERE 0", []
        sql, params = f.date_sql("local_date")
        return self.WHERE + sql, params

    def _entry(self, r: sqlite3.Row) -> Entry:
        return Entry(
            self.label_of(r["id"]),
            self.name,
            day_of(r["local_date"]),
            None,
            "Gratitude",
            first_line(r["text"]),
            r["created_at"],
        )

    def entries(self, conn: sqlite3.Connection, f: Filters, limit: int) -> list[Entry]:
        where, params = self.where(f)
        rows = conn.execute(
            f"SELECT * FROM daily_entry {where} ORDER BY local_date "
            "DESC, created_at DESC, id DESC LIMIT ?",
            [*params, limit],
        )
        return [self._entry(r) for r in rows]

    def ids(self, conn: sqlite3.Connection, f: Filters) -> Iterator[int]:
        where, params = self.where(f)
        for row in conn.execute(
            f"SELECT id FROM daily_entry {where} ORDER BY local_date, id", params
        ):
            yield row[0]

    def record(self, conn: sqlite3.Connection, record_id: int) -> Record | None:
        r = conn.execute(
            f"SELECT * FROM daily_entry {self.WHERE} AND id = ?", (record_id,)
        ).fetchone()
        if r is None:
            return None
        return Record(self._entry(r), [("Grateful for", r["text"])], ["gratitude"])

    def delete(self, conn: sqlite3.Connection, record_id: int) -> None:
        conn.execute(f"DELETE FROM daily_entry {self.WHERE} AND id = ?", (record_id,))

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        record = self.record(conn, record_id)
        return [] if record is None else [Field("text", "Grateful for", record.parts[0][1])]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        conn.execute("UPDATE daily_entry SET text = ? WHERE id = ?", (value, record_id))


class ServiceKind(Kind):
    name, prefix, label, aliases = "service", "v", "Service", ()

    def where(self, f: Filters) -> tuple[str, list[object]]:
        if f.step not in (None, 12):
            return "WHERE 0", []
        sql, params = f.date_sql("local_date")
        return "WHERE 1" + sql, params

    def _entry(self, r: sqlite3.Row) -> Entry:
        title = "Carrying the message" if r["carried_message"] else "Service"
        return Entry(
            self.label_of(r["id"]),
            self.name,
            day_of(r["local_date"]),
            12,
            title,
            first_line(r["what"]),
            r["created_at"],
        )

    def entries(self, conn: sqlite3.Connection, f: Filters, limit: int) -> list[Entry]:
        where, params = self.where(f)
        rows = conn.execute(
            f"SELECT * FROM service {where} ORDER BY local_date "
            "DESC, created_at DESC, id DESC LIMIT ?",
            [*params, limit],
        )
        return [self._entry(r) for r in rows]

    def ids(self, conn: sqlite3.Connection, f: Filters) -> Iterator[int]:
        where, params = self.where(f)
        for row in conn.execute(f"SELECT id FROM service {where} ORDER BY local_date, id", params):
            yield row[0]

    def record(self, conn: sqlite3.Connection, record_id: int) -> Record | None:
        r = conn.execute("SELECT * FROM service WHERE id = ?", (record_id,)).fetchone()
        if r is None:
            return None
        parts = [("What", r["what"]), ("Note", r["note"])]
        tags = ["service"] + (["carrying-the-message"] if r["carried_message"] else [])
        return Record(self._entry(r), [(h, t) for h, t in parts if t], tags)

    def delete(self, conn: sqlite3.Connection, record_id: int) -> None:
        conn.execute("DELETE FROM service WHERE id = ?", (record_id,))

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        r = conn.execute("SELECT * FROM service WHERE id = ?", (record_id,)).fetchone()
        if r is None:
            return []
        return [Field("what", "What", r["what"]), Field("note", "Note", r["note"], multiline=True)]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        assert key in ("what", "note")
        conn.execute(f"UPDATE service SET {key} = ? WHERE id = ?", (value, record_id))


class NoteKind(Kind):
    name, prefix, label, aliases = "note", "n", "Journal notes", ("notes", "journal")

    def where(self, f: Filters) -> tuple[str, list[object]]:
        if f.step is not None:
            return "WHERE 0", []
        sql, params = f.date_sql("local_date")
        return "WHERE 1" + sql, params

    def _entry(self, r: sqlite3.Row) -> Entry:
        return Entry(
            self.label_of(r["id"]),
            self.name,
            day_of(r["local_date"]),
            None,
            ("★ " if r["starred"] else "") + (first_line(r["title"], 60) or "Note"),
            first_line(r["body"]),
            r["written_at"],
        )

    def entries(self, conn: sqlite3.Connection, f: Filters, limit: int) -> list[Entry]:
        where, params = self.where(f)
        rows = conn.execute(
            f"SELECT * FROM note {where} ORDER BY local_date "
            "DESC, written_at DESC, id DESC LIMIT ?",
            [*params, limit],
        )
        return [self._entry(r) for r in rows]

    def ids(self, conn: sqlite3.Connection, f: Filters) -> Iterator[int]:
        where, params = self.where(f)
        for row in conn.execute(f"SELECT id FROM note {where} ORDER BY written_at, id", params):
            yield row[0]

    def record(self, conn: sqlite3.Connection, record_id: int) -> Record | None:
        r = conn.execute("SELECT * FROM note WHERE id = ?", (record_id,)).fetchone()
        if r is None:
            return None
        tags = (
            ["note"]
            + [t for t in r["tags"].split(",") if t]
            + (["starred"] if r["starred"] else [])
        )
        return Record(self._entry(r), [(r["title"] or "Note", r["body"])], tags)

    def delete(self, conn: sqlite3.Connection, record_id: int) -> None:
        conn.execute("DELETE FROM note WHERE id = ?", (record_id,))

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        r = conn.execute("SELECT * FROM note WHERE id = ?", (record_id,)).fetchone()
        if r is None:
            return []
        return [
            Field("title", "Title", r["title"]),
            Field("body", "Text", r["body"], multiline=True),
        ]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        assert key in ("title", "body")
        conn.execute(
            f"UPDATE note SET {key} = ?, updated_at = ? WHERE id = ?",
            (value, utc_stamp(), record_id),
        )


GRATITUDE = register(GratitudeKind())
SERVICE = register(ServiceKind())
NOTE = register(NoteKind())
