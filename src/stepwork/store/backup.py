"""Consistent copies of the journal, and putting one back.

A backup carries what it needs: a copy of an encrypted journal has its own key file beside it
(`X.db.key`: the wrapped key, salt and parameters), so it can be restored anywhere with the
passphrase it was made under, even where the journal's key file is gone. A backup is written
as `X.db.new` and renamed when complete, so an interrupted one is never taken for a backup.
"""

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from stepwork import outputs
from stepwork.errors import UserError
from stepwork.home import ensure_private_dir, paths
from stepwork.messages import app as app_messages
from stepwork.messages import outputs as outputs_messages
from stepwork.messages import privacy as privacy_messages
from stepwork.messages import transfer as transfer_messages
from stepwork.store import encryption, journal_file, lock, swap
from stepwork.store.connection import connect_file, db_errors
from stepwork.store.migrations import LATEST_VERSION


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def default_target() -> Path:
    return paths().backups_dir / f"stepwork-backup-{_stamp()}.db"


def write_copy(
    source: Path,
    key: bytes | None,
    chosen: outputs.Target,
    encrypt_as: tuple[bytes, encryption.KeyFile] | None = None,
) -> Path:
    """A checked copy of the journal at `chosen`, with its key file if it is encrypted (under
    the journal's key, or the key given in `encrypt_as`)."""
    target = chosen.path
    ensure_private_dir(target.parent)
    new = swap.new_of(target)
    if encrypt_as is None and key is not None:
        encrypt_as = (key, encryption.read_keyfile(encryption.sidecar(source)))
    target_key = encrypt_as[0] if encrypt_as else None
    # Backups are kept in rollback mode: opening one never leaves -wal or -shm files beside it.
    swap.copy_verified(source, key, new, target_key, same_rows=False, wal=False)
    try:
        if encrypt_as is not None:
            keyfile = encryption.for_file(encrypt_as[1], new)
            encryption.write_keyfile(encryption.sidecar(target), keyfile)
        elif chosen.replace:
            encryption.sidecar(target).unlink(missing_ok=True)
        swap.checkpoint("backup-before-rename")
        outputs.place(new, chosen)
    except BaseException:
        swap.discard(new)
        raise
    return target


def keep_copy(
    db_path: Path, reason: str, encrypt_as: tuple[bytes, encryption.KeyFile] | None = None
) -> Path:
    """A copy of the journal before a change (an upgrade, a restore), in the backups folder."""
    target = paths().backups_dir / f"stepwork-{reason}-{_stamp()}.db"
    return write_copy(db_path, encryption.key_for(db_path), outputs.Target(target), encrypt_as)


def backup(target: Path, force: bool = False) -> Path:
    """Write a consistent copy of the journal to `target` (a file, or a folder to put it in)."""
    if target.is_dir():
        target = target / default_target().name
    chosen = outputs.target(target, force, allowed=paths().backups_dir)
    if chosen.stream:
        raise UserError(outputs_messages.output_not_regular(target))
    source = journal_file.ready()
    return write_copy(source, encryption.key_for(source), chosen)


@dataclass(frozen=True)
class Candidate:
    path: Path
    key: bytes | None
    keyfile: encryption.KeyFile | None


def _open_candidate(candidate: Path) -> Candidate:
    """The key a backup opens with: none in the clear; else its own key file's (asking for the
    passphrase it was made under), or the journal's for a backup made by an earlier stepwork."""
    if encryption.looks_plain(candidate):
        return Candidate(candidate, None, None)
    if not encryption.looks_encrypted(candidate):
        raise UserError(transfer_messages.restore_not_journal(candidate))
    encryption.require()
    live = paths().database
    live_key = encryption.key_for(live) if encryption.is_encrypted(live) else None
    if live_key is not None and _readable(candidate, live_key):
        keyfile = encryption.read_keyfile(encryption.sidecar(live))
        return Candidate(candidate, live_key, keyfile)
    own = encryption.sidecar(candidate)
    if not own.exists():
        raise UserError(transfer_messages.restore_needs_keyfile(candidate, own))
    keyfile = encryption.read_keyfile(own)
    env = encryption.BACKUP_PASSPHRASE_ENV
    if os.environ.get(env) is None:
        env = encryption.PASSPHRASE_ENV
    key = encryption.unlock(
        keyfile,
        privacy_messages.BACKUP_PASSPHRASE_PROMPT,
        env,
        wrong=privacy_messages.WRONG_BACKUP_PASSPHRASE,
    )
    return Candidate(candidate, key, keyfile)


def _readable(path: Path, key: bytes | None) -> bool:
    try:
        conn = connect_file(path, key, read_only=True)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return True
        finally:
            conn.close()
    except db_errors():
        return False


def check(path: Path) -> Candidate:
    """Refuse anything that is not a readable, intact stepwork journal this version can use."""
    if not os.path.lexists(path):
        raise UserError(transfer_messages.restore_not_found(path))
    if not path.is_file() or path.stat().st_size == 0:
        raise UserError(transfer_messages.restore_not_journal(path))
    candidate = _open_candidate(path)
    try:
        conn = connect_file(path, candidate.key, read_only=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            intact = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            has_tables = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'guided_session'"
            ).fetchone()
        finally:
            conn.close()
    except db_errors():
        raise UserError(transfer_messages.restore_not_journal(path)) from None
    if version > LATEST_VERSION:
        raise UserError(app_messages.database_too_new(path, version, LATEST_VERSION))
    if not (intact and has_tables and version >= 1):
        raise UserError(transfer_messages.restore_not_journal(path))
    return candidate


@dataclass(frozen=True)
class Restored:
    kept: Path
    encrypted: bool
    passphrase_changed: bool


def restore(candidate: Candidate) -> Restored:
    """Put the backup in place of the journal, with one rename, the current journal kept as a
    copy first. Holds the lock alone throughout, so no acknowledged write falls in between.

    The restored journal stays encrypted if either was: a backup in the clear restored into an
    encrypted journal is encrypted with the journal's key; an encrypted backup keeps its own."""
    path = journal_file.ready()
    live_key = encryption.key_for(path)
    with lock.exclusive(path):
        journal_file.recover_locked(path)
        if candidate.key is not None:
            key, keyfile = candidate.key, candidate.keyfile
        elif live_key is not None:
            key, keyfile = live_key, encryption.read_keyfile(encryption.sidecar(path))
        else:
            key, keyfile = None, None
        # The copy kept first is encrypted whenever the journal is about to be.
        kept = keep_copy(
            path, "before-restore", (key, keyfile) if key is not None and keyfile else None
        )
        swap.quiesce(path, live_key)
        swap.copy_verified(candidate.path, candidate.key, swap.new_of(path), key)
        swap.switch(path, keyfile)
        journal_file.forget()
        encryption.remember(path, key)
        journal_file.ready()  # an older backup is brought up to the current schema here
    return Restored(kept, key is not None, key is not None and key != live_key)
