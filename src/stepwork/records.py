"""Record IDs as people see them: a letter for the kind and a number, like i3 or a12."""

from typing import Protocol

from stepwork import messages
from stepwork.errors import UsageError
from stepwork.numbers import natural

INVENTORY = "i"
AMENDS = "a"


def label(prefix: str, number: int) -> str:
    return f"{prefix}{number}"


class Stored(Protocol):
    @property
    def id(self) -> int | None: ...


def saved_id(row: Stored) -> int:
    """The id of a row read from the journal (or just written to it), which always has one:
    only a row not yet saved has none."""
    if row.id is None:
        raise ValueError("a row that was never saved has no id")
    return row.id


def parse_id(value: str, prefix: str, what: str) -> int:
    """'i3', 'I3' or plain '3' → 3; anything else is one clear line."""
    text = value.strip().lower()
    if text.startswith(prefix):
        text = text[len(prefix) :]
    number = natural(text)
    if number is None:
        raise UsageError(messages.bad_id(value, what, label(prefix, 3)))
    return number
