"""The files in a sync folder: their names, and what one holds.

`<device>-<sequence>.stepwork-sync` holds one device's changes (or, after `--compact`, all of its
journal): a first line of JSON saying who wrote it, which number it is and how it is sealed, then
the stepwork JSON export of those records, either as written (a plain journal) or encrypted
with AES-GCM under the sync key, the first line as associated data so that nothing in the file
can be changed unnoticed. `<device>.receipt` says which files that device has merged, so a
device knows when its own files may be compacted; it holds device ids and numbers, no text.

Anything else in the folder is someone else's and left alone; a name that starts like ours but
is not exactly ours (a conflict copy, a half-copied file) is skipped with a line.
"""

import base64
import binascii
import hashlib
import json
import re
import secrets
from dataclasses import dataclass

from stepwork.messages import sync as sync_messages
from stepwork.sync import keys

FORMAT = "stepwork-sync"
VERSION = 1
SUFFIX = ".stepwork-sync"
RECEIPT_SUFFIX = ".receipt"
CHANGES, SNAPSHOT = "changes", "snapshot"
CIPHER = "aes-256-gcm"
PLAIN = "none"
DEVICE_CHARS = 16
NONCE_BYTES = 12
MAX_HEADER = 4096

DEVICE = re.compile(rf"[0-9a-f]{{{DEVICE_CHARS}}}", re.ASCII)
DATA_NAME = re.compile(rf"([0-9a-f]{{{DEVICE_CHARS}}})-([0-9]{{8}}){re.escape(SUFFIX)}", re.ASCII)
RECEIPT_NAME = re.compile(rf"([0-9a-f]{{{DEVICE_CHARS}}}){re.escape(RECEIPT_SUFFIX)}", re.ASCII)
LOOKS_OURS = re.compile(rf"[0-9a-f]{{{DEVICE_CHARS}}}[-.(_ ~]", re.ASCII)


def new_device() -> str:
    return secrets.token_hex(DEVICE_CHARS // 2)


def data_name(device: str, seq: int) -> str:
    return f"{device}-{seq:08d}{SUFFIX}"


def receipt_name(device: str) -> str:
    return device + RECEIPT_SUFFIX


@dataclass(frozen=True)
class Named:
    kind: str  # "data", "receipt" or "copy"
    device: str = ""
    seq: int = 0


def classify(name: str) -> Named | None:
    """What a name in the folder is to stepwork; None for what is not ours at all."""
    if name.startswith("."):
        return None  # a temporary file still being written (ours or the sync tool's)
    if found := DATA_NAME.fullmatch(name):
        return Named("data", found[1], int(found[2]))
    if found := RECEIPT_NAME.fullmatch(name):
        return Named("receipt", found[1])
    if LOOKS_OURS.match(name) and (SUFFIX in name or RECEIPT_SUFFIX in name):
        return Named("copy")
    return None


class Unreadable(Exception):
    """A file that is not merged this time; `why` is the line that says so."""

    def __init__(self, why: str, final: bool = False, passed: bool = False) -> None:
        super().__init__(why)
        self.why = why
        self.final = final
        """Not worth trying again with this journal (another passphrase, a newer stepwork)."""
        self.passed = passed
        """Never to be merged here, and passed over (a plain file where the journal is
        encrypted: anyone could have written it)."""


@dataclass(frozen=True)
class Sealer:
    """How this device seals what it writes: with a key, or in the clear."""

    passphrase: str | None
    kdf: keys.Kdf | None = None


def seal(device: str, seq: int, kind: str, body: str, sealer: Sealer) -> str:
    data = body.encode("utf-8")
    header: dict[str, object] = {
        "format": FORMAT,
        "version": VERSION,
        "device": device,
        "seq": seq,
        "kind": kind,
    }
    if sealer.passphrase is None or sealer.kdf is None:
        header |= {"cipher": PLAIN, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        return json.dumps(header) + "\n" + body
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = keys.derive(sealer.passphrase, sealer.kdf)
    nonce = secrets.token_bytes(NONCE_BYTES)
    header |= {
        "cipher": CIPHER,
        "kdf": sealer.kdf.as_header(),
        "check": keys.check_value(key),
        "nonce": keys.b64(nonce),
    }
    line = json.dumps(header)
    sealed = AESGCM(key).encrypt(nonce, data, line.encode("ascii"))
    text = base64.b64encode(sealed).decode("ascii")
    return line + "\n" + text + "\n"


def sealed_with_key(head: bytes) -> bool:
    """Whether a file's first line says it is encrypted (judged by the header alone)."""
    line = head.partition(b"\n")[0]
    try:
        header = json.loads(line.decode("ascii")) if len(line) <= MAX_HEADER else None
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(header, dict) and header.get("cipher") == CIPHER


@dataclass(frozen=True)
class Opened:
    kind: str
    body: bytes
    encrypted: bool


def open_file(raw: bytes, device: str, seq: int, passphrase: str | None) -> Opened:
    """The export a file holds, whole and as written, or `Unreadable` saying why not. With a
    passphrase (an encrypted journal), only files sealed under it are opened."""
    line, newline, rest = raw.partition(b"\n")
    if not newline:
        raise Unreadable(sync_messages.SYNC_FILE_INCOMPLETE)
    try:
        if len(line) > MAX_HEADER:
            raise ValueError
        header = json.loads(line.decode("ascii"))
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ValueError
    except (ValueError, UnicodeDecodeError):
        raise Unreadable(sync_messages.SYNC_FILE_DAMAGED) from None
    version = header.get("version")
    if type(version) is int and version > VERSION:
        raise Unreadable(sync_messages.SYNC_FILE_TOO_NEW, final=True)
    kind = header.get("kind")
    if version != VERSION or kind not in (CHANGES, SNAPSHOT):
        raise Unreadable(sync_messages.SYNC_FILE_DAMAGED)
    if header.get("device") != device or header.get("seq") != seq:
        raise Unreadable(sync_messages.SYNC_FILE_MISNAMED)
    cipher = header.get("cipher")
    if cipher == PLAIN:
        size, digest = header.get("size"), header.get("sha256")
        if type(size) is not int or not isinstance(digest, str):
            raise Unreadable(sync_messages.SYNC_FILE_DAMAGED)
        if len(rest) < size:
            raise Unreadable(sync_messages.SYNC_FILE_INCOMPLETE)
        if len(rest) > size or hashlib.sha256(rest).hexdigest() != digest:
            raise Unreadable(sync_messages.SYNC_FILE_DAMAGED)
        if passphrase is not None:
            raise Unreadable(sync_messages.SYNC_FILE_PLAIN_HERE_ENCRYPTED, passed=True)
        return Opened(kind, rest, encrypted=False)
    if cipher != CIPHER:
        raise Unreadable(sync_messages.SYNC_FILE_DAMAGED)
    if passphrase is None:
        raise Unreadable(sync_messages.SYNC_FILE_ENCRYPTED_HERE_PLAIN, final=True)
    kdf = keys.kdf_from_header(header.get("kdf"))
    try:
        nonce = base64.b64decode(str(header.get("nonce")), validate=True)
    except binascii.Error:
        nonce = b""
    if kdf is None or len(nonce) != NONCE_BYTES:
        raise Unreadable(sync_messages.SYNC_FILE_DAMAGED)
    if not rest.endswith(b"\n"):
        raise Unreadable(sync_messages.SYNC_FILE_INCOMPLETE)
    key = keys.derive(passphrase, kdf)
    if not keys.matches(key, header.get("check")):
        standard = keys.Kdf(kdf.salt)
        if standard != kdf and keys.matches(keys.derive(passphrase, standard), header.get("check")):
            raise Unreadable(sync_messages.SYNC_FILE_DAMAGED)  # its cost changed, not its key
        raise Unreadable(sync_messages.SYNC_FILE_OTHER_PASSPHRASE, final=True)
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        sealed = base64.b64decode(rest.strip(), validate=True)
        body = AESGCM(key).decrypt(nonce, sealed, line)
    except (binascii.Error, ValueError, InvalidTag):
        raise Unreadable(sync_messages.SYNC_FILE_DAMAGED) from None
    return Opened(kind, body, encrypted=True)


def read_receipt(raw: bytes, device: str) -> dict[str, int] | None:
    """Which files a device says it has merged: {device: last sequence}; None if unreadable."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("device") != device:
        return None
    merged = data.get("merged")
    if not isinstance(merged, dict):
        return None
    return {
        k: v
        for k, v in merged.items()
        if isinstance(k, str) and DEVICE.fullmatch(k) and type(v) is int and v >= 0
    }


def receipt(device: str, merged: dict[str, int]) -> str:
    return (
        json.dumps(
            {"format": FORMAT, "version": VERSION, "device": device, "merged": merged},
            sort_keys=True,
        )
        + "\n"
    )
