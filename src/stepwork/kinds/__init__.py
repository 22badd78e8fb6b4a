"""Every kind of record, for the journal-wide commands: log, show, search, edit, delete, export.

Importing this package registers all kinds. A new kind joins by adding a module here with a
`Kind` subclass and one `register(...)` call, and importing it below.
"""

import sqlite3

from stepwork.kinds import amends, checkins, inventory, people, sessions, small  # noqa: F401
from stepwork.kinds.base import BY_PREFIX, KINDS, Entry, Filters, Kind, Record
from stepwork.parse.numbers import natural


def resolve(conn: sqlite3.Connection, label: str) -> tuple[Kind, int] | None:
    """'i3' → (the inventory kind, 3); None when no such record exists."""
    text = label.strip().lower()
    prefix, number = text[:1], text[1:]
    record_id = natural(number)
    if prefix not in BY_PREFIX or record_id is None:
        return None
    for kind in BY_PREFIX[prefix]:
        if kind.record(conn, record_id) is not None:
            return kind, record_id
    return None


def kind_named(name: str) -> Kind | None:
    key = name.strip().lower()
    for kind in KINDS.values():
        if key == kind.name or key in kind.aliases:
            return kind
    return None


def log(conn: sqlite3.Connection, f: Filters, limit: int) -> list[Entry]:
    """The newest `limit` records across every kind that the filters allow."""
    found: list[Entry] = []
    for kind in KINDS.values():
        if f.kinds and kind.name not in f.kinds:
            continue
        found.extend(kind.entries(conn, f, limit))
    found.sort(key=lambda e: (e.day, e.written, e.label), reverse=True)
    return found[:limit]


__all__ = ["KINDS", "Entry", "Filters", "Kind", "Record", "kind_named", "log", "resolve"]
