"""Whole numbers typed as options, read with one clear message when they are not."""

from stepwork import messages
from stepwork.errors import UsageError


def whole(option: str, value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip()
    digits = text[1:] if text.startswith("-") else text
    if not digits.isdigit():
        raise UsageError(messages.not_a_whole_number(option, value))
    return int(text)
