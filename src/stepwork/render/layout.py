"""Lists of sentences that stay readable at any width: columns while every word fits whole,
a card per row below that. Nothing is cut short with an ellipsis."""

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from stepwork.controls import visible

MIN_SENTENCE_WIDTH = 10
"""Below this a column of sentences reads as a word or two a line: cards read better."""
CELL_FRAME = 3
"""A boxed cell's padding and its border: one space each side and a rule."""
PLAIN_CELL_FRAME = 2
CARD_NAME_WIDTH = 32
"""A second column this short (a name, a day) is shown in the card's title."""


@dataclass(frozen=True)
class Col:
    heading: str
    wraps: bool = True
    """A column of sentences (wrapped at word boundaries); otherwise short values kept whole."""
    style: str = ""
    min_width: int = MIN_SENTENCE_WIDTH
    """For a wrapping column: how narrow it may get (never narrower than its longest word)."""


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _longest_line(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def _needed(col: Col, cells: Sequence[str]) -> int:
    if col.wraps:
        least = col.min_width if any(c.strip() for c in cells) else 0
        return max(least, _longest_word(col.heading), *map(_longest_word, cells))
    return max(cell_len(col.heading), *map(_longest_line, cells))


def _frame(count: int, boxed: bool) -> int:
    return CELL_FRAME * count + 1 if boxed else PLAIN_CELL_FRAME * count


def fits(
    cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int, boxed: bool = True
) -> bool:
    """Whether a table of these rows fits `width` with every word and short value whole."""
    needed = [_needed(col, [row[i] for row in rows]) for i, col in enumerate(cols)]
    return sum(needed) + _frame(len(cols), boxed) <= width


def _widths(
    cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int, boxed: bool
) -> list[int]:
    """Each column's width, worked out here rather than by Rich (whose squeezing can split a
    word): every column gets what its longest word needs, and the room left is shared fairly,
    the columns that want least being served first."""
    needed = [_needed(col, [row[i] for row in rows]) for i, col in enumerate(cols)]
    wanted = [
        max(needed[i], *(_longest_line(row[i]) for row in rows)) if col.wraps else needed[i]
        for i, col in enumerate(cols)
    ]
    spare = width - _frame(len(cols), boxed) - sum(needed)
    widths = list(needed)
    spare = _share(widths, wanted, spare)
    # Then, from what is left, a heading gets its whole line: a column left empty is not
    # squeezed to one word a line while the table has room to spare.
    headings = [
        max(widths[i], cell_len(col.heading)) if col.wraps else widths[i]
        for i, col in enumerate(cols)
    ]
    _share(widths, headings, spare)
    return widths


def sentences(
    title: str,
    cols: Sequence[Col],
    rows: Sequence[Sequence[str]],
    width: int,
    boxed: bool = True,
) -> RenderableType:
    """One table of the rows when it fits `width`, else one card per row (titled by its
    first column, the rest as heading and text). All text is shown as given, never as markup.
    `boxed=False` is a lighter table for long lists (no borders, no rules between rows)."""
    # Shown visibly before measuring: Rich's Text would silently drop a BEL or a CR.
    title, rows = visible(title), [[visible(cell) for cell in row] for row in rows]
    from stepwork.render import plain

    # Plain mode reads a table as "heading: value" lines at any width; a card would lose the
    # heading of the column that joins its title.
    if plain.wanted() or fits(cols, rows, width, boxed):
        return _table(title, cols, rows, _widths(cols, rows, width, boxed), boxed)
    return _cards(title, cols, rows)


def _share(widths: list[int], wanted: Sequence[int], spare: int) -> int:
    """Give `spare` to the columns that want more, those that want least served first; what
    is left over."""
    hungry = sorted(
        (i for i in range(len(widths)) if wanted[i] > widths[i]), key=wanted.__getitem__
    )
    for served, i in enumerate(hungry):
        give = min(wanted[i] - widths[i], spare // (len(hungry) - served))
        widths[i] += give
        spare -= give
    return spare


def _table(
    title: str,
    cols: Sequence[Col],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    boxed: bool,
) -> Table:
    if boxed:
        table = Table(title=Text(title), title_justify="left", show_lines=True)
    else:
        table = Table(
            title=Text(title) if title else None,
            title_justify="left",
            box=None,
            padding=(0, 1),
            header_style="bold",
        )
    for col, col_width in zip(cols, widths, strict=True):
        table.add_column(
            col.heading,
            width=col_width,
            no_wrap=not col.wraps,
            overflow="fold",
            style=col.style,
        )
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def _cards(title: str, cols: Sequence[Col], rows: Sequence[Sequence[str]]) -> Group:
    cards: list[RenderableType] = [Text(title, style="italic")] if title else []
    for row in rows:
        body = Text()
        # A short second column (a name) joins the card's title; a long one stays in the body,
        # since a panel title too wide for the card would be cut.
        named = len(cols) > 1 and "\n" not in row[1] and 0 < cell_len(row[1]) <= CARD_NAME_WIDTH
        heading = f"{row[0]} · {row[1]}" if named else row[0]
        first = 2 if named else 1
        for col, cell in zip(cols[first:], row[first:], strict=True):
            if not cell.strip():
                continue
            # A column with no heading goes on under the one before it (log's summary under
            # "What"), with no blank line and no empty heading.
            if col.heading:
                if body:
                    body.append("\n")
                body.append(col.heading + "\n", style="bold")
            body.append(cell + "\n", style=col.style)
        body.rstrip()
        cards.append(
            Panel(body, title=Text(heading, style="bold"), title_align="left", border_style="dim")
        )
    return Group(*cards)
