"""The tables as SQLModel classes: the one definition of the journal's schema.

Columns, types, server defaults, CHECKs (enumerated choices and bounds), foreign keys and indexes
are all stated here. The migrations in `migrations.py` are the history that builds this schema in
a journal, and a test compares the two, DDL for DDL. The JSON format's table list
(`export/table_data.py`) is generated from these classes, so a column here is exported and
imported. Choices and bounds the database does not check (the JSON import does) are kept in the
column's `info`.
"""

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Index, Text, UniqueConstraint
from sqlalchemy import text as sql
from sqlmodel import AutoString, Field, SQLModel

from stepwork.domain.daily import CRAVING_RANGE, HALT, MOOD_RANGE, TRIGGER_KINDS
from stepwork.domain.network import HOWS, ROLES
from stepwork.domain.states import AmendsKind, AmendsStatus, AnswerState, SessionStatus
from stepwork.store.values import new_uid, utc_now

__all__ = ["new_uid", "utc_now"]

SQLITE_MAX = 2**63 - 1
STEPS = (1, 12)
FLOWS = (
    *(f"step-{n}" for n in range(1, 13)),
    "review",
    "morning",
    "plan",
    *(f"inventory-{s}" for s in ("resentment", "fear", "sex", "harm")),
)
SECTIONS = ("resentment", "fear", "sex", "harm")
ENTRY_KINDS = ("gratitude", "meeting", "trigger")
CHANGE_KINDS = ("reset", "set", "rename", "delete")


def one_of(column: str, values: Sequence[str]) -> CheckConstraint:
    """A CHECK that `column` holds one of `values` (or NULL, where the column allows it)."""
    words = tuple(str(v) for v in values)
    listed = ", ".join(f"'{v}'" for v in words)
    return CheckConstraint(f"{column} IN ({listed})", info={"column": column, "choices": words})


def between(column: str, bounds: tuple[int, int]) -> CheckConstraint:
    low, high = bounds
    return CheckConstraint(
        f"{column} BETWEEN {low} AND {high}", info={"column": column, "bounds": bounds}
    )


def kept(value: str | bool, **info: Any) -> Any:
    """A column the database fills with `value` when an insert leaves it out."""
    literal = str(int(value)) if isinstance(value, bool) else "'" + value.replace("'", "''") + "'"
    return Field(
        default=value, sa_column_kwargs={"server_default": sql(literal), "info": dict(info)}
    )


def described(**info: Any) -> dict[str, Any]:
    """Column facts for the JSON import that the database does not check (see table_data)."""
    return {"info": info}


class GuidedSession(SQLModel, table=True):
    __tablename__ = "guided_session"
    __table_args__ = (
        one_of("status", tuple(SessionStatus)),
        Index("ix_guided_session_flow_status", "flow", "status"),
        Index("ix_guided_session_step", "step"),
        Index("ix_guided_session_local_date", "local_date", "started_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    flow: str = Field(sa_column_kwargs=described(choices=FLOWS))
    step: int | None = Field(default=None, sa_column_kwargs=described(bounds=STEPS))
    status: str = SessionStatus.OPEN
    local_date: date
    started_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)
    finished_at: datetime | None = None


class Answer(SQLModel, table=True):
    __tablename__ = "answer"
    __table_args__ = (
        one_of("state", tuple(AnswerState)),
        UniqueConstraint("session_id", "question_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    session_id: int = Field(foreign_key="guided_session.id", ondelete="CASCADE")
    position: int = Field(sa_column_kwargs=described(bounds=(0, SQLITE_MAX)))
    question_key: str
    question_text: str
    text: str = kept("")
    state: str
    answered_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class InventoryItem(SQLModel, table=True):
    """One row of the fourth-step inventory; its columns are the answers of its session."""

    __tablename__ = "inventory_item"
    __table_args__ = (
        one_of("section", SECTIONS),
        Index("ix_inventory_item_section", "section"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    session_id: int = Field(foreign_key="guided_session.id", ondelete="CASCADE", unique=True)
    section: str
    for_therapist: bool = kept(False)
    for_sponsor: bool = kept(False)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class InventoryShare(SQLModel, table=True):
    """An inventory item shared with someone (step five) on a day."""

    __tablename__ = "inventory_share"
    __table_args__ = (Index("ix_inventory_share_item", "item_id"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    item_id: int = Field(foreign_key="inventory_item.id", ondelete="CASCADE")
    shared_with: str
    shared_on: date
    created_at: datetime = Field(default_factory=utc_now)


class Amends(SQLModel, table=True):
    """A person on the amends list (steps eight and nine)."""

    __tablename__ = "amends"
    __table_args__ = (
        one_of("kind", tuple(AmendsKind)),
        one_of("status", tuple(AmendsStatus)),
        Index("ix_amends_status", "status"),
        Index("ix_amends_created_at", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    item_id: int | None = Field(
        default=None, foreign_key="inventory_item.id", ondelete="SET NULL", unique=True
    )
    person: str
    harm: str = kept("")
    kind: str | None = None
    status: str = kept(AmendsStatus.NOT_WILLING.value)
    would_injure: bool = kept(False)
    planned_on: date | None = Field(default=None, sa_column_kwargs=described(future=True))
    notes: str = kept("")
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class Checkin(SQLModel, table=True):
    """A daily check-in; several a day are fine. `local_date` is the person's own day."""

    __tablename__ = "checkin"
    __table_args__ = (
        between("mood", MOOD_RANGE),
        between("craving", CRAVING_RANGE),
        Index("ix_checkin_local_date_created", "local_date", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    local_date: date
    mood: int | None = None
    craving: int | None = None
    halt: str = kept("", choices=HALT, many=True)
    note: str = kept("")
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class DailyEntry(SQLModel, table=True):
    """A gratitude, a meeting or a trigger: part of a check-in, or (gratitude) on its own."""

    __tablename__ = "daily_entry"
    __table_args__ = (
        one_of("kind", ENTRY_KINDS),
        Index("ix_daily_entry_kind_date", "kind", "local_date"),
        Index("ix_daily_entry_checkin", "checkin_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    checkin_id: int | None = Field(default=None, foreign_key="checkin.id", ondelete="CASCADE")
    kind: str
    category: str | None = Field(default=None, sa_column_kwargs=described(choices=TRIGGER_KINDS))
    text: str
    local_date: date
    created_at: datetime = Field(default_factory=utc_now)


class Service(SQLModel, table=True):
    """Service done, or the message carried to someone still struggling (step twelve)."""

    __tablename__ = "service"
    __table_args__ = (Index("ix_service_local_date_created", "local_date", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    local_date: date
    what: str
    carried_message: bool = kept(False)
    note: str = kept("")
    created_at: datetime = Field(default_factory=utc_now)


class SobrietyCounter(SQLModel, table=True):
    __tablename__ = "sobriety_counter"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    name: str = Field(unique=True, sa_type=Text(collation="NOCASE"))
    started_on: date
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class SobrietyRun(SQLModel, table=True):
    """An earlier run of a counter, kept when it was started again."""

    __tablename__ = "sobriety_run"
    __table_args__ = (
        Index("ix_sobriety_run_counter", "counter_id"),
        # For the JSON import: a run may not end before it began.
        {"info": {"ordered": ("started_on", "ended_on")}},
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    counter_id: int = Field(foreign_key="sobriety_counter.id", ondelete="CASCADE")
    started_on: date
    ended_on: date
    note: str = kept("")
    created_at: datetime = Field(default_factory=utc_now)


class SobrietyChange(SQLModel, table=True):
    """A reset, a corrected start, a rename or a deletion of a counter, with what it was before,
    so `sober undo` can put it back. A deleted counter is one with a `delete` change."""

    __tablename__ = "sobriety_change"
    __table_args__ = (
        one_of("kind", CHANGE_KINDS),
        Index("ix_sobriety_change_counter", "counter_id", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    counter_id: int = Field(foreign_key="sobriety_counter.id", ondelete="CASCADE")
    kind: str
    previous_start: date
    previous_name: str
    run_id: int | None = Field(default=None, foreign_key="sobriety_run.id", ondelete="SET NULL")
    created_at: datetime = Field(default_factory=utc_now)


class Note(SQLModel, table=True):
    """A free journal note, such as an entry imported from jrnl."""

    __tablename__ = "note"
    __table_args__ = (Index("ix_note_local_date", "local_date"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    local_date: date
    written_at: datetime
    title: str = kept("")
    body: str = kept("")
    tags: str = kept("")
    starred: bool = kept(False)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class Person(SQLModel, table=True):
    """Someone in the person's sober network: a sponsor, a friend in recovery, a therapist..."""

    __tablename__ = "person"
    __table_args__ = (one_of("role", ROLES),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    name: str
    role: str = kept("other")
    reach: str = kept("")
    note: str = kept("")
    hard_moments: bool = kept(False)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class Contact(SQLModel, table=True):
    """Reaching out to someone in the network on a day (from `reached` or a check-in)."""

    __tablename__ = "contact"
    __table_args__ = (
        one_of("how", HOWS),
        Index("ix_contact_local_date", "local_date"),
        Index("ix_contact_person", "person_id", "local_date"),
        Index("ix_contact_checkin", "checkin_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    checkin_id: int | None = Field(default=None, foreign_key="checkin.id", ondelete="CASCADE")
    local_date: date
    how: str | None = None
    note: str = kept("")
    created_at: datetime = Field(default_factory=utc_now)


class Tombstone(SQLModel, table=True):
    """A record that was deleted: its uid and table, and when; never its text. Every other
    table's rows leave one (a trigger per table, see `migrations.py`)."""

    __tablename__ = "tombstone"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    table_name: str = Field(sa_column_kwargs=described(choices=tuple(SQLModel.metadata.tables)))
    deleted_at: datetime


# Text in this journal is TEXT (SQLModel's default for `str` is VARCHAR).
for _table in SQLModel.metadata.tables.values():
    for _column in _table.columns:
        if isinstance(_column.type, AutoString):
            _column.type = Text()
