"""`stepwork doctor`, `encrypt`, `decrypt` and `passphrase`."""

import typer
from rich.text import Text

from stepwork import doctor as checks
from stepwork import render
from stepwork.cli import panels
from stepwork.home import paths
from stepwork.messages import privacy as privacy_messages
from stepwork.messages import transfer as transfer_messages

commands = typer.Typer(add_completion=False)

STYLE = {checks.OK: "green", checks.NOTE: "cyan", checks.PROBLEM: "bold red"}


@commands.command(rich_help_panel=panels.PRIVACY)
def doctor() -> None:
    """Check file permissions, the journal's integrity and version, search, encryption and disk."""
    findings = checks.examine(paths())
    out = render.console()
    out.print(privacy_messages.DOCTOR_TITLE, style="bold")
    for finding in findings:
        # One line each, never wrapped by us: a fix can be copied whole.
        out.print(
            Text.assemble(
                (f"  {finding.status:<8}", STYLE[finding.status]),
                (f"{finding.check:<12}", "bold"),
                render.visible(finding.detail),
            ),
            soft_wrap=True,
        )
    problems = sum(1 for f in findings if f.status == checks.PROBLEM)
    if problems:
        out.print(privacy_messages.doctor_problems(problems), style="bold red")
        raise typer.Exit(1)
    out.print(privacy_messages.DOCTOR_CLEAN, style="green")


@commands.command(rich_help_panel=panels.PRIVACY)
def encrypt() -> None:
    """Encrypt your journal (and its backups) under a passphrase, asked twice and hidden."""
    from stepwork.store import encrypting, encryption, journal_file

    encryption.require()
    path = journal_file.ready()
    out = render.console()
    if encryption.is_encrypted(path):
        done = encrypting.encrypt()
        out.print(privacy_messages.backups_encrypted(done.files), style="green")
        return
    done = encrypting.encrypt(before_asking=lambda: out.print(privacy_messages.ENCRYPT_WARNING))
    out.print(privacy_messages.encrypted_done(done.files, paths().data_dir), style="green")


@commands.command(rich_help_panel=panels.PRIVACY)
def decrypt(
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask first."),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write a plain copy here instead, and keep the journal encrypted.",
        metavar="FILE",
    ),
    force: bool = typer.Option(False, "--force", help="With --output: replace a file there."),
) -> None:
    """Turn your journal (and its backups) back into plain SQLite files."""
    from pathlib import Path

    from stepwork.flows.prompting import ask_yes_no
    from stepwork.store import encrypting, encryption, journal_file

    encryption.require()
    if output is not None:
        from stepwork.store import decrypted_copy

        written = decrypted_copy.plain_copy(Path(output), force)
        render.console().print(Text(privacy_messages.plain_copy_written(written)), style="green")
        return
    if not encryption.is_encrypted(journal_file.ready()):
        from stepwork.errors import UserError

        raise UserError(privacy_messages.NOT_ENCRYPTED)
    if not yes and not ask_yes_no(privacy_messages.DECRYPT_QUESTION, default=False):
        render.console().print(transfer_messages.RESTORE_KEPT)
        return
    done = encrypting.decrypt()
    render.console().print(
        privacy_messages.decrypted_done(done.files, done.left_alone), style="green"
    )


@commands.command(rich_help_panel=panels.PRIVACY)
def passphrase() -> None:
    """Change the passphrase of an encrypted journal (and the key it is encrypted with)."""
    from stepwork.store import encrypting

    done = encrypting.change_passphrase()
    render.console().print(privacy_messages.passphrase_changed(done.left_alone), style="green")
