"""The command line. Each area's commands live in their own module and register on `app`.

Nothing here imports the storage layer: commands import it when they run, so `--help` and
`--version` stay fast.
"""

from stepwork.cli import (
    amends,
    daily,
    inventory,
    journal,
    privacy,
    setup,
    sober,
    steps,
    transfer,
)
from stepwork.cli.app import app

# Imported for what they do when imported: each module registers its commands on `app`.
COMMAND_MODULES = (amends, daily, inventory, journal, privacy, setup, sober, steps, transfer)


def main() -> None:
    app()
