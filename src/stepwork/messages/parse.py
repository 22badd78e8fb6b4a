"""What is said when a typed date, ID, number, choice or length cannot be read."""


def bad_date(value: str) -> str:
    return f"{value!r} is not a date stepwork understands. Use YYYY-MM-DD, today or yesterday."


def too_early_date(value: str, earliest: str) -> str:
    return f"{value} is too long ago: stepwork keeps days from {earliest} on."


def future_date(value: str) -> str:
    return f"{value} is in the future. Use today or an earlier day."


def bad_id(value: str, what: str, example: str) -> str:
    return f"{value!r} is not {what} ID. IDs look like {example} (as shown in the lists)."


def id_too_large(value: str) -> str:
    return (
        f"{value!r} is larger than any ID, so there is no such record. "
        "The list shows the IDs that exist."
    )


def no_such(what: str, label: str) -> str:
    return f"There is no {what} {label}. The list shows the IDs that exist."


def bad_choice(token: str, count: int) -> str:
    return (
        f"{token!r} is not one of the choices. Type numbers from 1 to {count} "
        "(like 1 3 or 1,3) or the names, separated by spaces or commas."
    )


def number_hint(low: int, high: int) -> str:
    return f"Please type a whole number from {low} to {high}."


YES_NO_HINT = "Please answer y or n."


def number_out_of_range(option: str, value: str, low: int, high: int) -> str:
    shown = value if len(value) <= 24 else value[:20] + "\u2026"
    if low <= -(2**63 - 1):
        return f"{option} takes a whole number, and {shown} is far too large."
    if high >= 2**63 - 1:
        return f"{option} takes a whole number from {low} up, not {shown}."
    return f"{option} takes a whole number from {low} to {high}, not {shown}."


def not_a_whole_number(option: str, value: str) -> str:
    return f"{option} takes a whole number, not {value!r}."
