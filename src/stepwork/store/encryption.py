"""Encryption at rest with SQLCipher, under a passphrase.

The journal is encrypted with a random 32-byte data key, handed to SQLCipher as a raw key. A
small sidecar file beside it (`stepwork.db.key`, not secret on its own) holds the Argon2id salt
and parameters and the data key wrapped with the key derived from the passphrase, plus a check
value. So a wrong passphrase is told apart from a damaged file, changing the passphrase rewrites
only the sidecar, and backups made under encryption open with the same passphrase.

sqlcipher3 and argon2-cffi are the optional extra `stepwork[encryption]`.
"""

import base64
import getpass
import hashlib
import hmac
import json
import os
import secrets
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from stepwork import messages
from stepwork.errors import UserError
from stepwork.home import write_private_file

PASSPHRASE_ENV = "STEPWORK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "STEPWORK_NEW_PASSPHRASE"
SQLITE_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32


@dataclass(frozen=True)
class KeyFile:
    version: int
    kdf: str
    time_cost: int
    memory_cost: int
    parallelism: int
    salt: str
    wrapped_key: str
    check: str


def sidecar(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".key")


def pending_sidecar(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".key.pending")


def available() -> bool:
    try:
        import argon2  # noqa: F401
        import sqlcipher3  # noqa: F401
    except ImportError:
        return False
    return True


def require() -> None:
    if not available():
        raise UserError(messages.ENCRYPTION_NOT_INSTALLED)


def looks_plain(db_path: Path) -> bool:
    """True for an SQLite file in the clear (or an empty one): its header says so in plain text."""
    try:
        with open(db_path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return True
    return head in (b"", SQLITE_HEADER)


def settle(db_path: Path) -> None:
    """Finish or undo an encrypt or decrypt that a crash interrupted.

    The header tells the truth: a file in the clear needs no key file, an encrypted one does.
    """
    pending = pending_sidecar(db_path)
    plain = looks_plain(db_path)
    if pending.exists():
        if plain:
            pending.unlink()
        else:
            os.replace(pending, sidecar(db_path))
    if plain and sidecar(db_path).exists():
        sidecar(db_path).unlink()


def is_encrypted(db_path: Path) -> bool:
    return sidecar(db_path).exists() and not looks_plain(db_path)


def _derive(passphrase: str, salt: bytes, keyfile: KeyFile | None = None) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=keyfile.time_cost if keyfile else 3,
        memory_cost=keyfile.memory_cost if keyfile else 65536,
        parallelism=keyfile.parallelism if keyfile else 4,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _check_value(data_key: bytes) -> bytes:
    return hmac.new(data_key, b"stepwork key check", hashlib.sha256).digest()[:16]


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


def wrap(data_key: bytes, passphrase: str) -> KeyFile:
    """A fresh salt for every wrap, so one derived key never wraps two data keys."""
    salt = secrets.token_bytes(16)
    kek = _derive(passphrase, salt)
    b64 = lambda raw: base64.b64encode(raw).decode("ascii")  # noqa: E731
    return KeyFile(
        version=1,
        kdf="argon2id",
        time_cost=3,
        memory_cost=65536,
        parallelism=4,
        salt=b64(salt),
        wrapped_key=b64(_xor(data_key, kek)),
        check=b64(_check_value(data_key)),
    )


def unwrap(keyfile: KeyFile, passphrase: str) -> bytes:
    kek = _derive(passphrase, base64.b64decode(keyfile.salt), keyfile)
    data_key = _xor(base64.b64decode(keyfile.wrapped_key), kek)
    if not hmac.compare_digest(_check_value(data_key), base64.b64decode(keyfile.check)):
        raise UserError(messages.WRONG_PASSPHRASE)
    return data_key


def read_keyfile(path: Path) -> KeyFile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        keyfile = KeyFile(**data)
        if len(base64.b64decode(keyfile.wrapped_key)) != KEY_BYTES:
            raise ValueError
        return keyfile
    except (OSError, ValueError, TypeError):
        raise UserError(messages.keyfile_damaged(path)) from None


def write_keyfile(path: Path, keyfile: KeyFile) -> None:
    write_private_file(path, json.dumps(asdict(keyfile), indent=2) + "\n")


def ask_passphrase(prompt: str, confirm: bool = False, env: str = PASSPHRASE_ENV) -> str:
    """From the environment (STEPWORK_PASSPHRASE), or asked for without echo (twice when
    setting a new one)."""
    from_env = os.environ.get(env)
    if from_env is not None:
        if not from_env:
            raise UserError(messages.EMPTY_PASSPHRASE)
        return from_env
    if not sys.stdin.isatty():
        raise UserError(messages.PASSPHRASE_NEEDS_TERMINAL)
    first = getpass.getpass(prompt)
    if not first:
        raise UserError(messages.EMPTY_PASSPHRASE)
    if confirm and getpass.getpass(messages.PASSPHRASE_AGAIN) != first:
        raise UserError(messages.PASSPHRASES_DIFFER)
    return first


_keys: dict[Path, bytes] = {}


def key_for(db_path: Path) -> bytes | None:
    """The data key for an encrypted journal (asked for once per process); None if in the clear."""
    if db_path in _keys:
        return _keys[db_path]
    if not is_encrypted(db_path):
        return None
    require()
    keyfile = read_keyfile(sidecar(db_path))
    key = unwrap(keyfile, ask_passphrase(messages.PASSPHRASE_PROMPT))
    _keys[db_path] = key
    return key


def forget_keys() -> None:
    _keys.clear()


def remember(db_path: Path, key: bytes | None) -> None:
    if key is None:
        _keys.pop(db_path, None)
    else:
        _keys[db_path] = key


def key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def attach_sql(alias: str, key: bytes | None) -> str:
    secret = f"\"x'{key.hex()}'\"" if key else "''"
    return f"ATTACH DATABASE ? AS {alias} KEY {secret}"
