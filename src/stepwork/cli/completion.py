"""What TAB offers for a record ID: the newest records' IDs, with their titles as help.

The shell runs this without a terminal to ask on, so it never asks for a passphrase, never
creates a journal, and offers nothing rather than fail."""

from collections.abc import Callable

RECENT = 30


def recent_ids(kinds: frozenset[str] = frozenset()) -> Callable[[str], list[tuple[str, str]]]:
    def complete(incomplete: str) -> list[tuple[str, str]]:
        try:
            return _recent(kinds, incomplete.strip().lower())
        except Exception:  # a shell's TAB must never show a traceback
            return []

    return complete


def _recent(kinds: frozenset[str], incomplete: str) -> list[tuple[str, str]]:
    from stepwork.home import paths
    from stepwork.store import encryption

    database = paths().database
    if not database.is_file() or encryption.is_encrypted(database):
        return []
    from stepwork import kinds as all_kinds
    from stepwork.store import journal_file

    with journal_file.reading() as conn:
        entries = all_kinds.log(conn, all_kinds.Filters(kinds=kinds), RECENT)
    return [
        (e.label, f"{e.day.isoformat()} {e.shown_title}"[:60])
        for e in entries
        if e.label.startswith(incomplete)
    ]
