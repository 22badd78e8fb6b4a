import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stepwork.cli import app


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty stepwork home; the real user dir is never touched."""
    root = tmp_path / "home"
    monkeypatch.setenv("STEPWORK_HOME", str(root))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("TZ", "UTC")
    return root


@pytest.fixture
def run():
    """Run the CLI in-process: run("step", "1", input="...")."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return invoke


@pytest.fixture
def db(home: Path) -> Iterator[callable]:
    """Query the journal directly, the way an outside reader would."""
    connections: list[sqlite3.Connection] = []

    def query(sql: str, *params: object) -> list[tuple]:
        conn = sqlite3.connect(home / "stepwork.db")
        connections.append(conn)
        return conn.execute(sql, params).fetchall()

    yield query
    for conn in connections:
        conn.close()


def stepwork_command() -> list[str]:
    """The installed entry point, run as a separate process."""
    return [sys.executable, "-m", "stepwork"]


def child_env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(STEPWORK_HOME=str(home), TERM="xterm", COLUMNS="100", **extra)
    env.pop("VISUAL", None)
    env.pop("EDITOR", None)
    return env


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch):
    """Freeze the person's local clock: clock("2026-11-27 23:59", utc_offset_hours=-8)."""
    from datetime import datetime, timedelta, timezone

    from stepwork.parse import dates

    def set_to(moment: str, utc_offset_hours: int = 0) -> datetime:
        zone = timezone(timedelta(hours=utc_offset_hours))
        frozen = datetime.fromisoformat(moment).replace(tzinfo=zone)
        monkeypatch.setattr(dates, "now_local", lambda: frozen)
        return frozen

    return set_to


def lines(*parts: str) -> str:
    """What a person types, one line each: lines("my answer", "") ends an answer."""
    return "".join(p + "\n" for p in parts)
