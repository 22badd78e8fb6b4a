"""The fourth-step inventory."""

NO_PART_COLUMN = "This was done to me; it was not my doing"
NO_PART_COLUMN_THERAPIST = (
    "This was done to me; it was not my doing (to talk through with a therapist)"
)
INVENTORY_EMPTY = "Your inventory is empty for now. Begin it with: stepwork step 4"
COLUMN_EMPTY = "(nothing written)"
NO_PART_PAUSE = "Would you like to stop here for now? Everything is saved."
SECTION_PROMPT = "Which part of the inventory? Type a number, or press Enter to stop for now."
SECTION_REFLECT = "Look back over it all (questions about patterns and strengths)"
STEP4_DONE = "That is enough for now. Everything is saved. See it with: stepwork inventory list"
NOTHING_WRITTEN = "Nothing was written for this one, so nothing was kept."
MARK_THERAPIST = "for a therapist"
MARK_SPONSOR = "for a sponsor"
MARK_AMENDS = "owes amends"
MARK_UNFINISHED = "unfinished"


def shared_mark(whom: str) -> str:
    return f"shared with {whom}"


SHARE_NEEDS_WHOM = "Say whom you shared with: --with sponsor, --with therapist, or a name."


def item_paused() -> str:
    return "Paused. Pick this item up again with: stepwork step 4"


def no_amends_column(label: str) -> str:
    return f"{label} do not have an amends column; resentments, relationships and harms do."


def bad_section(value: str, known: list[str]) -> str:
    return f"There is no inventory section {value!r}. Sections are: {', '.join(known)}"


def item_saved(label: str) -> str:
    return f"Saved as {label}."


def another(singular: str) -> str:
    return f"Add another {singular}?"


def resume_item(singular: str, about: str, answered: int, total: int) -> str:
    subject = f" ({about})" if about else ""
    return f"You were partway through a {singular}{subject}: {answered} of {total} answered."


def shared_recorded(count: int, whom: str, day: str) -> str:
    noun = "item" if count == 1 else "items"
    return f"Recorded: {count} {noun} shared with {whom} on {day}."


UNFINISHED_ITEM_LABEL = "Your unfinished inventory item"


def item_open_label(item: str) -> str:
    return f"Inventory item {item}"


AMENDS_WHEN_HARMED = (
    "This item says it was done to you. Amends are never owed for what someone did to you. "
    "If there is something of your own here you want to make right, that is yours to decide, "
    "perhaps with your sponsor or a therapist."
)
AMENDS_WHEN_HARMED_QUESTION = "Put it on your amends list all the same?"
