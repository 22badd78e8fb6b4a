"""The catalogue of bad input. Each one gets one clear line on stderr, a non-zero exit, no
traceback, and leaves the data exactly as it was (the JSON export before and after is the same;
where the journal file itself is the problem, its bytes are the same)."""

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import child_env

TEN_MB = "x" * (10 * 1024 * 1024)


@dataclass(frozen=True)
class Bad:
    name: str
    args: tuple[str, ...]
    says: str
    code: int = 2
    input: str | None = None
    setup: Callable[[Path, Path], None] | None = None
    """setup(home, tmp_path) prepares the trouble (a file to import, a damaged journal...)."""
    file_is_the_problem: bool = False
    tz: str | None = None
    """A time zone (TZ) to run the command in."""


def write(name: str, content: bytes) -> Callable[[Path, Path], None]:
    def setup(home: Path, tmp: Path) -> None:
        (tmp / name).write_bytes(content)

    return setup


def damage_journal(home: Path, tmp: Path) -> None:
    path = home / "stepwork.db"
    data = bytearray(path.read_bytes())
    for offset in range(4096, min(len(data), 4096 * 6)):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def replace_journal(content: bytes) -> Callable[[Path, Path], None]:
    def setup(home: Path, tmp: Path) -> None:
        (home / "stepwork.db").write_bytes(content)

    return setup


def newer_journal(home: Path, tmp: Path) -> None:
    conn = sqlite3.connect(home / "stepwork.db")
    conn.execute("PRAGMA user_version = 999")
    conn.close()


def stepwork_file(mutate: Callable[[dict], None]) -> Callable[[Path, Path], None]:
    def setup(home: Path, tmp: Path) -> None:
        doc = json.loads(
            subprocess.run(
                [sys.executable, "-m", "stepwork", "export", "--format", "json"],
                env=child_env(home),
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        mutate(doc)
        (tmp / "in.json").write_text(json.dumps(doc))

    return setup


def first_row(table: str, **changes: object) -> Callable[[Path, Path], None]:
    return stepwork_file(lambda d: d["tables"][table][0].update(changes))


def add_run(started_on: str, ended_on: str) -> Callable[[Path, Path], None]:
    def mutate(doc: dict) -> None:
        counter = doc["tables"]["sobriety_counter"][0]
        run = {"uid": "run-backwards", "counter_uid": counter["uid"], "note": ""}
        run |= {"started_on": started_on, "ended_on": ended_on, "created_at": counter["created_at"]}
        doc["tables"]["sobriety_run"].append(run)

    return stepwork_file(mutate)


def jrnl_file(*entries: dict) -> Callable[[Path, Path], None]:
    full = [
        {"title": "t", "body": "b", "time": "00:00", "tags": [], "starred": False} | e
        for e in entries
    ]
    return write("j.json", json.dumps({"tags": {}, "entries": full}).encode())


def import_case(name: str, says: str, setup: Callable[[Path, Path], None]) -> Bad:
    return Bad(name, ("import", "{tmp}/in.json"), says, code=1, setup=setup)


def encrypted(passphrase_then: str) -> Callable[[Path, Path], None]:
    def setup(home: Path, tmp: Path) -> None:
        subprocess.run(
            [sys.executable, "-m", "stepwork", "encrypt"],
            env=child_env(home, STEPWORK_PASSPHRASE="right one"),
            capture_output=True,
            check=True,
        )
        if passphrase_then == "tamper":
            damage_journal(home, tmp)

    return setup


CATALOGUE = [
    Bad("step zero", ("step", "0"), "1 to 12"),
    Bad("step thirteen", ("step", "13"), "1 to 12"),
    Bad("step in words", ("step", "four"), "1 to 12"),
    Bad("step abc", ("step", "abc"), "1 to 12"),
    Bad("step empty", ("step", ""), "1 to 12"),
    Bad("step fraction", ("step", "1.5"), "1 to 12"),
    Bad("unknown command", ("stpe", "1"), "No such command"),
    Bad("unknown option", ("checkin", "--mod", "5"), "--mod"),
    Bad("mood too high", ("checkin", "--mood", "11"), "Mood goes from 1 to 10"),
    Bad("mood zero", ("checkin", "--mood", "0"), "Mood goes from 1 to 10"),
    Bad("mood in words", ("checkin", "--mood", "seven"), "--mood"),
    Bad("craving too high", ("checkin", "--craving", "11"), "Craving goes from 0 to 10"),
    Bad("craving negative", ("checkin", "--craving", "-1"), "Craving goes from 0 to 10"),
    Bad("unknown HALT", ("checkin", "--halt", "sleepy"), "'sleepy' is not one of"),
    Bad("trigger without kind", ("checkin", "--trigger", "the bar"), "not a trigger"),
    Bad("trigger unknown kind", ("checkin", "--trigger", "weather:rain"), "not a trigger"),
    Bad("empty meeting", ("checkin", "--meeting", " "), "empty"),
    Bad("10 MB note", ("checkin", "--note", TEN_MB), "longer than"),
    Bad("impossible date", ("checkin", "--mood", "5", "--date", "2026-02-30"), "not a date"),
    Bad("date in words", ("checkin", "--mood", "5", "--date", "next week"), "not a date"),
    Bad("date without dashes", ("checkin", "--mood", "5", "--date", "20261127"), "not a date"),
    Bad("future check-in", ("checkin", "--mood", "5", "--date", "2999-01-01"), "future"),
    Bad("empty gratitude", ("gratitude", ""), "Say what you are grateful for"),
    Bad("10 MB gratitude", ("gratitude", TEN_MB), "longer than"),
    Bad("empty service", ("service", "  "), "Say what the service was"),
    Bad("counter from the future", ("sober", "start", "x", "--date", "2999-01-01"), "future"),
    Bad("counter date in words", ("sober", "start", "x", "--date", "31/12/2025"), "not a date"),
    Bad("counter twice", ("sober", "start", "alcohol"), "already a counter"),
    Bad("reset unknown counter", ("sober", "reset", "cocaine"), "no counter called"),
    Bad("reset before start", ("sober", "reset", "alcohol", "--date", "2020-01-01"), "before"),
    Bad("unknown setting", ("config", "colour", "blue"), "no setting 'colour'"),
    Bad("threshold out of range", ("config", "craving_threshold", "11"), "0 to 10"),
    Bad("empty substance", ("config", "substance", " "), "cannot be empty"),
    Bad("unknown inventory item", ("inventory", "show", "i999"), "no inventory item i999"),
    Bad("nonsense item id", ("inventory", "show", "banana"), "not an inventory ID"),
    Bad("unknown section", ("inventory", "add", "regrets"), "no inventory section"),
    Bad("share unknown item", ("inventory", "share", "i9", "--with", "sponsor"), "i9"),
    Bad("share with nobody", ("inventory", "share", "i1", "--with", " "), "Say whom"),
    Bad("amends to a fear", ("inventory", "edit", "i2", "--owes-amends"), "amends column"),
    Bad("amends status", ("amends", "set", "a1", "--status", "done"), "not an amends status"),
    Bad("amends kind", ("amends", "set", "a1", "--kind", "sideways"), "not a kind"),
    Bad("unknown amends", ("amends", "set", "a99", "--status", "made"), "no amends entry"),
    Bad(
        "direct but injuring",
        ("amends", "set", "a1", "--would-injure", "--kind", "direct"),
        "Direct amends are not made",
    ),
    Bad("unknown log kind", ("log", "--kind", "diary"), "no kind 'diary'"),
    Bad("since after until", ("log", "--since", "2026-12-01", "--until", "2026-11-01"), "is after"),
    Bad("search punctuation only", ("search", "?!"), "a word or two"),
    Bad("show unknown id", ("show", "z9"), "no record"),
    Bad("edit unknown id", ("edit", "c999"), "no record"),
    Bad("delete unknown id", ("delete", "q1", "--yes"), "no record"),
    Bad("unknown export format", ("export", "--format", "pdf"), "no export format 'pdf'"),
    Bad("filtered json export", ("export", "--format", "json", "--step", "4"), "whole journal"),
    Bad("stats for no days", ("stats", "--days", "0"), "--days"),
    Bad("import missing file", ("import", "{tmp}/nope.json"), "Could not read", code=1),
    Bad(
        "import non-UTF-8",
        ("import", "{tmp}/x.json"),
        "not UTF-8",
        code=1,
        setup=write("x.json", b"\xff\xfe\x00garbage"),
    ),
    Bad(
        "import truncated",
        ("import", "{tmp}/x.json"),
        "not valid JSON",
        code=1,
        setup=write("x.json", b'{"format": "stepwork", "tables": {"checkin": ['),
    ),
    Bad(
        "import someone else's JSON",
        ("import", "{tmp}/x.json"),
        "not a stepwork export",
        code=1,
        setup=write("x.json", b'{"hello": "world"}'),
    ),
    Bad(
        "import out of range",
        ("import", "{tmp}/in.json"),
        "outside 1 to 10",
        code=1,
        setup=stepwork_file(lambda d: d["tables"]["checkin"][0].update(mood=11)),
    ),
    Bad(
        "import from an unknown app",
        ("import", "--from", "dayone", "{tmp}/x.json"),
        "not 'dayone'",
        setup=write("x.json", b"{}"),
    ),
    Bad(
        "jrnl file without entries",
        ("import", "--from", "jrnl", "{tmp}/x.json"),
        "does not look like a jrnl",
        code=1,
        setup=write("x.json", b'{"tags": {}}'),
    ),
    Bad(
        "restore a non-database",
        ("restore", "{tmp}/x.db", "--yes"),
        "not a stepwork journal",
        code=1,
        setup=write("x.db", b"hello" * 1000),
    ),
    Bad(
        "corrupt journal",
        ("log",),
        "not a stepwork journal, or it is damaged",
        code=1,
        setup=damage_journal,
        file_is_the_problem=True,
    ),
    Bad(
        "non-SQLite file at the journal's path",
        ("checkin", "--mood", "5"),
        "not a stepwork journal",
        code=1,
        setup=replace_journal(b"my own notes\n" * 400),
        file_is_the_problem=True,
    ),
    Bad(
        "journal from a newer stepwork",
        ("log",),
        "newer stepwork",
        code=1,
        setup=newer_journal,
        file_is_the_problem=True,
    ),
    Bad(
        "wrong passphrase",
        ("log",),
        "wrong passphrase",
        code=1,
        setup=encrypted("wrong"),
        file_is_the_problem=True,
    ),
    Bad(
        "tampered encrypted journal",
        ("log",),
        "damaged or was changed",
        code=1,
        setup=encrypted("tamper"),
        file_is_the_problem=True,
    ),
    Bad("home that cannot be created", ("checkin", "--mood", "5"), "Could not create", code=1),
    Bad("show a 20-digit id", ("show", "i99999999999999999999"), "no record"),
    Bad("show an id past SQLite's range", ("show", "c9223372036854775808"), "no record"),
    Bad("show a superscript id", ("show", "i\u2070"), "no record"),
    Bad("inventory id past range", ("inventory", "show", "i99999999999999999999"), "no such"),
    Bad("amends id superscript", ("amends", "set", "a\u00b2", "--status", "made"), "not an"),
    Bad("log -n huge", ("log", "-n", "99999999999999999999"), "-n takes a whole number"),
    Bad("log -n negative", ("log", "-n", "-5"), "-n takes a whole number from 1"),
    Bad("log -n zero", ("log", "-n", "0"), "-n takes a whole number from 1"),
    Bad("search -n superscript", ("search", "boss", "-n", "\u00b2"), "-n takes"),
    Bad("gratitude -n negative", ("gratitude", "-n", "-1"), "-n takes"),
    Bad("log --step huge", ("log", "--step", "9" * 30), "--step"),
    Bad("stats --days huge", ("stats", "--days", "9" * 30), "--days"),
    Bad("mood huge", ("checkin", "--mood", "9" * 30), "--mood"),
    # A settings file edited into something unusable is not refused: it is named, and the
    # defaults used (tests/test_settings_and_wording.py).
    Bad("sober start 0001-01-01", ("sober", "start", "x", "--date", "0001-01-01"), "too long ago"),
    Bad("checkin 1899-12-31", ("checkin", "--mood", "5", "--date", "1899-12-31"), "too long ago"),
    import_case(
        "import started_on 0001-01-01",
        "before 1900-01-01",
        first_row("sobriety_counter", started_on="0001-01-01"),
    ),
    import_case(
        "import created_at 0001-01-01",
        "before 1900-01-01",
        first_row("checkin", created_at="0001-01-01T00:00:00"),
    ),
    import_case(
        "import format_version 2.0",
        "format_version",
        stepwork_file(lambda d: d.update(format_version=2.0)),
    ),
    import_case(
        "import format_version 0",
        "format_version",
        stepwork_file(lambda d: d.update(format_version=0)),
    ),
    import_case(
        "import format_version -1",
        "format_version",
        stepwork_file(lambda d: d.update(format_version=-1)),
    ),
    import_case(
        "import format_version text",
        "format_version",
        stepwork_file(lambda d: d.update(format_version="1")),
    ),
    import_case(
        "import format_version true",
        "format_version",
        stepwork_file(lambda d: d.update(format_version=True)),
    ),
    import_case("import step 99", "outside 1 to 12", first_row("guided_session", step=99)),
    import_case("import step 0", "outside 1 to 12", first_row("guided_session", step=0)),
    import_case("import step 2**63", "outside 1 to 12", first_row("guided_session", step=2**63)),
    import_case("import position 2**63", "position", first_row("answer", position=2**63)),
    import_case("import position negative", "position", first_row("answer", position=-1)),
    import_case(
        "import unknown flow",
        "flow 'step-99' is not from",
        first_row("guided_session", flow="step-99"),
    ),
    import_case("import unknown state", "state", first_row("answer", state="maybe")),
    import_case("import unknown section", "section", first_row("inventory_item", section="xyz")),
    import_case("import halt drunk", "halt 'drunk'", first_row("checkin", halt="drunk")),
    import_case(
        "import category xyz",
        "category 'xyz'",
        stepwork_file(
            lambda d: d["tables"]["daily_entry"].append(
                {
                    "uid": "e-xyz",
                    "checkin_uid": None,
                    "kind": "trigger",
                    "category": "xyz",
                    "text": "t",
                    "local_date": "2026-01-02",
                    "created_at": "2026-01-02 10:00:00.000000",
                }
            )
        ),
    ),
    import_case("import amends status", "status", first_row("amends", status="done")),
    import_case(
        "import run ending before it starts",
        "is before started_on",
        add_run("2026-03-01", "2026-02-01"),
    ),
    import_case(
        "import updated_at in year 9999",
        "in the future",
        first_row("checkin", updated_at="9999-12-31T23:59:59"),
    ),
    import_case(
        "import updated_at next year",
        "in the future",
        first_row("checkin", updated_at="2999-01-01 00:00:00"),
    ),
    import_case(
        "import a date where a time is due",
        "not a date and time",
        first_row("checkin", updated_at="2026-11-28"),
    ),
    import_case(
        "import a week date", "not a YYYY-MM-DD date", first_row("checkin", local_date="2026-W48-5")
    ),
    import_case(
        "import a compact date",
        "not a YYYY-MM-DD date",
        first_row("checkin", local_date="20261128"),
    ),
    import_case(
        "import a local_date in the future",
        "in the future",
        first_row("checkin", local_date="2999-01-01"),
    ),
    import_case(
        "import a plan in year 9999", "in the future", first_row("amends", planned_on="9999-01-01")
    ),
    import_case("import a float mood", "mood should be int", first_row("checkin", mood=5.5)),
    import_case(
        "import a lone surrogate", "note should be text", first_row("checkin", note="a\ud800b")
    ),
    import_case("import a uid with a newline", "uid should be", first_row("checkin", uid="a\nb")),
    import_case(
        "import a tombstone of an unknown table",
        "table_name",
        stepwork_file(
            lambda d: d["tables"]["tombstone"].append(
                {"uid": "x", "table_name": "secrets", "deleted_at": "2026-01-01 00:00:00.000000"}
            )
        ),
    ),
    import_case(
        "import a tombstone in a version 1 file",
        "unknown table 'tombstone'",
        stepwork_file(
            lambda d: (
                d.update(format_version=1),
                d["tables"].pop("person"),
                d["tables"].pop("contact"),
            )
        ),
    ),
    import_case(
        "import JSON nested 100k deep",
        "nests deeper",
        write("in.json", b"[" * 100_000 + b"]" * 100_000),
    ),
    import_case(
        "import a 5,000-digit number",
        "5,000 characters long",
        write("in.json", b'{"format": "stepwork", "n": ' + b"9" * 5000 + b"}"),
    ),
    import_case(
        "import NaN",
        "NaN is not a JSON number",
        write("in.json", b'{"format": "stepwork", "n": NaN}'),
    ),
    Bad(
        "jrnl entry at year 1 far ahead of UTC",
        ("import", "--from", "jrnl", "{tmp}/j.json"),
        "the entry of 0001-01-01 00:00 't'",
        code=1,
        setup=jrnl_file({"date": "0001-01-01"}),
        tz="Pacific/Kiritimati",
    ),
    Bad(
        "jrnl entry at 9999-12-31 far behind UTC",
        ("import", "--from", "jrnl", "{tmp}/j.json"),
        "the entry of 9999-12-31 23:59 'last'",
        code=1,
        setup=jrnl_file(
            {"date": "2026-01-01"}, {"date": "9999-12-31", "time": "23:59", "title": "last"}
        ),
        tz="Etc/GMT+12",
    ),
    Bad(
        "jrnl entry with a week date",
        ("import", "--from", "jrnl", "{tmp}/j.json"),
        "the entry of 2026-W48-5",
        code=1,
        setup=jrnl_file({"date": "2026-W48-5"}),
    ),
]


@contextlib.contextmanager
def time_zone(name: str | None) -> Iterator[None]:
    if name is None:
        yield
        return
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def journal_state(home: Path) -> object:
    result = subprocess.run(
        [sys.executable, "-m", "stepwork", "export", "--format", "json"],
        env=child_env(home, STEPWORK_PASSPHRASE="right one"),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return None
    return json.loads(result.stdout)["tables"]


def file_bytes(home: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in home.iterdir() if p.is_file()}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """One journal with a bit of everything, copied for each case."""
    home = tmp_path_factory.mktemp("template") / "home"
    env = child_env(home)

    def run(*args: str, input: str = "") -> None:
        subprocess.run(
            [sys.executable, "-m", "stepwork", *args],
            env=env,
            input=input,
            capture_output=True,
            text=True,
            check=True,
        )

    run("checkin", "--mood", "6", "--note", "steady")
    resentment = ["1", "My boss", "", "n", "He shouted", "", "", "", "", "", "n"]
    fear = ["2", "the dark", "", "", "", "", "", "n", ""]
    run("step", "4", input="\n".join(resentment + fear) + "\n")
    run("amends", "add", "Dad", "--harm", "lies")
    run("sober", "start", "alcohol", "--date", "2026-01-01")
    return home


def test_the_catalogue_is_large_enough():
    assert len(CATALOGUE) >= 40
    assert len({case.name for case in CATALOGUE}) == len(CATALOGUE)


@pytest.mark.slow
@pytest.mark.parametrize("case", CATALOGUE, ids=[case.name for case in CATALOGUE])
def test_bad_input(case: Bad, template: Path, tmp_path: Path, run, monkeypatch):
    home = tmp_path / "home"
    shutil.copytree(template, home)
    monkeypatch.setenv("STEPWORK_HOME", str(home))
    if case.name == "home that cannot be created":
        monkeypatch.setenv("STEPWORK_HOME", "/proc/stepwork-cannot-be-here")
    if case.setup is not None:
        case.setup(home, tmp_path)
    if case.name == "wrong passphrase":
        monkeypatch.setenv("STEPWORK_PASSPHRASE", "not the right one")
    elif case.setup is not None and "encrypt" in getattr(case.setup, "__qualname__", ""):
        monkeypatch.setenv("STEPWORK_PASSPHRASE", "right one")
    before_bytes = file_bytes(home)
    before = None if case.file_is_the_problem else journal_state(home)
    args = tuple(a.replace("{tmp}", str(tmp_path)) for a in case.args)

    with time_zone(case.tz):
        result = run(*args, input=case.input)

    assert result.exit_code == case.code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert case.says in lines[0]
    assert "Traceback" not in result.stdout + result.stderr
    if case.file_is_the_problem:
        assert file_bytes(home) == before_bytes
    else:
        assert before is not None
        assert journal_state(home) == before


@pytest.mark.slow
def test_a_read_only_home(template: Path, tmp_path: Path):
    """As root, permissions do not stop writes, so the home is bind-mounted read-only in a
    private mount namespace; otherwise the folder and the journal are made read-only."""
    home = tmp_path / "home"
    shutil.copytree(template, home)
    before = file_bytes(home)
    command = [sys.executable, "-m", "stepwork", "checkin", "--mood", "5"]
    if os.geteuid() == 0:
        if shutil.which("unshare") is None:
            pytest.skip("needs unshare to make a read-only folder as root")
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
        command = ["unshare", "-m", "sh", "-c", script, "sh", str(home), *command]
    else:
        (home / "stepwork.db").chmod(0o400)
        home.chmod(0o500)
    try:
        result = subprocess.run(command, env=child_env(home), capture_output=True, text=True)
    finally:
        home.chmod(0o700)
    if "mount" in result.stderr and "stepwork" not in result.stderr:
        pytest.skip(f"this machine cannot make a read-only mount: {result.stderr.strip()}")
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "read-only" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert file_bytes(home) == before
