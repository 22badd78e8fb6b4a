"""Text that arrives as bytes which are not UTF-8 (an argument, standard input, an edited file):
read with each bad byte as U+FFFD rather than refused or lost, so the rest is still saved, and
the person told once that something could not be read."""

import codecs
import contextlib
import sys

REPLACEMENT = "\ufffd"
ERRORS = "stepwork-replace"
_state = {"replaced": False}


def _replace(problem: UnicodeError) -> tuple[str, int]:
    if not isinstance(problem, UnicodeDecodeError):
        raise problem
    _state["replaced"] = True
    return REPLACEMENT, problem.end


codecs.register_error(ERRORS, _replace)


def decode(data: bytes) -> str:
    return data.decode("utf-8", ERRORS)


def argument(value: str) -> str:
    """A command-line argument: Python keeps bytes that are not UTF-8 as lone surrogates."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return decode(value.encode("utf-8", "surrogateescape"))
        except UnicodeEncodeError:
            _state["replaced"] = True
            return value.encode("utf-8", "replace").decode("utf-8")
    return value


def read_stdin_leniently() -> None:
    with contextlib.suppress(AttributeError, ValueError, OSError):
        sys.stdin.reconfigure(errors=ERRORS)  # type: ignore[union-attr]


def start_afresh() -> None:
    _state["replaced"] = False


def any_replaced() -> bool:
    return _state["replaced"]
