"""A person's days: 'today', 'yesterday' or YYYY-MM-DD, in their own local calendar."""

from datetime import date, datetime, timedelta

from stepwork.errors import UsageError
from stepwork.messages import parse as parse_messages

EARLIEST_DAY = date(1900, 1, 1)
"""No day in a person's recovery comes before this; earlier ones are typing slips (0001-01-01)."""


def now_local() -> datetime:
    """The person's own clock. Every "today" in stepwork comes from here (tests freeze it)."""
    return datetime.now().astimezone()


def local_day(moment: datetime | date) -> str:
    """A date as a person reads it, in their own time zone: 'Fri 27 Nov 2026'."""
    if isinstance(moment, datetime):
        moment = moment.astimezone().date()
    return moment.strftime("%a %-d %b %Y")


def today() -> date:
    return now_local().date()


def parse_day(value: str, allow_future: bool = True) -> date:
    text = value.strip().lower()
    if text == "today":
        day = today()
    elif text == "yesterday":
        day = today() - timedelta(days=1)
    else:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise UsageError(parse_messages.bad_date(value)) from None
        if len(text) != 10:  # fromisoformat also takes 20261127; people mean YYYY-MM-DD
            raise UsageError(parse_messages.bad_date(value))
    if day < EARLIEST_DAY:
        raise UsageError(parse_messages.too_early_date(value.strip(), EARLIEST_DAY.isoformat()))
    if not allow_future and day > today():
        raise UsageError(parse_messages.future_date(day.isoformat()))
    return day
