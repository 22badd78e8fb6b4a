"""A drill helper: write check-ins through stepwork's own store, one transaction each.

python writer.py COUNT TAG [START_FILE]: waits until START_FILE exists (so two writers start
together), then prints "committed <uid>" after each commit.
"""

import sys
import time
from datetime import date
from pathlib import Path

from stepwork.store import daily


def main() -> None:
    count, tag = int(sys.argv[1]), sys.argv[2]
    start = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    while start is not None and not start.exists():
        time.sleep(0.005)
    for n in range(count):
        checkin_id = daily.add_checkin(
            daily.NewCheckin(local_date=date(2026, 11, 27), mood=5, note=f"{tag}-{n}")
        )
        print(f"committed {tag}-{n} {checkin_id}", flush=True)


if __name__ == "__main__":
    main()
