"""The command line. Each area's commands live in their own module and register on `app`.

Importing this package is cheap: `main` answers `--version` and `status` before loading Typer,
and loads only the modules the command needs (`loader.py`). The storage layer is imported by
commands when they run, so `--help` and `--version` never load it.
"""

import os
import sys
from typing import Any

from stepwork import __version__

# Set by the completion script a shell runs on TAB (Typer's mechanism).
COMPLETING = "_STEPWORK_COMPLETE"


def main() -> None:
    args = sys.argv[1:]
    if args == ["--version"]:
        print(f"stepwork {__version__}")
        return
    if args[:1] == ["status"] and not {"--help", "-h"} & set(args):
        # A shell prompt runs this before every command line: answered without Typer.
        from stepwork import status

        raise SystemExit(status.main(args[1:]))
    if args in (["--help"], ["-h"]):
        from stepwork.cli import roothelp

        print(roothelp.text(), end="")
        return
    from stepwork.cli.loader import load_all, load_for

    if COMPLETING in os.environ:
        load_all()  # the shell asks for names that may belong to any command
    else:
        load_for(args)
    from stepwork.cli.base import app

    app()


def __getattr__(name: str) -> Any:
    """`from stepwork.cli import app` gives the app with every command registered (tests)."""
    if name == "app":
        from stepwork.cli.loader import load_all

        load_all()
        from stepwork.cli.base import app

        return app
    raise AttributeError(name)
