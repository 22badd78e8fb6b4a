"""Encryption at rest with SQLCipher, under a passphrase.

The journal is encrypted with a random 32-byte data key, handed to SQLCipher as a raw key. A
small sidecar file beside it (`stepwork.db.key`, not secret on its own) holds the Argon2id salt
and parameters and the data key wrapped with the key derived from the passphrase, plus a check
value. So a wrong passphrase is told apart from a damaged file, changing the passphrase rewrites
only the sidecar, and backups made under encryption open with the same passphrase.

sqlcipher3 and argon2-cffi are the optional extra `stepwork[encryption]`.
"""

import base64
import binascii
import getpass
import hashlib
import hmac
import json
import os
import secrets
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from stepwork.errors import UserError
from stepwork.home import write_private_file
from stepwork.messages import privacy as privacy_messages

PASSPHRASE_ENV = "STEPWORK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "STEPWORK_NEW_PASSPHRASE"
BACKUP_PASSPHRASE_ENV = "STEPWORK_BACKUP_PASSPHRASE"
SQLITE_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32
SALT_BYTES = 16
SHORT_PASSPHRASE = 8
# Argon2id parameters a key file may ask for: enough room for stronger settings, never so much
# that a damaged file makes stepwork hang or run out of memory.
TIME_COST = (1, 20)
MEMORY_COST_KIB = (8 * 1024, 2 * 1024 * 1024)
PARALLELISM = (1, 64)


@dataclass(frozen=True)
class KeyFile:
    """What `stepwork.db.key` holds (JSON). Version 2 adds `file_salt`: the first 16 bytes of
    the encrypted file this key opens (SQLCipher's per-file salt, not secret), so that after a
    crash the right key file can be matched to the journal without the passphrase."""

    version: int
    kdf: str
    time_cost: int
    memory_cost: int
    parallelism: int
    salt: str
    wrapped_key: str
    check: str
    file_salt: str = ""


def sidecar(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".key")


def available() -> bool:
    try:
        import argon2  # noqa: F401
        import sqlcipher3  # noqa: F401
    except ImportError:
        return False
    return True


def require() -> None:
    if not available():
        raise UserError(privacy_messages.ENCRYPTION_NOT_INSTALLED)


def looks_plain(db_path: Path) -> bool:
    """True for an SQLite file in the clear (or an empty one): its header says so in plain text."""
    try:
        with open(db_path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return True
    return head in (b"", SQLITE_HEADER)


def looks_encrypted(db_path: Path) -> bool:
    """True for what may be an SQLCipher file: whole pages, and a header that is neither SQLite's
    nor zeros (an interrupted copy in the clear can have its header still zeroed)."""
    try:
        size = os.path.getsize(db_path)
        with open(db_path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return size > 0 and size % 512 == 0 and head != SQLITE_HEADER and any(head)


def file_salt(db_path: Path) -> str:
    """SQLCipher's salt at the start of an encrypted file, as hex ('' if unreadable)."""
    try:
        with open(db_path, "rb") as handle:
            return handle.read(SALT_BYTES).hex()
    except OSError:
        return ""


def opens(keyfile: KeyFile, db_path: Path) -> bool | None:
    """Whether this key file belongs to this encrypted file: None when the key file is older
    than the salt it would take to tell."""
    if not keyfile.file_salt:
        return None
    return hmac.compare_digest(keyfile.file_salt, file_salt(db_path))


def for_file(keyfile: KeyFile, db_path: Path) -> KeyFile:
    """The same wrapped key, marked as the key of `db_path`."""
    return replace(keyfile, version=2, file_salt=file_salt(db_path))


def is_encrypted(db_path: Path) -> bool:
    return sidecar(db_path).exists() and not looks_plain(db_path)


def normalised(passphrase: str) -> str:
    """One form for what looks the same: a passphrase typed as composed or decomposed characters
    (NFC and NFD) opens the journal either way. Bytes that are not text are refused."""
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError:
        raise UserError(privacy_messages.PASSPHRASE_NOT_TEXT) from None
    return unicodedata.normalize("NFC", passphrase)


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
    salt = secrets.token_bytes(SALT_BYTES)
    kek = _derive(normalised(passphrase), salt)

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return KeyFile(
        version=2,
        kdf="argon2id",
        time_cost=3,
        memory_cost=65536,
        parallelism=4,
        salt=b64(salt),
        wrapped_key=b64(_xor(data_key, kek)),
        check=b64(_check_value(data_key)),
    )


def _try_unwrap(keyfile: KeyFile, passphrase: str) -> bytes | None:
    kek = _derive(passphrase, base64.b64decode(keyfile.salt), keyfile)
    data_key = _xor(base64.b64decode(keyfile.wrapped_key), kek)
    if hmac.compare_digest(_check_value(data_key), base64.b64decode(keyfile.check)):
        return data_key
    return None


def unwrap(keyfile: KeyFile, passphrase: str) -> bytes:
    nfc = normalised(passphrase)
    data_key = _try_unwrap(keyfile, nfc)
    if data_key is None and nfc != passphrase:
        # Key files written before passphrases were normalised took them as typed.
        data_key = _try_unwrap(keyfile, passphrase)
    if data_key is None:
        raise UserError(privacy_messages.WRONG_PASSPHRASE)
    return data_key


def _in(value: object, bounds: tuple[int, int]) -> bool:
    return type(value) is int and bounds[0] <= value <= bounds[1]


def _valid(keyfile: KeyFile) -> bool:
    def raw(text: str) -> bytes:
        return base64.b64decode(text, validate=True)

    return (
        keyfile.version in (1, 2)
        and keyfile.kdf == "argon2id"
        and _in(keyfile.time_cost, TIME_COST)
        and _in(keyfile.memory_cost, MEMORY_COST_KIB)
        and _in(keyfile.parallelism, PARALLELISM)
        and keyfile.memory_cost >= 8 * keyfile.parallelism
        and len(raw(keyfile.salt)) >= 8
        and len(raw(keyfile.wrapped_key)) == KEY_BYTES
        and len(raw(keyfile.check)) == 16
        and isinstance(keyfile.file_salt, str)
        and len(keyfile.file_salt) in (0, 2 * SALT_BYTES)
    )


def read_keyfile(path: Path) -> KeyFile:
    """A key file, checked field by field: a damaged one is named, never half-used."""
    try:
        if not path.is_file():  # a FIFO or a device would hang or mislead the read
            raise ValueError
        data = json.loads(path.read_text(encoding="utf-8"))
        keyfile = KeyFile(**data)
        if not _valid(keyfile):
            raise ValueError
        return keyfile
    except (OSError, ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise UserError(privacy_messages.keyfile_damaged(path)) from None


def write_keyfile(path: Path, keyfile: KeyFile) -> None:
    write_private_file(path, json.dumps(asdict(keyfile), indent=2) + "\n")


TRIES = 3


def _typed(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except UnicodeDecodeError:
        raise UserError(privacy_messages.PASSPHRASE_NOT_TEXT) from None


def _from_env(env: str) -> str | None:
    value = os.environ.get(env)
    if value is None:
        return None
    if not value:
        raise UserError(privacy_messages.EMPTY_PASSPHRASE)
    return normalised(value)


def ask_passphrase(prompt: str, env: str = PASSPHRASE_ENV) -> str:
    """The passphrase of an existing journal or backup: from the environment, or typed hidden."""
    from_env = _from_env(env)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise UserError(privacy_messages.passphrase_needs_terminal(env))
    typed = _typed(prompt)
    if not typed:
        raise UserError(privacy_messages.EMPTY_PASSPHRASE)
    return normalised(typed)


def can_ask_new(env: str = NEW_PASSPHRASE_ENV) -> None:
    """Refuse, before anything is said, where a new passphrase can come from nowhere."""
    if os.environ.get(env) is None and not sys.stdin.isatty():
        raise UserError(privacy_messages.new_passphrase_needs_terminal(env))


def ask_new_passphrase(
    env: str = NEW_PASSPHRASE_ENV, given_up: str = privacy_messages.PASSPHRASE_NOT_SET
) -> str:
    """A new passphrase: from the environment, or typed twice (three tries at matching; a
    short one put aside at "use it anyway?" costs no try), with a word of warning for a short
    one. `given_up` says what became of the journal when the tries run out."""
    from_env = _from_env(env)
    if from_env is not None and not from_env.strip():
        raise UserError(privacy_messages.EMPTY_PASSPHRASE)
    if from_env is not None:
        if len(from_env) < SHORT_PASSPHRASE:
            print(privacy_messages.SHORT_PASSPHRASE_NOTE, file=sys.stderr)
        return from_env
    can_ask_new(env)
    from stepwork.flows.prompting import ask_yes_no

    tries = 0
    while True:
        first = normalised(_typed(privacy_messages.NEW_PASSPHRASE_PROMPT))
        if not first.strip():
            print(privacy_messages.EMPTY_PASSPHRASE, file=sys.stderr)
        elif len(first) < SHORT_PASSPHRASE and not _short_one_wanted(ask_yes_no):
            continue  # put aside by choice: not a failed try
        elif normalised(_typed(privacy_messages.PASSPHRASE_AGAIN)) == first:
            return first
        tries += 1
        if tries == TRIES:
            raise UserError(privacy_messages.passphrase_given_up(given_up))
        if first.strip():
            print(privacy_messages.PASSPHRASES_DIFFER_AGAIN, file=sys.stderr)


def _short_one_wanted(ask_yes_no: Callable[[str, bool], bool]) -> bool:
    print(privacy_messages.SHORT_PASSPHRASE_NOTE, file=sys.stderr)
    return ask_yes_no(privacy_messages.SHORT_PASSPHRASE_QUESTION, False)


def unlock(
    keyfile: KeyFile,
    prompt: str,
    env: str = PASSPHRASE_ENV,
    wrong: str = privacy_messages.WRONG_PASSPHRASE,
) -> bytes:
    """The data key a key file wraps: three tries on a terminal, one from the environment;
    `wrong` is what is said when none of them opens it."""
    tries = 1 if os.environ.get(env) is not None or not sys.stdin.isatty() else TRIES
    for attempt in range(tries):
        try:
            return unwrap(keyfile, ask_passphrase(prompt, env))
        except UserError as problem:
            if problem.message != privacy_messages.WRONG_PASSPHRASE:
                raise
            if attempt == tries - 1:
                if tries > 1 and wrong == privacy_messages.WRONG_PASSPHRASE:
                    raise UserError(privacy_messages.WRONG_PASSPHRASE_GIVEN_UP) from None
                raise UserError(wrong) from None
            print(privacy_messages.WRONG_PASSPHRASE_AGAIN, file=sys.stderr)
    raise AssertionError("unreachable")


_keys: dict[Path, bytes] = {}


def key_for(db_path: Path, prompt: str = privacy_messages.PASSPHRASE_PROMPT) -> bytes | None:
    """The data key for an encrypted journal (asked for once per process); None if in the clear."""
    if db_path in _keys:
        return _keys[db_path]
    if not is_encrypted(db_path):
        return None
    require()
    key = unlock(read_keyfile(sidecar(db_path)), prompt)
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
