"""`stepwork sync`: one journal on every device, through a folder another tool carries."""

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import typer

from stepwork import render
from stepwork.cli import panels
from stepwork.errors import UsageError
from stepwork.messages import sync as sync_messages

commands = typer.Typer(add_completion=False)

EXIT_HELD_BACK = 3
"""A sync that could not merge everything in the folder: a script can tell (sync && git push)."""

# Below this much to read, a bar would flash past.
PROGRESS_FROM_BYTES = 512 * 1024


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    """A bar on the terminal when there is much to read; nothing when piped or redirected."""
    if total < PROGRESS_FROM_BYTES or not sys.stdout.isatty():
        yield lambda _n: None
        return
    from rich.progress import Progress

    with Progress(console=render.console(), transient=True) as bar:
        task = bar.add_task(sync_messages.SYNC_PROGRESS, total=total)
        yield lambda n: bar.advance(task, n)


@commands.command(rich_help_panel=panels.WORDS)
def sync(
    dir_text: str | None = typer.Argument(
        None,
        help="The shared folder (Syncthing, a cloud folder, a git work tree); "
        "default: the sync_dir setting.",
        metavar="DIR",
        show_default=False,
    ),
    compact: bool = typer.Option(
        False,
        "--compact",
        help="Replace this device's files in DIR with one snapshot, once every other device "
        "has merged them.",
    ),
) -> None:
    """Send what changed here to a shared folder, and merge what your other devices sent."""
    from stepwork import settings
    from stepwork.sync import run

    if dir_text is None:
        dir_text = settings.load()["sync_dir"] or None
    if dir_text is None or not dir_text.strip():
        raise UsageError(sync_messages.SYNC_NEEDS_FOLDER)
    try:
        report = run.sync(Path(dir_text).expanduser(), compact=compact, progress=_progress)
    except run.Stopped as stop:
        from stepwork.cli.application import EXIT_INTERRUPTED

        line = sync_messages.sync_stopped(stop.report.sent_name, stop.report.committed)
        render.console(stderr=True).print(render.safe(line))
        raise typer.Exit(EXIT_INTERRUPTED) from None
    err = render.console(stderr=True)
    for line in (*report.notes, *report.skipped, *report.held_back):
        err.print(render.safe(line))
    out = render.console()
    if report.sent_name is None and not report.files_in and not report.held_back:
        out.print(render.safe(sync_messages.SYNC_NOTHING_NEW))
    else:
        if report.sent_name is not None:
            out.print(
                render.safe(
                    sync_messages.sync_sent(
                        report.sent_records,
                        report.sent_deletions,
                        report.sent_name,
                        report.encrypted,
                    )
                )
            )
        else:
            out.print(render.safe(sync_messages.SYNC_NOTHING_SENT))
        if report.files_in:
            line = sync_messages.sync_received(
                report.files_in,
                len(report.devices_in),
                report.added,
                report.updated,
                report.deleted,
            )
            out.print(render.safe(line))
        elif not report.held_back:
            out.print(render.safe(sync_messages.SYNC_NOTHING_RECEIVED))
    if report.compacted is not None:
        out.print(
            render.safe(sync_messages.sync_compacted(report.compacted, report.compacted_name))
        )
    if report.held_back:
        err.print(render.safe(sync_messages.SYNC_HELD_BACK))
        raise typer.Exit(EXIT_HELD_BACK)
