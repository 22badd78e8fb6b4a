"""`stepwork status`, as Typer sees it: its help, and the same line for in-process callers.

Run from a shell, `cli.main` answers `status` itself before Typer is loaded (`stepwork.status`).
"""

import typer

from stepwork import status
from stepwork.cli import panels

commands = typer.Typer(add_completion=False)


@commands.command("status", rich_help_panel=panels.DAILY)
def status_line(
    template: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="A template: {checkin} {review} {days} {counter} {line}. Default: {line}.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing when nothing is due."),
) -> None:
    """One short line for your shell prompt or tmux: check-in and review due or done, your days."""
    args = ["--quiet"] if quiet else []
    if template is not None:
        args += ["--format", template]
    raise typer.Exit(status.main(args))
