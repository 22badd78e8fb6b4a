"""Daily check-ins, with their meetings, gratitude and triggers."""

import sqlite3
from collections.abc import Callable

from stepwork.kinds.base import Entry, Field, TableKind, day_of, first_line, register
from stepwork.numbers import is_digits
from stepwork.store import records


def checkin_summary(r: sqlite3.Row) -> str:
    parts = []
    if r["mood"] is not None:
        parts.append(f"mood {r['mood']}")
    if r["craving"] is not None:
        parts.append(f"craving {r['craving']}")
    if r["halt"]:
        parts.append(r["halt"].replace(",", ", "))
    if r["note"]:
        parts.append(first_line(r["note"], 50))
    return " · ".join(parts)


def _rating(low: int, high: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        text = text.strip()
        if text and not (is_digits(text) and low <= int(text) <= high):
            raise ValueError(f"Use a whole number from {low} to {high} (or - to clear it).")
        return text

    return parse


def _halt(text: str) -> str:
    from stepwork import daily
    from stepwork.errors import UserError

    try:
        return ",".join(daily.parse_halt([text]))
    except UserError as problem:
        raise ValueError(problem.message) from None


def _connected(conn: sqlite3.Connection, checkin_id: int) -> str:
    return "\n".join(records.checkin_contact_names(conn, checkin_id))


# Whom the person connected with: other people's names.
CONNECTED = "Connected with"


class CheckinKind(TableKind):
    name, prefix, label, aliases = "checkin", "c", "Check-ins", ("checkins", "check-in")
    table = "checkin"

    def entry(self, row: sqlite3.Row) -> Entry:
        return Entry(
            self.label_of(row["id"]),
            self.name,
            day_of(row["local_date"]),
            None,
            "Check-in",
            checkin_summary(row),
            row["created_at"],
        )

    private_parts = (CONNECTED,)

    def parts(self, conn: sqlite3.Connection, row: sqlite3.Row) -> list[tuple[str, str]]:
        entries = records.checkin_entries(conn, row["id"])

        def listed(kind: str) -> str:
            return "\n".join(
                (f"{e['category']}: " if e["category"] else "") + e["text"]
                for e in entries
                if e["kind"] == kind
            )

        return [
            ("Mood", "" if row["mood"] is None else f"{row['mood']} of 10"),
            ("Craving", "" if row["craving"] is None else f"{row['craving']} of 10"),
            ("HALT", row["halt"].replace(",", ", ")),
            ("Meetings", listed("meeting")),
            ("Grateful for", listed("gratitude")),
            ("Triggers", listed("trigger")),
            (CONNECTED, _connected(conn, row["id"])),
            ("Note", row["note"]),
        ]

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        r = self.row(conn, record_id)
        if r is None:
            return []
        return [
            Field(
                "mood", "Mood (1-10)", "" if r["mood"] is None else str(r["mood"]), _rating(1, 10)
            ),
            Field(
                "craving",
                "Craving (0-10)",
                "" if r["craving"] is None else str(r["craving"]),
                _rating(0, 10),
            ),
            Field("halt", "HALT (hungry, angry, lonely, tired)", r["halt"], _halt),
            Field("note", "Note", r["note"]),
        ]

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        assert key in ("mood", "craving", "halt", "note")
        stored: object = value
        if key in ("mood", "craving"):
            stored = int(value) if value else None
        records.set_value(conn, "checkin", record_id, key, stored)


CHECKIN = register(CheckinKind())
