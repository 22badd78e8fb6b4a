"""Long output goes through a pager on a terminal, with colours kept (-R), and never when piped."""

import stat
import subprocess
from pathlib import Path

import pexpect
import pytest

from stepwork.cli.paging import less_options

from .conftest import child_env, stepwork_command

ROWS = 40


@pytest.fixture
def long_journal(run, home: Path) -> Path:
    for n in range(60):
        assert run("gratitude", f"thing number {n}").exit_code == 0
    return home


@pytest.fixture
def pager(tmp_path: Path) -> Path:
    """A pager that keeps what it was given, and the LESS it saw, then quits."""
    script = tmp_path / "pager.sh"
    script.write_text(
        f'#!/bin/sh\necho "LESS=$LESS" > {tmp_path}/less.txt\ncat > {tmp_path}/paged.txt\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def on_terminal(home: Path, *args: str, **env: str) -> str:
    command, *rest = stepwork_command()
    child = pexpect.spawn(
        command,
        [*rest, *args],
        env=child_env(home, **env),
        encoding="utf-8",
        timeout=20,
        dimensions=(ROWS, 100),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return child.before


@pytest.mark.slow
@pytest.mark.parametrize(
    "args", [("log", "-n", "60"), ("search", "thing"), ("step", "8", "--show"), ("amends",)]
)
def test_long_output_on_a_terminal_goes_to_the_pager(run, long_journal, pager, tmp_path, args):
    if args[0] in ("step", "amends"):
        for n in range(25):
            assert run("amends", "add", f"Person {n}", "--harm", "a harm").exit_code == 0
    shown = on_terminal(long_journal, *args, PAGER=str(pager), LESS="-i")
    assert (tmp_path / "paged.txt").exists(), shown
    paged = (tmp_path / "paged.txt").read_text()
    assert len(paged.splitlines()) >= ROWS and "\x1b[" in paged  # colours kept for less -R
    assert (tmp_path / "less.txt").read_text().strip() == "LESS=-i -R"
    assert "Person 1" not in shown and "thing number 1 " not in shown, shown


@pytest.mark.slow
def test_no_pager_and_short_output_print_straight(long_journal, pager, tmp_path):
    shown = on_terminal(long_journal, "log", "-n", "60", "--no-pager", PAGER=str(pager))
    assert "thing number 59" in shown and not (tmp_path / "paged.txt").exists()
    shown = on_terminal(long_journal, "log", "-n", "3", PAGER=str(pager))
    assert "thing number 59" in shown and not (tmp_path / "paged.txt").exists()


@pytest.mark.slow
def test_piped_output_never_pages(long_journal, pager, tmp_path):
    done = subprocess.run(
        [*stepwork_command(), "log", "-n", "60"],
        env=child_env(long_journal, PAGER=str(pager)),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "thing number 0" in done.stdout
    assert not (tmp_path / "paged.txt").exists()


@pytest.mark.parametrize(
    "current, expected",
    [(None, "-FRX"), ("", "-R"), ("-i", "-i -R"), ("-iR", "-iR"), ("-r", "-r")],
)
def test_less_gets_r_added_to_the_persons_own_options(current, expected):
    assert less_options(current) == expected


@pytest.mark.slow
@pytest.mark.parametrize("chosen", ["/nonexistent", "/nonexistent -R", "no-such-pager-here"])
def test_a_pager_that_cannot_run_leaves_the_output_printed(long_journal, chosen):
    shown = on_terminal(long_journal, "log", "-n", "60", PAGER=chosen)
    assert "thing number 59" in shown and "thing number 0" in shown
