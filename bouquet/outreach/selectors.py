"""Reads of the outreach app, one per screen or endpoint."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from bouquet.accounts.models import User
from bouquet.core.personal import Rows, iso, rows
from bouquet.outreach.models import Contribution, Contributor, Registration, Workshop
from bouquet.processes.models import Process
from bouquet.proposals.models import Proposal
from bouquet.proposals.rules import submissions_open
from bouquet.roles.rules import facilitates


def _with_counts(workshops: QuerySet[Workshop]) -> QuerySet[Workshop]:
    return workshops.select_related("process", "district", "facilitator").annotate(
        contribution_count=Count("contributions", distinct=True),
        confirmed_count=Count(
            "registrations", filter=Q(registrations__state=Registration.State.CONFIRMED), distinct=True
        ),
    )


def published_workshops(*, process: Process | None = None) -> QuerySet[Workshop]:
    """Published workshops of published processes, by date, with their counts (contributions, seats taken)."""
    workshops = Workshop.objects.filter(is_published=True, process__is_published=True)
    if process is not None:
        workshops = workshops.filter(process=process)
    return _with_counts(workshops).order_by("starts_at", "pk")


def upcoming_workshops(*, process: Process | None = None) -> QuerySet[Workshop]:
    """Published workshops that have not ended yet."""
    return published_workshops(process=process).filter(ends_at__gte=timezone.now())


def workshop_for_page(pk: int) -> Workshop | None:
    """One workshop with its counts, photos and process (whether the person may read it is the page's question)."""
    return _with_counts(Workshop.objects.filter(pk=pk)).prefetch_related("photos").first()


def workshops_to_manage(user: User) -> list[Workshop]:
    """The workshops of the processes this person facilitates, newest first."""
    workshops = _with_counts(Workshop.objects.all()).order_by("-starts_at", "-pk")
    return [w for w in workshops if facilitates(user, w.process)]


def processes_to_visit(user: User) -> list[Process]:
    """The processes taking proposals where this person may record contributions (the street page's choice)."""
    processes = Process.objects.filter(is_published=True, closed_at__isnull=True).order_by("title")
    return [p for p in processes if facilitates(user, p) and submissions_open(p)]


def open_processes() -> list[Process]:
    """Published processes taking proposals today (one printable form each)."""
    processes = Process.objects.filter(is_published=True, closed_at__isnull=True).order_by("title")
    return [p for p in processes if submissions_open(p)]


def registration_of(user: object, workshop: Workshop) -> Registration | None:
    """This person's seat (or waiting place) at a workshop."""
    pk = getattr(user, "pk", None)
    if pk is None:
        return None
    return Registration.objects.filter(workshop=workshop, person_id=pk).first()


def waiting_position(registration: Registration) -> int:
    """Where a waiting registration stands in the queue (1: next to get a seat)."""
    return (
        Registration.objects.filter(
            workshop_id=registration.workshop_id,
            state=Registration.State.WAITING,
            created_at__lte=registration.created_at,
        )
        .exclude(pk__gt=registration.pk, created_at=registration.created_at)
        .count()
    )


def recent_entries(*, facilitator: User, limit: int = 10) -> QuerySet[Contribution]:
    """What this facilitator recorded last (the street page shows it, so that nothing seems lost)."""
    return (
        Contribution.objects.filter(recorded_by=facilitator)
        .select_related("proposal", "contributor", "workshop")
        .order_by("-created_at", "-pk")[:limit]
    )


def workshop_contributions(workshop: Workshop) -> QuerySet[Contribution]:
    """The live proposals and voices gathered at a workshop (no person named: the public page shows them)."""
    return (
        Contribution.objects.filter(workshop=workshop, proposal__in=Proposal.objects.public().live())
        .select_related("proposal")
        .order_by("created_at", "pk")
    )


def gathered_by(proposal: Proposal) -> Contribution | None:
    """How a proposal was gathered (its first contribution), for « contribution recueillie en atelier par … »."""
    return (
        Contribution.objects.filter(proposal=proposal, kind=Contribution.Kind.PROPOSAL)
        .select_related("workshop")
        .first()
    )


def contributions_of(user: User) -> QuerySet[Contribution]:
    """The contributions gathered for a person who claimed them."""
    return Contribution.objects.filter(contributor__claimed_by=user).select_related("proposal", "workshop")


def personal_data(*, person: User) -> dict[str, Rows]:
    """What the outreach app holds about a person with an account (their export, docs/decisions/0013): their seats
    at workshops, the workshops they facilitated, and what was gathered from them before they claimed it."""
    return {
        "inscriptions_aux_ateliers": rows(
            Registration.objects.filter(person=person).order_by("id"),
            ["workshop__title", "workshop__starts_at", "state", "created_at"],
        ),
        "ateliers_animes": rows(
            Workshop.objects.filter(facilitator=person).order_by("id"),
            ["id", "title", "starts_at", "place_name"],
        ),
        "contributions_recueillies_rattachees": [
            row
            for contributor in Contributor.objects.filter(claimed_by=person).order_by("id")
            for row in contributor_data(contributor=contributor)["contributions_recueillies"]
        ],
    }


def contributor_data(*, contributor: Contributor) -> dict[str, Rows]:
    """Everything held about a person who spoke without an account (an agent gives it to them on request)."""
    return {
        "personne": [
            {
                "prenom_ou_pseudonyme": contributor.name,
                "quartier": contributor.district.name if contributor.district else "",
                "contact": contributor.contact,
                "consentement_le": iso(contributor.consent_at),
                "rattachee_a_un_compte_le": iso(contributor.claimed_at),
            }
        ],
        "contributions_recueillies": rows(
            Contribution.objects.filter(contributor=contributor).order_by("id"),
            ["proposal_id", "proposal__title", "kind", "origin", "workshop__title", "said_on"],
        ),
    }


def contributors_for_agent(*, search: str = "") -> QuerySet[Contributor]:
    """People who spoke without an account, for an agent looking for one on their request (name or contact)."""
    found = Contributor.objects.select_related("district").annotate(contribution_count=Count("contributions"))
    search = search.strip()
    if search:
        found = found.filter(Q(name__icontains=search) | Q(contact__icontains=search))
    return found.exclude(erased_at__isnull=False).order_by("name", "id")
