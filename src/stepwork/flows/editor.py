"""Long answers in the person's own editor, through a private temporary file."""

import os
import shlex
import shutil
import subprocess
import tempfile

from stepwork.flows import textin


class EditorUnavailable(Exception):
    """No editor could be found or started."""


class EditorFailed(Exception):
    """The editor ran but did not exit cleanly."""


FALLBACK_EDITORS = ("nano", "vi")


class EditorNeedsTerminal(EditorUnavailable):
    """Only a fallback editor was found, and there is no terminal for it to draw on."""


def editor_command(configured: str) -> list[str]:
    """The person's editor (the setting, $VISUAL, $EDITOR), else nano or vi on a terminal."""
    for candidate in (configured, os.environ.get("VISUAL", ""), os.environ.get("EDITOR", "")):
        if candidate.strip():
            return shlex.split(candidate)
    if not _on_a_terminal():
        raise EditorNeedsTerminal  # vi reading from a pipe or /dev/null would wait forever
    for name in FALLBACK_EDITORS:
        if shutil.which(name):
            return [name]
    raise EditorUnavailable


def _on_a_terminal() -> bool:
    try:
        return os.isatty(0) and os.isatty(1)
    except OSError:
        return False


def edit(text: str, command: list[str]) -> str:
    """Open `text` in the editor and return what was saved.

    The file lives 0600 in a fresh 0700 folder and is removed afterwards, whatever happens.
    """
    folder = tempfile.mkdtemp(prefix="stepwork-")
    path = os.path.join(folder, "answer.md")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        written = text + ("\n" if text else "")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(written)
        try:
            returncode = subprocess.call([*command, path])
        except OSError as exc:
            raise EditorUnavailable(str(exc)) from exc
        if returncode != 0:
            raise EditorFailed(f"exit code {returncode}")
        # newline="": a carriage return in the person's text comes back as it was; only an
        # editor's own line endings (CRLF) are read as line ends.
        with open(path, encoding="utf-8", errors=textin.ERRORS, newline="") as handle:
            read = handle.read()
        if read != written:
            read = read.replace("\r\n", "\n")
        return read.strip("\n").rstrip()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
