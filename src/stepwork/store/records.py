"""The SQL behind the journal-wide commands (log, show, search, edit, delete, the vault): each
kind of record in `kinds/` says how a row reads and calls these to find, change or remove it.

A kind names its table, the condition picking its rows and its orderings (trusted text, written
in `kinds/`); everything a person typed reaches SQL as a parameter."""

import sqlite3
from collections.abc import Iterator, Sequence

Params = Sequence[object]

# --- rows of one table ------------------------------------------------------------------------


def row_of(conn: sqlite3.Connection, table: str, rows: str, record_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        f"SELECT * FROM {table} WHERE {rows} AND id = ?", (record_id,)
    ).fetchone()
    return row


def newest_rows(
    conn: sqlite3.Connection, table: str, where: str, params: Params, order: str, limit: int
) -> list[sqlite3.Row]:
    return conn.execute(
        f"SELECT * FROM {table} {where} ORDER BY {order} LIMIT ?", [*params, limit]
    ).fetchall()


def ids_in_order(
    conn: sqlite3.Connection, table: str, where: str, params: Params, order: str
) -> Iterator[int]:
    for row in conn.execute(f"SELECT id FROM {table} {where} ORDER BY {order}", params):
        yield row[0]


def delete_row(conn: sqlite3.Connection, table: str, rows: str, record_id: int) -> None:
    conn.execute(f"DELETE FROM {table} WHERE {rows} AND id = ?", (record_id,))


def mark_edited(conn: sqlite3.Connection, table: str, record_id: int) -> None:
    """A row whose parts changed (not its own columns) counts as edited now."""
    conn.execute(
        f"UPDATE {table} SET updated_at = edit_stamp(updated_at) WHERE id = ?", (record_id,)
    )


def set_value(
    conn: sqlite3.Connection,
    table: str,
    record_id: int,
    column: str,
    value: object,
    versioned: bool = True,
) -> None:
    """Change one column of a row; in a table that keeps `updated_at`, move it on."""
    stamp = ", updated_at = edit_stamp(updated_at)" if versioned else ""
    conn.execute(f"UPDATE {table} SET {column} = ?{stamp} WHERE id = ?", (value, record_id))


# --- check-ins --------------------------------------------------------------------------------


def checkin_entries(conn: sqlite3.Connection, checkin_id: int) -> list[sqlite3.Row]:
    """A check-in's meetings, gratitude and triggers, in the order they were written."""
    return conn.execute(
        "SELECT kind, category, text FROM daily_entry WHERE checkin_id = ? ORDER BY id",
        (checkin_id,),
    ).fetchall()


def checkin_contact_names(conn: sqlite3.Connection, checkin_id: int) -> list[str]:
    """Whom the person connected with in a check-in."""
    rows = conn.execute(
        "SELECT p.name FROM contact c JOIN person p ON p.id = c.person_id "
        "WHERE c.checkin_id = ? ORDER BY c.id",
        (checkin_id,),
    )
    return [r[0] for r in rows]


# --- guided sessions --------------------------------------------------------------------------

_FIRST_ANSWER = (
    "(SELECT text FROM answer WHERE session_id = s.id AND state != 'skipped' AND text != '' "
    "ORDER BY position LIMIT 1)"
)


def newest_sessions(
    conn: sqlite3.Connection, where: str, params: Params, limit: int
) -> list[sqlite3.Row]:
    """Sessions `where` picks (a condition on `s`), newest first, each with its first answer."""
    return conn.execute(
        f"SELECT s.id, s.local_date, s.step, s.started_at, {_FIRST_ANSWER} AS first "
        f"FROM guided_session s {where} ORDER BY s.local_date "
        "DESC, s.started_at DESC, s.id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()


def session_ids(conn: sqlite3.Connection, where: str, params: Params) -> Iterator[int]:
    for row in conn.execute(
        f"SELECT s.id FROM guided_session s {where} ORDER BY s.started_at, s.id", params
    ):
        yield row[0]


def session_is(conn: sqlite3.Connection, session_id: int, flows: str) -> bool:
    """Whether the session exists and its flow is one `flows` (a condition on `s`) picks."""
    row = conn.execute(
        f"SELECT 1 FROM guided_session s WHERE s.id = ? AND s.{flows}", (session_id,)
    ).fetchone()
    return row is not None


def session_row(conn: sqlite3.Connection, session_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT id, local_date, step, started_at, status FROM guided_session WHERE id = ?",
        (session_id,),
    ).fetchone()
    return row


def session_answers(
    conn: sqlite3.Connection, session_id: int, skipped: bool = True
) -> list[sqlite3.Row]:
    """A session's answers in the order asked (without the skipped ones if `skipped` is False)."""
    unless = "" if skipped else " AND state != 'skipped'"
    return conn.execute(
        "SELECT question_key, question_text, text, state FROM answer WHERE session_id = ?"
        f"{unless} ORDER BY position, id",
        (session_id,),
    ).fetchall()


def delete_session(conn: sqlite3.Connection, session_id: int) -> None:
    """A session, with its answers (and an inventory item's row and shares) by cascade."""
    conn.execute("DELETE FROM guided_session WHERE id = ?", (session_id,))


def edit_answer(conn: sqlite3.Connection, session_id: int, key: str, value: str) -> None:
    """An answer edited afterwards: blank is a skip. The session is touched too."""
    conn.execute(
        "UPDATE answer SET text = ?, state = ?, updated_at = edit_stamp(updated_at) "
        "WHERE session_id = ? AND question_key = ?",
        (value, "answered" if value.strip() else "skipped", session_id, key),
    )
    conn.execute(
        "UPDATE guided_session SET updated_at = edit_stamp(updated_at) WHERE id = ?",
        (session_id,),
    )


# --- inventory items --------------------------------------------------------------------------


def _answer(key: str) -> str:
    return (
        f"(SELECT text FROM answer WHERE session_id = i.session_id AND question_key = '{key}' "
        "AND state != 'skipped')"
    )


def newest_items(
    conn: sqlite3.Connection, where: str, params: Params, limit: int
) -> list[sqlite3.Row]:
    """Items `where` picks (a condition on `s`, their session), newest first, with who and
    cause."""
    return conn.execute(
        f"SELECT i.id, i.section, s.local_date, i.created_at, {_answer('who')} AS who, "
        f"{_answer('cause')} AS cause FROM inventory_item i "
        f"JOIN guided_session s ON s.id = i.session_id {where} "
        "ORDER BY s.local_date DESC, i.created_at DESC, i.id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()


def item_ids(conn: sqlite3.Connection, where: str, params: Params) -> Iterator[int]:
    for row in conn.execute(
        f"SELECT i.id FROM inventory_item i JOIN guided_session s ON s.id = i.session_id "
        f"{where} ORDER BY i.id",
        params,
    ):
        yield row[0]


def item_row(conn: sqlite3.Connection, item_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT i.*, s.local_date, s.status FROM inventory_item i "
        "JOIN guided_session s ON s.id = i.session_id WHERE i.id = ?",
        (item_id,),
    ).fetchone()
    return row


def item_shares(conn: sqlite3.Connection, item_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT shared_with, shared_on FROM inventory_share WHERE item_id = ? ORDER BY shared_on",
        (item_id,),
    ).fetchall()


def item_session(conn: sqlite3.Connection, item_id: int) -> int | None:
    row = conn.execute("SELECT session_id FROM inventory_item WHERE id = ?", (item_id,)).fetchone()
    return None if row is None else int(row[0])


def delete_item(conn: sqlite3.Connection, item_id: int) -> None:
    conn.execute(
        "DELETE FROM guided_session WHERE id = "
        "(SELECT session_id FROM inventory_item WHERE id = ?)",
        (item_id,),
    )


def touch_item(conn: sqlite3.Connection, item_id: int, for_therapist: bool = False) -> None:
    """An item was edited; `for_therapist` marks it for a therapist as well."""
    mark = ", for_therapist = 1" if for_therapist else ""
    conn.execute(
        f"UPDATE inventory_item SET updated_at = edit_stamp(updated_at){mark} WHERE id = ?",
        (item_id,),
    )


# --- people and reaching out ------------------------------------------------------------------


def times_reached(conn: sqlite3.Connection, person_id: int) -> tuple[str | None, int]:
    """The last day the person reached out to someone, and how many times in all."""
    row = conn.execute(
        "SELECT max(local_date), count(*) FROM contact WHERE person_id = ?", (person_id,)
    ).fetchone()
    return row[0], int(row[1])


_CONTACT = "SELECT c.*, p.name, p.role FROM contact c JOIN person p ON p.id = c.person_id"


def contact_row(conn: sqlite3.Connection, contact_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(f"{_CONTACT} WHERE c.id = ?", (contact_id,)).fetchone()
    return row


def newest_contacts(
    conn: sqlite3.Connection, where: str, params: Params, limit: int
) -> list[sqlite3.Row]:
    return conn.execute(
        f"{_CONTACT} {where} ORDER BY c.local_date DESC, c.created_at DESC, c.id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()


def contact_ids(conn: sqlite3.Connection, where: str, params: Params) -> Iterator[int]:
    for row in conn.execute(
        f"SELECT c.id FROM contact c {where} ORDER BY c.local_date, c.id", params
    ):
        yield row[0]
