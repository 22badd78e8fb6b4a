"""Consistent copies of the journal, and putting one back. An encrypted journal's copies are
encrypted with the same key, so they open with the same passphrase."""

import os
from datetime import UTC, datetime
from pathlib import Path

from stepwork import messages
from stepwork.errors import UserError
from stepwork.home import PRIVATE_FILE_MODE, ensure_private_dir, paths
from stepwork.store import encryption, journal
from stepwork.store.connection import connect_file, copy_into, db_errors
from stepwork.store.migrations import LATEST_VERSION, keep_copy


def default_target() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return paths().backups_dir / f"stepwork-backup-{stamp}.db"


def backup(target: Path) -> Path:
    """Write a consistent copy: VACUUM INTO in the clear (compact, no deleted pages), or a keyed
    page copy when the journal is encrypted."""
    if target.is_dir():
        target = target / default_target().name
    if target.exists():
        raise UserError(messages.output_exists(target))
    ensure_private_dir(target.parent)
    source = journal.ready()
    key = encryption.key_for(source)
    try:
        conn = connect_file(source, key)
        try:
            if key is not None:
                copy_into(conn, target, key)
            else:
                previous = os.umask(0o077)  # the new file is private from the moment it exists
                try:
                    conn.execute("VACUUM INTO ?", (str(target),))
                finally:
                    os.umask(previous)
        finally:
            conn.close()
    except db_errors() as exc:
        raise UserError(messages.database_unwritable(target, str(exc))) from exc
    target.chmod(PRIVATE_FILE_MODE)
    return target


def _key_for_candidate(candidate: Path) -> bytes | None:
    """The key a backup opens with: none in the clear, the journal's own if encrypted."""
    live_key = encryption.key_for(paths().database) if paths().database.exists() else None
    if encryption.looks_plain(candidate):
        if live_key is not None:
            raise UserError(messages.RESTORE_PLAIN_INTO_ENCRYPTED)
        return None
    if live_key is None:
        raise UserError(messages.restore_encrypted_or_not_journal(candidate))
    return live_key


def check(candidate: Path) -> None:
    """Refuse anything that is not a readable, intact stepwork journal this version can use."""
    if not candidate.is_file() or candidate.stat().st_size == 0:
        raise UserError(messages.restore_not_journal(candidate))
    key = _key_for_candidate(candidate)
    try:
        conn = connect_file(candidate, key, read_only=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            intact = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            has_tables = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'guided_session'"
            ).fetchone()
        finally:
            conn.close()
    except db_errors():
        raise UserError(messages.restore_not_journal(candidate)) from None
    if version > LATEST_VERSION:
        raise UserError(messages.database_too_new(candidate, version, LATEST_VERSION))
    if not (intact and has_tables and version >= 1):
        raise UserError(messages.restore_not_journal(candidate))


def restore(candidate: Path) -> Path:
    """Replace the journal's contents with the backup's; the current journal is kept first."""
    check(candidate)
    where = paths()
    live_path = journal.ready()
    key = encryption.key_for(live_path)
    live = connect_file(live_path, key)
    try:
        kept = keep_copy(live, live_path, where.backups_dir, "before-restore")
        source = connect_file(candidate, key, read_only=True)
        try:
            source.backup(live)
        finally:
            source.close()
    finally:
        live.close()
    from stepwork.store import database

    database.forget()
    journal.ready()  # an older backup is brought up to the current schema here
    return kept
