"""Daily practice: check-ins, the review, the morning, the plan, and stats."""

from stepwork.messages.common import plural
from stepwork.messages.people import days_ago


def rating_out_of_range(name: str, value: int, low: int, high: int) -> str:
    return (
        f"{name.capitalize()} goes from {low} to {high}; {value} is outside that. "
        "Nothing was saved."
    )


def bad_halt(word: str) -> str:
    return (
        f"{word!r} is not one of hungry, angry, lonely, tired. Type the names or their numbers "
        "(1 to 4), separated by spaces or commas."
    )


def trigger_needs_kind(value: str) -> str:
    return (
        f"{value!r} is not a trigger stepwork understands. Write person:, place: or thing: and "
        "a word or two, like place: the old bar."
    )


def bad_trigger(value: str) -> str:
    return trigger_needs_kind(value) + " Nothing was saved."


CHECKIN_SAVED = "Check-in saved."


def checkin_stopped_earlier(done: int, total: int) -> str:
    return f"You stopped a check-in earlier today after {done} of {total} questions."


CHECKIN_NOTHING = "Nothing was entered, so no check-in was saved."
CHECKIN_INTRO = "A quick check-in. Skip anything you like with Enter."
PLAN_HIGH_CRAVING = (
    "That craving is strong. It will pass. Here is the plan you wrote for moments like this:"
)
PLAN_HIGH_CRAVING_NO_PLAN = (
    "That craving is strong, and it will pass. Reaching out to someone can help right now. "
    "When you have a quiet moment, write a plan for times like this: stepwork plan"
)
PLAN_TITLE = "My coping plan"
PLAN_NONE = "You have not written a coping plan yet. Write one with: stepwork plan --edit"
PLAN_INTRO = (
    "Your own plan for hard moments, in your words. It is shown after any check-in with a high "
    "craving. Enter skips a part; what you wrote before is kept unless you change it."
)
PLAN_WRITE_NOW = "Write it now?"
PLAN_SAYS = "Your plan says:"
GRATITUDE_NEEDS_TEXT = 'Say what you are grateful for, for example: stepwork gratitude "my sponsor"'
CHART_KEY = "Oldest on the left; · marks days with no check-in."


def chart_title(label: str, average: str, low: int, high: int) -> str:
    return f"{label.capitalize()} ({low}-{high}), average {average}"


PLAN_SAVED = "Your plan is saved. See it any time with: stepwork plan"
REVIEW_DONE = "That is today's review. Rest well; tomorrow is a new day."
MORNING_DONE = "Your morning is set. Take it one day at a time."
GRATITUDE_EMPTY = 'No gratitude written yet. Add one with: stepwork gratitude "..."'
GRATITUDE_TITLE = "Recent gratitude"
SERVICE_TITLE = "Service and carrying the message"
CARRIED = "carried"
SERVICE_EMPTY = 'No service logged yet. Log some with: stepwork service "made the coffee"'
SERVICE_WHAT = "What service did you do, or whom did you reach out to?"
SERVICE_MESSAGE = "Was it carrying the message to someone still struggling?"
SERVICE_NOTE = "Anything you want to remember about it? (Enter to skip)"
SERVICE_NEEDS_WHAT = 'Say what the service was, for example: stepwork service "made the coffee"'


def gratitude_saved(day: str) -> str:
    return f"Gratitude kept for {day}."


def service_saved(day: str) -> str:
    return f"Service logged for {day}. Thank you for showing up."


STATS_EMPTY = "No check-ins in this period yet. A first one takes thirty seconds: stepwork checkin"


def stats_title(first: str, last: str) -> str:
    return f"Check-ins from {first} to {last}"


def streaks(current: int, longest: int, checkins: int, days: int) -> str:
    day_word = "day" if current == 1 else "days"
    return (
        f"Check-in streak: {current} {day_word} (longest in this period: {longest}). "
        f"{plural(checkins, 'check-in')} on {plural(days, 'day')}."
    )


def bad_days(value: int) -> str:
    return f"--days must be between 1 and 3650, not {value}."


def dash_last_reached(days: int | None) -> str:
    if days is None:
        return "Reaching out: nothing logged yet (stepwork reached NAME)"
    return f"Last reached out: {days_ago(days)}"


def nudge_isolation(days: int, suggestion: str) -> str:
    first = f"It has been {plural(days, 'day')} since you last reached out to anyone."
    if suggestion:
        return f"{first} {suggestion} might be glad to hear from you."
    return f"{first} A meeting or a call could be a good next step."


def nudge_cravings(suggestion: str) -> str:
    first = "Cravings have been strong on two of the last three days."
    if suggestion:
        return f"{first} A call could help: {suggestion}."
    return f"{first} A call, or a meeting, could help."


CONNECTION_TITLE = "Connection"


def sponsor_last(days: int | None, has_sponsor: bool) -> str:
    if not has_sponsor:
        return "No sponsor in your people yet."
    if days is None:
        return "You have not logged reaching your sponsor yet."
    return f"Last reached your sponsor: {days_ago(days)}."


def connection_compare(
    days_with: int,
    days_without: int,
    mood_with: str,
    mood_without: str,
    craving_with: str,
    craving_without: str,
) -> str:
    """Averages given as text, "-" where none was given."""
    with_side = _averages(mood_with, craving_with)
    without_side = _averages(mood_without, craving_without)
    if not days_without:
        return (
            f"On every one of the {plural(days_with, 'day')} with a check-in you had a contact "
            f"or a meeting: {with_side}."
        )
    if not days_with:
        return (
            f"None of the {plural(days_without, 'day')} with a check-in had a contact or a "
            f"meeting: {without_side}."
        )
    return (
        f"On the {plural(days_with, 'day')} with a contact or a meeting, {with_side}; on the "
        f"{plural(days_without, 'other day')} with a check-in, {without_side}. Something to "
        "notice, not a rule."
    )


def _averages(mood: str, craving: str) -> str:
    said = [f"{what} averaged {value}" for what, value in (("mood", mood), ("craving", craving))]
    given = [line for line, value in zip(said, (mood, craving), strict=True) if value != "-"]
    return " and ".join(given) if given else "no mood or craving given"


def connection_too_few(checkins: int, needed: int) -> str:
    return (
        f"With {plural(needed, 'check-in')} or more, this shows mood and craving on days with "
        "and without "
        f"connection ({checkins} so far)."
    )


NEVER_HOW = "/never puts this question away for good (you can bring it back later)."


def put_away_done(name: str) -> str:
    return (
        "Put away; it will not be asked again. To bring it back: "
        f"stepwork config questions --bring-back {name}"
    )


def daily_line(practice: str, day: str) -> str:
    """The one line a daily flow opens with once its introduction has been seen."""
    return f"{practice} · {day}"


CHECKIN_NAME = "Check-in"
REVIEW_NAME = "Nightly review"
MORNING_NAME = "Morning"
QUESTIONS_TITLE = "The questions of your daily practice"
QUESTION_ASKED = "asked"
QUESTION_PUT_AWAY = "put away"
QUESTIONS_HOW = (
    "Put one away: stepwork config questions --put-away NAME   ·   "
    "bring one back: stepwork config questions --bring-back NAME (or all)"
)
QUESTIONS_STEP_NOTE = "Step work keeps every question: stepwork step N asks them all."
QUESTIONS_ALL_BACK = "Every question is back."
QUESTIONS_OPTIONS_NEED_QUESTIONS = "--put-away and --bring-back go with: stepwork config questions"


def question_brought_back(name: str) -> str:
    return f"{name} is back: it will be asked again."


def question_put_away(name: str) -> str:
    return f"{name} is put away: it will not be asked."


def question_not_put_away(name: str) -> str:
    return f"{name} was not put away."


def unknown_question(name: str) -> str:
    return f"No question is called {name!r}. stepwork config questions lists them."


def question_not_optional(name: str) -> str:
    return (
        f"{name} is part of step work, which keeps every question; only questions of "
        "checkin, review and morning can be put away."
    )


# `stepwork status`: one short line for a shell prompt or a tmux status line.
def imported_put_away(count: int, in_file: int, dry_run: bool) -> str:
    """`count` questions newly put away, of the `in_file` the file puts away."""
    questions = "question" if count == 1 else "questions"
    more = "" if count == in_file else f" more (all {in_file} the file puts away)"
    if dry_run:
        return f"It would also put away {count} daily {questions}{more}, as the file has them."
    return f"{count} daily {questions}{more} put away, as in the file (stepwork config questions)."


PUT_AWAY_THROUGH_QUESTIONS = (
    "put_away is changed one question at a time: stepwork config questions --put-away NAME "
    "(or --bring-back NAME)."
)


# Editing in the editor: the fields that check out are kept, the rest asked about again.


# Run without a terminal: nobody to ask.


# Plain mode (STEPWORK_PLAIN=1, stepwork config plain true).
def plain_series(days: str) -> str:
    return f"  by day: {days}" if days else "  no check-ins with this in the period"


REVIEW_LABEL = "today's review"
MORNING_LABEL = "this morning's reflection"
CHECKIN_LABEL = "Today's check-in"
PLAN_LABEL = "Your plan for hard moments"
