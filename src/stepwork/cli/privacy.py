"""`stepwork encrypt`, `decrypt` and `passphrase`."""

import typer

from stepwork import messages, render
from stepwork.cli.app import app
from stepwork.home import paths


@app.command()
def encrypt() -> None:
    """Encrypt your journal (and its backups) under a passphrase, asked twice and hidden."""
    from stepwork.store import encrypting, encryption, journal

    encryption.require()
    path = journal.ready()
    out = render.console()
    if not encryption.is_encrypted(path):
        out.print(messages.ENCRYPT_WARNING)
        count = encrypting.encrypt(messages.NEW_PASSPHRASE_PROMPT)
        out.print(messages.encrypted_done(count, paths().data_dir), style="green")
        return
    count = encrypting.encrypt(messages.NEW_PASSPHRASE_PROMPT)
    out.print(messages.backups_encrypted(count), style="green")


@app.command()
def decrypt(
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask first."),
) -> None:
    """Turn your journal (and its backups) back into plain SQLite files."""
    from stepwork.prompting import ask_yes_no
    from stepwork.store import encrypting, encryption, journal

    encryption.require()
    if not encryption.is_encrypted(journal.ready()):
        from stepwork.errors import UserError

        raise UserError(messages.NOT_ENCRYPTED)
    if not yes and not ask_yes_no(messages.DECRYPT_QUESTION, default=False):
        render.console().print(messages.RESTORE_KEPT)
        return
    count = encrypting.decrypt()
    render.console().print(messages.decrypted_done(count), style="green")


@app.command()
def passphrase() -> None:
    """Change the passphrase of an encrypted journal."""
    from stepwork.store import encrypting

    encrypting.change_passphrase(messages.NEW_PASSPHRASE_PROMPT)
    render.console().print(messages.PASSPHRASE_CHANGED, style="green")
