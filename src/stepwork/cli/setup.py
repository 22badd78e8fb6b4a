"""`stepwork paths`, `stepwork config` and `stepwork wording`."""

import os

import typer
from rich.console import Console
from rich.padding import Padding
from rich.table import Table

from stepwork import render, settings
from stepwork.cli import panels
from stepwork.content import wording
from stepwork.errors import UsageError
from stepwork.home import HOME_ENV, paths
from stepwork.messages import daily as daily_messages
from stepwork.messages import setup as setup_messages

commands = typer.Typer(add_completion=False)


@commands.command("paths", rich_help_panel=panels.SETUP)
def show_paths() -> None:
    """Where your journal, settings and backups live on this machine."""
    where = paths()
    out = render.console()
    out.print(setup_messages.PATHS_TITLE, style="bold")
    for label, path in (
        ("journal", where.database),
        ("backups", where.backups_dir),
        ("settings", where.settings_file),
        ("step wording", where.wording_file),
    ):
        # Soft wrap keeps each path whole on one line, ready to copy.
        out.print(f"  {label:<14}{path}", soft_wrap=True, markup=False)
    if os.environ.get(HOME_ENV):
        out.print(setup_messages.PATHS_HOME_SET, style="dim")


@commands.command("config", rich_help_panel=panels.SETUP)
def config(
    key: str | None = typer.Argument(None, help="A setting to show or change.", show_default=False),
    value: str | None = typer.Argument(None, help="Its new value.", show_default=False),
    unset: bool = typer.Option(False, "--unset", help="Put the setting back to its default."),
    put_away: str | None = typer.Option(
        None, "--put-away", help="With questions: put a question away (like checkin:halt)."
    ),
    bring_back: str | None = typer.Option(
        None, "--bring-back", help="With questions: bring a question back (or all)."
    ),
) -> None:
    """Show your settings, or change one: stepwork config substance gambling

    stepwork config questions lists the questions of the daily practice and which are put away.
    """
    out = render.console()
    if key == QUESTIONS or put_away is not None or bring_back is not None:
        if key != QUESTIONS or value is not None:
            raise UsageError(daily_messages.QUESTIONS_OPTIONS_NEED_QUESTIONS)
        _questions(out, put_away, bring_back)
        return
    if key == settings.PUT_AWAY and (unset or value is not None):
        raise UsageError(daily_messages.PUT_AWAY_THROUGH_QUESTIONS)
    if key is not None and unset:
        settings.unset(key)
        out.print(setup_messages.setting_reset(key, settings.SETTINGS[key].default))
        return
    if key is not None and value is not None:
        stored = settings.set_value(key, value)
        out.print(setup_messages.setting_saved(key, stored))
        return
    values = settings.load()
    keys = [key] if key is not None else list(settings.SETTINGS)
    if key is not None and key not in settings.SETTINGS:
        settings.set_value(key, "")  # raises the one-line "no such setting"
    table = Table(title=setup_messages.SETTINGS_TITLE, title_justify="left")
    table.add_column("Setting", style="bold")
    table.add_column("Value")
    table.add_column("What it does", style="dim")
    for name in keys:
        if not settings.SETTINGS[name].listed and key is None:
            continue
        table.add_row(name, render.safe(values[name]), settings.SETTINGS[name].description)
    out.print(table)
    out.print(setup_messages.SETTINGS_HOW, style="dim")


QUESTIONS = "questions"


def _questions(out: Console, put_away: str | None, bring_back: str | None) -> None:
    from stepwork.domain import putaway

    if put_away is not None:
        out.print(render.safe(putaway.change(put_away, away=True)))
    if bring_back is not None:
        out.print(render.safe(putaway.change(bring_back, away=False)))
    if put_away is not None or bring_back is not None:
        return
    values = settings.load()
    hidden = settings.put_away()
    out.print(daily_messages.QUESTIONS_TITLE, style="bold")
    listed: set[str] = set()
    for flow, practice in putaway.DAILY.items():
        out.print()
        out.print(render.safe(f"{practice} (stepwork {flow})"), style="bold")
        for question in putaway.questions_of(flow, values):
            name = putaway.name(flow, question)
            listed.add(name)
            state = (
                daily_messages.QUESTION_PUT_AWAY
                if name in hidden
                else daily_messages.QUESTION_ASKED
            )
            out.print(render.safe(f"  {name} · {state}"))
            out.print(Padding(render.safe(question.text, style="dim"), (0, 0, 0, 4)))
    for name in sorted(hidden - listed):
        out.print(render.safe(f"  {name} · {daily_messages.QUESTION_PUT_AWAY}"))
    out.print()
    out.print(daily_messages.QUESTIONS_HOW, style="dim")
    out.print(daily_messages.QUESTIONS_STEP_NOTE, style="dim")


@commands.command("wording", rich_help_panel=panels.SETUP)
def show_wording(
    template: bool = typer.Option(
        False, "--template", help="Print a wording file to fill in with your fellowship's text."
    ),
) -> None:
    """The twelve steps as stepwork shows them, and how to use your fellowship's own wording."""
    if template:
        typer.echo(wording.template(), nl=False)
        return
    active = wording.active(settings.load())
    out = render.console()
    table = Table(show_header=False, box=None, padding=(0, 1, 1, 0))
    table.add_column(justify="right", style="bold")
    table.add_column()
    for n, text in active.statements.items():
        table.add_row(str(n), render.safe(text))
    out.print(table)
    out.print(setup_messages.wording_source(active.name, active.from_file), style="dim")
    out.print(setup_messages.wording_override_hint(paths().wording_file), style="dim")
