"""Start-up cost: `--help` and `--version` load neither Typer nor the storage stack nor pydantic,
and the commands people run (the dashboard, a check-in, the log, search, step work and its lists)
do not load SQLAlchemy. (Typer 0.29 converts every option value through pydantic, so commands
load it.)"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stepwork.cli import app
from stepwork.cli.application import COMMANDS, commands_in
from tests.conftest import child_env, stepwork_command

HEAVY = ("sqlmodel", "sqlalchemy", "pydantic")
STORAGE = ("sqlmodel", "sqlalchemy")


def imported_modules(*args: str, home=None) -> set[str]:
    env = None
    if home is not None:
        import os

        env = dict(os.environ, STEPWORK_HOME=str(home))
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "stepwork", *args],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


def heavy(modules: set[str], among: tuple[str, ...] = HEAVY) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in among)


@pytest.mark.slow
def test_version_loads_neither_typer_nor_storage():
    modules = imported_modules("--version")
    assert "stepwork" in modules  # the measurement itself works
    assert "typer" not in modules
    assert heavy(modules) == []


@pytest.mark.slow
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_is_printed_without_loading_typer_or_storage(flag):
    modules = imported_modules(flag)
    assert "stepwork.cli.roothelp" in modules
    assert "typer" not in modules
    assert heavy(modules) == []


@pytest.mark.slow
def test_the_printed_help_is_in_step_with_the_commands():
    from stepwork.cli import roothelp

    assert roothelp.text() == roothelp.render(), (
        "regenerate: python -m stepwork.cli.roothelp > src/stepwork/cli/root_help.txt"
    )
    out = subprocess.run(
        [sys.executable, "-m", "stepwork", "--help"], capture_output=True, text=True, check=True
    )
    assert out.stdout == roothelp.text()
    assert "Not affiliated with" in out.stdout and "any fellowship" in out.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        (),
        ("checkin", "--mood", "6", "--craving", "2"),
        ("log", "-n", "1"),
        ("search", "anything"),
        ("sober",),
        ("people",),
        ("stats",),
        ("export",),
        ("step", "--help"),
        ("steps",),
        ("inventory",),
        ("amends",),
        ("defects",),
        ("step", "1", "--show"),
        ("step", "4", "--show"),
        ("step", "8", "--show"),
    ],
)
def test_everyday_commands_do_not_load_sqlalchemy(home, args):
    modules = imported_modules(*args, home=home)
    assert "stepwork.cli.application" in modules
    assert heavy(modules, among=STORAGE) == []


def test_every_command_a_module_defines_is_in_the_command_map():
    defined = {name: module for module in set(COMMANDS.values()) for name in commands_in(module)}
    assert defined == COMMANDS


@pytest.mark.slow
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_real_entry_point_finds_each_command(home, command):
    out = subprocess.run(
        [*stepwork_command(), command, "--help"],
        capture_output=True,
        text=True,
        env=child_env(home, NO_COLOR="1"),
    )
    assert out.returncode == 0, out.stderr
    assert f"Usage: stepwork {command} " in " ".join(out.stdout.split())
    assert not home.exists()  # help alone never creates a journal


@pytest.fixture(scope="module")
def journal_with_an_inventory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal whose inventory gives steps 5 to 9 something to ask about: a sex-conduct item
    with defects in its my-part column, and a harm done."""
    home = tmp_path_factory.mktemp("seeded") / "home"
    sex = ("3", "Sam", "", "n", "I cheated on Sam", "", "Sam", "", "Tell the truth", "", "2,3")
    harm = ("4", "My sister", "", "I took money", "", "She stopped trusting me", "", "Pay it back")
    for item in ((*sex, "", "y", "n"), (*harm, "", "y", "n")):
        subprocess.run(
            [*stepwork_command(), "step", "4"],
            input="\n".join(item) + "\n",
            capture_output=True,
            text=True,
            env=child_env(home),
        )
    return home


@pytest.mark.slow
@pytest.mark.parametrize("n", range(1, 13))
def test_each_step_asks_the_same_questions_in_a_process_of_its_own(
    journal_with_an_inventory, tmp_path, monkeypatch, n
):
    """`step N` runs flows that other modules register. In-process, every module has been
    imported by some test; a process of its own has only what `step` itself loads."""
    for module in set(COMMANDS.values()):
        commands_in(module)
    answers = "\n" * 60
    alone_home, in_process_home = tmp_path / "alone", tmp_path / "in-process"
    shutil.copytree(journal_with_an_inventory, alone_home)
    shutil.copytree(journal_with_an_inventory, in_process_home)
    env = child_env(alone_home, NO_COLOR="1")
    alone = subprocess.run(
        [*stepwork_command(), "step", str(n)],
        input=answers,
        capture_output=True,
        text=True,
        env=env,
    )
    monkeypatch.setenv("STEPWORK_HOME", str(in_process_home))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", env["COLUMNS"])
    in_process = CliRunner().invoke(app, ["step", str(n)], input=answers)
    assert f"Step {n} ·" in alone.stdout, alone.stderr
    assert alone.stdout == in_process.stdout
    assert alone.returncode == in_process.exit_code


@pytest.mark.slow
def test_status_for_a_shell_prompt_loads_neither_typer_rich_nor_storage(home):
    subprocess.run(
        [sys.executable, "-m", "stepwork", "checkin", "--mood", "6"],
        env=_env(home),
        capture_output=True,
        check=True,
    )
    modules = imported_modules("status", home=home)
    assert "stepwork.status" in modules  # it did run the status line
    assert "typer" not in modules and "rich" not in modules
    assert heavy(modules) == []


def _env(home):
    import os

    return dict(os.environ, STEPWORK_HOME=str(home))
