"""`stepwork paths`, `stepwork config` and `stepwork wording`."""

import os

import typer
from rich.table import Table

from stepwork import messages, render, settings
from stepwork.cli import panels
from stepwork.content import wording
from stepwork.home import HOME_ENV, paths

commands = typer.Typer(add_completion=False)


@commands.command("paths", rich_help_panel=panels.SETUP)
def show_paths() -> None:
    """Where your journal, settings and backups live on this machine."""
    where = paths()
    out = render.console()
    out.print(messages.PATHS_TITLE, style="bold")
    for label, path in (
        ("journal", where.database),
        ("backups", where.backups_dir),
        ("settings", where.settings_file),
        ("step wording", where.wording_file),
    ):
        # Soft wrap keeps each path whole on one line, ready to copy.
        out.print(f"  {label:<14}{path}", soft_wrap=True, markup=False)
    if os.environ.get(HOME_ENV):
        out.print(messages.PATHS_HOME_SET, style="dim")


@commands.command("config", rich_help_panel=panels.SETUP)
def config(
    key: str | None = typer.Argument(None, help="A setting to show or change.", show_default=False),
    value: str | None = typer.Argument(None, help="Its new value.", show_default=False),
    unset: bool = typer.Option(False, "--unset", help="Put the setting back to its default."),
) -> None:
    """Show your settings, or change one: stepwork config substance gambling"""
    out = render.console()
    if key is not None and unset:
        settings.unset(key)
        out.print(messages.setting_reset(key, settings.SETTINGS[key].default))
        return
    if key is not None and value is not None:
        stored = settings.set_value(key, value)
        out.print(messages.setting_saved(key, stored))
        return
    values = settings.load()
    keys = [key] if key is not None else list(settings.SETTINGS)
    if key is not None and key not in settings.SETTINGS:
        settings.set_value(key, "")  # raises the one-line "no such setting"
    table = Table(title=messages.SETTINGS_TITLE, title_justify="left")
    table.add_column("Setting", style="bold")
    table.add_column("Value")
    table.add_column("What it does", style="dim")
    for name in keys:
        table.add_row(name, render.safe(values[name]), settings.SETTINGS[name].description)
    out.print(table)
    out.print(messages.SETTINGS_HOW, style="dim")


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
    out.print(messages.wording_source(active.name, active.from_file), style="dim")
    out.print(messages.wording_override_hint(paths().wording_file), style="dim")
