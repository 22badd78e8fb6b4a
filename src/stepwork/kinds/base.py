"""What every kind of record offers to log, show, search, edit, delete and export.

A kind of record joins the journal-wide commands by subclassing `Kind` in a module of this
package and registering an instance with `register`. All queries here are plain SQL through
`stepwork.store.journal_file`, so these commands start without SQLAlchemy.
"""

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from stepwork.store import records


@dataclass(frozen=True)
class Filters:
    kinds: frozenset[str] = frozenset()
    step: int | None = None
    since: date | None = None
    until: date | None = None
    people: bool = False
    """Exports only: include the private kinds (people and reaching out)."""

    def wants(self, kind: str, step: int | None) -> bool:
        if self.kinds and kind not in self.kinds:
            return False
        return self.step is None or self.step == step

    def date_sql(self, column: str) -> tuple[str, list[object]]:
        """' AND column >= ? AND column <= ?' for the date filters that are set."""
        sql, params = "", list[object]()
        if self.since is not None:
            sql += f" AND {column} >= ?"
            params.append(self.since.isoformat())
        if self.until is not None:
            sql += f" AND {column} <= ?"
            params.append(self.until.isoformat())
        return sql, params


@dataclass(frozen=True)
class Entry:
    """One line of the log: any record, summarised."""

    label: str
    kind: str
    day: date
    step: int | None
    title: str
    summary: str
    written: str
    """When it was written (UTC, ISO): newest first in the log."""
    starred: bool = False

    @property
    def shown_title(self) -> str:
        """The title as the log shows it: a star marks a starred note."""
        return f"★ {self.title}" if self.starred else self.title


@dataclass(frozen=True)
class Field:
    """One editable part of a record."""

    key: str
    label: str
    value: str
    parse: Callable[[str], str] | None = None
    """Checks and normalises a new value; raises ValueError with a message for the person."""
    parse_lines: Callable[[str], str] | None = None
    """As `parse`, for the value written in the editor, where each line is one item of a list
    (`parse` reads a list typed on one line at the prompt, split at ';')."""


@dataclass(frozen=True)
class Record:
    """A whole record for reading: `show`, vault export and search results use this."""

    entry: Entry
    parts: list[tuple[str, str]] = field(default_factory=list)
    """(heading, text) pairs in reading order."""
    tags: list[str] = field(default_factory=list)
    full_title: str = ""
    """The title uncut, where the entry's is cut to fit a listing ("" where they are the same)."""
    private: tuple[str, ...] = ()
    """Headings of the parts that are about other people (names, numbers): left out of the
    vault unless asked for with --with-people."""

    def without_private(self) -> "Record":
        kept = [(heading, text) for heading, text in self.parts if heading not in self.private]
        return replace(self, parts=kept, private=())

    @property
    def title(self) -> str:
        """The whole title, as a note or a heading of its own shows it."""
        return self.full_title or self.entry.title


class Kind:
    name: str = ""
    prefix: str = ""
    label: str = ""
    """How the kind is named in headings ("Step work", "Inventory", ...)."""
    aliases: tuple[str, ...] = ()
    private: bool = False
    """About other people (names, numbers): left out of markdown, HTML and the vault unless
    asked for with --with-people."""

    def where(self, f: Filters) -> tuple[str, list[object]]:
        """The WHERE clause (and its parameters) that picks this kind's records for `f`."""
        raise NotImplementedError

    def entries(self, conn: sqlite3.Connection, f: Filters, limit: int) -> list[Entry]:
        raise NotImplementedError

    def ids(self, conn: sqlite3.Connection, f: Filters) -> Iterator[int]:
        """Every matching record's id, oldest first (for export)."""
        raise NotImplementedError

    def record(self, conn: sqlite3.Connection, record_id: int) -> Record | None:
        raise NotImplementedError

    def delete(self, conn: sqlite3.Connection, record_id: int) -> None:
        raise NotImplementedError

    def delete_question(self, conn: sqlite3.Connection, record_id: int) -> str:
        """What `stepwork delete` asks first: it names whatever goes with the record."""
        from stepwork.messages import journal as journal_messages

        return journal_messages.DELETE_QUESTION

    def fields(self, conn: sqlite3.Connection, record_id: int) -> list[Field]:
        return []

    def update(self, conn: sqlite3.Connection, record_id: int, key: str, value: str) -> None:
        raise NotImplementedError

    def label_of(self, record_id: int) -> str:
        return f"{self.prefix}{record_id}"

    def answered_as(self, conn: sqlite3.Connection, record_id: int) -> tuple[int, int] | None:
        """What a window answers when it answers this record (`store.lock.answering`'s kind and
        id), so that an edit never writes over it; None for records no window answers."""
        return None


class TableKind(Kind):
    """A kind kept in one table: where, entries, ids, record and delete come from the settings
    below; a subclass says how a row reads (`entry`, `parts`, `tags`)."""

    private_parts: tuple[str, ...] = ()
    """Headings of parts about other people, kept out of the vault unless --with-people."""

    table: str = ""
    rows: str = "1"
    """An SQL condition picking this kind's rows out of the table."""
    steps: tuple[int, ...] = ()
    """The steps this kind belongs to, for --step."""
    date_column: str = "local_date"
    newest_first: str = "local_date DESC, created_at DESC, id DESC"
    oldest_first: str = "local_date, id"

    def where(self, f: Filters) -> tuple[str, list[object]]:
        if f.step is not None and f.step not in self.steps:
            return "WHERE 0", []
        sql, params = f.date_sql(self.date_column)
        return f"WHERE {self.rows}{sql}", params

    def entry(self, row: sqlite3.Row) -> Entry:
        raise NotImplementedError

    def parts(self, conn: sqlite3.Connection, row: sqlite3.Row) -> list[tuple[str, str]]:
        raise NotImplementedError

    def tags(self, row: sqlite3.Row) -> list[str]:
        return [self.name]

    def full_title(self, row: sqlite3.Row) -> str:
        """The title uncut, where `entry` cuts it for the log; "" where it does not."""
        return ""

    def row(self, conn: sqlite3.Connection, record_id: int) -> sqlite3.Row | None:
        return records.row_of(conn, self.table, self.rows, record_id)

    def entries(self, conn: sqlite3.Connection, f: Filters, limit: int) -> list[Entry]:
        where, params = self.where(f)
        rows = records.newest_rows(conn, self.table, where, params, self.newest_first, limit)
        return [self.entry(r) for r in rows]

    def ids(self, conn: sqlite3.Connection, f: Filters) -> Iterator[int]:
        where, params = self.where(f)
        return records.ids_in_order(conn, self.table, where, params, self.oldest_first)

    def record(self, conn: sqlite3.Connection, record_id: int) -> Record | None:
        row = self.row(conn, record_id)
        if row is None:
            return None
        parts = [(heading, text) for heading, text in self.parts(conn, row) if text]
        return Record(
            self.entry(row), parts, self.tags(row), self.full_title(row), self.private_parts
        )

    def delete(self, conn: sqlite3.Connection, record_id: int) -> None:
        records.delete_row(conn, self.table, self.rows, record_id)


KINDS: dict[str, Kind] = {}
BY_PREFIX: dict[str, list[Kind]] = {}


def register(kind: Kind) -> Kind:
    KINDS[kind.name] = kind
    BY_PREFIX.setdefault(kind.prefix, []).append(kind)
    return kind


def first_line(text: str, width: int | None = 80) -> str:
    """The first line with words in it, cut to `width` with "…" (never cut where None)."""
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if width is None or len(line) <= width else line[: width - 1] + "…"


def day_of(value: str) -> date:
    return date.fromisoformat(value[:10])
