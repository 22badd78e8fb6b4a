"""Daily check-ins as values: reading them from flags or answers, and the numbers in `stats`."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from stepwork.errors import UsageError
from stepwork.messages import daily as daily_messages
from stepwork.parse import choices, limits

HALT = ("hungry", "angry", "lonely", "tired")
TRIGGER_KINDS = ("person", "place", "thing")
MOOD_RANGE = (1, 10)
CRAVING_RANGE = (0, 10)


def check_rating(name: str, value: int, bounds: tuple[int, int]) -> int:
    low, high = bounds
    if not low <= value <= high:
        raise UsageError(daily_messages.rating_out_of_range(name, value, low, high))
    return value


def parse_halt(values: Iterable[str]) -> list[str]:
    """'tired,lonely', '3 4' (or several flags) → ['lonely', 'tired'] in HALT order, by the
    one rule for choices (`parse.choices`)."""
    picked: set[str] = set()
    for value in values:
        if not value.strip():
            continue
        try:
            picked.update(choices.tags(choices.parse_choices(value, HALT)))
        except choices.BadChoice as bad:
            raise UsageError(daily_messages.bad_halt(bad.token)) from None
    return [h for h in HALT if h in picked]


@dataclass(frozen=True)
class Trigger:
    kind: str
    text: str


def parse_trigger(value: str) -> Trigger:
    """'place:the old bar' → Trigger('place', 'the old bar'). One rule wherever a trigger is
    written (an option, a guided answer, an edit): without its kind it is refused."""
    trigger = read_trigger(value)
    if trigger is None:
        raise UsageError(daily_messages.bad_trigger(value))
    return trigger


def read_trigger(value: str) -> Trigger | None:
    """The trigger in `value`, or None when it does not say person:, place: or thing:."""
    kind, sep, text = value.partition(":")
    kind, text = kind.strip().lower(), limits.text("trigger", text)
    if not sep or kind not in TRIGGER_KINDS or not text:
        return None
    return Trigger(kind, text)


def trigger_lines(text: str) -> list[Trigger]:
    """One trigger a line (blank lines left out); ValueError names the first without a kind."""
    found = []
    for line in text.splitlines():
        if not line.strip():
            continue
        trigger = read_trigger(line)
        if trigger is None:
            raise ValueError(daily_messages.trigger_needs_kind(line.strip()))
        found.append(trigger)
    return found


def clean_items(what: str, values: Iterable[str]) -> list[str]:
    """Each given value checked: none may be empty or too long (never silently dropped)."""
    return [limits.text(what, v, allow_empty=False) for v in values]


# --- stats ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckinPoint:
    local_date: date
    mood: int | None
    craving: int | None
    halt: Sequence[str]


@dataclass
class Stats:
    first_day: date
    last_day: date
    checkins: int
    days_with_checkin: int
    mood_by_day: dict[date, float] = field(default_factory=dict)
    craving_by_day: dict[date, float] = field(default_factory=dict)
    current_streak: int = 0
    longest_streak: int = 0
    halt_counts: dict[str, int] = field(default_factory=dict)
    meetings_per_week: dict[str, int] = field(default_factory=dict)
    top_triggers: list[tuple[str, str, int]] = field(default_factory=list)


def _streaks(days: set[date], today: date) -> tuple[int, int]:
    """(current, longest): the current streak may end yesterday if today is not done yet."""
    longest = run = 0
    previous = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = 0
    cursor = today if today in days else today - timedelta(days=1)
    while cursor in days:
        current += 1
        cursor -= timedelta(days=1)
    return current, longest


def week_label(day: date) -> str:
    """The Monday a week starts on: weeks read better as dates than as ISO week numbers."""
    return (day - timedelta(days=day.weekday())).isoformat()


def compute(
    points: Sequence[CheckinPoint],
    meetings: Sequence[date],
    triggers: Sequence[tuple[str, str]],
    first_day: date,
    today: date,
    all_checkin_days: set[date],
) -> Stats:
    stats = Stats(first_day, today, len(points), len({p.local_date for p in points}))
    moods: dict[date, list[int]] = {}
    cravings: dict[date, list[int]] = {}
    for p in points:
        if p.mood is not None:
            moods.setdefault(p.local_date, []).append(p.mood)
        if p.craving is not None:
            cravings.setdefault(p.local_date, []).append(p.craving)
    stats.mood_by_day = {d: sum(v) / len(v) for d, v in sorted(moods.items())}
    stats.craving_by_day = {d: sum(v) / len(v) for d, v in sorted(cravings.items())}
    stats.current_streak, _ = _streaks(all_checkin_days, today)
    _, stats.longest_streak = _streaks({p.local_date for p in points}, today)
    halt = Counter(word for p in points for word in p.halt)
    stats.halt_counts = {word: halt.get(word, 0) for word in HALT}
    weeks: Counter[str] = Counter(week_label(d) for d in meetings)
    cursor = first_day - timedelta(days=first_day.weekday())
    while cursor <= today:
        stats.meetings_per_week[cursor.isoformat()] = weeks.get(cursor.isoformat(), 0)
        cursor += timedelta(days=7)
    counted = Counter((kind, text.lower()) for kind, text in triggers)
    first_spelling: dict[tuple[str, str], str] = {}
    for kind, text in triggers:
        first_spelling.setdefault((kind, text.lower()), text)
    stats.top_triggers = [(k, first_spelling[(k, t)], n) for (k, t), n in counted.most_common(5)]
    return stats


EIGHTHS = " ▁▂▃▄▅▆▇█"
NO_DATA = "·"


def columns(
    values_by_day: dict[date, float], first: date, last: date, width: int
) -> list[float | None]:
    """One value per chart column: the days are grouped so the chart fits `width` columns."""
    days = (last - first).days + 1
    per_column = max(1, -(-days // max(width, 1)))
    result: list[float | None] = []
    for start in range(0, days, per_column):
        values = [
            values_by_day[d]
            for offset in range(start, min(start + per_column, days))
            if (d := first + timedelta(days=offset)) in values_by_day
        ]
        result.append(sum(values) / len(values) if values else None)
    return result


def bar_chart(values: list[float | None], low: int, high: int, height: int = 5) -> list[str]:
    """Rows of a column chart, top row first, in eighth-block steps; '·' marks no data."""
    rows = []
    for row in range(height - 1, -1, -1):
        line = []
        for value in values:
            if value is None:
                line.append(NO_DATA if row == 0 else " ")
                continue
            share = (value - low) / (high - low) if high > low else 0.0
            eighths = round(max(0.0, min(1.0, share)) * height * 8)
            # A recorded lowest value still shows as a sliver, not as nothing.
            eighths = max(eighths, 1)
            line.append(EIGHTHS[max(0, min(8, eighths - row * 8))])
        rows.append("".join(line))
    return rows
