"""Run stepwork, stopping it at a named point of a conversion (see stepwork.store.swap).

    python crash_at.py STAGE kill|pause ARGS...

`kill` ends the process there with SIGKILL, as a power cut would; `pause` writes a file named
`paused` beside the home and waits a few seconds there, holding whatever the process holds.
"""

import os
import signal
import sys
import time
from pathlib import Path

from stepwork.cli import main
from stepwork.store import swap

stage, action, *args = sys.argv[1:]


seen = 0


def checkpoint(name: str) -> None:
    """Stop at the CRASH_NTH time (default the first) this stage is reached."""
    global seen
    if name != stage:
        return
    seen += 1
    if seen != int(os.environ.get("CRASH_NTH", "1")):
        return
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    (Path(os.environ["STEPWORK_HOME"]).parent / "paused").touch()
    time.sleep(float(os.environ.get("CRASH_PAUSE", "3")))


swap.checkpoint = checkpoint
sys.argv = ["stepwork", *args]
main()
