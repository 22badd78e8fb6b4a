"""`stepwork doctor`: a clean home is reported clean; each kind of trouble is named with a fix."""

import sqlite3

import pytest


def test_a_fresh_home_has_nothing_to_fix(run):
    result = run("doctor")
    assert result.exit_code == 0, result.stdout
    assert "No journal yet" in " ".join(result.stdout.split())


def test_a_clean_home_is_clean(run):
    run("checkin", "--mood", "6")
    result = run("doctor")
    assert result.exit_code == 0, result.stdout
    text = " ".join(result.stdout.split())
    for expected in (
        "readable only by you",
        "integrity check passed",
        "newest this stepwork",
        "search (FTS5) is ready",
        "MB free",
        "All is well",
    ):
        assert expected in text, expected
    assert "problem" not in text


@pytest.mark.parametrize("target", ["stepwork.db", "config.toml", "backups"])
def test_loose_modes_are_problems_with_the_fix(run, home, target):
    run("checkin", "--mood", "6")
    run("config", "substance", "gambling")
    run("backup")
    path = home / target
    path.chmod(0o755 if path.is_dir() else 0o644)
    result = run("doctor")
    assert result.exit_code == 1
    assert "problem" in result.stdout
    assert f"chmod {'700' if path.is_dir() else '600'} {path}" in result.stdout


def test_a_damaged_journal_is_reported(run, home):
    run("checkin", "--mood", "6")
    path = home / "stepwork.db"
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 2, 4096 * 3):
        data[offset] = 0x11
    path.write_bytes(bytes(data))
    result = run("doctor")
    assert result.exit_code == 1
    assert "problem" in result.stdout


def test_an_older_journal_is_noted_not_changed(run, home):
    run("checkin", "--mood", "6")
    conn = sqlite3.connect(home / "stepwork.db")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    result = run("doctor")
    assert "upgraded" in " ".join(result.stdout.split())
    conn = sqlite3.connect(home / "stepwork.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_encryption_state_and_plain_backups(run, home, monkeypatch):
    run("checkin", "--mood", "6")
    assert "not encrypted" in " ".join(run("doctor").stdout.split())
    monkeypatch.setenv("STEPWORK_PASSPHRASE", "pw")
    run("encrypt")
    assert "is encrypted" in " ".join(run("doctor").stdout.split())
    # A backup in the clear dropped into the folder later is a problem.
    (home / "backups").mkdir(mode=0o700, exist_ok=True)
    plain = sqlite3.connect(home / "backups" / "old.db")
    plain.execute("CREATE TABLE t (x)")
    plain.close()
    (home / "backups" / "old.db").chmod(0o600)
    result = run("doctor")
    assert result.exit_code == 1
    assert "not encrypted" in " ".join(result.stdout.split())
