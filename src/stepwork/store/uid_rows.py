"""Rows found and written by their uid: the SQL behind the JSON export and import.

Table and column names come from `export/tables.py` (generated from the models), never from a
file; values always travel as parameters."""

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence

TOMBSTONE = "tombstone"


def json_objects(
    conn: sqlite3.Connection,
    table: str,
    columns: Sequence[tuple[str, bool]],
    links: Sequence[tuple[str, str, str]],
    order: str,
    where: tuple[str, tuple[object, ...]] = ("", ()),
) -> Iterator[str]:
    """Each row as a JSON object (text) built by SQLite itself (fast, and exact), ordered by the
    column `order` and then uid: the same order in every journal that holds the same rows (row
    ids differ between journals that merged each other's), so synced devices export identical
    files. `columns` are (name, is it a boolean); `links` are (name in the file, table,
    column): the linked row's uid; `where` is a condition on the rows (`t.` names the table)
    and its parameters."""
    pairs = ["'uid', t.uid"]
    for name, boolean in columns:
        value = f"t.{name}"
        if boolean:
            value = (
                f"CASE WHEN t.{name} IS NULL THEN NULL WHEN t.{name} THEN json('true') "
                "ELSE json('false') END"
            )
        pairs.append(f"'{name}', {value}")
    joins = []
    for n, (name, linked, column) in enumerate(links):
        pairs.append(f"'{name}', l{n}.uid")
        joins.append(f"LEFT JOIN {linked} l{n} ON l{n}.id = t.{column}")
    condition, params = where
    sql = (
        f"SELECT json_object({', '.join(pairs)}) FROM {table} t {' '.join(joins)} "
        f"{f'WHERE {condition} ' if condition else ''}ORDER BY t.{order}, t.uid"
    )
    for (text,) in conn.execute(sql, params):
        yield text


def count_all(conn: sqlite3.Connection, tables: Iterable[str]) -> int:
    return sum(int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables)


def id_of(conn: sqlite3.Connection, table: str, uid: str) -> int | None:
    row = conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
    return None if row is None else int(row[0])


def was_deleted(conn: sqlite3.Connection, table: str, uid: str) -> bool:
    """Whether a record of `table` with this uid was deleted here (it left a tombstone)."""
    row = conn.execute(
        f"SELECT 1 FROM {TOMBSTONE} WHERE uid = ? AND table_name = ?", (uid, table)
    ).fetchone()
    return row is not None


def row_of(conn: sqlite3.Connection, table: str, uid: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        f"SELECT * FROM {table} WHERE uid = ?", (uid,)
    ).fetchone()
    return row


def row_by_key(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], values: Sequence[object]
) -> sqlite3.Row | None:
    """The row whose natural key (`columns`) holds `values`."""
    condition = " AND ".join(f"{k} = ?" for k in columns)
    row: sqlite3.Row | None = conn.execute(
        f"SELECT * FROM {table} WHERE {condition}", list(values)
    ).fetchone()
    return row


def insert(conn: sqlite3.Connection, table: str, uid: str, values: Mapping[str, object]) -> int:
    names = ["uid", *values]
    placeholders = ", ".join("?" for _ in names)
    cursor = conn.execute(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({placeholders})",
        [uid, *values.values()],
    )
    return int(cursor.lastrowid or 0)


def update(conn: sqlite3.Connection, table: str, row_id: int, values: Mapping[str, object]) -> None:
    assignments = ", ".join(f"{k} = ?" for k in values)
    conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row_id])


def delete(conn: sqlite3.Connection, table: str, row_id: int) -> None:
    conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))


def deleted_at(conn: sqlite3.Connection, uid: str) -> str | None:
    """When the record with this uid was deleted here, if it was."""
    row = conn.execute(f"SELECT deleted_at FROM {TOMBSTONE} WHERE uid = ?", (uid,)).fetchone()
    return None if row is None else str(row[0])


def keep_tombstone(conn: sqlite3.Connection, uid: str, table: str, deleted_at: str) -> None:
    """Record a deletion at the time given (the delete trigger wrote now)."""
    conn.execute(
        f"INSERT INTO {TOMBSTONE} (uid, table_name, deleted_at) VALUES (?, ?, ?) "
        "ON CONFLICT (uid) DO UPDATE SET deleted_at = excluded.deleted_at",
        (uid, table, deleted_at),
    )


def move_note_uid(conn: sqlite3.Connection, uid: str, old: str) -> None:
    """A note imported under an older uid takes its new one, unless a note already has it; a
    deletion of it under the old uid stays a deletion under the new."""
    if conn.execute("SELECT 1 FROM note WHERE uid = ?", (uid,)).fetchone():
        return
    conn.execute("UPDATE note SET uid = ? WHERE uid = ?", (uid, old))
    conn.execute(
        "INSERT OR IGNORE INTO tombstone (uid, table_name, deleted_at) "
        "SELECT ?, table_name, deleted_at FROM tombstone WHERE uid = ?",
        (uid, old),
    )


def on_delete(conn: sqlite3.Connection, table: str, column: str) -> str:
    """What the schema does to `table.column` when the row it points at is deleted."""
    for key in conn.execute(f"PRAGMA foreign_key_list({table})"):
        if key[3] == column:
            return str(key[6]).upper()
    return "CASCADE"


def linked_ids(
    conn: sqlite3.Connection, table: str, column: str, where: tuple[str, tuple[object, ...]]
) -> set[int]:
    """The rows of other tables that the rows `where` picks point at through `column`."""
    condition, params = where
    found = conn.execute(
        f"SELECT DISTINCT t.{column} FROM {table} t WHERE ({condition}) AND t.{column} IS NOT NULL",
        params,
    )
    return {int(row[0]) for row in found}


def highest_id(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0])


@contextlib.contextmanager
def all_or_nothing(conn: sqlite3.Connection) -> Iterator[None]:
    """Inside a transaction, a part that is kept whole or not at all (a savepoint)."""
    conn.execute("SAVEPOINT part")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK TO part")
        conn.execute("RELEASE part")
        raise
    conn.execute("RELEASE part")
