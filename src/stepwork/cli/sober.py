"""`stepwork sober`: counters of sober time, kept kindly through any new start."""

import typer
from rich.table import Table
from rich.text import Text

from stepwork import dates, limits, messages, render, sobriety
from stepwork.cli import panels
from stepwork.cli.base import app
from stepwork.errors import UsageError

sober_app = typer.Typer(
    help="Sober time: counters in days and in years, months and days, with milestones.",
    invoke_without_command=True,
)
app.add_typer(sober_app, name="sober", rich_help_panel=panels.DAILY)


def _name(value: str) -> str:
    name = limits.text("name", value)
    if not name:
        raise UsageError(messages.EMPTY_NAME)
    return name


def _require(name: str):  # type: ignore[no-untyped-def]
    from stepwork.store import counters

    counter = counters.find(name)
    if counter is None:
        raise UsageError(messages.no_counter(name))
    return counter


def show_counters() -> None:
    from stepwork.store import counters

    rows = counters.all_counters()
    out = render.console()
    if not rows:
        out.print(messages.SOBER_EMPTY)
        return
    today = dates.today()
    out.print(render.safe(messages.SOBER_TITLE, style="bold"))
    celebrations = []
    for counter in rows:
        span = sobriety.span(counter.started_on, today)
        upcoming = sobriety.next_milestone(counter.started_on, today)
        out.print(
            Text.assemble(
                (render.visible(counter.name), "bold cyan"),
                "  ",
                messages.counter_span(span.days, span.years, span.months, span.rest_days),
                (f"  since {render.local_day(counter.started_on)}", "dim"),
            )
        )
        days_to_go = (upcoming.on - today).days
        line = messages.next_milestone(upcoming.label, render.local_day(upcoming.on), days_to_go)
        out.print(render.safe("  " + line, style="dim"))
        if sobriety.starts_ahead(counter.started_on, today):
            ahead = messages.counter_starts_ahead(render.local_day(counter.started_on))
            out.print(render.safe("  " + ahead, style="dim"))
        reached = sobriety.reached_today(counter.started_on, today)
        if reached is not None:
            celebrations.append(messages.milestone_today(counter.name, reached.label))
    for line in celebrations:
        out.print(line, style="bold green")


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
    if counters.find(clean) is not None:
        raise UsageError(messages.counter_exists(clean))
    counters.start(clean, day)
    render.console().print(messages.counter_started(clean, render.local_day(day)), style="green")
    show_counters()


@sober_app.command("reset")
def sober_reset(
    name: str = typer.Argument(..., help="The counter."),
    on: str = typer.Option("today", "--date", help="The new first day."),
    note: str = typer.Option("", "--note", help="A few words to keep with the earlier run."),
) -> None:
    """Count again from a new day. The earlier run is kept in your history."""
    from stepwork.store import counters

    counter = _require(_name(name))
    day = dates.parse_day(on, allow_future=False)
    if day < counter.started_on:
        raise UsageError(
            messages.reset_before_start(day.isoformat(), counter.started_on.isoformat())
        )
    kept_days = (day - counter.started_on).days
    counters.reset(counter.id, day, limits.text("note", note))
    render.console().print(messages.counter_reset(counter.name, render.local_day(day), kept_days))


@sober_app.command("history")
def sober_history(name: str = typer.Argument(..., help="The counter.")) -> None:
    """The earlier runs of a counter, with their length and notes."""
    from stepwork.store import counters

    counter = _require(_name(name))
    runs = counters.history(counter.id)
    out = render.console()
    if not runs:
        out.print(messages.HISTORY_EMPTY)
        return
    table = Table(title=f"{messages.HISTORY_TITLE}: {counter.name}", title_justify="left")
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
