"""What `stepwork status` reads: one query, on a plain read-only connection.

A shell prompt runs this before every command line, so it loads no SQLAlchemy, never asks for a
passphrase, and waits only a moment for a journal another command is writing. It keeps its
imports to the standard library's sqlite3 (not `connection`, which pulls in the key handling).
"""

import os
import sqlite3
from datetime import date
from stat import S_ISREG
from typing import NamedTuple

from stepwork.store.latest import LATEST_VERSION

WAIT_SECONDS = 0.2
SQLITE_HEADER = b"SQLite format 3\x00"  # as in store.encryption, which costs more to import

# Each part is answered by an index: checkin (local_date), guided_session (local_date,
# started_at) and sobriety_counter's primary key.
_QUERY = """
SELECT
    EXISTS (SELECT 1 FROM checkin WHERE local_date = :day),
    EXISTS (
        SELECT 1 FROM guided_session
        WHERE local_date = :day AND flow = 'review' AND status = 'finished'
    ),
    (SELECT name FROM sobriety_counter ORDER BY id LIMIT 1),
    (SELECT started_on FROM sobriety_counter ORDER BY id LIMIT 1)
"""


class Today(NamedTuple):
    checkin_done: bool
    review_done: bool
    counter: str | None
    counter_started: date | None


NOTHING_YET = Today(False, False, None, None)


class Unreadable(Exception):
    """Locked (encrypted), busy, or not a journal this version can read: the prompt says nothing."""


def _read_only_uri(path: str) -> str:
    # In a URI, `%`, `?` and `#` would be read as escapes, the query and the fragment.
    text = os.path.abspath(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{text}?mode=ro"


def _head(db_path: str) -> bytes:
    """The file's first bytes, never blocking: a FIFO, a device or a link to one is refused
    (a prompt must come back at once)."""
    fd = os.open(db_path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not S_ISREG(os.fstat(fd).st_mode):
            raise Unreadable
        return os.read(fd, len(SQLITE_HEADER))
    finally:
        os.close(fd)


def today(db_path: str, day: date) -> Today:
    """`db_path` as text: a shell prompt does not load pathlib."""
    try:
        head = _head(db_path)
    except FileNotFoundError:
        return NOTHING_YET
    except OSError as exc:
        raise Unreadable from exc
    if head == b"":
        return NOTHING_YET
    if head != SQLITE_HEADER:
        raise Unreadable  # encrypted: unlocking it is for commands a person runs
    try:
        conn = sqlite3.connect(_read_only_uri(db_path), timeout=WAIT_SECONDS, uri=True)
        try:
            (version,) = conn.execute("PRAGMA user_version").fetchone()
            if version > LATEST_VERSION:
                raise Unreadable  # from a newer stepwork: its tables may mean other things
            checkin, review, name, started = conn.execute(
                _QUERY, {"day": day.isoformat()}
            ).fetchone()
        finally:
            conn.close()
        started_on = date.fromisoformat(started) if started else None
    except (sqlite3.Error, TypeError, ValueError) as exc:
        raise Unreadable from exc
    return Today(bool(checkin), bool(review), name, started_on)
