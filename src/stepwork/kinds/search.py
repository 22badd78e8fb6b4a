"""Search results as the log shows them: the store finds the records (`store/search.py`), each
kind says how its record reads, and the filters pick."""

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from stepwork.kinds import KINDS, Entry, Filters
from stepwork.store.search import Owner, owners, spread, terms, words


@dataclass(frozen=True)
class Hit:
    entry: Entry
    snippet: str
    """Text around the match; matched words sit between MARK_START and MARK_END."""


def search(conn: sqlite3.Connection, query: str, f: Filters, limit: int) -> list[Hit]:
    if not words(query):
        return []
    hits: list[Hit] = []
    seen: set[Owner] = set()

    def take(found: Iterator[tuple[Owner, str]]) -> None:
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
    take(owners(conn, query))
    if len(hits) < limit and len(terms(query)) > 1:
        take(spread(conn, query))
    return hits
