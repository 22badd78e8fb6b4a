"""The one place a connection to the journal is opened, and set up to be safe.

Every connection, raw or through SQLAlchemy, comes from `open_connection`, so every one gets
the same pragmas. (This is also where a later encryption key would be applied.)
"""

import os
import sqlite3
from pathlib import Path

from stepwork import messages
from stepwork.errors import UserError
from stepwork.home import PRIVATE_FILE_MODE, ensure_private_dir

PRAGMAS = (
    "PRAGMA busy_timeout = 10000",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
)
BUSY_TIMEOUT_SECONDS = 10.0


def ensure_database_file(path: Path) -> None:
    """Create an empty database file 0600 (SQLite then gives -wal and -shm the same mode)."""
    ensure_private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    except OSError as exc:
        raise UserError(messages.database_unwritable(path, exc.strerror or str(exc))) from exc
    os.close(fd)


def open_connection(path: Path, wal: bool = True) -> sqlite3.Connection:
    """Open the journal with autocommit off in the driver: transactions are begun explicitly.

    `wal=False` is for looking at a file before deciding it is ours: switching to WAL rewrites
    the header, and a file we refuse must stay byte for byte as it was.
    """
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    except sqlite3.Error as exc:
        raise UserError(messages.database_unreadable(path, str(exc))) from exc
    try:
        for pragma in PRAGMAS + (("PRAGMA journal_mode = WAL",) if wal else ()):
            conn.execute(pragma)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise translate(exc, path) from exc
    return conn


def translate(exc: sqlite3.Error, path: Path) -> UserError:
    """Turn what SQLite says about the file into one line the person can act on."""
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return UserError(messages.database_not_ours(path))
    if "locked" in text or "busy" in text:
        return UserError(messages.DATABASE_BUSY)
    if "readonly" in text or "read-only" in text:
        return UserError(messages.database_read_only(path))
    if "disk is full" in text or "disk i/o" in text or "unable to open" in text:
        return UserError(messages.database_unwritable(path, str(exc)))
    return UserError(messages.database_unreadable(path, str(exc)))
