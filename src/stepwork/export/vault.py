"""One markdown file per record, with YAML front matter, in folders by kind (for Obsidian)."""

import json
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from stepwork.export.markdown import block_lines, inline
from stepwork.home import PRIVATE_FILE_MODE, ensure_private_dir
from stepwork.kinds import KINDS, Filters, Record


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


def write(conn: sqlite3.Connection, folder: Path, f: Filters, tick: Callable[[], None]) -> int:
    ensure_private_dir(folder)
    written = 0
    for name, kind in KINDS.items():
        if f.kinds and name not in f.kinds:
            continue
        for record_id in kind.ids(conn, f):
            record = kind.record(conn, record_id)
            if record is None:
                continue
            sub = folder / name
            ensure_private_dir(sub)
            entry = record.entry
            path = sub / f"{entry.day.isoformat()}-{entry.label}-{_slug(entry.title)}.md"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(document(record))
            written += 1
            tick()
    return written
