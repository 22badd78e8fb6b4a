"""The twelve step statements a person sees: our paraphrases, or their fellowship's own words."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from stepwork.content import STEP_NUMBERS, fill, raw_step
from stepwork.errors import UserError
from stepwork.home import paths, read_small_file
from stepwork.messages import setup as setup_messages
from stepwork.parse.numbers import is_digits


@dataclass(frozen=True)
class Wording:
    statements: dict[int, str]
    from_file: Path | None
    name: str


def _override(path: Path) -> tuple[str, dict[int, str]] | None:
    try:
        raw = read_small_file(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UserError(setup_messages.wording_unreadable(path, exc.strerror or str(exc))) from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(setup_messages.wording_unreadable(path, str(exc))) from exc
    steps = data.get("steps", {})
    if not isinstance(steps, dict):
        raise UserError(
            setup_messages.wording_unreadable(path, setup_messages.WORDING_NEEDS_STEPS_TABLE)
        )
    found: dict[int, str] = {}
    for key, text in steps.items():
        if not (is_digits(key) and int(key) in STEP_NUMBERS) or not isinstance(text, str):
            raise UserError(
                setup_messages.wording_unreadable(path, setup_messages.wording_bad_entry(key))
            )
        if text.strip():
            found[int(key)] = " ".join(text.split())
    name = data.get("name")
    return (
        name if isinstance(name, str) and name.strip() else setup_messages.WORDING_OWN_NAME
    ), found


def active(settings: dict[str, str]) -> Wording:
    """Our paraphrases, with any step the person's wording file gives replaced by theirs."""
    statements = {n: fill(raw_step(n)["statement"], settings) for n in STEP_NUMBERS}
    path = paths().wording_file
    override = _override(path)
    if override is None:
        return Wording(statements, None, setup_messages.WORDING_BUILTIN_NAME)
    name, own = override
    statements.update(own)
    return Wording(statements, path, name)


def template() -> str:
    """A wording file to fill in, with every step commented out."""
    lines = [setup_messages.WORDING_TEMPLATE_HEADER, 'name = "My fellowship"', "", "[steps]"]
    lines += [f'# {n} = "..."' for n in STEP_NUMBERS]
    return "\n".join(lines) + "\n"
