"""Reading a jrnl JSON export (`jrnl --format json`) as journal notes.

jrnl writes {"tags": {...}, "entries": [{"title", "body", "date": "YYYY-MM-DD",
"time": "HH:MM", "tags": [...], "starred": bool}, ...]}. Each entry becomes a note keyed by its
date, its time and its place among entries at that same minute (jrnl keeps them in order), not
by its text: so importing the same export twice changes nothing, identical entries are all
kept, and an entry edited in jrnl updates the note imported before instead of adding another.
"""

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from stepwork.errors import UserError
from stepwork.export.jsonfile import DAY_FORM, DAY_SLACK, LATEST_YEAR, latest_now, stamp
from stepwork.messages import transfer as transfer_messages
from stepwork.store.values import now_stamp


@dataclass(frozen=True)
class JrnlNote:
    uid: str
    legacy_uid: str
    """The uid stepwork gave the same entry before 0.2 (a hash of its text)."""
    label: str
    """How the person's own file names it: date, time and title."""
    row: dict[str, Any]


def _bad(path: Path, where: str, detail: str) -> UserError:
    return UserError(transfer_messages.import_bad_file(path, f"{where}: {detail}"))


def _describe(entry: dict[str, Any], number: int) -> str:
    when = " ".join(str(entry.get(k) or "")[:20] for k in ("date", "time")).strip()
    title = entry.get("title")
    if isinstance(title, str) and title.strip():
        shown = title.strip()[:40]
        return f"the entry of {when or 'no date'} {shown!r}"
    return f"the entry of {when}" if when else f"entry number {number}"


def read(document: Any, path: Path) -> list[JrnlNote]:
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise UserError(transfer_messages.import_not_jrnl(path))
    notes = []
    seen_at: dict[str, int] = {}
    now = now_stamp()
    latest_day = (latest_now() + DAY_SLACK).date()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise _bad(path, f"entry number {number}", "should be an object")
        where = _describe(entry, number)
        title, body = entry.get("title", ""), entry.get("body", "")
        if not isinstance(title, str) or not isinstance(body, str):
            raise _bad(path, where, "title and body should be text")
        try:
            if not DAY_FORM.fullmatch(entry["date"]):
                raise ValueError
            day = date.fromisoformat(entry["date"])
            at = time.fromisoformat(entry.get("time") or "00:00")
        except (KeyError, TypeError, ValueError):
            raise _bad(path, where, "date should be YYYY-MM-DD and time HH:MM") from None
        if day.year > LATEST_YEAR or day > latest_day:
            raise _bad(path, where, "its date is in the future")
        try:
            # jrnl writes local times; this machine's zone turns them into UTC.
            written = stamp(datetime.combine(day, at).astimezone(UTC))
        except (OverflowError, ValueError):
            raise _bad(path, where, "its date is too far from today to place in time") from None
        tags = entry.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise _bad(path, where, "tags should be a list of text")
        starred = entry.get("starred", False)
        if not isinstance(starred, bool):
            raise _bad(path, where, "starred should be true or false")
        minute = f"{day} {at}"
        seen_at[minute] = order = seen_at.get(minute, 0) + 1
        uid = "jrnl-" + hashlib.sha256(f"{minute} #{order}".encode()).hexdigest()[:32]
        legacy = hashlib.sha256(f"{day} {at}\n{title}\n{body}".encode()).hexdigest()[:32]
        notes.append(
            JrnlNote(
                uid=uid,
                legacy_uid=f"jrnl-{legacy}",
                label=where,
                row={
                    "uid": uid,
                    "local_date": day.isoformat(),
                    "written_at": written,
                    "title": title.strip(),
                    "body": body.strip(),
                    "tags": ",".join(t.strip() for t in tags if t.strip() and "," not in t),
                    "starred": starred,
                    "created_at": written,
                    # The file is the newer word on its entries: an edit made in jrnl wins (an
                    # unchanged entry is left as it is).
                    "updated_at": now,
                },
            )
        )
    return notes


def adopt_earlier_imports(conn: sqlite3.Connection, legacy: dict[str, str]) -> None:
    """Notes imported before entries were keyed by date and time take their new uid (and a
    deleted one stays deleted), so importing the same jrnl file again adds nothing."""
    from stepwork.store import uid_rows

    for uid, old in legacy.items():
        uid_rows.move_note_uid(conn, uid, old)
