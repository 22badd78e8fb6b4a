"""Check-ins, gratitude, meetings, triggers and service."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import col, select

from stepwork.store.database import database
from stepwork.store.models import Checkin, DailyEntry, Service, utc_now

GRATITUDE, MEETING, TRIGGER = "gratitude", "meeting", "trigger"


@dataclass(frozen=True)
class NewCheckin:
    local_date: date
    mood: int | None = None
    craving: int | None = None
    halt: tuple[str, ...] = ()
    meetings: tuple[str, ...] = ()
    gratitude: tuple[str, ...] = ()
    triggers: tuple[tuple[str, str], ...] = ()
    note: str = ""


def add_checkin(new: NewCheckin) -> int:
    """Save a whole check-in (and its meetings, gratitude and triggers) in one transaction."""
    with database().write() as s:
        row = Checkin(
            local_date=new.local_date,
            mood=new.mood,
            craving=new.craving,
            halt=",".join(new.halt),
            note=new.note,
        )
        s.add(row)
        s.flush()
        assert row.id is not None
        _add_entries(s, row.id, new.local_date, new)
        return row.id


def _add_entries(s, checkin_id: int, day: date, new: NewCheckin) -> None:  # type: ignore[no-untyped-def]
    for text in new.meetings:
        s.add(DailyEntry(checkin_id=checkin_id, kind=MEETING, text=text, local_date=day))
    for text in new.gratitude:
        s.add(DailyEntry(checkin_id=checkin_id, kind=GRATITUDE, text=text, local_date=day))
    for kind, text in new.triggers:
        s.add(
            DailyEntry(
                checkin_id=checkin_id, kind=TRIGGER, category=kind, text=text, local_date=day
            )
        )


def start_checkin(day: date) -> int:
    """An empty check-in that a guided check-in fills answer by answer."""
    with database().write() as s:
        row = Checkin(local_date=day)
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


def update_checkin(checkin_id: int, **values: object) -> None:
    with database().write() as s:
        row = s.get(Checkin, checkin_id)
        if row is None:
            return
        for key, value in values.items():
            setattr(row, key, value)
        row.updated_at = utc_now()
        s.add(row)


def replace_entries(checkin_id: int, kind: str, items: list[tuple[str | None, str]]) -> None:
    """Set a check-in's meetings, gratitude or triggers (as answered so far)."""
    with database().write() as s:
        row = s.get(Checkin, checkin_id)
        if row is None:
            return
        for old in s.exec(
            select(DailyEntry).where(DailyEntry.checkin_id == checkin_id, DailyEntry.kind == kind)
        ):
            s.delete(old)
        for category, text in items:
            s.add(
                DailyEntry(
                    checkin_id=checkin_id,
                    kind=kind,
                    category=category,
                    text=text,
                    local_date=row.local_date,
                )
            )


def delete_checkin_if_empty(checkin_id: int) -> bool:
    with database().write() as s:
        row = s.get(Checkin, checkin_id)
        if row is None:
            return False
        has_entries = s.exec(
            select(DailyEntry.id).where(DailyEntry.checkin_id == checkin_id).limit(1)
        ).first()
        empty = row.mood is None and row.craving is None and not row.halt and not row.note
        if empty and has_entries is None:
            s.delete(row)
            return True
        return False


def checkins_between(first: date, last: date) -> list[Checkin]:
    with database().read() as s:
        return list(
            s.exec(
                select(Checkin)
                .where(Checkin.local_date >= first, Checkin.local_date <= last)
                .order_by(col(Checkin.local_date), col(Checkin.id))
            ).all()
        )


def checkin_days() -> set[date]:
    with database().read() as s:
        return set(s.exec(select(Checkin.local_date).distinct()).all())


def has_checkin_on(day: date) -> bool:
    with database().read() as s:
        return (
            s.exec(select(Checkin.id).where(Checkin.local_date == day).limit(1)).first() is not None
        )


def entries_between(kind: str, first: date, last: date) -> list[DailyEntry]:
    with database().read() as s:
        return list(
            s.exec(
                select(DailyEntry)
                .where(
                    DailyEntry.kind == kind,
                    DailyEntry.local_date >= first,
                    DailyEntry.local_date <= last,
                )
                .order_by(col(DailyEntry.local_date), col(DailyEntry.id))
            ).all()
        )


def add_gratitude(text: str, day: date) -> None:
    with database().write() as s:
        s.add(DailyEntry(kind=GRATITUDE, text=text, local_date=day))


def recent_gratitude(limit: int) -> list[DailyEntry]:
    with database().read() as s:
        return list(
            s.exec(
                select(DailyEntry)
                .where(DailyEntry.kind == GRATITUDE)
                .order_by(col(DailyEntry.local_date).desc(), col(DailyEntry.id).desc())
                .limit(limit)
            ).all()
        )


def add_service(what: str, day: date, carried_message: bool, note: str) -> None:
    with database().write() as s:
        s.add(Service(what=what, local_date=day, carried_message=carried_message, note=note))


def recent_service(limit: int) -> list[Service]:
    with database().read() as s:
        return list(
            s.exec(
                select(Service)
                .order_by(col(Service.local_date).desc(), col(Service.id).desc())
                .limit(limit)
            ).all()
        )


def count_checkins() -> int:
    with database().read() as s:
        return int(s.exec(select(func.count()).select_from(Checkin)).one())
