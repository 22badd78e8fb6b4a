"""A printable packet: the markdown export as one self-contained HTML page.

The page is the markdown document (so `--for` and the filters choose the same content, and the
inventory has the same columns) rendered by a CommonMark parser with raw HTML, links and images
turned off: nothing a person wrote can become markup, a script or a request. Inline CSS only,
no scripts, and a Content-Security-Policy that forbids loading anything. The print stylesheet
starts each inventory section on a new page and lets table columns wrap to fit A4 or Letter.
"""

import html
import io
import sqlite3
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

from stepwork.export import markdown
from stepwork.kinds import Filters
from stepwork.messages import transfer as transfer_messages

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

INVENTORY_HEADING = "Inventory"
# markdown.cell() joins a cell's lines with this; the parser escapes it like any text.
CELL_BREAK = " &lt;br&gt; "

STYLE = """
:root { color-scheme: light; }
body { font: 11pt/1.45 Georgia, "DejaVu Serif", serif; color: #111; margin: 2em auto;
  max-width: 60em; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0 0 .3em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #999; margin-top: 1.6em; }
h3 { font-size: 1.1em; margin-top: 1.2em; }
table { width: 100%; border-collapse: collapse; margin: .5em 0 1em; }
th, td { border: 1px solid #888; padding: .3em .4em; vertical-align: top; text-align: left; }
td { overflow-wrap: anywhere; min-width: 3.5em; }
td:first-child { white-space: nowrap; min-width: 0; }
th { background: #eee; }
pre, code { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .95em; }
blockquote { margin: .3em 0 .8em 1em; padding-left: .8em; border-left: 3px solid #ccc; }
footer { margin-top: 2.5em; padding-top: .6em; border-top: 1px solid #999; font-size: .9em;
  color: #333; }
@page { size: auto; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  h3.inventory-section { break-before: page; }
  h2 + h3.inventory-section { break-before: avoid; }
  tr, blockquote { break-inside: avoid; }
  thead { display: table-header-group; }
  footer { break-inside: avoid; }
}
"""


def _parser() -> "MarkdownIt":
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False})
    parser.enable("table")
    parser.disable(["link", "image", "autolink"])
    return parser


def _mark_inventory_sections(tokens: list["Token"]) -> None:
    """Give each inventory section's heading a class, so print can start it on a new page."""
    inside = False
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        title = tokens[index + 1].content if index + 1 < len(tokens) else ""
        if token.tag in ("h1", "h2"):
            inside = token.tag == "h2" and title == INVENTORY_HEADING
        elif token.tag == "h3" and inside:
            token.attrSet("class", "inventory-section")


def render(document: str, title: str) -> str:
    parser = _parser()
    tokens = parser.parse(document)
    _mark_inventory_sections(tokens)
    body = parser.renderer.render(tokens, parser.options, {}).replace(CELL_BREAK, "<br>")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer">',
            f"<title>{html.escape(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            "<main>",
            body,
            "</main>",
            f"<footer><p>{html.escape(transfer_messages.PACKET_FOOT)}</p></footer>",
            "</body>",
            "</html>",
            "",
        ]
    )


def write(
    conn: sqlite3.Connection,
    out: IO[str],
    f: Filters,
    for_whom: str | None = None,
    tick: Callable[[], None] = lambda: None,
    with_trends: bool = False,
) -> None:
    document = io.StringIO()
    markdown.write(conn, document, f, for_whom, tick, with_trends)
    title = markdown.packet_title(for_whom) if for_whom else "My stepwork journal"
    out.write(render(document.getvalue(), title))
