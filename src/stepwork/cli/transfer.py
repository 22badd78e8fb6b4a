"""`stepwork export`, `import`, `backup` and `restore`."""

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import typer

from stepwork import render, settings
from stepwork.cli import panels
from stepwork.cli.application import EXIT_INTERRUPTED, confirm
from stepwork.cli.journal import KIND_HELP, filters
from stepwork.errors import UsageError, UserError
from stepwork.messages import daily as daily_messages
from stepwork.messages import transfer as transfer_messages

commands = typer.Typer(add_completion=False)

FORMATS = ("markdown", "md", "json", "html")


@contextlib.contextmanager
def progress(label: str, total: int, show: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on the terminal (stderr); nothing at all when piped or redirected."""
    if not show or not sys.stderr.isatty() or total < 200:
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(console=render.console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


@commands.command(rich_help_panel=panels.WORDS)
def export(
    output_text: str | None = typer.Option(
        None, "--output", "-o", help="A file (or a folder with --vault); - for standard output."
    ),
    force: bool = typer.Option(False, "--force", help="Replace a file that is already there."),
    fmt: str = typer.Option(
        "markdown",
        "--format",
        "-f",
        help="markdown (the default), json, or html (a page to print).",
    ),
    vault: bool = typer.Option(False, "--vault", help="One markdown file per record, by kind."),
    for_whom: str | None = typer.Option(
        None, "--for", help="Only what you marked for, or shared with: sponsor, therapist, a name."
    ),
    with_trends: bool = typer.Option(
        False,
        "--with-trends",
        help="With --for: add the last 30 days of check-ins as a table, and your coping plan.",
    ),
    with_people: bool = typer.Option(
        False,
        "--with-people",
        help="Include your people and their numbers (left out otherwise; JSON always has them).",
    ),
    kind: list[str] | None = typer.Option(None, "--kind", "-k", help=KIND_HELP),
    step: str | None = typer.Option(
        None, "--step", metavar="INTEGER", help="Only what belongs to step N."
    ),
    since: str | None = typer.Option(None, "--since", help="From this day."),
    until: str | None = typer.Option(None, "--until", help="Up to and including this day."),
) -> None:
    """Everything you wrote as one markdown document (or JSON, a page to print, or a vault)."""
    from stepwork import outputs
    from stepwork.export import html, jsonfile, markdown
    from stepwork.export import vault as vault_files
    from stepwork.store import journal_file

    if output_text == outputs.STDOUT:
        if vault:
            raise UsageError(transfer_messages.VAULT_NEEDS_DIR)
        output_text = None
    output = Path(output_text) if output_text is not None else None
    chosen = fmt.strip().lower()
    if chosen not in FORMATS:
        raise UsageError(transfer_messages.unknown_format(fmt))
    f = replace(filters(kind, step, since, until), people=with_people)
    filtered = bool(f.kinds or f.step or f.since or f.until or for_whom)
    if chosen == "json" and (filtered or vault):
        raise UsageError(transfer_messages.EXPORT_JSON_NO_FILTERS)
    if vault and chosen == "html":
        raise UsageError(transfer_messages.VAULT_IS_MARKDOWN)
    if vault and output is None:
        raise UsageError(transfer_messages.VAULT_NEEDS_DIR)
    if for_whom is not None and not for_whom.strip():
        raise UsageError(transfer_messages.EXPORT_FOR_NEEDS_WHOM)
    if with_trends and (for_whom is None or vault or chosen == "json"):
        raise UsageError(transfer_messages.TRENDS_NEED_FOR)
    # Checked before anything is read, so a refused target costs nothing.
    folder = outputs.Folder(output) if vault and output is not None else None
    chosen_target = outputs.target(output, force) if output is not None and not vault else None
    with journal_file.reading() as conn:
        if for_whom is not None and markdown.packet_is_empty(conn, for_whom, with_trends):
            raise UserError(transfer_messages.nothing_for(for_whom.strip()))
        if folder is not None:
            try:
                with folder, progress("Writing files", markdown.count(conn, f), True) as tick:
                    done = vault_files.write(conn, folder, f, tick)
            except KeyboardInterrupt:
                # Some of the vault's files may be written already: "Nothing was changed"
                # would not be true.
                render.console(stderr=True).print()
                render.console(stderr=True).print(
                    render.safe(transfer_messages.vault_stopped(folder.path))
                )
                raise typer.Exit(EXIT_INTERRUPTED) from None
            from rich.text import Text

            err = render.console(stderr=True)
            for path, why in done.left_alone.items():
                err.print(Text(transfer_messages.left_alone(path, why)))
            left = len(done.left_alone)
            written = transfer_messages.vault_written(
                done.total, done.written, done.removed, left, folder.path
            )
            err.print(Text(written))
            if left:
                err.print(Text(transfer_messages.VAULT_TAKE_BACK))
            return
        if output is None:
            if chosen == "json":
                jsonfile.write(
                    conn,
                    render.for_terminal(sys.stdout, as_json=True),
                    put_away=settings.put_away(),
                )
            elif chosen == "html":
                html.write(conn, sys.stdout, f, for_whom, with_trends=with_trends)
            else:
                markdown.write(
                    conn, render.for_terminal(sys.stdout), f, for_whom, with_trends=with_trends
                )
            return
        total = jsonfile.count_rows(conn) if chosen == "json" else markdown.count(conn, f)
        assert chosen_target is not None
        with progress("Exporting", total, True) as tick, outputs.writing(chosen_target) as handle:
            if chosen == "json":
                jsonfile.write(conn, handle, tick, put_away=settings.put_away())
            elif chosen == "html":
                html.write(conn, handle, f, for_whom, tick, with_trends)
            else:
                markdown.write(conn, handle, f, for_whom, tick, with_trends)
    render.console(stderr=True).print(transfer_messages.exported_to(output))


@commands.command("import", rich_help_panel=panels.WORDS)
def import_command(
    path_text: str = typer.Argument(
        ...,
        help="A stepwork JSON export, or with --from jrnl: jrnl's journal file or JSON export.",
        metavar="FILE",
    ),
    source: str = typer.Option("stepwork", "--from", help="stepwork (the default) or jrnl."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Say what would change; change nothing."),
    time_format: str | None = typer.Option(
        None,
        "--time-format",
        help="With --from jrnl: jrnl's timeformat, if its journal file uses an unusual one.",
    ),
) -> None:
    """Bring in a stepwork JSON export (merged by id; the newer edit wins) or a jrnl journal."""
    from stepwork.export import jrnl, jrnl_text, jsonfile
    from stepwork.store import journal_file

    path = Path(path_text)
    origin = source.strip().lower()
    if origin not in ("stepwork", "jrnl"):
        raise UsageError(transfer_messages.unknown_source(source))
    legacy: dict[str, str] = {}
    put_away: set[str] = set()
    if origin == "jrnl":
        notes = jrnl.read(jrnl_text.read(path, time_format), path)
        legacy = {note.uid: note.legacy_uid for note in notes}
        tables = jsonfile.validate(
            {
                "format": jsonfile.FORMAT,
                "format_version": jsonfile.FORMAT_VERSION,
                "tables": {"note": [note.row for note in notes]},
            },
            path,
            labels={note.uid: note.label for note in notes},
        )
    else:
        if jrnl_text.looks_like_journal(path):
            raise UserError(transfer_messages.import_looks_like_jrnl(path))
        document = jsonfile.read_document(path)
        tables = jsonfile.validate(document, path)
        put_away = jsonfile.carried_put_away(document, path)
    total = sum(len(rows) for rows in tables.values())

    class DryRun(Exception):
        pass

    counts = None
    with progress("Importing", total, True) as tick:
        if dry_run and not journal_file.exists():
            # Nothing to compare with: merged into a scratch journal in memory, nothing written.
            with journal_file.scratch() as conn:
                counts = jsonfile.merge(conn, tables, path, tick)
        else:
            try:
                with journal_file.writing() as conn:
                    jrnl.adopt_earlier_imports(conn, legacy)
                    counts = jsonfile.merge(conn, tables, path, tick)
                    if dry_run:
                        raise DryRun
            except DryRun:
                pass
    assert counts is not None  # merge ran, or raised before this line
    newly_put_away = put_away - settings.put_away()
    if newly_put_away and not dry_run:
        settings.set_put_away(settings.put_away() | newly_put_away)
    if counts.changes and not dry_run:
        from stepwork.store import search_index

        with journal_file.writing() as conn:
            search_index.optimize(conn)
    render.console().print(
        transfer_messages.import_summary(
            sum(counts.added.values()),
            sum(counts.updated.values()),
            sum(counts.unchanged.values()),
            dry_run,
            deleted=sum(counts.deleted.values()),
        )
    )
    if newly_put_away:
        render.console().print(
            daily_messages.imported_put_away(len(newly_put_away), len(put_away), dry_run)
        )


@commands.command(rich_help_panel=panels.WORDS)
def backup(
    path_text: str | None = typer.Argument(
        None, help="Where to write it (a file or a folder).", show_default=False, metavar="PATH"
    ),
    force: bool = typer.Option(False, "--force", help="Replace a file that is already there."),
) -> None:
    """A consistent copy of your journal (with its key file, if encrypted), readable only by you."""
    from stepwork.store import backup as backups
    from stepwork.store import encryption

    if path_text == "-":
        raise UsageError(transfer_messages.BACKUP_NOT_STDOUT)
    if path_text and path_text.endswith("/"):
        from stepwork.home import ensure_private_dir

        ensure_private_dir(Path(path_text))  # a folder to put it in, as the slash says
    target = backups.backup(Path(path_text) if path_text else backups.default_target(), force)
    out = render.console()
    out.print(transfer_messages.backup_written(target))
    if encryption.sidecar(target).exists():
        out.print(transfer_messages.backup_key_beside(encryption.sidecar(target)))


@commands.command(rich_help_panel=panels.WORDS)
def restore(
    path_text: str = typer.Argument(..., help="A backup made by stepwork backup.", metavar="PATH"),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask first."),
) -> None:
    """Put a backup back in place. The journal as it is now is kept as a copy first."""
    from stepwork.store import backup as backups

    path = Path(path_text)
    candidate = backups.check(path)
    if not yes:
        confirm(
            transfer_messages.RESTORE_QUESTION,
            f"stepwork restore {path}",
            transfer_messages.RESTORE_KEPT,
        )
    done = backups.restore(candidate)
    out = render.console()
    out.print(transfer_messages.restore_done(path, done.kept))
    if done.passphrase_changed:
        out.print(transfer_messages.RESTORED_WITH_BACKUP_PASSPHRASE)
