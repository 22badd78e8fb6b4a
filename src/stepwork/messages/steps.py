"""Guided step sessions, the steps table and the dashboard."""

from stepwork.messages.common import plural

HOW_TO_ANSWER = (
    "Type your answer; it can run over several lines. Press Enter on an empty line when you "
    "are done. Enter on its own skips a question. /edit opens your editor, /pause stops here "
    "for now, /help shows this again."
)
ANSWER_PROMPT = "\u203a "  # a single right-pointing angle quote
CONTINUE_PROMPT = "  "
SKIPPED = "Skipped. Take what you can use and leave the rest."
KEPT_DRAFT_INTRO = "You had started this answer:"
KEPT_DRAFT_HOW = "Keep typing to add to it, or press Enter on an empty line to keep it as it is."
EDITOR_SAVED = "Saved from your editor."
EDITOR_EMPTY = "The editor came back empty, so nothing changed here."
NO_EDITOR = (
    "No editor was found. Set one with: stepwork config editor nano "
    "(or set $EDITOR). You can keep typing here."
)


SINGLE_ANSWER_HOW = "Enter on its own skips this one. /pause stops here for now."


def editor_failed(detail: str) -> str:
    return f"The editor did not finish cleanly ({detail}); your answer so far is kept. Keep typing."


def question_counter(position: int, total: int) -> str:
    return f"Question {position} of {total}"


def resume_offer(what: str, started: str, answered: int, total: int) -> str:
    return f"You started {what} on {started} and have answered {answered} of {total} questions."


RESUME_QUESTION = "Pick up where you left off?"


def resumed_old_set_aside(step: int) -> str:
    return (
        f"Starting step {step} fresh. Your earlier session is kept; "
        f"read it with: stepwork step {step} --show"
    )


def step_finished(step: int) -> str:
    return (
        f"That is step {step} for now. Everything you wrote is saved on this machine. "
        f"Read it back any time with: stepwork step {step} --show"
    )


def step_paused(step: int) -> str:
    return paused(f"stepwork step {step}")


def paused(command: str, answered: bool = True) -> str:
    if not answered:
        return f"Paused before any answer. Pick up here with: {command}"
    return f"Paused. Everything so far is saved. Pick up where you left off with: {command}"


FINISHED_ALL_SKIPPED = "Every question skipped today; that is fine too. Come back any time."


def step_never_worked(step: int) -> str:
    return f"You haven't worked step {step} yet. Begin whenever you're ready: stepwork step {step}"


SESSION_OPEN = "in progress"
SESSION_FINISHED = "finished"
ANSWER_SKIPPED = "(skipped)"
ANSWER_UNFINISHED = "(unfinished)"

STATUS_NOT_STARTED = "not started"
STATUS_IN_PROGRESS = "in progress"
STATUS_WORKED = "worked"
STEPS_TITLE = "The twelve steps"
RECORD_WORDS = {5: "shared", 8: "on the list", 9: "planned or made"}


STATUS_LIST_READY = "list ready"
"""Step 8 before it is worked: people listed from the inventory as owed amends."""


def step_work(step: int, sessions: int, records: int, items: int = 0, listed: int = 0) -> str:
    """What has been done on a step: '2 sessions', '5 items', '4 on the list', or more."""
    parts = [plural(items, "item")] if items else []
    if sessions:
        parts.append(plural(sessions, "session"))
    if listed and step == 8:
        parts.append(f"{listed} {RECORD_WORDS[8]}")
    elif records:
        parts.append(f"{records} {RECORD_WORDS.get(step, 'kept')}")
    return " · ".join(parts)


WELCOME_TITLE = "stepwork"
WELCOME_BODY = (
    "A private place for your step work. Everything you write stays on this machine, "
    "and every question can be skipped."
)


def next_resume(step: int) -> str:
    return f"Pick up step {step} where you left off:  stepwork step {step}"


def next_begin(step: int) -> str:
    if step == 1:
        return "Begin at the beginning:  stepwork step 1"
    return f"Next, when you're ready:  stepwork step {step}"


NEXT_ALL_WORKED = (
    "You have worked all twelve steps. Keep going with a nightly look back:  stepwork step 10"
)
NEXT_TOUR = "See every step and where you are:  stepwork steps   ·   all commands:  stepwork --help"

DASH_CHECKIN_DONE = "Today's check-in: done"
DASH_CHECKIN_TODO = "Today's check-in: not yet"
DASH_REVIEW_DONE = "Tonight's review: done"
DASH_REVIEW_TODO = "Tonight's review: not yet"
NEXT_CHECKIN = "A thirty-second check-in:  stepwork checkin"
NEXT_REVIEW = "Look back on the day:  stepwork review"


def listing(items: list[str]) -> str:
    """'4', '4 and 5', '4, 5 and 7'."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def dash_in_progress(steps: list[int]) -> str:
    noun = "step" if len(steps) == 1 else "steps"
    return f"Step work in progress: {noun} {listing([str(n) for n in steps])}"


EDITOR_LINES_LEFT_OUT = (
    "Those lines were left out and the rest kept: type them again with their kind, "
    "or press Enter on an empty line to finish."
)

SKIPPED_QUIETLY = "skipped"


def open_elsewhere(what: str, fresh: str | None = None) -> str:
    """A second window on a session another window is answering: nothing is lost either way."""
    then = f" or start afresh here with: {fresh}" if fresh else " then come back here"
    return (
        f"{what} is open in another window. Finish it or pause it there (/pause),{then}. "
        "Nothing you have written is lost."
    )


OPEN_ELSEWHERE_THIS = "These questions"
NEVER_IN_STEP_WORK = (
    "Step work keeps every question, so /never was not taken as an answer. Enter on its own "
    "moves on."
)
