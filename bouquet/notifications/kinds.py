"""The kinds of event a person can be told about: a registry filled by each app in its ``AppConfig.ready()``.

A kind is code, not data: its label shows on the preferences page, its message on the notification list and in
e-mails. ``message`` is a lazy French string with ``%(actor)s``, ``%(target)s`` and the keys of the notification's
``context``."""

from dataclasses import dataclass
from typing import Final, Literal

from django.utils.functional import Promise

Frequency = Literal["instant", "daily", "weekly", "never"]
FREQUENCIES: Final[tuple[Frequency, ...]] = ("instant", "daily", "weekly", "never")


@dataclass(frozen=True)
class Kind:
    """One kind of event: ``code`` is ``app.event`` (``proposals.answered``)."""

    code: str
    label: str | Promise
    message: str | Promise
    default_frequency: Frequency = "instant"

    def __post_init__(self) -> None:
        if self.default_frequency not in FREQUENCIES:
            raise ValueError(f"Unknown frequency {self.default_frequency!r} for kind {self.code!r}")


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Add a kind to the registry (registering the same kind twice is harmless; two kinds with one code are not)."""
    known = _KINDS.get(kind.code)
    if known is not None and known != kind:
        raise ValueError(f"Two different kinds share the code {kind.code!r}")
    _KINDS[kind.code] = kind
    return kind


def get(code: str) -> Kind:
    """The kind with this code; LookupError when no app registered it."""
    try:
        return _KINDS[code]
    except KeyError:
        raise LookupError(f"No notification kind {code!r} is registered") from None


def all_kinds() -> list[Kind]:
    """Every registered kind, in the order of their labels (for the preferences page)."""
    return sorted(_KINDS.values(), key=lambda kind: str(kind.label))
