"""Settings, the fellowship's own wording, and where things are kept."""

from pathlib import Path

SETTING_EMPTY = "it cannot be empty"
SETTING_TOO_LONG = "keep it under 80 characters"
SETTING_ONE_LINE = "keep it on one line"
SETTING_CRAVING_LEVEL = "use a whole number from 0 to 10"
SETTINGS_FILE_HEADER = "# stepwork settings. Change them with: stepwork config KEY VALUE"


SETTINGS_NOT_UTF8 = "it is not UTF-8 text"
SETTING_NOT_TEXT = "it should be a word or a number in quotes"


def settings_not_toml(detail: str) -> str:
    return f"it is not valid TOML ({detail})"


def settings_unreadable(path: Path, detail: str) -> str:
    return (
        f"Could not read your settings in {path}: {detail}. Using the defaults; "
        "change a setting with: stepwork config KEY VALUE"
    )


def _default_shown(default: str) -> str:
    return f'"{default}"' if default else "none"


def setting_in_file_bad(path: Path, key: str, detail: str, default: str) -> str:
    return (
        f"The setting {key} in {path} won't work: {detail}. Using the default "
        f"({_default_shown(default)}); fix it with: stepwork config {key} VALUE (or --unset)"
    )


def setting_unknown_in_file(path: Path, key: str) -> str:
    return f"{path} holds {key!r}, which is not a stepwork setting; it is left out"


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
    "   ·   the daily questions put away: stepwork config questions"
)

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


PATHS_TITLE = "Where stepwork keeps things"
PATHS_HOME_SET = "STEPWORK_HOME is set, so everything lives under it."


def setting_question_name(name: str) -> str:
    return f"{name!r} is not a question name like checkin:halt"


SETTING_TRUE_FALSE = "use true or false"

SETTING_HOUR = "use a whole hour from 0 to 23"

SETTING_DAYS = "use a whole number of days from 0 (off) to 365"

SETTING_FOLDER_TOO_LONG = "That path is too long."
