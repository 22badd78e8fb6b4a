"""Median wall time of stepwork's quick commands: `--help`, `--version`, `status`, `steps`,
`log -n 1` and `step 1 --show`.

Run from an environment where stepwork is installed:

    python bench/startup.py            # 21 runs each
    python bench/startup.py --runs 51

It uses a throwaway STEPWORK_HOME, never your journal. A script to read, not a timed test.
"""

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS = (
    ("--help",),
    ("--version",),
    ("status",),
    ("steps",),
    ("log", "-n", "1"),
    ("step", "1", "--show"),
)


def stepwork_executable() -> list[str]:
    installed = Path(sys.executable).with_name("stepwork")
    if installed.exists():
        return [str(installed)]
    found = shutil.which("stepwork")
    return [found] if found else [sys.executable, "-m", "stepwork"]


def median_ms(command: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    base = stepwork_executable()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, STEPWORK_HOME=home)
        # One warm-up creates the journal, so `steps` measures an existing database.
        subprocess.run([*base, "steps"], env=env, stdout=subprocess.DEVNULL, check=True)
        print(
            f"python {platform.python_version()} on {platform.machine()}, "
            f"{os.cpu_count()} cores; {args.runs} runs each; median wall time"
        )
        for extra in COMMANDS:
            ms = median_ms([*base, *extra], env, args.runs)
            print(f"  stepwork {' '.join(extra):<18} {ms:7.1f} ms")


if __name__ == "__main__":
    main()
