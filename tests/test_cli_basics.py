import re
import subprocess
import sys

import pytest

from stepwork import __version__


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"stepwork {__version__}"


def test_help_says_what_it_is_and_is_not(run):
    result = run("--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Not affiliated with any fellowship" in text
    for command in ("step", "steps", "paths", "config", "wording"):
        assert command in text


@pytest.mark.slow
def test_python_dash_m_runs_the_cli(home):
    out = subprocess.run(
        [sys.executable, "-m", "stepwork", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"stepwork {__version__}"


def test_bare_command_welcomes_and_suggests_one_next_thing(run, clock):
    clock("2026-11-27 09:00")
    result = run()
    assert result.exit_code == 0
    assert "stepwork checkin" in result.stdout
    assert "not affiliated with any fellowship" in " ".join(result.stdout.split())
    run("checkin", "--mood", "6")
    assert "stepwork step 1" in run().stdout


@pytest.mark.parametrize("value", ["0", "13", "four", "1.5", " ", ""])
def test_bad_step_number_is_one_clear_line(run, home, value):
    result = run("step", value)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "1 to 12" in lines[0]
    assert "Traceback" not in result.stderr
    assert not (home / "stepwork.db").exists()


def test_unknown_option_is_one_line_and_exit_2(run):
    result = run("step", "1", "--bogus")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "--bogus" in lines[0]


def test_unknown_command_is_one_line(run):
    result = run("stpe", "1")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_unexpected_error_is_reported_as_a_bug_without_traceback(run, monkeypatch):
    from stepwork.store import progress

    def broken(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(progress, "step_summaries", broken)
    result = run("steps")
    assert result.exit_code == 70
    assert "this is a bug" in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert "kaboom" not in result.stderr

    debug = run("--debug", "steps")
    assert debug.exit_code == 70
    assert "Traceback" in debug.stderr
    assert "kaboom" in debug.stderr


def test_paths_lists_where_things_live(run, home):
    result = run("paths")
    assert result.exit_code == 0
    flat = "".join(result.stdout.split())
    assert "".join(str(home / "stepwork.db").split()) in flat
    assert "STEPWORK_HOME" in result.stdout


def every_command_path() -> list[tuple[str, ...]]:
    import typer

    from stepwork.cli import app
    from stepwork.cli.application import COMMANDS

    root = typer.main.get_command(app)
    ctx = typer.Context(root)
    paths = []
    for name in COMMANDS:
        command = root.get_command(ctx, name)
        paths.append((name,))
        paths += [(name, sub) for sub in getattr(command, "commands", {})]
    return paths


@pytest.mark.parametrize("path", every_command_path(), ids=" ".join)
def test_help_shows_plain_value_names_and_nothing_for_flags(run, monkeypatch, path):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    result = run(*path, "--help")
    assert result.exit_code == 0, result.stderr
    options = result.stdout.split("─ Options ─", 1)[1].split("╰", 1)[0]
    assert "<" not in options, options  # no <str>, <bool> or <list[str]>
    assert re.search(r"--help\s+-h\s+Show this message", options), options
