"""Writes on accounts."""

import secrets
import uuid

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import ApiToken, Role, User, Verification
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


ERASED_DOMAIN = "compte-supprime.invalid"  # a reserved top-level domain: no mail can ever reach it


@transaction.atomic
def anonymise_account(*, person: User) -> User:
    """Strip everything that identifies a person from their account row and from what Django keeps about it
    (e-mail addresses, links to identity providers, API tokens, open sessions, the admin's log of changes to their account). The row itself
    stays, so their contributions, supports and participations keep their meaning; it can no longer sign in."""
    person.email = f"{uuid.uuid4().hex}@{ERASED_DOMAIN}"
    person.display_name = ""
    person.set_unusable_password()
    person.is_active = person.is_staff = person.is_superuser = False
    person.role = Role.INHABITANT
    person.district = None
    person.last_login = None
    person.erased_at = timezone.now()
    person.save()
    person.groups.clear()
    person.user_permissions.clear()
    EmailAddress.objects.filter(user=person).delete()
    SocialAccount.objects.filter(user=person).delete()  # the links to FranceConnect or ProConnect
    ApiToken.objects.filter(user=person).delete()
    # Their verified identity goes too (they may verify a new account); the keyed identity on their
    # participations stays until the vote's retention ends, so that they cannot vote twice in one budget.
    Verification.objects.filter(user=person).delete()
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(person.pk):
            session.delete()
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(person.pk)
    ).update(object_repr=_("Compte supprimé"), change_message="")
    return person
