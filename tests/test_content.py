"""The step guides shipped as data: complete, well-formed, and in our own words."""

import re
from pathlib import Path

import pytest

from stepwork import settings
from stepwork.content import PLACEHOLDERS, STEP_NUMBERS, load_step, raw_step

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("n", STEP_NUMBERS)
def test_each_step_has_a_statement_orientation_and_6_to_12_questions(n):
    guide = load_step(n, settings.load())
    assert guide.statement and guide.orientation and guide.title
    assert 6 <= len(guide.questions) <= 12
    keys = [q.key for q in guide.questions]
    assert len(keys) == len(set(keys))
    assert all(q.text.strip() for q in guide.questions)


@pytest.mark.parametrize("n", STEP_NUMBERS)
def test_only_known_placeholders_are_used(n):
    raw = raw_step(n)
    texts = [raw["statement"], raw["orientation"]]
    texts += [q["text"] for q in raw["questions"]] + [q.get("hint", "") for q in raw["questions"]]
    for text in texts:
        for name in re.findall(r"\{(\w+)\}", text):
            assert name in PLACEHOLDERS


# Distinctive phrases of the fellowship literature's step texts. None may appear anywhere in
# what we ship: our statements are paraphrases, and a person may load the exact wording.
LITERATURE_PHRASES = [
    "searching and fearless moral inventory",
    "exact nature of our wrongs",
    "entirely ready to have god remove",
    "humbly asked him to remove our shortcomings",
    "made a list of all persons we had harmed",
    "except when to do so would injure them or others",
    "conscious contact with god",
    "as we understood him",
    "restore us to sanity",
    "having had a spiritual awakening as the result of these steps",
    "continued to take personal inventory and when we were wrong promptly admitted it",
    "our lives had become unmanageable",
]


def _shipped_text() -> str:
    parts = []
    for folder in (REPO / "src", REPO / "README.md", REPO / "docs"):
        files = [folder] if folder.is_file() else folder.rglob("*")
        for path in files:
            if path.is_file() and path.suffix in {".py", ".toml", ".md", ".txt"}:
                parts.append(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parts).lower().split())


def test_no_fellowship_literature_is_shipped():
    text = _shipped_text()
    assert len(text) > 10_000  # the guides and docs were actually read
    for phrase in LITERATURE_PHRASES:
        assert phrase not in text, phrase
