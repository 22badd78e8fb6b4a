"""Small Rich helpers shared by the commands."""

from datetime import date, datetime

from rich.console import Console


def console(stderr: bool = False) -> Console:
    # Created per call so it always writes to the current sys.stdout (tests swap it).
    return Console(highlight=False, stderr=stderr)


def local_day(moment: datetime | date) -> str:
    """A date as a person reads it, in their own time zone: 'Fri 27 Nov 2026'."""
    if isinstance(moment, datetime):
        moment = moment.astimezone().date()
    return moment.strftime("%a %-d %b %Y")


def short_day(iso_day: str) -> str:
    return date.fromisoformat(iso_day).strftime("%-d %b")
