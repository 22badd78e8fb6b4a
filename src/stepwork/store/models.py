"""The tables as SQLModel classes. Their columns mirror `migrations.py`; a test holds them to it."""

import uuid
from datetime import UTC, date, datetime

from sqlmodel import Field, SQLModel

from stepwork.states import SessionStatus


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_uid() -> str:
    return uuid.uuid4().hex


class GuidedSession(SQLModel, table=True):
    __tablename__ = "guided_session"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    flow: str = Field(index=True)
    step: int | None = Field(default=None, index=True)
    status: str = SessionStatus.OPEN
    local_date: date
    started_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)
    finished_at: datetime | None = None


class Answer(SQLModel, table=True):
    __tablename__ = "answer"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    session_id: int = Field(foreign_key="guided_session.id", ondelete="CASCADE")
    position: int
    question_key: str
    question_text: str
    text: str = ""
    state: str
    answered_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)
