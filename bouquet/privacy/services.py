"""A person exercises their rights: download everything held about them, delete their account."""

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from typing import Final

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks_db.models import DBTaskResult

from bouquet.accounts.models import ApiToken, CensusEntry, Role, User
from bouquet.accounts.services import anonymise_account
from bouquet.analytics import services as analytics
from bouquet.budgets.models import Participation
from bouquet.conversations import services as conversations
from bouquet.core.errors import ActionNotAllowed, InvalidInput
from bouquet.core.french import format_date
from bouquet.core.personal import Rows
from bouquet.core.spreadsheet import neutralise
from bouquet.incubator import rules as incubator_rules
from bouquet.incubator import selectors as incubator_selectors
from bouquet.incubator import services as incubator
from bouquet.incubator.models import Membership
from bouquet.notifications import services as notifications
from bouquet.outreach import rules as outreach_rules
from bouquet.outreach import selectors as outreach_selectors
from bouquet.outreach import services as outreach
from bouquet.outreach.models import Contributor
from bouquet.privacy.selectors import personal_data
from bouquet.roles.models import Invitation, RoleGrant

# Each later app that forgets its own part of an erased account (places and projects keep nothing but a person's
# contributions, which stay, signed « Compte supprimé »; see bouquet/privacy/coverage.py).
FORGETTERS: tuple[Callable[..., int], ...] = (
    outreach.forget_person,
    conversations.forget_person,
    incubator.forget_person,
    analytics.forget_person,
)

README = gettext_lazy(
    "Voici toutes les données que la plateforme garde à votre sujet, le %(date)s.\n"
    "donnees.json les contient toutes ; chaque fichier .csv en reprend une partie, lisible dans un tableur.\n"
    "Vos bulletins secrets n'y sont pas : rien ne les relie à vous, pas même pour la plateforme.\n"
)


def export_personal_data(*, person: User) -> bytes:
    """A ZIP file with everything held about the person: one JSON file with it all, and one CSV per table."""
    return _archive(personal_data(person=person))


def _archive(tables: dict[str, Rows]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("LISEZMOI.txt", str(README) % {"date": format_date(timezone.localdate())})
        archive.writestr("donnees.json", json.dumps(tables, ensure_ascii=False, indent=2, default=str))
        for name, rows in tables.items():
            text = io.StringIO()
            if rows:
                writer = csv.DictWriter(text, fieldnames=list(rows[0]), delimiter=";")
                writer.writeheader()
                writer.writerows({key: neutralise(value) for key, value in row.items()} for row in rows)
            archive.writestr(f"{name}.csv", "\ufeff" + text.getvalue())  # BOM: spreadsheets read it as UTF-8
    return buffer.getvalue()


@transaction.atomic
def erase_account(*, person: User, confirmation: str) -> User:
    """Delete a person's account at their request: their contributions stay, signed « Compte supprimé », their
    supports and participations still count, and nothing held any longer says who they were."""
    if person.erased_at is not None or not person.is_active:
        raise ActionNotAllowed(_("Ce compte n'est plus actif."))
    if person.is_superuser or person.role == Role.ADMINISTRATOR:
        raise ActionNotAllowed(
            _("Un administrateur confie d'abord son rôle à quelqu'un d'autre, puis supprime son compte.")
        )
    if confirmation.strip().lower() != person.email.lower():
        raise InvalidInput(
            _("Le compte n'a pas été supprimé."),
            field_errors={"confirmation": _("Recopiez exactement votre adresse e-mail pour confirmer.")},
        )
    address = person.email
    RoleGrant.objects.filter(person=person).delete()  # a role is given to someone; nobody holds it any more
    notifications.forget_person(user=person)  # what they followed, were told and chose to receive
    for forget in FORGETTERS:  # each later app forgets its own part, before the name and address go
        forget(person=person)
    erased = anonymise_account(person=person)
    # The invitations sent to the address keep their history, without the address.
    Invitation.objects.filter(email__iexact=address).update(email=erased.email, revoked_at=timezone.now())
    return erased


# What goes with an account that never served (it holds nothing else): its addresses, its links, its choices.
_PLUMBING: Final = frozenset(
    {
        "account.EmailAddress.user",
        "socialaccount.SocialAccount.user",
        "accounts.ApiToken.user",
        "notifications.Follow.user",
        "notifications.Preference.user",
        "notifications.Notification.recipient",
    }
)


def _holding_nothing(candidates: set[int]) -> list[int]:
    """Those of ``candidates`` that no row of any app points at (a new app's table counts without being named
    here: a seat at a workshop, a place in a group, a vote in a conversation keeps the account)."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not candidates:
                return []
            if not (
                field.is_relation and field.related_model is User and (field.concrete or field.many_to_many)
            ):
                continue
            if field.auto_created and not field.concrete:
                continue
            if f"{model._meta.label}.{field.name}" in _PLUMBING:
                continue
            held = model._default_manager.filter(**{f"{field.name}__in": candidates})
            candidates -= set(held.values_list(field.name, flat=True))
    return sorted(candidates)


def purge_expired_data(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Delete what the authority no longer needs (durations in ``BOUQUET_RETENTION_DAYS``): accounts never
    confirmed nor used, API tokens unused for long, finished background tasks, expired sessions, an old list of
    inhabitants, the keyed identities of voters once a vote is long over. Returns how many of each went; running
    it twice deletes nothing more."""
    now = now or timezone.now()
    days = settings.BOUQUET_RETENTION_DAYS
    removed: dict[str, int] = {}
    with transaction.atomic():
        unconfirmed = (
            User.objects.filter(
                date_joined__lt=now - dt.timedelta(days=days["unconfirmed_accounts"]),
                last_login__isnull=True,
                erased_at__isnull=True,
                is_staff=False,
                role=Role.INHABITANT,
            )
            .exclude(emailaddress__verified=True)
            # Only accounts that hold nothing: a paper ballot or a co-signed proposal keeps its account.
            .filter(
                proposals__isnull=True,
                coauthored_proposals__isnull=True,
                comments__isnull=True,
                supports__isnull=True,
                reports__isnull=True,
            )
            .exclude(pk__in=Participation.objects.filter(voter__isnull=False).values("voter_id"))
        )
        doomed = _holding_nothing(set(unconfirmed.values_list("pk", flat=True)))
        removed["comptes_jamais_confirmes"] = (
            User.objects.filter(pk__in=doomed).delete()[1].get("accounts.User", 0)
        )
        cutoff = now - dt.timedelta(days=days["unused_api_tokens"])
        tokens = ApiToken.objects.filter(
            Q(last_used_at__lt=cutoff) | Q(last_used_at__isnull=True, created_at__lt=cutoff)
        )
        removed["jetons_api_inutilises"] = tokens.delete()[0]
        removed["taches_terminees"] = DBTaskResult.objects.filter(
            finished_at__lt=now - dt.timedelta(days=days["finished_tasks"])
        ).delete()[0]
        removed["sessions_expirees"] = Session.objects.filter(expire_date__lt=now).delete()[0]
        removed["liste_des_habitants"] = CensusEntry.objects.filter(
            imported_on__lt=(now - dt.timedelta(days=days["census"])).date()
        ).delete()[0]
        # Once a vote is over and its retention has passed, who voted need no longer be told apart from
        # others by their identity: the participation stays (turnout), its keyed identity goes.
        # People who spoke without an account: their contact goes once their latest consent is old (they can no
        # longer claim their contributions with it); a beneficiary's place never claimed becomes anonymous.
        removed["contacts_des_contributeurs_sans_compte"] = outreach.forget_old_contacts(
            before=now - dt.timedelta(days=days["contributor_contacts"])
        )
        removed["places_de_beneficiaires_jamais_prises"] = incubator.forget_unclaimed_places(
            before=now - dt.timedelta(days=days["unclaimed_beneficiary_places"])
        )
        removed["identites_des_votants"] = (
            Participation.objects.exclude(identity="")
            .filter(budget__phase__ends_on__lt=(now - dt.timedelta(days=days["vote_identities"])).date())
            .update(identity="")
        )
    return removed


def export_contributor(*, agent: User, contributor: Contributor) -> bytes:
    """What is held about a person who spoke without an account, as a ZIP like a person's own download (an agent
    hands it to them on request)."""
    if not outreach_rules.can_handle_personal_data(agent):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité donnent ces données."))
    return _archive(outreach_selectors.contributor_data(contributor=contributor))


def export_beneficiary(*, agent: User, place: Membership) -> bytes:
    """What is held about a beneficiary recorded without an account, as a ZIP (the lab hands it to them)."""
    if not incubator_rules.runs_lab(agent):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité donnent ces données."))
    return _archive(incubator_selectors.beneficiary_data(place=place))
