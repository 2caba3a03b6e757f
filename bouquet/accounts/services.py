"""Writes on accounts."""

import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from bouquet.accounts.models import ApiToken, User
from bouquet.core.errors import InvalidInput
from bouquet.places.models import District


@transaction.atomic
def issue_api_token(*, user: User, name: str) -> str:
    """Create an API token for a person and return its clear value (shown once)."""
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name[:80], key_hash=ApiToken.hash_key(key))
    return key


@transaction.atomic
def update_profile(*, user: User, display_name: str, district: District | None) -> User:
    """Change the name shown beside a person's contributions and their district."""
    name = (display_name or "").strip()
    if len(name) > 60:
        raise InvalidInput(
            _("Le profil n'a pas été enregistré."), field_errors={"display_name": _("60 caractères au plus.")}
        )
    user.display_name = name
    user.district = district
    user.save(update_fields=["display_name", "district"])
    return user


@transaction.atomic
def revoke_api_token(*, user: User, token_id: int) -> bool:
    """Delete one of a person's API tokens; returns whether it existed."""
    deleted, _detail = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)
