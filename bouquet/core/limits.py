"""Abuse limits: how often one account, and one network address, may post a given kind of thing.

Each limit is counted twice: per account (tight: one person posting forty comments in ten minutes is a script)
and per address (loose: a workshop behind one town-hall connection must not block itself). Counters live in the
cache, shared by every web process when ``REDIS_URL`` is set. The adapters check a limit before calling the
service: a refused request answers 429 with a French message, in pages and in the API alike."""

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _

from bouquet.core.errors import DomainError

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_SPEC = re.compile(r"^(\d+)/(\d*)([smhd])/(account|address)$")


class TooManyRequests(DomainError):
    """The same account or address sent too many of these in too little time."""

    status_code = 429


@dataclass(frozen=True, slots=True)
class Limit:
    count: int
    seconds: int
    per: str  # "account" or "address"


def parse_limits(spec: str) -> list[Limit]:
    """Read "10/h/account,300/h/address" (a count, a period such as 10m, and what is counted)."""
    limits = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        match = _SPEC.match(part)
        if match is None:
            raise ValueError(f"limite illisible : {part!r}")
        count, amount, unit, per = match.groups()
        limits.append(Limit(int(count), int(amount or 1) * _UNITS[unit], per))
    return limits


def _address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", "inconnue"))


def check_limit(request: HttpRequest, action: str) -> None:
    """Count one ``action`` for the request's account and address; raise ``TooManyRequests`` past a limit."""
    spec = getattr(settings, "BOUQUET_LIMITS", {}).get(action, "")
    user = getattr(request, "user", None)
    for limit in parse_limits(spec):
        if limit.per == "account":
            if user is None or not user.is_authenticated:
                continue
            who = f"u{user.pk}"
        else:
            who = f"a{_address(request)}"
        window = int(time.time() // limit.seconds)
        key = f"bouquet:limit:{action}:{who}:{limit.seconds}:{window}"
        cache.add(key, 0, timeout=limit.seconds + 1)
        try:
            used = cache.incr(key)
        except ValueError:  # the counter expired between add and incr: this is the first of a new window
            cache.set(key, 1, timeout=limit.seconds + 1)
            used = 1
        if used > limit.count:
            raise TooManyRequests(
                _("Trop d'envois en peu de temps. Attendez quelques minutes avant de réessayer.")
            )


def limited[T](request: HttpRequest, action: str, call: Callable[[], T]) -> Callable[[], T]:
    """``call`` preceded by the check of ``action``'s limit (for ``submit_form`` and the API)."""

    def run() -> T:
        check_limit(request, action)
        return call()

    return run
