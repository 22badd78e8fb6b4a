"""The journal file made ready for use, and short raw transactions on it.

`ready()` creates the file (0600), refuses what is not ours, brings the schema up to date and
sets up full-text search, once per process, using only the standard `sqlite3` module. Commands
that only read, list, search or export work through `reading()` and never load SQLAlchemy.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from stepwork.home import paths
from stepwork.store import encryption, new_journal_made, note_write, search_index
from stepwork.store.connection import (
    db_errors,
    ensure_database_file,
    open_connection,
    row_factory,
    translate,
)
from stepwork.store.migrations import migrate

_ready: set[Path] = set()


def ready() -> Path:
    """The journal's path, after making sure it exists and has the newest schema."""
    where = paths()
    path = where.database
    if path in _ready:
        return path
    is_new = not path.exists()
    ensure_database_file(path)
    encryption.settle(path)
    conn = open_connection(path, wal=False)
    try:
        migrate(conn, path, where.backups_dir)
        conn.execute("PRAGMA journal_mode = WAL")
        search_index.ensure(conn)
    except db_errors() as exc:
        raise translate(exc, path) from exc
    finally:
        conn.close()
    _ready.add(path)
    if is_new:
        new_journal_made()
    return path


def forget() -> None:
    """Open afresh next time (after a restore replaced the file)."""
    _ready.clear()


@contextmanager
def _transaction(begin: str) -> Iterator[sqlite3.Connection]:
    path = ready()
    conn = open_connection(path)
    conn.row_factory = row_factory(conn)
    try:
        conn.execute(begin)
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        if begin != "BEGIN":
            note_write()
    except db_errors() as exc:
        raise translate(exc, path) from exc
    finally:
        conn.close()


def reading() -> AbstractContextManager[sqlite3.Connection]:
    """One consistent read transaction."""
    return _transaction("BEGIN")


def writing() -> AbstractContextManager[sqlite3.Connection]:
    """One write transaction, begun IMMEDIATE; rolled back whole if anything fails."""
    return _transaction("BEGIN IMMEDIATE")
