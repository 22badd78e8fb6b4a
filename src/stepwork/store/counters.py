"""Sobriety counters and their earlier runs."""

from datetime import date

from sqlalchemy import func
from sqlmodel import col, select

from stepwork.store.database import database
from stepwork.store.models import SobrietyCounter, SobrietyRun, utc_now


def find(name: str) -> SobrietyCounter | None:
    with database().read() as s:
        return s.exec(
            select(SobrietyCounter).where(func.lower(SobrietyCounter.name) == name.lower())
        ).first()


def all_counters() -> list[SobrietyCounter]:
    with database().read() as s:
        return list(s.exec(select(SobrietyCounter).order_by(col(SobrietyCounter.id))).all())


def start(name: str, day: date) -> SobrietyCounter:
    with database().write() as s:
        counter = SobrietyCounter(name=name, started_on=day)
        s.add(counter)
        s.flush()
        return counter


def reset(counter_id: int, day: date, note: str) -> SobrietyRun:
    """Keep the current run in the history and count again from `day`."""
    with database().write() as s:
        counter = s.get(SobrietyCounter, counter_id)
        assert counter is not None
        run = SobrietyRun(
            counter_id=counter_id, started_on=counter.started_on, ended_on=day, note=note
        )
        s.add(run)
        counter.started_on, counter.updated_at = day, utc_now()
        s.add(counter)
        s.flush()
        return run


def history(counter_id: int) -> list[SobrietyRun]:
    with database().read() as s:
        return list(
            s.exec(
                select(SobrietyRun)
                .where(SobrietyRun.counter_id == counter_id)
                .order_by(col(SobrietyRun.started_on))
            ).all()
        )
