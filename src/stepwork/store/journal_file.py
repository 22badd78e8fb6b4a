"""The journal file made ready for use, and short raw transactions on it.

`ready()` takes the journal's shared lock, settles what a crash in the middle of a conversion
left, creates the file (0600), refuses what is not ours, brings the schema up to date and sets
up full-text search, once per process, using only the standard `sqlite3` module. Commands that
only read, list, search or export work through `reading()` and never load SQLAlchemy.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from stepwork.home import paths
from stepwork.messages import privacy as privacy_messages
from stepwork.store import encryption, lock, new_journal_made, note_write, search_index, swap
from stepwork.store.connection import (
    check_journal_path,
    db_errors,
    ensure_database_file,
    open_connection,
    row_factory,
    translate,
)
from stepwork.store.migrations import LATEST_VERSION, migrate, schema_version

_ready: set[Path] = set()
# What the journal had to settle on opening (after a crash), for the command line to say.
notices: list[str] = []


def recover_locked(path: Path) -> None:
    """Settle a conversion a crash interrupted; the caller holds the lock alone."""
    notices.extend(swap.recover(path))


def ready() -> Path:
    """The journal's path, after making sure it exists and has the newest schema."""
    where = paths()
    path = where.database
    if path in _ready:
        return path
    check_journal_path(path)
    lock.shared(path)
    if swap.leftovers(path):
        with lock.exclusive(path):
            recover_locked(path)
    if swap.leftovers_in(where.backups_dir):
        # An interrupted backup's copy; left for later while another stepwork may be writing it.
        with lock.exclusive_if_free(path) as alone:
            if alone:
                swap.tidy(where.backups_dir)
    is_new = not path.exists()
    ensure_database_file(path)
    conn = open_connection(path, wal=False)
    try:
        if schema_version(conn) != LATEST_VERSION:
            conn.close()
            with lock.exclusive(path):
                conn = open_connection(path, wal=False)
                migrate(conn, path, where.backups_dir)
        conn.execute("PRAGMA journal_mode = WAL")
        search_index.ensure(conn)
    except db_errors() as exc:
        raise translate(exc, path) from exc
    finally:
        conn.close()
    _ready.add(path)
    _notice_plain_backups(path, where.backups_dir)
    if is_new:
        new_journal_made()
    return path


def _notice_plain_backups(path: Path, backups_dir: Path) -> None:
    """A conversion that was stopped may leave backups in the clear beside an encrypted
    journal: say so at every command until `stepwork encrypt` has encrypted them."""
    if not encryption.is_encrypted(path) or not backups_dir.is_dir():
        return
    plain = [b for b in backups_dir.glob("*.db") if not encryption.looks_encrypted(b)]
    if plain:
        notices.append(privacy_messages.plain_backups_notice(len(plain)))


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


@contextmanager
def scratch() -> Iterator[sqlite3.Connection]:
    """An empty journal in memory, for a dry run where no journal exists yet: nothing is
    created on disk."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        migrate(conn, Path(":memory:"), Path(":memory:"))
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def exists() -> bool:
    return paths().database.exists()


def reading() -> AbstractContextManager[sqlite3.Connection]:
    """One consistent read transaction."""
    return _transaction("BEGIN")


def writing() -> AbstractContextManager[sqlite3.Connection]:
    """One write transaction, begun IMMEDIATE; rolled back whole if anything fails."""
    return _transaction("BEGIN IMMEDIATE")
