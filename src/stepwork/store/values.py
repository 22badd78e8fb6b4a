"""Values as the journal stores them, shared by the SQLModel models and the raw SQL paths."""

import uuid
from datetime import UTC, date, datetime

STAMP = "%Y-%m-%d %H:%M:%S.%f"


def new_uid() -> str:
    return uuid.uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC)


def now_stamp() -> str:
    """Now in UTC, in the same text form SQLModel writes for an aware datetime."""
    return utc_now().strftime(STAMP)


def read_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def read_day(text: str) -> date:
    return date.fromisoformat(text)
