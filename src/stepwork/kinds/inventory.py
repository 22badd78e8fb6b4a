"""Inventory items (step four): their columns are the answers of their guided session."""

import sqlite3
from collections.abc import Iterator

from stepwork.domain.inventory import column_values, marks_for_therapist
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
from stepwork.kinds.sessions import STEP
from stepwork.store import records

SECTION_NAMES = {"resentment": "Resentment", "fear": "Fear", "sex": "Relationship", "harm": "Harm"}


def _title(section: str, who: str, width: int | None) -> str:
    return f"{SECTION_NAMES[section]}: {first_line(who, width)}"


class InventoryKind(Kind):
    name, prefix, label, aliases = "inventory", "i", "Inventory", ("item", "items")

    def where(self, f: Filters) -> tuple[str, list[object]]:
        if f.step not in (None, 4):
            return "WHERE 0", []
        sql, params = f.date_sql("s.local_date")
        return "WHERE 1" + sql, params

    def entries(self, conn: sqlite3.Connection, f: Filters, limit: int) -> list[Entry]:
        where, params = self.where(f)
        rows = records.newest_items(conn, where, params, limit)
        return [
            Entry(
                self.label_of(r["id"]),
                self.name,
                day_of(r["local_date"]),
                4,
                _title(r["section"], r["who"] or "", 40),
                first_line(r["cause"] or ""),
                r["created_at"],
            )
            for r in rows
        ]

    def ids(self, conn: sqlite3.Connection, f: Filters) -> Iterator[int]:
        where, params = self.where(f)
        return records.item_ids(conn, where, params)

    def answered_as(self, conn: sqlite3.Connection, record_id: int) -> tuple[int, int] | None:
        from stepwork.store.lock import SESSION

        item = records.item_row(conn, record_id)
        return None if item is None else (SESSION, int(item["session_id"]))

    def record(self, conn: sqlite3.Connection, record_id: int) -> Record | None:
        item = records.item_row(conn, record_id)
        if item is None:
            return None
        answers = records.session_answers(conn, item["session_id"], skipped=False)
        by_key = {a["question_key"]: a["text"] for a in answers}
        parts = [
            (h, text)
            for h, text in column_values(item["section"], by_key, bool(item["for_therapist"]))
            if text
        ]
        for share in records.item_shares(conn, record_id):
            parts.append(("Shared", f"with {share['shared_with']} on {share['shared_on']}"))
        tags = ["inventory", item["section"]]
        tags += ["for-therapist"] if item["for_therapist"] else []
        tags += ["for-sponsor"] if item["for_sponsor"] else []
        tags += ["owes-amends"] if by_key.get("amends") == "yes" else []
        entry = Entry(
            self.label_of(record_id),
            self.name,
            day_of(item["local_date"]),
            4,
            _title(item["section"], by_key.get("who", ""), 40),
            first_line(by_key.get("cause", "")),
            item["created_at"],
        )
        return Record(entry, parts, tags, _title(item["section"], by_key.get("who", ""), None))

    def delete(self, conn: sqlite3.Connection, record_id: int) -> None:
        records.delete_item(conn, record_id)

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        from stepwork import settings
        from stepwork.content import CHOICES, YESNO
        from stepwork.content.inventory import section
        from stepwork.parse import choices

        row = records.item_row(conn, record_id)
        if row is None:
            return []
        questions = {q.key: q for q in section(row["section"], settings.load()).questions}
        result = []
        for f in STEP.fields(conn, row["session_id"]):
            question = questions.get(f.key)
            parse, label = None, f.label
            if question is not None and question.kind == YESNO:
                parse = choices.parse_yes_no
            elif question is not None and question.kind == CHOICES:
                options = question.choices
                parse = lambda text, options=options: choices.parse_choices(text, options)  # noqa: E731
                label = f"{label}  ({choices.menu(options)})"
            result.append(Field(f.key, label, f.value, parse))
        return result

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        session = records.item_session(conn, record_id)
        if session is not None:
            STEP.update(conn, session, key, value)
            records.touch_item(conn, record_id, for_therapist=marks_for_therapist(key, value))


INVENTORY = register(InventoryKind())
