"""One markdown file per record, with YAML front matter, in folders by kind (for Obsidian)."""

import json
import re
import sqlite3
from collections.abc import Callable

from stepwork.export.markdown import block_lines, inline
from stepwork.kinds import KINDS, Filters, Record
from stepwork.outputs import Folder


def _slug(text: str) -> str:
    slug = re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-")
    return slug[:40] or "entry"


def yaml_value(value: object) -> str:
    """Any text (or list of texts) as YAML: JSON with every character outside printable ASCII
    escaped is a valid YAML double-quoted scalar, whatever the text holds (controls, DEL, C1,
    U+FFFE)."""
    return json.dumps(value, ensure_ascii=True).replace("\x7f", "\\u007f")


def document(record: Record) -> str:
    entry = record.entry
    lines = [
        "---",
        f"id: {entry.label}",
        f"kind: {entry.kind}",
        f"step: {entry.step if entry.step is not None else 'null'}",
        f"date: {entry.day.isoformat()}",
        f"title: {yaml_value(entry.title)}",
        f"tags: {yaml_value(record.tags)}",
        "---",
        "",
        f"# {inline(entry.title)}",
        "",
    ]
    for heading, text in record.parts:
        lines += [f"## {inline(heading)}", "", *block_lines(text), ""]
    return "\n".join(lines)


def write(conn: sqlite3.Connection, folder: Folder, f: Filters, tick: Callable[[], None]) -> int:
    written = 0
    for name, kind in KINDS.items():
        if f.kinds and name not in f.kinds:
            continue
        for record_id in kind.ids(conn, f):
            record = kind.record(conn, record_id)
            if record is None:
                continue
            entry = record.entry
            file_name = f"{entry.day.isoformat()}-{entry.label}-{_slug(entry.title)}.md"
            if folder.write(name, file_name, document(record)):
                written += 1
            tick()
    return written
