"""The states a guided session and its answers move through (stored as these strings)."""

from enum import StrEnum


class AnswerState(StrEnum):
    DRAFT = "draft"
    ANSWERED = "answered"
    SKIPPED = "skipped"


class SessionStatus(StrEnum):
    OPEN = "open"
    FINISHED = "finished"
