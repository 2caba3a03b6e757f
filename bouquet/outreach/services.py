"""Writes of the outreach app: workshops (schedule, publish, registrations, what happened), and contributions
recorded on someone's behalf (a new proposal or a voice added to one), their claim by the person later.

Contributions become proposals through the same flow as online ones (``bouquets.flows``): the same checks, the
same bouquets, the same duplicates and moderation. The facilitator is the proposal's author (``Proposal.author``
is required and must be an account); the person who spoke is a ``Contributor`` (docs/decisions/0024)."""

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.accounts.rules import is_signed_in
from bouquet.bouquets.flows import submit_and_place_proposal
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.core.images import clean_image
from bouquet.core.text import fold
from bouquet.notifications import services as notifications
from bouquet.outreach import rules
from bouquet.outreach.models import (
    Contribution,
    Contributor,
    Format,
    MeetingKind,
    Registration,
    Workshop,
    WorkshopPhoto,
)
from bouquet.places.models import District
from bouquet.processes.models import Process
from bouquet.proposals.models import Origin, Proposal
from bouquet.proposals.services import (
    ProposalInput,
    carry_gathered_support,
    count_gathered_support,
    submit_proposal,
)

NAME_MAX = 80
CONTACT_MAX = 200


def _refuse_outsider(process: Process) -> ActionNotAllowed:
    return ActionNotAllowed(
        _(
            "Vous n'animez pas la démarche « %(process)s » : vous ne pouvez pas y enregistrer de contribution ni y organiser d'atelier."
        )
        % {"process": process.title}
    )


# ---------------------------------------------------------------------------------------------------- workshops
@dataclass(frozen=True)
class WorkshopInput:
    """What a facilitator typed to schedule a workshop or a public meeting."""

    process: Process
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place_name: str
    kind: str = MeetingKind.WORKSHOP
    format: str = Format.ROUND_TABLE
    description: str = ""
    address: str = ""
    place: tuple[float, float] | None = None
    district: District | None = None
    step_free: bool = False
    hearing_loop: bool = False
    accessibility: str = ""
    registration_open: bool = False
    capacity: int | None = None


def _check_workshop(data: WorkshopInput) -> None:
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = _("Donnez le thème de l'atelier.")
    if not data.place_name.strip():
        errors["place_name"] = _("Donnez le lieu.")
    if data.ends_at < data.starts_at:
        errors["ends_at"] = _("La fin doit venir après le début.")
    if data.capacity is not None and data.capacity < 1:
        errors["capacity"] = _("Le nombre de places est d'au moins 1 (laissez vide pour ne pas limiter).")
    if data.place is not None:
        latitude, longitude = data.place
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            errors["place"] = _("Ce point n'est pas sur la carte.")
    if errors:
        raise InvalidInput(_("Vérifiez les champs signalés."), field_errors=errors)


def _apply(workshop: Workshop, data: WorkshopInput) -> None:
    workshop.process = data.process
    workshop.kind = data.kind
    workshop.title = data.title.strip()
    workshop.description = data.description.strip()
    workshop.format = data.format
    workshop.starts_at = data.starts_at
    workshop.ends_at = data.ends_at
    workshop.place_name = data.place_name.strip()
    workshop.address = data.address.strip()
    workshop.latitude, workshop.longitude = data.place if data.place else (None, None)
    workshop.district = data.district
    workshop.step_free = data.step_free
    workshop.hearing_loop = data.hearing_loop
    workshop.accessibility = data.accessibility.strip()
    workshop.registration_open = data.registration_open
    workshop.capacity = data.capacity


@transaction.atomic
def schedule_workshop(*, facilitator: User, data: WorkshopInput) -> Workshop:
    """Schedule a workshop or public meeting for a process the facilitator facilitates (unpublished at first)."""
    if not rules.can_record_for(facilitator, data.process):
        raise _refuse_outsider(data.process)
    _check_workshop(data)
    workshop = Workshop(facilitator=facilitator)
    _apply(workshop, data)
    workshop.save()
    notifications.follow(facilitator, workshop)
    return workshop


@transaction.atomic
def update_workshop(*, facilitator: User, workshop: Workshop, data: WorkshopInput) -> Workshop:
    """Change a workshop's details (its process stays one the person facilitates)."""
    if not rules.can_manage_workshop(facilitator, workshop):
        raise _refuse_outsider(workshop.process)
    if not rules.can_record_for(facilitator, data.process):
        raise _refuse_outsider(data.process)
    _check_workshop(data)
    _apply(workshop, data)
    workshop.save()
    return workshop


def publish_workshop(*, facilitator: User, workshop: Workshop, published: bool = True) -> Workshop:
    """Show the workshop to the public (or take it back)."""
    if not rules.can_manage_workshop(facilitator, workshop):
        raise _refuse_outsider(workshop.process)
    workshop.is_published = published
    workshop.save(update_fields=["is_published", "updated_at"])
    return workshop


@transaction.atomic
def record_report(
    *,
    facilitator: User,
    workshop: Workshop,
    attendance: int | None,
    named_attendees: Sequence[str],
    minutes: str,
    outcomes: str,
) -> Workshop:
    """Record what happened at a workshop: how many came, who agreed to be named, the minutes and the outcomes."""
    if not rules.can_manage_workshop(facilitator, workshop):
        raise _refuse_outsider(workshop.process)
    names = [name.strip()[:NAME_MAX] for name in named_attendees if name.strip()]
    if attendance is not None and attendance < len(names):
        message = _("Le nombre de participants est plus petit que la liste des personnes nommées.")
        raise InvalidInput(message, field_errors={"attendance": message})
    workshop.attendance = attendance
    workshop.named_attendees = names
    workshop.minutes = minutes.strip()
    workshop.outcomes = outcomes.strip()
    workshop.save()
    return workshop


def add_workshop_photo(
    *, facilitator: User, workshop: Workshop, upload: File[bytes], alt: str
) -> WorkshopPhoto:
    """Add a photo to a workshop, re-encoded without its metadata (where and with what it was taken)."""
    if not rules.can_manage_workshop(facilitator, workshop):
        raise _refuse_outsider(workshop.process)
    if not alt.strip():
        message = _("Décrivez la photo en quelques mots, pour qui ne la voit pas.")
        raise InvalidInput(message, field_errors={"alt": message})
    image = clean_image(upload, field="image")
    photo = WorkshopPhoto(workshop=workshop, alt=alt.strip()[:200])
    photo.image.save(image.name or "photo.jpg", image, save=False)
    photo.save()
    return photo


# -------------------------------------------------------------------------------------------------- registrations
def register_for_workshop(*, person: User, workshop: Workshop) -> Registration:
    """Take a seat at a workshop, or a place on its waiting list when it is full (idempotent)."""
    if not rules.can_register(person, workshop):
        raise ActionNotAllowed(_("L'inscription à cet atelier n'est pas ouverte."))
    with transaction.atomic():
        # The workshop row is the lock: two people asking for the last seat queue here.
        locked = Workshop.objects.select_for_update().get(pk=workshop.pk)
        existing = Registration.objects.filter(workshop=locked, person=person).first()
        if existing is not None:
            return existing
        confirmed = Registration.objects.filter(workshop=locked, state=Registration.State.CONFIRMED).count()
        full = locked.capacity is not None and confirmed >= locked.capacity
        state = Registration.State.WAITING if full else Registration.State.CONFIRMED
        registration = Registration.objects.create(workshop=locked, person=person, state=state)
    notifications.follow(person, workshop)
    return registration


def cancel_registration(*, person: User, workshop: Workshop) -> Registration | None:
    """Give one's seat (or waiting place) back; the first person waiting takes a freed seat and is told.
    Returns the registration promoted, if any."""
    if not is_signed_in(person):
        raise ActionNotAllowed(_("Connectez-vous pour gérer votre inscription."))
    with transaction.atomic():
        locked = Workshop.objects.select_for_update().get(pk=workshop.pk)
        mine = Registration.objects.filter(workshop=locked, person=person).first()
        if mine is None:
            return None
        freed = mine.state == Registration.State.CONFIRMED
        mine.delete()
        promoted = None
        if freed:
            promoted = (
                Registration.objects.filter(workshop=locked, state=Registration.State.WAITING)
                .order_by("created_at", "pk")
                .first()
            )
            if promoted is not None:
                promoted.state = Registration.State.CONFIRMED
                promoted.save(update_fields=["state", "updated_at"])
                transaction.on_commit(
                    partial(
                        notifications.announce,
                        "outreach.seat_freed",
                        locked,
                        recipients=[promoted.person],
                    )
                )
    notifications.unfollow(person, workshop)
    return promoted


def send_workshop_reminders(
    *, now: dt.datetime | None = None, ahead: dt.timedelta = dt.timedelta(days=1)
) -> int:
    """Remind the people registered for a published workshop starting within ``ahead``, once per workshop.
    Returns how many people were reminded."""
    now = now or timezone.now()
    told = 0
    due = Workshop.objects.filter(
        is_published=True, reminded_at__isnull=True, starts_at__gt=now, starts_at__lte=now + ahead
    )
    for workshop in due:
        with transaction.atomic():
            claimed = Workshop.objects.filter(pk=workshop.pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if not claimed:
                continue  # another worker reminded them
            people = User.objects.filter(
                registrations__workshop=workshop, registrations__state=Registration.State.CONFIRMED
            )
            told += notifications.announce(
                "outreach.workshop_reminder",
                workshop,
                recipients=list(people),
                context={"place": workshop.place_name},
            )
    return told


# --------------------------------------------------------------------------------------------------- contributions
@dataclass(frozen=True)
class ContributorInput:
    """What the person agreed to give: a first name or pseudonym, optionally a district and a contact."""

    name: str
    consent: bool
    district: District | None = None
    contact: str = ""


_PHONE = re.compile(r"^\+?[\d .()-]{8,20}$")


def normalised_contact(contact: str) -> str:
    """A contact as identities compare it: an e-mail in lower case, a phone number as its digits (+33 6… = 06…);
    ``InvalidInput`` when it is neither."""
    contact = contact.strip()
    if not contact:
        return ""
    if "@" in contact:
        try:
            validate_email(contact)
        except ValidationError:
            message = _("Ce contact n'est ni une adresse e-mail ni un numéro de téléphone.")
            raise InvalidInput(message, field_errors={"contact": message}) from None
        return contact.lower()
    if not _PHONE.match(contact):
        message = _("Ce contact n'est ni une adresse e-mail ni un numéro de téléphone.")
        raise InvalidInput(message, field_errors={"contact": message})
    digits = re.sub(r"\D", "", contact)
    if contact.startswith("+33") or (digits.startswith("33") and len(digits) == 11):
        digits = "0" + digits[2:]
    return digits


def identity_of(person: ContributorInput) -> str:
    """Who counts as the same person on paper: their contact when they gave one; otherwise their first name or
    pseudonym (folded) in their district. Two people of one district with the same first name and no contact are
    counted as one: the facilitator asks them for a pseudonym."""
    contact = normalised_contact(person.contact)
    if contact:
        return f"contact:{contact}"
    district = person.district.pk if person.district else "-"
    return f"nom:{fold(person.name)}|{district}"


def _contributor(*, facilitator: User, person: ContributorInput) -> Contributor:
    errors: dict[str, str] = {}
    if not person.consent:
        errors["consent"] = _(
            "Sans le consentement de la personne, sa contribution n'est pas enregistrée : lisez-lui la phrase de "
            "consentement et cochez la case si elle est d'accord."
        )
    name = person.name.strip()
    if not name:
        errors["name"] = _("Donnez le prénom ou un pseudonyme de la personne.")
    elif len(name) > NAME_MAX:
        errors["name"] = _("%(n)d caractères au plus.") % {"n": NAME_MAX}
    if len(person.contact) > CONTACT_MAX:
        errors["contact"] = _("%(n)d caractères au plus.") % {"n": CONTACT_MAX}
    if errors:
        raise InvalidInput(next(iter(errors.values())), field_errors=errors)
    identity = identity_of(person)
    contributor, created = Contributor.objects.get_or_create(
        identity=identity,
        defaults={
            "name": name,
            "district": person.district,
            "contact": person.contact.strip(),
            "consent_at": timezone.now(),
            "recorded_by": facilitator,
        },
    )
    if not created:
        contributor.consent_at = timezone.now()  # the latest consent given for the latest contribution
        contributor.save(update_fields=["consent_at", "updated_at"])
    return contributor


@dataclass(frozen=True)
class GatheredInput:
    """One contribution as the facilitator typed it: a new proposal (title, body) or a voice for ``join``."""

    process: Process
    person: ContributorInput
    title: str = ""
    body: str = ""
    join: Proposal | None = None
    workshop: Workshop | None = None
    origin: str = Origin.OUTREACH
    said_on: dt.date | None = None
    district: District | None = None
    submission_key: uuid.UUID | None = None
    # A batch (the paper import) places its proposals in their bouquets itself, in a few background tasks.
    place_later: bool = False


def record_contribution(*, facilitator: User, data: GatheredInput) -> Contribution:
    """Record what a person said, with their consent: a new proposal of the process (through the same flow as online
    ones, marked with its origin), or their voice added to an existing proposal (a support on their behalf, once per
    person). The same entry sent twice (same key) records once."""
    process = data.process
    if not rules.can_record_for(facilitator, process):
        raise _refuse_outsider(process)
    if data.submission_key is not None:
        earlier = Contribution.objects.filter(submission_key=data.submission_key).first()
        if earlier is not None:
            return earlier
    today = timezone.localdate()
    said_on = data.said_on or today
    if said_on > today:
        message = _("La date est dans le futur.")
        raise InvalidInput(message, field_errors={"said_on": message})
    origin = Origin.WORKSHOP if data.workshop is not None else Origin(data.origin)
    if data.workshop is not None and data.workshop.process_id != process.pk:
        raise InvalidInput(_("Cet atelier n'appartient pas à cette démarche."))
    key = data.submission_key or uuid.uuid4()
    try:
        with transaction.atomic():
            contributor = _contributor(facilitator=facilitator, person=data.person)
            if data.join is not None:
                contribution = _add_voice(
                    facilitator=facilitator, contributor=contributor, proposal=data.join, process=process
                )
            else:
                submit = submit_proposal if data.place_later else submit_and_place_proposal
                proposal = submit(
                    author=facilitator,
                    process=process,
                    data=ProposalInput(
                        title=data.title,
                        body=data.body,
                        district=data.district or data.person.district,
                        submission_key=key,
                    ),
                    origin=origin,
                )
                contribution = Contribution(proposal=proposal, kind=Contribution.Kind.PROPOSAL)
            contribution.contributor = contributor
            contribution.workshop = data.workshop
            contribution.origin = origin
            contribution.recorded_by = facilitator
            contribution.said_on = said_on
            contribution.submission_key = key
            contribution.save()
    except IntegrityError:
        # The same entry, sent at the same moment, won the race: it is this one.
        earlier = Contribution.objects.filter(submission_key=key).first()
        if earlier is not None:
            return earlier
        # The same person's voice for the same proposal, recorded at the same moment by another entry.
        raise Conflict(
            _("Cette personne a déjà donné sa voix à cette proposition : elle ne compte qu'une fois.")
        ) from None
    return contribution


def _add_voice(
    *, facilitator: User, contributor: Contributor, proposal: Proposal, process: Process
) -> Contribution:
    if proposal.process_id != process.pk or not proposal.is_live:
        raise InvalidInput(_("Cette proposition n'est pas une proposition en cours de cette démarche."))
    if Contribution.objects.filter(contributor=contributor, proposal=proposal).exists():
        raise Conflict(
            _("Cette personne a déjà donné sa voix à cette proposition : elle ne compte qu'une fois.")
        )
    counted = count_gathered_support(proposal=proposal, citizen=contributor.claimed_by)
    if not counted:
        raise Conflict(
            _("Cette personne soutient déjà cette proposition en ligne : elle ne compte qu'une fois.")
        )
    return Contribution(
        proposal=proposal, kind=Contribution.Kind.SUPPORT, superseded=contributor.claimed_by is not None
    )


@transaction.atomic
def claim_contributions(*, user: User, contact: str) -> int:
    """Tie to a person's account the contributions gathered with the contact they gave: the e-mail of their account
    (a phone number is claimed at a desk, by an agent). Their gathered supports become theirs, counted once with
    their online ones (their proposals keep the facilitator as author); the facilitators who gathered them are
    told. Returns how many contributions were tied."""
    if not is_signed_in(user):
        raise ActionNotAllowed(_("Connectez-vous pour retrouver vos contributions."))
    wanted = normalised_contact(contact)
    if not wanted:
        message = _("Donnez le contact que vous aviez laissé.")
        raise InvalidInput(message, field_errors={"contact": message})
    if "@" not in wanted or wanted != (user.email or "").lower():
        message = _(
            "Ce contact n'est pas l'adresse e-mail de votre compte : pour un numéro de téléphone ou une autre "
            "adresse, demandez à un animateur ou à un agent."
        )
        raise InvalidInput(message, field_errors={"contact": message})
    contributor = Contributor.objects.select_for_update().filter(identity=f"contact:{wanted}").first()
    if contributor is None:
        message = _("Aucune contribution n'a été recueillie avec ce contact.")
        raise InvalidInput(message, field_errors={"contact": message})
    if contributor.claimed_by_id is not None:
        if contributor.claimed_by_id == user.pk:
            return 0
        raise Conflict(_("Ces contributions sont déjà rattachées à un autre compte."))
    contributor.claimed_by = user
    contributor.claimed_at = timezone.now()
    contributor.save(update_fields=["claimed_by", "claimed_at", "updated_at"])
    contributions = list(contributor.contributions.select_related("proposal", "recorded_by"))
    for contribution in contributions:
        if contribution.kind == Contribution.Kind.SUPPORT and not contribution.superseded:
            carry_gathered_support(proposal=contribution.proposal, citizen=user)
            contribution.superseded = True
            contribution.save(update_fields=["superseded", "updated_at"])
    facilitators = {c.recorded_by for c in contributions if c.recorded_by is not None}
    for contribution in contributions[:1]:
        transaction.on_commit(
            partial(
                notifications.announce,
                "outreach.contribution_claimed",
                contribution.proposal,
                actor=user,
                recipients=list(facilitators),
                context={"count": len(contributions)},
            )
        )
    return len(contributions)


def _anonymise_contributor(contributor: Contributor) -> None:
    """Nothing in the record says who the person was any more; their contributions stay and still count."""
    Contributor.objects.filter(pk=contributor.pk).update(
        name=_("Contribution anonyme"),
        contact="",
        identity=f"efface:{uuid.uuid4().hex}",
        erased_at=timezone.now(),
        updated_at=timezone.now(),
    )


def _forget_named_attendee(names: Sequence[str], workshops: Sequence[int]) -> None:
    """Take ``names`` out of the lists of attendees who accepted to be named, in those workshops."""
    wanted = {fold(name) for name in names if name.strip()}
    for workshop in Workshop.objects.filter(pk__in=workshops).exclude(named_attendees=[]):
        kept = [n for n in workshop.named_attendees if fold(str(n)) not in wanted]
        if len(kept) != len(workshop.named_attendees):
            Workshop.objects.filter(pk=workshop.pk).update(named_attendees=kept)


@transaction.atomic
def forget_person(*, person: User) -> int:
    """A person's account is being erased (privacy.services.erase_account): their seats at workshops still to come
    are given back (the first waiting takes it), the records gathered from them before they claimed them are
    anonymised, and their name leaves the lists of named attendees. Past registrations and contributions stay, so
    that the counts stay true. Returns how many rows changed."""
    now = timezone.now()
    changed = 0
    upcoming = Registration.objects.filter(person=person, workshop__starts_at__gt=now).select_related(
        "workshop"
    )
    for registration in list(upcoming):
        with transaction.atomic():
            locked = Workshop.objects.select_for_update().get(pk=registration.workshop_id)
            freed = registration.state == Registration.State.CONFIRMED
            registration.delete()
            changed += 1
            waiting = Registration.objects.filter(workshop=locked, state=Registration.State.WAITING)
            promoted = waiting.order_by("created_at", "pk").first() if freed else None
            if promoted is not None:
                promoted.state = Registration.State.CONFIRMED
                promoted.save(update_fields=["state", "updated_at"])
                transaction.on_commit(
                    partial(
                        notifications.announce, "outreach.seat_freed", locked, recipients=[promoted.person]
                    )
                )
    claimed = list(Contributor.objects.filter(claimed_by=person))
    workshops = set(Registration.objects.filter(person=person).values_list("workshop_id", flat=True))
    workshops |= set(
        Contribution.objects.filter(contributor__in=claimed, workshop__isnull=False).values_list(
            "workshop_id", flat=True
        )
    )
    _forget_named_attendee([person.display_name, *(c.name for c in claimed)], sorted(workshops))
    for contributor in claimed:
        _anonymise_contributor(contributor)
        changed += 1
    return changed


@transaction.atomic
def erase_contributor(*, agent: User, contributor: Contributor, confirmation: str) -> Contributor:
    """An agent erases, on their request, the record of a person who spoke without an account: the name, the
    contact and the district's link to the name go; their contributions stay, signed « Contribution anonyme », and
    their voices still count. ``confirmation`` is the name as shown, typed again by the agent."""
    if not rules.can_handle_personal_data(agent):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité effacent une personne."))
    locked = Contributor.objects.select_for_update().get(pk=contributor.pk)
    if locked.erased_at is not None:
        raise Conflict(_("Cette personne est déjà effacée."))
    if " ".join(confirmation.split()).casefold() != " ".join(locked.name.split()).casefold():
        message = _("Recopiez exactement le prénom ou le pseudonyme pour confirmer.")
        raise InvalidInput(_("Rien n'a été effacé."), field_errors={"confirmation": message})
    workshops = Contribution.objects.filter(contributor=locked, workshop__isnull=False).values_list(
        "workshop_id", flat=True
    )
    _forget_named_attendee([locked.name], sorted(set(workshops)))
    _anonymise_contributor(locked)
    locked.refresh_from_db()
    return locked


def forget_old_contacts(*, before: dt.datetime) -> int:
    """Retention: the contact (e-mail or phone) of people who spoke without an account, once their latest consent
    is older than ``before`` and they have not claimed their contributions; their first name or pseudonym and
    what they said stay. Returns how many contacts went."""
    old = Contributor.objects.filter(
        Q(identity__startswith="contact:") | ~Q(contact=""),
        consent_at__lt=before,
        claimed_by__isnull=True,
        erased_at__isnull=True,
    )
    count = 0
    for contributor in old:
        district = contributor.district_id or "-"
        identity = f"nom:{fold(contributor.name)}|{district}"
        if Contributor.objects.filter(identity=identity).exists():
            identity = f"sans-contact:{uuid.uuid4().hex}"  # another record already holds this name
        Contributor.objects.filter(pk=contributor.pk).update(
            contact="", identity=identity, updated_at=timezone.now()
        )
        count += 1
    return count
