"""Replacing a journal-format file (the journal, or a backup) by a new one, safely at any instant.

The new file is written beside the old one (`X.new`), synced, opened and counted; its key file,
if it has one, waits as `X.key.new`, marked with the new file's salt. Then one atomic rename puts
the new file in place, and only after it are the old file and the old key let go. Where the old
file was in the clear, a second name (`X.old`) is linked to it before the switch, so it can be
overwritten once it is no longer the journal, even after a crash.

`recover` looks at what a crash left on disk and always ends with one complete file under its
own name: until the rename the old file is whole and in place, after it the new one is. It never
deletes a file that may hold the only copy. Callers hold the journal's lock exclusively.
"""

import errno
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from stepwork.errors import UserError
from stepwork.home import PRIVATE_FILE_MODE
from stepwork.messages import outputs as outputs_messages
from stepwork.messages import privacy as privacy_messages
from stepwork.outputs import sync_folder
from stepwork.store import encryption, note_write
from stepwork.store.connection import connect_file, db_errors

CHUNK = 1 << 20


def checkpoint(stage: str) -> None:
    """A named point in a conversion; the crash drills stop the process here (a no-op
    otherwise)."""


def new_of(path: Path) -> Path:
    return path.with_name(path.name + ".new")


def old_of(path: Path) -> Path:
    return path.with_name(path.name + ".old")


def new_key_of(path: Path) -> Path:
    return encryption.sidecar(new_of(path))


# What an earlier stepwork left behind when it crashed in the middle of a conversion.
def _legacy_new(path: Path) -> Path:
    return path.with_name(path.name + ".converting")


def _legacy_key(path: Path) -> Path:
    return path.with_name(path.name + ".key.pending")


LEFTOVER_SUFFIXES = (
    ".new.key",
    ".new",
    ".new-wal",
    ".new-shm",
    ".new-journal",
    ".old",
    ".converting",
    ".key.pending",
)


def leftovers_in(folder: Path) -> list[Path]:
    """What interrupted conversions or copies left in a folder of backups."""
    if not folder.is_dir():
        return []
    return [p for p in folder.iterdir() if p.name.endswith(LEFTOVER_SUFFIXES)]


def tidy(folder: Path) -> None:
    """Settle interrupted conversions of backups, and remove copies that never finished (an
    interrupted backup leaves only its `.new` file)."""
    bases = set()
    for leftover in leftovers_in(folder):
        suffix = next(s for s in LEFTOVER_SUFFIXES if leftover.name.endswith(s))
        bases.add(folder / leftover.name[: -len(suffix)])
    for base in sorted(bases):
        recover(base, promote=False)


def _new_companions(path: Path) -> list[Path]:
    """SQLite's own files beside a copy that a stop interrupted."""
    new = new_of(path)
    return [new.with_name(new.name + s) for s in ("-wal", "-shm", "-journal")]


def leftovers(path: Path) -> list[Path]:
    names = (
        new_of(path),
        old_of(path),
        new_key_of(path),
        _legacy_new(path),
        _legacy_key(path),
        *_new_companions(path),
    )
    return [p for p in names if os.path.lexists(p)]


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def shred(path: Path) -> None:
    """Overwrite a file with zeros before removing it (best effort on journaling and SSD disks)."""
    if not os.path.lexists(path):
        return
    if path.is_symlink() or not path.is_file():
        path.unlink()
        return
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        for offset in range(0, size, CHUNK):
            handle.write(b"\0" * min(CHUNK, size - offset))
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def discard(path: Path) -> None:
    """Remove a file that is not the only copy of anything; overwrite it first if it is plain."""
    if not os.path.lexists(path):
        return
    if encryption.looks_plain(path) or not encryption.looks_encrypted(path):
        shred(path)
    else:
        path.unlink()


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    return {n: conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}


@dataclass(frozen=True)
class Copied:
    version: int
    counts: dict[str, int]


def _full(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "full" in text or getattr(exc, "errno", None) == errno.ENOSPC


def _export(
    source_path: Path, source_key: bytes | None, target: Path, key: bytes | None, wal: bool
) -> None:
    """Write `target` as a copy of `source_path` under `key` (in WAL mode from the start, for
    a journal, so opening it later never needs to rewrite its header)."""
    mode = "WAL" if wal else "DELETE"
    previous = os.umask(0o077)  # private from the moment the file exists
    try:
        if source_key is None and key is None:
            source = sqlite3.connect(source_path, isolation_level=None)
            try:
                source.execute("PRAGMA busy_timeout = 10000")
                source.execute("VACUUM INTO ?", (str(target),))
            finally:
                source.close()
            done = sqlite3.connect(target, isolation_level=None)
            try:
                done.execute(f"PRAGMA journal_mode = {mode}")
            finally:
                done.close()
            return
        import sqlcipher3.dbapi2 as cipher

        source = cipher.connect(str(source_path), isolation_level=None)
        try:
            source.execute("PRAGMA cipher_log_level = NONE")
            if source_key is not None:
                source.execute(encryption.key_pragma(source_key))
            version = int(source.execute("PRAGMA user_version").fetchone()[0])
            source.execute(encryption.attach_sql("target", key), (str(target),))
            # One read transaction: a backup taken while another window writes is one moment.
            source.execute("BEGIN")
            source.execute("SELECT COUNT(*) FROM main.sqlite_master").fetchone()
            source.execute("SELECT sqlcipher_export('target')")
            source.execute("COMMIT")
            source.execute(f"PRAGMA target.user_version = {version:d}")
            source.execute(f"PRAGMA target.journal_mode = {mode}")
            source.execute("DETACH DATABASE target")
        finally:
            source.close()
    finally:
        os.umask(previous)


def _look(path: Path, key: bytes | None) -> Copied:
    conn = connect_file(path, key)
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise UserError(privacy_messages.conversion_failed(path))
        return Copied(int(conn.execute("PRAGMA user_version").fetchone()[0]), _counts(conn))
    finally:
        conn.close()


def copy_verified(
    source: Path,
    source_key: bytes | None,
    target: Path,
    key: bytes | None,
    same_rows: bool = True,
    wal: bool = True,
) -> Copied:
    """A checked, synced copy of `source` at the new path `target`, under `key`.

    The copy must open and pass SQLite's check and, with `same_rows` (the source is locked
    against writers), hold as many rows in every table as the source; otherwise it is removed
    and nothing else has changed.
    """
    discard(target)
    try:
        before = _look(source, source_key) if same_rows else None
        _export(source, source_key, target, key, wal)
        checkpoint("copied")
        after = _look(target, key)
        if before is not None and after != before:
            raise UserError(privacy_messages.conversion_failed(source))
        os.chmod(target, PRIVATE_FILE_MODE)
        fsync_file(target)
        return after
    except BaseException as exc:
        for leftover in (target, *(target.with_name(target.name + s) for s in ("-wal", "-shm"))):
            discard(leftover)
        if isinstance(exc, (*db_errors(), OSError)):
            if _full(exc):
                raise UserError(outputs_messages.disk_full(target.parent)) from exc
            raise UserError(privacy_messages.conversion_failed(source) + f" ({exc})") from exc
        raise


def quiesce(path: Path, key: bytes | None) -> None:
    """Fold the write-ahead log into the file and leave rollback mode, so the -wal and -shm
    files are gone before the file is swapped (they belong to the old file)."""
    conn = connect_file(path, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


def switch(path: Path, keyfile: "encryption.KeyFile | None") -> None:
    """Put `X.new` in place of `path` with one rename; `keyfile` (None: the new file is in the
    clear) becomes its key file. The old file goes only after the rename."""
    new = new_of(path)
    if keyfile is not None:
        encryption.write_keyfile(new_key_of(path), encryption.for_file(keyfile, new))
    old_in_clear = os.path.lexists(path) and encryption.looks_plain(path)
    if old_in_clear:
        os.link(path, old_of(path))
    sync_folder(path.parent)
    checkpoint("before-switch")
    os.replace(new, path)
    note_write()
    sync_folder(path.parent)
    checkpoint("after-switch")
    _settle_key(path)
    sync_folder(path.parent)
    checkpoint("after-key")
    _drop_old(path)


def _settle_key(path: Path) -> None:
    """Leave exactly the key file that opens `path` (none for a file in the clear)."""
    key, new_key = encryption.sidecar(path), new_key_of(path)
    legacy = _legacy_key(path)
    if encryption.looks_plain(path):
        for stale in (new_key, legacy, key):
            if os.path.lexists(stale):
                stale.unlink()
        return
    if os.path.lexists(new_key):
        try:
            matches = encryption.opens(encryption.read_keyfile(new_key), path)
        except UserError:
            matches = False
        if matches or (matches is None and not key.exists()):
            os.replace(new_key, key)
        else:
            new_key.unlink()
    if os.path.lexists(legacy):
        # An earlier stepwork kept a new key here while it encrypted a journal in the clear.
        if not key.exists():
            os.replace(legacy, key)
        else:
            legacy.unlink()


def _drop_old(path: Path) -> None:
    old = old_of(path)
    if not os.path.lexists(old):
        return
    if os.path.lexists(path) and os.path.samefile(old, path):
        old.unlink()  # the switch never happened: this is only a second name for the file
    else:
        shred(old)


def recover(path: Path, promote: bool = True) -> list[str]:
    """Settle what a crash left beside `path`; says what was done (nothing if nothing was
    left). `promote=False` is for backups, where a `.new` file with nothing beside it is a copy
    that never finished, not the only copy of a journal."""
    found = leftovers(path)
    if not found:
        return []
    done: list[str] = []
    whole = (
        os.path.lexists(path)
        and (encryption.looks_plain(path) or encryption.looks_encrypted(path))
        and os.path.getsize(path) > 0
    )
    for candidate in (new_of(path), _legacy_new(path)):
        if not os.path.lexists(candidate):
            continue
        if not whole and promote:
            # Only an earlier stepwork could leave this as the one copy: put it back in place.
            legacy_key = _legacy_key(path)
            if os.path.lexists(legacy_key) and not os.path.lexists(new_key_of(path)):
                os.replace(legacy_key, new_key_of(path))
            os.replace(candidate, path)
            done.append(privacy_messages.RECOVERED_NEW)
            whole = True
        else:
            discard(candidate)
            done.append(privacy_messages.RECOVERED_KEPT_OLD)
    if os.path.lexists(old_of(path)) and not os.path.lexists(path):
        os.replace(old_of(path), path)
        done.append(privacy_messages.RECOVERED_KEPT_OLD)
    for companion in _new_companions(path):
        discard(companion)
    if os.path.lexists(path):
        _settle_key(path)
        _drop_old(path)
    sync_folder(path.parent)
    return list(dict.fromkeys(done)) or [privacy_messages.RECOVERED_TIDIED]
