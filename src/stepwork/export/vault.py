"""A vault for Obsidian: one markdown file per record, kept in step with the journal.

File names come from each record's stable uid (plus a readable slug), so they are the same on
every device. A manifest in the vault folder lists the files stepwork wrote, with a digest of
each: a later export rewrites the ones that changed, removes the ones whose records were deleted
or renamed, and never touches a file that is not in it (the person's own notes) nor one whose
bytes no longer match its digest (a file the person changed). Records link to each other
with `[[wikilinks]]`: an amends entry to its inventory item, step work to its step's note, and
every dated record to its day's daily note (`YYYY-MM-DD.md`).
"""

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from stepwork.export.markdown import block_lines, inline
from stepwork.kinds import KINDS, Filters, Kind, Record
from stepwork.messages.transfer import LEFT_CHANGED, LEFT_NOT_A_FILE, LEFT_NOT_OURS
from stepwork.outputs import Folder
from stepwork.store import exports

MANIFEST = ".stepwork-vault.json"
MANIFEST_FORMAT = "stepwork-vault"
DAILY, STEPS, COUNTERS = "daily", "steps", "counters"
_SAFE_PART = re.compile(r"^[\w][\w.-]*$")


def front_matter_value(value: object) -> str:
    """One front-matter value as YAML. A JSON string (ASCII-escaped) is a valid YAML
    double-quoted scalar for any text, so every value goes through here."""
    return json.dumps(value, ensure_ascii=True).replace("\x7f", "\\u007f")


def slug(text: str) -> str:
    words = re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-_")
    return words[:40].rstrip("-_") or "entry"


def short_id(uid: str) -> str:
    """Ten hex digits standing for a record's uid: the same on every device."""
    return hashlib.sha256(uid.encode()).hexdigest()[:10]


_TAG_WORDS = {"+": "plus", "#": "sharp", "&": "and"}


def obsidian_tag(tag: str) -> str:
    """`tag` as Obsidian accepts it: letters, digits, `_`, `-` and `/` for nesting, no spaces,
    not only digits. `@c++` → `c-plus-plus`, `@os/2` → `os/2`."""
    text = tag.strip().lstrip("@#")
    for sign, word in _TAG_WORDS.items():
        text = text.replace(sign, f"-{word}-")
    text = re.sub(r"[^\w/-]+", "-", text, flags=re.UNICODE)
    parts = [re.sub(r"-{2,}", "-", p).strip("-") for p in text.split("/")]
    text = "/".join(p for p in parts if p)
    if not text:
        return "tag"
    if text.replace("/", "").replace("_", "").isdigit():
        text = f"tag-{text}"
    return text


def link(stem: str, label: str | None = None) -> str:
    shown = " ".join((label or "").replace("]", ")").replace("[", "(").replace("|", "/").split())
    return f"[[{stem}|{shown}]]" if shown and shown != stem else f"[[{stem}]]"


@dataclass
class Note:
    folder: str
    stem: str
    record: Record | None = None
    uid: str = ""
    links: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.stem}.md"


def _table_of(kind: Kind) -> str:
    table = getattr(kind, "table", "")
    if table:
        return table
    return "inventory_item" if kind.name == "inventory" else "guided_session"


def _uid(conn: sqlite3.Connection, kind: Kind, record_id: int) -> str:
    found = exports.uid_of(conn, _table_of(kind), record_id)
    return found if found is not None else f"{kind.prefix}{record_id}"


# Titles that say only what kind a record is: its first words make a better name.
GENERIC_TITLES = {
    "Gratitude",
    "Check-in",
    "Service",
    "Carrying the message",
    "Nightly review",
    "Morning",
    "Coping plan",
    "Note",
}


def _title_for_name(record: Record) -> str:
    entry = record.entry
    if entry.title in GENERIC_TITLES and entry.summary:
        return f"{entry.title} {entry.summary}"
    # A status in brackets ("Amends: Sam (planned)") changes; the name should not.
    return re.sub(r"\s*\([^()]*\)\s*$", "", entry.title)


def stem_of(record: Record, uid: str) -> str:
    entry = record.entry
    return f"{entry.day.isoformat()}-{slug(_title_for_name(record))}-{short_id(uid)}"


def step_stem(step: int) -> str:
    return f"step-{step:02d}"


class Plan:
    """Every note an export writes, by vault-relative path, built before anything is written."""

    def __init__(self, conn: sqlite3.Connection, with_people: bool = False) -> None:
        self.conn = conn
        self.with_people = with_people
        self.notes: dict[str, Note] = {}
        self.days: dict[date, list[Note]] = {}
        self.steps: dict[int, list[Note]] = {}
        self._stems: dict[tuple[str, int], str] = {}

    def stem(self, kind: Kind, record_id: int) -> str | None:
        key = (kind.name, record_id)
        if key not in self._stems:
            record = kind.record(self.conn, record_id)
            if record is None:
                return None
            self._stems[key] = stem_of(record, _uid(self.conn, kind, record_id))
        return self._stems[key]

    def add_record(self, kind: Kind, record_id: int) -> None:
        record = kind.record(self.conn, record_id)
        if record is None:
            return
        if not self.with_people:
            record = record.without_private()
        uid = _uid(self.conn, kind, record_id)
        note = Note(kind.name, stem_of(record, uid), record, uid)
        self._stems[(kind.name, record_id)] = note.stem
        entry = record.entry
        note.links.append(f"Day: {link(entry.day.isoformat())}")
        self.days.setdefault(entry.day, []).append(note)
        if entry.step is not None and kind.name in ("step", "inventory"):
            note.links.append(f"Step: {link(step_stem(entry.step), f'Step {entry.step}')}")
            self.steps.setdefault(entry.step, []).append(note)
        if kind.name == "amends":
            item_id = exports.amends_item(self.conn, record_id)
            item = self.stem(KINDS["inventory"], item_id) if item_id else None
            if item is not None:
                note.links.append(f"Inventory item: {link(item)}")
        self.notes[note.path] = note


def _record_document(note: Note) -> str:
    assert note.record is not None
    record, entry = note.record, note.record.entry
    tags = [obsidian_tag(t) for t in record.tags]
    lines = [
        "---",
        f"id: {front_matter_value(entry.label)}",
        f"uid: {front_matter_value(note.uid)}",
        f"kind: {front_matter_value(entry.kind)}",
        f"step: {front_matter_value(entry.step)}",
        f"date: {entry.day.isoformat()}",
        f"title: {front_matter_value(record.title)}",
        f"tags: {front_matter_value(list(dict.fromkeys(tags)))}",
    ]
    if tags != record.tags:
        lines.append(f"stepwork_tags: {front_matter_value(record.tags)}")
    lines += ["---", "", f"# {inline(record.title)}", ""]
    lines += [" · ".join(note.links), ""]
    for heading, text in record.parts:
        lines += [f"## {inline(heading)}", "", *block_lines(text), ""]
    return "\n".join(lines)


def _index_document(title: str, kind: str, notes: list[Note], intro: str = "") -> str:
    lines = ["---", f"kind: {front_matter_value(kind)}", f"title: {front_matter_value(title)}"]
    lines += ["---", "", f"# {inline(title)}", ""]
    if intro:
        lines += [intro, ""]
    for note in notes:
        assert note.record is not None
        lines.append(f"- {link(note.stem, note.record.title)} ({note.record.entry.label})")
    lines.append("")
    return "\n".join(lines)


def _counter_documents(conn: sqlite3.Connection, today: date) -> Iterator[tuple[str, str]]:
    from stepwork.domain import sobriety

    for counter in exports.counters(conn):
        started = date.fromisoformat(counter["started_on"])
        days = sobriety.span(started, today).days
        stem = f"{slug(counter['name'])}-{short_id(counter['uid'])}"
        lines = [
            "---",
            f"uid: {front_matter_value(counter['uid'])}",
            'kind: "counter"',
            f"name: {front_matter_value(counter['name'])}",
            f"started_on: {started.isoformat()}",
            f"days_on_export: {days}",
            'tags: ["counter"]',
            "---",
            "",
            f"# {inline(counter['name'])}",
            "",
            f"Since {started.isoformat()}: {days} days on {today.isoformat()}.",
            "",
        ]
        runs = exports.runs_of(conn, counter["id"])
        if runs:
            lines += ["## Earlier runs", ""]
            for run in runs:
                began, ended = date.fromisoformat(run["started_on"]), run["ended_on"]
                length = (date.fromisoformat(ended) - began).days
                note = f": {inline(run['note'])}" if run["note"].strip() else ""
                lines.append(f"- {began.isoformat()} to {ended} ({length} days){note}")
            lines.append("")
        yield f"{COUNTERS}/{stem}.md", "\n".join(lines)


def build(conn: sqlite3.Connection, f: Filters, tick: Callable[[], None]) -> dict[str, str]:
    """Every file of the vault for `f`: vault-relative path → text."""
    from stepwork.content import step_titles

    plan = Plan(conn, f.people)
    for name, kind in KINDS.items():
        if (f.kinds and name not in f.kinds) or (kind.private and not f.people):
            continue
        for record_id in kind.ids(conn, f):
            plan.add_record(kind, record_id)
            tick()
    files = {path: _record_document(note) for path, note in plan.notes.items()}
    for day, notes in sorted(plan.days.items()):
        files[f"{DAILY}/{day.isoformat()}.md"] = _index_document(day.isoformat(), "day", notes)
    titles = step_titles()
    for step, notes in sorted(plan.steps.items()):
        title = f"Step {step} · {titles[step]}"
        files[f"{STEPS}/{step_stem(step)}.md"] = _index_document(title, "step", notes)
    if not (f.kinds or f.step or f.since or f.until):
        from stepwork.parse.dates import today

        files.update(_counter_documents(conn, today()))
    return files


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _split(path: str) -> tuple[str, str] | None:
    """('kind', 'name.md') for a manifest path that names a file one folder deep."""
    parts = path.split("/")
    if len(parts) != 2 or not all(_SAFE_PART.match(p) for p in parts):
        return None
    return parts[0], parts[1]


def read_manifest(folder: Folder) -> dict[str, set[str]]:
    """The files stepwork wrote here (path → the digests it may have written: two while an
    export was under way, one after); empty when there is none or it cannot be read (then
    nothing is removed or rewritten)."""
    text = folder.read("", MANIFEST)
    if text is None:
        return {}
    try:
        document = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(document, dict) or document.get("format") != MANIFEST_FORMAT:
        return {}
    files, writing = document.get("files"), document.get("writing", {})
    if not isinstance(files, dict) or not isinstance(writing, dict):
        return {}
    listed: dict[str, set[str]] = {}
    for table in (files, writing):
        for path, digest in table.items():
            if isinstance(path, str) and isinstance(digest, str) and _split(path):
                listed.setdefault(path, set()).add(digest)
    return listed


def _write_manifest(
    folder: Folder, files: dict[str, set[str]], writing: dict[str, str] | None = None
) -> None:
    document: dict[str, object] = {
        "format": MANIFEST_FORMAT,
        "version": 1,
        "files": {path: min(files[path]) for path in sorted(files)},
    }
    if writing:
        document["writing"] = dict(sorted(writing.items()))
    folder.write("", MANIFEST, json.dumps(document, indent=1) + "\n")


CHANGED, NOT_OURS, NOT_A_FILE = LEFT_CHANGED, LEFT_NOT_OURS, LEFT_NOT_A_FILE


@dataclass
class Outcome:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    left_alone: dict[Path, str] = field(default_factory=dict)
    """What stepwork would have written or removed but left as it is, and why: `CHANGED` (a
    file stepwork wrote that the person has changed since), `NOT_OURS` (a file stepwork never
    wrote) or `NOT_A_FILE` (a link or anything else that is not a regular file)."""
    total: int = 0
    """stepwork's files in the vault now, as it wrote them."""


def write(
    conn: sqlite3.Connection, folder: Folder, f: Filters, tick: Callable[[], None]
) -> Outcome:
    files = build(conn, f, tick)
    before = read_manifest(folder)
    outcome = Outcome()
    wanted: dict[str, bytes] = {}
    # Files stepwork wrote that the person changed since: never rewritten or removed, and
    # kept in the manifest as stepwork wrote them, so a later export knows them as changed.
    held: dict[str, set[str]] = {}
    for path, text in files.items():
        sub, name = path.split("/")
        data = text.encode("utf-8")
        there = folder.read_bytes(sub, name)
        if there is None or there == data:
            wanted[path] = data
        elif path not in before:
            outcome.left_alone[folder.path / path] = NOT_OURS
        elif _digest(there) not in before[path]:
            outcome.left_alone[folder.path / path] = CHANGED
            held[path] = before[path]
        else:
            wanted[path] = data
    # Listed before writing, so a file written by an export that is then interrupted is
    # known as stepwork's (old or new) the next time.
    _write_manifest(folder, before, {p: _digest(d) for p, d in wanted.items()})
    done: dict[str, set[str]] = {}
    for path, data in wanted.items():
        sub, name = path.split("/")
        if folder.read_bytes(sub, name) == data:
            outcome.unchanged += 1
        elif folder.write(sub, name, data.decode("utf-8")):
            outcome.written += 1
        else:
            continue
        done[path] = {_digest(data)}
    whole = not (f.kinds or f.step or f.since or f.until)
    emptied: set[str] = set()
    for path, digests in before.items():
        if path in done or path in held:
            continue
        sub, name = _split(path) or ("", "")
        there = folder.read_bytes(sub, name)
        if there is None:
            continue
        if _digest(there) not in digests:
            held[path] = digests
            if whole:  # it would have been removed
                outcome.left_alone[folder.path / path] = CHANGED
        elif not whole or path in wanted:
            done[path] = digests
        elif folder.remove(sub, name):
            outcome.removed += 1
            emptied.add(sub)
    for sub in emptied - {p.split("/")[0] for p in done | held}:
        folder.remove_if_empty(sub)
    _write_manifest(folder, done | held)
    outcome.total = len(done)
    for left in folder.left_alone:
        outcome.left_alone.setdefault(left, NOT_A_FILE)
    return outcome
