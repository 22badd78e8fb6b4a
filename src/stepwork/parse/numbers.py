"""Whole numbers typed by a person (options, IDs, answers), read with one clear message when they
are not: only the digits 0-9 count (not '⁰' or '²'), and never beyond what SQLite can hold."""

from stepwork.errors import UsageError
from stepwork.messages import parse as parse_messages

SQLITE_MAX = 2**63 - 1
# More digits than this cannot be within SQLite's range; checked before int() reads them.
_MAX_DIGITS = len(str(SQLITE_MAX))


def is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def natural(text: str, high: int = SQLITE_MAX) -> int | None:
    """'12' → 12; None unless it is plain digits for a number from 1 to `high`."""
    text = text.strip()
    if not is_digits(text) or len(text.lstrip("0")) > _MAX_DIGITS:
        return None
    number = int(text)
    return number if 1 <= number <= high else None


def whole(
    option: str, value: str | None, low: int = -SQLITE_MAX, high: int = SQLITE_MAX
) -> int | None:
    if value is None:
        return None
    text = value.strip()
    digits = text[1:] if text.startswith("-") else text
    if not is_digits(digits):
        raise UsageError(parse_messages.not_a_whole_number(option, value))
    if len(digits.lstrip("0")) > _MAX_DIGITS or not low <= int(text) <= high:
        raise UsageError(parse_messages.number_out_of_range(option, text, low, high))
    return int(text)


def count(option: str, value: str | None, default: int) -> int:
    """How many to show: a whole number from 1 up."""
    number = whole(option, value, low=1)
    return default if number is None else number
