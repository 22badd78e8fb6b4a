"""What a cold trial of daily use found: files that are not files, prompts with nobody to
answer, edits that keep what was not changed, one rule for choices."""

import os
import subprocess

import pytest

from tests.conftest import child_env, stepwork_command


def stepwork(home, *args: str, stdin=subprocess.DEVNULL, **env: str):
    return subprocess.run(
        [*stepwork_command(), *args],
        env=child_env(home, **env),
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=30,
    )


# --- a data folder holding a FIFO, a device or a link to one --------------------------------


@pytest.mark.slow
def test_status_on_a_fifo_journal_prints_nothing_and_returns(home):
    home.mkdir(parents=True)
    os.mkfifo(home / "stepwork.db")
    result = stepwork(home, "status")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.slow
@pytest.mark.parametrize("make", ["fifo", "zero"])
def test_settings_that_are_not_a_regular_file_are_named_once_and_defaults_used(home, make):
    home.mkdir(parents=True)
    settings_file = home / "config.toml"
    if make == "fifo":
        os.mkfifo(settings_file)
    else:
        settings_file.symlink_to("/dev/zero")
    shown = stepwork(home, "config")
    assert shown.returncode == 0
    assert "not a regular file" in shown.stderr and shown.stderr.count("\n") == 1
    assert "drinking or using" in shown.stdout  # the default
    assert stepwork(home, "status").stdout.strip() == "check-in due"
    assert stepwork(home, "status").stderr == ""


def test_status_says_nothing_for_a_journal_from_a_newer_stepwork(home, run):
    import sqlite3

    from stepwork import status as line
    from stepwork.store.latest import LATEST_VERSION
    from stepwork.store.migrations import MIGRATIONS

    assert MIGRATIONS[-1].version == LATEST_VERSION
    run("checkin", "--mood", "6")
    assert line.line(line.Options()).startswith("check-in done")
    conn = sqlite3.connect(home / "stepwork.db")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    assert line.line(line.Options()) == ""


def test_status_stays_quiet_about_a_bad_setting(home, run, capsys):
    from stepwork import status as line

    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('status_review_hour = "99"\n')
    assert line.main([]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "check-in due" and captured.err == ""
