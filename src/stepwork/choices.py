"""Reading short structured answers: yes/no, and any-of choices by number or name."""

from stepwork import messages
from stepwork.numbers import is_digits

YES, NO = "yes", "no"
SEPARATOR = ", "


def parse_yes_no(raw: str) -> str:
    reply = raw.strip().lower()
    if reply in ("y", "yes"):
        return YES
    if reply in ("n", "no"):
        return NO
    raise ValueError(messages.YES_NO_HINT)


def parse_number(raw: str, low: int, high: int) -> str:
    try:
        value = int(raw.strip())
    except ValueError:
        raise ValueError(messages.number_hint(low, high)) from None
    if not low <= value <= high:
        raise ValueError(messages.number_hint(low, high))
    return str(value)


def parse_choices(raw: str, options: tuple[str, ...]) -> str:
    """'1,3' or 'pride, finances' (or a mix) → 'self-esteem, ambitions' in the options' order."""
    picked: set[str] = set()
    for token in raw.replace(";", ",").split(","):
        token = token.strip().lower()
        if not token:
            continue
        if is_digits(token) and 1 <= int(token) <= len(options):
            picked.add(options[int(token) - 1])
            continue
        matches = [o for o in options if o.lower() == token] or [
            o for o in options if o.lower().startswith(token)
        ]
        if len(matches) != 1:
            raise ValueError(messages.bad_choice(token, len(options)))
        picked.add(matches[0])
    if not picked:
        raise ValueError(messages.bad_choice(raw.strip(), len(options)))
    return SEPARATOR.join(o for o in options if o in picked)


def tags(stored: str) -> list[str]:
    return [t.strip() for t in stored.split(",") if t.strip()]


def menu(options: tuple[str, ...]) -> str:
    return "   ".join(f"{i} {option}" for i, option in enumerate(options, start=1))
