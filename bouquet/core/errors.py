"""Domain errors raised by services; views and the API turn them into messages and status codes."""

from collections.abc import Mapping

from django.utils.functional import Promise


class DomainError(Exception):
    """A use case was refused; ``message`` is safe to show to the person (French, translatable)."""

    status_code = 400

    def __init__(self, message: str | Promise, *, field_errors: Mapping[str, str | Promise] | None = None):
        super().__init__(str(message))
        self.message = message
        self.field_errors: dict[str, str | Promise] = dict(field_errors or {})


class ActionNotAllowed(DomainError):
    """The person may not do this now (role, phase, ownership)."""

    status_code = 403


class InvalidInput(DomainError):
    """The data sent is not acceptable; ``field_errors`` says what is wrong with each field."""

    status_code = 422


class Conflict(DomainError):
    """The request contradicts the current state (for example editing a proposal that has supports)."""

    status_code = 409
