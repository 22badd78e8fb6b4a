"""Turning the journal (and the backups beside it) encrypted, back into the clear, and changing
the passphrase (which also changes the key the files are encrypted with).

Every file is converted the same way (see `swap`): a checked copy beside it, one atomic rename,
and only then the old file goes (overwritten first where it was in the clear). The whole
conversion holds the journal's lock alone, so no other stepwork process reads or writes a file
that is being swapped.
"""

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from stepwork.errors import UserError
from stepwork.home import paths
from stepwork.messages import app as app_messages
from stepwork.messages import privacy as privacy_messages
from stepwork.store import encryption, journal_file, lock, swap
from stepwork.store.connection import connect_file, db_errors


@dataclass(frozen=True)
class Converted:
    files: int
    left_alone: int = 0


def backups() -> list[Path]:
    folder = paths().backups_dir
    return sorted(p for p in folder.glob("*.db") if p.is_file()) if folder.is_dir() else []


def _forget_open_connections() -> None:
    from stepwork.store import journal_file

    journal_file.forget()


def _opens_with(path: Path, key: bytes | None) -> bool:
    try:
        conn = connect_file(path, key)
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except db_errors():
        return False


def convert(
    path: Path, from_key: bytes | None, keyfile: encryption.KeyFile | None, to_key: bytes | None
) -> None:
    """Rewrite one journal-format file under another key (None: in the clear)."""
    swap.quiesce(path, from_key)
    swap.copy_verified(path, from_key, swap.new_of(path), to_key)
    swap.switch(path, keyfile)


def _adopt_legacy_backups(keyfile: encryption.KeyFile) -> None:
    """Backups made by an earlier stepwork opened only with the journal's key file; give each
    its own, so it still opens after the journal's key changes."""
    for backup in backups():
        if not encryption.looks_plain(backup) and not encryption.sidecar(backup).exists():
            encryption.write_keyfile(
                encryption.sidecar(backup), encryption.for_file(keyfile, backup)
            )


def _journal_file(path: Path) -> Path:
    """Conversions replace the journal's file; one reached through a link is refused, since
    the link would be replaced and the file it points to left as it was."""
    if path.is_symlink():
        raise UserError(app_messages.journal_is_link(path, Path(os.path.realpath(path))))
    return path


def encrypt(before_asking: Callable[[], None] = lambda: None) -> Converted:
    """Encrypt every backup in the clear, then the journal: a stop in between never leaves
    text in the clear beside an encrypted journal."""
    encryption.require()
    path = _journal_file(journal_file.ready())
    with lock.exclusive(path):
        journal_file.recover_locked(path)
        swap.tidy(paths().backups_dir)
        if encryption.is_encrypted(path):
            key = encryption.key_for(path)
            assert key is not None
            keyfile = encryption.read_keyfile(encryption.sidecar(path))
            count = _encrypt_backups(key, keyfile)
            if not count:
                raise UserError(privacy_messages.ALREADY_ENCRYPTED)
            return Converted(count)
        encryption.can_ask_new(encryption.PASSPHRASE_ENV)
        before_asking()
        passphrase = encryption.ask_new_passphrase(encryption.PASSPHRASE_ENV)
        key = secrets.token_bytes(encryption.KEY_BYTES)
        keyfile = encryption.wrap(key, passphrase)
        _forget_open_connections()
        count = _encrypt_backups(key, keyfile)
        convert(path, None, keyfile, key)
        encryption.remember(path, key)
        return Converted(1 + count)


def _encrypt_backups(key: bytes, keyfile: encryption.KeyFile) -> int:
    count = 0
    for backup in backups():
        if encryption.looks_plain(backup) and _opens_with(backup, None):
            convert(backup, None, keyfile, key)
            count += 1
        elif not encryption.looks_encrypted(backup):
            # Neither a journal in the clear nor an encrypted one: an interrupted copy, which
            # may hold text in the clear.
            swap.shred(backup)
            count += 1
    return count


def decrypt() -> Converted:
    """The journal first, then its backups: a stop in between leaves backups encrypted, each
    with its own key file, never text in the clear beside an encrypted journal."""
    encryption.require()
    path = _journal_file(journal_file.ready())
    if not encryption.is_encrypted(path):
        raise UserError(privacy_messages.NOT_ENCRYPTED)
    key = encryption.key_for(path)
    assert key is not None
    with lock.exclusive(path):
        journal_file.recover_locked(path)
        swap.tidy(paths().backups_dir)
        keyfile = encryption.read_keyfile(encryption.sidecar(path))
        _adopt_legacy_backups(keyfile)
        _forget_open_connections()
        convert(path, key, None, None)
        encryption.remember(path, None)
        converted, left = _convert_backups(key, None, None)
        return Converted(1 + converted, left)


def _convert_backups(
    old_key: bytes, keyfile: encryption.KeyFile | None, key: bytes | None
) -> tuple[int, int]:
    """Backups under `old_key` converted; those under another passphrase left alone."""
    converted, left = 0, 0
    for backup in backups():
        if encryption.looks_plain(backup):
            continue
        if _opens_with(backup, old_key):
            convert(backup, old_key, keyfile, key)
            converted += 1
        else:
            left += 1  # under another passphrase: it keeps its own key file
    return converted, left


def change_passphrase() -> Converted:
    """A new passphrase and a new key: the journal, then its backups, are re-encrypted, so an
    old key file with the old passphrase opens none of what is written from now on. A stop in
    between leaves each backup openable with its own key file and the old passphrase."""
    encryption.require()
    if encryption.is_encrypted(paths().database):  # asked first, so the prompt says which
        encryption.key_for(paths().database, privacy_messages.CURRENT_PASSPHRASE_PROMPT)
    path = _journal_file(journal_file.ready())
    if not encryption.is_encrypted(path):
        raise UserError(privacy_messages.NOT_ENCRYPTED_PASSPHRASE)
    old_key = encryption.key_for(path)
    assert old_key is not None
    with lock.exclusive(path):
        journal_file.recover_locked(path)
        swap.tidy(paths().backups_dir)
        _adopt_legacy_backups(encryption.read_keyfile(encryption.sidecar(path)))
        passphrase = encryption.ask_new_passphrase(
            encryption.NEW_PASSPHRASE_ENV, privacy_messages.PASSPHRASE_KEPT
        )
        key = secrets.token_bytes(encryption.KEY_BYTES)
        keyfile = encryption.wrap(key, passphrase)
        _forget_open_connections()
        convert(path, old_key, keyfile, key)
        encryption.remember(path, key)
        converted, left = _convert_backups(old_key, keyfile, key)
        return Converted(1 + converted, left)
