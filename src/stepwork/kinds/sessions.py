"""Guided sessions: step work, the nightly review, the morning, and the coping plan."""

import sqlite3
from collections.abc import Iterator

from stepwork import network
from stepwork.kinds.base import (
    Entry,
    Field,
    Filters,
    Kind,
    Record,
    day_of,
    first_line,
    register,
)

FIRST_ANSWER = (
    "(SELECT text FROM answer WHERE session_id = s.id AND state != 'skipped' AND text != '' "
    "ORDER BY position LIMIT 1)"
)


class SessionKind(Kind):
    prefix = "s"

    def __init__(self, name: str, flow_sql: str, label: str, aliases: tuple[str, ...] = ()):
        self.name, self.flow_sql, self.label, self.aliases = name, flow_sql, label, aliases

    def title(self, step: int | None) -> str:
        if self.name == "step" and step is not None:
            from stepwork import messages
            from stepwork.content import step_titles

            # A journal may hold a step number from before imports were checked.
            return f"Step {step} · {step_titles().get(step, messages.UNKNOWN_STEP)}"
        return self.label

    def where(self, f: Filters) -> tuple[str, list[object]]:
        sql, params = f"WHERE s.{self.flow_sql}", []
        if f.step is not None:
            sql += " AND s.step = ?"
            params.append(f.step)
        dates_sql, date_params = f.date_sql("s.local_date")
        return sql + dates_sql, params + date_params

    def entries(self, conn: sqlite3.Connection, f: Filters, limit: int) -> list[Entry]:
        where, params = self.where(f)
        rows = conn.execute(
            f"SELECT s.id, s.local_date, s.step, s.started_at, {FIRST_ANSWER} AS first "
            f"FROM guided_session s {where} ORDER BY s.local_date "
            "DESC, s.started_at DESC, s.id DESC LIMIT ?",
            [*params, limit],
        )
        return [
            Entry(
                self.label_of(r["id"]),
                self.name,
                day_of(r["local_date"]),
                r["step"],
                self.title(r["step"]),
                first_line(r["first"] or ""),
                r["started_at"],
            )
            for r in rows
        ]

    def ids(self, conn: sqlite3.Connection, f: Filters) -> Iterator[int]:
        where, params = self.where(f)
        for row in conn.execute(
            f"SELECT s.id FROM guided_session s {where} ORDER BY s.started_at, s.id", params
        ):
            yield row[0]

    def owns(self, conn: sqlite3.Connection, record_id: int) -> bool:
        row = conn.execute(
            f"SELECT 1 FROM guided_session s WHERE s.id = ? AND s.{self.flow_sql}", (record_id,)
        ).fetchone()
        return row is not None

    def record(self, conn: sqlite3.Connection, record_id: int) -> Record | None:
        if not self.owns(conn, record_id):
            return None
        s = conn.execute(
            "SELECT id, local_date, step, started_at, status FROM guided_session WHERE id = ?",
            (record_id,),
        ).fetchone()
        answers = conn.execute(
            "SELECT question_key, question_text, text, state FROM answer WHERE session_id = ? "
            "ORDER BY position, id",
            (record_id,),
        ).fetchall()
        parts = [(a["question_text"], a["text"]) for a in answers if a["state"] != "skipped"]
        private = tuple(
            a["question_text"] for a in answers if a["question_key"] in network.PLAN_PEOPLE_KEYS
        )
        summary = first_line(parts[0][1]) if parts else ""
        entry = Entry(
            self.label_of(record_id),
            self.name,
            day_of(s["local_date"]),
            s["step"],
            self.title(s["step"]),
            summary,
            s["started_at"],
        )
        tags = [self.name] + (["in-progress"] if s["status"] == "open" else [])
        return Record(entry, parts, tags, private=private)

    def delete(self, conn: sqlite3.Connection, record_id: int) -> None:
        conn.execute("DELETE FROM guided_session WHERE id = ?", (record_id,))

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        rows = conn.execute(
            "SELECT question_key, question_text, text FROM answer WHERE session_id = ? "
            "ORDER BY position, id",
            (record_id,),
        )
        return [Field(r["question_key"], r["question_text"], r["text"]) for r in rows]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        conn.execute(
            "UPDATE answer SET text = ?, state = ?, updated_at = edit_stamp(updated_at) "
            "WHERE session_id = ? AND question_key = ?",
            (value, "answered" if value.strip() else "skipped", record_id, key),
        )
        conn.execute(
            "UPDATE guided_session SET updated_at = edit_stamp(updated_at) WHERE id = ?",
            (record_id,),
        )


STEP = register(SessionKind("step", "flow LIKE 'step-%'", "Step work", ("steps",)))
REVIEW = register(SessionKind("review", "flow = 'review'", "Nightly review", ("reviews",)))
MORNING = register(SessionKind("morning", "flow = 'morning'", "Morning", ("mornings",)))
PLAN = register(SessionKind("plan", "flow = 'plan'", "Coping plan", ("plans",)))
