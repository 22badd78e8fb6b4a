"""Turn Ctrl-C, a closed terminal (SIGHUP) and SIGTERM into one catchable KeyboardInterrupt.

Without a SIGHUP handler, closing the window kills the process without running any cleanup.
While an answer is being written, the interrupt waits until the write has finished, so a save
is never cut in half.
"""

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_STOP_SIGNALS = (signal.SIGINT, signal.SIGHUP, signal.SIGTERM)
_state = {"protected": 0, "pending": False, "ignore_sigint": False}


def _handler(signum: int, frame: FrameType | None) -> None:
    if signum == signal.SIGINT and _state["ignore_sigint"]:
        return
    if _state["protected"]:
        _state["pending"] = True
        return
    raise KeyboardInterrupt


@contextmanager
def catching() -> Iterator[None]:
    """While inside, any of the stop signals raises KeyboardInterrupt."""
    previous = {sig: signal.signal(sig, _handler) for sig in _STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        _state.update(protected=0, pending=False, ignore_sigint=False)


@contextmanager
def protected(ignore_sigint: bool = False) -> Iterator[None]:
    """Hold off interrupts until the block is done; then act on one that came meanwhile.

    With `ignore_sigint`, Ctrl-C is left to a child program (an editor uses it for itself).
    """
    _state["protected"] += 1
    was_ignoring = _state["ignore_sigint"]
    _state["ignore_sigint"] = ignore_sigint or was_ignoring
    try:
        yield
    finally:
        _state["protected"] -= 1
        _state["ignore_sigint"] = was_ignoring
    if not _state["protected"] and _state["pending"]:
        _state["pending"] = False
        raise KeyboardInterrupt
