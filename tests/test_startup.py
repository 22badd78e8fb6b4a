"""Start-up cost: `--help` and `--version` never load the storage stack, and the commands people
run most (the dashboard, a check-in, the log, search) do not load SQLAlchemy or pydantic."""

import subprocess
import sys

import pytest
import typer

from stepwork.cli import loader

HEAVY = ("sqlmodel", "sqlalchemy", "pydantic")


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


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_version_loads_neither_typer_nor_storage():
    modules = imported_modules("--version")
    assert "stepwork" in modules  # the measurement itself works
    assert "typer" not in modules
    assert heavy(modules) == []


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_is_printed_without_loading_typer_or_storage(flag):
    modules = imported_modules(flag)
    assert "stepwork.cli.roothelp" in modules
    assert "typer" not in modules
    assert heavy(modules) == []


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
    ],
)
def test_everyday_commands_do_not_load_sqlalchemy_or_pydantic(home, args):
    modules = imported_modules(*args, home=home)
    assert "stepwork.cli.base" in modules
    assert heavy(modules) == []


def test_guided_step_work_does_load_sqlmodel(home):
    assert "sqlmodel" in imported_modules("step", "1", "--show", home=home)


def test_every_command_is_in_the_loader_map():
    from stepwork.cli import app

    registered = set(typer.main.get_command(app).commands)
    assert registered == set(loader.MODULES_FOR)


@pytest.mark.parametrize("command", sorted(loader.MODULES_FOR))
def test_loading_only_the_mapped_modules_registers_the_command(command):
    code = (
        "import typer\n"
        "from stepwork.cli import loader\n"
        f"loader.load_for([{command!r}])\n"
        "from stepwork.cli.base import app\n"
        "print(' '.join(sorted(typer.main.get_command(app).commands)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert command in out.stdout.split()


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
