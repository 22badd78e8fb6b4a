"""The stepwork JSON format: every record, lossless, streamed out; validated and merged in.

Import checks the whole file before writing anything, then merges in one transaction: rows are
matched by their stable `uid` (or what else identifies them, like a counter's name), a newer
edit wins (compared as instants), a deleted record stays deleted, and importing the same file
twice changes nothing.
"""

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import IO, Any, TypeGuard

from stepwork import __version__
from stepwork.errors import UserError
from stepwork.export.tables import (
    BOOL,
    DATE,
    INT,
    SQLITE_MAX,
    TABLES,
    TEXT,
    TIME,
    Column,
    Table,
)
from stepwork.messages import transfer as transfer_messages
from stepwork.parse.dates import EARLIEST_DAY
from stepwork.parse.limits import MAX_IMPORTED_TEXT
from stepwork.store import uid_rows

FORMAT = "stepwork"
FORMAT_VERSION = 3
"""2 added the tombstone table, 3 the sober network (person, contact); an older file simply
has none of them."""
SUPPORTED_VERSIONS = (1, 2, 3)
TOMBSTONE = "tombstone"
SINCE_VERSION = {TOMBSTONE: 2, "person": 3, "contact": 3}
"""Tables a file may hold from the format version that brought them in."""
SETTINGS = "settings"
PUT_AWAY = "put_away"
"""Settings that travel with the journal, beside its tables (older files have none)."""


# --- export --------------------------------------------------------------------------------


Where = Callable[[Table], tuple[str, tuple[Any, ...]]]
"""For one table, a condition on its rows (`t.` names the table) and its parameters."""


def rows(conn: sqlite3.Connection, table: Table, where: Where | None = None) -> Iterator[str]:
    """Each row of a table as a JSON object (text), oldest first; only those `where` picks."""
    columns = [(c.name, c.type == BOOL) for c in table.columns]
    links = [(link.name, link.table, link.column) for link in table.links]
    first_time = next(c.name for c in table.columns if c.type == TIME)
    condition = where(table) if where else ("", ())
    return uid_rows.json_objects(conn, table.name, columns, links, first_time, condition)


def count_rows(conn: sqlite3.Connection) -> int:
    return uid_rows.count_all(conn, (t.name for t in TABLES))


def write(
    conn: sqlite3.Connection,
    out: IO[str],
    tick: Callable[[], None] = lambda: None,
    where: Where | None = None,
    put_away: Iterable[str] = (),
) -> int:
    """Stream the whole journal (or the rows `where` picks) as JSON: one row at a time, so
    memory stays flat. The settings that belong with the journal (the daily questions put away)
    travel beside the tables. Returns how many rows were written."""
    written = 0
    exported = datetime.now(UTC).isoformat(timespec="seconds")
    out.write("{\n")
    out.write(f'  "format": "{FORMAT}",\n  "format_version": {FORMAT_VERSION},\n')
    out.write(f'  "stepwork_version": {json.dumps(__version__)},\n')
    carried = {PUT_AWAY: sorted(put_away)}
    out.write(f'  "{SETTINGS}": {json.dumps(carried, ensure_ascii=True)},\n')
    out.write(f'  "exported_at": "{exported}",\n  "tables": {{')
    for t_index, table in enumerate(TABLES):
        out.write(("," if t_index else "") + f'\n    "{table.name}": [')
        for r_index, row in enumerate(rows(conn, table, where)):
            out.write(("," if r_index else "") + "\n      " + row)
            written += 1
            tick()
        out.write("\n    ]")
    out.write("\n  }\n}\n")
    return written


# --- reading and checking a file ---------------------------------------------------------

MAX_DEPTH = 16
"""The format nests four deep; a file far deeper is not ours, and would exhaust the parser."""
MAX_NUMBER_CHARS = 20
"""SQLite's largest integer has 19 digits; longer numbers are refused before they are read."""
LATEST_YEAR = 9998
# A device's clock may run a little ahead; a person's day may be a day ahead of UTC's.
CLOCK_SLACK = timedelta(hours=1)
DAY_SLACK = timedelta(days=1)

DAY_FORM = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')
_STRING = re.compile(rb'"[^"]*"')


def _depth(raw: bytes) -> int:
    """How deeply JSON nests, at C speed: drop escaped backslashes and quotes, then everything
    but brackets and quotes, then strings (whatever brackets they hold); count what is left."""
    skeleton = raw.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _NOT_STRUCTURE)
    skeleton = _STRING.sub(b"", skeleton.replace(b'""', b""))
    return max(accumulate(1 if c in b"[{" else -1 for c in skeleton), default=0)


def read_document(path: Path) -> Any:
    """The JSON in a file, with its depth and the size of its numbers bounded before parsing."""
    from stepwork import inputs

    try:
        raw = inputs.read_file(path, inputs.IMPORT_LIMIT)
    except OSError as exc:
        raise UserError(
            transfer_messages.import_unreadable(path, exc.strerror or str(exc))
        ) from exc
    return parse_document(raw, path)


def parse_document(raw: bytes, path: Path) -> Any:
    """`read_document` for bytes already read; `path` names them in a refusal."""
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark some editors add is not content
    except UnicodeDecodeError:
        raise UserError(transfer_messages.import_not_utf8(path)) from None
    if _depth(raw) > MAX_DEPTH:
        raise UserError(
            transfer_messages.import_bad_file(path, f"it nests deeper than {MAX_DEPTH} levels")
        )

    def number(literal: str) -> Any:
        if len(literal) > MAX_NUMBER_CHARS:
            raise UserError(
                transfer_messages.import_bad_file(
                    path, f"it holds a number {len(literal):,} characters long"
                )
            )
        return float(literal) if any(c in literal for c in ".eE") else int(literal)

    def constant(name: str) -> Any:
        raise UserError(transfer_messages.import_bad_file(path, f"{name} is not a JSON number"))

    try:
        document = json.loads(text, parse_int=number, parse_float=number, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise UserError(
            transfer_messages.import_not_json(path, exc.lineno, exc.colno, exc.msg)
        ) from None
    except RecursionError:  # the depth check makes this unreachable; kept as a last guard
        raise UserError(transfer_messages.import_bad_file(path, "it nests too deep")) from None
    return document


def _bad(path: Path, where: str, detail: str) -> UserError:
    return UserError(transfer_messages.import_bad_file(path, f"{where}: {detail}"))


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _is_text(value: Any) -> TypeGuard[str]:
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")  # JSON's \ud800 escapes give text no file can hold
    except UnicodeEncodeError:
        return False
    return True


def parse_instant(value: str) -> datetime | None:
    """A time in any ISO form (a time of day is required; no zone means UTC) as an aware UTC
    datetime; None when it is not one."""
    if len(value) <= 10 or value[10] not in "T ":
        return None
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def stamp(moment: datetime) -> str:
    """An instant in the form the journal stores: '2026-11-27 21:41:00.123456' (UTC)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _later(first: str, second: str) -> bool:
    """Whether the stored or imported time `first` is a later instant than `second`."""
    earliest = datetime.min.replace(tzinfo=UTC)
    return (parse_instant(first) or earliest) > (parse_instant(second) or earliest)


def _check_value(path: Path, where: str, column: Column, value: Any) -> Any:
    """The value as the journal stores it; refused with one line when it does not fit."""
    name = column.name
    if value is None:
        if not column.nullable:
            raise _bad(path, where, f"{name} is missing a value")
        return None
    ok = {
        TEXT: _is_text(value),
        INT: isinstance(value, int) and not isinstance(value, bool),
        BOOL: isinstance(value, bool),
        DATE: isinstance(value, str),
        TIME: isinstance(value, str),
    }[column.type]
    if not ok:
        raise _bad(path, where, f"{name} should be {column.type}, not {_shown(value)}")
    if column.type == TIME:
        return _check_time(path, where, name, value)
    if column.type == DATE:
        return _check_day(path, where, column, value)
    if column.type == INT:
        low, high = column.bounds or (-SQLITE_MAX - 1, SQLITE_MAX)
        if not low <= value <= high:
            raise _bad(path, where, f"{name} {_shown(value)} is outside {low} to {high}")
    if column.type == TEXT:
        if len(value) > MAX_IMPORTED_TEXT:
            raise _bad(path, where, f"{name} is longer than {MAX_IMPORTED_TEXT:,} characters")
        words = [w for w in value.split(",") if w] if column.many else [value]
        if column.choices and any(w not in column.choices for w in words):
            listed = ", ".join(column.choices)
            raise _bad(path, where, f"{name} {_shown(value)} is not from: {listed}")
    return value


def latest_now() -> datetime:
    """Now, by the machine's clock or the person's (whichever is later): nothing imported may
    lie beyond it, give or take a clock running a little ahead."""
    from stepwork.parse import dates

    return max(datetime.now(UTC), dates.now_local().astimezone(UTC))


def _check_time(path: Path, where: str, name: str, value: str) -> str:
    moment = parse_instant(value)
    if moment is None:
        raise _bad(path, where, f"{name} is not a date and time: {_shown(value)}")
    if moment.year > LATEST_YEAR or moment > latest_now() + CLOCK_SLACK:
        raise _bad(path, where, f"{name} {_shown(value)} is in the future")
    if moment.date() < EARLIEST_DAY:
        raise _bad(path, where, f"{name} {_shown(value)} is before {EARLIEST_DAY}")
    return stamp(moment)


def _check_day(path: Path, where: str, column: Column, value: str) -> str:
    try:
        if not DAY_FORM.fullmatch(value):
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise _bad(
            path, where, f"{column.name} is not a YYYY-MM-DD date: {_shown(value)}"
        ) from None
    latest = (latest_now() + DAY_SLACK).date()
    if day.year > LATEST_YEAR or (not column.future and day > latest):
        raise _bad(path, where, f"{column.name} {value} is in the future")
    if day < EARLIEST_DAY:
        raise _bad(path, where, f"{column.name} {value} is before {EARLIEST_DAY}")
    return value


def _row_name(table: Table, row: Any, labels: dict[str, str]) -> str:
    uid = row.get("uid") if isinstance(row, dict) else None
    if isinstance(uid, str) and uid in labels:
        return labels[uid]
    if isinstance(uid, str) and 0 < len(uid) <= 64 and uid.isprintable():
        return f"{table.name} {uid}"
    return f"a {table.name} row without a usable uid"


def validate(
    document: Any, path: Path, labels: dict[str, str] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Check every row of a stepwork file; returns its tables with values as the journal
    stores them. Raises before anything is written. A refusal names the row by its table and
    uid (or by `labels[uid]`, how the person's own file names it)."""
    labels = labels or {}
    if not isinstance(document, dict):
        raise UserError(transfer_messages.import_bad_file(path, "it is not a JSON object"))
    if document.get("format") != FORMAT:
        raise UserError(transfer_messages.import_not_stepwork(path))
    version = document.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise UserError(transfer_messages.import_too_new(path, version, FORMAT_VERSION))
    if type(version) is not int or version not in SUPPORTED_VERSIONS:  # 2.0 and True are not
        supported = " or ".join(str(v) for v in SUPPORTED_VERSIONS)
        raise _bad(path, "format_version", f"should be {supported}, not {_shown(version)}")
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise _bad(path, "tables", "missing")
    known = {t.name: t for t in TABLES}
    for name in tables:
        if name not in known or version < SINCE_VERSION.get(name, 1):
            raise _bad(path, "tables", f"unknown table {_shown(name)}")
    checked: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        table_rows = tables.get(table.name, [])
        if not isinstance(table_rows, list):
            raise _bad(path, table.name, "should be a list")
        expected = {"uid"} | {c.name for c in table.columns} | {link.name for link in table.links}
        seen: set[str] = set()
        clean_rows = checked.setdefault(table.name, [])
        for row in table_rows:
            where = _row_name(table, row, labels)
            if not isinstance(row, dict):
                raise _bad(path, where, "should be an object")
            uid = row.get("uid")
            if not _is_text(uid) or not uid.strip() or len(uid) > 64 or not uid.isprintable():
                raise _bad(path, where, "uid should be a short non-empty text")
            if set(row) != expected:
                missing, extra = expected - set(row), set(row) - expected
                detail = f"missing {sorted(missing)}" if missing else f"unexpected {sorted(extra)}"
                raise _bad(path, where, detail)
            if uid in seen:
                raise _bad(path, where, "this uid appears twice")
            seen.add(uid)
            clean: dict[str, Any] = {"uid": uid}
            for column in table.columns:
                clean[column.name] = _check_value(path, where, column, row[column.name])
            if table.ordered:
                first, second = table.ordered
                if clean[second] < clean[first]:
                    raise _bad(path, where, f"{second} {clean[second]} is before {first}")
            for link in table.links:
                value = row[link.name]
                if value is None and link.nullable:
                    clean[link.name] = None
                    continue
                if not _is_text(value) or not value or len(value) > 64:
                    raise _bad(path, where, f"{link.name} should name a {link.table} uid")
                clean[link.name] = value
            clean_rows.append(clean)
    return checked


def carried_put_away(document: Any, path: Path) -> set[str]:
    """The daily questions put away that a file carries ('checkin:halt'), checked."""
    from stepwork.settings import parse_question_names

    carried = document.get(SETTINGS, {}) if isinstance(document, dict) else {}
    if not isinstance(carried, dict) or set(carried) - {PUT_AWAY}:
        raise _bad(path, SETTINGS, f"should be an object holding only {PUT_AWAY!r}")
    names = carried.get(PUT_AWAY, [])
    if not isinstance(names, list) or not all(_is_text(n) for n in names) or len(names) > 500:
        raise _bad(path, f"{SETTINGS}.{PUT_AWAY}", "should be a list of question names")
    from stepwork.domain import putaway

    try:
        found = set(parse_question_names(",".join(names)))
        putaway.check_names(found)
    except ValueError as problem:
        raise _bad(path, f"{SETTINGS}.{PUT_AWAY}", str(problem)) from None
    return found


# --- merging -------------------------------------------------------------------------------


@dataclass
class Counts:
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)

    def bump(self, which: dict[str, int], table: str) -> None:
        which[table] = which.get(table, 0) + 1

    @property
    def changes(self) -> int:
        return sum(self.added.values()) + sum(self.updated.values()) + sum(self.deleted.values())


def _db_value(column: Column, value: Any) -> Any:
    if column.type == BOOL and value is not None:
        return int(value)
    return value


def _edited_at(table: Table, row: sqlite3.Row) -> str:
    return row["updated_at"] if table.versioned else row["created_at"]


def merge(
    conn: sqlite3.Connection,
    tables: dict[str, list[dict[str, Any]]],
    path: Path,
    tick: Callable[[], None] = lambda: None,
) -> Counts:
    """Merge validated rows into the journal (inside the caller's transaction).

    A record deleted here (a tombstone) is never brought back; a tombstone in the file deletes
    the record here unless it was edited here after that deletion.
    """
    counts = Counts()
    ids: dict[tuple[str, str], int] = {}
    skipped: set[tuple[str, str]] = set()
    deleted_in_file = {row["uid"]: row for row in tables.get(TOMBSTONE, [])}

    def id_of(table: str, uid: str) -> int | None:
        if (table, uid) in ids:
            return ids[(table, uid)]
        return uid_rows.id_of(conn, table, uid)

    def deleted_here(table: str, uid: str) -> bool:
        return uid_rows.was_deleted(conn, table, uid)

    for table in TABLES:
        if table.name == TOMBSTONE:
            continue
        for row in tables[table.name]:
            tick()
            parents = [(link.table, row[link.name]) for link in table.links if row[link.name]]
            stone = deleted_in_file.get(row["uid"])
            if (
                any(parent in skipped for parent in parents)
                or (stone is not None and stone["table_name"] == table.name)
                or deleted_here(table.name, row["uid"])
            ):
                skipped.add((table.name, row["uid"]))
                counts.bump(counts.unchanged, table.name)
                continue
            values = {c.name: _db_value(c, row[c.name]) for c in table.columns}
            gone = False
            for link in table.links:
                parent = row[link.name]
                if parent is None:
                    values[link.column] = None
                    continue
                parent_id = id_of(link.table, parent)
                if parent_id is None and deleted_here(link.table, parent):
                    # Changed elsewhere, linked to a record deleted here (a file of changes
                    # need not hold an unchanged parent): as the deletion did here, the link
                    # is let go of, or the row goes with its parent.
                    if uid_rows.on_delete(conn, table.name, link.column) == "SET NULL":
                        values[link.column] = None
                        continue
                    gone = True
                    break
                if parent_id is None:
                    raise _bad(
                        path,
                        f"{table.name} {row['uid']}",
                        f"{link.name} {parent} is not in the file",
                    )
                values[link.column] = parent_id
            if gone:
                skipped.add((table.name, row["uid"]))
                counts.bump(counts.unchanged, table.name)
                continue
            existing = uid_rows.row_of(conn, table.name, row["uid"])
            if existing is None and table.natural_key:
                keys = [values[k] for k in table.natural_key]
                if all(k is not None for k in keys):
                    existing = uid_rows.row_by_key(conn, table.name, table.natural_key, keys)
            if existing is None:
                ids[(table.name, row["uid"])] = uid_rows.insert(
                    conn, table.name, row["uid"], values
                )
                counts.bump(counts.added, table.name)
                continue
            ids[(table.name, row["uid"])] = existing["id"]
            differs = any(existing[k] != v for k, v in values.items() if k != "updated_at")
            if table.versioned and differs and _later(values["updated_at"], existing["updated_at"]):
                uid_rows.update(conn, table.name, existing["id"], values)
                counts.bump(counts.updated, table.name)
            else:
                counts.bump(counts.unchanged, table.name)
    for uid, stone in deleted_in_file.items():
        tick()
        _bury(conn, uid, stone, counts)
    return counts


def _bury(conn: sqlite3.Connection, uid: str, stone: dict[str, Any], counts: Counts) -> None:
    """Apply one tombstone from a file: delete the record here unless edited here since."""
    table = next(t for t in TABLES if t.name == stone["table_name"])
    known = uid_rows.deleted_at(conn, uid)
    here = uid_rows.row_of(conn, table.name, uid)
    if here is not None and _later(_edited_at(table, here), stone["deleted_at"]):
        counts.bump(counts.unchanged, TOMBSTONE)
        return
    if here is not None:
        uid_rows.delete(conn, table.name, here["id"])
        counts.bump(counts.deleted, table.name)
    else:
        counts.bump(counts.unchanged, TOMBSTONE)
    # Keep the earliest known time of the deletion (the trigger above wrote now), so journals
    # that deleted the same record apart agree on when.
    when = stone["deleted_at"]
    if known is not None and _later(when, known):
        when = known
    uid_rows.keep_tombstone(conn, uid, table.name, when)
