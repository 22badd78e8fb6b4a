"""Personal settings, kept in a small TOML file beside the wording override."""

import contextlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from stepwork import status
from stepwork.controls import visible
from stepwork.errors import UsageError
from stepwork.home import paths, write_private_file
from stepwork.messages import setup as setup_messages
from stepwork.messages import sync as sync_messages
from stepwork.parse.numbers import is_digits


def _phrase(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError(setup_messages.SETTING_EMPTY)
    if len(value) > 80:
        raise ValueError(setup_messages.SETTING_TOO_LONG)
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError(setup_messages.SETTING_ONE_LINE)
    return value


def _craving_level(value: str) -> str:
    text = value.strip()
    if not is_digits(text) or not 0 <= int(text) <= 10:
        raise ValueError(setup_messages.SETTING_CRAVING_LEVEL)
    return str(int(text))


def _optional_phrase(value: str) -> str:
    return _phrase(value) if value.strip() else ""


def _days(value: str) -> str:
    text = value.strip()
    if not is_digits(text) or not 0 <= int(text) <= 365:
        raise ValueError(setup_messages.SETTING_DAYS)
    return str(int(text))


def _folder(value: str) -> str:
    """A folder, kept absolute (config may be run from anywhere); hostile like any path."""
    if not value.strip():
        raise ValueError(setup_messages.SETTING_EMPTY)
    if len(value) > 4096:
        raise ValueError(setup_messages.SETTING_FOLDER_TOO_LONG)
    if any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in value):
        raise ValueError(setup_messages.SETTING_ONE_LINE)
    return str(Path(value).expanduser().absolute())


def _sync_folder(value: str) -> str:
    """The sync folder: a folder, and never one that holds stepwork's own data or lies in it."""
    from stepwork import outputs

    if any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in value):
        raise ValueError(sync_messages.SYNC_FOLDER_CONTROLS)
    folder = Path(_folder(value))
    if outputs.shares_home(folder):
        # The line that names a bad value ends the sentence itself.
        raise ValueError(sync_messages.sync_folder_shares_home(folder, paths().data_dir)[:-1])
    return str(folder)


def _role_names(value: str) -> str:
    from stepwork.domain.network import parse_role_names

    if len(value) > 400 or any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError(setup_messages.SETTING_ONE_LINE)
    names = parse_role_names(value)
    return ", ".join(f"{key}={name}" for key, name in names.items())


def _question_names(value: str) -> str:
    names = parse_question_names(value)
    return ", ".join(names)


def _hour(value: str) -> str:
    text = value.strip()
    if not is_digits(text) or not 0 <= int(text) <= 23:
        raise ValueError(setup_messages.SETTING_HOUR)
    return str(int(text))


def _true_false(value: str) -> str:
    text = value.strip().lower()
    if text in ("true", "yes", "on", "1"):
        return "true"
    if text in ("false", "no", "off", "0"):
        return "false"
    raise ValueError(setup_messages.SETTING_TRUE_FALSE)


PUT_AWAY = "put_away"
_NAME_CHARACTERS = set("abcdefghijklmnopqrstuvwxyz0123456789_-")


def _is_question_name(name: str) -> bool:
    """'flow:key': lower-case letters, digits, '-' and '_' on each side of one colon."""
    flow, colon, key = name.partition(":")
    return bool(
        colon
        and 0 < len(flow) <= 40
        and 0 < len(key) <= 60
        and set(flow) <= _NAME_CHARACTERS
        and set(key) <= _NAME_CHARACTERS
    )


def parse_question_names(value: str) -> list[str]:
    """'checkin:halt, review:amends' → the names, each checked, in order, without repeats."""
    names: list[str] = []
    for word in value.split(","):
        name = word.strip().lower()
        if not name:
            continue
        if not _is_question_name(name):
            raise ValueError(setup_messages.setting_question_name(name))
        if name not in names:
            names.append(name)
    return names


def put_away() -> set[str]:
    """The questions put away, as 'flow:key' names."""
    return set(parse_question_names(load()[PUT_AWAY]))


def set_put_away(names: set[str]) -> None:
    if names:
        set_value(PUT_AWAY, ", ".join(sorted(names)))
    else:
        unset(PUT_AWAY)


class Setting(NamedTuple):
    key: str
    default: str
    description: str
    parse: Callable[[str], str]
    listed: bool = True
    """Shown in `stepwork config`; the questions put away have `config questions` instead."""


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting(
            "substance",
            "drinking or using",
            "What you are recovering from, as the questions name it "
            "(alcohol, drugs, gambling, food, ...).",
            _phrase,
        ),
        Setting(
            "higher_power",
            "a Higher Power",
            "How the steps name a power greater than yourself "
            "(God, the group, my Higher Power, the universe, ...).",
            _phrase,
        ),
        Setting(
            "craving_threshold",
            "7",
            "A check-in with a craving at or above this (0-10) shows your coping plan.",
            _craving_level,
        ),
        Setting(
            "crisis_line",
            "",
            "Your own crisis line or emergency number, shown at the hardest moments "
            "(stepwork plan --crisis-lines lists a few).",
            _optional_phrase,
        ),
        Setting(
            "time_word",
            "sober",
            "The word for your counted time in every counter line (sober, clean, abstinent, ...).",
            _phrase,
        ),
        Setting(
            "isolation_days",
            "7",
            "After this many days without reaching anyone (a contact or a meeting), the "
            "dashboard says so gently; 0 turns it off.",
            _days,
        ),
        Setting(
            "role_names",
            "",
            "Your own names for the roles of your people, like "
            '"friend=friend in the program, home-group=my group" '
            "(roles: sponsor, sponsee, therapist, home-group, friend, family, other).",
            _role_names,
        ),
        Setting("sync_dir", "", sync_messages.SYNC_DIR_DESCRIPTION, _sync_folder),
        Setting(
            "status_review_hour",
            status.REVIEW_HOUR_DEFAULT,
            "From this hour (0-23), stepwork status says the nightly review is due.",
            _hour,
        ),
        Setting(
            "status_quiet",
            status.QUIET_DEFAULT,
            "true: stepwork status prints nothing when nothing is due.",
            _true_false,
        ),
        Setting(
            "plain",
            "false",
            "true: no box drawing, block glyphs or colour (for a screen reader, and for pasting); "
            "STEPWORK_PLAIN=1 does the same for one shell.",
            _true_false,
        ),
        Setting(
            PUT_AWAY,
            "",
            "Questions of the daily practice put away with /never (see stepwork config questions).",
            _question_names,
            listed=False,
        ),
        Setting(
            "editor",
            "",
            "The editor for long answers; empty means $VISUAL, then $EDITOR, then nano or vi.",
            _optional_phrase,
        ),
    )
}


_warned: set[str] = set()


def forget_warnings() -> None:
    """Each command names a settings problem afresh (a new process would)."""
    _warned.clear()


def _warn(line: str) -> None:
    """One line on stderr, once per command: a bad setting never stops a command."""
    if line in _warned:
        return
    _warned.add(line)
    with contextlib.suppress(OSError):
        print(visible(line), file=sys.stderr, flush=True)


def _silent(line: str) -> None:
    pass


def _read_file(path: Path) -> tuple[dict[str, Any], str | None]:
    """The settings file's contents, and why it could not be read as TOML (if it could not)."""
    from stepwork import inputs

    try:
        raw = inputs.read_file(path, inputs.SMALL_LIMIT)
    except FileNotFoundError:
        return {}, None
    except OSError as exc:
        return {}, exc.strerror or str(exc)
    import tomllib  # only with a settings file: `stepwork status` runs on every prompt

    try:
        return tomllib.loads(raw.decode("utf-8")), None
    except UnicodeDecodeError:
        return {}, setup_messages.SETTINGS_NOT_UTF8
    except tomllib.TOMLDecodeError as exc:
        return {}, setup_messages.settings_not_toml(str(exc))


def _text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(setup_messages.SETTING_NOT_TEXT)
    return str(value)


def _stored(path: Path) -> dict[str, str]:
    """The values in the file that stepwork could store back (to change one of them)."""
    data, _ = _read_file(path)
    stored = {}
    for key, value in data.items():
        with contextlib.suppress(ValueError):
            if key in SETTINGS:
                stored[key] = _text(value)
    return stored


def load(warn: bool = True) -> dict[str, str]:
    """Every setting, with the person's own values over the defaults. A file or a value that
    stepwork cannot use is named in one line on stderr (unless `warn` is false: the status line
    runs at every prompt and stays quiet), and the default used instead."""
    say = _warn if warn else _silent
    values = {key: setting.default for key, setting in SETTINGS.items()}
    path = paths().settings_file
    data, problem = _read_file(path)
    if problem is not None:
        say(setup_messages.settings_unreadable(path, problem))
    for key, value in data.items():
        setting = SETTINGS.get(key)
        if setting is None:
            say(setup_messages.setting_unknown_in_file(path, key))
            continue
        try:
            values[key] = setting.parse(_text(value))
        except ValueError as exc:
            say(setup_messages.setting_in_file_bad(path, key, str(exc), setting.default))
    return values


def _setting(key: str) -> Setting:
    try:
        return SETTINGS[key]
    except KeyError:
        raise UsageError(setup_messages.unknown_setting(key, sorted(SETTINGS))) from None


def set_value(key: str, value: str) -> str:
    """Validate and store one setting; returns the value as stored."""
    setting = _setting(key)
    try:
        clean = setting.parse(value)
    except ValueError as exc:
        raise UsageError(setup_messages.bad_setting_value(key, str(exc))) from None
    stored = _stored(paths().settings_file)
    stored[key] = clean
    _write(stored)
    return clean


def unset(key: str) -> None:
    _setting(key)
    stored = _stored(paths().settings_file)
    if stored.pop(key, None) is not None:
        _write(stored)


def _write(values: dict[str, str]) -> None:
    import json

    # JSON string escapes are valid TOML basic-string escapes, and values are single-line.
    lines = [setup_messages.SETTINGS_FILE_HEADER]
    lines += [f"{key} = {json.dumps(values[key], ensure_ascii=False)}" for key in sorted(values)]
    write_private_file(paths().settings_file, "\n".join(lines) + "\n")
