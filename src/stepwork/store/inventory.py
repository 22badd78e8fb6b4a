"""Inventory items: each is a guided session (its answers are the columns) plus a few flags.
Plain SQL, so `inventory` and step 4 start as fast as the journal."""

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from stepwork.domain.states import AnswerState, SessionStatus
from stepwork.parse.choices import YES
from stepwork.store import journal_file
from stepwork.store.guided import insert_session
from stepwork.store.values import new_uid, now_stamp, read_day, read_stamp

INVENTORY_STEP = 4


def flow_name(section: str) -> str:
    return f"inventory-{section}"


@dataclass(frozen=True)
class Share:
    shared_with: str
    shared_on: date


@dataclass(frozen=True)
class ItemView:
    id: int
    section: str
    session_id: int
    finished: bool
    for_therapist: bool
    for_sponsor: bool
    created_at: datetime
    answers: dict[str, str] = field(default_factory=dict)
    """Answered (or drafted) fields by key; skipped ones are absent."""
    skipped: frozenset[str] = frozenset()
    drafts: frozenset[str] = frozenset()
    """Fields begun but not finished (their text is in `answers`)."""
    shares: tuple[Share, ...] = ()

    @property
    def no_part(self) -> bool:
        return self.answers.get("no-part") == YES

    @property
    def owes_amends(self) -> bool:
        return self.answers.get("amends") == YES


def create(section: str, local_day: date) -> ItemView:
    with journal_file.writing() as conn:
        session_id = insert_session(conn, flow_name(section), INVENTORY_STEP, local_day)
        now = now_stamp()
        cursor = conn.execute(
            "INSERT INTO inventory_item (uid, session_id, section, for_therapist, for_sponsor, "
            "created_at, updated_at) VALUES (?, ?, ?, 0, 0, ?, ?)",
            (new_uid(), session_id, section, now, now),
        )
        return _views(conn, "i.id = ?", [cursor.lastrowid])[0]


def latest_open() -> ItemView | None:
    """The inventory item left unfinished most recently, if any."""
    with journal_file.reading() as conn:
        row = conn.execute(
            "SELECT i.id FROM inventory_item i JOIN guided_session s ON s.id = i.session_id "
            "WHERE s.status = ? ORDER BY s.updated_at DESC LIMIT 1",
            (SessionStatus.OPEN.value,),
        ).fetchone()
    return None if row is None else get(row[0])


def get(item_id: int) -> ItemView | None:
    found = list_items(ids=[item_id])
    return found[0] if found else None


def list_items(
    section: str | None = None,
    for_therapist: bool = False,
    unshared: bool = False,
    ids: Iterable[int] | None = None,
) -> list[ItemView]:
    conditions, params = ["1"], list[object]()
    if section is not None:
        conditions.append("i.section = ?")
        params.append(section)
    if for_therapist:
        conditions.append("i.for_therapist")
    if ids is not None:
        wanted = list(ids)
        conditions.append(f"i.id IN ({', '.join('?' * len(wanted))})")
        params.extend(wanted)
    with journal_file.reading() as conn:
        views = _views(conn, " AND ".join(conditions), params)
    return [v for v in views if not (unshared and v.shares)]


def _views(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> list[ItemView]:
    """The items `where` (a condition on `i`, the item) picks, oldest first, each with its
    answers and shares: three queries, however many items."""
    items = conn.execute(
        "SELECT i.*, s.status FROM inventory_item i JOIN guided_session s ON s.id = i.session_id "
        f"WHERE {where} ORDER BY i.id",
        params,
    ).fetchall()
    answers: dict[int, list[sqlite3.Row]] = {}
    for row in conn.execute(
        "SELECT a.session_id, a.question_key, a.text, a.state FROM answer a "
        f"JOIN inventory_item i ON i.session_id = a.session_id WHERE {where} ORDER BY a.id",
        params,
    ):
        answers.setdefault(row["session_id"], []).append(row)
    shares: dict[int, list[Share]] = {}
    for row in conn.execute(
        "SELECT x.item_id, x.shared_with, x.shared_on FROM inventory_share x "
        f"JOIN inventory_item i ON i.id = x.item_id WHERE {where} ORDER BY x.shared_on, x.id",
        params,
    ):
        shares.setdefault(row["item_id"], []).append(
            Share(row["shared_with"], read_day(row["shared_on"]))
        )
    return [
        _view(item, answers.get(item["session_id"], []), shares.get(item["id"], []))
        for item in items
    ]


def _view(item: sqlite3.Row, answers: list[sqlite3.Row], shares: list[Share]) -> ItemView:
    skipped = AnswerState.SKIPPED.value
    return ItemView(
        id=item["id"],
        section=item["section"],
        session_id=item["session_id"],
        finished=item["status"] == SessionStatus.FINISHED.value,
        for_therapist=bool(item["for_therapist"]),
        for_sponsor=bool(item["for_sponsor"]),
        created_at=read_stamp(item["created_at"]),
        answers={a["question_key"]: a["text"] for a in answers if a["state"] != skipped},
        skipped=frozenset(a["question_key"] for a in answers if a["state"] == skipped),
        drafts=frozenset(
            a["question_key"] for a in answers if a["state"] == AnswerState.DRAFT.value
        ),
        shares=tuple(shares),
    )


def set_marks(
    item_id: int, for_therapist: bool | None = None, for_sponsor: bool | None = None
) -> None:
    with journal_file.writing() as conn:
        conn.execute(
            "UPDATE inventory_item SET for_therapist = coalesce(?, for_therapist), "
            "for_sponsor = coalesce(?, for_sponsor), updated_at = edit_stamp(updated_at) "
            "WHERE id = ?",
            (for_therapist, for_sponsor, item_id),
        )


def touch(item_id: int) -> None:
    set_marks(item_id)


def delete(item_id: int) -> bool:
    """Remove an item with its answers and shares (an amends entry made from it stays)."""
    with journal_file.writing() as conn:
        row = conn.execute(
            "SELECT session_id FROM inventory_item WHERE id = ?", (item_id,)
        ).fetchone()
        if row is None:
            return False
        # Deleting the session cascades to the item, its answers and its shares in SQLite.
        conn.execute("DELETE FROM guided_session WHERE id = ?", (row[0],))
        return True


def share(item_ids: Iterable[int], shared_with: str, shared_on: date) -> None:
    """Record that these items were shared with someone on a day, all in one transaction."""
    now = now_stamp()
    with journal_file.writing() as conn:
        conn.executemany(
            "INSERT INTO inventory_share (uid, item_id, shared_with, shared_on, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [(new_uid(), i, shared_with, shared_on.isoformat(), now) for i in item_ids],
        )


def existing_ids(item_ids: Iterable[int]) -> set[int]:
    wanted = list(item_ids)
    if not wanted:
        return set()
    with journal_file.reading() as conn:
        rows = conn.execute(
            f"SELECT id FROM inventory_item WHERE id IN ({', '.join('?' * len(wanted))})", wanted
        ).fetchall()
    return {row[0] for row in rows}
