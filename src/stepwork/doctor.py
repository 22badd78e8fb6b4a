"""Checks of a stepwork home: file modes, integrity, schema, search, encryption, disk space."""

import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from stepwork.errors import UserError
from stepwork.home import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, Paths
from stepwork.messages import app as app_messages
from stepwork.messages import privacy as privacy_messages

OK, NOTE, PROBLEM = "ok", "note", "problem"
LOW_DISK_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Finding:
    check: str
    status: str
    detail: str


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes(where: Paths) -> list[Finding]:
    found = []
    for folder in {where.data_dir, where.config_dir, where.backups_dir}:
        if folder.is_dir() and _mode(folder) & 0o077:
            found.append(
                Finding("file modes", PROBLEM, privacy_messages.loose_dir(folder, _mode(folder)))
            )
    db = where.database
    files = [db.with_name(db.name + s) for s in ("", "-wal", "-shm", ".key")]
    files += [where.settings_file, where.wording_file]
    if where.backups_dir.is_dir():
        files += sorted(where.backups_dir.glob("*.db")) + sorted(where.backups_dir.glob("*.key"))
    for path in files:
        if path.is_file() and _mode(path) & 0o077:
            found.append(
                Finding("file modes", PROBLEM, privacy_messages.loose_file(path, _mode(path)))
            )
    if not found:
        found.append(Finding("file modes", OK, privacy_messages.MODES_OK))
    return found


def journal(where: Paths) -> list[Finding]:
    from stepwork.store import encryption, search_index
    from stepwork.store.connection import db_errors, integrity_check, open_connection
    from stepwork.store.migrations import LATEST_VERSION, schema_version

    db = where.database
    if not db.exists() or db.stat().st_size == 0:
        return [Finding("journal", NOTE, privacy_messages.NO_JOURNAL_YET)]
    found = []
    encrypted = encryption.is_encrypted(db)
    if encrypted:
        if not encryption.available():
            return [Finding("encryption", PROBLEM, privacy_messages.ENCRYPTION_NOT_INSTALLED)]
        found.append(Finding("encryption", OK, privacy_messages.ENCRYPTED_OK))
        backups = sorted(where.backups_dir.glob("*.db")) if where.backups_dir.is_dir() else []
        plain = [b for b in backups if not encryption.looks_encrypted(b)]
        if plain:
            found.append(Finding("encryption", PROBLEM, privacy_messages.plain_backups(len(plain))))
        keyless = [
            b
            for b in backups
            if encryption.looks_encrypted(b) and not encryption.sidecar(b).exists()
        ]
        if keyless:
            found.append(
                Finding("backups", NOTE, privacy_messages.backups_without_keyfile(len(keyless)))
            )
    elif encryption.looks_encrypted(db):
        key_problem = privacy_messages.journal_key_missing(db, encryption.sidecar(db))
        return [*found, Finding("encryption", PROBLEM, key_problem)]
    else:
        found.append(Finding("encryption", NOTE, privacy_messages.NOT_ENCRYPTED_NOTE))
    try:
        conn = open_connection(db, wal=False)
    except UserError as problem:
        return [*found, Finding("journal", PROBLEM, problem.message)]
    try:
        version = schema_version(conn)
        if version > LATEST_VERSION:
            found.append(
                Finding(
                    "schema", PROBLEM, app_messages.database_too_new(db, version, LATEST_VERSION)
                )
            )
        elif version < LATEST_VERSION:
            found.append(
                Finding("schema", NOTE, privacy_messages.schema_behind(version, LATEST_VERSION))
            )
        else:
            found.append(Finding("schema", OK, privacy_messages.schema_current(version)))
        result = integrity_check(conn)
        if result == ["ok"]:
            found.append(Finding("integrity", OK, privacy_messages.INTEGRITY_OK))
        else:
            found.append(
                Finding("integrity", PROBLEM, privacy_messages.integrity_failed(result[0]))
            )
        if not search_index.fts5_available(conn):
            found.append(Finding("search", NOTE, privacy_messages.NO_FTS5))
        elif not search_index.present(conn):
            found.append(Finding("search", NOTE, privacy_messages.SEARCH_INDEX_LATER))
        else:
            found.append(Finding("search", OK, privacy_messages.SEARCH_OK))
    except db_errors() as exc:
        found.append(Finding("journal", PROBLEM, app_messages.database_not_ours(db) + f" ({exc})"))
    finally:
        conn.close()
    return found


def disk(where: Paths) -> list[Finding]:
    folder = where.data_dir if where.data_dir.exists() else where.data_dir.parent
    while not folder.exists():
        folder = folder.parent
    free = shutil.disk_usage(folder).free
    if free < LOW_DISK_BYTES:
        return [Finding("disk", PROBLEM, privacy_messages.low_disk(free // (1024 * 1024)))]
    return [Finding("disk", OK, privacy_messages.disk_ok(free // (1024 * 1024)))]


def examine(where: Paths) -> list[Finding]:
    return modes(where) + journal(where) + disk(where)


__all__ = ["NOTE", "OK", "PRIVATE_DIR_MODE", "PRIVATE_FILE_MODE", "PROBLEM", "Finding", "examine"]
