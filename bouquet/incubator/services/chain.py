"""Writes on the solidarity chain: an initiative publishes a need or an offer, closes it, and an exchange is
recorded (who helped whom, with what, when), in both initiatives' journals."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.incubator import notices, rules
from bouquet.incubator.models import Exchange, Initiative, JournalKind, Need, Offer, ResourceKind, Skill
from bouquet.incubator.selectors import energies_for_initiative
from bouquet.incubator.services.initiatives import write_journal
from bouquet.incubator.texts import need_text, vectors_for

MATCH_TOLD = 0.5  # a person is told of a need that fits their energy this well


@dataclass(frozen=True, slots=True)
class ResourceInput:
    kind: str
    title: str
    description: str = ""
    skills: Sequence[Skill] = ()
    hours_per_month: int = 0


def _check(data: ResourceInput) -> None:
    errors = {}
    if data.kind not in ResourceKind.values:
        errors["kind"] = _("Choisissez la nature : compétence, salle, outil, argent ou bénévoles.")
    if not data.title.strip():
        errors["title"] = _("Donnez un intitulé.")
    if not 0 <= data.hours_per_month <= 200:
        errors["hours_per_month"] = _("Entre 0 et 200 heures par mois.")
    if errors:
        raise InvalidInput(_("Rien n'a été publié."), field_errors=errors)


@transaction.atomic
def publish_need(*, person: User, initiative: Initiative, data: ResourceInput) -> Need:
    """A co-lead publishes what the initiative looks for."""
    if not rules.can_edit(person, initiative):
        raise ActionNotAllowed(_("Seuls les co-porteurs publient les besoins de l'initiative."))
    _check(data)
    need = Need.objects.create(
        initiative=initiative,
        kind=data.kind,
        title=data.title.strip()[:160],
        description=data.description.strip(),
        hours_per_month=data.hours_per_month,
    )
    need.skills.set(data.skills)
    vectors_for([need], [need_text(need)])
    write_journal(
        initiative, JournalKind.CHAIN, _("Besoin publié : %(title)s.") % {"title": need.title}, actor=person
    )
    _tell_matching_energies(need, actor=person)
    return need


def _tell_matching_energies(need: Need, *, actor: User) -> None:
    """The people whose energy fits the new need well are told, each with the reason."""
    for found in energies_for_initiative(need.initiative, limit=10):
        if found.need is not None and found.need.pk == need.pk and found.score >= MATCH_TOLD and found.energy:
            notices.announce(
                "incubator.match",
                need.initiative,
                actor=actor,
                recipients=[found.energy.person],
                context={"reason": found.reason or need.title},
            )


@transaction.atomic
def publish_offer(*, person: User, initiative: Initiative, data: ResourceInput) -> Offer:
    """A co-lead publishes what the initiative can give to others."""
    if not rules.can_edit(person, initiative):
        raise ActionNotAllowed(_("Seuls les co-porteurs publient les offres de l'initiative."))
    _check(data)
    offer = Offer.objects.create(
        initiative=initiative,
        kind=data.kind,
        title=data.title.strip()[:160],
        description=data.description.strip(),
        hours_per_month=data.hours_per_month,
    )
    offer.skills.set(data.skills)
    vectors_for([offer], [need_text(offer)])
    write_journal(
        initiative, JournalKind.CHAIN, _("Offre publiée : %(title)s.") % {"title": offer.title}, actor=person
    )
    return offer


@transaction.atomic
def close_need(*, person: User, need: Need) -> Need:
    """A co-lead says the need was met."""
    if not rules.can_edit(person, need.initiative):
        raise ActionNotAllowed(_("Seuls les co-porteurs ferment un besoin de l'initiative."))
    if need.met_at is not None:
        raise Conflict(_("Ce besoin est déjà satisfait."))
    need.met_at = timezone.now()
    need.save(update_fields=["met_at", "updated_at"])
    return need


@transaction.atomic
def record_exchange(
    *,
    person: User,
    helped: Initiative,
    what: str,
    helper: Initiative | None = None,
    helper_person: User | None = None,
    need: Need | None = None,
    offer: Offer | None = None,
    happened_on: dt.date | None = None,
    need_met: bool = False,
) -> Exchange:
    """Record that ``helper`` (an initiative) or ``helper_person`` (an energy) helped ``helped``; a member of
    either initiative records it. Both journals say so."""
    if offer is not None:
        helper = offer.initiative
    if helper is None and helper_person is None:
        message = _("Dites qui a aidé : une initiative ou une personne.")
        raise InvalidInput(message, field_errors={"helper": message})
    if helper is not None and helper.pk == helped.pk:
        message = _("Une initiative ne s'aide pas elle-même : choisissez une autre initiative.")
        raise InvalidInput(message, field_errors={"helper": message})
    allowed = rules.is_member(person, helped) or (helper is not None and rules.is_member(person, helper))
    if not allowed:
        raise ActionNotAllowed(_("Seuls les membres des initiatives concernées enregistrent un échange."))
    if need is not None and need.initiative_id != helped.pk:
        raise InvalidInput(
            _("Ce besoin n'est pas celui de l'initiative aidée."),
            field_errors={"need": _("Choisissez un besoin de l'initiative aidée.")},
        )
    day = happened_on or timezone.localdate()
    if day > timezone.localdate():
        message = _("Un échange se note une fois fait : la date est dans le futur.")
        raise InvalidInput(message, field_errors={"happened_on": message})
    if not what.strip():
        message = _("Dites avec quoi l'initiative a été aidée.")
        raise InvalidInput(message, field_errors={"what": message})
    exchange = Exchange.objects.create(
        helped=helped,
        helper=helper,
        helper_person=helper_person if helper is None else None,
        need=need,
        offer=offer,
        what=what.strip()[:200],
        happened_on=day,
        recorded_by=person,
    )
    if need is not None and need_met and need.met_at is None:
        need.met_at = timezone.now()
        need.save(update_fields=["met_at", "updated_at"])
    giver = helper.title if helper is not None else (helper_person.public_name if helper_person else "")
    write_journal(
        helped,
        JournalKind.CHAIN,
        _("« %(giver)s » a aidé l'initiative : %(what)s.") % {"giver": giver, "what": exchange.what},
        actor=person,
    )
    if helper is not None:
        write_journal(
            helper,
            JournalKind.CHAIN,
            _("L'initiative a aidé « %(helped)s » : %(what)s.")
            % {"helped": helped.title, "what": exchange.what},
            actor=person,
        )
    notices.announce("incubator.exchange", helped, actor=person, context={"what": exchange.what})
    return exchange
