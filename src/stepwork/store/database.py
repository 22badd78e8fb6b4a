"""The SQLAlchemy engine over the journal: short read and write sessions.

Write sessions begin with BEGIN IMMEDIATE, so two stepwork windows writing at once wait for each
other (up to the busy timeout) instead of failing with "database is locked" halfway through.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from stepwork.home import paths
from stepwork.store import encryption, journal, note_write
from stepwork.store.connection import driver, open_connection, translate

_WRITE_OPTION = "stepwork_write"


class Database:
    def __init__(self) -> None:
        self.path: Path = journal.ready()
        self._engine = self._make_engine()
        self._writer = self._engine.execution_options(**{_WRITE_OPTION: True})

    def _make_engine(self) -> Engine:
        # NullPool: one short-lived connection per session; a CLI process has nothing to share.
        engine = create_engine(
            f"sqlite:///{self.path}",
            creator=lambda: open_connection(self.path),
            poolclass=NullPool,
            module=driver(encryption.key_for(self.path)),
        )

        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:  # type: ignore[no-untyped-def]
            immediate = conn.get_execution_options().get(_WRITE_OPTION, False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A short write transaction, committed on leaving the block."""
        with self._session(self._writer) as session:
            yield session
            session.commit()
        note_write()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._session(self._engine) as session:
            yield session

    @contextmanager
    def _session(self, bind: Engine) -> Iterator[Session]:
        try:
            with Session(bind, expire_on_commit=False) as session:
                yield session
        except DBAPIError as exc:
            orig = exc.orig if isinstance(exc.orig, Exception) else Exception(str(exc))
            raise translate(orig, self.path) from exc


_open: dict[Path, Database] = {}


def database() -> Database:
    """The journal for the current home, opened (and upgraded) once per process."""
    path = paths().database
    db = _open.get(path)
    if db is None:
        db = _open[path] = Database()
    return db


def forget() -> None:
    """Open afresh next time (after a restore replaced the file)."""
    _open.clear()
    journal.forget()
