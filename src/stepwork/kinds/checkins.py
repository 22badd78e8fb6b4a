"""Daily check-ins, with their meetings, gratitude and triggers."""

import sqlite3
from collections.abc import Callable

from stepwork.kinds.base import Entry, Field, TableKind, day_of, first_line, register
from stepwork.parse.numbers import is_digits
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
    from stepwork.domain import daily
    from stepwork.errors import UserError

    try:
        return ",".join(daily.parse_halt([text]))
    except UserError as problem:
        raise ValueError(problem.message) from None


def _connected(conn: sqlite3.Connection, checkin_id: int) -> str:
    return "\n".join(records.checkin_contact_names(conn, checkin_id))


_LISTS = {"meetings": "meeting", "gratitude": "gratitude", "triggers": "trigger"}
"""The check-in's lists, by field: each line one meeting, gratitude or trigger."""


def _listed_entries(conn: sqlite3.Connection, checkin_id: int) -> Callable[[str], str]:
    entries = records.checkin_entries(conn, checkin_id)

    def listed(kind: str) -> str:
        return "\n".join(
            (f"{e['category']}: " if e["category"] else "") + e["text"]
            for e in entries
            if e["kind"] == kind
        )

    return listed


_ONE_EACH = "(one per line, or separated by ;)"
TRIGGERS_LABEL = f"Triggers, each as person:, place: or thing: and a word or two {_ONE_EACH}"


def _one_per_line(text: str, kept: str = "") -> str:
    """At the edit prompt a list is typed on one line: ';' separates its items there, except
    inside an item already on the list (`kept`, one a line), which is kept whole as it was."""
    whole = sorted((k.strip() for k in kept.splitlines() if ";" in k), key=len, reverse=True)
    items: list[str] = []
    for line in text.splitlines():
        parts = line.split(";")
        at = 0
        while at < len(parts):
            for item in whole:
                width = item.count(";") + 1
                if ";".join(parts[at : at + width]).strip() == item:
                    items.append(item)
                    at += width
                    break
            else:
                items.append(parts[at].strip())
                at += 1
    return "\n".join(item for item in items if item)


def _each_line(text: str, kept: str = "") -> str:
    """In the editor each line is one item, ';' and all."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


Splitter = Callable[[str, str], str]


def _items(what: str, kept: str, split: Splitter = _one_per_line) -> Callable[[str], str]:
    def parse(text: str) -> str:
        from stepwork.domain import daily
        from stepwork.errors import UserError

        lines = split(text, kept).splitlines()
        try:
            return "\n".join(daily.clean_items(what, lines))
        except UserError as problem:
            raise ValueError(problem.message) from None

    return parse


def _triggers(kept: str, split: Splitter = _one_per_line) -> Callable[[str], str]:
    def parse(text: str) -> str:
        from stepwork.domain import daily

        return "\n".join(f"{t.kind}: {t.text}" for t in daily.trigger_lines(split(text, kept)))

    return parse


def _list_field(key: str, label: str, what: str, kept: str) -> Field:
    if key == "triggers":
        return Field(key, label, kept, _triggers(kept), _triggers(kept, _each_line))
    return Field(key, label, kept, _items(what, kept), _items(what, kept, _each_line))


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
        listed = _listed_entries(conn, row["id"])
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
        listed = _listed_entries(conn, record_id)
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
            _list_field("meetings", f"Meetings {_ONE_EACH}", "meeting", listed("meeting")),
            _list_field("gratitude", f"Grateful for {_ONE_EACH}", "gratitude", listed("gratitude")),
            _list_field("triggers", TRIGGERS_LABEL, "trigger", listed("trigger")),
            Field("note", "Note", r["note"]),
        ]

    def answered_as(self, conn: sqlite3.Connection, record_id: int) -> tuple[int, int] | None:
        from stepwork.store.lock import CHECKIN

        return CHECKIN, record_id

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        assert key in ("mood", "craving", "halt", "note", *_LISTS)
        if key in _LISTS:
            from stepwork.domain import daily
            from stepwork.store import daily as store

            row = self.row(conn, record_id)
            assert row is not None  # the editor read it a moment ago, in this transaction
            day = day_of(row["local_date"])
            items: list[tuple[str | None, str]]
            if key == "triggers":
                items = [(t.kind, t.text) for t in daily.trigger_lines(value)]
            else:
                items = [(None, line.strip()) for line in value.splitlines() if line.strip()]
            store.replace_entries_in(conn, record_id, day, _LISTS[key], items)
            records.mark_edited(conn, "checkin", record_id)
            return
        stored: object = value
        if key in ("mood", "craving"):
            stored = int(value) if value else None
        records.set_value(conn, "checkin", record_id, key, stored)


CHECKIN = register(CheckinKind())
