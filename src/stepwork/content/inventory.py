"""The fourth-step inventory's sections and the defects its my-part choices name."""

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from stepwork.content import Question, question_from

SECTIONS = ("resentment", "fear", "sex", "harm")


@dataclass(frozen=True)
class Column:
    """One column of a section as shown everywhere: its heading and the answers it holds."""

    heading: str
    keys: tuple[str, ...]
    no_part: bool = False
    """Where "this was done to me" is written for an item where the person had no part."""


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    singular: str
    about: str
    questions: tuple[Question, ...]
    columns: tuple[Column, ...]


@cache
def _raw() -> dict:
    source = resources.files(__package__).joinpath("inventory.toml")
    return tomllib.loads(source.read_text(encoding="utf-8"))


def section(key: str, settings: dict[str, str]) -> Section:
    raw = _raw()["sections"][key]
    notes = _raw()["notes"]
    return Section(
        key=key,
        label=raw["label"],
        singular=raw["singular"],
        about=raw["about"],
        questions=tuple(question_from(q, settings, notes) for q in raw["questions"]),
        columns=columns(key),
    )


@cache
def columns(key: str) -> tuple[Column, ...]:
    """A section's columns (their headings need none of the person's settings)."""
    return tuple(
        Column(c["heading"], tuple(c["keys"]), bool(c.get("no_part", False)))
        for c in _raw()["sections"][key]["columns"]
    )


def label(key: str) -> str:
    return str(_raw()["sections"][key]["label"])


def sections(settings: dict[str, str]) -> list[Section]:
    return [section(key, settings) for key in SECTIONS]


def unless_keys(section_key: str) -> dict[str, str]:
    """Each question of a section that is left out when another is answered yes: key → that
    other question's key."""
    return {
        q["key"]: q["unless"] for q in _raw()["sections"][section_key]["questions"] if "unless" in q
    }


def defect_opposites() -> dict[str, str]:
    """Each defect the my-part column can name, with a quality to practise in its place."""
    return dict(_raw()["defects"])
