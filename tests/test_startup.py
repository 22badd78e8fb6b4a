"""`--help` and `--version` must stay fast: the storage stack is not loaded for them."""

import subprocess
import sys

import pytest

HEAVY = ("sqlmodel", "sqlalchemy", "pydantic")


def imported_modules(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "stepwork", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


@pytest.mark.parametrize("args", [("--help",), ("--version",)])
def test_fast_paths_do_not_import_the_storage_stack(args):
    modules = imported_modules(*args)
    assert "typer" in modules  # the measurement itself works
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == []


def test_subcommand_help_does_not_import_the_database_layer():
    # Typer itself validates a subcommand's options through pydantic, so only the database
    # layer is held out here.
    modules = imported_modules("step", "--help")
    assert "typer" in modules
    assert sorted(m for m in modules if m.split(".")[0] in ("sqlmodel", "sqlalchemy")) == []


def test_a_data_command_does_load_storage(home):
    modules = imported_modules("steps")
    assert "sqlmodel" in modules
