"""Counting sober time in calendar terms, and the milestones along the way."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later; clamped to the month's end (Feb 29 → Feb 28)."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


@dataclass(frozen=True)
class Span:
    days: int
    years: int
    months: int
    rest_days: int


def counted_from(start: date, today: date) -> date:
    """The day counting starts from: a start later than today (set under a time zone ahead of
    this one, where that day had already begun) counts from today, never below zero."""
    return min(start, today)


def starts_ahead(start: date, today: date) -> bool:
    return start > today


def span(start: date, today: date) -> Span:
    """Whole days since `start`, and the same time as years, months and days."""
    start = counted_from(start, today)
    months = (today.year - start.year) * 12 + today.month - start.month
    if months > 0 and add_months(start, months) > today:
        months -= 1
    months = max(months, 0)
    rest = (today - add_months(start, months)).days
    years, months = divmod(months, 12)
    return Span((today - start).days, years, months, rest)


@dataclass(frozen=True)
class Milestone:
    label: str
    on: date


def milestones(start: date, until: date) -> list[Milestone]:
    """Every milestone from `start` up to and including the first one after `until`."""
    fixed = [
        ("24 hours", start + timedelta(days=1)),
        ("30 days", start + timedelta(days=30)),
        ("60 days", start + timedelta(days=60)),
        ("90 days", start + timedelta(days=90)),
        ("6 months", add_months(start, 6)),
        ("9 months", add_months(start, 9)),
        ("1 year", add_months(start, 12)),
        ("18 months", add_months(start, 18)),
    ]
    found = [Milestone(label, on) for label, on in fixed]
    years = 2
    while found[-1].on <= until:
        found.append(Milestone(f"{years} years", add_months(start, 12 * years)))
        years += 1
    result = []
    for milestone in found:
        result.append(milestone)
        if milestone.on > until:
            break
    return result


def reached_today(start: date, today: date) -> Milestone | None:
    start = counted_from(start, today)
    return next((m for m in milestones(start, today) if m.on == today), None)


def next_milestone(start: date, today: date) -> Milestone:
    start = counted_from(start, today)
    return next(m for m in milestones(start, today) if m.on > today)
