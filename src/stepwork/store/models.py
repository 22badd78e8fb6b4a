"""The tables as SQLModel classes. Their columns mirror `migrations.py`; a test holds them to it."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from stepwork.states import AmendsStatus, SessionStatus
from stepwork.store.values import new_uid, utc_now

__all__ = ["new_uid", "utc_now"]


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


class InventoryItem(SQLModel, table=True):
    """One row of the fourth-step inventory; its columns are the answers of its session."""

    __tablename__ = "inventory_item"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    session_id: int = Field(foreign_key="guided_session.id", ondelete="CASCADE", unique=True)
    section: str = Field(index=True)
    for_therapist: bool = False
    for_sponsor: bool = False
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class InventoryShare(SQLModel, table=True):
    """An inventory item shared with someone (step five) on a day."""

    __tablename__ = "inventory_share"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    item_id: int = Field(foreign_key="inventory_item.id", ondelete="CASCADE", index=True)
    shared_with: str
    shared_on: date
    created_at: datetime = Field(default_factory=utc_now)


class Amends(SQLModel, table=True):
    """A person on the amends list (steps eight and nine)."""

    __tablename__ = "amends"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    item_id: int | None = Field(
        default=None, foreign_key="inventory_item.id", ondelete="SET NULL", unique=True
    )
    person: str
    harm: str = ""
    kind: str | None = None
    status: str = AmendsStatus.NOT_WILLING
    would_injure: bool = False
    planned_on: date | None = None
    notes: str = ""
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class Checkin(SQLModel, table=True):
    """A daily check-in; several a day are fine. `local_date` is the person's own day."""

    __tablename__ = "checkin"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    local_date: date = Field(index=True)
    mood: int | None = None
    craving: int | None = None
    halt: str = ""
    note: str = ""
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class DailyEntry(SQLModel, table=True):
    """A gratitude, a meeting or a trigger: part of a check-in, or (gratitude) on its own."""

    __tablename__ = "daily_entry"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    checkin_id: int | None = Field(
        default=None, foreign_key="checkin.id", ondelete="CASCADE", index=True
    )
    kind: str
    category: str | None = None
    text: str
    local_date: date
    created_at: datetime = Field(default_factory=utc_now)


class Service(SQLModel, table=True):
    """Service done, or the message carried to someone still struggling (step twelve)."""

    __tablename__ = "service"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    local_date: date = Field(index=True)
    what: str
    carried_message: bool = False
    note: str = ""
    created_at: datetime = Field(default_factory=utc_now)


class SobrietyCounter(SQLModel, table=True):
    __tablename__ = "sobriety_counter"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    name: str = Field(unique=True)
    started_on: date
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class SobrietyRun(SQLModel, table=True):
    """An earlier run of a counter, kept when it was started again."""

    __tablename__ = "sobriety_run"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    counter_id: int = Field(foreign_key="sobriety_counter.id", ondelete="CASCADE", index=True)
    started_on: date
    ended_on: date
    note: str = ""
    created_at: datetime = Field(default_factory=utc_now)


class Tombstone(SQLModel, table=True):
    """A record that was deleted: its uid and table, and when; never its text."""

    __tablename__ = "tombstone"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    table_name: str
    deleted_at: datetime


class SobrietyChange(SQLModel, table=True):
    """A reset, a corrected start, a rename or a deletion of a counter, with what it was before,
    so `sober undo` can put it back. A deleted counter is one with a `delete` change."""

    __tablename__ = "sobriety_change"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    counter_id: int = Field(foreign_key="sobriety_counter.id", ondelete="CASCADE", index=True)
    kind: str
    previous_start: date
    previous_name: str
    run_id: int | None = Field(default=None, foreign_key="sobriety_run.id", ondelete="SET NULL")
    created_at: datetime = Field(default_factory=utc_now)


class Note(SQLModel, table=True):
    """A free journal note, such as an entry imported from jrnl."""

    __tablename__ = "note"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    local_date: date = Field(index=True)
    written_at: datetime
    title: str = ""
    body: str = ""
    tags: str = ""
    starred: bool = False
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class Person(SQLModel, table=True):
    """Someone in the person's sober network: a sponsor, a friend in recovery, a therapist..."""

    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    name: str
    role: str = "other"
    reach: str = ""
    note: str = ""
    hard_moments: bool = False
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class Contact(SQLModel, table=True):
    """Reaching out to someone in the network on a day (from `reached` or a check-in)."""

    __tablename__ = "contact"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    checkin_id: int | None = Field(
        default=None, foreign_key="checkin.id", ondelete="CASCADE", index=True
    )
    local_date: date = Field(index=True)
    how: str | None = None
    note: str = ""
    created_at: datetime = Field(default_factory=utc_now)
