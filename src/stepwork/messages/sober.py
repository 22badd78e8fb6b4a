"""Sobriety counters."""

from pathlib import Path

from stepwork.messages.common import plural

SOBER_EMPTY = "No counters yet. Start one with: stepwork sober start alcohol --date YYYY-MM-DD"


def time_title(word: str) -> str:
    return f"{word[:1].upper()}{word[1:]} time"


def counter_exists(name: str) -> str:
    return (
        f"There is already a counter called {name!r}. To count again from a new day, use: "
        f"stepwork sober reset {name}"
    )


def deleted_counter_exists(name: str) -> str:
    return (
        f"A counter called {name!r} was deleted and is kept in your history. Bring it back with: "
        f"stepwork sober undo {name}, or choose another name."
    )


def no_counter(name: str) -> str:
    return f"There is no counter called {name!r}. See them all with: stepwork sober"


def counter_started(name: str, day: str) -> str:
    return f"Counting {name} from {day}."


def reset_question(name: str, day: str, kept_days: int) -> str:
    return (
        f"Count {name} again from {day}? The {plural(kept_days, 'day')} so far stay in "
        "your history."
    )


def counter_reset(name: str, day: str, kept_days: int, backup: Path) -> str:
    if kept_days == 0:
        kept = f"The earlier start is kept in your history (stepwork sober history {name}). "
    else:
        days = plural(kept_days, "day")
        were, count, them = (
            ("is", "it still counts", "it")
            if kept_days == 1
            else ("are", "they still count", "them")
        )
        kept = (
            f"The {days} before {were} kept in your history; {count} for something. "
            f"See {them} with: stepwork sober history {name}. "
        )
    return (
        f"Counting {name} again from {day}. {kept}A copy of your journal from just before is "
        f"at {backup}. If this was a mistake: stepwork sober undo {name}"
    )


def reset_before_start(name: str, day: str, start: str) -> str:
    return (
        f"{day} is before this counter's start ({start}), so it cannot be a new start. "
        f"To correct the first day instead: stepwork sober set {name} --date {day}. "
        "Nothing was changed."
    )


def counter_set(name: str, day: str) -> str:
    return f"{name} now counts from {day}. To go back: stepwork sober undo {name}"


def counter_renamed(old: str, new: str) -> str:
    return f"{old} is now called {new}. To go back: stepwork sober undo {new}"


def delete_counter_question(name: str) -> str:
    return f"Delete the counter {name}? It stays in your history and in exports."


def counter_deleted(name: str) -> str:
    return (
        f"Deleted the counter {name}. It is kept in your history and exports; "
        f"bring it back with: stepwork sober undo {name}"
    )


def nothing_to_undo(name: str) -> str:
    # True both for a counter never changed and for one whose every change is undone.
    return f"Nothing left to undo for {name}: no reset or change of it is waiting to be undone."


def undone(name: str, what: str, day: str) -> str:
    return f"Undone ({what}): {name} counts from {day}, as it did before."


CHANGE_WORDS = {
    "reset": "counted again",
    "set": "start corrected",
    "rename": "renamed",
    "delete": "deleted",
}
CHANGES_TITLE = "Changes"
DELETED_MARK = "(deleted)"


def change_line(day: str, kind: str, previous_start: str, previous_name: str) -> str:
    what = CHANGE_WORDS[kind]
    if kind == "rename":
        return f"{day}  {what}; was called {previous_name}"
    if kind == "delete":
        return f"{day}  {what}"
    return f"{day}  {what}; counted from {previous_start} before"


def milestone_today(name: str, label: str) -> str:
    return f"Today marks {label} for {name}. That is worth marking."


def next_milestone(label: str, day: str, days_to_go: int) -> str:
    unit = "day" if days_to_go == 1 else "days"
    return f"next: {label} on {day} (in {days_to_go} {unit})"


def counter_span(days: int, years: int, months: int, rest: int, word: str) -> str:
    parts = []
    for number, unit in ((years, "year"), (months, "month"), (rest, "day")):
        if number:
            parts.append(f"{number} {unit}{'' if number == 1 else 's'}")
    calendar_text = ", ".join(parts) if parts else "starting today"
    day_word = "day" if days == 1 else "days"
    return f"{days} {day_word} {word} ({calendar_text})"


def counter_starts_ahead(day: str) -> str:
    return (
        f"It starts on {day}, a day that has not begun here yet (it was set in a time zone "
        "ahead of this one), so it counts from today."
    )


HISTORY_EMPTY = "No earlier runs: this counter has been going since it started."
HISTORY_TITLE = "Earlier runs"
EMPTY_NAME = "Give the counter a name, like alcohol or gambling."
