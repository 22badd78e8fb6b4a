"""The step guides, shipped as TOML data files inside the package."""

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

STEP_NUMBERS = range(1, 13)
PLACEHOLDERS = ("substance", "higher_power")


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    hint: str = ""
    section: str = ""


@dataclass(frozen=True)
class StepGuide:
    number: int
    title: str
    statement: str
    orientation: str
    questions: tuple[Question, ...]


def fill(text: str, settings: dict[str, str]) -> str:
    """Put the person's own words for the substance and the higher power into `text`."""
    for name in PLACEHOLDERS:
        text = text.replace("{" + name + "}", settings[name])
    return text


@cache
def raw_step(number: int) -> dict:
    source = resources.files(__package__).joinpath("steps", f"step-{number:02d}.toml")
    return tomllib.loads(source.read_text(encoding="utf-8"))


def load_step(number: int, settings: dict[str, str]) -> StepGuide:
    raw = raw_step(number)
    return StepGuide(
        number=number,
        title=raw["title"],
        statement=fill(raw["statement"], settings),
        orientation=fill(" ".join(raw["orientation"].split()), settings),
        questions=tuple(
            Question(
                key=q["key"],
                text=fill(q["text"], settings),
                hint=fill(q.get("hint", ""), settings),
                section=q.get("section", ""),
            )
            for q in raw["questions"]
        ),
    )


def step_titles() -> dict[int, str]:
    return {n: raw_step(n)["title"] for n in STEP_NUMBERS}
