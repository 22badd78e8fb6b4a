"""The command line. Each area's commands live in their own module and register on `app`.

Nothing here imports the storage layer: commands import it when they run, so `--help` and
`--version` stay fast.
"""

from stepwork.cli import steps, daily, sober, inventory, amends, journal, transfer, privacy, setup  # noqa: F401, I001  (registers the commands, in help order)
from stepwork.cli.app import app


def main() -> None:
    app()
