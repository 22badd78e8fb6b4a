"""The person's sober network as values: roles and their names, finding someone by a word,
and what connection looks like in the numbers. Pure functions; the store keeps the rows."""

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from stepwork.messages import people as people_messages

ROLES = ("sponsor", "sponsee", "therapist", "home-group", "friend", "family", "other")
"""Stored role keys. The names people see come from `role_names` (below), so renaming a role
never touches the journal."""
DEFAULT_ROLE_NAMES = {
    "sponsor": "sponsor",
    "sponsee": "sponsee",
    "therapist": "therapist",
    "home-group": "home group",
    "friend": "friend in recovery",
    "family": "family",
    "other": "other",
}
HOWS = ("call", "text", "meeting", "coffee")
# The coping plan's answers that name other people (and their numbers).
PLAN_PEOPLE_KEYS = ("people", "people-network")
MIN_CHECKINS_TO_COMPARE = 14
"""Averages with and without connection mean little over fewer check-ins than this."""


def parse_role_names(value: str) -> dict[str, str]:
    """'sponsor=padrino, friend=companion' → names for those roles; ValueError says what's wrong."""
    names: dict[str, str] = {}
    for part in value.split(","):
        if not part.strip():
            continue
        key, sep, name = part.partition("=")
        key, name = key.strip().lower(), " ".join(name.split())
        if not sep or key not in ROLES or not name:
            raise ValueError(people_messages.ROLE_NAMES_HOW + ", ".join(ROLES))
        names[key] = name
    return names


def role_names(setting: str) -> dict[str, str]:
    """Every role's name as the person sees it, their own names over the defaults."""
    try:
        own = parse_role_names(setting)
    except ValueError:
        own = {}
    return DEFAULT_ROLE_NAMES | own


def role_of(text: str, names: dict[str, str]) -> str | None:
    """The role key a word names: its key, its shown name, or the start of either."""
    word = " ".join(text.strip().lower().split())
    if not word:
        return None
    for key, name in names.items():
        if word in (key, name.lower()):
            return key
    starts = {k for k, n in names.items() if k.startswith(word) or n.lower().startswith(word)}
    return starts.pop() if len(starts) == 1 else None


@dataclass(frozen=True)
class Someone:
    id: int
    name: str
    role: str


def find(word: str, people: Sequence[Someone], names: dict[str, str]) -> list[Someone]:
    """Whom `word` means: an ID (p3), a whole name, a role, the start of a name or of a word in
    it, a part of a name, and last a close spelling. More than one back means: ask which."""
    text = " ".join(word.strip().lower().split())
    if not text:
        return []
    if text[:1] == "p" and text[1:].isdigit():
        return [p for p in people if p.id == int(text[1:])]
    exact = [p for p in people if p.name.lower() == text]
    if exact:
        return exact
    role = role_of(text, names)
    if role is not None:
        holding = [p for p in people if p.role == role]
        if holding:
            return holding
    for test in (
        lambda n: n.startswith(text),
        lambda n: any(w.startswith(text) for w in n.split()),
        lambda n: text in n,
    ):
        found = [p for p in people if test(p.name.lower())]
        if found:
            return found
    close = difflib.get_close_matches(text, [p.name.lower() for p in people], n=5, cutoff=0.75)
    return [p for p in people if p.name.lower() in close]


# --- connection in the numbers ------------------------------------------------------------


@dataclass(frozen=True)
class DayValues:
    day: date
    mood: int | None
    craving: int | None


@dataclass
class Connection:
    contacts_per_week: dict[str, int]
    meetings_per_week: dict[str, int]
    days_since_sponsor: int | None
    """None: no sponsor in the network, or never reached."""
    compared: bool
    days_with: int = 0
    days_without: int = 0
    mood_with: float | None = None
    mood_without: float | None = None
    craving_with: float | None = None
    craving_without: float | None = None


def _week(day: date) -> str:
    return (day - timedelta(days=day.weekday())).isoformat()


def _weeks(days: Sequence[date], first: date, last: date) -> dict[str, int]:
    counts = {}
    cursor = first - timedelta(days=first.weekday())
    while cursor <= last:
        counts[cursor.isoformat()] = 0
        cursor += timedelta(days=7)
    for day in days:
        if first <= day <= last:
            counts[_week(day)] = counts.get(_week(day), 0) + 1
    return counts


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def connection(
    checkins: Sequence[DayValues],
    contact_days: Sequence[date],
    meeting_days: Sequence[date],
    first: date,
    today: date,
    sponsor_last: date | None,
) -> Connection:
    """Contacts and meetings per week; and, over enough check-ins, mood and craving on days
    with some connection (a contact or a meeting) beside days without."""
    result = Connection(
        _weeks(contact_days, first, today),
        _weeks(meeting_days, first, today),
        None if sponsor_last is None else max(0, (today - sponsor_last).days),
        compared=len(checkins) >= MIN_CHECKINS_TO_COMPARE,
    )
    if not result.compared:
        return result
    connected = set(contact_days) | set(meeting_days)
    with_days = [c for c in checkins if c.day in connected]
    without = [c for c in checkins if c.day not in connected]
    result.days_with = len({c.day for c in with_days})
    result.days_without = len({c.day for c in without})
    result.mood_with = _mean([c.mood for c in with_days if c.mood is not None])
    result.mood_without = _mean([c.mood for c in without if c.mood is not None])
    result.craving_with = _mean([c.craving for c in with_days if c.craving is not None])
    result.craving_without = _mean([c.craving for c in without if c.craving is not None])
    return result


def strong_days(cravings: Sequence[tuple[date, int]], today: date, threshold: int) -> int:
    """On how many of the last three days (today included) a craving reached `threshold`."""
    recent = {day for day, value in cravings if value >= threshold and (today - day).days < 3}
    return len(recent)
