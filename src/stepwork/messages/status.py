"""`stepwork status`: the words of the line for a shell prompt (a catalogue of its own, so the
prompt loads nothing else)."""

CHECKIN_DUE = "check-in due"
CHECKIN_DONE = "check-in done"
REVIEW_DUE = "review due"
REVIEW_DONE = "review done"
FIELDS = "{checkin} {review} {days} {counter} {line}"


def days(name: str, count: int) -> str:
    return f"{name}: {count} day" + ("" if count == 1 else "s")


def bad_format(detail: str) -> str:
    return f"stepwork status --format: {detail}. The fields are {FIELDS}, each as it is."


def unknown_field(name: str) -> str:
    return bad_format(f"{{{name}}} is not one of the fields")


def field_with_extras(name: str) -> str:
    return bad_format(f"{{{name}}} takes no width, format or conversion")


UNMATCHED_BRACE = "a { or } without its pair (write {{ or }} for the character itself)"


def bad_argument(arg: str) -> str:
    return f"stepwork status: {arg!r} is not an option (see stepwork status --help)"
