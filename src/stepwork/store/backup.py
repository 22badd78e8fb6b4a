"""Consistent copies of the journal, and putting one back."""

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from stepwork import messages
from stepwork.errors import UserError
from stepwork.home import PRIVATE_FILE_MODE, ensure_private_dir, paths
from stepwork.store import journal
from stepwork.store.migrations import LATEST_VERSION, keep_copy


def default_target() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return paths().backups_dir / f"stepwork-backup-{stamp}.db"


def backup(target: Path) -> Path:
    """Write a consistent copy with VACUUM INTO (a compact file, free of deleted pages)."""
    if target.is_dir():
        target = target / default_target().name
    if target.exists():
        raise UserError(messages.output_exists(target))
    ensure_private_dir(target.parent)
    source = journal.ready()
    previous = os.umask(0o077)  # the new file is private from the moment it exists
    try:
        conn = sqlite3.connect(source)
        try:
            conn.execute("VACUUM INTO ?", (str(target),))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise UserError(messages.database_unwritable(target, str(exc))) from exc
    finally:
        os.umask(previous)
    target.chmod(PRIVATE_FILE_MODE)
    return target


def check(candidate: Path) -> None:
    """Refuse anything that is not a readable, intact stepwork journal this version can use."""
    if not candidate.is_file():
        raise UserError(messages.restore_not_journal(candidate))
    try:
        conn = sqlite3.connect(f"file:{candidate}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            intact = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            has_tables = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'guided_session'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
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
    live = sqlite3.connect(live_path)
    try:
        kept = keep_copy(live, where.backups_dir, "before-restore")
        source = sqlite3.connect(f"file:{candidate}?mode=ro", uri=True)
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
