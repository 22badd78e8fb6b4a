"""Small Rich helpers shared by the commands, and the one way text reaches a terminal.

Text from a person, a file, a path or the environment is never Rich markup and never reaches a
terminal as raw control characters: `safe` makes it a `Text` (never parsed) with C0/C1 controls
(except newline and tab) and DEL shown as visible symbols; the consoles made here parse no
markup in plain strings either, and show any control left in a segment the same way. What is
stored stays exactly as typed: this happens only on the way out.
"""

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import IO, Any

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text


def _caret(code: int) -> str:
    return "^" + chr(code ^ 0x40)


# C0 as Unicode's control pictures (ESC is ␛), DEL as ␡, C1 in `cat -v` notation (M-^[).
_VISIBLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20) if code not in (9, 10)}
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({code: "M-" + _caret(code - 0x80) for code in range(0x80, 0xA0)})
# Bytes that were not UTF-8 (in a path or the environment) arrive as lone surrogates.
_VISIBLE.update({code: "\ufffd" for code in range(0xD800, 0xE000)})
# In JSON written to a terminal, controls become \u escapes (json.dumps escapes C0 itself, but
# not DEL and C1).
_JSON_ESCAPES: dict[int, str] = {
    code: f"\\u{code:04x}" for code in (*range(0x20), *range(0x7F, 0xA0)) if code != 10
}


def visible(text: str) -> str:
    """`text` with every control character but newline and tab replaced by a visible form."""
    return text.translate(_VISIBLE)


def safe(value: object, style: str | Style = "", **options: Any) -> Text:
    """Any user text (a note, a name, a path, a query) as Rich Text: never markup, no controls."""
    return Text(visible(str(value)), style=style, **options)


def json_text(value: Any, **options: Any) -> str:
    """JSON for a terminal: exact (json.loads gives the text back), with no raw control bytes."""
    return json.dumps(value, **options).translate(_JSON_ESCAPES)


class _ShownOnTerminal:
    """A text stream for an export printed straight to a terminal: JSON keeps every control
    as a \\u escape (still valid JSON); markdown shows them as visible symbols."""

    def __init__(self, stream: IO[str], as_json: bool) -> None:
        self.stream, self.table = stream, (_JSON_ESCAPES if as_json else _VISIBLE)

    def write(self, text: str) -> int:
        return self.stream.write(text.translate(self.table))


def for_terminal(stream: IO[str], as_json: bool = False) -> IO[str]:
    """`stream` itself when it is a file or a pipe (exports stay exact); a showing one on a
    terminal."""
    isatty = getattr(stream, "isatty", None)
    if isatty is None or not isatty():
        return stream
    return _ShownOnTerminal(stream, as_json)  # type: ignore[return-value]


class SafeConsole(Console):
    """A console on which a plain string is always plain text, and no control byte is emitted
    from text (Rich's own styles and cursor controls are untouched)."""

    def render_str(self, text: str, **options: Any) -> Text:
        return super().render_str(visible(text), **options)

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            segment if segment.control else Segment(visible(segment.text), segment.style)
            for segment in buffer
        )


# The console a pager is collecting a command's output on (cli/paging.py), if any.
collecting: list[Console] = []


def console(stderr: bool = False) -> Console:
    if collecting and not stderr:
        return collecting[-1]
    # Created per call so it always writes to the current sys.stdout (tests swap it).
    return SafeConsole(highlight=False, markup=False, emoji=False, stderr=stderr)


def local_day(moment: datetime | date) -> str:
    """A date as a person reads it, in their own time zone: 'Fri 27 Nov 2026'."""
    if isinstance(moment, datetime):
        moment = moment.astimezone().date()
    return moment.strftime("%a %-d %b %Y")


def short_day(iso_day: str) -> str:
    return date.fromisoformat(iso_day).strftime("%-d %b")
