"""The conversations' own refusal: a room pass kept after its room closed."""

from bouquet.core.errors import DomainError


class Gone(DomainError):
    """What the request points at has ended for good (a live room that closed)."""

    status_code = 410
