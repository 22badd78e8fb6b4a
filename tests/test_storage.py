"""The journal file: safe settings, private modes, migrations, and refusing what is not ours."""

import sqlite3
import stat
from pathlib import Path

import pytest

from stepwork.errors import UserError
from stepwork.store import journal_file, migrations
from stepwork.store.connection import open_connection


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_home_dir_is_0700_and_every_database_file_0600(run, home):
    run("step", "1", input="something\n")
    assert mode(home) == 0o700
    assert mode(home / "stepwork.db") == 0o600
    # While a connection is open, SQLite's -wal and -shm files exist; they take the DB's mode.
    conn = open_connection(home / "stepwork.db")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE answer SET text = text")
    conn.execute("COMMIT")
    for suffix in ("-wal", "-shm"):
        assert mode(home / f"stepwork.db{suffix}") == 0o600
    conn.close()


def test_settings_file_is_private(run, home):
    run("config", "substance", "gambling")
    assert mode(home / "config.toml") == 0o600


def test_every_connection_gets_the_safe_pragmas(home):
    journal_file.ready()
    conn = open_connection(home / "stepwork.db")
    pragma = lambda name: conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == 10000
    assert pragma("secure_delete") == 1
    conn.close()


def test_deleting_a_session_removes_its_answers(run, home):
    run("step", "1", input="gone soon\n\n")
    conn = open_connection(home / "stepwork.db")
    conn.execute("DELETE FROM guided_session")
    assert conn.execute("SELECT COUNT(*) FROM answer").fetchone()[0] == 0
    conn.close()


def test_blank_database_is_brought_to_the_latest_schema(home):
    journal_file.ready()
    conn = sqlite3.connect(home / "stepwork.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    conn.close()


@pytest.mark.parametrize("start", range(1, len(migrations.MIGRATIONS)))
def test_an_older_schema_is_upgraded_and_a_copy_kept(home, start):
    home.mkdir(mode=0o700)
    conn = open_connection(home / "stepwork.db")
    migrations.migrate(conn, home / "stepwork.db", home / "backups", migrations.MIGRATIONS[:start])
    conn.close()
    journal_file.ready()
    conn = sqlite3.connect(home / "stepwork.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    conn.close()
    copies = list((home / "backups").iterdir())
    assert len(copies) == 1
    assert mode(copies[0]) == 0o600


def _two_step_history() -> tuple[migrations.Migration, ...]:
    first = migrations.Migration(1, "notes", ("CREATE TABLE note (id INTEGER PRIMARY KEY, body)",))
    broken = migrations.Migration(
        2,
        "half-applied change",
        (
            "ALTER TABLE note ADD COLUMN mood INTEGER",
            "CREATE TABLE nonsense (",  # fails after the first statement ran
        ),
    )
    return first, broken


def test_a_failing_migration_leaves_the_database_exactly_as_it_was(home):
    first, broken = _two_step_history()
    home.mkdir(mode=0o700)
    db_path = home / "stepwork.db"
    conn = open_connection(db_path)
    migrations.migrate(conn, db_path, home / "backups", (first,))
    conn.execute("INSERT INTO note (body) VALUES ('precious')")
    with pytest.raises(UserError) as caught:
        migrations.migrate(conn, db_path, home / "backups", (first, broken))
    assert "left exactly as it was" in caught.value.message
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = [row[1] for row in conn.execute("PRAGMA table_info(note)")]
    assert columns == ["id", "body"]
    assert conn.execute("SELECT body FROM note").fetchall() == [("precious",)]
    conn.close()
    copy = next((home / "backups").iterdir())
    kept = sqlite3.connect(copy)
    assert kept.execute("SELECT body FROM note").fetchall() == [("precious",)]
    kept.close()


def test_a_database_from_a_newer_stepwork_is_refused_untouched(run, home):
    home.mkdir(mode=0o700)
    db_path = home / "stepwork.db"
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()
    result = run("steps")
    assert result.exit_code == 1
    assert "newer stepwork" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [
        b"these are my private notes, not a database\n" * 100,
        b"SQLite format 3\x00" + b"\xff" * 4000,
    ],
)
def test_a_file_that_is_not_a_stepwork_database_is_named_and_never_overwritten(run, home, content):
    home.mkdir(mode=0o700)
    db_path = home / "stepwork.db"
    db_path.write_bytes(content)
    result = run("step", "1", input="hello\n\n")
    assert result.exit_code == 1
    assert str(db_path) in result.stderr
    assert "not a stepwork journal" in result.stderr
    assert "Traceback" not in result.stderr
    assert db_path.read_bytes() == content


def test_another_programs_sqlite_database_is_refused(run, home):
    home.mkdir(mode=0o700)
    db_path = home / "stepwork.db"
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.close()
    before = db_path.read_bytes()
    result = run("steps")
    assert result.exit_code == 1
    assert "not a stepwork journal" in result.stderr
    conn = sqlite3.connect(db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert tables == {"photos"}
    assert db_path.read_bytes() == before


def test_write_transactions_take_the_write_lock_up_front(home):
    """BEGIN IMMEDIATE: a second writer waits for the lock instead of failing mid-way."""
    journal_file.ready()
    other = open_connection(home / "stepwork.db")
    other.execute("PRAGMA busy_timeout = 0")
    with journal_file.writing() as conn:
        conn.execute("SELECT 1")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()


def test_the_version_gap_is_stepped_over_and_a_later_six_still_applies(home):
    """Version 7 follows 5 here; a version 6 arriving from another change slots in before it."""
    home.mkdir(mode=0o700)
    db_path = home / "stepwork.db"
    conn = open_connection(db_path)
    before_seven = tuple(m for m in migrations.MIGRATIONS if m.version <= 5)
    migrations.migrate(conn, db_path, home / "backups", before_seven)
    six = migrations.Migration(6, "a table from elsewhere", ("CREATE TABLE six (id INTEGER)",))
    with_six = (*before_seven, six, *(m for m in migrations.MIGRATIONS if m.version > 5))
    migrations.migrate(conn, db_path, home / "backups", with_six)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"six", "sobriety_change"} <= names
    conn.close()
