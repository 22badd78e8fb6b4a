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


def _short(help_text: str) -> str:
    first = " ".join(help_text.strip().split("\n\n")[0].split())
    return first


def render() -> str:
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
        lines += textwrap.wrap(paragraph, WIDTH, initial_indent="  ", subsequent_indent="  ")
        lines.append("")
    for panel, commands in panels.items():
        lines.append(f"{panel}:")
        for name, summary in commands:
            lines += textwrap.wrap(
                summary,
                WIDTH,
                initial_indent=f"  {name:<{NAME_WIDTH}}",
                subsequent_indent=" " * (NAME_WIDTH + 2),
            ) or [f"  {name}"]
        lines.append("")
    lines += [
        "Options:",
        f"  {'--version':<{NAME_WIDTH}}Show the version.",
        f"  {'--debug':<{NAME_WIDTH}}Show full details if something breaks.",
        "  --install-completion",
        f"  {'':<{NAME_WIDTH}}Set up TAB completion for the shell you are in (bash, zsh, fish).",
        "  --show-completion",
        f"  {'':<{NAME_WIDTH}}Print that shell's completion script, to install it yourself.",
        f"  {'-h, --help':<{NAME_WIDTH}}Show this message and exit.",
        "",
        app_messages.HELP_FOOTER,
        "",
        *textwrap.wrap(safety_messages.SAFETY_HELP, WIDTH),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
