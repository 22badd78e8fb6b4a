"""Lists of sentences that stay readable at any width: columns while every word fits whole,
a card per row below that. Nothing is cut short with an ellipsis."""

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

MIN_SENTENCE_WIDTH = 12
"""Below this a column of sentences reads as a few words a line: cards read better."""
CELL_FRAME = 3
"""A cell's padding and its border: one space each side and a rule."""


@dataclass(frozen=True)
class Col:
    heading: str
    wraps: bool = True
    """A column of sentences (wrapped at word boundaries); otherwise short values kept whole."""
    style: str = ""
    ratio: int = 2


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _longest_line(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def _needed(col: Col, cells: Sequence[str]) -> int:
    if col.wraps:
        return max(MIN_SENTENCE_WIDTH, _longest_word(col.heading), *map(_longest_word, cells))
    return max(cell_len(col.heading), *map(_longest_line, cells))


def fits(cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int) -> bool:
    """Whether a table of these rows fits `width` with every word and short value whole."""
    needed = [_needed(col, [row[i] for row in rows]) for i, col in enumerate(cols)]
    return sum(needed) + CELL_FRAME * len(cols) + 1 <= width


def sentences(
    title: str, cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int
) -> RenderableType:
    """One table of the rows when it fits `width`, else one card per row (titled by its
    first column, the rest as heading and text). All text is shown as given, never as markup."""
    if fits(cols, rows, width):
        return _table(title, cols, rows)
    return _cards(title, cols, rows)


def _table(title: str, cols: Sequence[Col], rows: Sequence[Sequence[str]]) -> Table:
    table = Table(title=Text(title), title_justify="left", show_lines=True, expand=True)
    for i, col in enumerate(cols):
        if col.wraps:
            table.add_column(
                col.heading,
                ratio=col.ratio,
                min_width=_needed(col, [row[i] for row in rows]),
                overflow="fold",
                style=col.style,
            )
        else:
            table.add_column(col.heading, no_wrap=True, style=col.style)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def _cards(title: str, cols: Sequence[Col], rows: Sequence[Sequence[str]]) -> Group:
    cards: list[RenderableType] = [Text(title, style="italic")]
    for row in rows:
        body = Text()
        for col, cell in zip(cols[1:], row[1:], strict=True):
            if not cell.strip():
                continue
            if body:
                body.append("\n")
            body.append(col.heading + "\n", style="bold")
            body.append(cell + "\n", style=col.style)
        body.rstrip()
        cards.append(
            Panel(body, title=Text(row[0], style="bold"), title_align="left", border_style="dim")
        )
    return Group(*cards)
