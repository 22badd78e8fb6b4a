"""`stepwork status`: one short line for a shell prompt or a tmux status line.

It runs before every prompt, so it is answered before Typer is loaded (see `cli.main`), with no
Rich, no SQLAlchemy, no pathlib and no platformdirs on Linux: one query on the journal, and the
settings module only when there is a settings file. An encrypted journal is never unlocked here
(a prompt must not stop to ask for a passphrase): it prints nothing.
"""

import sys
from collections.abc import Sequence

from stepwork.messages import status as status_messages

REVIEW_HOUR_DEFAULT = "20"
"""The settings' defaults for the status line (settings.py refers to these), known here without
loading the settings when there is no settings file."""
QUIET_DEFAULT = "false"


class Options:
    # A plain class: a NamedTuple's making costs a shell prompt a little every time.
    def __init__(self, template: str | None = None, quiet: bool = False) -> None:
        self.template = template
        self.quiet = quiet


class BadArguments(Exception):
    pass


def parse(args: Sequence[str]) -> Options:
    """`status [--format TEMPLATE] [--quiet]` (the Typer command documents the same)."""
    template, quiet = None, False
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg in ("-q", "--quiet"):
            quiet = True
        elif arg in ("-f", "--format") and rest:
            template = rest.pop(0)
        elif arg.startswith("--format="):
            template = arg.partition("=")[2]
        else:
            raise BadArguments(status_messages.bad_argument(arg))
    return Options(template, quiet)


def _settings() -> dict[str, str]:
    import os

    from stepwork import home

    if not os.path.lexists(os.path.join(home.config_dir_text(), home.SETTINGS_NAME)):
        return {"status_review_hour": REVIEW_HOUR_DEFAULT, "status_quiet": QUIET_DEFAULT}
    from stepwork import settings

    return settings.load(warn=False)  # a prompt stays quiet about a setting it cannot use


def fields(values: dict[str, str]) -> dict[str, str] | None:
    """What the line can show, or None when the journal cannot be read without a passphrase."""
    import os

    from stepwork import home
    from stepwork.controls import visible
    from stepwork.parse import dates
    from stepwork.store import status

    now = dates.now_local()
    try:
        today = status.today(os.path.join(home.data_dir_text(), home.DATABASE_NAME), now.date())
    except status.Unreadable:
        return None
    review_due = now.hour >= int(values["status_review_hour"]) and not today.review_done
    checkin = status_messages.CHECKIN_DONE if today.checkin_done else status_messages.CHECKIN_DUE
    if today.review_done:
        review = status_messages.REVIEW_DONE
    else:
        review = status_messages.REVIEW_DUE if review_due else ""
    days = ""
    counter = visible(" ".join((today.counter or "").split()))
    if today.counter_started is not None:
        days = str(max(0, (now.date() - today.counter_started).days))
    due = not today.checkin_done or review_due
    summary = [line for line in (checkin, review) if line]
    if days:
        summary.append(status_messages.days(counter, int(days)))
    return {
        "checkin": checkin,
        "review": review,
        "days": days,
        "counter": counter,
        "line": " · ".join(summary),
        "is_due": "1" if due else "",
    }


def line(options: Options) -> str:
    from stepwork.controls import visible

    if options.template is not None:
        _check(options.template)  # a mistake is said even when the journal is locked
    values = _settings()
    shown = fields(values)
    if shown is None:
        return ""
    anything_due = shown.pop("is_due")
    quiet = options.quiet or values["status_quiet"] == "true"
    if quiet and not anything_due:
        return ""
    if options.template is None:
        return visible(shown["line"])  # the usual case, without loading `string`
    return visible(_filled(options.template, shown))


FIELD_NAMES = ("checkin", "review", "days", "counter", "line")


def _check(template: str) -> None:
    _filled(template, dict.fromkeys(FIELD_NAMES, ""))


def _filled(template: str, shown: dict[str, str]) -> str:
    """The template with its fields filled in: plain {names} only (no widths, attributes or
    conversions, which could run long or reach into Python's objects)."""
    import string

    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        raise BadArguments(status_messages.bad_format(status_messages.UNMATCHED_BRACE)) from None
    text = []
    for literal, name, spec, conversion in parts:
        text.append(literal)
        if name is None:
            continue
        if name not in shown:
            raise BadArguments(status_messages.unknown_field(name))
        if spec or conversion:
            raise BadArguments(status_messages.field_with_extras(name))
        text.append(shown[name])
    return "".join(text)


def main(args: Sequence[str]) -> int:
    try:
        text = line(parse(args))
    except BadArguments as problem:
        from stepwork.controls import visible

        print(visible(str(problem)), file=sys.stderr)
        return 2
    except Exception:  # a shell prompt shows nothing rather than a traceback
        return 0
    if text:
        print(text)
    return 0
