"""Every output is hostile too: a path given to stepwork may be the journal, a link, a device,
a FIFO or a folder of the person's own files."""

import os
import stat
import threading
from pathlib import Path

import pytest


@pytest.fixture
def journal(run, home: Path) -> Path:
    assert run("checkin", "--mood", "5", "--note", "a quiet day").exit_code == 0
    return home / "stepwork.db"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def refused(result, words: str) -> None:
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0]


@pytest.mark.parametrize("name", ["stepwork.db", "stepwork.db-wal", "stepwork.db-shm"])
def test_export_onto_the_journal_or_its_files_is_refused(run, journal, home, name):
    before = snapshot(home)
    refused(run("export", "-o", str(home / name), "--force"), "your journal")
    assert snapshot(home) == before


def test_export_onto_the_key_file_is_refused(run, journal, home, monkeypatch):
    monkeypatch.setenv("STEPWORK_PASSPHRASE", "a long passphrase")
    assert run("encrypt").exit_code == 0
    before = snapshot(home)
    refused(run("export", "-o", str(home / "stepwork.db.key"), "--force"), "your journal")
    assert snapshot(home) == before


def test_export_through_a_link_to_the_journal_is_refused(run, journal, home, tmp_path):
    link = tmp_path / "innocent.md"
    link.symlink_to(journal)
    before = snapshot(home)
    refused(run("export", "-o", str(link), "--force"), "your journal")
    assert snapshot(home) == before


def test_export_inside_the_home_is_refused(run, journal, home):
    refused(run("export", "-o", str(home / "backups" / "x.md")), "stepwork's own folder")
    assert not (home / "backups" / "x.md").exists()


def test_an_existing_file_is_replaced_only_with_force(run, journal, tmp_path):
    mine = tmp_path / "mine.md"
    mine.write_text("my own notes")
    refused(run("export", "-o", str(mine)), "--force")
    assert mine.read_text() == "my own notes"
    assert run("export", "-o", str(mine), "--force").exit_code == 0
    assert "a quiet day" in mine.read_text()
    assert stat.S_IMODE(mine.stat().st_mode) == 0o600


def test_a_link_is_refused_without_force(run, journal, tmp_path):
    target = tmp_path / "target.md"
    target.write_text("kept")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    refused(run("export", "-o", str(link)), "already exists")
    assert target.read_text() == "kept" and link.is_symlink()


def test_a_dangling_link_is_refused(run, journal, tmp_path):
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "nowhere" / "x.md")
    refused(run("export", "-o", str(link), "--force"), "not there")
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_is_refused(run, journal, tmp_path):
    refused(run("export", "-o", str(tmp_path), "--force"), "is a folder")


def test_a_fifo_is_written_by_opening_it_never_replaced(run, journal, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused(run("export", "-o", str(fifo)), "already exists")
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    result = run("export", "-o", str(fifo), "--force")
    reader.join(timeout=10)
    assert result.exit_code == 0, result.stderr
    assert b"a quiet day" in received[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_fifo_nobody_reads_is_said_not_waited_for(run, journal, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused(run("export", "-o", str(fifo), "--force"), "Nothing is reading")


@pytest.mark.skipif(os.geteuid() != 0, reason="only root could replace /dev/null")
def test_dev_null_stays_a_device(run, journal):
    assert run("export", "-o", "/dev/null", "--force").exit_code == 0
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_dash_writes_to_standard_output(run, journal, tmp_path):
    result = run("export", "-o", "-")
    assert result.exit_code == 0 and "a quiet day" in result.stdout
    assert not (Path.cwd() / "-").exists()


def test_new_folders_are_private_whatever_the_umask(run, journal, tmp_path):
    previous = os.umask(0o022)
    try:
        result = run("export", "-o", str(tmp_path / "a" / "b" / "out.md"))
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.stderr
    for folder in (tmp_path / "a", tmp_path / "a" / "b"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a" / "b" / "out.md").stat().st_mode) == 0o600


def test_a_vault_never_writes_through_links_planted_in_it(run, journal, tmp_path):
    vault = tmp_path / "vault"
    assert run("export", "--vault", "-o", str(vault)).exit_code == 0
    [written] = list((vault / "checkin").glob("*.md"))
    outside = tmp_path / "outside.txt"
    outside.write_text("the person's own file")
    written.unlink()
    written.symlink_to(outside)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (vault / "gratitude").symlink_to(elsewhere, target_is_directory=True)
    assert run("gratitude", "the sun").exit_code == 0
    result = run("export", "--vault", "-o", str(vault))
    assert result.exit_code == 0, result.stderr
    assert outside.read_text() == "the person's own file"
    assert list(elsewhere.iterdir()) == []
    assert "Left alone" in result.stderr


def test_a_backup_never_replaces_another_backups_key_file(run, journal, home, monkeypatch):
    monkeypatch.setenv("STEPWORK_PASSPHRASE", "a long passphrase")
    assert run("encrypt").exit_code == 0
    assert run("backup").exit_code == 0
    [keyfile] = (home / "backups").glob("*.db.key")
    before = keyfile.read_bytes()
    refused(run("backup", str(keyfile), "--force"), "key file")
    assert keyfile.read_bytes() == before


def test_backup_onto_the_journal_or_an_existing_file_is_refused(run, journal, home, tmp_path):
    before = snapshot(home)
    refused(run("backup", str(journal), "--force"), "your journal")
    mine = tmp_path / "mine.db"
    mine.write_text("mine")
    refused(run("backup", str(mine)), "already exists")
    assert mine.read_text() == "mine"
    assert snapshot(home) == before


def test_a_dangling_link_at_the_journal_path_is_refused(run, home):
    home.mkdir(mode=0o700)
    (home / "stepwork.db").symlink_to(home / "gone" / "stepwork.db")
    refused(run("log"), "link to a file that is not there")
    assert not (home / "gone").exists()


def test_a_folder_at_the_journal_path_is_refused(run, home):
    (home / "stepwork.db").mkdir(parents=True)
    refused(run("log"), "is a folder")


def test_export_to_a_full_disk_says_so_and_leaves_nothing(run, journal, tmp_path, monkeypatch):
    import errno

    from stepwork import outputs

    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(outputs.os, "fdopen", lambda fd, *a, **k: Full(real_fdopen(fd, *a, **k)))
    result = run("export", "-o", str(tmp_path / "out.md"))
    refused(result, "is full")
    assert list(tmp_path.glob("*out.md*")) == []


@pytest.mark.parametrize("force", [(), ("--force",)])
@pytest.mark.parametrize(
    ("where", "words"),
    [
        (lambda home, tmp: home / "stepwork.db", "your journal"),
        (lambda home, tmp: tmp, "is a folder"),
        (lambda home, tmp: home, "stepwork's own folder"),
    ],
)
def test_what_force_cannot_replace_is_refused_before_force_is_suggested(
    run, journal, home, tmp_path, force, where, words
):
    before = snapshot(home)
    result = run("export", "-o", str(where(home, tmp_path)), *force)
    refused(result, words)
    assert "--force" not in result.stderr
    assert snapshot(home) == before
