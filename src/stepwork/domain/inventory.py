"""The inventory as the person reads it: columns, marks, and the defects behind "my part"."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stepwork.content.inventory import columns, defect_opposites, unless_keys
from stepwork.messages import inventory as inventory_messages
from stepwork.parse.choices import YES, tags

if TYPE_CHECKING:
    from stepwork.store.inventory import ItemView


NO_PART = "no-part"


def marks_for_therapist(key: str, answer: str) -> bool:
    """Whether this answer marks its item for a therapist: saying one was harmed, with no part
    in it, does, however it is said (the guided flow or `stepwork edit`). The mark is never
    taken away again by changing the answer."""
    return key == NO_PART and answer == YES


def column_values(
    section: str, answers: Mapping[str, str], for_therapist: bool = False
) -> list[tuple[str, str]]:
    """A section's columns, each heading with its text, from an item's answers by key.

    Every view of the inventory (lists, show, markdown, the vault) reads its columns here.
    Where the person was harmed, the part column says so gently, naming a therapist only
    while the item is marked for one.
    """
    no_part = answers.get("no-part") == YES
    result = []
    for column in columns(section):
        if no_part and column.no_part:
            text = (
                inventory_messages.NO_PART_COLUMN_THERAPIST
                if for_therapist
                else inventory_messages.NO_PART_COLUMN
            )
        else:
            text = "; ".join(answers[k].strip() for k in column.keys if answers.get(k, "").strip())
        result.append((column.heading, text))
    return result


def item_columns(item: "ItemView") -> list[tuple[str, str]]:
    return column_values(item.section, item.answers, item.for_therapist)


def asked_columns(item: "ItemView") -> list[tuple[str, str]]:
    """The item's columns without those whose questions were never asked (left out because
    the person was harmed): an empty column there is not something left undone."""
    left_out = {
        key for key, when in unless_keys(item.section).items() if item.answers.get(when) == YES
    }
    return [
        (heading, text)
        for column, (heading, text) in zip(columns(item.section), item_columns(item), strict=True)
        if text or not column.keys or not set(column.keys) <= left_out
    ]


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
