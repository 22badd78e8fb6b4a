"""Full-text search over everything written, kept in step with the tables by triggers.

One FTS5 table holds a copy of each searchable text. Its rowid encodes where the text lives,
`source row id * 8 + source code`, so triggers can update or remove exactly one row without
scanning. Stemming (porter) lets "resented" find "resentment". Where this Python's SQLite has
no FTS5, nothing is created and search falls back to LIKE.
"""

import sqlite3
from dataclasses import dataclass

TABLE = "search_text"
SLOTS = 8


@dataclass(frozen=True)
class Source:
    code: int
    table: str
    text_sql: str
    """SQL giving the searchable text of a row, in terms of `{row}` (NEW or OLD or the table)."""


SOURCES = (
    Source(1, "answer", "{row}.text"),
    Source(2, "checkin", "{row}.note"),
    Source(3, "daily_entry", "{row}.text"),
    Source(4, "service", "{row}.what || ' ' || {row}.note"),
    Source(5, "amends", "{row}.person || ' ' || {row}.harm || ' ' || {row}.notes"),
    Source(6, "note", "{row}.title || ' ' || {row}.body || ' ' || {row}.tags"),
)
BY_CODE = {s.code: s for s in SOURCES}


def fts5_available(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        conn.execute("DROP TABLE temp.fts5_probe")
        return True
    except sqlite3.OperationalError:
        return False


def present(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TABLE,)).fetchone()
    return row is not None


def ensure(conn: sqlite3.Connection) -> None:
    """Create the index, its triggers and its contents if they are missing (one transaction)."""
    if present(conn) or not fts5_available(conn):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not present(conn):
            _create(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _create(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
        "body, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    for source in SOURCES:
        rowid = f"{{row}}.id * {SLOTS} + {source.code}"
        new_rowid, old_rowid = rowid.format(row="NEW"), rowid.format(row="OLD")
        new_text = source.text_sql.format(row="NEW")
        name = f"{TABLE}_{source.table}"
        conn.execute(
            f"CREATE TRIGGER {name}_insert AFTER INSERT ON {source.table} BEGIN "
            f"INSERT INTO {TABLE} (rowid, body) VALUES ({new_rowid}, {new_text}); END"
        )
        conn.execute(
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {source.table} BEGIN "
            f"DELETE FROM {TABLE} WHERE rowid = {old_rowid}; END"
        )
        conn.execute(
            f"CREATE TRIGGER {name}_update AFTER UPDATE ON {source.table} BEGIN "
            f"DELETE FROM {TABLE} WHERE rowid = {old_rowid}; "
            f"INSERT INTO {TABLE} (rowid, body) VALUES ({new_rowid}, {new_text}); END"
        )
        table_text = source.text_sql.format(row=source.table)
        conn.execute(
            f"INSERT INTO {TABLE} (rowid, body) "
            f"SELECT {source.table}.id * {SLOTS} + {source.code}, {table_text} FROM {source.table}"
        )


def optimize(conn: sqlite3.Connection) -> None:
    """Merge the index so words of deleted entries no longer linger in the file."""
    if present(conn):
        conn.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")


def split_rowid(rowid: int) -> tuple[Source, int]:
    return BY_CODE[rowid % SLOTS], rowid // SLOTS
