"""How much text one field may hold: generous for writing, a guard against mistakes (a pasted
file, a runaway script) that would make the journal unwieldy."""

from stepwork.errors import UsageError
from stepwork.messages import outputs as outputs_messages

MAX_TEXT = 100_000
MAX_IMPORTED_TEXT = 1_000_000


def text(what: str, value: str, allow_empty: bool = True) -> str:
    """The value, stripped; refused with one clear line when empty (if not allowed) or too long."""
    clean = value.strip()
    if not clean and not allow_empty:
        raise UsageError(outputs_messages.empty_value(what))
    if len(clean) > MAX_TEXT:
        raise UsageError(outputs_messages.too_long(what, MAX_TEXT))
    return clean
