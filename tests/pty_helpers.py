"""Driving stepwork in a real pseudo-terminal, as a person would."""

import sqlite3
from pathlib import Path

import pexpect

from stepwork.messages import steps as steps_messages

from .conftest import child_env, stepwork_command

TIMEOUT = 20
PROMPT = steps_messages.ANSWER_PROMPT
CONTINUE = steps_messages.CONTINUE_PROMPT


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


def wait_for_draft(child: pexpect.spawn, home: Path, text: str) -> None:
    """Wait until the program has saved `text` as a draft and is waiting for the next line: it
    shows the continuation prompt only after the save, from inside the read a signal ends.
    Send one line at a time: a line typed ahead is echoed before the program reads it."""
    last_line = text.splitlines()[-1]
    child.expect_exact(f"{last_line}\r\n{CONTINUE}")
    saved = rows(home, "SELECT 1 FROM answer WHERE state = 'draft' AND text = ?", text)
    assert saved, f"draft {text!r} was not saved before the next prompt"


def rows(home: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(home / "stepwork.db")
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
