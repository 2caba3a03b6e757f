"""A person's data in the lab: forgotten when their account is erased; a beneficiary's place recorded without an
account erased at their request or once unclaimed for too long (docs/decisions/0013)."""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.core.personal import scrub
from bouquet.incubator import rules
from bouquet.incubator.models import (
    CriterionConfirmation,
    Document,
    Energy,
    Exchange,
    Initiative,
    InitiativeInvitation,
    JournalEntry,
    Membership,
    MentorSession,
    SpaceEntry,
    StageMove,
    Task,
)


def _scrub_names(initiatives: set[int], names: list[str], replacement: str) -> None:
    """Replace ``names`` in the journal lines and document titles of ``initiatives`` (written when it happened)."""
    if not any(n.strip() for n in names):
        return
    wanted = Q()
    for name in names:
        if name.strip():
            wanted |= Q(text__contains=name)
    for entry in JournalEntry.objects.filter(wanted, initiative_id__in=initiatives):
        JournalEntry.objects.filter(pk=entry.pk).update(text=scrub(entry.text, names, replacement)[:400])
    for document in Document.objects.filter(initiative_id__in=initiatives):
        renamed = scrub(document.name, names, replacement)
        if renamed != document.name:
            Document.objects.filter(pk=document.pk).update(name=renamed[:160])


@transaction.atomic
def forget_person(*, person: User) -> int:
    """A person's account is being erased (privacy.services.erase_account). What they offered (their energy) and
    the invitations waiting for them go; they leave the working groups, except a beneficiary's place, which stays
    anonymous so that the initiative's beneficiaries still count; the tasks they took on are free again. What they
    wrote and did for a group (notes, documents, exchanges, sessions) stays the group's, signed « Compte supprimé »,
    and their name leaves the journals. Returns how many rows changed."""
    label = _("Compte supprimé")
    touched = set(Membership.objects.filter(person=person).values_list("initiative_id", flat=True))
    for model, field in (
        (InitiativeInvitation, "person"),
        (InitiativeInvitation, "invited_by"),
        (JournalEntry, "actor"),
        (SpaceEntry, "author"),
        (Task, "owner"),
        (Document, "uploaded_by"),
        (CriterionConfirmation, "confirmed_by"),
        (StageMove, "by"),
        (MentorSession, "mentor"),
        (Exchange, "helper_person"),
        (Exchange, "recorded_by"),
        (Membership, "consent_recorded_by"),
        (Membership, "invited_by"),
    ):
        touched |= set(
            model.objects.filter(**{field: person}).values_list(_initiative_field(model), flat=True)
        )
    touched |= set(Initiative.objects.filter(started_by=person).values_list("pk", flat=True))
    # The names under which places were recorded for them before they claimed them say who they are, too.
    names = [person.display_name, person.email]
    names += Membership.objects.filter(person=person, beneficiary=True).values_list(
        "beneficiary_name", flat=True
    )
    changed = Energy.objects.filter(person=person).delete()[0]
    changed += InitiativeInvitation.objects.filter(person=person, answered_at__isnull=True).delete()[0]
    changed += Task.objects.filter(owner=person, done_at__isnull=True).update(owner=None)
    changed += Membership.objects.filter(person=person, beneficiary=True).update(
        person=None, beneficiary_name=_("Bénéficiaire"), erased_at=timezone.now()
    )
    changed += Membership.objects.filter(person=person).delete()[0]
    _scrub_names(touched, names, label)
    rules.forget_roles(person)
    return changed


def _initiative_field(model: type) -> str:
    return "helped_id" if model is Exchange else "initiative_id"


@transaction.atomic
def erase_beneficiary(*, agent: User, place: Membership, confirmation: str) -> Membership:
    """The lab erases, on their request, the place recorded for a beneficiary without an account: the place still
    counts, its name becomes « Bénéficiaire » (in the journal too) and its link no longer serves. ``confirmation``
    is the name as shown, typed again by the agent."""
    if not rules.runs_lab(agent):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité effacent une personne."))
    locked = Membership.objects.select_for_update().get(pk=place.pk)
    if locked.person_id is not None or not locked.beneficiary:
        raise Conflict(
            _("Cette place a été prise avec un compte : la personne supprime son compte elle-même.")
        )
    if locked.erased_at is not None:
        raise Conflict(_("Cette personne est déjà effacée."))
    if " ".join(confirmation.split()).casefold() != " ".join(locked.beneficiary_name.split()).casefold():
        message = _("Recopiez exactement le prénom ou le nom d'usage pour confirmer.")
        raise InvalidInput(_("Rien n'a été effacé."), field_errors={"confirmation": message})
    _erase_place(locked)
    locked.refresh_from_db()
    return locked


def _erase_place(place: Membership) -> None:
    _scrub_names({place.initiative_id}, [place.beneficiary_name], _("Bénéficiaire"))
    Membership.objects.filter(pk=place.pk).update(
        beneficiary_name=_("Bénéficiaire"), erased_at=timezone.now(), updated_at=timezone.now()
    )


def forget_unclaimed_places(*, before: dt.datetime) -> int:
    """Retention: the places recorded for beneficiaries before ``before`` and never claimed are anonymised (they
    still count). Returns how many."""
    old = Membership.objects.filter(
        beneficiary=True, person__isnull=True, erased_at__isnull=True, consent_at__lt=before
    )
    count = 0
    with transaction.atomic():
        for place in old.select_for_update():
            _erase_place(place)
            count += 1
    return count
