"""Record IDs as people see them: a letter for the kind and a number, like i3 or a12."""

from stepwork.errors import UsageError
from stepwork.messages import parse as parse_messages
from stepwork.parse.numbers import natural

INVENTORY = "i"
AMENDS = "a"


def label(prefix: str, number: int) -> str:
    return f"{prefix}{number}"


def parse_id(value: str, prefix: str, what: str) -> int:
    """'i3', 'I3' or plain '3' → 3; anything else is one clear line."""
    text = value.strip().lower()
    if text.startswith(prefix):
        text = text[len(prefix) :]
    number = natural(text)
    if number is None and text.isascii() and text.isdigit() and int(text) > 0:
        raise UsageError(parse_messages.id_too_large(value.strip()))
    if number is None:
        raise UsageError(parse_messages.bad_id(value, what, label(prefix, 3)))
    return number
