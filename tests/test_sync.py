"""`stepwork sync`: several homes (devices) and one shared folder."""

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stepwork.cli import app
from tests.conftest import child_env, stepwork_command

PASS = "one passphrase for every device"
SUFFIX = ".stepwork-sync"


class Device:
    """One home, as a person's laptop or desktop; runs the CLI in-process with its env."""

    def __init__(
        self, root: Path, monkeypatch: pytest.MonkeyPatch, passphrase: str | None = None
    ) -> None:
        self.home = root
        self.monkeypatch = monkeypatch
        self.passphrase = passphrase
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        self.monkeypatch.setenv("STEPWORK_HOME", str(self.home))
        if self.passphrase is None:
            self.monkeypatch.delenv("STEPWORK_PASSPHRASE", raising=False)
        else:
            self.monkeypatch.setenv("STEPWORK_PASSPHRASE", self.passphrase)
        return self.runner.invoke(app, list(args), input=input)

    def ok(self, *args: str, input: str | None = None):
        result = self(*args, input=input)
        assert result.exit_code == 0, (result.stdout, result.stderr)
        return result

    def sync(self, folder: Path, *extra: str):
        return self.ok("sync", str(folder), *extra)

    def held_back(self, folder: Path, *extra: str):
        """A sync that could not merge everything: its own exit status, and it says so."""
        result = self("sync", str(folder), *extra)
        assert result.exit_code == 3, (result.stdout, result.stderr)
        assert "Not everything in the folder could be merged" in said(result.stderr)
        assert "already in step" not in said(result.stdout)
        return result

    def encrypt(self, passphrase: str) -> None:
        self.monkeypatch.setenv("STEPWORK_NEW_PASSPHRASE", passphrase)
        self.passphrase = passphrase
        self.ok("encrypt")
        self.monkeypatch.delenv("STEPWORK_NEW_PASSPHRASE")

    def export(self) -> str:
        """The JSON export without its one line that differs by design."""
        text = self.ok("export", "--format", "json").stdout
        return "\n".join(line for line in text.splitlines() if '"exported_at"' not in line)

    def records(self, table: str) -> list[dict]:
        document = json.loads(self.ok("export", "--format", "json").stdout)
        return document["tables"][table]


@pytest.fixture
def devices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def make(*passphrases: str | None) -> list[Device]:
        return [Device(tmp_path / f"device-{n}", monkeypatch, p) for n, p in enumerate(passphrases)]

    return make


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder the first sync creates, in a folder that is there (as Syncthing's ~/Sync)."""
    (tmp_path / "Sync").mkdir()
    return tmp_path / "Sync" / "stepwork"


def said(text: str) -> str:
    """Output as one line: the terminal width may wrap it anywhere between words."""
    return " ".join(text.split())


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def gratitudes(device: Device) -> list[str]:
    return sorted(row["text"] for row in device.records("daily_entry"))


def converge(folder: Path, *all_devices: Device) -> None:
    """Two rounds: every device sends, then every device has received everything."""
    for _ in range(2):
        for device in all_devices:
            device.sync(folder)


def assert_same(*all_devices: Device) -> None:
    first = all_devices[0].export()
    for other in all_devices[1:]:
        assert other.export() == first


def test_three_devices_end_with_identical_exports(devices, folder):
    laptop, desktop, phone = devices(None, None, None)
    laptop.ok("gratitude", "laptop morning")
    laptop.ok("people", "add", "Sam", "--role", "sponsor", "--reach", "555 0134")
    desktop.ok("gratitude", "desktop evening")
    phone.ok("gratitude", "phone on the bus")
    converge(folder, laptop, desktop, phone)
    assert_same(laptop, desktop, phone)
    assert gratitudes(phone) == ["desktop evening", "laptop morning", "phone on the bus"]

    # One record edited on two devices (the desktop's edit is newer), another deleted on a third.
    laptop.ok("people", "edit", "Sam", "--note", "older edit on the laptop")
    desktop.ok("people", "edit", "Sam", "--note", "newer edit on the desktop")
    bus = next(r for r in phone.records("daily_entry") if r["text"] == "phone on the bus")
    shown = phone.ok("log", "--json").stdout
    record_id = next(e["id"] for e in json.loads(shown) if "bus" in json.dumps(e))
    phone.ok("delete", record_id, "--yes")
    converge(folder, laptop, desktop, phone)

    assert_same(laptop, desktop, phone)
    for device in (laptop, desktop, phone):
        assert [p["note"] for p in device.records("person")] == ["newer edit on the desktop"]
        assert gratitudes(device) == ["desktop evening", "laptop morning"]
        assert [t["uid"] for t in device.records("tombstone")] == [bus["uid"]]

    # In step: a run changes nothing, in the journal or in the folder.
    before = files_in(folder)
    for device in (laptop, desktop, phone):
        exported = device.export()
        result = device.sync(folder)
        assert "Nothing new to send or to receive" in said(result.stdout)
        assert device.export() == exported
    assert files_in(folder) == before


def test_what_went_out_and_what_came_in_is_reported(devices, folder):
    laptop, desktop = devices(None, None)
    laptop.ok("gratitude", "one")
    laptop.ok("gratitude", "two")
    first = laptop.sync(folder)
    assert "Sent 2 records as" in said(first.stdout)
    assert "plain text" in said(first.stdout)
    assert "not encrypted" in said(first.stderr)  # the warning, once
    assert "not encrypted" not in laptop.sync(folder).stderr
    came = desktop.sync(folder)
    assert "Received 1 file from 1 device: 2 added." in said(came.stdout)
    names = sorted(p.name for p in folder.iterdir())
    assert len([n for n in names if n.endswith(SUFFIX)]) == 1
    assert all(oct(os.stat(folder / n).st_mode & 0o777) == "0o600" for n in names)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"


def test_encrypted_devices_leave_no_entry_text_in_the_folder(devices, folder):
    words = ("marmalade-resentment", "quokka-gratitude", "zeppelin-note", "Barnabus")
    laptop, desktop, stranger = devices(PASS, PASS, "a different passphrase")
    laptop.ok("gratitude", words[0])
    laptop.encrypt(PASS)
    desktop.ok("gratitude", words[1])
    desktop.encrypt(PASS)
    laptop.ok("checkin", "--mood", "6", "--note", words[2])
    desktop.ok("people", "add", words[3], "--role", "friend")
    converge(folder, laptop, desktop)
    assert_same(laptop, desktop)
    assert gratitudes(laptop) == sorted(words[:2])
    raw = b"".join(files_in(folder).values())
    for word in words:
        assert word.encode() not in raw
        assert word.encode("utf-16-le") not in raw
    assert b"aes-256-gcm" in raw

    # Another passphrase: refused with one line per device; its journal unchanged.
    stranger.ok("gratitude", "the stranger's own")
    stranger.encrypt("a different passphrase")
    before = stranger.export()
    result = stranger.held_back(folder)
    assert said(result.stderr).count("with another passphrase") == 1
    assert "Skipped the files of 2 devices" in said(result.stderr)
    assert stranger.export().count('"text"') == before.count('"text"')
    assert gratitudes(stranger) == ["the stranger's own"]


def test_a_plain_device_and_an_encrypted_one(devices, folder):
    plain, locked = devices(None, PASS)
    plain.ok("gratitude", "from the plain one")
    locked.ok("gratitude", "from the locked one")
    locked.encrypt(PASS)
    plain.sync(folder)
    # Plain files are not authenticated: an encrypted journal does not take them in.
    passed = locked.held_back(folder)
    assert "Passed over the plain files of 1 device" in said(passed.stderr)
    assert gratitudes(locked) == ["from the locked one"]
    refused = plain("sync", str(folder))
    assert refused.exit_code == 1
    assert "holds encrypted files" in said(refused.stderr)
    assert "stepwork encrypt" in said(refused.stderr)
    assert gratitudes(plain) == ["from the plain one"]

    plain.encrypt(PASS)  # a new journal file: everything is sent again, encrypted
    again = plain.sync(folder)
    assert "not the file this device last synced" in said(again.stderr)
    assert "Skipped" not in said(again.stderr)
    assert "Skipped" not in said(locked.sync(folder).stderr)
    plain.sync(folder)
    assert_same(plain, locked)
    assert gratitudes(locked) == ["from the locked one", "from the plain one"]
    # The plain files it wrote before go once the other device has passed them.
    plain.sync(folder, "--compact")
    assert b'"cipher": "none"' not in b"".join(files_in(folder).values())
    assert b"from the plain one" not in b"".join(files_in(folder).values())


def _only_file(folder: Path, device: Device) -> Path:
    state = json.loads((device.home / "sync.json").read_text())
    mine = sorted(folder.glob(f"{state['device']}-*{SUFFIX}"))
    return mine[-1]


@pytest.mark.parametrize("encrypted", [False, True])
def test_a_truncated_or_changed_file_is_skipped_then_read_when_whole(devices, folder, encrypted):
    passphrase = PASS if encrypted else None
    laptop, desktop = devices(passphrase, passphrase)
    laptop.ok("gratitude", "kept whole")
    desktop.ok("gratitude", "the desktop's")
    if encrypted:
        laptop.encrypt(PASS)
        desktop.encrypt(PASS)
    laptop.sync(folder)
    sent = _only_file(folder, laptop)
    whole = sent.read_bytes()

    sent.write_bytes(whole[: len(whole) * 2 // 3])  # still arriving
    result = desktop.held_back(folder)
    assert f"Skipped {sent.name}: it is not complete" in said(result.stderr)
    assert "tried again at the next sync" in said(result.stderr)
    assert gratitudes(desktop) == ["the desktop's"]

    changed = bytearray(whole)
    changed[len(whole) - 10] ^= 0x01  # one bit, in the body
    sent.write_bytes(bytes(changed))
    result = desktop.held_back(folder)
    assert "damaged, or was changed" in said(result.stderr)
    assert gratitudes(desktop) == ["the desktop's"]

    sent.write_bytes(whole)
    result = desktop.sync(folder)
    assert "Skipped" not in said(result.stderr)
    assert gratitudes(desktop) == ["kept whole", "the desktop's"]


def test_conflict_copies_are_skipped_with_a_line(devices, folder):
    laptop, desktop = devices(None, None)
    laptop.ok("gratitude", "the real one")
    laptop.sync(folder)
    sent = _only_file(folder, laptop)
    stem = sent.name[: -len(SUFFIX)]
    copies = (
        f"{stem}.sync-conflict-20261128-101010-ABCDEFG{SUFFIX}",
        f"{stem} (conflicted copy 2026-11-28){SUFFIX}",
        f"{stem}.sync-conflict-\x1b]0;owned\x07{SUFFIX}",
    )
    for name in copies:
        text = sent.read_text().replace("the real one", "the copy's text")
        (folder / name).write_text(text)
    result = desktop.sync(folder)
    assert "Left alone 3 copies that a sync tool made" in said(result.stderr)
    for name in copies[:2]:
        assert name in said(result.stderr)
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr  # shown, never obeyed
    assert "␛]0;owned" in result.stderr
    assert gratitudes(desktop) == ["the real one"]
    assert all((folder / name).exists() for name in copies)  # not ours to delete

    # However many there are: one line for them all, every run.
    for n in range(200):
        (folder / f"{stem}.sync-conflict-{n:04d}{SUFFIX}").write_text("x")
    result = desktop.sync(folder)
    assert "Left alone 203 copies that a sync tool made" in said(result.stderr)
    assert said(result.stderr).count("Left alone") == 1
    assert "and 200 more" in said(result.stderr)


def test_a_file_that_has_not_arrived_holds_back_the_ones_after_it(devices, folder, tmp_path):
    laptop, desktop = devices(None, None)
    laptop.ok("gratitude", "first")
    laptop.sync(folder)
    laptop.ok("gratitude", "second")
    laptop.sync(folder)
    laptop.ok("gratitude", "third")
    laptop.sync(folder)
    second = sorted(folder.glob(f"*{SUFFIX}"))[1]
    away = tmp_path / "in-transit"
    shutil.move(second, away)
    result = desktop.held_back(folder)
    assert f"waiting for {second.name}" in said(result.stderr)
    assert gratitudes(desktop) == ["first"]
    shutil.move(away, second)
    desktop.sync(folder)
    assert gratitudes(desktop) == ["first", "second", "third"]


def test_interleaved_runs_lose_nothing(devices, folder):
    laptop, desktop = devices(None, None)
    for n in range(3):
        laptop.ok("gratitude", f"laptop {n}")
        desktop.sync(folder)
        desktop.ok("gratitude", f"desktop {n}")
        laptop.sync(folder)
        laptop.ok("people", "add", f"Person {n}", "--role", "friend")
        desktop.ok("gratitude", f"desktop again {n}")
        desktop.sync(folder)
    converge(folder, laptop, desktop)
    assert_same(laptop, desktop)
    assert len(gratitudes(laptop)) == 9
    assert len(laptop.records("person")) == 3


def test_compact_waits_for_every_other_device(devices, folder):
    laptop, desktop, newcomer = devices(None, None, None)
    for n in range(3):
        laptop.ok("gratitude", f"laptop {n}")
        laptop.sync(folder)
    desktop.sync(folder)
    laptop.ok("gratitude", "not merged on the desktop yet")
    laptop.sync(folder)
    result = laptop.sync(folder, "--compact")
    assert "Not compacted yet" in said(result.stderr)
    assert len(list(folder.glob(f"{_device_id(laptop)}-*{SUFFIX}"))) == 4

    desktop.sync(folder)
    result = laptop.sync(folder, "--compact")
    assert "Compacted: 4 of this device's files replaced by one snapshot" in said(result.stdout)
    assert len(list(folder.glob(f"{_device_id(laptop)}-*{SUFFIX}"))) == 1
    newcomer.sync(folder)
    desktop.sync(folder)
    assert_same(laptop, desktop, newcomer)
    assert len(gratitudes(newcomer)) == 4


def _device_id(device: Device) -> str:
    return json.loads((device.home / "sync.json").read_text())["device"]


def test_after_a_restore_the_device_reads_its_own_files_again(devices, folder, tmp_path):
    laptop, desktop = devices(None, None)
    laptop.ok("gratitude", "before the backup")
    backup = tmp_path / "journal-backup.db"
    laptop.ok("backup", str(backup))
    laptop.ok("gratitude", "after the backup")
    laptop.sync(folder)
    laptop.ok("restore", str(backup), "--yes")
    assert gratitudes(laptop) == ["before the backup"]
    result = laptop.sync(folder)
    assert "not the file this device last synced" in said(result.stderr)
    assert gratitudes(laptop) == ["after the backup", "before the backup"]
    converge(folder, laptop, desktop)
    assert_same(laptop, desktop)


def test_a_copied_home_gets_its_own_device_id(devices, folder, tmp_path):
    laptop, _ = devices(None, None)
    laptop.ok("gratitude", "written before the copy")
    laptop.sync(folder)
    copy = Device(tmp_path / "copied-home", laptop.monkeypatch)
    shutil.copytree(laptop.home, copy.home)
    copy.ok("gratitude", "written on the copy")
    copy.sync(folder)
    assert _device_id(copy) != _device_id(laptop)
    laptop.ok("gratitude", "written on the original")
    laptop.sync(folder)
    copy.sync(folder)
    assert_same(laptop, copy)
    assert len(gratitudes(laptop)) == 3


def test_the_folder_from_config_and_hostile_folders(devices, folder, tmp_path):
    laptop, desktop = devices(None, None)
    result = laptop("sync")
    assert result.exit_code == 2
    assert "stepwork config sync_dir DIR" in said(result.stderr)
    laptop.ok("config", "sync_dir", str(folder))
    laptop.ok("gratitude", "through the setting")
    assert "Sent 1 record" in laptop.ok("sync").stdout

    for bad in (laptop.home, laptop.home / "inside", laptop.home / "stepwork.db"):
        result = laptop("sync", str(bad))
        assert result.exit_code == 1
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in said(result.stderr)
    result = laptop("config", "sync_dir", "evil\x1b[31m")
    assert result.exit_code != 0
    plain_file = tmp_path / "a-file"
    plain_file.write_text("mine")
    result = desktop("sync", str(plain_file))
    assert result.exit_code == 1
    assert plain_file.read_text() == "mine"

    # A link where a sync file would be is not followed.
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    name = f"{'0' * 16}-00000001{SUFFIX}"
    (folder / name).symlink_to(secret)
    result = desktop.sync(folder)
    assert f"Left alone {name}: a link" in said(result.stderr)
    assert secret.read_text() == "private"


def test_two_devices_syncing_at_the_same_time_lose_nothing(tmp_path, folder):
    """The real entry point, two processes at once (and a second run on one home at once)."""
    homes = [tmp_path / "laptop", tmp_path / "desktop"]
    for n, home in enumerate(homes):
        for k in range(30):
            subprocess.run(
                [*stepwork_command(), "gratitude", f"device {n} entry {k}"],
                env=child_env(home),
                check=True,
                capture_output=True,
            )

    def together(*which: Path) -> None:
        running = [
            subprocess.Popen(
                [*stepwork_command(), "sync", str(folder)],
                env=child_env(home),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for home in which
        ]
        for process in running:
            _out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
            assert "Traceback" not in err

    together(*homes)
    together(homes[0], homes[0], homes[1])
    together(*homes)
    exports = []
    for home in homes:
        done = subprocess.run(
            [*stepwork_command(), "export", "--format", "json"],
            env=child_env(home),
            check=True,
            capture_output=True,
            text=True,
        )
        document = json.loads(done.stdout)
        assert len(document["tables"]["daily_entry"]) == 60
        exports.append([line for line in done.stdout.splitlines() if "exported_at" not in line])
    assert exports[0] == exports[1]
    names = [p.name for p in folder.iterdir() if p.name.endswith(SUFFIX)]
    assert len(names) == len(set(names))


def _delete(device: Device, text: str) -> None:
    entries = json.loads(device.ok("log", "--json").stdout)
    device.ok("delete", next(e["id"] for e in entries if text in json.dumps(e)), "--yes")


def test_a_record_deleted_on_two_devices_agrees_on_when(devices, folder):
    laptop, desktop = devices(None, None)
    laptop.ok("gratitude", "deleted twice")
    laptop.ok("gratitude", "kept")
    converge(folder, laptop, desktop)
    _delete(laptop, "deleted twice")
    _delete(desktop, "deleted twice")
    converge(folder, laptop, desktop)
    assert_same(laptop, desktop)
    assert gratitudes(desktop) == ["kept"]


def test_a_new_answer_elsewhere_in_a_session_deleted_here_goes_with_it(devices, folder, tmp_path):
    """A file of changes holds a new answer, not its unchanged session: where the session was
    deleted, the answer goes with it instead of the whole file being refused."""
    laptop, desktop = devices(None, None)
    laptop("step", "1", input="my honest answer\n\n")  # stops at the end of input; kept
    converge(folder, laptop, desktop)
    laptop.ok("delete", "s1", "--yes")
    document = json.loads(desktop.ok("export", "--format", "json").stdout)
    answer = dict(document["tables"]["answer"][0], uid="a-new-answer", question_key="another")
    for name in document["tables"]:
        document["tables"][name] = [answer] if name == "answer" else []
    changes = tmp_path / "changes.json"
    changes.write_text(json.dumps(document))
    result = laptop.ok("import", str(changes))
    assert "unchanged 1" in said(result.stdout)
    assert laptop.records("answer") == []
    converge(folder, laptop, desktop)
    assert_same(laptop, desktop)


def test_a_counter_started_on_two_devices_under_one_name_keeps_syncing(devices, folder):
    laptop, desktop = devices(None, None)
    laptop.ok("sober", "start", "alcohol", "--date", "2026-01-01")
    desktop.ok("sober", "start", "alcohol", "--date", "2026-02-01")
    converge(folder, laptop, desktop)
    desktop.ok("sober", "reset", "alcohol", "--yes")
    for _ in range(2):
        for device in (laptop, desktop):
            assert "Skipped" not in said(device.sync(folder).stderr)
    for device in (laptop, desktop):
        assert len(device.records("sobriety_counter")) == 1
        assert len(device.records("sobriety_run")) == 1
    starts = {d.records("sobriety_counter")[0]["started_on"] for d in (laptop, desktop)}
    assert len(starts) == 1


CRASH = Path(__file__).parent / "helpers" / "sync_crash.py"


@pytest.mark.parametrize(
    "stage",
    ["sent", "merged-a-file", "committed", "snapshot-written", "removed-a-file"],
)
def test_a_sync_killed_at_any_point_loses_nothing(tmp_path, folder, stage):
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"

    def stepwork(home: Path, *args: str) -> str:
        done = subprocess.run(
            [*stepwork_command(), *args], env=child_env(home), capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    for n in range(3):
        stepwork(laptop, "gratitude", f"laptop {n}")
    stepwork(desktop, "gratitude", "desktop 0")
    stepwork(laptop, "sync", str(folder))
    stepwork(desktop, "sync", str(folder))
    stepwork(laptop, "gratitude", "laptop 3")
    stepwork(desktop, "gratitude", "desktop 1")
    stepwork(desktop, "sync", str(folder))
    args = ["sync", str(folder)]
    if stage in ("snapshot-written", "removed-a-file"):
        stepwork(laptop, *args)
        stepwork(desktop, *args)
        args.append("--compact")
    killed = subprocess.run(
        [sys.executable, str(CRASH), stage, *args], env=child_env(laptop), capture_output=True
    )
    assert killed.returncode == -signal.SIGKILL

    for _ in range(2):
        for home in (laptop, desktop):
            stepwork(home, "sync", str(folder))
    exports = []
    for home in (laptop, desktop):
        document = json.loads(stepwork(home, "export", "--format", "json"))
        texts = sorted(row["text"] for row in document["tables"]["daily_entry"])
        assert texts == ["desktop 0", "desktop 1", *(f"laptop {n}" for n in range(4))]
        del document["exported_at"]
        exports.append(document)
    assert exports[0] == exports[1]
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".")]


def test_an_encrypted_journal_needs_its_passphrase_to_sync(devices, folder):
    (laptop,) = devices(PASS)
    laptop.ok("gratitude", "sealed")
    laptop.encrypt(PASS)
    laptop.sync(folder)
    before = files_in(folder)
    laptop.passphrase = "not it"
    result = laptop("sync", str(folder))
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    laptop.passphrase = None
    result = laptop("sync", str(folder))
    assert result.exit_code == 1
    assert "STEPWORK_PASSPHRASE" in said(result.stderr)
    assert files_in(folder) == before


def _own_files(folder: Path, device: Device) -> list[Path]:
    return sorted(folder.glob(f"{_device_id(device)}-*{SUFFIX}"))


def test_a_plain_journal_never_sends_into_a_folder_of_encrypted_files(devices, folder, tmp_path):
    laptop, desktop, newcomer = devices(PASS, PASS, None)
    laptop.ok("gratitude", "laptop words")
    laptop.encrypt(PASS)
    desktop.ok("gratitude", "desktop words")
    desktop.encrypt(PASS)
    converge(folder, laptop, desktop)
    before = files_in(folder)

    # A new device that was never encrypted, and a copy of an encrypted home, decrypted.
    newcomer.ok("gratitude", "would be plain text")
    copy = Device(tmp_path / "decrypted-copy", laptop.monkeypatch, PASS)
    shutil.copytree(laptop.home, copy.home)
    copy.ok("decrypt", "--yes")
    copy.passphrase = None
    for device in (newcomer, copy):
        result = device("sync", str(folder))
        assert result.exit_code == 1
        assert len(result.stderr.strip().splitlines()) == 1
        assert "holds encrypted files" in said(result.stderr)
        assert "stepwork encrypt" in said(result.stderr)
        assert files_in(folder) == before
    assert b"plain" not in b"".join(files_in(folder).values())


def test_a_folder_that_cannot_be_written_is_one_line(devices, folder, monkeypatch):
    """The real failure is EROFS from creating and from cleaning up the temporary file."""
    import errno

    (laptop,) = devices(None)
    laptop.ok("gratitude", "nowhere to go")
    folder.mkdir(parents=True)
    real_open, real_unlink = os.open, os.unlink

    def refuse_open(path, flags, *args, **kwargs):
        if kwargs.get("dir_fd") is not None and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args, **kwargs)

    def refuse_unlink(path, *args, **kwargs):
        if kwargs.get("dir_fd") is not None:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_open)
    monkeypatch.setattr(os, "unlink", refuse_unlink)
    result = laptop("sync", str(folder))
    monkeypatch.setattr(os, "open", real_open)
    monkeypatch.setattr(os, "unlink", real_unlink)
    assert result.exit_code == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert f"Could not write into the folder {folder}" in said(result.stderr)
    assert list(folder.iterdir()) == []
    elsewhere = folder.parent / "elsewhere"
    first = laptop.sync(elsewhere)  # the failed sync kept an id, and synced nothing
    assert "Sent 1 record" in first.stdout
    assert "not the folder this device last synced" not in said(first.stderr)


def test_a_bad_or_missing_file_in_a_devices_slot_is_repaired_by_that_device(devices, folder):
    laptop, desktop = devices(PASS, PASS)
    laptop.ok("gratitude", "first on the laptop")
    laptop.encrypt(PASS)
    desktop.ok("gratitude", "first on the desktop")
    desktop.encrypt(PASS)
    converge(folder, laptop, desktop)
    laptop.ok("gratitude", "second on the laptop")
    laptop.sync(folder)
    desktop.sync(folder)

    # A copy lands in the laptop's next slot, its header saying that number.
    last = _own_files(folder, laptop)[-1]
    head, _, body = last.read_bytes().partition(b"\n")
    header = json.loads(head)
    planted = folder / last.name.replace(f"{header['seq']:08d}", f"{header['seq'] + 1:08d}")
    header["seq"] += 1
    planted.write_bytes(json.dumps(header).encode() + b"\n" + body)
    laptop.ok("checkin", "--mood", "5", "--note", "after the bad file")
    repaired = laptop.sync(folder)
    assert f"This device's file {planted.name} is missing" in said(repaired.stderr)
    result = desktop("sync", str(folder))
    assert result.exit_code == 0, result.stderr
    assert "Skipped" not in said(result.stderr)
    assert "after the bad file" in desktop.export()

    # A file deleted from the folder before the other device read it.
    laptop.ok("gratitude", "third on the laptop")
    laptop.sync(folder)
    _own_files(folder, laptop)[-1].unlink()
    laptop.ok("gratitude", "fourth on the laptop")
    assert "is missing from the folder" in said(laptop.sync(folder).stderr)
    converge(folder, laptop, desktop)
    assert_same(laptop, desktop)
    assert "third on the laptop" in gratitudes(desktop)
    assert "Compacted" in laptop.sync(folder, "--compact").stdout


def _run_sync_stopped(home: Path, folder: Path, stage: str, signal_name: str):
    env = {**child_env(home), "SYNC_CRASH_SIGNAL": signal_name}
    return subprocess.run(
        [sys.executable, str(CRASH), stage, "sync", str(folder)],
        env=env,
        capture_output=True,
        text=True,
    )


def test_a_first_sync_stopped_after_sending_keeps_its_device_id(tmp_path, folder):
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"

    def stepwork(home: Path, *args: str) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [*stepwork_command(), *args], env=child_env(home), capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done

    stepwork(laptop, "gratitude", "before the stop")
    stepwork(desktop, "gratitude", "the desktop's")
    killed = _run_sync_stopped(laptop, folder, "sent", "KILL")
    assert killed.returncode == -signal.SIGKILL
    sent = [p.name for p in folder.iterdir()]
    assert len(sent) == 1
    stepwork(laptop, "sync", str(folder))
    ids = {name.split("-")[0].split(".")[0] for name in os.listdir(folder)}
    assert ids == {sent[0].split("-")[0]}  # no second id for one device

    # Ctrl-C after the send: the stop says what went out, never "nothing was changed".
    stepwork(laptop, "gratitude", "sent, then stopped")
    stopped = _run_sync_stopped(laptop, folder, "sent", "INT")
    assert stopped.returncode == 130
    assert "Nothing was changed" not in said(stopped.stderr)
    assert "changes went out as" in said(stopped.stderr)
    assert "nothing that came in was merged" in said(stopped.stderr)
    for _ in range(2):
        for home in (laptop, desktop):
            stepwork(home, "sync", str(folder))
    assert "Compacted" in stepwork(laptop, "sync", str(folder), "--compact").stdout
    texts = json.loads(stepwork(desktop, "export", "--format", "json").stdout)
    assert sorted(r["text"] for r in texts["tables"]["daily_entry"]) == [
        "before the stop",
        "sent, then stopped",
        "the desktop's",
    ]


def test_a_sync_that_held_something_back_never_says_in_step(tmp_path, folder):
    """The real entry point: `stepwork sync && git push` can tell."""
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"

    def run(home: Path, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*stepwork_command(), *args], env=child_env(home), capture_output=True, text=True
        )

    assert run(laptop, "gratitude", "arrives whole later").returncode == 0
    assert run(laptop, "sync", str(folder)).returncode == 0
    assert run(desktop, "sync", str(folder)).returncode == 0
    assert run(laptop, "gratitude", "in a damaged file").returncode == 0
    assert run(laptop, "sync", str(folder)).returncode == 0
    last = sorted(folder.glob(f"*-00000002{SUFFIX}"))[0]
    whole = last.read_bytes()
    last.write_bytes(whole[:-5] + b"XXXX\n")
    for _ in range(2):
        result = run(desktop, "sync", str(folder))
        assert result.returncode == 3
        assert "already in step" not in said(result.stdout)
        assert "Nothing new to receive" not in said(result.stdout)
        assert f"Skipped {last.name}: it is damaged" in said(result.stderr)
    last.write_bytes(whole)
    result = run(desktop, "sync", str(folder))
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout
    assert "already in step" in said(run(desktop, "sync", str(folder)).stdout)


def test_what_was_sent_counts_deletions_apart(devices, folder):
    laptop, desktop = devices(None, None)
    laptop.ok("gratitude", "stays")
    laptop.ok("gratitude", "goes")
    laptop.sync(folder)
    desktop.sync(folder)
    _delete(laptop, "goes")
    assert "Sent 1 deletion as" in said(laptop.sync(folder).stdout)
    laptop.ok("gratitude", "new")
    _delete(laptop, "stays")
    assert "Sent 1 record and 1 deletion as" in said(laptop.sync(folder).stdout)
    assert "1 added, 2 deleted" in said(desktop.sync(folder).stdout)


def test_a_folder_that_shares_stepworks_own_or_is_not_there_is_refused(devices, tmp_path):
    outer = tmp_path / "Dropbox"
    (laptop,) = devices(None)
    laptop.home = outer / "home"  # stepwork's data folder inside the shared one
    laptop.ok("gratitude", "never carried")
    for bad in (outer, laptop.home / "sync"):
        for args in (("sync", str(bad)), ("config", "sync_dir", str(bad))):
            result = laptop(*args)
            assert result.exit_code != 0
            assert "holds stepwork's own folder" in said(result.stderr)
            assert "Traceback" not in result.stderr
    assert not (laptop.home / "sync").exists()
    settings = [p for p in laptop.home.iterdir() if p.suffix == ".toml"]
    assert all("sync_dir" not in p.read_text() for p in settings)

    typo = tmp_path / "Synk" / "stepwork"
    result = laptop("sync", str(typo))
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "does not exist" in said(result.stderr)
    assert not typo.parent.exists()

    (tmp_path / "Sync").mkdir()
    new = tmp_path / "Sync" / "stepwork"
    result = laptop.sync(new)
    assert f"Created the folder {new}" in said(result.stderr)
    assert new.is_dir()
    assert "Created" not in said(laptop.sync(new).stderr)

    result = laptop("sync", str(laptop.home / "stepwork.db"))
    assert result.exit_code == 1
    assert "--vault" not in result.stderr

    result = laptop("config", "sync_dir", "evil\x1b[31m")
    assert result.exit_code != 0
    assert "control characters" in said(result.stderr)


def test_links_under_a_devices_own_names_do_not_stop_it(devices, folder, tmp_path):
    laptop, desktop = devices(None, None)
    laptop.ok("gratitude", "first")
    converge(folder, laptop, desktop)
    device = _device_id(laptop)
    target = tmp_path / "not-ours.txt"
    target.write_text("someone's file")
    next_name = f"{device}-{len(_own_files(folder, laptop)) + 1:08d}{SUFFIX}"
    (folder / next_name).symlink_to(target)
    receipt = folder / f"{device}.receipt"
    receipt.unlink()
    receipt.symlink_to(target)

    laptop.ok("gratitude", "after the links")
    result = laptop.sync(folder)
    assert "--force" not in result.stderr
    assert f"{device}.receipt" not in said(result.stderr)  # replaced, not left alone
    assert f"Left alone {next_name}" in said(result.stderr)
    assert "Sent" in result.stdout
    assert target.read_text() == "someone's file"
    assert (folder / next_name).is_symlink()  # left alone
    assert receipt.is_file() and not receipt.is_symlink()  # ours: repaired
    assert json.loads(receipt.read_text())["device"] == device
    desktop.sync(folder)
    assert "after the links" in gratitudes(desktop)
    laptop.sync(folder)
    desktop.sync(folder)
    assert "Compacted" in laptop.sync(folder, "--compact").stdout


def test_a_changed_key_cost_in_a_header_is_damage_not_another_passphrase(devices, folder):
    laptop, desktop = devices(PASS, PASS)
    laptop.ok("gratitude", "sealed")
    laptop.encrypt(PASS)
    desktop.encrypt(PASS)
    laptop.sync(folder)
    sent = _own_files(folder, laptop)[-1]
    head, _, body = sent.read_bytes().partition(b"\n")
    header = json.loads(head)
    header["kdf"]["time_cost"] = 1
    sent.write_bytes(json.dumps(header).encode() + b"\n" + body)
    result = desktop.held_back(folder)
    assert "damaged, or was changed" in said(result.stderr)
    assert "another passphrase" not in said(result.stderr)


def test_progress_moves_through_one_big_file(devices, folder, monkeypatch):
    import contextlib

    from stepwork.sync import run

    laptop, desktop = devices(None, None)
    for n in range(40):
        laptop.ok("gratitude", f"gratitude {n}")
    laptop.sync(folder)
    desktop.ok("checkin", "--mood", "5")  # a journal of its own, not yet synced
    steps: list[int] = []
    totals: list[int] = []

    @contextlib.contextmanager
    def recorded(total: int):
        totals.append(total)
        yield steps.append

    monkeypatch.setenv("STEPWORK_HOME", str(desktop.home))
    run.sync(folder, progress=recorded)
    assert len(_own_files(folder, laptop)) == 1  # everything the laptop sent, in one file
    assert len(steps) > 10  # it moved record by record, not once at the end
    assert sum(steps) == totals[0]
