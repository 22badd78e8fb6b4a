"""Every sentence stepwork says to a person, kept together so the tone stays one voice.

Warm, plain, never judging. Errors are one line that says what happened and what to do.
"""

from pathlib import Path

APP_HELP = (
    "stepwork: a private companion for working a Twelve-Step program, in your terminal.\n\n"
    "Guided questions for each step, kept on this machine only. "
    "Not affiliated with any fellowship; not therapy."
)
NOT_AFFILIATED = "stepwork is a personal tool, not affiliated with any fellowship, and not therapy."

# --- errors -------------------------------------------------------------------------------
BUG = (
    "Something went wrong inside stepwork. This is a bug, not something you did. "
    "Everything you had answered is saved. Run the same command with --debug to see details."
)
DATABASE_BUSY = (
    "The journal is busy in another stepwork window and did not free up in time; "
    "nothing was changed. Please try again."
)
STEP_NUMBER_HINT = "Steps are numbered 1 to 12, for example: stepwork step 4"


def bad_step(value: str) -> str:
    return f"There is no step {value!r}. {STEP_NUMBER_HINT}"


def usage_problem(detail: str, command: str) -> str:
    return f"{detail.rstrip('.')}. See: {command} --help"


def database_not_ours(path: Path) -> str:
    return (
        f"{path} is not a stepwork journal, or it is damaged. stepwork has not touched it; "
        "move it aside or restore a backup, then try again."
    )


def database_too_new(path: Path, found: int, known: int) -> str:
    return (
        f"{path} was written by a newer stepwork (format {found}; this one knows up to {known}). "
        "Nothing was changed; please update stepwork."
    )


def database_unreadable(path: Path, detail: str) -> str:
    return f"Could not open the journal at {path}: {detail}"


def database_unwritable(path: Path, detail: str) -> str:
    return f"Could not write to the journal at {path}: {detail}. Nothing was changed."


def database_read_only(path: Path) -> str:
    return f"The journal at {path} is read-only, so nothing could be saved. Check its permissions."


def migration_failed(path: Path, version: int, detail: str, kept: Path | None) -> str:
    copy = f" A copy from before is at {kept}." if kept else ""
    return (
        f"Could not bring {path} up to format {version} ({detail}); "
        f"it was left exactly as it was.{copy}"
    )


# --- settings -----------------------------------------------------------------------------
SETTING_EMPTY = "it cannot be empty"
SETTING_TOO_LONG = "keep it under 80 characters"
SETTING_ONE_LINE = "keep it on one line"
SETTINGS_FILE_HEADER = "# stepwork settings. Change them with: stepwork config KEY VALUE"


def settings_unreadable(path: Path, detail: str) -> str:
    return f"Could not read your settings in {path}: {detail}"


def unknown_setting(key: str, known: list[str]) -> str:
    return f"There is no setting {key!r}. Settings are: {', '.join(known)}"


def bad_setting_value(key: str, detail: str) -> str:
    return f"That value for {key} won't work: {detail}."


def setting_saved(key: str, value: str) -> str:
    return f"Saved: {key} = {value!r}"


def setting_reset(key: str, default: str) -> str:
    return f"{key} is back to its default: {default!r}"


SETTINGS_TITLE = "Your settings"
SETTINGS_HOW = (
    "Change one with: stepwork config KEY VALUE   ·   back to default: stepwork config KEY --unset"
)

# --- wording ------------------------------------------------------------------------------
WORDING_BUILTIN_NAME = "stepwork's own paraphrases"
WORDING_OWN_NAME = "your own wording"
WORDING_NEEDS_STEPS_TABLE = "it needs a [steps] table"
WORDING_TEMPLATE_HEADER = (
    "# Your fellowship's exact wording of the steps, shown instead of stepwork's paraphrases.\n"
    "# Uncomment a line and put the step's text between the quotes. Steps you leave out keep\n"
    "# the paraphrase. This file stays on your machine."
)


def wording_bad_entry(key: str) -> str:
    return f"{key!r} in [steps] should be a step number from 1 to 12 with text in quotes"


def wording_unreadable(path: Path, detail: str) -> str:
    return f"Could not read the wording file {path}: {detail}"


def wording_source(name: str, path: Path | None) -> str:
    return f"Showing {name}" + (f", from {path}" if path else "") + "."


def wording_override_hint(path: Path) -> str:
    return (
        f"To show your fellowship's exact wording, put it in {path} "
        "(stepwork wording --template prints a file to start from)."
    )


# --- guided sessions ----------------------------------------------------------------------
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
YES_NO_HINT = "Please answer y or n."


def editor_failed(detail: str) -> str:
    return f"The editor did not finish cleanly ({detail}); your answer so far is kept. Keep typing."


def question_counter(position: int, total: int) -> str:
    return f"Question {position} of {total}"


def resume_offer(step: int, started: str, answered: int, total: int) -> str:
    return (
        f"You started step {step} on {started} and have answered {answered} of {total} questions."
    )


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
    return (
        f"Paused. Everything so far is saved. Pick up where you left off with: stepwork step {step}"
    )


def step_interrupted(step: int) -> str:
    return (
        f"Stopped. Every answer you gave is saved. "
        f"Pick up where you left off with: stepwork step {step}"
    )


def step_never_worked(step: int) -> str:
    return f"You haven't worked step {step} yet. Begin whenever you're ready: stepwork step {step}"


SESSION_OPEN = "in progress"
SESSION_FINISHED = "finished"
ANSWER_SKIPPED = "(skipped)"
ANSWER_UNFINISHED = "(unfinished)"

# --- steps table and welcome --------------------------------------------------------------
STATUS_NOT_STARTED = "not started"
STATUS_IN_PROGRESS = "in progress"
STATUS_WORKED = "worked"
STEPS_TITLE = "The twelve steps"
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

# --- paths --------------------------------------------------------------------------------
PATHS_TITLE = "Where stepwork keeps things"
PATHS_HOME_SET = "STEPWORK_HOME is set, so everything lives under it."
