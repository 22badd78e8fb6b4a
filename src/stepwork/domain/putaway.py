"""Questions of the daily practice that a person has put away for good (`/never`).

They are named 'flow:key' ('checkin:halt', 'review:resentment') and kept as a setting, so they
travel with the settings file and the JSON export.
"""

from collections.abc import Callable

from stepwork import settings
from stepwork.content import Question
from stepwork.messages import daily as daily_messages

DAILY = {
    "checkin": daily_messages.CHECKIN_NAME,
    "review": daily_messages.REVIEW_NAME,
    "morning": daily_messages.MORNING_NAME,
}
"""The daily flows whose questions can be put away, with the names people know them by."""


def name(flow: str, question: Question) -> str:
    return f"{flow}:{question.key}"


def questions_of(flow: str, values: dict[str, str]) -> tuple[Question, ...]:
    """Every question a daily flow can ask, put away or not."""
    from stepwork.content import daily_questions, load_step

    if flow == "checkin":
        return daily_questions("checkin", values)
    return load_step(10 if flow == "review" else 11, values).questions


def still_asked(flow: str, questions: tuple[Question, ...]) -> tuple[Question, ...]:
    hidden = settings.put_away()
    return tuple(q for q in questions if name(flow, q) not in hidden)


def putter(flow: str) -> Callable[[Question], str]:
    """What `/never` does in `flow`: put the question away and say how to bring it back."""

    def put_away(question: Question) -> str:
        settings.set_put_away(settings.put_away() | {name(flow, question)})
        return daily_messages.put_away_done(name(flow, question))

    return put_away


def all_names(values: dict[str, str]) -> dict[str, Question]:
    return {name(flow, q): q for flow in DAILY for q in questions_of(flow, values)}


def check_names(names: set[str]) -> None:
    """Every name one of the daily practice's questions; ValueError names the first that is
    not (a step's question is refused as step work keeps every question)."""
    known = all_names(settings.load())
    for wanted in sorted(names - set(known)):
        if wanted.partition(":")[0].startswith("step"):
            raise ValueError(daily_messages.question_not_optional(wanted))
        raise ValueError(daily_messages.unknown_question(wanted))


def change(wanted: str, away: bool) -> str:
    """Put one question away or bring it back ('all' brings every one back); the line to say."""
    from stepwork.errors import UsageError

    hidden = settings.put_away()
    wanted = wanted.strip().lower()
    if not away and wanted == "all":
        settings.set_put_away(set())
        return daily_messages.QUESTIONS_ALL_BACK
    known = all_names(settings.load())
    if wanted not in known and (away or wanted not in hidden):
        if wanted.partition(":")[0].startswith("step"):
            raise UsageError(daily_messages.question_not_optional(wanted))
        raise UsageError(daily_messages.unknown_question(wanted))
    if away:
        settings.set_put_away(hidden | {wanted})
        return daily_messages.question_put_away(wanted)
    if wanted not in hidden:
        return daily_messages.question_not_put_away(wanted)
    settings.set_put_away(hidden - {wanted})
    return daily_messages.question_brought_back(wanted)
