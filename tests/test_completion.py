"""TAB completion through Typer's own mechanism, with commands loaded lazily: the protocol the
shells' scripts speak, and bash itself running the script stepwork prints."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import child_env, stepwork_command

# Each test runs stepwork in a process of its own (a real terminal, or a subprocess).
pytestmark = pytest.mark.slow

HEAVY = ("sqlmodel", "sqlalchemy")


def complete(home: Path, shell: str, words: str, *extra_flags: str) -> list[str]:
    env = child_env(home, _STEPWORK_COMPLETE=f"complete_{shell}")
    if shell == "bash":
        parts = words.split(" ")
        env.update(COMP_WORDS=words, COMP_CWORD=str(len(parts) - 1))
    else:
        env.update(_TYPER_COMPLETE_ARGS=words)
        if shell == "fish":
            env.update(_TYPER_COMPLETE_FISH_ACTION="get-args")
    done = subprocess.run(
        [*stepwork_command(), *extra_flags],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return [line for line in done.stdout.splitlines() if line]


@pytest.fixture
def journal(run, home):
    assert run("gratitude", "the sun").exit_code == 0
    assert run("amends", "add", "Sam", "--harm", "lied").exit_code == 0
    return home


def test_command_names_subcommands_and_options(home):
    names = complete(home, "bash", "stepwork ")
    assert {"step", "inventory", "show", "export", "sober"} <= set(names)
    assert complete(home, "bash", "stepwork sh") == ["show"]
    assert {"list", "add", "set"} <= set(complete(home, "bash", "stepwork amends "))
    options = complete(home, "bash", "stepwork inventory --")
    assert {"--section", "--for-therapist", "--json"} <= set(options)
    assert not home.exists(), "completing names creates nothing"


def test_record_ids_are_offered_in_every_shell(journal):
    assert complete(journal, "bash", "stepwork show ") == ["a1", "g1"]
    assert complete(journal, "bash", "stepwork amends set ") == ["a1"]
    assert complete(journal, "bash", "stepwork show g") == ["g1"]
    fish = complete(journal, "fish", "stepwork show ")
    assert fish[0].startswith("a1\t") and "Amends: Sam" in fish[0]
    zsh = "\n".join(complete(journal, "zsh", "stepwork delete "))
    assert '"a1"' in zsh and '"g1"' in zsh


def test_no_journal_or_an_encrypted_one_offers_nothing_and_asks_nothing(
    home, journal, run, monkeypatch
):
    empty = home.parent / "nobody"
    assert complete(empty, "bash", "stepwork show ") == []
    assert not empty.exists()
    monkeypatch.setenv("STEPWORK_PASSPHRASE", "correct horse battery")
    assert run("encrypt").exit_code == 0
    monkeypatch.delenv("STEPWORK_PASSPHRASE")
    assert complete(journal, "bash", "stepwork show ") == []


def test_completing_ids_does_not_load_sqlalchemy(journal):
    env = child_env(journal, _STEPWORK_COMPLETE="complete_bash")
    env.update(COMP_WORDS="stepwork show ", COMP_CWORD="2")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "stepwork"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    loaded = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "stepwork" in loaded
    assert not [m for m in loaded if m.split(".")[0] in HEAVY]


def test_bash_runs_the_script_stepwork_prints(journal, tmp_path):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed here")
    shown = subprocess.run(
        [*stepwork_command(), "--show-completion", "bash"],
        env=child_env(journal, _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1", SHELL=bash),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shown.returncode == 0, shown.stderr
    assert "_STEPWORK_COMPLETE=complete_bash" in shown.stdout
    # The script calls `stepwork`; here that is this checkout's entry point.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "stepwork").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m stepwork "$@"\n')
    (bin_dir / "stepwork").chmod(0o755)
    script = shown.stdout + (
        "\nCOMP_WORDS=(stepwork sh); COMP_CWORD=1; _stepwork_completion stepwork"
        '\necho "[${COMPREPLY[*]}]"'
        "\nCOMP_WORDS=(stepwork show ''); COMP_CWORD=2; _stepwork_completion stepwork"
        '\necho "[${COMPREPLY[*]}]"\n'
    )
    env = child_env(journal)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    done = subprocess.run(
        [bash, "--norc", "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.splitlines() == ["[show]", "[a1 g1]"], done.stderr
