"""Small Rich helpers shared by the commands, and the one way text reaches a terminal.

Text from a person, a file, a path or the environment is never Rich markup and never reaches a
terminal as raw control characters: `safe` makes it a `Text` (never parsed) with C0/C1 controls
(except newline and tab) and DEL shown as visible symbols; the consoles made here parse no
markup in plain strings either, and show any control left in a segment the same way. What is
stored stays exactly as typed: this happens only on the way out.
"""

import json
from collections.abc import Iterable
from datetime import date
from typing import IO, Any

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from stepwork.controls import JSON_ESCAPES, VISIBLE, visible
from stepwork.parse.dates import local_day as local_day


def safe(value: object, style: str | Style = "", **options: Any) -> Text:
    """Any user text (a note, a name, a path, a query) as Rich Text: never markup, no controls."""
    return Text(visible(str(value)), style=style, **options)


def json_text(value: Any, **options: Any) -> str:
    """JSON for a terminal: exact (json.loads gives the text back), with no raw control bytes."""
    return json.dumps(value, **options).translate(JSON_ESCAPES)


class _ShownOnTerminal:
    """A text stream for an export printed straight to a terminal: JSON keeps every control
    as a \\u escape (still valid JSON); markdown shows them as visible symbols."""

    def __init__(self, stream: IO[str], as_json: bool) -> None:
        self.stream, self.table = stream, (JSON_ESCAPES if as_json else VISIBLE)

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


class PlainConsole(SafeConsole):
    """Plain mode (`stepwork.render.plain`): no colour, and nothing drawn: tables as lines."""

    def print(self, *objects: Any, **options: Any) -> None:
        from stepwork.render.plain import print_plainly

        print_plainly(self, objects, options)


# The console a pager is collecting a command's output on (cli/paging.py), if any.
collecting: list[Console] = []


def console(stderr: bool = False) -> Console:
    if collecting and not stderr:
        return collecting[-1]
    from stepwork.render import plain

    # Created per call so it always writes to the current sys.stdout (tests swap it).
    if plain.wanted():
        return PlainConsole(
            highlight=False, markup=False, emoji=False, stderr=stderr, color_system=None
        )
    return SafeConsole(highlight=False, markup=False, emoji=False, stderr=stderr)


def is_plain(out: Console) -> bool:
    return isinstance(out, PlainConsole)


def short_day(iso_day: str) -> str:
    return date.fromisoformat(iso_day).strftime("%-d %b")


def fit(text: str, stream: IO[str] | None = None) -> str:
    """Plain text word-wrapped to the terminal `stream` is (stdout by default), so no word or
    command is broken across lines; unchanged when it is not a terminal. A line that wraps
    keeps its own indent on the lines after it."""
    import shutil
    import sys
    import textwrap

    stream = stream if stream is not None else sys.stdout
    try:
        if not stream.isatty():
            return text
    except (AttributeError, ValueError):
        return text
    width = max(20, shutil.get_terminal_size().columns - 1)
    lines = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip(" "))]
        lines.append(
            textwrap.fill(
                line,
                width=width,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
                drop_whitespace=True,
            )
            if len(line) > width
            else line
        )
    return "\n".join(lines)
