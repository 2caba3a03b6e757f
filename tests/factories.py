"""Factories shared by the tests: real rows, created through the ORM or the services."""

import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.bouquets.models import Bouquet, Placement, Topic
from bouquet.places.models import District
from bouquet.processes.models import Phase, PhaseKind, Process
from bouquet.proposals.models import Comment, Proposal, Theme

PASSWORD = "un-mot-de-passe-solide"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.fr")
    display_name = factory.Sequence(lambda n: f"Personne {n}")
    role = Role.INHABITANT
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            self.save()


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"Quartier {n}")
    slug = factory.Sequence(lambda n: f"quartier-{n}")
    latitude = 47.0
    longitude = 1.0


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class ProcessFactory(factory.django.DjangoModelFactory):
    """A process whose running phase is ``current_phase`` (proposals by default)."""

    class Meta:
        model = Process
        skip_postgeneration_save = True

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
    class Meta:
        model = Comment

    proposal = factory.SubFactory(ProposalFactory)
    author = factory.SubFactory(UserFactory)
    body = "Bonne idée, il faudrait aussi des bancs."


class TopicFactory(factory.django.DjangoModelFactory):
    """A broad theme, as a regrouping leaves it (without running the engine)."""

    class Meta:
        model = Topic

    process = factory.SubFactory(ProcessFactory)
    key = factory.Sequence(lambda n: f"t{n}")
    label = factory.Sequence(lambda n: f"Grand thème {n}")
    keywords = factory.LazyFunction(lambda: ["arbres", "ombre"])


class BouquetFactory(factory.django.DjangoModelFactory):
    """A bouquet, as a regrouping leaves it (without running the engine)."""

    class Meta:
        model = Bouquet

    process = factory.SubFactory(ProcessFactory)
    topic = factory.SubFactory(TopicFactory, process=factory.SelfAttribute("..process"))
    key = factory.Sequence(lambda n: f"b{n}")
    label = factory.Sequence(lambda n: f"Bouquet {n}")
    keywords = factory.LazyFunction(lambda: ["arbres", "ombre"])


class PlacementFactory(factory.django.DjangoModelFactory):
    """Where a regrouping put a proposal: in ``bouquet`` (and its theme)."""

    class Meta:
        model = Placement

    proposal = factory.SubFactory(ProposalFactory)
    process = factory.SelfAttribute("proposal.process")
    bouquet = factory.SubFactory(BouquetFactory, process=factory.SelfAttribute("..process"))
    topic = factory.SelfAttribute("bouquet.topic")
    status = Placement.Status.GROUPED
    shared_keywords = factory.LazyFunction(lambda: ["arbres"])
