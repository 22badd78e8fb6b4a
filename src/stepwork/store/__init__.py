"""Everything stepwork keeps, in one SQLite file.

Importing this package is cheap, and every command reads and writes through the standard
`sqlite3` module: SQLModel and SQLAlchemy load only with `stepwork.store.models` (the schema's
definition) and `stepwork.store.schema_gen`, which tests and the generator use, never a command.
"""

import sys
from collections.abc import Callable

_activity = {"wrote": False}
_new_journal_listeners: list[Callable[[], None]] = []


def on_new_journal(listener: Callable[[], None]) -> None:
    """Call `listener` when a command creates the journal (the store itself never prints)."""
    if listener not in _new_journal_listeners:
        _new_journal_listeners.append(listener)


def new_journal_made() -> None:
    for listener in _new_journal_listeners:
        listener()


def note_write() -> None:
    """A write transaction committed: something the person gave is now kept."""
    _activity["wrote"] = True


def wrote_something() -> bool:
    """Whether this command has saved anything yet (so a stop message can say so truthfully)."""
    return _activity["wrote"]


def start_afresh() -> None:
    """Forget keys and open journals, as a new process would (each command starts this way)."""
    _activity["wrote"] = False
    for name, forget in (
        ("stepwork.store.journal_file", "forget"),
        ("stepwork.store.encryption", "forget_keys"),
        ("stepwork.store.lock", "release_all"),
    ):
        module = sys.modules.get(name)
        if module is not None:
            getattr(module, forget)()
