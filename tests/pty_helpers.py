"""Driving stepwork in a real pseudo-terminal, as a person would."""

import sqlite3
import time
from pathlib import Path

import pexpect

from stepwork import messages

from .conftest import child_env, stepwork_command

TIMEOUT = 20
PROMPT = messages.ANSWER_PROMPT


def spawn(home: Path, *args: str) -> pexpect.spawn:
    command, *rest = stepwork_command()
    child = pexpect.spawn(
        command,
        [*rest, *args],
        env=child_env(home),
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 100),
    )
    return child


def answer(child: pexpect.spawn, position: int, text: str) -> None:
    child.expect(f"Question {position} of")
    child.expect_exact(PROMPT)
    child.sendline(text)
    child.sendline("")


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else -child.signalstatus


def wait_for_draft(home: Path, text: str) -> None:
    """Block until the program has saved `text` as a draft (so typed lines are not racing)."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if (home / "stepwork.db").exists() and rows(
            home, "SELECT 1 FROM answer WHERE state = 'draft' AND text = ?", text
        ):
            # Give the program a moment to get back to waiting for input: a signal that lands
            # between a save and the next read is only acted on once that read returns
            # (CPython runs signal handlers between bytecodes, not inside a blocking read).
            time.sleep(0.3)
            return
        time.sleep(0.05)
    raise AssertionError(f"draft {text!r} was never saved")


def rows(home: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(home / "stepwork.db")
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
