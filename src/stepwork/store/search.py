"""Finding records by their words: FTS5 with stemming, ranked, or LIKE where FTS5 is missing.

This gives (kind name, record id) and a snippet, best first; `kinds/search.py` turns them into
what the log shows."""

import re
import secrets
import sqlite3
from collections.abc import Iterator

from stepwork.store import search_index

# Marks around matched words in a snippet. Text may hold any character (\x02 and \x03 too), so
# the marks carry a token drawn afresh in each process, which no text can be written to match.
_TOKEN = secrets.token_hex(8)
MARK_START, MARK_END = f"\x02{_TOKEN}[", f"]{_TOKEN}\x03"
WORD = re.compile(r"\w+", re.UNICODE)


Owner = tuple[str, int]
"""The record a piece of text belongs to: (kind name, record id)."""


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


def session_kind(flow: str) -> str | None:
    """The kind of record a guided session is, by its flow (an inventory item aside)."""
    if flow.startswith("step-"):
        return "step"
    return flow if flow in ("review", "morning", "plan") else None


def _owner(conn: sqlite3.Connection, source: str, row_id: int) -> Owner | None:
    """Which record a piece of indexed text belongs to: (kind name, record id)."""
    if source == "answer":
        row = conn.execute(
            "SELECT a.session_id, s.flow, i.id AS item FROM answer a "
            "JOIN guided_session s ON s.id = a.session_id "
            "LEFT JOIN inventory_item i ON i.session_id = a.session_id WHERE a.id = ?",
            (row_id,),
        ).fetchone()
        if row is None:
            return None
        if row["item"] is not None:
            return "inventory", row["item"]
        kind = session_kind(row["flow"])
        return None if kind is None else (kind, row["session_id"])
    if source == "daily_entry":
        row = conn.execute(
            "SELECT checkin_id, kind FROM daily_entry WHERE id = ?", (row_id,)
        ).fetchone()
        if row is None:
            return None
        if row["checkin_id"] is not None:
            return "checkin", row["checkin_id"]
        return ("gratitude", row_id) if row["kind"] == "gratitude" else None
    kinds = {"checkin": "checkin", "service": "service", "amends": "amends", "note": "note"}
    return kinds[source], row_id


RANKED_AT_MOST = 10_000
"""Beyond this many matching texts, the words are in so much of the journal that ranking says
little (bm25 weighs a word by how rare it is), while scoring every match costs time that grows
with the journal. Such a search shows the newest matches first instead."""


def _too_common_to_rank(conn: sqlite3.Connection, fts_query: str) -> bool:
    table = search_index.TABLE
    found = conn.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)",
        (fts_query, RANKED_AT_MOST + 1),
    ).fetchone()[0]
    return int(found) > RANKED_AT_MOST


def _candidates(conn: sqlite3.Connection, query: str) -> Iterator[tuple[str, int, str]]:
    """(source table, row id, snippet), best match first (newest first for words found almost
    everywhere). FTS5 ranks the matches itself and cuts a snippet only for each row read, so
    stopping early skips the rest."""
    if not search_index.present(conn):
        yield from _like_candidates(conn, query)
        return
    table = search_index.TABLE
    fts_query = _fts_query(query)
    # A text's rowid grows with its row's id (search_index.py), so rowid order is newest first.
    order = "rowid DESC" if _too_common_to_rank(conn, fts_query) else "rank"
    rows = conn.execute(
        f"SELECT rowid, snippet({table}, 0, ?, ?, '…', 12) AS snip "
        f"FROM {table} WHERE {table} MATCH ? ORDER BY {order}",
        (MARK_START, MARK_END, fts_query),
    )
    for row in rows:
        source, row_id = search_index.split_rowid(row["rowid"])
        yield source.table, row_id, row["snip"]


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


def owners(conn: sqlite3.Connection, query: str) -> Iterator[tuple[Owner, str]]:
    """Each record with text matching `query` (best first, once), with a snippet."""
    seen: set[Owner] = set()
    for source, row_id, snippet in _candidates(conn, query):
        owner = _owner(conn, source, row_id)
        if owner is not None and owner not in seen:
            seen.add(owner)
            yield owner, snippet


def spread(conn: sqlite3.Connection, query: str) -> Iterator[tuple[Owner, str]]:
    """Records where every term matches, though in different parts of the record (an inventory
    item's "who" and its "cause"): found term by term."""
    found = [dict(owners(conn, '"' + " ".join(term) + '"')) for term in terms(query)]
    for owner, snippet in found[0].items():
        if all(owner in other for other in found[1:]):
            yield owner, snippet
