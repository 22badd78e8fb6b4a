"""`stepwork status`: one short line for a shell prompt or a tmux status line.

It runs before every prompt, so it is answered before Typer is loaded (see `cli.main`), with no
Rich and no SQLAlchemy: the settings file, and one query on the journal. An encrypted journal is
never unlocked here (a prompt must not stop to ask for a passphrase): it prints nothing.
"""

import sys
from collections.abc import Sequence
from typing import NamedTuple

from stepwork import settings
from stepwork.controls import visible
from stepwork.messages import daily as daily_messages
from stepwork.parse import dates

DEFAULT_FORMAT = "{line}"


class Options(NamedTuple):
    template: str | None = None
    quiet: bool = False


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
            raise BadArguments(arg)
    return Options(template, quiet)


def fields(values: dict[str, str]) -> dict[str, str] | None:
    """What the line can show, or None when the journal cannot be read without a passphrase."""
    from stepwork.home import paths
    from stepwork.store import status

    now = dates.now_local()
    try:
        today = status.today(paths().database, now.date())
    except status.Unreadable:
        return None
    review_due = now.hour >= int(values["status_review_hour"]) and not today.review_done
    checkin = (
        daily_messages.STATUS_CHECKIN_DONE
        if today.checkin_done
        else daily_messages.STATUS_CHECKIN_DUE
    )
    if today.review_done:
        review = daily_messages.STATUS_REVIEW_DONE
    else:
        review = daily_messages.STATUS_REVIEW_DUE if review_due else ""
    days = ""
    counter = visible(" ".join((today.counter or "").split()))
    if today.counter_started is not None:
        days = str(max(0, (now.date() - today.counter_started).days))
    due = not today.checkin_done or review_due
    summary = [line for line in (checkin, review) if line]
    if days:
        summary.append(daily_messages.status_days(counter, int(days)))
    return {
        "checkin": checkin,
        "review": review,
        "days": days,
        "counter": counter,
        "line": " · ".join(summary),
        "is_due": "1" if due else "",
    }


def line(options: Options) -> str:
    values = settings.load(warn=False)
    shown = fields(values)
    if shown is None:
        return ""
    anything_due = shown.pop("is_due")
    quiet = options.quiet or values["status_quiet"] == "true"
    if quiet and not anything_due:
        return ""
    template = options.template if options.template is not None else DEFAULT_FORMAT
    return visible(_filled(template, shown))


def _filled(template: str, shown: dict[str, str]) -> str:
    """The template with its fields filled in: plain {names} only (no widths, attributes or
    conversions, which could run long or reach into Python's objects)."""
    import string

    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise BadArguments(daily_messages.status_bad_format(str(exc))) from exc
    text = []
    for literal, name, spec, conversion in parts:
        text.append(literal)
        if name is None:
            continue
        if spec or conversion or name not in shown:
            raise BadArguments(daily_messages.status_bad_format(repr(name)))
        text.append(shown[name])
    return "".join(text)


def main(args: Sequence[str]) -> int:
    try:
        text = line(parse(args))
    except BadArguments as problem:
        detail = str(problem)
        if not detail.startswith("--format"):
            detail = daily_messages.status_bad_argument(detail)
        print(visible(detail), file=sys.stderr)
        return 2
    except Exception:  # a shell prompt shows nothing rather than a traceback
        return 0
    if text:
        print(text)
    return 0
