"""A plain (unencrypted) copy of an encrypted journal, written where the person says; the
journal itself stays encrypted. For reading the journal with other SQLite tools."""

from pathlib import Path

from stepwork import outputs
from stepwork.errors import UserError
from stepwork.home import ensure_private_dir
from stepwork.messages import outputs as outputs_messages
from stepwork.store import encryption, journal_file, swap


def plain_copy(target: Path, force: bool = False) -> Path:
    """A checked copy of the journal in the clear at `target` (0600), written whole or not at
    all, never over the journal or stepwork's own files."""
    chosen = outputs.target(target, force)
    if chosen.stream:
        raise UserError(outputs_messages.output_not_regular(target))
    source = journal_file.ready()
    key = encryption.key_for(source)
    ensure_private_dir(chosen.path.parent)
    new = swap.new_of(chosen.path)
    swap.copy_verified(source, key, new, None, same_rows=False)
    try:
        outputs.place(new, chosen)
    except BaseException:
        swap.discard(new)
        raise
    return chosen.path
