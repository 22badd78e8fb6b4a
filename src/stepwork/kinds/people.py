"""The sober network: people (p3) and the times the person reached out to them (r5).

Both are private kinds: the vault and the markdown and HTML exports leave them out unless
asked with --with-people. The JSON export always carries them.
"""

import sqlite3
from collections.abc import Iterator

from stepwork.domain import network
from stepwork.kinds.base import Entry, Field, Filters, TableKind, day_of, first_line, register
from stepwork.messages import people as people_messages
from stepwork.store import records


def role_names() -> dict[str, str]:
    from stepwork import settings

    return network.role_names(settings.load()["role_names"])


def _role(text: str) -> str:
    role = network.role_of(text, role_names())
    if role is None:
        from stepwork.messages import people as people_messages

        raise ValueError(people_messages.bad_role(text, list(role_names().values())))
    return role


def _yes_no(text: str) -> str:
    from stepwork.parse import choices

    return "1" if choices.parse_yes_no(text) == choices.YES else "0"


class PersonKind(TableKind):
    name, prefix, label, aliases = "person", "p", "People", ("people",)
    table = "person"
    private = True
    date_column = "date(created_at)"
    newest_first = "created_at DESC, id DESC"
    oldest_first = "created_at, id"

    def entry(self, row: sqlite3.Row) -> Entry:
        role = role_names().get(row["role"], row["role"])
        summary = " · ".join(part for part in (role, first_line(row["reach"], 40)) if part)
        return Entry(
            self.label_of(row["id"]),
            self.name,
            day_of(row["created_at"]),
            None,
            first_line(row["name"], 60),
            summary,
            row["created_at"],
        )

    def full_title(self, row: sqlite3.Row) -> str:
        whole = first_line(row["name"], None)
        return whole if whole != first_line(row["name"], 60) else ""

    def parts(self, conn: sqlite3.Connection, row: sqlite3.Row) -> list[tuple[str, str]]:
        last_day, count = records.times_reached(conn, row["id"])
        reached = ""
        if count:
            times = "once" if count == 1 else f"{count} times"
            from datetime import date

            from stepwork.parse.dates import local_day

            reached = f"{times}, last on {local_day(date.fromisoformat(str(last_day)[:10]))}"
        return [
            ("Role", role_names().get(row["role"], row["role"])),
            ("How to reach them", row["reach"]),
            ("Note", row["note"]),
            ("In a hard moment", "yes, shown first" if row["hard_moments"] else ""),
            ("Reached", reached),
        ]

    def delete_question(self, conn: sqlite3.Connection, record_id: int) -> str:
        row = self.row(conn, record_id)
        contacts = records.times_reached(conn, record_id)[1]
        return people_messages.remove_person_question(row["name"] if row else "", contacts)

    def tags(self, row: sqlite3.Row) -> list[str]:
        return ["person", row["role"]]

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        row = self.row(conn, record_id)
        if row is None:
            return []
        return [
            Field("name", "Name", row["name"], _name),
            Field("role", "Role", role_names().get(row["role"], row["role"]), _role),
            Field("reach", "How to reach them", row["reach"]),
            Field("note", "Note", row["note"]),
            Field(
                "hard_moments",
                "Call them in a hard moment? (yes/no)",
                "yes" if row["hard_moments"] else "no",
                _yes_no,
            ),
        ]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        from stepwork.store import people

        stored: object = value
        if key == "role":
            stored = _role(value)
        elif key == "hard_moments":
            stored = int(value == "1")
        people.update(conn, record_id, **{key: stored})


def _name(text: str) -> str:
    if not text.strip():
        from stepwork.messages import people as people_messages

        raise ValueError(people_messages.PERSON_NEEDS_NAME)
    return " ".join(text.split())


class ContactKind(TableKind):
    name, prefix, label, aliases = "reached", "r", "Reaching out", ("contact", "contacts")
    table = "contact"
    private = True

    def row(self, conn: sqlite3.Connection, record_id: int) -> sqlite3.Row | None:
        return records.contact_row(conn, record_id)

    def entries(self, conn: sqlite3.Connection, f: Filters, limit: int) -> list[Entry]:
        where, params = self.where(f)
        return [self.entry(r) for r in records.newest_contacts(conn, where, params, limit)]

    def where(self, f: Filters) -> tuple[str, list[object]]:
        if f.step is not None:
            return "WHERE 0", []
        sql, params = f.date_sql("c.local_date")
        return f"WHERE 1{sql}", params

    def ids(self, conn: sqlite3.Connection, f: Filters) -> Iterator[int]:
        where, params = self.where(f)
        return records.contact_ids(conn, where, params)

    def entry(self, row: sqlite3.Row) -> Entry:
        how = f" ({row['how']})" if row["how"] else ""
        return Entry(
            self.label_of(row["id"]),
            self.name,
            day_of(row["local_date"]),
            None,
            "Reached out",
            first_line(row["name"], 40) + how,
            row["created_at"],
        )

    def parts(self, conn: sqlite3.Connection, row: sqlite3.Row) -> list[tuple[str, str]]:
        return [
            ("Whom", f"{row['name']} (p{row['person_id']})"),
            ("How", row["how"] or ""),
            ("Note", row["note"]),
        ]

    def tags(self, row: sqlite3.Row) -> list[str]:
        return ["reached"] + ([row["how"]] if row["how"] else [])

    def delete(self, conn: sqlite3.Connection, record_id: int) -> None:
        records.delete_row(conn, "contact", "1", record_id)

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        row = self.row(conn, record_id)
        return [] if row is None else [Field("note", "Note", row["note"])]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        assert key == "note"
        records.set_value(conn, "contact", record_id, "note", value, versioned=False)


PERSON = register(PersonKind())
CONTACT = register(ContactKind())
