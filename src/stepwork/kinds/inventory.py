"""Inventory items (step four): their columns are the answers of their guided session."""

import sqlite3
from collections.abc import Iterator

from stepwork.inventory import column_values
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

SECTION_NAMES = {"resentment": "Resentment", "fear": "Fear", "sex": "Relationship", "harm": "Harm"}


def _title(section: str, who: str, width: int | None) -> str:
    return f"{SECTION_NAMES[section]}: {first_line(who, width)}"


def _answer(key: str) -> str:
    return (
        f"(SELECT text FROM answer WHERE session_id = i.session_id AND question_key = '{key}' "
        "AND state != 'skipped')"
    )


class InventoryKind(Kind):
    name, prefix, label, aliases = "inventory", "i", "Inventory", ("item", "items")

    def where(self, f: Filters) -> tuple[str, list[object]]:
        if f.step not in (None, 4):
            return "WHERE 0", []
        sql, params = f.date_sql("s.local_date")
        return "WHERE 1" + sql, params

    def entries(self, conn: sqlite3.Connection, f: Filters, limit: int) -> list[Entry]:
        where, params = self.where(f)
        rows = conn.execute(
            f"SELECT i.id, i.section, s.local_date, i.created_at, {_answer('who')} AS who, "
            f"{_answer('cause')} AS cause FROM inventory_item i "
            f"JOIN guided_session s ON s.id = i.session_id {where} "
            "ORDER BY s.local_date DESC, i.created_at DESC, i.id DESC LIMIT ?",
            [*params, limit],
        )
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
        for row in conn.execute(
            f"SELECT i.id FROM inventory_item i JOIN guided_session s ON s.id = i.session_id "
            f"{where} ORDER BY i.id",
            params,
        ):
            yield row[0]

    def record(self, conn: sqlite3.Connection, record_id: int) -> Record | None:
        item = conn.execute(
            "SELECT i.*, s.local_date, s.status FROM inventory_item i "
            "JOIN guided_session s ON s.id = i.session_id WHERE i.id = ?",
            (record_id,),
        ).fetchone()
        if item is None:
            return None
        answers = conn.execute(
            "SELECT question_key, question_text, text FROM answer WHERE session_id = ? "
            "AND state != 'skipped' ORDER BY position, id",
            (item["session_id"],),
        ).fetchall()
        by_key = {a["question_key"]: a["text"] for a in answers}
        parts = [(h, text) for h, text in column_values(item["section"], by_key) if text]
        shares = conn.execute(
            "SELECT shared_with, shared_on FROM inventory_share WHERE item_id = ? "
            "ORDER BY shared_on",
            (record_id,),
        ).fetchall()
        for share in shares:
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
        conn.execute(
            "DELETE FROM guided_session WHERE id = "
            "(SELECT session_id FROM inventory_item WHERE id = ?)",
            (record_id,),
        )

    def _session(self, conn: sqlite3.Connection, record_id: int) -> int | None:
        row = conn.execute(
            "SELECT session_id FROM inventory_item WHERE id = ?", (record_id,)
        ).fetchone()
        return None if row is None else row[0]

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        from stepwork import choices, settings
        from stepwork.content import CHOICES, YESNO
        from stepwork.content.inventory import section

        row = conn.execute(
            "SELECT session_id, section FROM inventory_item WHERE id = ?", (record_id,)
        ).fetchone()
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
        session = self._session(conn, record_id)
        if session is not None:
            STEP.update(conn, session, key, value)
            # Saying one was harmed with no part marks the item for a therapist, however said.
            mark = ", for_therapist = 1" if key == "no-part" and value == "yes" else ""
            conn.execute(
                f"UPDATE inventory_item SET updated_at = edit_stamp(updated_at){mark} WHERE id = ?",
                (record_id,),
            )


INVENTORY = register(InventoryKind())
