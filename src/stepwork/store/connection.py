"""The one place a connection to the journal is opened, and set up to be safe.

Every connection, raw or through SQLAlchemy, comes from `open_connection`, so every one gets
the same pragmas, and an encrypted journal gets its key here before anything else is read.
"""

import os
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

from stepwork.errors import UserError
from stepwork.home import PRIVATE_FILE_MODE, ensure_private_dir
from stepwork.messages import app as app_messages
from stepwork.messages import privacy as privacy_messages
from stepwork.store import encryption
from stepwork.store.values import edit_stamp

PRAGMAS = (
    "PRAGMA busy_timeout = 10000",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
)
BUSY_TIMEOUT_SECONDS = 10.0


def db_errors() -> tuple[type[Exception], ...]:
    """The exception types either driver raises (sqlite3, and sqlcipher3 once it is loaded)."""
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error,) + ((cipher.Error,) if cipher is not None else ())


def driver(key: bytes | None) -> ModuleType:
    if key is None:
        return sqlite3
    import sqlcipher3.dbapi2

    cipher: ModuleType = sqlcipher3.dbapi2
    return cipher


def row_factory(conn: object) -> type:
    row: type = driver(None if isinstance(conn, sqlite3.Connection) else b"x").Row
    return row


def check_journal_path(path: Path) -> None:
    """Refuse a journal path that is a folder, or a link to nothing (SQLite would create the
    link's target with whatever mode the umask gives)."""
    if path.is_dir():
        raise UserError(app_messages.journal_is_folder(path))
    if path.is_symlink() and not path.exists():
        raise UserError(app_messages.journal_dangling_link(path))
    if path.exists() and not path.is_file():
        raise UserError(app_messages.journal_not_a_file(path))


def ensure_database_file(path: Path) -> None:
    """Create an empty database file 0600 (SQLite then gives -wal and -shm the same mode)."""
    ensure_private_dir(path.parent)
    check_journal_path(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    except OSError as exc:
        raise UserError(app_messages.database_unwritable(path, exc.strerror or str(exc))) from exc
    os.close(fd)


def connect_file(path: Path, key: bytes | None, read_only: bool = False) -> sqlite3.Connection:
    """A bare connection to any journal-format file (a backup, a copy), keyed if need be.

    `read_only` opens through a URI, with the path quoted: `#`, `?` and `%` are ordinary
    characters in a file name."""
    from urllib.parse import quote

    target = f"file:{quote(str(path.absolute()))}?mode=ro" if read_only else str(path)
    conn: sqlite3.Connection = driver(key).connect(
        target, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, uri=read_only
    )
    if key is not None:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(encryption.key_pragma(key))
    conn.create_function("edit_stamp", 1, edit_stamp)
    return conn


def open_connection(path: Path, wal: bool = True) -> sqlite3.Connection:
    """Open the journal with autocommit off in the driver: transactions are begun explicitly.

    `wal=False` is for looking at a file before deciding it is ours: switching to WAL rewrites
    the header, and a file we refuse must stay byte for byte as it was.
    """
    from stepwork.store import lock

    lock.shared(path)
    key = encryption.key_for(path)
    try:
        conn = connect_file(path, key)
    except db_errors() as exc:
        raise UserError(app_messages.database_unreadable(path, str(exc))) from exc
    try:
        for pragma in PRAGMAS + (("PRAGMA journal_mode = WAL",) if wal else ()):
            conn.execute(pragma)
    except db_errors() as exc:
        conn.close()
        if key is not None and "not a database" in str(exc):
            raise UserError(privacy_messages.journal_tampered(path)) from exc
        raise translate(exc, path) from exc
    return conn


def translate(exc: Exception, path: Path) -> UserError:
    """Turn what SQLite says about the file into one line the person can act on."""
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        if encryption.is_encrypted(path):
            return UserError(privacy_messages.journal_tampered(path))
        if encryption.looks_encrypted(path):
            return UserError(privacy_messages.journal_key_missing(path, encryption.sidecar(path)))
        return UserError(app_messages.database_not_ours(path))
    if "locked" in text or "busy" in text:
        return UserError(app_messages.DATABASE_BUSY)
    if "readonly" in text or "read-only" in text:
        return UserError(app_messages.database_read_only(path))
    if "unable to open" in text and not os.access(path.parent, os.W_OK):
        # SQLite keeps its -wal and -shm files beside the journal, even to read it.
        return UserError(app_messages.folder_read_only(path.parent))
    if "disk is full" in text or "disk i/o" in text or "unable to open" in text:
        return UserError(app_messages.database_unwritable(path, str(exc)))
    return UserError(app_messages.database_unreadable(path, str(exc)))


def integrity_check(conn: sqlite3.Connection) -> list[str]:
    """What SQLite's own check of the file finds: ["ok"] when all is well."""
    return [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
