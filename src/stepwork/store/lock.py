"""One lock for the journal, across processes.

SQLite locks a database, not the file's identity: encrypt, decrypt, a passphrase change and
restore swap the journal's file for a new one, and a process that had the old file open would go
on writing into a file that is no longer the journal. So every process that opens the journal
holds a shared lock on the journal's folder for as long as it runs, and whatever swaps or
migrates the file holds it exclusively. The folder itself is locked, not a lock file, so there
is no file to delete by mistake that would let two processes in at once. A process that cannot
get its lock waits a few seconds, then says so and stops; it never settles, deletes or renames
a file that another process owns.
"""

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from stepwork.errors import UserError
from stepwork.home import ensure_private_dir
from stepwork.messages import outputs as outputs_messages
from stepwork.messages import privacy as privacy_messages

# How long to wait for another process before giving up (seconds); tests shorten it.
WAIT_ENV = "STEPWORK_LOCK_WAIT"
SHARED_WAIT = 5.0
EXCLUSIVE_WAIT = 10.0
POLL = 0.05

_held: dict[Path, int] = {}
_exclusive_depth: dict[Path, int] = {}


def lock_path(db_path: Path) -> Path:
    return db_path.parent


def _wait(default: float) -> float:
    try:
        return max(0.0, float(os.environ.get(WAIT_ENV, default)))
    except ValueError:
        return default


def _fd(db_path: Path) -> int:
    path = lock_path(db_path)
    fd = _held.get(path)
    if fd is not None:
        return fd
    ensure_private_dir(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise UserError(
            outputs_messages.cannot_create_folder(path, exc.strerror or str(exc))
        ) from exc
    _held[path] = fd
    return fd


def _take(fd: int, operation: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while True:
        try:
            fcntl.flock(fd, operation | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(POLL)


def shared(db_path: Path) -> None:
    """Hold the shared lock from now until the process ends (or `release_all`)."""
    path = lock_path(db_path)
    if path in _held:
        return
    fd = _fd(db_path)
    if not _take(fd, fcntl.LOCK_SH, _wait(SHARED_WAIT)):
        os.close(fd)
        del _held[path]
        raise UserError(privacy_messages.JOURNAL_CONVERTING)


@contextmanager
def _within(path: Path) -> Iterator[None]:
    """Already held alone by this process (a conversion that opens the journal again)."""
    _exclusive_depth[path] += 1
    try:
        yield
    finally:
        _exclusive_depth[path] -= 1


@contextmanager
def _alone(path: Path, fd: int) -> Iterator[None]:
    """Held alone for the block, then shared again."""
    _exclusive_depth[path] = 1
    try:
        yield
    finally:
        _exclusive_depth.pop(path, None)
        if _held.get(path) == fd:
            fcntl.flock(fd, fcntl.LOCK_SH)


@contextmanager
def exclusive(db_path: Path) -> Iterator[None]:
    """Hold the lock alone for the block (waiting for other stepwork processes to finish),
    then go back to sharing it."""
    path = lock_path(db_path)
    if _exclusive_depth.get(path):
        with _within(path):
            yield
        return
    fd = _fd(db_path)
    if not _take(fd, fcntl.LOCK_EX, _wait(EXCLUSIVE_WAIT)):
        # Back to shared: flock may have dropped the shared lock while trying to upgrade.
        if not _take(fd, fcntl.LOCK_SH, _wait(SHARED_WAIT)):
            release_all()
        raise UserError(privacy_messages.JOURNAL_IN_USE)
    with _alone(path, fd):
        yield


@contextmanager
def exclusive_if_free(db_path: Path) -> Iterator[bool]:
    """The lock alone if no other process holds it right now (True), without waiting."""
    path = lock_path(db_path)
    if _exclusive_depth.get(path):
        with _within(path):
            yield True
        return
    fd = _fd(db_path)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        yield False
        return
    with _alone(path, fd):
        yield True


# --- one person answering one session at a time ---------------------------------------------
#
# Two windows answering the same guided session would each keep their own copy of an answer
# and save over the other's lines. So whoever answers a session holds it alone: a POSIX record
# lock (`lockf`) on one byte of one lock file in the data folder, the byte named by the
# session (SESSION) or check-in (CHECKIN) id. The kernel lets go when the process ends, however
# it ends; nothing is left behind to clear. Record locks of one process never conflict with
# each other, and closing any descriptor of the file drops them all, so the file is opened
# once per process and kept open.

ANSWERING_FILE = "answering.lock"
SESSION = 0
CHECKIN = 1
_answering: dict[Path, int] = {}
_answering_held: set[tuple[Path, int]] = set()


def _answering_fd(db_path: Path) -> int:
    path = lock_path(db_path) / ANSWERING_FILE
    fd = _answering.get(path)
    if fd is None:
        ensure_private_dir(path.parent)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600)
        except OSError as exc:
            raise UserError(
                outputs_messages.cannot_create_folder(path.parent, exc.strerror or str(exc))
            ) from exc
        _answering[path] = fd
    return fd


def _byte(kind: int, record_id: int) -> int:
    return record_id * 2 + kind


def answering(db_path: Path, kind: int, record_id: int) -> bool:
    """Hold a session (or check-in) alone until the process ends or `done_answering`; False,
    without waiting, when another process holds it."""
    fd = _answering_fd(db_path)
    offset = _byte(kind, record_id)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, offset, os.SEEK_SET)
    except OSError:  # EACCES or EAGAIN: held by another process
        return False
    _answering_held.add((lock_path(db_path) / ANSWERING_FILE, offset))
    return True


def answered_elsewhere(db_path: Path, kind: int, record_id: int) -> bool:
    """Whether another process is answering it right now (this process's own hold is not)."""
    path = lock_path(db_path) / ANSWERING_FILE
    if (path, _byte(kind, record_id)) in _answering_held:
        return False
    if not answering(db_path, kind, record_id):
        return True
    done_answering(db_path, kind, record_id)
    return False


def done_answering(db_path: Path, kind: int, record_id: int) -> None:
    path = lock_path(db_path) / ANSWERING_FILE
    offset = _byte(kind, record_id)
    fd = _answering.get(path)
    if fd is None or (path, offset) not in _answering_held:
        return
    fcntl.lockf(fd, fcntl.LOCK_UN, 1, offset, os.SEEK_SET)
    _answering_held.discard((path, offset))


def release_all() -> None:
    """Let go of every lock (as a process does when it ends)."""
    for fd in _held.values():
        os.close(fd)
    _held.clear()
    _exclusive_depth.clear()
    for fd in _answering.values():
        os.close(fd)
    _answering.clear()
    _answering_held.clear()
