"""Guided sessions and their answers: each answer is its own short transaction."""

from collections.abc import Sequence
from datetime import date, datetime

from sqlmodel import col, select

from stepwork.states import AnswerState, SessionStatus
from stepwork.store.database import database
from stepwork.store.models import Answer, GuidedSession, utc_now
from stepwork.store.values import edit_time


def start(flow: str, step: int | None, local_day: date) -> GuidedSession:
    with database().write() as s:
        session = GuidedSession(flow=flow, step=step, local_date=local_day)
        s.add(session)
        s.flush()
        s.refresh(session)
        return session


def latest_open(flow: str) -> GuidedSession | None:
    with database().read() as s:
        query = (
            select(GuidedSession)
            .where(GuidedSession.flow == flow, GuidedSession.status == SessionStatus.OPEN)
            .order_by(col(GuidedSession.updated_at).desc(), col(GuidedSession.id).desc())
            .limit(1)
        )
        return s.exec(query).first()


def has_session(flow: str) -> bool:
    """Whether the flow was ever begun (a daily flow introduces itself in full only before)."""
    with database().read() as s:
        query = select(GuidedSession.id).where(GuidedSession.flow == flow).limit(1)
        return s.exec(query).first() is not None


def answers(session_id: int) -> dict[str, Answer]:
    with database().read() as s:
        rows = s.exec(select(Answer).where(Answer.session_id == session_id))
        return {row.question_key: row for row in rows}


def record(session_id: int, position: int, key: str, question: str, text: str, state: str) -> None:
    """Save (or replace) the answer to one question, and mark the session as touched."""
    now = utc_now()
    with database().write() as s:
        row = s.exec(
            select(Answer).where(Answer.session_id == session_id, Answer.question_key == key)
        ).first()
        if row is None:
            row = Answer(
                session_id=session_id,
                position=position,
                question_key=key,
                question_text=question,
                state=state,
                text=text,
            )
        row.text, row.state, row.question_text = text, state, question
        row.updated_at = edit_time(row.updated_at) if row.id is not None else now
        s.add(row)
        _touch(s, session_id, now)


def finish(session_id: int) -> None:
    now = utc_now()
    with database().write() as s:
        session = s.get(GuidedSession, session_id)
        if session is not None and session.status == SessionStatus.OPEN:
            session.status, session.finished_at = SessionStatus.FINISHED, now
            session.updated_at = edit_time(session.updated_at)
            s.add(session)


def delete(session_id: int) -> None:
    with database().write() as s:
        for row in s.exec(select(Answer).where(Answer.session_id == session_id)):
            s.delete(row)
        session = s.get(GuidedSession, session_id)
        if session is not None:
            s.delete(session)


def _touch(s, session_id: int, now: datetime) -> None:  # type: ignore[no-untyped-def]
    session = s.get(GuidedSession, session_id)
    if session is not None:
        session.updated_at = edit_time(session.updated_at)
        s.add(session)


def step_sessions(step: int, flow: str) -> list[tuple[GuidedSession, Sequence[Answer]]]:
    """Every session of one step's guide, oldest first, each with its answers in order."""
    with database().read() as s:
        sessions = s.exec(
            select(GuidedSession)
            .where(GuidedSession.step == step, GuidedSession.flow == flow)
            .order_by(col(GuidedSession.started_at), col(GuidedSession.id))
        ).all()
        result = []
        for session in sessions:
            rows = s.exec(
                select(Answer)
                .where(Answer.session_id == session.id)
                .order_by(col(Answer.position), col(Answer.id))
            ).all()
            result.append((session, rows))
        return result


def latest_with_answers(flow: str) -> GuidedSession | None:
    """The newest session of a flow that holds at least one written answer."""
    with database().read() as s:
        return s.exec(
            select(GuidedSession)
            .where(GuidedSession.flow == flow)
            .where(
                col(GuidedSession.id).in_(
                    select(Answer.session_id).where(Answer.state != AnswerState.SKIPPED)
                )
            )
            .order_by(col(GuidedSession.id).desc())
            .limit(1)
        ).first()


def seed_drafts(session_id: int, drafts: list[tuple[int, str, str, str]]) -> None:
    """Start a session with earlier text as drafts: (position, key, question, text)."""
    with database().write() as s:
        for position, key, question, text in drafts:
            s.add(
                Answer(
                    session_id=session_id,
                    position=position,
                    question_key=key,
                    question_text=question,
                    text=text,
                    state=AnswerState.DRAFT,
                )
            )
