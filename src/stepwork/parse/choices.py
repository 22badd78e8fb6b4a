"""Reading short structured answers: yes/no, and any-of choices by number or name."""

from stepwork.messages import parse as parse_messages
from stepwork.parse.numbers import is_digits

YES, NO = "yes", "no"
SEPARATOR = ", "


def parse_yes_no(raw: str) -> str:
    reply = raw.strip().lower()
    if reply in ("y", "yes"):
        return YES
    if reply in ("n", "no"):
        return NO
    raise ValueError(parse_messages.YES_NO_HINT)


def parse_number(raw: str, low: int, high: int) -> str:
    try:
        value = int(raw.strip())
    except ValueError:
        raise ValueError(parse_messages.number_hint(low, high)) from None
    if not low <= value <= high:
        raise ValueError(parse_messages.number_hint(low, high))
    return str(value)


class BadChoice(ValueError):
    """A token that stands for none of the options (or for more than one)."""

    def __init__(self, token: str, count: int) -> None:
        super().__init__(parse_messages.bad_choice(token, count))
        self.token = token


def parse_choices(raw: str, options: tuple[str, ...]) -> str:
    """Several of the options, one rule everywhere (guided answers, options, edits): numbers or
    names (or their starts), separated by spaces, commas or both: '3 4', '3,4', '3, 4',
    'lonely tired' → 'lonely, tired' in the options' order."""
    picked: set[str] = set()
    for typed in raw.replace(";", ",").split(","):
        token = typed.strip().lower()
        if not token:
            continue
        whole = _choice(token, options)
        if whole is not None:
            picked.add(whole)
            continue
        # "3 4" or "hungry tired": several choices separated by spaces.
        words = [_choice(word, options) for word in token.split()]
        if len(words) < 2 or None in words:
            raise BadChoice(typed.strip(), len(options))
        picked.update(w for w in words if w is not None)
    if not picked:
        raise BadChoice(raw.strip(), len(options))
    return SEPARATOR.join(o for o in options if o in picked)


def _choice(token: str, options: tuple[str, ...]) -> str | None:
    """The option a number or a name (or the start of one) stands for, if exactly one."""
    if is_digits(token):
        return options[int(token) - 1] if 1 <= int(token) <= len(options) else None
    matches = [o for o in options if o.lower() == token] or [
        o for o in options if o.lower().startswith(token)
    ]
    return matches[0] if len(matches) == 1 else None


def tags(stored: str) -> list[str]:
    return [t.strip() for t in stored.split(",") if t.strip()]


def menu(options: tuple[str, ...], width: int | None = None) -> str:
    """The numbered options on one line, or, given a `width`, on as many lines as they need
    with no option split across two."""
    items = [f"{i} {option}" for i, option in enumerate(options, start=1)]
    if width is None:
        return "   ".join(items)
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 3 + len(item) <= width:
            lines[-1] += "   " + item
        else:
            lines.append(item)
    return "\n".join(lines)
