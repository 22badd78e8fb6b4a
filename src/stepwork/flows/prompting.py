"""Reading what the person types, one line at a time."""

import contextlib
import sys
from datetime import date

from stepwork.messages import parse as parse_messages
from stepwork.render import fit, visible

_line_editing = {"ready": False}


def _enable_line_editing() -> None:
    # readline gives arrow keys and history at the prompt; only worth loading on a terminal.
    if not _line_editing["ready"] and sys.stdin.isatty():
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401
    _line_editing["ready"] = True


_reading = {"lines": 0, "no_person": False, "ran_out": False, "asked": False}


def start_reading() -> None:
    """A command begins asking (tests run several commands in one process)."""
    _reading.update(lines=0, no_person=False, ran_out=False, asked=False)


def no_person() -> bool:
    """The input ended before the first answer, and it is not a terminal: nobody is there to
    ask (a script, a cron job, an editor's shell command). Piped answers are read as ever."""
    return bool(_reading["no_person"])


def nobody_there() -> bool:
    """Known before asking: input is not a terminal and has already ended (`</dev/null`, an
    empty file, a closed pipe), so a command refuses before it prints its first question.
    Input that may still come (an open pipe) is read as ever."""
    if _is_terminal():
        return False
    try:
        import select

        ready, _, _ = select.select([sys.stdin], [], [], 0)
        if not ready:
            return False
        peek = getattr(sys.stdin.buffer, "peek", None)
        ended = peek is not None and peek(1) == b""
    except (AttributeError, OSError, ValueError):
        return False  # not a real file (tests driving the CLI in-process): read as ever
    if ended:
        _reading["no_person"] = True
    return ended


def asked_anything() -> bool:
    """A prompt was shown (and its line is still open when input ended)."""
    return bool(_reading["asked"])


def answers_ran_out() -> bool:
    """Input that is not a terminal ended after some answers: the piped answers ran out."""
    return bool(_reading["ran_out"])


def read_line(prompt: str) -> str:
    """One line of input. Ctrl-C raises KeyboardInterrupt, end of input raises EOFError."""
    _enable_line_editing()
    _reading["asked"] = True
    sys.stdout.flush()
    # Long prompts are word-wrapped here; only their last line goes to input(), which
    # redraws it (a wrapped prompt given whole would break words where the terminal wraps).
    shown = fit(visible(prompt))
    before, _, last = shown.rpartition("\n")
    if before:
        print(before, flush=True)
    if prompt.endswith(" ") and not last.endswith(" "):
        last += " "
    try:
        line = input(last)
    except EOFError:
        if not _is_terminal():
            _reading["no_person" if not _reading["lines"] else "ran_out"] = True
        raise
    _reading["lines"] += 1
    return line


def _is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def ask_yes_no(question: str, default: bool = True) -> bool:
    suffix = " [Y/n] " if default else " [y/N] "
    while True:
        reply = read_line(question + suffix).strip().lower()
        if not reply:
            return default
        if reply in ("y", "yes"):
            return True
        if reply in ("n", "no"):
            return False
        print(visible(parse_messages.YES_NO_HINT))


def ask_day(question: str, allow_future: bool, default: str = "") -> date | None:
    """A day typed as YYYY-MM-DD, today or yesterday; asked again until it is one.

    An empty reply gives `default` parsed, or None when there is no default.
    """
    from stepwork.errors import UsageError
    from stepwork.parse.dates import parse_day

    while True:
        reply = read_line(question + " ").strip() or default
        if not reply:
            return None
        try:
            return parse_day(reply, allow_future=allow_future)
        except UsageError as problem:
            print(visible(problem.message))
