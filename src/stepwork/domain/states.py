"""The states a guided session and its answers move through (stored as these strings)."""

from enum import StrEnum


class AnswerState(StrEnum):
    DRAFT = "draft"
    ANSWERED = "answered"
    SKIPPED = "skipped"


class SessionStatus(StrEnum):
    OPEN = "open"
    FINISHED = "finished"


class AmendsStatus(StrEnum):
    NOT_WILLING = "not_willing"
    WILLING = "willing"
    PLANNED = "planned"
    MADE = "made"


class AmendsKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    LIVING = "living"


AMENDS_STATUS_WORDS = {
    AmendsStatus.NOT_WILLING: "not yet willing",
    AmendsStatus.WILLING: "willing",
    AmendsStatus.PLANNED: "planned",
    AmendsStatus.MADE: "made",
}
"""How each status reads to the person."""


def amends_status(text: str) -> AmendsStatus:
    """A status as a person types it ("not yet willing", "not-willing", "Planned"...), for
    `amends set --status` and `stepwork edit` alike."""
    from stepwork.errors import UsageError
    from stepwork.messages import amends as amends_messages

    key = "_".join(text.strip().lower().replace("-", " ").replace("_", " ").split())
    status = {"not_yet_willing": AmendsStatus.NOT_WILLING}.get(key)
    if status is None and key in {s.value for s in AmendsStatus}:
        status = AmendsStatus(key)
    if status is None:
        raise UsageError(
            amends_messages.bad_amends_status(text, list(AMENDS_STATUS_WORDS.values()))
        )
    return status


def amends_kind(text: str) -> AmendsKind:
    """A kind of amends as a person types it."""
    from stepwork.errors import UsageError
    from stepwork.messages import amends as amends_messages

    key = text.strip().lower()
    if key not in {k.value for k in AmendsKind}:
        raise UsageError(amends_messages.bad_amends_kind(text, [k.value for k in AmendsKind]))
    return AmendsKind(key)
