"""Journal-wide commands over every kind of record: log, search, show, edit, delete."""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from stepwork import render
from stepwork.cli import completion, editing, paging, panels
from stepwork.cli.application import confirm
from stepwork.errors import UsageError
from stepwork.messages import app as app_messages
from stepwork.messages import journal as journal_messages
from stepwork.parse import dates, numbers
from stepwork.render import layout

if TYPE_CHECKING:
    from stepwork.kinds.base import Entry, Filters, Record
    from stepwork.kinds.search import Hit

commands = typer.Typer(add_completion=False)


def limit(count: str) -> int:
    return numbers.count("-n", count, default=20)


def filters(
    kind: list[str] | None, step_text: str | None, since: str | None, until: str | None
) -> "Filters":
    from stepwork.kinds import KINDS, Filters, kind_named

    names = set()
    for value in kind or []:
        for part in value.split(","):
            found = kind_named(part)
            if found is None:
                raise UsageError(journal_messages.bad_kind(part, sorted(KINDS)))
            names.add(found.name)
    step = numbers.whole("--step", step_text)
    if step is not None and not 1 <= step <= 12:
        raise UsageError(app_messages.bad_step(str(step)))
    first = dates.parse_day(since) if since else None
    last = dates.parse_day(until) if until else None
    if first and last and first > last:
        raise UsageError(journal_messages.since_after_until(first.isoformat(), last.isoformat()))
    return Filters(frozenset(names), step, first, last)


KIND_HELP = (
    "Only these kinds: step, review, morning, plan, inventory, amends, checkin, gratitude, "
    "service, note, person, reached."
)


def entry_json(entry: "Entry") -> dict[str, Any]:
    return {
        "id": entry.label,
        "kind": entry.kind,
        "date": entry.day.isoformat(),
        "step": entry.step,
        "title": entry.title,
        "summary": entry.summary,
        "starred": entry.starred,
    }


@commands.command(rich_help_panel=panels.WORDS)
def log(
    kind: list[str] | None = typer.Option(None, "--kind", "-k", help=KIND_HELP),
    step: str | None = typer.Option(
        None, "--step", metavar="INTEGER", help="Only what belongs to step N."
    ),
    since: str | None = typer.Option(
        None, "--since", help="From this day (YYYY-MM-DD, today, yesterday)."
    ),
    until: str | None = typer.Option(None, "--until", help="Up to and including this day."),
    count: str = typer.Option("20", "-n", metavar="INTEGER", help="How many, newest first."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    no_pager: bool = typer.Option(False, "--no-pager", help=paging.NO_PAGER_HELP),
) -> None:
    """Everything you have written, newest first, with IDs for show, edit and delete."""
    from stepwork import kinds
    from stepwork.store import journal_file

    f = filters(kind, step, since, until)
    with journal_file.reading() as conn:
        entries = kinds.log(conn, f, limit(count))
    if as_json:
        typer.echo(render.json_text([entry_json(e) for e in entries], indent=2, ensure_ascii=False))
        return
    if not entries:
        render.console().print(journal_messages.LOG_EMPTY)
        return
    cols = [
        layout.Col("ID", wraps=False, style="bold cyan"),
        layout.Col("Day", wraps=False, style="dim"),
        layout.Col("What"),
        layout.Col(""),
    ]
    rows = [[e.label, render.local_day(e.day), e.shown_title, e.summary] for e in entries]
    with paging.paged(no_pager) as out:
        out.print(layout.sentences("", cols, rows, out.width, boxed=False))


@commands.command(rich_help_panel=panels.WORDS)
def search(
    query_words: list[str] = typer.Argument(
        ...,
        help="Words to look for, all of which must match; quote a phrase. "
        "'resented' also finds 'resentment'.",
        metavar="WORDS",
    ),
    kind: list[str] | None = typer.Option(None, "--kind", "-k", help=KIND_HELP),
    step: str | None = typer.Option(
        None, "--step", metavar="INTEGER", help="Only what belongs to step N."
    ),
    since: str | None = typer.Option(None, "--since", help="From this day."),
    until: str | None = typer.Option(None, "--until", help="Up to and including this day."),
    count: str = typer.Option("20", "-n", metavar="INTEGER", help="How many results at most."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    no_pager: bool = typer.Option(False, "--no-pager", help=paging.NO_PAGER_HELP),
) -> None:
    """Search everything you have written: best matches first, newest first for words found
    almost everywhere."""
    from stepwork.kinds.search import search as find
    from stepwork.store import journal_file
    from stepwork.store.search import MARK_END, MARK_START, query_of, words

    query = query_of(query_words)
    if not words(query):
        raise UsageError(journal_messages.SEARCH_NEEDS_WORDS)
    f = filters(kind, step, since, until)
    with journal_file.reading() as conn:
        hits = find(conn, query, f, limit(count))
    if as_json:
        rows = [
            entry_json(h.entry)
            | {"snippet": h.snippet.replace(MARK_START, "**").replace(MARK_END, "**")}
            for h in hits
        ]
        typer.echo(render.json_text(rows, indent=2, ensure_ascii=False))
        return
    if not hits:
        render.console().print(journal_messages.no_results(" ".join(query_words)))
        return
    with paging.paged(no_pager) as out:
        _print_hits(hits, out, MARK_START, MARK_END)


def _print_hits(hits: Iterable["Hit"], out: Console, start: str, end: str) -> None:
    for hit in hits:
        out.print(
            Text.assemble(
                (hit.entry.label, "bold cyan"),
                "  ",
                (render.local_day(hit.entry.day), "dim"),
                "  ",
                (render.visible(hit.entry.shown_title), "bold"),
            )
        )
        out.print(render.safe("  ").append_text(_highlight(hit.snippet, start, end)))


def _highlight(snippet: str, start: str, end: str) -> Text:
    text = Text()
    inside = False
    for piece in snippet.replace(end, start).split(start):
        text.append(render.visible(piece), style="bold yellow" if inside else "")
        inside = not inside
    return text


def _local_time(stamp: str) -> str:
    """A stored UTC time as the person reads it: 'Fri 27 Nov 2026 21:05'."""
    from stepwork.store.values import read_stamp

    try:
        moment = read_stamp(stamp).astimezone()
    except ValueError:
        return stamp
    return moment.strftime("%a %-d %b %Y %H:%M")


def render_record(record: "Record", out: Console) -> None:
    body = Text()
    for heading, text in record.parts:
        body.append(render.visible(heading) + "\n", style="bold")
        body.append(render.visible(text.rstrip()) + "\n\n")
    tags = [tag for tag in record.tags if tag != record.entry.kind]
    if tags:
        body.append("Tags\n", style="bold")
        body.append(render.visible(", ".join(tags)) + "\n\n")
    body.append("Written\n", style="bold")
    body.append(_local_time(record.entry.written))
    body.rstrip()
    entry = record.entry
    title = f"{entry.label} · {entry.shown_title} · {render.local_day(entry.day)}"
    out.print(Panel(body, title=render.safe(title), title_align="left", border_style="cyan"))


@commands.command(rich_help_panel=panels.WORDS)
def show(
    record_id: str = typer.Argument(
        ..., help="An ID from the log, like i3 or c12.", autocompletion=completion.recent_ids()
    ),
    no_pager: bool = typer.Option(False, "--no-pager", help=paging.NO_PAGER_HELP),
) -> None:
    """Show one record in full."""
    from stepwork.store import journal_file

    with journal_file.reading() as conn:
        kind, number = editing.find_record(conn, record_id)
        record = kind.record(conn, number)
    if record is None:
        raise UsageError(journal_messages.no_record(record_id))
    with paging.paged(no_pager) as out:
        render_record(record, out)


@commands.command(rich_help_panel=panels.WORDS)
def delete(
    record_id: str = typer.Argument(
        ..., help="An ID from the log, like i3 or c12.", autocompletion=completion.recent_ids()
    ),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask first."),
) -> None:
    """Delete one record for good (asks first). Its words are removed from the search index."""
    from stepwork.store import journal_file, search_index

    with journal_file.reading() as conn:
        kind, number = editing.find_record(conn, record_id)
        record = kind.record(conn, number)
        question = kind.delete_question(conn, number)
    if record is None:
        raise UsageError(journal_messages.no_record(record_id))
    out = render.console()
    if not yes:
        confirm(
            question,
            f"stepwork delete {record_id}",
            journal_messages.DELETE_KEPT,
            show=lambda: render_record(record, out),
        )
    with journal_file.writing() as conn:
        kind.delete(conn, number)
    with journal_file.writing() as conn:
        search_index.optimize(conn)
    out.print(journal_messages.item_deleted(record.entry.label))


@commands.command(rich_help_panel=panels.WORDS)
def edit(
    record_id: str = typer.Argument(
        ..., help="An ID from the log, like i3 or c12.", autocompletion=completion.recent_ids()
    ),
    in_editor: bool = typer.Option(
        False, "--editor", "-e", help="Edit the whole record in $VISUAL or $EDITOR."
    ),
) -> None:
    """Change a record, field by field or in your editor. Each field is kept once it checks out."""
    editing.edit_record(record_id, in_editor)
