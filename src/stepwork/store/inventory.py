"""Inventory items: each is a guided session (its answers are the columns) plus a few flags."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import col, select
from sqlmodel import delete as sql_delete

from stepwork.choices import YES
from stepwork.states import AnswerState, SessionStatus
from stepwork.store.database import database
from stepwork.store.models import Answer, GuidedSession, InventoryItem, InventoryShare
from stepwork.store.values import edit_time

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
    with database().write() as s:
        session = GuidedSession(flow=flow_name(section), step=INVENTORY_STEP, local_date=local_day)
        s.add(session)
        s.flush()
        item = InventoryItem(session_id=session.id, section=section)
        s.add(item)
        s.flush()
        return _view(item, session, [], [])


def latest_open() -> ItemView | None:
    """The inventory item left unfinished most recently, if any."""
    with database().read() as s:
        row = s.exec(
            select(InventoryItem, GuidedSession)
            .join(GuidedSession, col(GuidedSession.id) == InventoryItem.session_id)
            .where(GuidedSession.status == SessionStatus.OPEN)
            .order_by(col(GuidedSession.updated_at).desc())
            .limit(1)
        ).first()
    return None if row is None else get(row[0].id)


def get(item_id: int) -> ItemView | None:
    found = list_items(ids=[item_id])
    return found[0] if found else None


def list_items(
    section: str | None = None,
    for_therapist: bool = False,
    unshared: bool = False,
    ids: Iterable[int] | None = None,
) -> list[ItemView]:
    with database().read() as s:
        query = select(InventoryItem, GuidedSession).join(
            GuidedSession, col(GuidedSession.id) == InventoryItem.session_id
        )
        if section is not None:
            query = query.where(InventoryItem.section == section)
        if for_therapist:
            query = query.where(col(InventoryItem.for_therapist).is_(True))
        if ids is not None:
            query = query.where(col(InventoryItem.id).in_(list(ids)))
        rows = s.exec(query.order_by(col(InventoryItem.id))).all()
        session_ids = [session.id for _, session in rows]
        item_ids = [item.id for item, _ in rows]
        answers = s.exec(select(Answer).where(col(Answer.session_id).in_(session_ids))).all()
        shares = s.exec(
            select(InventoryShare)
            .where(col(InventoryShare.item_id).in_(item_ids))
            .order_by(col(InventoryShare.shared_on))
        ).all()
    by_session: dict[int, list[Answer]] = {}
    for answer in answers:
        by_session.setdefault(answer.session_id, []).append(answer)
    by_item: dict[int, list[InventoryShare]] = {}
    for share in shares:
        by_item.setdefault(share.item_id, []).append(share)
    views = [
        _view(item, session, by_session.get(session.id, []), by_item.get(item.id, []))
        for item, session in rows
    ]
    return [v for v in views if not (unshared and v.shares)]


def _view(
    item: InventoryItem,
    session: GuidedSession,
    answers: list[Answer],
    shares: list[InventoryShare],
) -> ItemView:
    assert item.id is not None and session.id is not None
    return ItemView(
        id=item.id,
        section=item.section,
        session_id=session.id,
        finished=session.status == SessionStatus.FINISHED,
        for_therapist=item.for_therapist,
        for_sponsor=item.for_sponsor,
        created_at=item.created_at,
        answers={a.question_key: a.text for a in answers if a.state != AnswerState.SKIPPED},
        skipped=frozenset(a.question_key for a in answers if a.state == AnswerState.SKIPPED),
        drafts=frozenset(a.question_key for a in answers if a.state == AnswerState.DRAFT),
        shares=tuple(Share(x.shared_with, x.shared_on) for x in shares),
    )


def set_marks(
    item_id: int, for_therapist: bool | None = None, for_sponsor: bool | None = None
) -> None:
    with database().write() as s:
        item = s.get(InventoryItem, item_id)
        if item is None:
            return
        if for_therapist is not None:
            item.for_therapist = for_therapist
        if for_sponsor is not None:
            item.for_sponsor = for_sponsor
        item.updated_at = edit_time(item.updated_at)
        s.add(item)


def touch(item_id: int) -> None:
    set_marks(item_id)


def delete(item_id: int) -> bool:
    """Remove an item with its answers and shares (an amends entry made from it stays)."""
    with database().write() as s:
        item = s.get(InventoryItem, item_id)
        if item is None:
            return False
        # Deleting the session cascades to the item, its answers and its shares in SQLite.
        s.exec(sql_delete(GuidedSession).where(col(GuidedSession.id) == item.session_id))
        return True


def share(item_ids: Iterable[int], shared_with: str, shared_on: date) -> None:
    """Record that these items were shared with someone on a day, all in one transaction."""
    with database().write() as s:
        for item_id in item_ids:
            s.add(InventoryShare(item_id=item_id, shared_with=shared_with, shared_on=shared_on))


def existing_ids(item_ids: Iterable[int]) -> set[int]:
    wanted = list(item_ids)
    with database().read() as s:
        found = s.exec(select(InventoryItem.id).where(col(InventoryItem.id).in_(wanted))).all()
    return {i for i in found if i is not None}
