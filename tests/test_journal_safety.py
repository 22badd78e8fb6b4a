"""A journal that cannot be lost: conversions killed at every stage, commands run while a
conversion runs, backups that restore anywhere with their passphrase."""

import shutil
import sqlite3
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pexpect
import pytest

from stepwork.store import encryption, swap

from .conftest import child_env, stepwork_command

PASS = "a long enough passphrase"
RECORDS = 20_000
CRASH = Path(__file__).parent / "helpers" / "crash_at.py"
MARKER = "quetzalnote"  # in every record: found in a file only if the text is in the clear
STAGES = ("copied", "before-switch", "after-switch", "after-key")


def build_journal(home: Path) -> None:
    subprocess.run([*stepwork_command(), "checkin", "--mood", "5"], env=child_env(home), check=True)
    conn = sqlite3.connect(home / "stepwork.db")
    with conn:
        conn.executemany(
            "INSERT INTO checkin (uid, local_date, mood, craving, note, created_at, updated_at) "
            "VALUES (?, '2026-11-01', 5, 1, ?, '2026-11-01 09:00:00', '2026-11-01 09:00:00')",
            [(f"drill-{i}", f"{MARKER} {i}") for i in range(RECORDS)],
        )
    conn.close()


def cli(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*stepwork_command(), *args],
        env=child_env(home, **{"STEPWORK_PASSPHRASE": PASS, **env}),
        capture_output=True,
        text=True,
        timeout=120,
    )


def crash(home: Path, stage: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CRASH), stage, "kill", *args],
        env=child_env(home, STEPWORK_PASSPHRASE=PASS, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def count(home: Path, passphrase: str = PASS) -> int:
    """How many check-ins the journal holds, read by a new stepwork process."""
    code = (
        "from stepwork.store import journal_file\n"
        "with journal_file.reading() as conn:\n"
        "    print(conn.execute('SELECT COUNT(*) FROM checkin').fetchone()[0])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=child_env(home, STEPWORK_PASSPHRASE=passphrase),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout)


def leftovers(home: Path) -> list[str]:
    return sorted(
        p.name
        for p in home.rglob("*")
        if p.name.endswith((".new", ".old", ".new.key", ".converting", ".pending"))
    )


def in_the_clear(home: Path) -> list[str]:
    return [p.name for p in home.rglob("*") if p.is_file() and MARKER.encode() in p.read_bytes()]


@pytest.fixture(scope="module")
def plain_template(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("plain") / "home"
    build_journal(home)
    return home


@pytest.fixture(scope="module")
def encrypted_template(tmp_path_factory, plain_template) -> Path:
    home = tmp_path_factory.mktemp("encrypted") / "home"
    shutil.copytree(plain_template, home)
    assert cli(home, "encrypt").returncode == 0
    return home


def copy_of(template: Path, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    shutil.copytree(template, home)
    return home


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_encrypt_killed_at_each_stage_leaves_a_whole_journal(plain_template, tmp_path, stage):
    home = copy_of(plain_template, tmp_path)
    assert crash(home, stage, "encrypt").returncode == -9
    assert count(home) == RECORDS + 1
    assert leftovers(home) == []
    encrypted = encryption.is_encrypted(home / "stepwork.db")
    assert encrypted == (stage in ("after-switch", "after-key"))
    # The next run finishes the work, and nothing is left in the clear.
    assert cli(home, "encrypt").returncode == (1 if encrypted else 0)
    assert in_the_clear(home) == []
    assert count(home) == RECORDS + 1


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_encrypt_with_backups_stopped_anywhere_never_leaves_text_in_the_clear_beside_it(
    plain_template, tmp_path, stage
):
    home = copy_of(plain_template, tmp_path)
    assert cli(home, "backup").returncode == 0
    assert cli(home, "backup").returncode == 0
    for nth in range(1, 4):  # the first backup, the second, then the journal itself
        attempt = copy_of(home, tmp_path / f"try{nth}")
        env = {"CRASH_NTH": str(nth)}
        assert crash(attempt, stage, "encrypt", **env).returncode == -9
        after = cli(attempt, "log", "-n", "1")
        assert after.returncode == 0, after.stderr
        if encryption.is_encrypted(attempt / "stepwork.db"):
            assert in_the_clear(attempt) == []
        assert leftovers(attempt) == []
        assert count(attempt) == RECORDS + 1


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_decrypt_killed_at_each_stage_leaves_a_whole_journal(encrypted_template, tmp_path, stage):
    home = copy_of(encrypted_template, tmp_path)
    assert crash(home, stage, "decrypt", "--yes").returncode == -9
    assert count(home) == RECORDS + 1
    assert leftovers(home) == []
    plain = not encryption.is_encrypted(home / "stepwork.db")
    assert plain == (stage in ("after-switch", "after-key"))
    if not plain:
        assert in_the_clear(home) == []  # the half-made plain copy was overwritten


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_passphrase_change_killed_at_each_stage(encrypted_template, tmp_path, stage):
    home = copy_of(encrypted_template, tmp_path)
    new = "another long passphrase"
    assert crash(home, stage, "passphrase", STEPWORK_NEW_PASSPHRASE=new).returncode == -9
    switched = stage in ("after-switch", "after-key")
    assert count(home, new if switched else PASS) == RECORDS + 1
    assert leftovers(home) == []
    assert in_the_clear(home) == []


@pytest.mark.slow
@pytest.mark.parametrize("stage", ("copied", "backup-before-rename"))
def test_backup_killed_part_way_is_never_taken_for_a_backup(plain_template, tmp_path, stage):
    home = copy_of(plain_template, tmp_path)
    assert crash(home, stage, "backup").returncode == -9
    assert list((home / "backups").glob("*.db")) == []
    assert count(home) == RECORDS + 1
    # encrypt removes the unfinished copy, which holds text in the clear.
    assert cli(home, "encrypt").returncode == 0
    assert in_the_clear(home) == []
    assert leftovers(home) == []
    assert cli(home, "doctor").returncode == 0


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_restore_killed_at_each_stage(encrypted_template, tmp_path, stage):
    home = copy_of(encrypted_template, tmp_path)
    backup = tmp_path / "kept.db"
    assert cli(home, "backup", str(backup)).returncode == 0
    assert cli(home, "checkin", "--mood", "2").returncode == 0
    assert crash(home, stage, "restore", str(backup), "--yes").returncode == -9
    assert count(home) in (RECORDS + 1, RECORDS + 2)
    assert leftovers(home) == []
    assert in_the_clear(home) == []


@pytest.mark.slow
@pytest.mark.parametrize("delay", (0.2, 0.5, 0.8))
def test_encrypt_killed_at_a_random_moment(plain_template, tmp_path, delay):
    home = copy_of(plain_template, tmp_path)
    process = subprocess.Popen(
        [*stepwork_command(), "encrypt"],
        env=child_env(home, STEPWORK_PASSPHRASE=PASS),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    process.kill()
    process.wait(timeout=30)
    assert count(home) == RECORDS + 1
    assert leftovers(home) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    (["encrypt"], ["passphrase"], ["decrypt", "--yes"], ["restore", "{backup}", "--yes"]),
    ids=lambda c: c[0],
)
def test_commands_during_a_conversion_wait_or_say_so_and_lose_nothing(
    plain_template, encrypted_template, tmp_path, command
):
    home = copy_of(plain_template if command == ["encrypt"] else encrypted_template, tmp_path)
    if command[0] == "restore":
        backup = tmp_path / "backup.db"
        assert cli(home, "backup", str(backup)).returncode == 0
        command = ["restore", str(backup), "--yes"]
    new = "the passphrase after"
    env = child_env(home, STEPWORK_PASSPHRASE=PASS, STEPWORK_NEW_PASSPHRASE=new, CRASH_PAUSE="3")
    converting = subprocess.Popen(
        [sys.executable, str(CRASH), "before-switch", "pause", *command],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    saved, refused = 0, 0
    deadline = time.monotonic() + 60
    while converting.poll() is None and time.monotonic() < deadline:
        for args in (["checkin", "--mood", "4"], ["log", "-n", "1"], ["search", MARKER]):
            done = cli(home, *args, STEPWORK_LOCK_WAIT="0.3")
            if done.returncode == 0:
                saved += "Check-in saved." in done.stdout
            elif done.stderr.strip() == "wrong passphrase":
                # The new passphrase took over while this command started.
                assert command == ["passphrase"]
            else:
                assert done.returncode == 1, done.stderr
                assert done.stderr.strip() == (
                    "stepwork is converting your journal; try again in a moment."
                )
                refused += 1
    _out, err = converting.communicate(timeout=60)
    assert converting.returncode == 0, err
    assert refused > 0  # the loop did run while the journal was held
    after = new if command == ["passphrase"] else PASS
    if command[0] == "restore":
        # A check-in saved before the restore took the journal is in the copy kept first.
        [kept] = (home / "backups").glob("stepwork-before-restore-*.db")
        verify = tmp_path / "verify"
        assert cli(verify, "restore", str(kept), "--yes").returncode == 0
        in_kept = count(verify) - (RECORDS + 1)
        assert count(home) - (RECORDS + 1) + in_kept == saved
    else:
        assert count(home, after) == RECORDS + 1 + saved
    assert leftovers(home) == []


@pytest.mark.slow
def test_a_conversion_waits_for_another_window_then_says_so(plain_template, tmp_path):
    home = copy_of(plain_template, tmp_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; from stepwork.store import journal_file; journal_file.ready(); "
            "print('open', flush=True); time.sleep(20)",
        ],
        env=child_env(home),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    before = (home / "stepwork.db").read_bytes()
    done = cli(home, "encrypt", STEPWORK_LOCK_WAIT="0.3")
    holder.kill()
    holder.communicate()
    assert done.returncode == 1
    assert "Another stepwork is using your journal" in done.stderr
    assert (home / "stepwork.db").read_bytes() == before


@pytest.mark.slow
def test_an_encrypted_backup_restores_anywhere_with_its_passphrase(encrypted_template, tmp_path):
    home = copy_of(encrypted_template, tmp_path)
    backup = tmp_path / "away" / "journal #1?%.db"
    backup.parent.mkdir()
    assert cli(home, "backup", str(backup)).returncode == 0
    assert encryption.sidecar(backup).exists()
    # 1. an empty home, with only the backup, its key file beside it, and the passphrase
    fresh = tmp_path / "fresh"
    done = cli(fresh, "restore", str(backup), "--yes")
    assert done.returncode == 0, done.stderr
    assert count(fresh) == RECORDS + 1
    # 2. a home in the clear with entries of its own: they are kept as a copy first
    plain = tmp_path / "plain"
    assert cli(plain, "checkin", "--mood", "3").returncode == 0
    assert cli(plain, "restore", str(backup), "--yes").returncode == 0
    assert count(plain) == RECORDS + 1
    assert encryption.is_encrypted(plain / "stepwork.db")
    # 3. a home encrypted under another passphrase
    other = tmp_path / "other"
    assert cli(other, "checkin", "--mood", "3", STEPWORK_PASSPHRASE="x").returncode == 0
    assert cli(other, "encrypt", STEPWORK_PASSPHRASE="other passphrase").returncode == 0
    done = cli(
        other,
        "restore",
        str(backup),
        "--yes",
        STEPWORK_PASSPHRASE="other passphrase",
        STEPWORK_BACKUP_PASSPHRASE=PASS,
    )
    assert done.returncode == 0, done.stderr
    assert count(other, PASS) == RECORDS + 1
    # 4. the original home after decrypt, and after decrypt + encrypt again
    assert cli(home, "decrypt", "--yes").returncode == 0
    assert cli(home, "restore", str(backup), "--yes").returncode == 0
    assert count(home) == RECORDS + 1
    assert cli(home, "decrypt", "--yes").returncode == 0
    assert cli(home, "encrypt").returncode == 0
    assert cli(home, "restore", str(backup), "--yes").returncode == 0
    assert count(home) == RECORDS + 1


def test_a_changed_passphrase_changes_the_key(run, home, monkeypatch, tmp_path):
    monkeypatch.setenv("STEPWORK_PASSPHRASE", PASS)
    run("checkin", "--note", MARKER)
    assert run("encrypt").exit_code == 0
    old_keyfile = encryption.read_keyfile(encryption.sidecar(home / "stepwork.db"))
    old_key = encryption.unwrap(old_keyfile, PASS)
    monkeypatch.setenv("STEPWORK_NEW_PASSPHRASE", "a second passphrase")
    assert run("passphrase").exit_code == 0
    from stepwork.store.connection import connect_file

    conn = connect_file(home / "stepwork.db", old_key)
    with pytest.raises(Exception, match="not a database"):
        conn.execute("SELECT COUNT(*) FROM checkin").fetchone()
    conn.close()


def test_composed_and_decomposed_passphrases_are_the_same(run, monkeypatch):
    composed = unicodedata.normalize("NFC", "Café sérénité")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    monkeypatch.setenv("STEPWORK_PASSPHRASE", composed)
    run("checkin", "--mood", "5")
    assert run("encrypt").exit_code == 0
    monkeypatch.setenv("STEPWORK_PASSPHRASE", decomposed)
    assert run("log").exit_code == 0


@pytest.mark.slow
def test_a_passphrase_that_is_not_text_gets_one_line(home):
    assert cli(home, "checkin", "--mood", "5").returncode == 0
    env = child_env(home)
    env_bytes = {k.encode(): v.encode() for k, v in env.items()}
    env_bytes[b"STEPWORK_PASSPHRASE"] = b"caf\xe9 long enough"
    done = subprocess.run(
        [*stepwork_command(), "encrypt"], env=env_bytes, capture_output=True, timeout=60
    )
    assert done.returncode == 1
    assert b"not text" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not encryption.is_encrypted(home / "stepwork.db")


@pytest.mark.slow
def test_a_short_passphrase_is_allowed_with_a_word_of_warning(home):
    assert cli(home, "checkin", "--mood", "5").returncode == 0
    done = cli(home, "encrypt", STEPWORK_PASSPHRASE="short")
    assert done.returncode == 0
    assert "shorter than 8 characters" in done.stderr


@pytest.mark.parametrize(
    "field, value",
    (("memory_cost", 2**32 - 1), ("time_cost", 0), ("salt", "***"), ("kdf", "md5")),
)
def test_a_damaged_key_file_is_named(run, home, monkeypatch, field, value):
    import json

    monkeypatch.setenv("STEPWORK_PASSPHRASE", PASS)
    run("checkin", "--mood", "5")
    assert run("encrypt").exit_code == 0
    keyfile = encryption.sidecar(home / "stepwork.db")
    data = json.loads(keyfile.read_text())
    data[field] = value
    keyfile.write_text(json.dumps(data))
    result = run("log")
    assert result.exit_code == 1
    assert "is damaged" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_crash_left_by_an_earlier_stepwork_is_settled(tmp_path):
    """The earlier converter shredded the journal before its rename: the copy is put back."""
    db = tmp_path / "stepwork.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    legacy = db.with_name("stepwork.db.converting")
    db.rename(legacy)
    db.write_bytes(b"\0" * 4096)  # overwritten, not yet removed
    swap.recover(db)
    assert encryption.looks_plain(db) and not legacy.exists()
    sqlite3.connect(db).execute("SELECT * FROM t").connection.close()


@pytest.mark.slow
def test_passphrases_are_asked_again_like_tools_people_trust(home):
    from .pty_helpers import spawn

    assert cli(home, "checkin", "--mood", "5").returncode == 0
    child = spawn(home, "encrypt")
    child.expect("New passphrase: ")
    child.sendline("first try here")
    child.expect("Repeat it: ")
    child.sendline("not the same one")
    child.expect("not the same")
    child.expect("New passphrase: ")
    child.sendline("first try here")
    child.expect("Repeat it: ")
    child.sendline("first try here")
    child.expect("Encrypted the journal")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    child = spawn(home, "log")
    child.expect("Passphrase: ")
    child.sendline("wrong")
    child.expect("not it")
    child.expect("Passphrase: ")
    child.sendline("first try here")
    child.expect("Check-in")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_encrypt_on_a_full_disk_says_so_and_keeps_the_journal(run, home, monkeypatch):
    run("checkin", "--note", MARKER)

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(swap, "_export", full)
    monkeypatch.setenv("STEPWORK_PASSPHRASE", PASS)
    result = run("encrypt")
    assert result.exit_code == 1
    assert "is full" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not encryption.is_encrypted(home / "stepwork.db")
    assert leftovers(home) == []
    assert run("log").exit_code == 0 and MARKER in run("log").stdout
