"""Where stepwork keeps its files.

`STEPWORK_HOME` puts everything (database, settings, wording) in one folder; tests always set it.
Without it, data goes in the platform's user data dir and settings in its user config dir.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

HOME_ENV = "STEPWORK_HOME"
APP_NAME = "stepwork"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
DATABASE_NAME = "stepwork.db"
SETTINGS_NAME = "config.toml"


class Paths(NamedTuple):
    # A NamedTuple, not a dataclass: `stepwork status` (on every shell prompt) would pay ~10 ms
    # for dataclasses' imports.

    data_dir: Path
    config_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / SETTINGS_NAME

    @property
    def wording_file(self) -> Path:
        return self.config_dir / "wording.toml"


def paths() -> Paths:
    from pathlib import Path

    return Paths(data_dir=Path(data_dir_text()), config_dir=Path(config_dir_text()))


def _override() -> str | None:
    override = os.environ.get(HOME_ENV)
    return os.path.abspath(os.path.expanduser(override)) if override else None


def data_dir_text() -> str:
    """The data folder as text: `stepwork status` (at every shell prompt) loads no pathlib."""
    return _override() or _user_dir("XDG_DATA_HOME", "~/.local/share", "user_data_dir")


def config_dir_text() -> str:
    return _override() or _user_dir("XDG_CONFIG_HOME", "~/.config", "user_config_dir")


def _user_dir(xdg_variable: str, xdg_default: str, platformdirs_name: str) -> str:
    """platformdirs' folder; on Linux worked out as platformdirs does (the XDG variable if set,
    else its default), since importing platformdirs costs a shell prompt more than the rest."""
    if sys.platform.startswith("linux"):
        base = os.environ.get(xdg_variable, "").strip()
        if not os.path.isabs(base):  # unset, empty or relative: the XDG spec ignores it
            base = os.path.expanduser(xdg_default)
        return os.path.join(base, APP_NAME)
    import platformdirs

    found: str = getattr(platformdirs, platformdirs_name)(APP_NAME, appauthor=False)
    return found


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and parents) if missing, the folder itself 0700.

    A folder that already exists is left as the person set it; `doctor` reports loose modes.
    Every folder it creates is 0700, whatever the umask.
    """
    if path.is_dir():
        return
    missing = [path, *(p for p in path.parents if not p.exists())]
    try:
        for folder in reversed(missing):
            folder.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
            folder.chmod(PRIVATE_DIR_MODE)
    except OSError as exc:
        from stepwork.errors import UserError
        from stepwork.messages import outputs as outputs_messages

        raise UserError(
            outputs_messages.cannot_create_folder(path, exc.strerror or str(exc))
        ) from exc


def write_private_file(path: Path, text: str) -> None:
    """Write `text` to `path` atomically, readable by the owner only."""
    from stepwork.outputs import write_own_file

    write_own_file(path, text)
