"""Failure drills: two writers at once, a writer killed mid-stream, and an interrupt at every
question of a guided flow. Nothing committed may be lost, and the journal must stay whole."""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from stepwork import settings
from stepwork.content import load_step

from .conftest import child_env
from .pty_helpers import PROMPT, finish, rows, spawn

# Each test runs stepwork in a process of its own (a real terminal, or a subprocess).
pytestmark = pytest.mark.slow

WRITER = Path(__file__).parent / "helpers" / "writer.py"


def writer(home: Path, count: int, tag: str, start: Path | None = None) -> subprocess.Popen:
    args = [sys.executable, str(WRITER), str(count), tag] + ([str(start)] if start else [])
    return subprocess.Popen(
        args, env=child_env(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_two_processes_writing_200_checkins_each_at_once(home, run):
    run("checkin", "--mood", "5")  # create the journal first
    start = home / "go"
    first, second = writer(home, 200, "a", start), writer(home, 200, "b", start)
    start.touch()
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    for process, (out, err) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0, err
        assert err == ""
        assert out.count("committed") == 200
    notes = rows(home, "SELECT note FROM checkin WHERE note != ''")
    assert len(notes) == 400
    assert {n for (n,) in notes} == {f"{t}-{i}" for t in "ab" for i in range(200)}


def test_a_writer_killed_mid_stream_loses_no_committed_row(home, run):
    run("checkin", "--mood", "5")
    process = writer(home, 100_000, "k")
    committed = []
    assert process.stdout is not None
    for line in process.stdout:
        committed.append(line.split()[1])
        if len(committed) == 150:
            process.send_signal(signal.SIGKILL)
            break
    rest, _ = process.communicate(timeout=30)  # also closes the pipes
    committed += [line.split()[1] for line in rest.splitlines() if line.startswith("committed")]
    conn = sqlite3.connect(home / "stepwork.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {n for (n,) in conn.execute("SELECT note FROM checkin WHERE note LIKE 'k-%'")}
    finally:
        conn.close()
    assert set(committed) <= stored
    assert len(stored) - len(committed) <= 1  # at most the one being written when killed
    assert run("log", "-n", "1").exit_code == 0


STEP = 12
QUESTIONS = len(load_step(STEP, settings.load()).questions)


@pytest.mark.parametrize("how", ["ctrl-c", "ctrl-d", "sighup"])
@pytest.mark.parametrize("at", range(1, QUESTIONS + 1))
def test_an_interrupt_at_any_question_loses_nothing_and_resumes(home, run, how, at):
    child = spawn(home, "step", str(STEP))
    for position in range(1, at):
        child.expect(f"Question {position} of")
        child.expect_exact(PROMPT)
        child.sendline(f"answer {position}")
        child.sendline("")
    child.expect(f"Question {at} of")
    child.expect_exact(PROMPT)
    wanted = at - 1
    deadline = 50
    while deadline and rows(home, "SELECT COUNT(*) FROM answer WHERE state = 'answered'") != [
        (wanted,)
    ]:
        deadline -= 1
        pexpect.run("sleep 0.1")
    if how == "ctrl-c":
        child.sendintr()
    elif how == "ctrl-d":
        child.sendeof()
    else:
        child.kill(signal.SIGHUP)
    assert finish(child) == 130
    saved = rows(home, "SELECT text FROM answer WHERE state = 'answered' ORDER BY position")
    assert saved == [(f"answer {n}",) for n in range(1, at)]
    if at == 1:  # nothing typed yet: the empty start is taken back; a rerun starts afresh
        assert rows(home, "SELECT status FROM guided_session") == []
        pick_up = ""
    else:
        assert rows(home, "SELECT status FROM guided_session") == [("open",)]
        pick_up = "y\n"

    rest = "".join(f"later {n}\n\n" for n in range(at, QUESTIONS + 1))
    resumed = run("step", str(STEP), input=pick_up + rest)
    assert resumed.exit_code == 0, resumed.stderr
    texts = [t for (t,) in rows(home, "SELECT text FROM answer ORDER BY position")]
    expected = [f"answer {n}" for n in range(1, at)]
    expected += [f"later {n}" for n in range(at, QUESTIONS + 1)]
    assert texts == expected
    assert rows(home, "SELECT status FROM guided_session") == [("finished",)]


def test_sigterm_while_saving_waits_for_the_save(home):
    """A SIGTERM that lands during a save is acted on after it: the answer is whole."""
    child = spawn(home, "step", "2")
    child.expect("Question 1 of")
    child.expect_exact(PROMPT)
    child.sendline("x" * 3000)
    child.kill(signal.SIGTERM)
    status = finish(child)
    assert status in (130, -signal.SIGTERM)
    stored = rows(home, "SELECT text FROM answer")
    assert stored in ([], [("x" * 3000,)])
    assert os.path.exists(home / "stepwork.db")
