"""Reading jrnl's own plain-text journal file into the shape of jrnl's JSON export.

A jrnl journal is a text file of entries, each opened by its time in brackets at the start of
a line, `[2024-03-01 19:30] Title` (in jrnl's configured `timeformat`; `%Y-%m-%d %H:%M` and
jrnl 4's `%F %r` are recognised without being told). As jrnl reads it: an entry's text runs
from its opening to the line break before the next one, and its title is that text's first
line; only a text with no line break at all (the next entry on the very next line, or the last
entry without a final newline) is cut at its first sentence end instead. A `*` ending the first
line stars the entry (and is taken off, with any `*` opening the line); tags are words starting
with `@` or `#` anywhere in the entry, lowercased. A file jrnl wrote puts every title on a line
of its own, so a first line that reads like two sentences is still one title. The result,
{"tags": {...}, "entries": [{"title", "body", "date", "time", "tags", "starred"}]}, goes the same
way as a JSON export from there (`jrnl.to_tables`).
"""

import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from stepwork.errors import UserError
from stepwork.messages import transfer as transfer_messages

KNOWN_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %I:%M:%S %p",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %I:%M %p",
)
# strftime shorthands jrnl's configuration may use that strptime does not read.
_SHORTHANDS = {"%F": "%Y-%m-%d", "%r": "%I:%M:%S %p", "%T": "%H:%M:%S", "%R": "%H:%M"}
_OPENING = re.compile(r"(?:^|\n)\[([^\]\n]+)\] ")
_TAG = re.compile(r"(?<!\S)([@#][-+*#/\w]+)")
_SENTENCE_END = re.compile(
    "([.!?\u2026\u203c\u203d\u2047\u2048\u2049\u22ef\ufe52\ufe57]['\u2019\"\u201d]?[\\])]*\\s+)"
    "|[\uff01\uff0e\uff1f\uff61\u3002]"
)
# jrnl's encrypted journals: Fernet tokens (jrnl 2 and later) begin with this, base64 of 0x80.
_FERNET = "gAAAAA"


def strptime_format(timeformat: str) -> str:
    for short, full in _SHORTHANDS.items():
        timeformat = timeformat.replace(short, full)
    return timeformat


def looks_like_json(text: str) -> bool:
    # jrnl's JSON export is an object; a journal's first entry starts with "[".
    return text.lstrip("\ufeff \t\r\n").startswith("{")


def refuse_if_encrypted(raw: bytes, path: Path) -> str:
    """The file's text, or one line saying it is an encrypted jrnl journal and what to do."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(transfer_messages.jrnl_encrypted(path)) from None
    if text.strip().startswith(_FERNET) and " " not in text.strip():
        raise UserError(transfer_messages.jrnl_encrypted(path))
    return text


def _when(blob: str, formats: tuple[str, ...]) -> datetime | None:
    for form in formats:
        try:
            return datetime.strptime(blob.strip(), form)
        except ValueError:
            continue
    return None


def split_title(text: str) -> tuple[str, str]:
    """The title and the body of an entry's text, as jrnl splits them: at the first line
    break, or, where there is none, after the first sentence."""
    text = text.lstrip()
    newline = text.find("\n")
    if newline >= 0:
        return text[:newline].strip(), text[newline + 1 :].strip()
    sentence = _SENTENCE_END.search(text)
    if sentence is None:
        return text.strip(), ""
    return text[: sentence.end()].strip(), text[sentence.end() :].strip()


def _entry(when: datetime, text: str) -> dict[str, Any]:
    """One entry from its text as it stands in the file (with the line break ending it)."""
    lines = text.splitlines()
    starred = bool(lines) and lines[0].strip().endswith("*")
    titled = text
    if starred:  # the first line, unstarred, always ends at a line break
        titled = lines[0].strip("\n *") + "\n" + "\n".join(lines[1:])
    title, body = split_title(titled)
    tags = sorted({tag.lower() for tag in _TAG.findall(text)})
    return {
        "title": title,
        "body": body,
        "date": when.strftime("%Y-%m-%d"),
        "time": when.strftime("%H:%M"),
        "tags": tags,
        "starred": starred,
    }


def parse(text: str, path: Path, timeformat: str | None = None) -> dict[str, Any]:
    """A jrnl plain-text journal as jrnl's JSON export would hold it."""
    formats = (strptime_format(timeformat),) if timeformat else KNOWN_FORMATS
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    openings = [
        (match, when)
        for match in _OPENING.finditer(text)
        if (when := _when(match.group(1), formats)) is not None
    ]
    if not openings:
        raise UserError(transfer_messages.jrnl_no_entries(path))
    if text[: openings[0][0].start()].strip():
        raise UserError(transfer_messages.jrnl_text_before_first_entry(path))
    entries = []
    for index, (match, when) in enumerate(openings):
        end = openings[index + 1][0].start() if index + 1 < len(openings) else len(text)
        entries.append(_entry(when, text[match.end() : end]))
    counts = Counter(tag for entry in entries for tag in entry["tags"])
    return {"tags": dict(counts), "entries": entries}


def looks_like_journal(path: Path) -> bool:
    """Whether a file begins like a jrnl journal (for a hint when `--from jrnl` is missing)."""
    from stepwork import inputs

    try:
        head = inputs.read_head(path, 200).decode("utf-8", errors="replace")
    except OSError:
        return False
    opening = _OPENING.match(head.lstrip("\ufeff"))
    return opening is not None and _when(opening.group(1), KNOWN_FORMATS) is not None


def read(path: Path, timeformat: str | None = None) -> dict[str, Any]:
    """What `stepwork import FILE --from jrnl` reads: jrnl's JSON export or its journal file,
    told apart by their content."""
    from stepwork import inputs

    try:
        raw = inputs.read_file(path, inputs.IMPORT_LIMIT)
    except OSError as exc:
        raise UserError(
            transfer_messages.import_unreadable(path, exc.strerror or str(exc))
        ) from exc
    text = refuse_if_encrypted(raw, path)
    if looks_like_json(text):
        from stepwork.export import jsonfile

        return jsonfile.parse_document(raw, path)
    return parse(text, path, timeformat)
