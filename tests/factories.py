"""Factories shared by the tests: real rows, created through the ORM or, where a service guards them, the services.

One style (factory_boy, with Traits for the variants): ``UserFactory(agent=True)``,
``ProcessFactory(with_vote_phase=True)``, ``BudgetFactory(costs=(10, 20), vote_open=True)``. ``open_vote`` and
``close_vote`` move an existing budget's vote phase in the middle of a test (the traits use them too).
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import factory
from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.accounts.verification import verify_with_provider
from bouquet.bouquets.models import Bouquet, Placement, Topic
from bouquet.budgets.models import BallotKind, Budget
from bouquet.budgets.services import (
    BudgetInput,
    ProjectInput,
    cast_ballot,
    compute_results,
    create_budget,
    create_project,
)
from bouquet.places.models import Article, District, FeatureKind, MapFeature
from bouquet.processes.models import Phase, PhaseKind, Process
from bouquet.processes.services import reschedule_phase
from bouquet.proposals.models import Comment, Proposal, Support, Theme
from bouquet.roles.models import RoleGrant

PASSWORD = "un-mot-de-passe-solide"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    """An inhabitant; ``agent=True`` or ``moderator=True`` for the authority's roles."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        agent = factory.Trait(role=Role.AGENT)
        moderator = factory.Trait(role=Role.MODERATOR)

    email = factory.Sequence(lambda n: f"personne{n}@exemple.fr")
    display_name = factory.Sequence(lambda n: f"Personne {n}")
    role = Role.INHABITANT
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            self.save()


class RoleGrantFactory(factory.django.DjangoModelFactory):
    """A moderator of one process; ``RoleGrantFactory(process=None, district=d)`` for a district."""

    class Meta:
        model = RoleGrant

    person = factory.SubFactory(UserFactory)
    role = Role.MODERATOR
    process = factory.SubFactory("tests.factories.ProcessFactory")
    district = None


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"Quartier {n}")
    slug = factory.Sequence(lambda n: f"quartier-{n}")
    latitude = 47.0
    longitude = 1.0

    class Params:
        # A square of about 4.5 km by 5.5 km around the centre (it holds ProposalFactory's located point).
        outlined = factory.Trait(boundary=factory.LazyFunction(lambda: square_area(0.98, 46.98, 1.04, 47.03)))


def square_area(west: float, south: float, east: float, north: float) -> dict[str, Any]:
    """A GeoJSON Polygon for a box (longitude first)."""
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


class MapFeatureFactory(factory.django.DjangoModelFactory):
    """A street (a line) by default; pass ``kind`` and ``geometry`` for a square or a landmark."""

    class Meta:
        model = MapFeature

    kind = FeatureKind.STREET
    name = factory.Sequence(lambda n: f"rue numéro {n}")
    article = Article.LA
    geometry = factory.LazyFunction(
        lambda: {"type": "LineString", "coordinates": [[1.0, 47.0], [1.01, 47.0]]}
    )


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class PhaseFactory(factory.django.DjangoModelFactory):
    """A vote phase from 40 to 60 days from now."""

    class Meta:
        model = Phase

    process = factory.SubFactory("tests.factories.ProcessFactory")
    kind = PhaseKind.VOTE
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=40))
    ends_on = factory.LazyAttribute(lambda phase: phase.starts_on + dt.timedelta(days=20))


class ProcessFactory(factory.django.DjangoModelFactory):
    """A process whose running phase is ``current_phase`` (proposals by default).

    ``with_vote_phase=True`` adds a vote phase later on (40 to 60 days from now), which a budget needs.
    """

    class Meta:
        model = Process
        skip_postgeneration_save = True

    class Params:
        with_vote_phase = factory.Trait(
            vote_phase=factory.RelatedFactory(PhaseFactory, factory_related_name="process")
        )

    title = factory.Sequence(lambda n: f"Démarche {n}")
    slug = factory.Sequence(lambda n: f"demarche-{n}")
    summary = "Une démarche pour le quartier."
    description = "Description de la démarche."

    @factory.post_generation
    def current_phase(self, create: bool, extracted: PhaseKind | None, **kwargs: Any) -> None:
        if not create:
            return
        today = timezone.localdate()
        kind = extracted or PhaseKind.PROPOSALS
        Phase.objects.create(
            process=self,
            kind=PhaseKind.INFORMATION,
            starts_on=today - dt.timedelta(days=60),
            ends_on=today - dt.timedelta(days=31),
        )
        Phase.objects.create(
            process=self,
            kind=kind,
            starts_on=today - dt.timedelta(days=30),
            ends_on=today + dt.timedelta(days=30),
        )


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    process = factory.SubFactory(ProcessFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Proposition numéro {n}")
    body = "Planter des arbres le long de l'avenue pour avoir de l'ombre en été."

    class Params:
        located = factory.Trait(latitude=47.01, longitude=1.02)


class CommentFactory(factory.django.DjangoModelFactory):
    """A published comment; ``parent=`` another comment makes it a reply."""

    class Meta:
        model = Comment

    proposal = factory.SubFactory(ProposalFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Commentaire numéro {n} : je suis d'accord, c'est utile.")


class SupportFactory(factory.django.DjangoModelFactory):
    """A support row (the proposal's ``support_count`` is the caller's to keep, or use ``add_support``)."""

    class Meta:
        model = Support

    proposal = factory.SubFactory(ProposalFactory)
    citizen = factory.SubFactory(UserFactory)


class TopicFactory(factory.django.DjangoModelFactory):
    """A broad theme of a process, as a regrouping stores it."""

    class Meta:
        model = Topic

    process = factory.SubFactory(ProcessFactory)
    key = factory.Sequence(lambda n: f"t{n}")
    label = factory.Sequence(lambda n: f"Grand thème {n}")
    keywords = factory.LazyFunction(lambda: ["arbres", "ombre"])
    position = factory.Sequence(lambda n: n)


class BouquetFactory(factory.django.DjangoModelFactory):
    """A bouquet as a regrouping stores it, in a broad theme of the same process."""

    class Meta:
        model = Bouquet

    process = factory.SubFactory(ProcessFactory)
    topic = factory.SubFactory(TopicFactory, process=factory.SelfAttribute("..process"))
    key = factory.Sequence(lambda n: f"b{n}")
    label = factory.Sequence(lambda n: f"Bouquet {n}")
    keywords = factory.LazyFunction(lambda: ["arbres", "ombre"])
    cohesion = 0.8


class PlacementFactory(factory.django.DjangoModelFactory):
    """Where a proposal stands: in ``bouquet`` (grouped), or in the not-yet-grouped pool with ``bouquet=None``."""

    class Meta:
        model = Placement

    proposal = factory.SubFactory(ProposalFactory)
    process = factory.SelfAttribute("proposal.process")
    bouquet = factory.SubFactory(BouquetFactory, process=factory.SelfAttribute("..process"))
    topic = factory.LazyAttribute(lambda placement: placement.bouquet.topic if placement.bouquet else None)
    status = factory.LazyAttribute(
        lambda placement: Placement.Status.GROUPED if placement.bouquet else Placement.Status.UNGROUPED
    )
    shared_keywords = factory.LazyFunction(lambda: ["arbres"])
    similarity = 0.7


class BudgetFactory(factory.django.DjangoModelFactory):
    """A budget of 100 000 € (knapsack ballots) made by an agent through ``create_budget``, vote not yet open.

    ``costs=(…)`` puts one project per cost to the vote (``create_project``, titled « Projet 1 », « Projet 2 »…);
    any other keyword is a ``BudgetInput`` field. Traits: ``vote_open`` (the vote runs today) and
    ``vote_closed`` (the vote is over).
    """

    class Meta:
        model = Budget

    class Params:
        vote_open = factory.Trait(vote="open")
        vote_closed = factory.Trait(vote="closed")

    agent = factory.SubFactory(UserFactory, agent=True)
    process = factory.SubFactory(ProcessFactory, with_vote_phase=True)
    title = "Budget participatif 2026"
    amount = 100_000
    ballot_kind = BallotKind.KNAPSACK
    costs: Iterable[int] = ()
    vote: str | None = None

    @classmethod
    def _create(
        cls,
        model_class: type[Budget],
        *,
        agent: User,
        process: Process,
        costs: Iterable[int],
        vote: str | None,
        **settings: Any,
    ) -> Budget:
        budget = create_budget(agent=agent, process=process, data=BudgetInput(**settings))
        for index, cost in enumerate(costs, start=1):
            create_project(agent=agent, budget=budget, data=ProjectInput(title=f"Projet {index}", cost=cost))
        if vote == "open":
            open_vote(budget)
        elif vote == "closed":
            close_vote(budget)
        return budget


def open_vote(budget: Budget) -> Budget:
    """Move the budget's vote phase so that it runs today."""
    today = timezone.localdate()
    reschedule_phase(
        phase=budget.phase, starts_on=today - dt.timedelta(days=1), ends_on=today + dt.timedelta(days=5)
    )
    budget.refresh_from_db()
    return budget


def close_vote(budget: Budget) -> Budget:
    """Move the budget's vote phase into the past."""
    today = timezone.localdate()
    reschedule_phase(
        phase=budget.phase, starts_on=today - dt.timedelta(days=10), ends_on=today - dt.timedelta(days=1)
    )
    budget.refresh_from_db()
    return budget


@dataclass(frozen=True)
class BusyProcess:
    """What ``busy_process`` made: the process, the proposal with the long thread, a bouquet and the budget."""

    process: Process
    thread: Proposal
    bouquet: Bouquet
    budget: Budget


def busy_process(size: int) -> BusyProcess:
    """A process with ``size`` of everything the main pages show, so that a query per row would show.

    ``size`` proposals (located, in two districts and themes, a co-author, two supports and a comment each),
    ``size`` comments with a reply each on the first one, two broad themes and ``size // 3`` bouquets holding them
    (the first bouquet half of them, the last proposal left ungrouped), a budget of ``size`` projects made from them with ``size`` ballots counted,
    and ``size - 1`` other processes for the process list.
    """
    agent = UserFactory(agent=True)
    districts = DistrictFactory.create_batch(2)
    themes = ThemeFactory.create_batch(2)
    process = ProcessFactory(current_phase=PhaseKind.SUPPORTS, with_vote_phase=True, district=districts[0])
    ProcessFactory.create_batch(size - 1)
    proposals = [
        ProposalFactory(
            process=process,
            district=districts[i % 2],
            theme=themes[i % 2],
            located=True,
            support_count=2,
            comment_count=1,
        )
        for i in range(size)
    ]
    for proposal in proposals:
        proposal.coauthors.add(UserFactory())
        SupportFactory.create_batch(2, proposal=proposal)
        CommentFactory(proposal=proposal)
    thread = proposals[0]
    for _ in range(size):
        CommentFactory(proposal=thread, parent=CommentFactory(proposal=thread))
    Proposal.objects.filter(pk=thread.pk).update(comment_count=2 * size + 1)
    topics = TopicFactory.create_batch(2, process=process)
    bouquets = [BouquetFactory(process=process, topic=topics[i % 2]) for i in range(max(1, size // 3))]
    for i, proposal in enumerate(proposals[:-1]):  # the first bouquet holds half of them
        PlacementFactory(proposal=proposal, bouquet=bouquets[0 if i % 2 == 0 else i % len(bouquets)])
    PlacementFactory(proposal=proposals[-1], bouquet=None, topic=topics[0])
    for bouquet in bouquets:
        members = Placement.objects.filter(bouquet=bouquet).order_by("proposal_id")
        bouquet.representative_ids = [p.proposal_id for p in members[:3]]
        bouquet.save(update_fields=["representative_ids"])
    budget = BudgetFactory(agent=agent, process=process, amount=10_000 * size)
    projects = [
        create_project(
            agent=agent,
            budget=budget,
            data=ProjectInput(
                title=proposal.title,
                cost=5_000 + 1_000 * (i % 7),
                district=proposal.district,
                themes=[proposal.theme] if proposal.theme else [],
            ),
            proposals=[proposal],
            bouquet=bouquets[i % len(bouquets)],
        )
        for i, proposal in enumerate(proposals)
    ]
    open_vote(budget)
    for i in range(size):
        chosen = {projects[i].pk, projects[(i * 7 + 1) % size].pk}
        cast_ballot(voter=UserFactory(), budget=budget, choices=dict.fromkeys(chosen, 1))
    close_vote(budget)
    compute_results(agent=agent, budget=budget)
    return BusyProcess(process=process, thread=thread, bouquet=bouquets[0], budget=budget)


def verified(
    user: User | None = None,
    *,
    given_name: str = "Marie",
    family_name: str = "Dupont",
    birthdate: dt.date = dt.date(1990, 5, 17),
) -> User:
    """A person whose identity an identity provider vouched for (a new inhabitant unless ``user`` is given)."""
    person = user or UserFactory()
    verify_with_provider(
        user=person,
        provider="franceconnect",
        given_name=given_name,
        family_name=family_name,
        birthdate=birthdate,
    )
    return person
