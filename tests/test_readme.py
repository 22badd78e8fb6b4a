"""Every command line the README shows runs, against a scratch home with a small journal.

The lines come from the README's code blocks, the tour table (its first column, and the
commands and options named in its second) and inline code that starts with `stepwork `. A
line fails on "No such option" or on an exit other than 0, or 1 where a command that asks
finds nobody to answer (its input is empty and not a terminal), which the README promises
("says what to run instead and exits with status 1").
"""

import os
import re
import shlex
import shutil
from datetime import UTC
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stepwork.cli import app

from .test_transfer import DATA, small_journal

README = Path(__file__).parent.parent / "README.md"
# Inline code in the tour table that is not a command.
NOT_COMMANDS = {"craving_threshold", "isolation_days"}
# Options named alone in the table that take a value: run with this one.
OPTION_VALUES = {
    "--section": "resentment",
    "--kind": "checkin",
    "--step": "4",
    "--since": "2026-11-01",
    "--until": "today",
    "-n": "5",
}
NO_PERSON = 1
NO_PERSON_SAYS = "there is no terminal to answer them"
# Commands the README describes that refuse, with one line, when there is nothing to act on.
PROMISED_REFUSALS = {"stepwork sober undo NAME": "Nothing left to undo"}


def _code(text: str) -> list[str]:
    return re.findall(r"`([^`]+)`", text)


def _from_blocks(text: str) -> list[str]:
    found = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            for part in line.split("&&"):
                part = part.strip()
                if part.startswith("stepwork"):
                    found.append(part)
    return found


def _from_table(text: str) -> list[str]:
    found = []
    rows = [line for line in text.splitlines() if line.startswith("| `stepwork")]
    for row in rows:
        first, second = row.strip("|").split("|")[:2]
        commands = _code(first)
        base = commands[0]
        for command in commands:
            found.append(command if command.startswith("stepwork") else f"stepwork {command}")
        # The first column's command without its placeholder arguments.
        plain = " ".join(w for w in base.split() if not w.isupper() and w != "[PATH]")
        plain = plain.replace(' "…"', "")
        named = {c.split()[0] if not c.startswith("stepwork") else c.split()[-1] for c in commands}
        named |= {c.split()[1] for c in commands if c.startswith("stepwork ") and " " in c}
        for fragment in _code(second):
            if fragment in NOT_COMMANDS:
                continue
            if fragment.startswith("stepwork"):
                found.append(fragment)
            elif fragment.split()[0] in named:
                found.append(f"stepwork {fragment}")
            elif fragment.startswith("-"):
                value = OPTION_VALUES.get(fragment, "")
                found.append(f"{base} {fragment} {value}".strip())
            elif " " not in fragment:
                found.append(f"{plain} {fragment} --help")  # a subcommand, named
            else:
                found.append(f"{plain} {fragment}")
    return found


def _inline(text: str) -> list[str]:
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    prose = "\n".join(line for line in prose.splitlines() if not line.startswith("|"))
    return [" ".join(c.split()) for c in _code(prose) if c.startswith("stepwork ")]


def readme_commands() -> list[str]:
    text = README.read_text()
    seen: dict[str, None] = {}
    for line in _from_blocks(text) + _from_table(text) + _inline(text):
        seen.setdefault(line, None)
    return list(seen)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from datetime import datetime

    from stepwork.parse import dates

    root = tmp_path_factory.mktemp("readme")
    home = root / "home"
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STEPWORK_HOME", str(home))
        patch.setenv("TZ", "UTC")

        def clock(moment: str) -> None:
            frozen = datetime.fromisoformat(moment).replace(tzinfo=UTC)
            patch.setattr(dates, "now_local", lambda: frozen)

        def run(*args: str, input: str | None = None):
            return runner.invoke(app, list(args), input=input)

        small_journal(run, clock)
        assert run("backup", str(root / "backup.db")).exit_code == 0
        assert run("export", "--format", "json", "-o", str(root / "journal.json")).exit_code == 0
    return root


def _words(line: str, scratch: Path, seed: Path) -> list[str]:
    words = shlex.split(line)[1:]
    command = words[0] if words else ""
    ids = {"amends": "a1", "inventory": "i1"}
    values = {
        "N": "4",
        "ID": ids.get(command, "c1"),
        "WORDS": "shouted",
        "NAME": "gambling" if "start" in words else "alcohol",
        "YYYY-MM-DD": "2026-06-14",
        "KEY": "substance",
        "VALUE": "gambling",
        "DIR": str(scratch / "vault"),
        "…": "the coffee",
        "journal.json": str((scratch if command == "export" else seed) / "journal.json"),
    }
    if command == "import":
        jrnl = "jrnl" in words
        values["FILE"] = str(DATA / "jrnl-sample.json") if jrnl else str(seed / "journal.json")
    else:
        values["FILE"] = str(scratch / "out.md")
    values["PATH"] = str(seed / "backup.db") if command == "restore" else str(scratch / "b.db")
    return [values.get(word, word) for word in words if word != "[PATH]"]


@pytest.mark.parametrize("line", readme_commands())
def test_every_readme_command_runs(line, seeded, tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    shutil.copytree(seeded / "home", scratch / "home")
    monkeypatch.setenv("STEPWORK_HOME", str(scratch / "home"))
    monkeypatch.setenv("STEPWORK_PASSPHRASE", "correct horse battery")
    monkeypatch.setenv("STEPWORK_NEW_PASSPHRASE", "another horse battery")
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.chdir(scratch)  # a file the README names (plain.db) is written here
    monkeypatch.setenv("HOME", str(scratch))  # --install-completion writes a shell's rc file
    words = _words(line, scratch, seeded)
    if any(word.endswith("-completion") for word in words):
        # Typer finds the shell from the parent process; a test names it.
        monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
        words.append("bash")
    runner = CliRunner()
    if words[:1] in (["passphrase"], ["decrypt"]):
        assert runner.invoke(app, ["encrypt"]).exit_code == 0
    result = runner.invoke(app, words, input="")
    said = result.stdout + result.stderr
    assert "No such option" not in said and "No such command" not in said, said
    refusal = PROMISED_REFUSALS.get(line)
    if refusal is not None:  # what the README promises it says, on a journal with nothing to do
        assert result.exit_code == 1 and refusal in said, f"{words}: {said}"
        return
    if result.exit_code == NO_PERSON:
        assert NO_PERSON_SAYS in " ".join(said.split()), f"{words}: {said}"
        return
    assert result.exit_code == 0, f"{words}: {said}"


def test_the_readme_shows_the_commands_it_should():
    commands = readme_commands()
    assert "stepwork inventory --for-therapist" in commands
    assert "stepwork search WORDS" in commands
    assert len(commands) > 40


def _block(language: str) -> str:
    found = re.findall(rf"```{language}\n(.*?)```", README.read_text(), flags=re.S)
    assert len(found) == 1, language
    return found[0]


@pytest.mark.slow
def test_the_bash_snippet_adds_to_prompt_command_and_shows_the_line(tmp_path):
    import shutil
    import subprocess
    import sys

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash here")
    script = (
        "PROMPT_COMMAND='echo earlier'\n"
        + _block("bash")
        + 'eval "$PROMPT_COMMAND"\necho "[$SW]"\n'
    )
    env = dict(os.environ, STEPWORK_HOME=str(tmp_path / "home"))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    result = subprocess.run(
        [bash, "--norc", "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.splitlines() == ["earlier", "[check-in due]"], result.stderr


def test_the_tmux_snippet_shows_no_empty_field(tmp_path, monkeypatch, capsys):
    from stepwork import status

    command = re.search(r"#\((stepwork status[^)]*)\)", _block("tmux"))
    assert command is not None
    monkeypatch.setenv("STEPWORK_HOME", str(tmp_path / "home"))
    args = command.group(1).split()[2:]
    assert status.main(args) == 0
    shown = capsys.readouterr().out.strip()
    assert shown == "check-in due"  # no " · d" left by a counter that is not there
