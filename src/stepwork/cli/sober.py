"""`stepwork sober`: counters of counted time, kept kindly through any new start.

A reset asks first and takes a backup; every change (reset, corrected start, rename, delete) can
be undone, and a deleted counter stays in the history and the export.
"""

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.table import Table
from rich.text import Text

from stepwork import render, settings
from stepwork.cli import panels
from stepwork.cli.application import confirm
from stepwork.domain import sobriety
from stepwork.errors import UsageError, UserError
from stepwork.messages import sober as sober_messages
from stepwork.parse import dates, limits

if TYPE_CHECKING:
    from stepwork.store.counters import Counter

commands = typer.Typer(add_completion=False)

sober_app = typer.Typer(
    help="Sober time: counters in days and in years, months and days, with milestones.",
    invoke_without_command=True,
)
commands.add_typer(sober_app, name="sober", rich_help_panel=panels.DAILY)

YES_HELP = "Do not ask first (for scripts)."


def _name(value: str) -> str:
    name = limits.text("name", value)
    if not name:
        raise UsageError(sober_messages.EMPTY_NAME)
    return name


def _require(name: str, include_deleted: bool = False) -> "Counter":
    from stepwork.store import counters

    counter = counters.find(name, include_deleted=include_deleted)
    if counter is None:
        raise UsageError(sober_messages.no_counter(name))
    return counter


def _say(line: str, style: str = "") -> None:
    render.console().print(Text(line, style=style))


def counter_line(name: str, started_on: date, today: date, word: str) -> Text:
    span = sobriety.span(started_on, today)
    return Text.assemble(
        (render.visible(name), "bold cyan"),
        "  ",
        sober_messages.counter_span(span.days, span.years, span.months, span.rest_days, word),
        (f"  since {render.local_day(started_on)}", "dim"),
    )


def show_counters() -> None:
    from stepwork.store import counters

    rows = counters.all_counters()
    out = render.console()
    if not rows:
        out.print(sober_messages.SOBER_EMPTY)
        return
    word = settings.load()["time_word"]
    today = dates.today()
    out.print(Text(sober_messages.time_title(word), style="bold"))
    celebrations = []
    for counter in rows:
        upcoming = sobriety.next_milestone(counter.started_on, today)
        out.print(counter_line(counter.name, counter.started_on, today, word))
        days_to_go = (upcoming.on - today).days
        line = sober_messages.next_milestone(
            upcoming.label, render.local_day(upcoming.on), days_to_go
        )
        out.print(render.safe("  " + line, style="dim"))
        if sobriety.starts_ahead(counter.started_on, today):
            ahead = sober_messages.counter_starts_ahead(render.local_day(counter.started_on))
            out.print(render.safe("  " + ahead, style="dim"))
        reached = sobriety.reached_today(counter.started_on, today)
        if reached is not None:
            celebrations.append(sober_messages.milestone_today(counter.name, reached.label))
    for line in celebrations:
        out.print(Text(line, style="bold green"))


@sober_app.callback()
def sober_root(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:
        show_counters()


@sober_app.command("start")
def sober_start(
    name: str = typer.Argument(..., help="What you are counting, like alcohol."),
    on: str = typer.Option("today", "--date", help="The first day: YYYY-MM-DD, today, ..."),
) -> None:
    """Start a counter (back-dating is fine; a future day is not)."""
    from stepwork.store import counters

    clean = _name(name)
    day = dates.parse_day(on, allow_future=False)
    existing = counters.find(clean, include_deleted=True)
    if existing is not None:
        if existing.deleted:
            raise UsageError(sober_messages.deleted_counter_exists(existing.name))
        raise UsageError(sober_messages.counter_exists(clean))
    counters.start(clean, day)
    _say(sober_messages.counter_started(clean, render.local_day(day)), "green")
    show_counters()


def _backup_before(what: str) -> Path:
    from stepwork.home import paths
    from stepwork.store import backup

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return backup.backup(paths().backups_dir / f"stepwork-before-{what}-{stamp}.db")


@sober_app.command("reset")
def sober_reset(
    name: str = typer.Argument(..., help="The counter."),
    on: str = typer.Option("today", "--date", help="The new first day."),
    note: str = typer.Option("", "--note", help="A few words to keep with the earlier run."),
    yes: bool = typer.Option(False, "--yes", "-y", help=YES_HELP),
) -> None:
    """Count again from a new day (asks first). The earlier run is kept in your history."""
    from stepwork.store import counters

    counter = _require(_name(name))
    day = dates.parse_day(on, allow_future=False)
    if day < counter.started_on:
        raise UsageError(
            sober_messages.reset_before_start(
                counter.name, day.isoformat(), counter.started_on.isoformat()
            )
        )
    kept_note = limits.text("note", note)
    kept_days = (day - counter.started_on).days
    if not yes:
        word = settings.load()["time_word"]
        render.console().print(counter_line(counter.name, counter.started_on, dates.today(), word))
        question = sober_messages.reset_question(counter.name, render.local_day(day), kept_days)
        confirm(question, f"stepwork sober reset {counter.name}")
    copy = _backup_before("reset")
    counters.reset(counter.id, day, kept_note)
    _say(sober_messages.counter_reset(counter.name, render.local_day(day), kept_days, copy))


@sober_app.command("undo")
def sober_undo(name: str = typer.Argument(..., help="The counter.")) -> None:
    """Put a counter back as it was before its last reset, start change, rename or delete."""
    from stepwork.store import counters

    counter = _require(_name(name), include_deleted=True)
    change = counters.undo(counter.id)
    if change is None:
        raise UserError(sober_messages.nothing_to_undo(counter.name))
    what = sober_messages.CHANGE_WORDS[change.kind]
    _say(sober_messages.undone(change.previous_name, what, render.local_day(change.previous_start)))
    show_counters()


@sober_app.command("set")
def sober_set(
    name: str = typer.Argument(..., help="The counter."),
    on: str = typer.Option(..., "--date", help="The right first day: YYYY-MM-DD, ..."),
) -> None:
    """Correct a counter's first day (earlier or later); it can be undone."""
    from stepwork.store import counters

    counter = _require(_name(name))
    day = dates.parse_day(on, allow_future=False)
    counters.set_start(counter.id, day)
    _say(sober_messages.counter_set(counter.name, render.local_day(day)), "green")


@sober_app.command("rename")
def sober_rename(
    name: str = typer.Argument(..., help="The counter."),
    new_name: str = typer.Argument(..., help="Its new name.", metavar="NEW"),
) -> None:
    """Give a counter another name; its history stays with it."""
    from stepwork.store import counters

    counter = _require(_name(name))
    clean = _name(new_name)
    other = counters.find(clean, include_deleted=True)
    if other is not None and other.id != counter.id:
        raise UsageError(
            sober_messages.deleted_counter_exists(other.name)
            if other.deleted
            else sober_messages.counter_exists(other.name)
        )
    counters.rename(counter.id, clean)
    _say(sober_messages.counter_renamed(counter.name, clean), "green")


@sober_app.command("delete")
def sober_delete(
    name: str = typer.Argument(..., help="The counter."),
    yes: bool = typer.Option(False, "--yes", "-y", help=YES_HELP),
) -> None:
    """Stop showing a counter (asks first). It stays in your history and exports."""
    from stepwork.store import counters

    counter = _require(_name(name))
    if not yes:
        confirm(
            sober_messages.delete_counter_question(counter.name),
            f"stepwork sober delete {counter.name}",
        )
    counters.delete(counter.id)
    _say(sober_messages.counter_deleted(counter.name))


@sober_app.command("history")
def sober_history(name: str = typer.Argument(..., help="The counter.")) -> None:
    """The earlier runs of a counter, with their length and notes, and its changes."""
    from stepwork.store import counters

    counter = _require(_name(name), include_deleted=True)
    runs = counters.history(counter.id)
    changes = counters.changes(counter.id)
    out = render.console()
    title = f"{sober_messages.HISTORY_TITLE}: {counter.name}"
    if counter.deleted:
        title += f" {sober_messages.DELETED_MARK}"
    if not runs:
        if counter.deleted:
            out.print(Text(title, style="bold"))
        out.print(sober_messages.HISTORY_EMPTY)
    else:
        table = Table(title=Text(title), title_justify="left")
        table.add_column("From")
        table.add_column("To")
        table.add_column("Days", justify="right")
        table.add_column("Note")
        for run in runs:
            table.add_row(
                render.local_day(run.started_on),
                render.local_day(run.ended_on),
                str((run.ended_on - run.started_on).days),
                render.safe(run.note),
            )
        current_days = sobriety.span(counter.started_on, dates.today()).days
        table.add_row(render.local_day(counter.started_on), "now", str(current_days), "")
        out.print(table)
    if changes:
        out.print(Text(sober_messages.CHANGES_TITLE, style="bold"))
        for change in changes:
            line = sober_messages.change_line(
                render.local_day(change.made_on),
                change.kind,
                render.local_day(change.previous_start),
                change.previous_name,
            )
            out.print(Text("  " + line))
