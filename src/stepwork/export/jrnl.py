"""Reading a jrnl JSON export (`jrnl --format json`) as journal notes.

jrnl writes {"tags": {...}, "entries": [{"title", "body", "date": "YYYY-MM-DD",
"time": "HH:MM", "tags": [...], "starred": bool}, ...]}. Each entry becomes a note whose uid is
derived from its content, so importing the same export twice changes nothing.
"""

import hashlib
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from stepwork import messages
from stepwork.errors import UserError

STAMP = "%Y-%m-%d %H:%M:%S.%f"


def _bad(path: Path, where: str, detail: str) -> UserError:
    return UserError(messages.import_bad_file(path, f"{where}: {detail}"))


def to_tables(document: dict[str, Any], path: Path) -> dict[str, list[dict[str, Any]]]:
    entries = document.get("entries")
    if not isinstance(entries, list):
        raise UserError(messages.import_not_jrnl(path))
    notes = []
    for index, entry in enumerate(entries):
        where = f"entries[{index}]"
        if not isinstance(entry, dict):
            raise _bad(path, where, "should be an object")
        title, body = entry.get("title", ""), entry.get("body", "")
        if not isinstance(title, str) or not isinstance(body, str):
            raise _bad(path, where, "title and body should be text")
        try:
            day = date.fromisoformat(entry["date"])
            at = time.fromisoformat(entry.get("time") or "00:00")
        except (KeyError, TypeError, ValueError):
            raise _bad(path, where, "date should be YYYY-MM-DD and time HH:MM") from None
        tags = entry.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise _bad(path, where, "tags should be a list of text")
        starred = entry.get("starred", False)
        if not isinstance(starred, bool):
            raise _bad(path, where, "starred should be true or false")
        written = datetime.combine(day, at).astimezone(UTC).strftime(STAMP)
        digest = hashlib.sha256(f"{day} {at}\n{title}\n{body}".encode()).hexdigest()[:32]
        notes.append(
            {
                "uid": f"jrnl-{digest}",
                "local_date": day.isoformat(),
                "written_at": written,
                "title": title.strip(),
                "body": body.strip(),
                "tags": ",".join(t.strip() for t in tags if t.strip() and "," not in t),
                "starred": starred,
                "created_at": written,
                "updated_at": written,
            }
        )
    return {"note": notes}
