"""Finding records by their words: FTS5 with stemming, ranked, or LIKE where FTS5 is missing."""

import re
import secrets
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from stepwork.kinds import KINDS, Entry, Filters
from stepwork.store import search_index

# Marks around matched words in a snippet. Text may hold any character (\x02 and \x03 too), so
# the marks carry a token drawn afresh in each process, which no text can be written to match.
_TOKEN = secrets.token_hex(8)
MARK_START, MARK_END = f"\x02{_TOKEN}[", f"]{_TOKEN}\x03"
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    entry: Entry
    snippet: str
    """Text around the match; matched words sit between MARK_START and MARK_END."""


def words(query: str) -> list[str]:
    return WORD.findall(query)


def terms(query: str) -> list[list[str]]:
    """What must all match: each word on its own, and each "quoted phrase" as a whole."""
    found: list[list[str]] = []
    for index, piece in enumerate(query.split('"')):
        inside = index % 2 == 1
        if inside and words(piece):
            found.append(words(piece))
        else:
            found.extend([word] for word in words(piece))
    return found


def query_of(arguments: list[str]) -> str:
    """The command line's words as one query: an argument of several words (quoted in the
    shell) is a phrase."""
    parts = []
    for argument in arguments:
        if '"' not in argument and len(words(argument)) > 1:
            argument = f'"{argument}"'
        parts.append(argument)
    return " ".join(parts)


def _fts_query(query: str) -> str:
    # Only words reach FTS5, each in quotes: punctuation can never be read as its syntax.
    return " ".join('"' + " ".join(term) + '"' for term in terms(query))


def _owner(conn: sqlite3.Connection, source: str, row_id: int) -> tuple[str, int] | None:
    """Which record a piece of indexed text belongs to: (kind name, record id)."""
    if source == "answer":
        row = conn.execute(
            "SELECT a.session_id, i.id AS item FROM answer a "
            "LEFT JOIN inventory_item i ON i.session_id = a.session_id WHERE a.id = ?",
            (row_id,),
        ).fetchone()
        if row is None:
            return None
        if row["item"] is not None:
            return "inventory", row["item"]
        for name in ("step", "review", "morning", "plan"):
            if KINDS[name].owns(conn, row["session_id"]):  # type: ignore[attr-defined]
                return name, row["session_id"]
        return None
    if source == "daily_entry":
        row = conn.execute(
            "SELECT checkin_id, kind FROM daily_entry WHERE id = ?", (row_id,)
        ).fetchone()
        if row is None:
            return None
        if row["checkin_id"] is not None:
            return "checkin", row["checkin_id"]
        return ("gratitude", row_id) if row["kind"] == "gratitude" else None
    kind = {"checkin": "checkin", "service": "service", "amends": "amends", "note": "note"}
    return kind[source], row_id


def _candidates(conn: sqlite3.Connection, query: str) -> Iterator[tuple[str, int, str]]:
    """(source table, row id, snippet), best match first."""
    if search_index.present(conn):
        rows = conn.execute(
            f"SELECT rowid, snippet({search_index.TABLE}, 0, ?, ?, '…', 12) AS snip "
            f"FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH ? ORDER BY rank",
            (MARK_START, MARK_END, _fts_query(query)),
        )
        for row in rows:
            source, row_id = search_index.split_rowid(row["rowid"])
            yield source.table, row_id, row["snip"]
        return
    yield from _like_candidates(conn, query)


def _like_candidates(conn: sqlite3.Connection, query: str) -> Iterator[tuple[str, int, str]]:
    wanted = [" ".join(term).lower() for term in terms(query)]
    for source in search_index.SOURCES:
        text_sql = source.text_sql.format(row=source.table)
        rows = conn.execute(
            f"SELECT id, {text_sql} AS body FROM {source.table} WHERE {text_sql} LIKE ?",
            (f"%{wanted[0]}%",),
        )
        for row in rows:
            body = row["body"] or ""
            flat = " ".join(words(body.lower()))
            if all(w in flat for w in wanted):
                yield source.table, row["id"], _plain_snippet(body, wanted[0])


def _plain_snippet(body: str, word: str) -> str:
    at = body.lower().find(word)
    start = max(0, at - 40)
    piece = body[start : at + len(word) + 40]
    offset = at - start
    marked = (
        piece[:offset]
        + MARK_START
        + piece[offset : offset + len(word)]
        + MARK_END
        + piece[offset + len(word) :]
    )
    return ("…" if start else "") + " ".join(marked.split())


def _owners(conn: sqlite3.Connection, query: str) -> Iterator[tuple[tuple[str, int], str]]:
    """Each record with text matching `query` (best first, once), with a snippet."""
    seen: set[tuple[str, int]] = set()
    for source, row_id, snippet in _candidates(conn, query):
        owner = _owner(conn, source, row_id)
        if owner is not None and owner not in seen:
            seen.add(owner)
            yield owner, snippet


def _spread(conn: sqlite3.Connection, query: str) -> Iterator[tuple[tuple[str, int], str]]:
    """Records where every term matches, though in different parts of the record (an inventory
    item's "who" and its "cause"): found term by term."""
    found = [dict(_owners(conn, '"' + " ".join(term) + '"')) for term in terms(query)]
    for owner, snippet in found[0].items():
        if all(owner in other for other in found[1:]):
            yield owner, snippet


def search(conn: sqlite3.Connection, query: str, f: Filters, limit: int) -> list[Hit]:
    if not words(query):
        return []
    hits: list[Hit] = []
    seen: set[tuple[str, int]] = set()

    def take(found: Iterator[tuple[tuple[str, int], str]]) -> None:
        for owner, snippet in found:
            if len(hits) >= limit:
                return
            if owner in seen:
                continue
            seen.add(owner)
            kind_name, record_id = owner
            record = KINDS[kind_name].record(conn, record_id)
            if record is None:
                continue
            entry = record.entry
            if not f.wants(entry.kind, entry.step):
                continue
            if (f.since and entry.day < f.since) or (f.until and entry.day > f.until):
                continue
            hits.append(Hit(entry, " ".join(snippet.split())))

    # Records where all the words meet in one text come first; then the others.
    take(_owners(conn, query))
    if len(hits) < limit and len(terms(query)) > 1:
        take(_spread(conn, query))
    return hits
