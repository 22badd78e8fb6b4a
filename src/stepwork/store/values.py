"""Values as the journal stores them, shared by the SQLModel models and the raw SQL paths."""

import uuid
from datetime import UTC, date, datetime, timedelta

STAMP = "%Y-%m-%d %H:%M:%S.%f"


def new_uid() -> str:
    return uuid.uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC)


def now_stamp() -> str:
    """Now in UTC, in the same text form SQLModel writes for an aware datetime."""
    return utc_now().strftime(STAMP)


TICK = timedelta(microseconds=1)


def edit_time(previous: datetime | str | None) -> datetime:
    """When a local edit happens: now, or one microsecond after the time it replaces when that
    lies ahead (a record imported from a device whose clock runs fast). A local edit is always
    the newer one, so importing the older file again never undoes it."""
    now = utc_now()
    if previous is None:
        return now
    before = read_stamp(previous) if isinstance(previous, str) else previous
    if before.tzinfo is None:
        before = before.replace(tzinfo=UTC)
    return max(now, before + TICK)


def edit_stamp(previous: str | None) -> str:
    """`edit_time` as the journal stores it; SQL gets it as `edit_stamp(updated_at)`."""
    return edit_time(previous).astimezone(UTC).strftime(STAMP)


def read_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def read_day(text: str) -> date:
    return date.fromisoformat(text)
