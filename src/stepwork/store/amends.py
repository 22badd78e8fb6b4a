"""The amends list: people harmed, seeded from inventory items that owe amends."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from stepwork.choices import YES
from stepwork.states import AmendsStatus
from stepwork.store.database import database
from stepwork.store.models import Amends, Answer, InventoryItem
from stepwork.store.values import edit_time


@dataclass(frozen=True)
class Change:
    status: str | None = None
    kind: str | None = None
    would_injure: bool | None = None
    planned_on: date | None = None
    note: str | None = None
    person: str | None = None
    harm: str | None = None


UNNAMED = "(unnamed)"


def _harm(section: str, fields: dict[str, str]) -> str:
    """What I did, in the item's own words: a resentment's cause is what was done to me."""
    if section == "resentment":
        return fields.get("part-note") or fields.get("my-part", "")
    return fields.get("cause", "")


def sync_from_inventory() -> int:
    """Add everyone the inventory says is owed amends and who is not on the list yet."""
    already_listed = select(Amends.item_id).where(col(Amends.item_id).is_not(None))
    with database().write() as s:
        owed = s.exec(
            select(InventoryItem.id, InventoryItem.section, InventoryItem.session_id)
            .join(Answer, col(Answer.session_id) == InventoryItem.session_id)
            .where(Answer.question_key == "amends", Answer.text == YES)
            .where(col(InventoryItem.id).not_in(already_listed))
        ).all()
        for item_id, section, session_id in owed:
            fields = {
                a.question_key: a.text.strip()
                for a in s.exec(select(Answer).where(Answer.session_id == session_id))
            }
            s.add(
                Amends(
                    item_id=item_id,
                    person=fields.get("who") or UNNAMED,
                    harm=_harm(section, fields),
                )
            )
        return len(owed)


def add(person: str, harm: str = "", kind: str | None = None) -> Amends:
    with database().write() as s:
        row = Amends(person=person, harm=harm, kind=kind)
        s.add(row)
        s.flush()
        return row


def list_amends(status: str | None = None) -> list[Amends]:
    with database().read() as s:
        query = select(Amends)
        if status is not None:
            query = query.where(Amends.status == status)
        return list(s.exec(query.order_by(col(Amends.id))).all())


def get(amends_id: int) -> Amends | None:
    with database().read() as s:
        return s.get(Amends, amends_id)


def update(amends_id: int, change: Change) -> Amends | None:
    with database().write() as s:
        row = s.get(Amends, amends_id)
        if row is None:
            return None
        if change.status is not None:
            row.status = change.status
        if change.kind is not None:
            row.kind = change.kind
        if change.would_injure is not None:
            row.would_injure = change.would_injure
        if change.planned_on is not None:
            row.planned_on = change.planned_on
            if change.status is None and row.status in (
                AmendsStatus.NOT_WILLING,
                AmendsStatus.WILLING,
            ):
                row.status = AmendsStatus.PLANNED
        if change.note:
            row.notes = f"{row.notes}\n{change.note}".strip() if row.notes else change.note
        if change.person is not None:
            row.person = change.person
        if change.harm is not None:
            row.harm = change.harm
        row.updated_at = edit_time(row.updated_at)
        s.add(row)
        return row
