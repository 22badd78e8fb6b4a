"""`stepwork --help`, printed from a file made from the commands themselves.

Loading every command module and Typer's rich help takes longer than people should wait for a
list of commands, so `stepwork --help` prints `root_help.txt`. It is generated here from the
registered commands (their help text and groups); a test fails if it falls out of step.
Regenerate with: python -m stepwork.cli.roothelp > src/stepwork/cli/root_help.txt
"""

import textwrap
from importlib import resources

WIDTH = 80
NAME_WIDTH = 12


def text() -> str:
    return resources.files(__package__).joinpath("root_help.txt").read_text(encoding="utf-8")


def for_terminal() -> str:
    """The ready-made help, or, on a terminal narrower than it was made for, the same help
    made again at the terminal's width (slower, but no word broken)."""
    import shutil
    import sys

    columns = shutil.get_terminal_size((WIDTH, 24)).columns
    if columns >= WIDTH or not sys.stdout.isatty():
        return text()
    return render(max(40, columns - 1))


def _entry(name: str, summary: str, width: int) -> list[str]:
    """A name and what it does, the words wrapped under each other (a long name on its own
    line first)."""
    if len(name) >= NAME_WIDTH:
        first, rest = [f"  {name}"], summary
        return first + textwrap.wrap(
            rest,
            width,
            initial_indent=" " * (NAME_WIDTH + 2),
            subsequent_indent=" " * (NAME_WIDTH + 2),
        )
    return textwrap.wrap(
        summary,
        width,
        initial_indent=f"  {name:<{NAME_WIDTH}}",
        subsequent_indent=" " * (NAME_WIDTH + 2),
        break_long_words=False,
        break_on_hyphens=False,
    ) or [f"  {name}"]


def _short(help_text: str) -> str:
    first = " ".join(help_text.strip().split("\n\n")[0].split())
    return first


def render(width: int = WIDTH) -> str:
    import typer
    from typer.core import TyperGroup

    from stepwork.cli.application import app
    from stepwork.messages import app as app_messages
    from stepwork.messages import safety as safety_messages

    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    ctx = typer.Context(group)
    panels: dict[str, list[tuple[str, str]]] = {}
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        panel = getattr(command, "rich_help_panel", None) or "Commands"
        panels.setdefault(panel, []).append((name, _short(command.help or "")))
    lines = ["Usage: stepwork [OPTIONS] COMMAND [ARGS]...", ""]
    for paragraph in app_messages.APP_HELP.split("\n\n"):
        lines += textwrap.wrap(paragraph, width, initial_indent="  ", subsequent_indent="  ")
        lines.append("")
    for panel, commands in panels.items():
        lines.append(f"{panel}:")
        for name, summary in commands:
            lines += _entry(name, summary, width)
        lines.append("")
    lines += [
        "Options:",
        *_entry("--version", "Show the version.", width),
        *_entry("--debug", "Show full details if something breaks.", width),
        *_entry(
            "--install-completion",
            "Set up TAB completion for the shell you are in (bash, zsh, fish).",
            width,
        ),
        *_entry(
            "--show-completion",
            "Print that shell's completion script, to install it yourself.",
            width,
        ),
        *_entry("-h, --help", "Show this message and exit.", width),
        "",
        *textwrap.wrap(app_messages.HELP_FOOTER, width),
        "",
        *textwrap.wrap(safety_messages.SAFETY_HELP, width),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
