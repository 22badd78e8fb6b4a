"""Small Rich helpers shared by the commands."""

from datetime import date, datetime

from rich.console import Console

# The console a pager is collecting a command's output on (cli/paging.py), if any.
collecting: list[Console] = []


def console(stderr: bool = False) -> Console:
    if collecting and not stderr:
        return collecting[-1]
    # Created per call so it always writes to the current sys.stdout (tests swap it).
    return Console(highlight=False, stderr=stderr)


def local_day(moment: datetime | date) -> str:
    """A date as a person reads it, in their own time zone: 'Fri 27 Nov 2026'."""
    if isinstance(moment, datetime):
        moment = moment.astimezone().date()
    return moment.strftime("%a %-d %b %Y")


def short_day(iso_day: str) -> str:
    return date.fromisoformat(iso_day).strftime("%-d %b")
