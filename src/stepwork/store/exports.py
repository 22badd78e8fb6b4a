"""The SQL behind the readable exports (markdown, the printable packet, the vault): each
section's rows in the order it writes them, read in one query where the section is big.

Conditions picking rows (`where`, a packet's `item_filter`) come from `kinds/` and
`export/markdown.py` as trusted text; anything a person typed is a parameter."""

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

Params = Sequence[object]


def _plain(conn: sqlite3.Connection, sql: str, params: Params = ()) -> Iterator[tuple[Any, ...]]:
    """Rows as plain tuples: the big sections are read this way because it is faster."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params)


def _leaving_out(column: str, keys: Sequence[str]) -> str:
    return f"AND {column} NOT IN ({', '.join(repr(k) for k in keys)}) " if keys else ""


def session_texts(
    conn: sqlite3.Connection, where: str, params: Params, leave_out: Sequence[str] = ()
) -> Iterator[tuple[Any, ...]]:
    """(session id, step, day, status, question, answer) for each written answer of the
    sessions `where` picks, oldest session first; a session with none gives one row of Nones.
    Answers to the questions `leave_out` names are left out."""
    return _plain(
        conn,
        "SELECT s.id, s.step, s.local_date, s.status, a.question_text, a.text "
        "FROM guided_session s LEFT JOIN answer a ON a.session_id = s.id "
        f"AND a.state != 'skipped' AND a.text != '' {_leaving_out('a.question_key', leave_out)}"
        f"{where} ORDER BY s.started_at, s.id, a.position, a.id",
        params,
    )


def section_items(
    conn: sqlite3.Connection, section: str, item_filter: str, params: Params
) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT i.id, i.for_therapist, i.for_sponsor FROM inventory_item i "
        f"WHERE i.section = ? {item_filter} ORDER BY i.id",
        (section, *params),
    ).fetchall()


def item_answers(conn: sqlite3.Connection, item_id: int) -> dict[str, str]:
    """An inventory item's answers by key, the skipped ones left out."""
    return {
        a["question_key"]: a["text"]
        for a in conn.execute(
            "SELECT question_key, text FROM answer WHERE state != 'skipped' AND session_id = "
            "(SELECT session_id FROM inventory_item WHERE id = ?)",
            (item_id,),
        )
    }


def amends_row(conn: sqlite3.Connection, amends_id: int) -> sqlite3.Row:
    row: sqlite3.Row = conn.execute("SELECT * FROM amends WHERE id = ?", (amends_id,)).fetchone()
    return row


def _listed(kind: str) -> str:
    return (
        "(SELECT group_concat(coalesce(e.category || ': ', '') || e.text, '; ') "
        f"FROM daily_entry e WHERE e.checkin_id = c.id AND e.kind = '{kind}')"
    )


def checkin_table(
    conn: sqlite3.Connection, where: str, params: Params
) -> Iterator[tuple[Any, ...]]:
    """(day, mood, craving, HALT, meetings, gratitude, triggers, note) per check-in."""
    return _plain(
        conn,
        f"SELECT c.local_date, c.mood, c.craving, c.halt, {_listed('meeting')}, "
        f"{_listed('gratitude')}, {_listed('trigger')}, c.note FROM checkin c {where} "
        "ORDER BY c.local_date, c.id",
        params,
    )


def rows_in_order(
    conn: sqlite3.Connection, table: str, where: str, params: Params, order: str
) -> Iterator[sqlite3.Row]:
    return conn.execute(f"SELECT * FROM {table} {where} ORDER BY {order}", params)


def people_hard_moments_first(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    return conn.execute("SELECT * FROM person ORDER BY hard_moments DESC, name, id")


def contacts_with_names(conn: sqlite3.Connection, where: str, params: Params) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT c.local_date, c.how, c.note, p.name FROM contact c JOIN person p "
        f"ON p.id = c.person_id {where} ORDER BY c.local_date, c.id",
        params,
    ).fetchall()


def counters_with_deleted(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every counter, with whether it was deleted (a `delete` change)."""
    return conn.execute(
        "SELECT *, EXISTS (SELECT 1 FROM sobriety_change d WHERE d.counter_id = c.id "
        "AND d.kind = 'delete') AS deleted FROM sobriety_counter c ORDER BY id"
    ).fetchall()


def earlier_runs(conn: sqlite3.Connection, counter_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT * FROM sobriety_run WHERE counter_id = ? ORDER BY started_on", (counter_id,)
    ).fetchall()


def any_item(conn: sqlite3.Connection, item_filter: str, params: Params) -> bool:
    return (
        conn.execute(f"SELECT 1 FROM inventory_item i WHERE 1 {item_filter}", params).fetchone()
        is not None
    )


def any_checkin_since(conn: sqlite3.Connection, day: str) -> bool:
    found = conn.execute("SELECT 1 FROM checkin WHERE local_date >= ? LIMIT 1", (day,))
    return found.fetchone() is not None


def latest_plan(conn: sqlite3.Connection) -> int | None:
    """The newest coping plan with something written in it."""
    row = conn.execute(
        "SELECT s.id FROM guided_session s WHERE s.flow = 'plan' AND EXISTS (SELECT 1 FROM "
        "answer a WHERE a.session_id = s.id AND a.state != 'skipped' AND trim(a.text) != '') "
        "ORDER BY s.id DESC LIMIT 1"
    ).fetchone()
    return None if row is None else int(row[0])


def checkins_since(conn: sqlite3.Connection, day: str) -> list[sqlite3.Row]:
    """Check-ins from `day` on, each with its triggers in one text."""
    return conn.execute(
        "SELECT c.local_date, c.mood, c.craving, c.halt, (SELECT group_concat(coalesce("
        "e.category || ': ', '') || e.text, '; ') FROM daily_entry e WHERE e.checkin_id = c.id "
        "AND e.kind = 'trigger') AS triggers FROM checkin c WHERE c.local_date >= ? "
        "ORDER BY c.local_date, c.id",
        (day,),
    ).fetchall()


def written_answers(
    conn: sqlite3.Connection, session_id: int, leave_out: Sequence[str] = ()
) -> list[sqlite3.Row]:
    """A session's answers with words in them, in order; those `leave_out` names left out."""
    return conn.execute(
        "SELECT question_key, question_text, text FROM answer WHERE session_id = ? "
        "AND state != 'skipped' AND trim(text) != '' "
        f"{_leaving_out('question_key', leave_out)}ORDER BY position, id",
        (session_id,),
    ).fetchall()


def days_written(conn: sqlite3.Connection) -> tuple[str, str] | None:
    """The first and last day anything dated was written."""
    row = conn.execute(
        "SELECT MIN(d), MAX(d) FROM (SELECT local_date AS d FROM guided_session "
        "UNION ALL SELECT local_date FROM checkin UNION ALL SELECT local_date FROM daily_entry "
        "UNION ALL SELECT local_date FROM service UNION ALL SELECT local_date FROM note)"
    ).fetchone()
    return None if row[0] is None else (row[0], row[1])


# --- the vault ---------------------------------------------------------------------------------


def uid_of(conn: sqlite3.Connection, table: str, record_id: int) -> str | None:
    row = conn.execute(f"SELECT uid FROM {table} WHERE id = ?", (record_id,)).fetchone()
    return None if row is None else str(row[0])


def amends_item(conn: sqlite3.Connection, amends_id: int) -> int | None:
    """The inventory item an amends entry came from, if any."""
    row = conn.execute("SELECT item_id FROM amends WHERE id = ?", (amends_id,)).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def counters(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM sobriety_counter ORDER BY id").fetchall()


def runs_of(conn: sqlite3.Connection, counter_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT started_on, ended_on, note FROM sobriety_run WHERE counter_id = ? "
        "ORDER BY started_on, id",
        (counter_id,),
    ).fetchall()
