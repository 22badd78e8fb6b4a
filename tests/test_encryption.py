"""Encryption at rest: nothing readable without the passphrase, everything working with it."""

import sqlite3
from pathlib import Path

import pytest

from stepwork.store import encryption

from .conftest import lines

PASS = "correct horse battery staple"
WORDS = ("zebrafinch", "quokkaboss", "marmotnote", "ibexgrateful", "okapiamends")


def files_under(home: Path) -> list[Path]:
    return [p for p in home.rglob("*") if p.is_file()]


def leaked(home: Path) -> list[str]:
    found = []
    for path in files_under(home):
        data = path.read_bytes()
        found += [f"{w} in {path.name}" for w in WORDS if w.encode() in data]
    return found


@pytest.fixture
def written(run, monkeypatch):
    """A journal holding each of WORDS somewhere, with a backup in the clear beside it."""
    run("step", "1", input=lines(f"I tried {WORDS[0]}", ""))
    run(
        "step",
        "4",
        input=lines("1", f"My {WORDS[1]}", "", "He shouted", "", "", "n", "", "", "", "n", ""),
    )
    run("checkin", "--mood", "5", "--note", f"a {WORDS[2]} day")
    run("gratitude", f"the {WORDS[3]}")
    run("amends", "add", "Dad", "--harm", f"the {WORDS[4]}")
    assert run("backup").exit_code == 0
    monkeypatch.setenv("STEPWORK_PASSPHRASE", PASS)
    return run


def encrypt(run) -> None:
    result = run("encrypt")
    assert result.exit_code == 0, result.stderr


def test_after_encrypt_no_entry_text_is_left_in_any_file(written, home):
    assert leaked(home)  # the search below can fail
    encrypt(written)
    assert leaked(home) == []
    assert encryption.sidecar(home / "stepwork.db").exists()
    names = {p.name for p in files_under(home)}
    assert "stepwork.db" in names and not any(n.endswith(".converting") for n in names)
    # Every later write stays encrypted too, the search index included.
    written("checkin", "--note", f"another {WORDS[2]}")
    assert leaked(home) == []


def test_it_opens_only_with_the_right_passphrase(written, home, monkeypatch):
    encrypt(written)
    before = {p: p.read_bytes() for p in files_under(home)}
    monkeypatch.setenv("STEPWORK_PASSPHRASE", "not it")
    result = written("log")
    assert result.exit_code == 1
    assert result.stderr.strip() == "wrong passphrase"
    assert {p: p.read_bytes() for p in files_under(home)} == before
    conn = sqlite3.connect(home / "stepwork.db")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM checkin").fetchall()
    conn.close()


def test_without_a_passphrase_and_no_terminal_it_says_how(written, monkeypatch):
    encrypt(written)
    monkeypatch.delenv("STEPWORK_PASSPHRASE")
    result = written("log")
    assert result.exit_code == 1
    assert "STEPWORK_PASSPHRASE" in result.stderr


def test_search_export_and_backups_keep_working(written, home, tmp_path):
    encrypt(written)
    assert written("search", WORDS[2], "--json").stdout.count('"c1"') == 1
    assert WORDS[1] in written("export").stdout
    result = written("backup", str(tmp_path / "copy.db"))
    assert result.exit_code == 0, result.stderr
    assert WORDS[2].encode() not in (tmp_path / "copy.db").read_bytes()
    written("checkin", "--note", "after the backup")
    restored = written("restore", str(tmp_path / "copy.db"), "--yes")
    assert restored.exit_code == 0, restored.stderr
    assert "after the backup" not in written("log", "--json").stdout
    assert leaked(home) == []


def test_decrypt_returns_plain_sqlite(written, home):
    encrypt(written)
    result = written("decrypt", "--yes")
    assert result.exit_code == 0, result.stderr
    assert not encryption.sidecar(home / "stepwork.db").exists()
    conn = sqlite3.connect(home / "stepwork.db")
    assert conn.execute("SELECT note FROM checkin").fetchall() == [(f"a {WORDS[2]} day",)]
    conn.close()
    for backup in (home / "backups").glob("*.db"):
        assert encryption.looks_plain(backup)
    assert written("decrypt", "--yes").exit_code == 1


def test_changing_the_passphrase(written, monkeypatch, tmp_path):
    encrypt(written)
    written("backup", str(tmp_path / "old.db"))
    monkeypatch.setenv("STEPWORK_NEW_PASSPHRASE", "a new one")
    assert written("passphrase").exit_code == 0
    assert written("log").stderr.strip() == "wrong passphrase"
    monkeypatch.setenv("STEPWORK_PASSPHRASE", "a new one")
    assert written("log").exit_code == 0
    # A backup opens with the passphrase it was made under, and the journal takes it on.
    assert written("restore", str(tmp_path / "old.db"), "--yes").exit_code == 1
    monkeypatch.setenv("STEPWORK_BACKUP_PASSPHRASE", PASS)
    assert written("restore", str(tmp_path / "old.db"), "--yes").exit_code == 0
    monkeypatch.delenv("STEPWORK_BACKUP_PASSPHRASE")
    assert written("log").stderr.strip() == "wrong passphrase"
    monkeypatch.setenv("STEPWORK_PASSPHRASE", PASS)
    assert written("log").exit_code == 0


def test_encrypt_twice_and_passphrase_unencrypted(written, monkeypatch):
    monkeypatch.setenv("STEPWORK_NEW_PASSPHRASE", "x")
    assert written("passphrase").exit_code == 1
    encrypt(written)
    again = written("encrypt")
    assert again.exit_code == 1 and "already encrypted" in again.stderr


def test_a_tampered_encrypted_file_is_reported(written, home):
    encrypt(written)
    path = home / "stepwork.db"
    data = bytearray(path.read_bytes())
    for offset in range(5000, 5100):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    result = written("log")
    assert result.exit_code == 1
    assert "damaged or was changed" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == bytes(data)


def test_migrations_work_under_encryption(home, run, monkeypatch):
    import secrets

    from stepwork.store import migrations
    from stepwork.store.connection import open_connection
    from stepwork.store.encrypting import convert

    home.mkdir(mode=0o700)
    keyfile = encryption.wrap(key := secrets.token_bytes(32), PASS)
    db_path = home / "stepwork.db"
    conn = open_connection(db_path)
    migrations.migrate(conn, db_path, home / "backups", migrations.MIGRATIONS[:3])
    conn.execute(
        "INSERT INTO checkin (uid, local_date, note, created_at, updated_at) "
        f"VALUES ('u1', '2026-11-01', 'old {WORDS[2]}', '2026-11-01 00:00:00', "
        "'2026-11-01 00:00:00')"
    )
    conn.close()
    convert(db_path, None, keyfile, key)
    monkeypatch.setenv("STEPWORK_PASSPHRASE", PASS)
    result = run("log", "--json")
    assert result.exit_code == 0, result.stderr
    assert f"old {WORDS[2]}" in result.stdout
    [kept] = list((home / "backups").glob("*before-upgrade*.db"))
    assert not encryption.looks_plain(kept)
    assert leaked(home) == []


def test_without_the_extra_installed_encrypt_says_how(run, monkeypatch):
    monkeypatch.setattr(encryption, "available", lambda: False)
    result = run("encrypt")
    assert result.exit_code == 1
    assert "pip install 'stepwork[encryption]'" in result.stderr
