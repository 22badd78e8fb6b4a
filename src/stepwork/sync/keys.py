"""The key that encrypts and authenticates sync files, derived from the journal's passphrase.

Every device that shares a passphrase must derive the same key, while each device keeps its own
journal key (a random data key, wrapped per device). So the sync key comes from the passphrase
itself: Argon2id with a salt that the writing device chose and wrote in each file's header (not
secret). A reader derives the key once per salt. A check value beside the salt tells "another
passphrase" apart from "damaged or tampered with".
"""

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

SALT_BYTES = 16
KEY_BYTES = 32
# The same cost as the journal's key file; a file may not ask for far more (a hostile header
# must not make stepwork hang or run out of memory).
TIME_COST, MEMORY_COST_KIB, PARALLELISM = 3, 65536, 4
TIME_RANGE = (1, 20)
MEMORY_RANGE = (8 * 1024, 1024 * 1024)
PARALLEL_RANGE = (1, 64)


@dataclass(frozen=True)
class Kdf:
    salt: bytes
    time_cost: int = TIME_COST
    memory_cost: int = MEMORY_COST_KIB
    parallelism: int = PARALLELISM

    def as_header(self) -> dict[str, object]:
        return {
            "salt": b64(self.salt),
            "time_cost": self.time_cost,
            "memory_cost": self.memory_cost,
            "parallelism": self.parallelism,
        }


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def kdf_from_header(value: object) -> Kdf | None:
    """The derivation a header asks for, or None when it is not one stepwork would write."""
    if not isinstance(value, dict) or set(value) != {
        "salt",
        "time_cost",
        "memory_cost",
        "parallelism",
    }:
        return None
    try:
        salt = base64.b64decode(str(value["salt"]), validate=True)
    except ValueError:
        return None

    def within(x: object, bounds: tuple[int, int]) -> bool:
        return type(x) is int and bounds[0] <= x <= bounds[1]

    if (
        len(salt) != SALT_BYTES
        or not within(value["time_cost"], TIME_RANGE)
        or not within(value["memory_cost"], MEMORY_RANGE)
        or not within(value["parallelism"], PARALLEL_RANGE)
        or value["memory_cost"] < 8 * value["parallelism"]
    ):
        return None
    return Kdf(salt, value["time_cost"], value["memory_cost"], value["parallelism"])


_derived: dict[tuple[str, Kdf], bytes] = {}


def derive(passphrase: str, kdf: Kdf) -> bytes:
    """The sync key for this passphrase and salt (Argon2id; remembered for this process)."""
    cached = _derived.get((passphrase, kdf))
    if cached is not None:
        return cached
    from argon2.low_level import Type, hash_secret_raw

    key = hash_secret_raw(
        passphrase.encode("utf-8"),
        kdf.salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_cost,
        parallelism=kdf.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
    _derived[(passphrase, kdf)] = key
    return key


def check_value(key: bytes) -> str:
    return b64(hmac.new(key, b"stepwork sync key check", hashlib.sha256).digest()[:16])


def matches(key: bytes, check: object) -> bool:
    return isinstance(check, str) and hmac.compare_digest(check_value(key), check)


def b64decode(text: str) -> bytes:
    return base64.b64decode(text, validate=True)
