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
