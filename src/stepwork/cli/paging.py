"""Long output through a pager on a terminal (`log`, `search`, `show`, `step N --show`,
`inventory`, `amends`), never when the output is piped or redirected.

The pager is `$PAGER` (else `less`); `less` is given `-R` so colours show, added to `$LESS` if
that is set without it (`-FRX` when `$LESS` is unset). Output that fits on the screen is printed
as it is, and `--no-pager` always prints.
"""

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from rich.console import Console

from stepwork import render

NO_PAGER_HELP = "Print straight to the terminal, without a pager."


def less_options(current: str | None) -> str:
    """$LESS for the pager: the person's own options, with -R so colours show."""
    if current is None:
        return "-FRX"
    if "R" in current or "r" in current:
        return current
    return f"{current} -R".strip()


def _pager_command() -> str | None:
    chosen = os.environ.get("PAGER")
    if chosen is not None and not chosen.strip():
        return None  # PAGER= (empty) means no pager
    return chosen or "less"


# The shell's exit status for a command it could not find or run.
SHELL_COULD_NOT_RUN = (126, 127)


def _runnable(command: str) -> bool:
    """Whether the pager's program exists (a simple command only: a pipeline is left to the
    shell, whose status then says whether it ran)."""
    import shlex
    import shutil

    try:
        words = shlex.split(command)
    except ValueError:
        return False
    if not words or any(c in command for c in "|;&<>`$()"):
        return bool(words)
    return shutil.which(words[0]) is not None


def show_in_pager(text: str) -> bool:
    """Send `text` to the pager; False where there is none to run (then it is printed)."""
    command = _pager_command()
    if not command or not _runnable(command):
        return False
    env = dict(os.environ, LESS=less_options(os.environ.get("LESS")))
    try:
        # Run by the shell, as git and man run it: $PAGER may hold options or a pipeline.
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert pager.stdin is not None
    with suppress(BrokenPipeError, KeyboardInterrupt):  # the person quit the pager early
        pager.stdin.write(text.encode("utf-8", errors="replace"))
    with suppress(BrokenPipeError):
        pager.stdin.close()
    while True:
        try:
            return pager.wait() not in SHELL_COULD_NOT_RUN
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
            continue


@contextmanager
def paged(no_pager: bool = False) -> Iterator[Console]:
    """A console for a command's output: paged when it is long and goes to a terminal."""
    out = render.console()
    if no_pager or render.collecting or not out.is_terminal or not sys.stdout.isatty():
        yield out
        return
    render.collecting.append(out)
    try:
        with out.capture() as captured:
            yield out
    finally:
        render.collecting.remove(out)
    text = captured.get()
    if text.count("\n") < out.size.height - 1 or not show_in_pager(text):
        sys.stdout.write(text)
        sys.stdout.flush()
