"""stepwork against jrnl on journals of 10k and 100k records.

    python bench/journal.py                       # both sizes, jrnl if found on PATH
    python bench/journal.py --sizes 10000 --runs 5 --jrnl /path/to/jrnl

For each size it builds a stepwork journal of mixed records (check-ins, step answers, notes,
gratitude, service) by importing a generated JSON file, and a jrnl journal of the same number
of entries, in throwaway folders. Then it reports the median wall time of repeated runs and the
peak memory (max RSS) of each operation, side by side, with the ratio jrnl / stepwork.
`pip install jrnl` to include jrnl. A script to read, not a timed test.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

WORDS = (
    "serenity",
    "acceptance",
    "courage",
    "wisdom",
    "gratitude",
    "honesty",
    "patience",
    "meeting",
    "sponsor",
    "resentment",
    "fear",
    "hope",
    "trust",
    "service",
    "surrender",
    "willingness",
)


RARE_WORD = "pelican"  # in about one record in a hundred: what a search usually looks for


def sentence(n: int, length: int = 12) -> str:
    words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(length)]
    if n % 100 == 42:
        words[-1] = RARE_WORD
    return " ".join(words).capitalize() + "."


def stamp(day: date, n: int) -> str:
    return f"{day.isoformat()} {9 + n % 12:02d}:{n % 60:02d}:00.000000"


INVENTORY_ITEMS = 150
"""A fourth-step inventory of a realistic size, whatever the size of the journal: the journal
grows with every day's check-in and review, the inventory does not."""
STEP_SESSION_EVERY = 100
"""Of the guided sessions, one in a hundred is step work (steps 1 to 9 in turn); the rest are
nightly reviews, as in a journal kept for years."""


def inventory_item(tables: dict[str, list], n: int, day: date, when: str) -> None:
    """A resentment with its answers; every other one owes amends, every third is marked for a
    therapist, every fifth was shared (step 5)."""
    tables["guided_session"].append(
        {
            "uid": f"is{n}",
            "flow": "inventory-resentment",
            "step": 4,
            "status": "finished",
            "local_date": day.isoformat(),
            "started_at": when,
            "updated_at": when,
            "finished_at": when,
        }
    )
    answers = {
        "who": f"Person {n % 97}",
        "no-part": "no",
        "cause": sentence(n, 15),
        "affects": "pride, security",
        "my-part": "selfish, frightened",
        "part-note": sentence(n + 1, 10),
        "amends": "yes" if n % 2 == 0 else "no",
    }
    for q, (key, text) in enumerate(answers.items()):
        tables["answer"].append(
            {
                "uid": f"ia{n}-{q}",
                "session_uid": f"is{n}",
                "position": q,
                "question_key": key,
                "question_text": f"Question {key}?",
                "text": text,
                "state": "answered",
                "answered_at": when,
                "updated_at": when,
            }
        )
    tables["inventory_item"].append(
        {
            "uid": f"i{n}",
            "session_uid": f"is{n}",
            "section": "resentment",
            "for_therapist": n % 3 == 0,
            "for_sponsor": False,
            "created_at": when,
            "updated_at": when,
        }
    )
    if n % 5 == 0:
        tables["inventory_share"].append(
            {
                "uid": f"ix{n}",
                "item_uid": f"i{n}",
                "shared_with": "therapist",
                "shared_on": day.isoformat(),
                "created_at": when,
            }
        )


def stepwork_document(records: int) -> dict:
    """A journal of `records` log entries: 150 inventory items; of the rest 40% check-ins, 20%
    guided sessions of three answers (nightly reviews, one in a hundred step work), 20% notes,
    10% gratitude, 10% service."""
    tables: dict[str, list] = {
        t: []
        for t in (
            "guided_session",
            "answer",
            "inventory_item",
            "inventory_share",
            "checkin",
            "daily_entry",
            "service",
            "note",
        )
    }
    first = date(2026, 11, 27) - timedelta(days=records // 10)
    for n in range(records):
        day = first + timedelta(days=n // 10)
        when, kind = stamp(day, n), n % 10
        if n % (records // INVENTORY_ITEMS) == 7:
            inventory_item(tables, n, day, when)
        elif kind < 4:
            tables["checkin"].append(
                {
                    "uid": f"c{n}",
                    "local_date": day.isoformat(),
                    "mood": 1 + n % 10,
                    "craving": n % 11,
                    "halt": "tired",
                    "note": sentence(n),
                    "created_at": when,
                    "updated_at": when,
                }
            )
        elif kind < 6:
            sessions = len(tables["guided_session"])
            step = (
                1 + (sessions // STEP_SESSION_EVERY) % 9
                if sessions % STEP_SESSION_EVERY == 0
                else 0
            )
            tables["guided_session"].append(
                {
                    "uid": f"s{n}",
                    "flow": f"step-{step}" if step else "review",
                    "step": step or 10,
                    "status": "finished",
                    "local_date": day.isoformat(),
                    "started_at": when,
                    "updated_at": when,
                    "finished_at": when,
                }
            )
            for q in range(3):
                tables["answer"].append(
                    {
                        "uid": f"a{n}-{q}",
                        "session_uid": f"s{n}",
                        "position": q + 1,
                        "question_key": f"q{q}",
                        "question_text": f"Question {q}?",
                        "text": sentence(n + q, 30),
                        "state": "answered",
                        "answered_at": when,
                        "updated_at": when,
                    }
                )
        elif kind < 8:
            tables["note"].append(
                {
                    "uid": f"n{n}",
                    "local_date": day.isoformat(),
                    "written_at": when,
                    "title": sentence(n, 5),
                    "body": sentence(n, 40),
                    "tags": "@bench",
                    "starred": False,
                    "created_at": when,
                    "updated_at": when,
                }
            )
        elif kind == 8:
            tables["daily_entry"].append(
                {
                    "uid": f"g{n}",
                    "checkin_uid": None,
                    "kind": "gratitude",
                    "category": None,
                    "text": sentence(n, 6),
                    "local_date": day.isoformat(),
                    "created_at": when,
                }
            )
        else:
            tables["service"].append(
                {
                    "uid": f"v{n}",
                    "local_date": day.isoformat(),
                    "what": sentence(n, 6),
                    "carried_message": False,
                    "note": "",
                    "created_at": when,
                }
            )
    return {"format": "stepwork", "format_version": 1, "tables": tables}


def jrnl_journal(records: int, path: Path) -> None:
    first = date(2026, 11, 27) - timedelta(days=records // 10)
    with open(path, "w", encoding="utf-8") as out:
        for n in range(records):
            day = first + timedelta(days=n // 10)
            out.write(f"[{day.isoformat()} {9 + n % 12:02d}:{n % 60:02d}] {sentence(n, 5)}\n")
            out.write(sentence(n, 40) + "\n\n")


JRNL_CONFIG = """colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""


def measure(command: list[str], env: dict[str, str], check: bool = True) -> tuple[float, int]:
    """Wall time in ms and peak memory (max RSS) in MB of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if check and status != 0:
        raise SystemExit(f"failed ({status}): {' '.join(command)}")
    return elapsed, usage.ru_maxrss // 1024


def median(command: list[str], env: dict[str, str], runs: int) -> tuple[float, int]:
    results = [measure(command, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def operations(stepwork: list[str], jrnl: list[str] | None) -> list[tuple[str, list, list | None]]:
    j = jrnl or []
    return [
        ("--help", [*stepwork, "--help"], [*j, "--help"]),
        ("--version", [*stepwork, "--version"], [*j, "--version"]),
        (
            "write one entry",
            [*stepwork, "checkin", "--mood", "5", "--note", "bench"],
            [*j, "bench entry, written now."],
        ),
        ("show the last entry", [*stepwork, "log", "-n", "1"], [*j, "-n", "1"]),
        (
            "search",
            [*stepwork, "search", RARE_WORD, "-n", "20"],
            [*j, "-contains", RARE_WORD, "-n", "20"],
        ),
        (
            "search, common word",
            [*stepwork, "search", "serenity", "-n", "20"],
            [*j, "-contains", "serenity", "-n", "20"],
        ),
        ("export markdown", [*stepwork, "export"], [*j, "--format", "md"]),
        ("export JSON", [*stepwork, "export", "--format", "json"], [*j, "--format", "json"]),
    ]


def step_work(stepwork: list[str]) -> list[tuple[str, list[str]]]:
    """Step work, each measured against `log -n 1` in the same rounds. The guided flows (`step
    4`, `checkin`) run with input closed: they show their first question, read end of input and
    stop, so their time is the time to the first question."""
    return [
        ("log -n 1", [*stepwork, "log", "-n", "1"]),
        ("steps", [*stepwork, "steps"]),
        ("inventory", [*stepwork, "inventory"]),
        ("amends", [*stepwork, "amends"]),
        ("defects", [*stepwork, "defects"]),
        ("step 1 --show", [*stepwork, "step", "1", "--show"]),
        ("step 4 --show", [*stepwork, "step", "4", "--show"]),
        ("show i7", [*stepwork, "show", "i7"]),
        ("export --for therapist", [*stepwork, "export", "--for", "therapist"]),
        ("step 4 (first question)", [*stepwork, "step", "4"]),
        ("checkin (first question)", [*stepwork, "checkin"]),
    ]


def alternating(commands: list[tuple[str, list[str]]], env: dict[str, str], runs: int) -> dict:
    """Median wall time of each command, run in turn round after round, so a busy moment on a
    shared machine falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name, _ in commands}
    for _ in range(runs):
        for name, command in commands:
            times[name].append(measure(command, env, check=False)[0])
    return {name: statistics.median(found) for name, found in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jrnl", default=shutil.which("jrnl"))
    parser.add_argument("--only-steps", action="store_true", help="only step work against log -n 1")
    parser.add_argument("--generate", nargs=2, metavar=("SIZE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        size, path = args.generate
        Path(path).write_text(json.dumps(stepwork_document(int(size))))
        return
    installed = Path(sys.executable).with_name("stepwork")
    stepwork = [str(installed)] if installed.exists() else [sys.executable, "-m", "stepwork"]
    jrnl = [args.jrnl] if args.jrnl else None
    print(
        f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores; "
        f"median of {args.runs} runs; peak memory is max RSS"
    )
    if jrnl is None:
        print("jrnl not found (pip install jrnl, or --jrnl PATH): stepwork only")
    baseline: dict[str, float] = {}
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch)
            env = dict(
                os.environ,
                STEPWORK_HOME=str(root / "stepwork"),
                XDG_CONFIG_HOME=str(root / "config"),
                COLUMNS="100",
            )
            # Generated in a child process: this one stays small, so the peak memory measured
            # for each command (which starts as a fork of this process) is the command's own.
            document = root / "journal.json"
            subprocess.run(
                [sys.executable, __file__, "--generate", str(size), str(document)], check=True
            )
            started = time.perf_counter()
            subprocess.run(
                [*stepwork, "import", str(document)], env=env, check=True, stdout=subprocess.DEVNULL
            )
            built = time.perf_counter() - started
            if jrnl:
                (root / "config" / "jrnl").mkdir(parents=True)
                jrnl_journal(size, root / "jrnl.txt")
                (root / "config" / "jrnl" / "jrnl.yaml").write_text(
                    JRNL_CONFIG.format(journal=root / "jrnl.txt")
                )
            print(f"\n{size:,} records (stepwork journal built by import in {built:.1f} s)")
            header = f"  {'operation':<22} {'stepwork':>10} {'MB':>5}"
            if jrnl:
                header += f" {'jrnl':>10} {'MB':>5} {'jrnl/stepwork':>14}"
            if size != args.sizes[0]:
                header += f" {'vs ' + format(args.sizes[0], ','):>10}"
            print(header)
            steps = alternating(step_work(stepwork), env, args.runs)
            print(f"  step work against `log -n 1` ({args.runs} alternating rounds):")
            for name, ms in steps.items():
                print(f"    {name:<26} {ms:8.0f}ms {ms / steps['log -n 1']:6.2f}x")
            if args.only_steps:
                continue
            for name, ours, theirs in operations(stepwork, jrnl):
                ms, mb = median(ours, env, args.runs)
                line = f"  {name:<22} {ms:8.0f}ms {mb:5d}"
                if jrnl and theirs:
                    jms, jmb = median(theirs, env, args.runs)
                    line += f" {jms:8.0f}ms {jmb:5d} {jms / ms:13.1f}x"
                if size == args.sizes[0]:
                    baseline[name] = ms
                else:
                    line += f" {ms / baseline[name]:9.2f}x"
                print(line)


if __name__ == "__main__":
    main()
