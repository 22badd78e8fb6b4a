"""Turning the journal (and the backups beside it) encrypted, back into the clear, and changing
the passphrase. Each file is converted into a new file with sqlcipher_export, checked, and only
then moved over the old one; a file in the clear is overwritten with zeros before it goes."""

import os
import secrets
from pathlib import Path

from stepwork import messages
from stepwork.errors import UserError
from stepwork.home import PRIVATE_FILE_MODE, paths
from stepwork.store import encryption, journal

CHUNK = 1 << 20


def backups() -> list[Path]:
    folder = paths().backups_dir
    return sorted(folder.glob("*.db")) if folder.is_dir() else []


def _forget_open_connections() -> None:
    from stepwork.store import database

    database.forget()


def shred(path: Path) -> None:
    """Overwrite a file with zeros before removing it (best effort on journaling and SSD disks)."""
    if not path.exists():
        return
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        for offset in range(0, size, CHUNK):
            handle.write(b"\0" * min(CHUNK, size - offset))
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def _counts(conn) -> dict[str, int]:  # type: ignore[no-untyped-def]
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    return {n: conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}


def convert(path: Path, from_key: bytes | None, to_key: bytes | None) -> None:
    """Rewrite one journal-format file under another key (None: in the clear)."""
    import sqlcipher3.dbapi2 as cipher

    tmp = path.with_name(path.name + ".converting")
    tmp.unlink(missing_ok=True)
    source = cipher.connect(str(path), isolation_level=None)
    try:
        if from_key is not None:
            source.execute(encryption.key_pragma(from_key))
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = int(source.execute("PRAGMA user_version").fetchone()[0])
        before = _counts(source)
        previous = os.umask(0o077)
        try:
            source.execute(encryption.attach_sql("target", to_key), (str(tmp),))
            source.execute("SELECT sqlcipher_export('target')")
            source.execute(f"PRAGMA target.user_version = {version}")
            # WAL from the start: opening the file later then never needs to rewrite its header.
            source.execute("PRAGMA target.journal_mode = WAL")
            source.execute("DETACH DATABASE target")
        finally:
            os.umask(previous)
        source.execute("PRAGMA journal_mode = DELETE")
    finally:
        source.close()
    check = cipher.connect(str(tmp), isolation_level=None)
    try:
        if to_key is not None:
            check.execute(encryption.key_pragma(to_key))
        intact = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        same = _counts(check) == before
    finally:
        check.close()
    if not (intact and same):
        tmp.unlink(missing_ok=True)
        raise UserError(messages.conversion_failed(path))
    tmp.chmod(PRIVATE_FILE_MODE)
    if from_key is None:
        shred(path)
        for suffix in ("-wal", "-shm", "-journal"):
            shred(path.with_name(path.name + suffix))
    os.replace(tmp, path)


def encrypt(passphrase_prompt: str) -> int:
    """Encrypt the journal and every backup in the clear; returns how many files."""
    encryption.require()
    path = journal.ready()
    plain_backups = [b for b in backups() if encryption.looks_plain(b)]
    if encryption.is_encrypted(path):
        if not plain_backups:
            raise UserError(messages.ALREADY_ENCRYPTED)
        key = encryption.key_for(path)
        assert key is not None
        for backup in plain_backups:
            convert(backup, None, key)
        return len(plain_backups)
    passphrase = encryption.ask_passphrase(passphrase_prompt, confirm=True)
    key = secrets.token_bytes(encryption.KEY_BYTES)
    _forget_open_connections()
    # The key file waits beside the journal until the journal is encrypted: a crash in between
    # is settled by looking at the journal's header (see encryption.settle).
    encryption.write_keyfile(encryption.pending_sidecar(path), encryption.wrap(key, passphrase))
    convert(path, None, key)
    os.replace(encryption.pending_sidecar(path), encryption.sidecar(path))
    encryption.remember(path, key)
    for backup in plain_backups:
        convert(backup, None, key)
    return 1 + len(plain_backups)


def decrypt() -> int:
    encryption.require()
    path = journal.ready()
    if not encryption.is_encrypted(path):
        raise UserError(messages.NOT_ENCRYPTED)
    key = encryption.key_for(path)
    assert key is not None
    _forget_open_connections()
    # Backups first: while the journal is still encrypted, its key file stays valid.
    encrypted_backups = [b for b in backups() if not encryption.looks_plain(b)]
    for backup in encrypted_backups:
        convert(backup, key, None)
    convert(path, key, None)
    encryption.sidecar(path).unlink()
    encryption.remember(path, None)
    return 1 + len(encrypted_backups)


def change_passphrase(prompt: str) -> None:
    encryption.require()
    path = journal.ready()
    if not encryption.is_encrypted(path):
        raise UserError(messages.NOT_ENCRYPTED_PASSPHRASE)
    key = encryption.key_for(path)
    assert key is not None
    new = encryption.ask_passphrase(prompt, confirm=True, env=encryption.NEW_PASSPHRASE_ENV)
    encryption.write_keyfile(encryption.sidecar(path), encryption.wrap(key, new))
