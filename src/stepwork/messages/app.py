"""What stepwork says about itself, and the errors any command may meet."""

from pathlib import Path

APP_HELP = (
    "stepwork: a private companion for working a Twelve-Step program, in your terminal.\n\n"
    "Guided questions for each step, kept on this machine only. "
    "Not affiliated with any fellowship; not therapy."
)
HELP_FOOTER = "Each command has its own help: stepwork COMMAND --help"
NOT_AFFILIATED = "stepwork is a personal tool, not affiliated with any fellowship, and not therapy."

BUG = (
    "Something went wrong inside stepwork. This is a bug, not something you did. "
    "Everything you had answered is saved. Run the same command with --debug to see details."
)
DATABASE_BUSY = (
    "The journal is busy in another stepwork window and did not free up in time; "
    "nothing was changed. Please try again."
)
UNKNOWN_STEP = "not a step stepwork knows"
STEP_NUMBER_HINT = "Steps are numbered 1 to 12, for example: stepwork step 4"


def bad_step(value: str) -> str:
    return f"There is no step {value!r}. {STEP_NUMBER_HINT}"


def usage_problem(detail: str, command: str) -> str:
    detail = detail.rstrip()
    ended = detail if detail.endswith(("?", "!", ".")) else detail + "."
    return f"{ended} See: {command} --help"


def database_not_ours(path: Path) -> str:
    return (
        f"{path} is not a stepwork journal, or it is damaged. stepwork has not touched it. "
        "To keep a journal somewhere else, set STEPWORK_HOME to another folder."
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


def journal_is_folder(path: Path) -> str:
    return (
        f"The journal's place, {path}, is a folder, so no journal can be kept there. "
        "Set STEPWORK_HOME to keep the journal in another folder."
    )


def journal_dangling_link(path: Path) -> str:
    return (
        f"The journal's place, {path}, is a link to a file that is not there. "
        "Point it at your journal, or remove the link to start a new one."
    )


def journal_is_link(path: Path, real: Path) -> str:
    return (
        f"Your journal {path} is a link to {real}. stepwork converts only a journal file in "
        f"its own folder: set STEPWORK_HOME to {real.parent}, or put the file itself in place "
        "of the link. Nothing was changed."
    )


def journal_not_a_file(path: Path) -> str:
    return (
        f"The journal's place, {path}, is not a regular file. "
        "Set STEPWORK_HOME to keep the journal in another folder."
    )


def folder_read_only(folder: Path) -> str:
    return (
        f"The folder {folder} is read-only, and stepwork needs to write beside the journal even "
        "to read it. Nothing was changed; check the folder's permissions."
    )


def migration_failed(path: Path, version: int, detail: str, kept: Path | None) -> str:
    copy = f" A copy from before is at {kept}." if kept else ""
    return (
        f"Could not bring {path} up to format {version} ({detail}); "
        f"it was left exactly as it was.{copy}"
    )


UNREADABLE_CHARACTERS = (
    "Some of what you typed was not readable text (not UTF-8); each unreadable character "
    "is kept as \ufffd and everything else as typed."
)


def interrupted(command: str) -> str:
    return f"Stopped. {kept_pick_up(command)}"


def kept_pick_up(command: str) -> str:
    return f"Every answer you gave is saved. Pick up where you left off with: {command}"


STOPPED = "Stopped."
ANSWERS_RAN_OUT = "The answers given ran out before the questions did."


def answers_ran_out(what_became: str) -> str:
    """`what_became` is the line a stop would say, without its "Stopped."."""
    what_became = what_became.removeprefix(STOPPED).strip()
    return f"{ANSWERS_RAN_OUT} {what_became}"


STOPPED_KEPT = "Stopped. What was done before this is kept."

STOPPED_NOTHING_CHANGED = "Stopped. Nothing was changed."


def needs_a_person(command: str, instead: str = "") -> str:
    instead = instead or INSTEAD_OF_ASKING.get(command.split(" --")[0] if command else "", "")
    line = (
        f"{command} asks questions, and there is no terminal to answer them. Nothing was changed."
    )
    return line + (f" Instead: {instead}" if instead else f" Run it in a terminal: {command}")


INSTEAD_OF_ASKING = {
    "stepwork checkin": 'stepwork checkin --mood 6 --craving 1 --note "…" (no questions asked)',
    "stepwork service": 'stepwork service "what you did" (no questions asked)',
    "stepwork plan": "stepwork plan --edit, in a terminal",
}

NOTHING_CHANGED = "Nothing changed."
