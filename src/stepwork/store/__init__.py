"""Everything stepwork keeps, in one SQLite file.

Importing this package is cheap; SQLModel and SQLAlchemy load only with `stepwork.store.database`
and the modules that use it, so commands that touch no data start fast.
"""

import sys


def start_afresh() -> None:
    """Forget keys and open journals, as a new process would (each command starts this way)."""
    for name, forget in (
        ("stepwork.store.database", "forget"),
        ("stepwork.store.journal", "forget"),
        ("stepwork.store.encryption", "forget_keys"),
        ("stepwork.store.lock", "release_all"),
    ):
        module = sys.modules.get(name)
        if module is not None:
            getattr(module, forget)()
