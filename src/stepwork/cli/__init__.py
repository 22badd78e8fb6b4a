"""The command line. Each area's commands live in their own module (`commands` in it).

Importing this package is cheap: `main` answers `--version`, `--help` and `status` before
loading Typer, and the application finds a command's module only when that command is asked for
(`base.COMMANDS`). The storage layer is imported by commands when they run, so `--help` and
`--version` never load it.
"""

import sys
from typing import Any

from stepwork import __version__


def main() -> None:
    args = sys.argv[1:]
    if args == ["--version"]:
        print(f"stepwork {__version__}")
        return
    if args[:1] == ["status"] and not {"--help", "-h"} & set(args):
        # A shell prompt runs this before every command line: answered without Typer.
        from stepwork import status

        raise SystemExit(status.main(args[1:]))
    if args and {"--help", "-h"} & set(args) and set(args) <= {"--help", "-h", "--debug"}:
        from stepwork.cli import roothelp

        print(roothelp.for_terminal(), end="")
        return
    from stepwork.cli.application import app

    app()


def __getattr__(name: str) -> Any:
    """`from stepwork.cli import app` gives the application (tests), loaded on first use."""
    if name == "app":
        from stepwork.cli.application import app

        return app
    raise AttributeError(name)
