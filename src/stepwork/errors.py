"""The one exception type for problems the person can fix themselves."""


class UserError(Exception):
    """A problem with input or environment: shown as one line, never a traceback."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


class UsageError(UserError):
    """A command was given something it cannot take (a bad argument or option)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=2)
