"""The stepwork JSON format: every record, lossless, streamed out; validated and merged in.

Import checks the whole file before writing anything, then merges in one transaction: rows are
matched by their stable `uid` (or what else identifies them, like a counter's name), a newer
edit wins, and importing the same file twice changes nothing.
"""

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from stepwork import __version__, messages
from stepwork.errors import UserError
from stepwork.export.tables import BOOL, DATE, INT, TABLES, TEXT, TIME, Column, Table
from stepwork.limits import MAX_IMPORTED_TEXT

FORMAT = "stepwork"
FORMAT_VERSION = 1


# --- export --------------------------------------------------------------------------------


def _select_json(table: Table) -> str:
    """SQL that gives each row as a JSON object, built by SQLite itself (fast, and exact)."""
    pairs = ["'uid', t.uid"]
    for c in table.columns:
        value = f"t.{c.name}"
        if c.type == BOOL:
            value = f"CASE WHEN t.{c.name} IS NULL THEN NULL WHEN t.{c.name} THEN json('true') ELSE json('false') END"  # noqa: E501
        pairs.append(f"'{c.name}', {value}")
    joins = []
    for n, link in enumerate(table.links):
        pairs.append(f"'{link.name}', l{n}.uid")
        joins.append(f"LEFT JOIN {link.table} l{n} ON l{n}.id = t.{link.column}")
    return (
        f"SELECT json_object({', '.join(pairs)}) FROM {table.name} t {' '.join(joins)} "
        "ORDER BY t.id"
    )


def rows(conn: sqlite3.Connection, table: Table) -> Iterator[str]:
    """Each row of a table as a JSON object (text), in id order."""
    for (text,) in conn.execute(_select_json(table)):
        yield text


def count_rows(conn: sqlite3.Connection) -> int:
    return sum(conn.execute(f"SELECT COUNT(*) FROM {t.name}").fetchone()[0] for t in TABLES)


def write(conn: sqlite3.Connection, out: IO[str], tick: Callable[[], None] = lambda: None) -> None:
    """Stream the whole journal as JSON: one row at a time, so memory stays flat."""
    exported = datetime.now(UTC).isoformat(timespec="seconds")
    out.write("{\n")
    out.write(f'  "format": "{FORMAT}",\n  "format_version": {FORMAT_VERSION},\n')
    out.write(f'  "stepwork_version": {json.dumps(__version__)},\n')
    out.write(f'  "exported_at": "{exported}",\n  "tables": {{')
    for t_index, table in enumerate(TABLES):
        out.write(("," if t_index else "") + f'\n    "{table.name}": [')
        for r_index, row in enumerate(rows(conn, table)):
            out.write(("," if r_index else "") + "\n      " + row)
            tick()
        out.write("\n    ]")
    out.write("\n  }\n}\n")


# --- reading and checking a file ---------------------------------------------------------


def read_document(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(messages.import_unreadable(path, exc.strerror or str(exc))) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(messages.import_not_utf8(path)) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(messages.import_not_json(path, exc.lineno, exc.colno, exc.msg)) from None
    if not isinstance(document, dict):
        raise UserError(messages.import_bad_file(path, "it is not a JSON object"))
    return document


def _bad(path: Path, where: str, detail: str) -> UserError:
    return UserError(messages.import_bad_file(path, f"{where}: {detail}"))


def _check_value(path: Path, where: str, column: Column, value: Any) -> None:
    if value is None:
        if not column.nullable:
            raise _bad(path, where, f"{column.name} is missing a value")
        return
    ok = {
        TEXT: isinstance(value, str),
        INT: isinstance(value, int) and not isinstance(value, bool),
        BOOL: isinstance(value, bool),
        DATE: isinstance(value, str),
        TIME: isinstance(value, str),
    }[column.type]
    if not ok:
        raise _bad(path, where, f"{column.name} should be {column.type}, not {value!r}")
    try:
        if column.type == DATE and (len(value) != 10 or not date.fromisoformat(value)):
            raise ValueError
        if column.type == TIME:
            datetime.fromisoformat(value)
    except ValueError:
        raise _bad(path, where, f"{column.name} is not a valid {column.type}: {value!r}") from None
    if column.type == TEXT and len(value) > MAX_IMPORTED_TEXT:
        raise _bad(path, where, f"{column.name} is longer than {MAX_IMPORTED_TEXT:,} characters")
    if column.choices and value not in column.choices:
        raise _bad(
            path, where, f"{column.name} {value!r} is not one of {', '.join(column.choices)}"
        )
    if column.bounds and not column.bounds[0] <= value <= column.bounds[1]:
        low, high = column.bounds
        raise _bad(path, where, f"{column.name} {value} is outside {low} to {high}")


def validate(document: dict[str, Any], path: Path) -> dict[str, list[dict[str, Any]]]:
    """Check every row of a stepwork file; returns its tables. Raises before anything is written."""
    if document.get("format") != FORMAT:
        raise UserError(messages.import_not_stepwork(path))
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _bad(path, "format_version", "missing or not a number")
    if version > FORMAT_VERSION:
        raise UserError(messages.import_too_new(path, version, FORMAT_VERSION))
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise _bad(path, "tables", "missing")
    known = {t.name: t for t in TABLES}
    for name in tables:
        if name not in known:
            raise _bad(path, "tables", f"unknown table {name!r}")
    uids: dict[str, set[str]] = {}
    for table in TABLES:
        table_rows = tables.get(table.name, [])
        if not isinstance(table_rows, list):
            raise _bad(path, table.name, "should be a list")
        expected = {"uid"} | {c.name for c in table.columns} | {link.name for link in table.links}
        seen = uids.setdefault(table.name, set())
        for index, row in enumerate(table_rows):
            where = f"{table.name}[{index}]"
            if not isinstance(row, dict):
                raise _bad(path, where, "should be an object")
            if set(row) != expected:
                missing, extra = expected - set(row), set(row) - expected
                detail = f"missing {sorted(missing)}" if missing else f"unexpected {sorted(extra)}"
                raise _bad(path, where, detail)
            uid = row["uid"]
            if not isinstance(uid, str) or not uid.strip() or len(uid) > 64:
                raise _bad(path, where, "uid should be a short non-empty text")
            if uid in seen:
                raise _bad(path, where, f"uid {uid!r} appears twice")
            seen.add(uid)
            for column in table.columns:
                _check_value(path, where, column, row[column.name])
            for link in table.links:
                value = row[link.name]
                if value is None and link.nullable:
                    continue
                if not isinstance(value, str) or not value:
                    raise _bad(path, where, f"{link.name} should name a {link.table} uid")
    return {t.name: tables.get(t.name, []) for t in TABLES}


# --- merging -------------------------------------------------------------------------------


@dataclass
class Counts:
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def bump(self, which: dict[str, int], table: str) -> None:
        which[table] = which.get(table, 0) + 1

    @property
    def changes(self) -> int:
        return sum(self.added.values()) + sum(self.updated.values())


def _db_value(column: Column, value: Any) -> Any:
    if column.type == BOOL and value is not None:
        return int(value)
    return value


def merge(
    conn: sqlite3.Connection,
    tables: dict[str, list[dict[str, Any]]],
    path: Path,
    tick: Callable[[], None] = lambda: None,
) -> Counts:
    """Merge validated rows into the journal (inside the caller's transaction)."""
    counts = Counts()
    ids: dict[tuple[str, str], int] = {}

    def id_of(table: str, uid: str) -> int | None:
        if (table, uid) in ids:
            return ids[(table, uid)]
        row = conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
        return None if row is None else row[0]

    for table in TABLES:
        for row in tables[table.name]:
            values = {c.name: _db_value(c, row[c.name]) for c in table.columns}
            for link in table.links:
                parent = row[link.name]
                if parent is None:
                    values[link.column] = None
                    continue
                parent_id = id_of(link.table, parent)
                if parent_id is None:
                    raise _bad(path, table.name, f"{link.name} {parent!r} is not in the file")
                values[link.column] = parent_id
            existing = conn.execute(
                f"SELECT * FROM {table.name} WHERE uid = ?", (row["uid"],)
            ).fetchone()
            if existing is None and table.natural_key:
                keys = [values[k] for k in table.natural_key]
                if all(k is not None for k in keys):
                    condition = " AND ".join(f"{k} = ?" for k in table.natural_key)
                    existing = conn.execute(
                        f"SELECT * FROM {table.name} WHERE {condition}", keys
                    ).fetchone()
            if existing is None:
                names = ["uid", *values]
                placeholders = ", ".join("?" for _ in names)
                cursor = conn.execute(
                    f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({placeholders})",
                    [row["uid"], *values.values()],
                )
                ids[(table.name, row["uid"])] = int(cursor.lastrowid or 0)
                counts.bump(counts.added, table.name)
            else:
                ids[(table.name, row["uid"])] = existing["id"]
                if table.versioned and values["updated_at"] > existing["updated_at"]:
                    assignments = ", ".join(f"{k} = ?" for k in values)
                    conn.execute(
                        f"UPDATE {table.name} SET {assignments} WHERE id = ?",
                        [*values.values(), existing["id"]],
                    )
                    counts.bump(counts.updated, table.name)
                else:
                    counts.bump(counts.unchanged, table.name)
            tick()
    return counts
