"""At 60 columns the program word-wraps its own lines: a stop line, a prompt, a menu. No word
and no command is broken where the terminal would wrap a long line."""

import re

import pexpect
import pytest

from stepwork import settings
from stepwork.content.inventory import section
from stepwork.messages import inventory as inventory_messages

from .conftest import child_env, stepwork_command
from .pty_helpers import PROMPT, TIMEOUT

pytestmark = pytest.mark.slow

COLUMNS = 60
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def narrow(home, *args: str) -> pexpect.spawn:
    command, *rest = stepwork_command()
    return pexpect.spawn(
        command,
        [*rest, *args],
        env={**child_env(home), "COLUMNS": str(COLUMNS)},
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, COLUMNS),
    )


def lines_of(text: str) -> list[str]:
    return [ANSI.sub("", line) for line in text.replace("\r", "").split("\n")]


def test_the_stop_line_is_word_wrapped_and_keeps_the_command_whole(home):
    child = narrow(home, "step", "1")
    child.expect_exact(PROMPT)
    child.sendline("a first line")
    child.expect_exact("a first line")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    shown = lines_of(child.before)
    assert all(len(line) <= COLUMNS for line in shown), shown
    assert any(line.endswith("stepwork step 1") for line in shown), shown


def test_step_4s_menu_hangs_its_indent_and_its_prompt_wraps_by_words(home):
    child = narrow(home, "step", "4")
    child.expect_exact("to stop for now.")
    shown = lines_of(child.before + child.after)
    assert all(len(line) <= COLUMNS for line in shown), shown
    menu = shown[next(i for i, line in enumerate(shown) if line.startswith("  1 ")) :]
    # Every line of an entry that wraps starts under its words, past the number.
    continued = [line for line in menu[:8] if line and not re.match(r"  \d ", line)]
    assert continued and all(line.startswith("    ") for line in continued), menu
    prompt_words = inventory_messages.SECTION_PROMPT.split()
    assert " ".join(" ".join(shown[-2:]).split()) == " ".join(prompt_words)
    child.sendline("1")
    child.expect_exact(PROMPT)
    child.sendline("a landlord")
    child.sendline("")
    for _ in range(2):  # what they did; then the choices
        child.expect_exact(PROMPT)
        child.sendline("")
    child.expect_exact(PROMPT)
    shown = lines_of(child.before)
    questions = section("resentment", settings.load()).questions
    options = next(q for q in questions if q.key == "affects").choices
    for number, option in enumerate(options, start=1):
        assert any(f"{number} {option}" in line for line in shown), (option, shown)
    child.sendline("/pause")
    child.expect(pexpect.EOF)


@pytest.mark.parametrize("args", [("--help",), ("--debug", "--help"), ("-h",)])
def test_the_root_help_fits_a_narrow_terminal(home, args):
    child = narrow(home, *args)
    child.expect(pexpect.EOF)
    shown = lines_of(child.before)
    assert all(len(line) < COLUMNS for line in shown), [
        line for line in shown if len(line) >= COLUMNS
    ]
    text = " ".join(" ".join(shown).split())
    # The same help as the ready-made one, only wrapped narrower.
    from stepwork.cli import roothelp

    assert text == " ".join(roothelp.text().split())
