"""Run stepwork, killed at a named point of a sync (see stepwork.sync.run.checkpoint).

    python sync_crash.py STAGE ARGS...

The process ends there with SIGKILL, as a power cut would (with SYNC_CRASH_SIGNAL=INT, it is
sent SIGINT there instead, as Ctrl-C would).
"""

import os
import signal
import sys

from stepwork.cli import main
from stepwork.sync import run

stage, *args = sys.argv[1:]


def checkpoint(name: str) -> None:
    if name == stage:
        os.kill(os.getpid(), getattr(signal, "SIG" + os.environ.get("SYNC_CRASH_SIGNAL", "KILL")))


run.checkpoint = checkpoint
sys.argv = ["stepwork", *args]
main()
