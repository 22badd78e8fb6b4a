"""The step guides, shipped as TOML data files inside the package."""

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

STEP_NUMBERS = range(1, 13)
PLACEHOLDERS = ("substance", "higher_power")


TEXT, CHOICES, YESNO, NUMBER = "text", "choices", "yesno", "number"


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    hint: str = ""
    section: str = ""
    kind: str = TEXT
    choices: tuple[str, ...] = ()
    unless: str = ""
    """Skip this question when the answer to the question with this key was yes."""
    note_if_yes: str = ""
    """Said gently when a yes/no question is answered yes."""
    low: int = 0
    high: int = 10
    """The range of a `number` question."""
    heading: str = ""
    """A short title for the answer wherever it is shown back (the coping plan's parts)."""


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
        questions=tuple(question_from(q, settings) for q in raw["questions"]),
    )


def question_from(
    raw: dict, settings: dict[str, str], notes: dict[str, str] | None = None
) -> Question:
    return Question(
        key=raw["key"],
        text=fill(raw["text"], settings),
        hint=fill(raw.get("hint", ""), settings),
        section=raw.get("section", ""),
        kind=raw.get("kind", TEXT),
        choices=tuple(raw.get("choices", ())),
        unless=raw.get("unless", ""),
        note_if_yes=(notes or {}).get(raw.get("note_if_yes", ""), ""),
        low=int(raw.get("low", 0)),
        high=int(raw.get("high", 10)),
        heading=fill(raw.get("heading", ""), settings),
    )


@cache
def _raw_daily() -> dict:
    source = resources.files(__package__).joinpath("daily.toml")
    return tomllib.loads(source.read_text(encoding="utf-8"))


def crisis_lines() -> str:
    """A few well-known crisis lines by country, dated (markdown shipped with stepwork)."""
    return resources.files(__package__).joinpath("crisis-lines.md").read_text(encoding="utf-8")


def daily_questions(name: str, settings: dict[str, str]) -> tuple[Question, ...]:
    """The questions of a daily flow in daily.toml: 'checkin' or 'plan'."""
    return tuple(question_from(q, settings) for q in _raw_daily()[name]["questions"])


@cache
def step_titles() -> dict[int, str]:
    return {n: raw_step(n)["title"] for n in STEP_NUMBERS}
