"""SHIM (helper-oidc): a stand-in with the signature of helper-identity's ``verify_with_provider``, so that the
sign-in adapter can call it before both branches are merged. On merge, keep helper-identity's module whole and
delete this one (the adapter and its tests use only this function's name and keyword arguments)."""

import datetime as dt

from bouquet.accounts.models import User


def verify_with_provider(
    *,
    user: User,
    provider: str,
    given_name: str,
    family_name: str,
    birthdate: dt.date | None,
    address: str = "",
) -> None:
    """Record that an identity provider confirmed who ``user`` is (the real service also refuses an identity
    already verified on another account, with a ``Conflict``). The shim records nothing."""
