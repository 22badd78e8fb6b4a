"""Guided sessions and their answers, in plain SQL: each answer is its own short transaction,
and a guided flow asks its first question without loading SQLAlchemy."""

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from stepwork.domain.states import AnswerState, SessionStatus
from stepwork.store import journal_file
from stepwork.store.values import new_uid, now_stamp, read_day, read_stamp


@dataclass(frozen=True)
class SessionRow:
    id: int
    uid: str
    flow: str
    step: int | None
    status: str
    local_date: date
    started_at: datetime
    updated_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class AnswerRow:
    id: int
    session_id: int
    position: int
    question_key: str
    question_text: str
    text: str
    state: str
    answered_at: datetime
    updated_at: datetime


def session_of(row: sqlite3.Row) -> SessionRow:
    return SessionRow(
        id=row["id"],
        uid=row["uid"],
        flow=row["flow"],
        step=row["step"],
        status=row["status"],
        local_date=read_day(row["local_date"]),
        started_at=read_stamp(row["started_at"]),
        updated_at=read_stamp(row["updated_at"]),
        finished_at=read_stamp(row["finished_at"]) if row["finished_at"] else None,
    )


def answer_of(row: sqlite3.Row) -> AnswerRow:
    return AnswerRow(
        id=row["id"],
        session_id=row["session_id"],
        position=row["position"],
        question_key=row["question_key"],
        question_text=row["question_text"],
        text=row["text"],
        state=row["state"],
        answered_at=read_stamp(row["answered_at"]),
        updated_at=read_stamp(row["updated_at"]),
    )


def insert_session(conn: sqlite3.Connection, flow: str, step: int | None, local_day: date) -> int:
    now = now_stamp()
    cursor = conn.execute(
        "INSERT INTO guided_session (uid, flow, step, status, local_date, started_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (new_uid(), flow, step, SessionStatus.OPEN.value, local_day.isoformat(), now, now),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def start(flow: str, step: int | None, local_day: date) -> SessionRow:
    with journal_file.writing() as conn:
        session_id = insert_session(conn, flow, step, local_day)
        row = conn.execute("SELECT * FROM guided_session WHERE id = ?", (session_id,)).fetchone()
        return session_of(row)


def latest_open(flow: str) -> SessionRow | None:
    with journal_file.reading() as conn:
        row = conn.execute(
            "SELECT * FROM guided_session WHERE flow = ? AND status = ? "
            "ORDER BY updated_at DESC, id DESC LIMIT 1",
            (flow, SessionStatus.OPEN.value),
        ).fetchone()
    return None if row is None else session_of(row)


def answers(session_id: int) -> dict[str, AnswerRow]:
    with journal_file.reading() as conn:
        rows = conn.execute("SELECT * FROM answer WHERE session_id = ?", (session_id,)).fetchall()
    return {row["question_key"]: answer_of(row) for row in rows}


def has_session(flow: str) -> bool:
    """Whether the flow was ever begun (a daily flow introduces itself in full only before)."""
    with journal_file.reading() as conn:
        row = conn.execute(
            "SELECT 1 FROM guided_session WHERE flow = ? LIMIT 1", (flow,)
        ).fetchone()
    return row is not None


def record(session_id: int, position: int, key: str, question: str, text: str, state: str) -> None:
    """Save (or replace) the answer to one question, and mark the session as touched."""
    now = now_stamp()
    with journal_file.writing() as conn:
        updated = conn.execute(
            "UPDATE answer SET text = ?, state = ?, question_text = ?, "
            "updated_at = edit_stamp(updated_at) WHERE session_id = ? AND question_key = ?",
            (text, state, question, session_id, key),
        ).rowcount
        if not updated:
            conn.execute(
                "INSERT INTO answer (uid, session_id, position, question_key, question_text, "
                "text, state, answered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (new_uid(), session_id, position, key, question, text, state, now, now),
            )
        touch_session(conn, session_id)


def touch_session(conn: sqlite3.Connection, session_id: int) -> None:
    conn.execute(
        "UPDATE guided_session SET updated_at = edit_stamp(updated_at) WHERE id = ?",
        (session_id,),
    )


def finish(session_id: int) -> None:
    with journal_file.writing() as conn:
        conn.execute(
            "UPDATE guided_session SET status = ?, finished_at = ?, "
            "updated_at = edit_stamp(updated_at) WHERE id = ? AND status = ?",
            (SessionStatus.FINISHED.value, now_stamp(), session_id, SessionStatus.OPEN.value),
        )


def delete(session_id: int) -> None:
    """The session and its answers (they go with it: ON DELETE CASCADE)."""
    with journal_file.writing() as conn:
        delete_session(conn, session_id)


def delete_session(conn: sqlite3.Connection, session_id: int) -> None:
    conn.execute("DELETE FROM answer WHERE session_id = ?", (session_id,))
    conn.execute("DELETE FROM guided_session WHERE id = ?", (session_id,))


def step_sessions(step: int, flow: str) -> list[tuple[SessionRow, Sequence[AnswerRow]]]:
    """Every session of one step's guide, oldest first, each with its answers in order."""
    with journal_file.reading() as conn:
        sessions = conn.execute(
            "SELECT * FROM guided_session WHERE step = ? AND flow = ? ORDER BY started_at, id",
            (step, flow),
        ).fetchall()
        by_session: dict[int, list[AnswerRow]] = {row["id"]: [] for row in sessions}
        for row in conn.execute(
            "SELECT a.* FROM answer a JOIN guided_session s ON s.id = a.session_id "
            "WHERE s.step = ? AND s.flow = ? ORDER BY a.position, a.id",
            (step, flow),
        ):
            by_session[row["session_id"]].append(answer_of(row))
    return [(session_of(row), by_session[row["id"]]) for row in sessions]


def latest_with_answers(flow: str) -> SessionRow | None:
    """The newest session of a flow that holds at least one written answer."""
    with journal_file.reading() as conn:
        row = conn.execute(
            "SELECT * FROM guided_session s WHERE flow = ? AND EXISTS (SELECT 1 FROM answer a "
            "WHERE a.session_id = s.id AND a.state != ?) ORDER BY id DESC LIMIT 1",
            (flow, AnswerState.SKIPPED.value),
        ).fetchone()
    return None if row is None else session_of(row)


def seed_drafts(session_id: int, drafts: list[tuple[int, str, str, str]]) -> None:
    """Start a session with earlier text as drafts: (position, key, question, text)."""
    now = now_stamp()
    with journal_file.writing() as conn:
        conn.executemany(
            "INSERT INTO answer (uid, session_id, position, question_key, question_text, text, "
            "state, answered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (new_uid(), session_id, position, key, question, text, "draft", now, now)
                for position, key, question, text in drafts
            ],
        )


def latest_plan_people() -> str:
    """What the newest coping plan says under "people you can call" ("" if nothing)."""
    with journal_file.reading() as conn:
        row = conn.execute(
            "SELECT a.text FROM answer a JOIN guided_session s ON s.id = a.session_id "
            "WHERE s.flow = 'plan' AND a.question_key = 'people' AND a.state != 'skipped' "
            "AND trim(a.text) != '' ORDER BY s.id DESC LIMIT 1"
        ).fetchone()
    return "" if row is None else str(row[0])


def hold(session_id: int) -> bool:
    """Answer this session alone until the command ends; False when another window is."""
    from stepwork.store import lock

    return lock.answering(journal_file.ready(), lock.SESSION, session_id)


def held_elsewhere(session_id: int) -> bool:
    """Whether another window is answering this session right now."""
    from stepwork.store import lock

    return lock.answered_elsewhere(journal_file.ready(), lock.SESSION, session_id)
