"""Every sentence stepwork prints, checked for the small slips a reader trips on: doubled
punctuation ("?." or ".."), and a list of steps after the singular ("step 4, 5")."""

import importlib
import inspect
import pkgutil
import re
import typing
from pathlib import Path
from types import ModuleType

import pytest

DOUBLED = re.compile(r"[?!.,;][.,;:]|:[.;]")
STEP_LIST = re.compile(r"\bstep \d+(?:, \d+| and \d+)")
ONE_PLURAL = re.compile(
    r"(?<![\d.,])(?<!of )\b1 (?:days|items|questions|steps|check-ins|people|times)\b"
)


def _sample(hint: object, name: str) -> list[object]:
    """Values to call a message with: the edge cases (0, 1, several) where words go wrong."""
    origin = typing.get_origin(hint)
    if hint is bool:
        return [True, False]
    if hint is int:
        return [0, 1, 2]
    if hint is float:
        return [1.5]
    if hint is Path:
        return [Path("/home/sam/journal.db")]
    if origin is list or origin is typing.Sequence:
        (inner,) = typing.get_args(hint) or (str,)
        return [[], [4], [4, 5], [4, 5, 7]] if inner is int else [[], ["a"], ["a", "b"]]
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _sample(args[0], name) if args else [None]
    return ["the old bar"]


def _catalogues() -> list[ModuleType]:
    """Every area's catalogue of sentences (`stepwork/messages/*.py`)."""
    import stepwork.messages

    return [
        importlib.import_module(f"stepwork.messages.{info.name}")
        for info in pkgutil.iter_modules(stepwork.messages.__path__)
    ]


def test_every_area_has_a_catalogue():
    assert len(_catalogues()) >= 10


def _calls() -> list[tuple[str, str]]:
    said = []
    for catalogue in _catalogues():
        said += _calls_in(catalogue)
    return said


def _calls_in(catalogue: ModuleType) -> list[tuple[str, str]]:
    said = []
    for name, value in vars(catalogue).items():
        if name.startswith("_"):
            continue
        if isinstance(value, str):
            said.append((name, value))
        elif inspect.isfunction(value) and value.__module__ == catalogue.__name__:
            hints = typing.get_type_hints(value)
            params = list(inspect.signature(value).parameters.values())
            choices = [
                _sample(hints.get(p.name, str), p.name)
                for p in params
                if p.default is inspect.Parameter.empty
            ]
            # Each parameter through its samples, the others at their first sample.
            rounds = max((len(c) for c in choices), default=1)
            for index in range(rounds):
                args = [c[min(index, len(c) - 1)] for c in choices]
                try:
                    said.append((name, str(value(*args))))
                except (TypeError, ValueError, KeyError, IndexError, AttributeError):
                    continue
    return said


SAID = _calls()


def test_the_check_finds_messages():
    assert len(SAID) > 400


@pytest.mark.parametrize(
    ("pattern", "example"),
    [(DOUBLED, "Did you mean 'step'?. See"), (STEP_LIST, "in progress: step 4, 5")],
)
def test_the_checks_catch_the_slips_they_are_for(pattern, example):
    assert pattern.search(example)


def test_no_message_has_doubled_punctuation():
    slips = [(name, text) for name, text in SAID if DOUBLED.search(text.replace("...", "…"))]
    assert slips == []


def test_no_message_lists_steps_after_the_singular_or_counts_one_in_the_plural():
    slips = [(n, t) for n, t in SAID if STEP_LIST.search(t) or ONE_PLURAL.search(t)]
    assert slips == []


def test_a_mistyped_command_reads_as_one_sentence(run):
    said = " ".join(run("stpe").stderr.split())
    assert "?." not in said and "Did you mean 'step'" in said
