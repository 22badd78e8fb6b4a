"""Step work as the person sees it: which step, where they are, and what to do next."""

from stepwork.content import STEP_NUMBERS
from stepwork.errors import UsageError
from stepwork.messages import app as app_messages
from stepwork.messages import steps as steps_messages


def parse_step_number(value: str) -> int:
    text = value.strip()
    if not text.isdigit() or int(text) not in STEP_NUMBERS:
        raise UsageError(app_messages.bad_step(value))
    return int(text)


# Steps ten and eleven are practised daily, as the nightly review and the morning.
DAILY_FLOWS = {10: "review", 11: "morning"}


def flow_name(step: int) -> str:
    return DAILY_FLOWS.get(step, f"step-{step}")


def status(open_sessions: int, finished_sessions: int) -> str:
    if open_sessions:
        return steps_messages.STATUS_IN_PROGRESS
    if finished_sessions:
        return steps_messages.STATUS_WORKED
    return steps_messages.STATUS_NOT_STARTED


def suggest_next(open_steps: list[int], worked_steps: set[int]) -> str:
    """One next action: resume what is open, else the first step not yet worked."""
    if open_steps:
        return steps_messages.next_resume(open_steps[0])
    for step in STEP_NUMBERS:
        if step not in worked_steps:
            return steps_messages.next_begin(step)
    return steps_messages.NEXT_ALL_WORKED
