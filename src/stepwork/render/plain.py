"""Plain mode: output with no box drawing, no block glyphs and no colour, for a screen reader
and for pasting into a message. Tables become "heading: value" lines, panels their title and
text, rules their title. On with STEPWORK_PLAIN=1 or `stepwork config plain true`.
"""

import os
import sys
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

ENV = "STEPWORK_PLAIN"

# A heading that is a sign in a drawn table, said as a word ("number sign: 1" otherwise).
_SPOKEN_HEADINGS = {"#": "Number"}


def wanted() -> bool:
    from stepwork import settings

    if os.environ.get(ENV, "").strip().lower() in ("1", "true", "yes", "on"):
        return True
    return settings.load().get("plain") == "true"


def _text_of(cell: Any, console: Console) -> str:
    if isinstance(cell, Text):
        return cell.plain
    if isinstance(cell, str):
        return cell
    return "\n".join(line.rstrip() for line in _lines(cell, console))


def _lines(renderable: RenderableType, console: Console) -> list[str]:
    with console.capture() as captured:
        Console.print(console, renderable)
    return captured.get().splitlines()


def _table(table: Table, console: Console) -> list[RenderableType]:
    out: list[RenderableType] = []
    if table.title:
        out.append(Text(_text_of(table.title, console)))
    headings = [
        _SPOKEN_HEADINGS.get(heading, heading)
        for heading in (_text_of(column.header, console) for column in table.columns)
    ]
    cells = [list(column._cells) for column in table.columns]
    for index in range(table.row_count):
        lines = []
        for heading, column_cells in zip(headings, cells, strict=True):
            value = _text_of(column_cells[index], console) if index < len(column_cells) else ""
            if not value.strip():
                continue
            value = value.replace("\n", "\n  ")
            lines.append(f"{heading}: {value}" if heading.strip() else value)
        out.append(Text("\n".join(lines)))
        if table.show_header or table.show_lines:
            out.append(Text(""))  # a blank line between records
    return out


def flatten(renderable: Any, console: Console) -> list[Any]:
    """The renderable as plain parts: what a boxed or drawn one says, without the drawing."""
    if isinstance(renderable, Table):
        return _table(renderable, console)
    if isinstance(renderable, Panel):
        title = [Text(_text_of(renderable.title, console))] if renderable.title else []
        return [*title, *flatten(renderable.renderable, console), Text("")]
    if isinstance(renderable, Rule):
        return [Text(_text_of(renderable.title, console))] if renderable.title else [Text("")]
    if isinstance(renderable, Padding):
        return flatten(renderable.renderable, console)
    if isinstance(renderable, Group):
        return [part for inner in renderable.renderables for part in flatten(inner, console)]
    markdown = sys.modules.get("rich.markdown")  # loaded only where Markdown is shown
    if markdown is not None and isinstance(renderable, markdown.Markdown):
        return [Text(markdown_plain(renderable.markup))]
    return [renderable]


def markdown_plain(source: str) -> str:
    """Our own markdown (crisis lines, guides) as plain text: headings and paragraphs as lines,
    a table's rows as "heading: value" lines, code as it is, without marks or rules."""
    out: list[str] = []
    paragraph: list[str] = []
    headings: list[str] | None = None
    in_code = False

    def flush() -> None:
        if paragraph:
            out.extend([" ".join(paragraph), ""])
            paragraph.clear()

    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            in_code = not in_code
            if not in_code:
                out.append("")
            continue
        if in_code:
            out.append(line)
            continue
        if stripped.startswith("|"):
            flush()
            cells = [_inline(c.strip()) for c in stripped.strip("|").split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue
            if headings is None:
                headings = cells
                continue
            out.extend(f"{h}: {c}" for h, c in zip(headings, cells, strict=False) if c)
            out.append("")
            continue
        headings = None
        if not stripped:
            flush()
        elif stripped.startswith("#"):
            flush()
            out.extend([_inline(stripped.lstrip("#").strip()), ""])
        else:
            paragraph.append(_inline(stripped))
    flush()
    return "\n".join(out).strip()


def _inline(text: str) -> str:
    return text.replace("**", "").replace("`", "")


def print_plainly(console: Console, objects: tuple[Any, ...], options: dict[str, Any]) -> None:
    parts = [part for obj in objects for part in flatten(obj, console)]
    options.pop("style", None)
    if len(parts) > 1:
        options["sep"] = "\n"
    Console.print(console, *parts, **options)
