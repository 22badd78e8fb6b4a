"""The inventory as the person reads it: columns, marks, and the defects behind "my part"."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stepwork import messages
from stepwork.choices import tags
from stepwork.content.inventory import defect_opposites

if TYPE_CHECKING:
    from stepwork.store.inventory import ItemView


@dataclass(frozen=True)
class Columns:
    who: str
    cause: str
    affects: str
    my_part: str


def columns(item: "ItemView") -> Columns:
    """The four inventory columns for any section (who | cause | affects | my part)."""
    a = item.answers
    affects = a.get("affects") or a.get("effect", "")
    if item.no_part:
        my_part = messages.NO_PART_COLUMN
    else:
        my_part = "; ".join(x for x in (a.get("my-part", ""), a.get("part-note", "")) if x)
    if item.section == "sex" and a.get("instead"):
        my_part = "; ".join(x for x in (my_part, messages.instead(a["instead"])) if x)
    return Columns(a.get("who", ""), a.get("cause", ""), affects, my_part)


@dataclass(frozen=True)
class Defect:
    name: str
    opposite: str
    item_ids: tuple[int, ...]


def defects(items: Iterable["ItemView"]) -> list[Defect]:
    """Each defect named in my-part answers, most frequent first, with the items behind it."""
    opposites = defect_opposites()
    behind: dict[str, list[int]] = {}
    for item in items:
        if item.no_part:
            continue
        for tag in tags(item.answers.get("my-part", "")):
            behind.setdefault(tag, []).append(item.id)
    ranked = sorted(behind.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [Defect(name, opposites.get(name, ""), tuple(ids)) for name, ids in ranked]
