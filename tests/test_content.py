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

# Well-known passages of fellowship literature beyond the steps: the nightly review and morning
# meditation, the inventory's instructions, prayers and promises. The ideas are common to the
# tradition; these exact phrasings are not ours to ship.
PASSAGE_PHRASES = [
    # the nightly review
    "were we resentful",
    "resentful, selfish, dishonest or afraid",
    "do we owe an apology",
    "kept something to ourselves",
    "discussed with another person at once",
    "kind and loving toward all",
    "what could we have done better",
    "thinking of ourselves most of the time",
    "what we could do for others",
    "pack into the stream of life",
    "we must be careful not to drift into worry",
    "morbid reflection",
    # close paraphrases of it that stepwork once shipped (a tester's notes)
    "carrying something alone",
    "weigh less if your sponsor or a friend knew",
    "going over it again and again does not help",
    "let off the hook tonight",
    "where did you make room for the people around you",
    # the morning
    "on awakening",
    "twenty-four hours ahead",
    "winning, hiding or keeping score",
    "what will you do before you act",
    "divorced from self-pity",
    "self-pity, dishonest or self-seeking motives",
    "when agitated or doubtful",
    "an intuitive thought or a decision",
    "knowledge of his will for us",
    "the power to carry that out",
    # the inventory's instructions
    "where had we been selfish",
    "selfish, dishonest, self-seeking and frightened",
    "whom had we hurt",
    "did we unjustifiably arouse",
    "jealousy, suspicion or bitterness",
    "where were we at fault",
    "what should we have done instead",
    "mold our ideals",
    "sane and sound ideal",
    "the number one offender",
    "destroys more alcoholics than anything else",
    "we reviewed our fears thoroughly",
    "self-reliance failed us",
    "putting out of our minds the wrongs others had done",
    "self-will run riot",
    "bondage of self",
    # prayers, promises and well-known lines
    "grant me the serenity",
    "the courage to change the things i can",
    "a new freedom and a new happiness",
    "we will not regret the past",
    "half measures availed us nothing",
    "rarely have we seen a person fail",
    "spiritual progress rather than spiritual perfection",
    "easy does it",
    "three pertinent ideas",
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
    for phrase in LITERATURE_PHRASES + PASSAGE_PHRASES:
        assert phrase not in text, phrase


def test_the_phrases_are_matched_as_the_shipped_text_is_read():
    """A check that cannot pass by accident: the shipped text is lower-cased and its
    whitespace joined, so a phrase broken over two lines in a file is still found."""
    assert all(phrase == " ".join(phrase.lower().split()) for phrase in PASSAGE_PHRASES)
    assert "take what you can use and leave the rest" in _shipped_text()


def test_the_nightly_review_and_the_morning_are_in_our_own_words():
    for n in (10, 11):
        questions = " ".join(q.text.lower() for q in load_step(n, settings.load()).questions)
        for phrase in PASSAGE_PHRASES:
            assert phrase not in questions, (n, phrase)


def test_the_nightly_review_follows_the_persons_own_day():
    questions = load_step(10, settings.load()).questions
    sections = list(dict.fromkeys(q.section for q in questions))
    assert sections == ["Your day", "The people in it", "Tomorrow"]
    assert "remember" in questions[0].text  # it opens with what went well, not with a fault
