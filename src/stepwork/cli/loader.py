"""Which modules hold which commands, so a command imports only what it needs.

`stepwork log` should not pay for importing the inventory, the guided engine and the rest.
Every command is listed here; a test checks the list against what the modules register.
"""

import importlib
from collections.abc import Sequence

# In the order their groups appear in --help.
ALL_MODULES = (
    "steps",
    "inventory",
    "sharing",
    "defects",
    "amends",
    "daily",
    "statusline",
    "people",
    "sober",
    "journal",
    "transfer",
    "privacy",
    "setup",
)
# `step N` runs the flows that other modules register for steps 4 to 11.
STEP_FLOWS = ("steps", "inventory", "sharing", "defects", "amends", "daily")

MODULES_FOR: dict[str, tuple[str, ...]] = {
    "step": STEP_FLOWS,
    "steps": ("steps",),
    "inventory": ("inventory",),
    "defects": ("defects",),
    "amends": ("amends",),
    "checkin": ("daily",),
    "plan": ("daily",),
    "review": ("daily",),
    "morning": ("daily",),
    "gratitude": ("daily",),
    "service": ("daily",),
    "stats": ("daily",),
    "status": ("statusline",),
    "people": ("people",),
    "reached": ("people",),
    "sober": ("sober",),
    "log": ("journal",),
    "search": ("journal",),
    "show": ("journal",),
    "edit": ("journal",),
    "delete": ("journal",),
    "export": ("transfer",),
    "import": ("transfer",),
    "backup": ("transfer",),
    "restore": ("transfer",),
    "doctor": ("privacy",),
    "encrypt": ("privacy",),
    "decrypt": ("privacy",),
    "passphrase": ("privacy",),
    "paths": ("setup",),
    "config": ("setup",),
    "wording": ("setup",),
}
ROOT_FLAGS_WITHOUT_VALUE = {"--debug"}
HELP = {"-h", "--help"}


def command_in(args: Sequence[str]) -> str | None:
    for arg in args:
        if arg in ROOT_FLAGS_WITHOUT_VALUE:
            continue
        return None if arg.startswith("-") else arg
    return None


def modules_for(args: Sequence[str]) -> tuple[str, ...]:
    command = command_in(args)
    if command is None:
        return ALL_MODULES if any(a in HELP for a in args) else ()
    return MODULES_FOR.get(command, ALL_MODULES)


def load(modules: Sequence[str]) -> None:
    for name in modules:
        importlib.import_module(f"stepwork.cli.{name}")


def load_for(args: Sequence[str]) -> None:
    load(modules_for(args))


def load_all() -> None:
    load(ALL_MODULES)
