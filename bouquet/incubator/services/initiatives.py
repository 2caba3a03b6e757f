"""Writes on initiatives and their working groups: start, edit, join, invite, answer, leave and hand over, claim a
beneficiary's place, assign a mentor. One transaction each; every change of leadership is written to the journal."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import Role, User
from bouquet.bouquets.models import Bouquet
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.core.french import format_date
from bouquet.incubator import notices, rules
from bouquet.incubator.models import (
    TITLE_MAX,
    Initiative,
    InitiativeInvitation,
    InvitationState,
    JournalEntry,
    JournalKind,
    LeadProfile,
    MemberRole,
    Membership,
    Origin,
)
from bouquet.incubator.selectors import membership_from_token
from bouquet.incubator.texts import initiative_text, suggest_sdgs, vectors_for
from bouquet.places.models import District
from bouquet.proposals.models import Proposal, Theme

SDG_NUMBERS = range(1, 18)


@dataclass(frozen=True, slots=True)
class InitiativeInput:
    """What a person writes when starting or editing an initiative."""

    title: str
    need: str
    for_whom: str
    district: District | None = None
    latitude: float | None = None
    longitude: float | None = None
    themes: Sequence[Theme] = ()
    lead_profile: str = LeadProfile.INHABITANT


@dataclass(frozen=True, slots=True)
class BeneficiaryInput:
    """A beneficiary without an account, named as they wish, and whether they gave their consent."""

    name: str
    consent: bool


@dataclass(frozen=True, slots=True)
class Started:
    initiative: Initiative
    invited: list[User] = field(default_factory=list)
    places: list[Membership] = field(default_factory=list)


def write_journal(initiative: Initiative, kind: JournalKind, text: str, *, actor: User | None = None) -> None:
    """One line in the initiative's journal, and the initiative counts as active now."""
    JournalEntry.objects.create(initiative=initiative, kind=kind, text=text[:400], actor=actor)
    touch(initiative)


def touch(initiative: Initiative) -> None:
    """The initiative had activity now (for « no activity for N weeks »)."""
    now = timezone.now()
    Initiative.objects.filter(pk=initiative.pk).update(last_activity_at=now)
    initiative.last_activity_at = now


def _check_input(data: InitiativeInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = _("Donnez un titre à l'initiative.")
    elif len(data.title) > TITLE_MAX:
        errors["title"] = _("Le titre tient en %(max)d caractères.") % {"max": TITLE_MAX}
    if not data.need.strip():
        errors["need"] = _("Dites à quel besoin l'initiative répond.")
    if not data.for_whom.strip():
        errors["for_whom"] = _("Dites pour qui elle est faite.")
    if (data.latitude is None) != (data.longitude is None):
        errors["latitude"] = _("Un point sur la carte a une latitude et une longitude.")
    return errors


def _check_beneficiaries(starter: User, beneficiaries: Sequence[BeneficiaryInput]) -> None:
    if not beneficiaries:
        return
    if not rules.can_record_beneficiaries(starter):
        raise ActionNotAllowed(
            _(
                "Seuls un travailleur social ou un animateur inscrivent des bénéficiaires qui n'ont pas de compte."
            )
        )
    for person in beneficiaries:
        if not person.name.strip():
            message = _("Donnez le prénom ou le nom d'usage de chaque bénéficiaire.")
            raise InvalidInput(message, field_errors={"beneficiaries": message})
        if not person.consent:
            message = _(
                "%(name)s n'a pas donné son accord : un bénéficiaire n'est inscrit qu'avec son consentement."
            ) % {"name": person.name.strip()}
            raise InvalidInput(message, field_errors={"beneficiaries": message})


@transaction.atomic
def start_initiative(
    *,
    starter: User,
    data: InitiativeInput,
    beneficiaries: Sequence[BeneficiaryInput] = (),
    proposal: Proposal | None = None,
    bouquet: Bouquet | None = None,
    origin: Origin | None = None,
) -> Started:
    """Start an initiative: the starter co-leads it; beneficiaries without accounts get a place each (with their
    consent); started from a proposal or a bouquet, the authors of its proposals are invited."""
    if not rules.can_start(starter):
        raise ActionNotAllowed(_("Connectez-vous pour lancer une initiative."))
    errors = _check_input(data)
    if errors:
        raise InvalidInput(_("L'initiative n'a pas été lancée."), field_errors=errors)
    _check_beneficiaries(starter, beneficiaries)
    chosen_origin = origin or (
        Origin.BOUQUET if bouquet is not None else Origin.PROPOSAL if proposal is not None else Origin.SCRATCH
    )
    profile = LeadProfile.BENEFICIARIES if beneficiaries else data.lead_profile
    initiative = Initiative.objects.create(
        title=data.title.strip(),
        need=data.need.strip(),
        for_whom=data.for_whom.strip(),
        district=data.district,
        latitude=data.latitude,
        longitude=data.longitude,
        origin=chosen_origin,
        proposal=proposal,
        bouquet=bouquet,
        started_by=starter,
        lead_profile=profile,
        collective_action=bool(beneficiaries),
    )
    initiative.themes.set(data.themes)
    text = initiative_text(initiative)
    initiative.suggested_sdgs = suggest_sdgs(text)
    initiative.save(update_fields=["suggested_sdgs"])
    vectors_for([initiative], [text])
    Membership.objects.create(initiative=initiative, person=starter, role=MemberRole.LEAD)
    rules.forget_roles(starter)
    notices.follow(starter, initiative)
    write_journal(
        initiative,
        JournalKind.STARTED,
        _("%(who)s lance l'initiative et la co-porte.") % {"who": starter.public_name},
        actor=starter,
    )
    places = []
    now = timezone.now()
    for person in beneficiaries:
        places.append(
            Membership.objects.create(
                initiative=initiative,
                role=MemberRole.MEMBER,
                beneficiary=True,
                beneficiary_name=person.name.strip()[:80],
                consent_recorded_by=starter,
                consent_at=now,
            )
        )
    if places:
        write_journal(
            initiative,
            JournalKind.MEMBERS,
            _("%(who)s inscrit %(count)d bénéficiaire(s) avec leur accord : %(names)s.")
            % {
                "who": starter.public_name,
                "count": len(places),
                "names": ", ".join(p.beneficiary_name for p in places),
            },
            actor=starter,
        )
    authors = _authors(proposal, bouquet, starter)
    for author in authors:
        _create_invitation(initiative, inviter=starter, person=author, role=MemberRole.MEMBER)
    return Started(initiative=initiative, invited=authors, places=places)


def _authors(proposal: Proposal | None, bouquet: Bouquet | None, starter: User) -> list[User]:
    """The authors of the proposal, or of the bouquet's proposals that count, but the starter."""
    query = Q(pk__in=[])
    if proposal is not None:
        query |= Q(pk=proposal.pk)
    if bouquet is not None:
        query |= Q(placement__bouquet=bouquet)
    author_ids = (
        Proposal.objects.live()
        .filter(query)
        .exclude(author=starter)
        .values_list("author_id", flat=True)
        .distinct()
    )
    return list(User.objects.filter(pk__in=author_ids, is_active=True, erased_at__isnull=True).order_by("pk"))


@transaction.atomic
def edit_initiative(*, editor: User, initiative: Initiative, data: InitiativeInput) -> Initiative:
    """A co-lead changes what the initiative says of itself; its SDG suggestions follow the new text."""
    if not rules.can_edit(editor, initiative):
        raise ActionNotAllowed(_("Seuls les co-porteurs modifient l'initiative."))
    errors = _check_input(data)
    if errors:
        raise InvalidInput(_("L'initiative n'a pas été modifiée."), field_errors=errors)
    initiative.title = data.title.strip()
    initiative.need = data.need.strip()
    initiative.for_whom = data.for_whom.strip()
    initiative.district = data.district
    initiative.latitude = data.latitude
    initiative.longitude = data.longitude
    initiative.suggested_sdgs = suggest_sdgs(initiative_text(initiative))
    initiative.save()
    initiative.themes.set(data.themes)
    vectors_for([initiative], [initiative_text(initiative)])
    touch(initiative)
    return initiative


@transaction.atomic
def confirm_sdgs(*, person: User, initiative: Initiative, numbers: Sequence[int]) -> Initiative:
    """A co-lead (or the lab) confirms which SDGs the initiative serves, among the suggested ones or others."""
    if not (rules.can_edit(person, initiative) or rules.runs_lab(person)):
        raise ActionNotAllowed(_("Seuls les co-porteurs et le laboratoire confirment les ODD."))
    chosen = sorted({int(n) for n in numbers})
    if any(n not in SDG_NUMBERS for n in chosen):
        message = _("Les objectifs de développement durable vont de 1 à 17.")
        raise InvalidInput(message, field_errors={"sdgs": message})
    initiative.confirmed_sdgs = chosen
    initiative.save(update_fields=["confirmed_sdgs", "updated_at"])
    return initiative


# ---- joining, inviting, answering ---------------------------------------------------------------------------


@transaction.atomic
def join_initiative(*, person: User, initiative: Initiative) -> Membership:
    """Someone signed in joins the working group as a member (« rejoindre »)."""
    if not rules.can_join(person, initiative):
        if rules.is_member(person, initiative):
            raise Conflict(_("Vous faites déjà partie de ce groupe."))
        raise ActionNotAllowed(_("Connectez-vous pour rejoindre l'initiative."))
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                initiative=initiative, person=person, role=MemberRole.MEMBER
            )
    except IntegrityError as error:  # joined twice at once: the constraint keeps one
        raise Conflict(_("Vous faites déjà partie de ce groupe.")) from error
    rules.forget_roles(person)
    notices.follow(person, initiative)
    InitiativeInvitation.objects.filter(
        initiative=initiative, person=person, answered_at__isnull=True
    ).update(answered_at=timezone.now(), accepted=True)
    write_journal(
        initiative,
        JournalKind.MEMBERS,
        _("%(who)s rejoint le groupe.") % {"who": person.public_name},
        actor=person,
    )
    return membership


def _create_invitation(
    initiative: Initiative, *, inviter: User | None, person: User, role: str, message: str = ""
) -> InitiativeInvitation:
    InitiativeInvitation.objects.filter(
        initiative=initiative, person=person, answered_at__isnull=True, expires_at__lte=timezone.now()
    ).delete()  # an expired invitation makes room for a new one
    if InitiativeInvitation.objects.filter(
        initiative=initiative, person=person, answered_at__isnull=True
    ).exists():
        text = _("Une invitation attend déjà la réponse de %(who)s.") % {"who": person.public_name}
        raise Conflict(text, field_errors={"person": text})
    try:
        with transaction.atomic():
            invitation = InitiativeInvitation.objects.create(
                initiative=initiative, person=person, role=role, invited_by=inviter, message=message[:300]
            )
    except IntegrityError as error:
        text = _("Une invitation attend déjà la réponse de %(who)s.") % {"who": person.public_name}
        raise Conflict(text, field_errors={"person": text}) from error
    notices.announce(
        "incubator.invitation",
        initiative,
        actor=inviter,
        recipients=[person],
        context={"role": str(MemberRole(role).label).lower()},
    )
    return invitation


@transaction.atomic
def invite_person(
    *, inviter: User, initiative: Initiative, person: User, role: str = MemberRole.MEMBER, message: str = ""
) -> InitiativeInvitation:
    """A co-lead invites someone to co-lead or join; a member invites someone to join. Refused for a member
    already there, or when an invitation already waits for them."""
    if role not in (MemberRole.LEAD, MemberRole.MEMBER):
        raise InvalidInput(
            _("On invite à co-porter ou à rejoindre le groupe."),
            field_errors={"role": _("Choisissez un rôle.")},
        )
    if not rules.can_invite(inviter, initiative, role):
        if role == MemberRole.LEAD:
            raise ActionNotAllowed(_("Seul un co-porteur invite une personne à co-porter l'initiative."))
        raise ActionNotAllowed(_("Seuls les membres du groupe invitent d'autres personnes."))
    existing = Membership.objects.filter(initiative=initiative, person=person).first()
    if existing is not None and (existing.role == role or existing.role == MemberRole.LEAD):
        text = _("%(who)s fait déjà partie du groupe (%(role)s).") % {
            "who": person.public_name,
            "role": existing.get_role_display(),
        }
        raise Conflict(text, field_errors={"person": text})
    if person.pk == inviter.pk:
        raise InvalidInput(_("On ne s'invite pas soi-même."))
    invitation = _create_invitation(initiative, inviter=inviter, person=person, role=role, message=message)
    touch(initiative)
    return invitation


def _check_pending(invitation: InitiativeInvitation, person: User) -> None:
    if invitation.person_id != person.pk:
        raise ActionNotAllowed(_("Cette invitation est adressée à quelqu'un d'autre."))
    state = invitation.state
    if state == InvitationState.ACCEPTED:
        raise Conflict(_("Vous avez déjà accepté cette invitation."))
    if state == InvitationState.REFUSED:
        raise Conflict(_("Vous avez déjà refusé cette invitation."))
    if state == InvitationState.EXPIRED:
        raise Conflict(
            _("Cette invitation a expiré le %(date)s.")
            % {"date": format_date(timezone.localtime(invitation.expires_at))}
        )


@transaction.atomic
def accept_invitation(*, invitation: InitiativeInvitation, person: User) -> Membership:
    """The invited person accepts: they join, or become a co-lead; an initiative the lab held has a co-lead again."""
    locked = (
        InitiativeInvitation.objects.select_for_update(of=("self",))
        .select_related("initiative", "invited_by")
        .get(pk=invitation.pk)
    )
    _check_pending(locked, person)
    initiative = Initiative.objects.select_for_update().get(pk=locked.initiative_id)
    membership, created = Membership.objects.get_or_create(
        initiative=initiative, person=person, defaults={"role": locked.role, "invited_by": locked.invited_by}
    )
    if not created and membership.role != MemberRole.LEAD and locked.role == MemberRole.LEAD:
        membership.role = MemberRole.LEAD
        membership.save(update_fields=["role", "updated_at"])
    locked.answered_at = timezone.now()
    locked.accepted = True
    locked.save(update_fields=["answered_at", "accepted", "updated_at"])
    rules.forget_roles(person)
    notices.follow(person, initiative)
    if locked.role == MemberRole.LEAD:
        text = _("%(who)s accepte de co-porter l'initiative.") % {"who": person.public_name}
        if initiative.held_by_lab:
            initiative.held_by_lab = False
            initiative.save(update_fields=["held_by_lab", "updated_at"])
            text = _("%(who)s reprend le portage de l'initiative : le laboratoire la rend au groupe.") % {
                "who": person.public_name
            }
        write_journal(initiative, JournalKind.LEADERSHIP, text, actor=person)
    else:
        write_journal(
            initiative,
            JournalKind.MEMBERS,
            _("%(who)s rejoint le groupe, invité·e par %(inviter)s.")
            % {
                "who": person.public_name,
                "inviter": locked.invited_by.public_name if locked.invited_by else _("le laboratoire"),
            },
            actor=person,
        )
    return membership


@transaction.atomic
def refuse_invitation(*, invitation: InitiativeInvitation, person: User) -> InitiativeInvitation:
    """The invited person says no; nothing else changes, and nobody may invite them again until they are asked
    anew."""
    locked = InitiativeInvitation.objects.select_for_update().get(pk=invitation.pk)
    _check_pending(locked, person)
    locked.answered_at = timezone.now()
    locked.accepted = False
    locked.save(update_fields=["answered_at", "accepted", "updated_at"])
    return locked


# ---- leaving and handing over -------------------------------------------------------------------------------


def last_lead_message(initiative: Initiative) -> str:
    members = initiative.memberships.filter(person__isnull=False, role=MemberRole.MEMBER).count()
    if members:
        return _(
            "Vous êtes le dernier co-porteur. Si vous partez, les %(count)d membres du groupe seront invités à "
            "reprendre le portage, et le laboratoire portera l'initiative en attendant. Confirmez votre départ."
        ) % {"count": members}
    return _(
        "Vous êtes le dernier co-porteur et le groupe n'a pas d'autre membre. Si vous partez, le laboratoire "
        "portera l'initiative jusqu'à ce que quelqu'un la reprenne. Confirmez votre départ."
    )


@transaction.atomic
def leave_initiative(*, person: User, initiative: Initiative, confirmed: bool = False) -> Initiative:
    """A member leaves. A co-lead leaves and the initiative lives on; the last co-lead must confirm, then the
    members are invited to take over and the lab holds the initiative meanwhile (all of it in the journal)."""
    locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
    membership = Membership.objects.filter(initiative=locked, person=person).first()
    if membership is None:
        raise Conflict(_("Vous ne faites pas partie de ce groupe."))
    was_lead = membership.role == MemberRole.LEAD
    other_leads = locked.memberships.filter(role=MemberRole.LEAD, person__isnull=False).exclude(
        pk=membership.pk
    )
    if was_lead and not other_leads.exists() and not confirmed:
        raise Conflict(last_lead_message(locked))
    membership.delete()
    rules.forget_roles(person)
    notices.unfollow(person, locked)
    if not was_lead:
        write_journal(
            locked,
            JournalKind.MEMBERS,
            _("%(who)s quitte le groupe.") % {"who": person.public_name},
            actor=person,
        )
        return locked
    if other_leads.exists():
        write_journal(
            locked,
            JournalKind.LEADERSHIP,
            _("%(who)s ne co-porte plus l'initiative ; %(others)s la co-portent.")
            % {
                "who": person.public_name,
                "others": ", ".join(
                    m.person.public_name for m in other_leads.select_related("person") if m.person
                ),
            },
            actor=person,
        )
        return locked
    locked.held_by_lab = True
    locked.save(update_fields=["held_by_lab", "updated_at"])
    members = list(
        User.objects.filter(
            initiative_memberships__initiative=locked, initiative_memberships__role=MemberRole.MEMBER
        ).order_by("pk")
    )
    for member in members:
        if not InitiativeInvitation.objects.filter(
            initiative=locked, person=member, answered_at__isnull=True
        ).exists():
            _create_invitation(locked, inviter=None, person=member, role=MemberRole.LEAD)
    if members:
        text = _(
            "%(who)s, dernier co-porteur, quitte l'initiative. Les %(count)d membres sont invités à reprendre le "
            "portage ; le laboratoire porte l'initiative en attendant."
        ) % {"who": person.public_name, "count": len(members)}
    else:
        text = _(
            "%(who)s, dernier co-porteur, quitte l'initiative. Le groupe n'a pas d'autre membre : le laboratoire "
            "porte l'initiative jusqu'à ce que quelqu'un la reprenne."
        ) % {"who": person.public_name}
    write_journal(locked, JournalKind.LEADERSHIP, text, actor=person)
    lab = User.objects.filter(
        role__in=[Role.AGENT, Role.ADMINISTRATOR], is_active=True, erased_at__isnull=True
    )
    notices.announce("incubator.handover", locked, actor=person, recipients=lab)
    return locked


@transaction.atomic
def take_over(*, person: User, initiative: Initiative) -> Membership:
    """A member of an initiative without co-lead takes it over (same as accepting the invitation to do so)."""
    pending = InitiativeInvitation.objects.filter(
        initiative=initiative, person=person, role=MemberRole.LEAD, answered_at__isnull=True
    ).first()
    if pending is None:
        raise ActionNotAllowed(_("Seuls les membres invités à reprendre le portage peuvent le reprendre."))
    return accept_invitation(invitation=pending, person=person)


# ---- beneficiaries' places ----------------------------------------------------------------------------------


@transaction.atomic
def claim_place(*, token: str, person: User) -> Membership:
    """A beneficiary, now with an account, takes the place recorded for them (the link serves once)."""
    membership = membership_from_token(token)
    locked = (
        Membership.objects.select_for_update(of=("self",)).select_related("initiative").get(pk=membership.pk)
    )
    if locked.person_id is not None or locked.claimed_at is not None:
        raise Conflict(_("Cette place a déjà été prise : le lien ne sert qu'une fois."))
    if Membership.objects.filter(initiative=locked.initiative, person=person).exists():
        raise Conflict(_("Vous faites déjà partie de ce groupe avec votre compte."))
    locked.person = person
    locked.claimed_at = timezone.now()
    locked.save(update_fields=["person", "claimed_at", "updated_at"])
    rules.forget_roles(person)
    notices.follow(person, locked.initiative)
    write_journal(
        locked.initiative,
        JournalKind.MEMBERS,
        _("%(name)s prend sa place dans le groupe avec son propre compte.")
        % {"name": locked.beneficiary_name},
        actor=person,
    )
    return locked


@transaction.atomic
def record_beneficiary(
    *, recorder: User, initiative: Initiative, beneficiary: BeneficiaryInput
) -> Membership:
    """A social worker or facilitator who is in the group adds a beneficiary, with their consent."""
    if not rules.is_member(recorder, initiative):
        raise ActionNotAllowed(_("Seuls les membres du groupe y inscrivent des bénéficiaires."))
    _check_beneficiaries(recorder, [beneficiary])
    place = Membership.objects.create(
        initiative=initiative,
        role=MemberRole.MEMBER,
        beneficiary=True,
        beneficiary_name=beneficiary.name.strip()[:80],
        consent_recorded_by=recorder,
        consent_at=timezone.now(),
    )
    write_journal(
        initiative,
        JournalKind.MEMBERS,
        _("%(who)s inscrit %(name)s, avec son accord.")
        % {"who": recorder.public_name, "name": place.beneficiary_name},
        actor=recorder,
    )
    return place


# ---- mentors ------------------------------------------------------------------------------------------------


@transaction.atomic
def assign_mentor(*, lab: User, initiative: Initiative, mentor: User) -> Membership:
    """The lab gives the initiative a mentor (who joins the group as its mentor)."""
    if not rules.runs_lab(lab):
        raise ActionNotAllowed(_("Seul le laboratoire désigne les accompagnateurs."))
    if mentor.role != Role.MENTOR and not mentor.role_grants.filter(role=Role.MENTOR).exists():
        message = _("%(who)s n'a pas le rôle d'accompagnateur.") % {"who": mentor.public_name}
        raise InvalidInput(message, field_errors={"mentor": message})
    membership, created = Membership.objects.get_or_create(
        initiative=initiative, person=mentor, defaults={"role": MemberRole.MENTOR, "invited_by": lab}
    )
    if not created:
        if membership.role == MemberRole.MENTOR:
            raise Conflict(_("%(who)s accompagne déjà cette initiative.") % {"who": mentor.public_name})
        raise Conflict(
            _("%(who)s fait déjà partie du groupe comme %(role)s.")
            % {"who": mentor.public_name, "role": membership.get_role_display()}
        )
    rules.forget_roles(mentor)
    notices.follow(mentor, initiative)
    write_journal(
        initiative,
        JournalKind.MENTOR,
        _("Le laboratoire désigne %(who)s pour accompagner l'initiative.") % {"who": mentor.public_name},
        actor=lab,
    )
    notices.announce("incubator.mentor", initiative, actor=lab, recipients=[mentor])
    return membership
