"""Guided sessions: step work, the nightly review, the morning, and the coping plan."""

import sqlite3
from collections.abc import Iterator

from stepwork.domain import network
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
from stepwork.store import records


class SessionKind(Kind):
    prefix = "s"

    def __init__(self, name: str, flow_sql: str, label: str, aliases: tuple[str, ...] = ()):
        self.name, self.flow_sql, self.label, self.aliases = name, flow_sql, label, aliases

    def title(self, step: int | None) -> str:
        if self.name == "step" and step is not None:
            from stepwork.content import step_titles
            from stepwork.messages import app as app_messages

            # A journal may hold a step number from before imports were checked.
            return f"Step {step} · {step_titles().get(step, app_messages.UNKNOWN_STEP)}"
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
        rows = records.newest_sessions(conn, where, params, limit)
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
        return records.session_ids(conn, where, params)

    def owns(self, conn: sqlite3.Connection, record_id: int) -> bool:
        return records.session_is(conn, record_id, self.flow_sql)

    def answered_as(self, conn: sqlite3.Connection, record_id: int) -> tuple[int, int] | None:
        from stepwork.store.lock import SESSION

        return SESSION, record_id

    def record(self, conn: sqlite3.Connection, record_id: int) -> Record | None:
        if not self.owns(conn, record_id):
            return None
        s = records.session_row(conn, record_id)
        assert s is not None
        answers = records.session_answers(conn, record_id)
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
        records.delete_session(conn, record_id)

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        rows = records.session_answers(conn, record_id)
        return [Field(r["question_key"], r["question_text"], r["text"]) for r in rows]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        records.edit_answer(conn, record_id, key, value)


STEP = register(SessionKind("step", "flow LIKE 'step-%'", "Step work", ("steps",)))
REVIEW = register(SessionKind("review", "flow = 'review'", "Nightly review", ("reviews",)))
MORNING = register(SessionKind("morning", "flow = 'morning'", "Morning", ("mornings",)))
PLAN = register(SessionKind("plan", "flow = 'plan'", "Coping plan", ("plans",)))
