"""Writes on energies: a person says what they can give, pauses it, withdraws it (erased), and a co-lead invites
the person behind a matching energy (without ever seeing the energies of people who do not match)."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.accounts.rules import is_signed_in
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.incubator.models import Energy, Initiative, InitiativeInvitation, MemberRole, Skill
from bouquet.incubator.services.initiatives import invite_person
from bouquet.incubator.texts import energy_text, vectors_for
from bouquet.places.models import District
from bouquet.proposals.models import Theme

MAX_HOURS = 200


@dataclass(frozen=True, slots=True)
class EnergyInput:
    skills: Sequence[Skill] = ()
    free_text: str = ""
    hours_per_month: int = 0
    material: str = ""
    rooms: str = ""
    districts: Sequence[District] = ()
    themes: Sequence[Theme] = ()


@transaction.atomic
def save_energy(*, person: User, data: EnergyInput) -> Energy:
    """Record or update what a person can give (one energy per person)."""
    if not is_signed_in(person):
        raise ActionNotAllowed(_("Connectez-vous pour proposer votre énergie."))
    errors = {}
    if not (
        data.skills
        or data.free_text.strip()
        or data.material.strip()
        or data.rooms.strip()
        or data.hours_per_month
    ):
        errors["skills"] = _(
            "Dites au moins une chose que vous pouvez donner : une compétence, du temps, du matériel ou un lieu."
        )
    if not 0 <= data.hours_per_month <= MAX_HOURS:
        errors["hours_per_month"] = _("Entre 0 et %(max)d heures par mois.") % {"max": MAX_HOURS}
    if errors:
        raise InvalidInput(_("Votre énergie n'a pas été enregistrée."), field_errors=errors)
    energy, _created = Energy.objects.select_for_update().get_or_create(person=person)
    energy.free_text = data.free_text.strip()[:2000]
    energy.hours_per_month = data.hours_per_month
    energy.material = data.material.strip()[:300]
    energy.rooms = data.rooms.strip()[:300]
    energy.save()
    energy.skills.set(data.skills)
    energy.districts.set(data.districts)
    energy.themes.set(data.themes)
    vectors_for([energy], [energy_text(energy)])
    return energy


@transaction.atomic
def pause_energy(*, person: User, paused: bool) -> Energy:
    """Pause (or resume) one's energy: while paused, nobody sees it match."""
    energy = Energy.objects.filter(person=person).first()
    if energy is None:
        raise Conflict(_("Vous n'avez pas encore proposé d'énergie."))
    energy.paused = paused
    energy.save(update_fields=["paused", "updated_at"])
    return energy


@transaction.atomic
def withdraw_energy(*, person: User) -> None:
    """Withdraw one's energy: it is erased, not hidden."""
    deleted, _rows = Energy.objects.filter(person=person).delete()
    if not deleted:
        raise Conflict(_("Vous n'avez pas d'énergie à retirer."))


@transaction.atomic
def invite_energy(
    *, inviter: User, initiative: Initiative, energy: Energy, message: str = ""
) -> InitiativeInvitation:
    """A co-lead invites the person behind a matching energy to join (a paused energy cannot be invited)."""
    if energy.paused:
        raise Conflict(_("Cette personne a mis son énergie en pause."))
    return invite_person(
        inviter=inviter, initiative=initiative, person=energy.person, role=MemberRole.MEMBER, message=message
    )
