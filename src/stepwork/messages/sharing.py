"""Step five: sharing the inventory."""

SHARE_NOTHING = "Nothing in your inventory is waiting to be shared. Add to it with: stepwork step 4"
SHARE_WHO = "Whom are you sharing with? (sponsor, therapist, or a name; Enter to stop)"
SHARE_WHEN = "When? (today, yesterday or YYYY-MM-DD; Enter for today)"
SHARE_THIS = "Shared this one?"
SHARE_REFLECT = "Would you like a few questions to reflect on sharing it?"
SHARE_KEPT_REFLECTION_LEFT = "Stopped. The sharing is recorded; nothing of the reflection was kept."


def share_leaving_out(count: int) -> str:
    noun, comes = ("item is", "it comes") if count == 1 else ("items are", "they come")
    return (
        f"{count} {noun} marked for a therapist and left out here; "
        f"{comes} up when you share with a therapist."
    )


def share_done(count: int, whom: str) -> str:
    if not count:
        return "Nothing was recorded this time, and that is fine."
    noun = "item" if count == 1 else "items"
    return f"{count} {noun} recorded as shared with {whom}. That took courage."


SHARED_TITLE = "What you have shared"


def shared_with(whom: str, day: str, count: int) -> str:
    noun = "item" if count == 1 else "items"
    return f"With {whom} on {day} ({count} {noun}):"
