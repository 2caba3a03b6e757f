"""Conversations under test: the map is recomputed at every vote (no throttle), immediately."""

import random
from collections.abc import Iterator

import pytest

from bouquet.accounts.models import User
from bouquet.conversations import services
from bouquet.conversations.models import Access, Conversation, Participant
from tests.factories import ProcessFactory, UserFactory


@pytest.fixture(autouse=True)
def no_map_throttle(settings: pytest.FixtureRequest) -> Iterator[None]:
    settings.BOUQUET_MAP_SECONDS = 0  # type: ignore[attr-defined]
    yield


@pytest.fixture
def facilitator(db: None) -> User:
    return UserFactory(agent=True)


SEEDS = [
    "Les rues du centre devraient être piétonnes le week-end.",
    "Il faut plus de pistes cyclables séparées des voitures.",
    "Le stationnement gratuit attire les commerces.",
    "Les bus devraient passer toutes les dix minutes.",
    "Il faut planter des arbres dans chaque rue.",
    "Les voitures doivent pouvoir traverser le centre.",
    "Un marché couvert manque au quartier.",
    "Les trottoirs sont trop étroits pour les poussettes.",
    "La nuit, l'éclairage public doit rester allumé.",
    "Les jardins partagés rapprochent les voisins.",
]


def make_conversation(
    by: User, *, access: str = Access.SIGNED_IN, seeds: list[str] | None = None, **rules: object
) -> Conversation:
    return services.open_conversation(
        by=by,
        process=ProcessFactory(),
        question="Comment partager les rues du centre ?",
        seeds=SEEDS if seeds is None else seeds,
        access=access,
        **rules,  # type: ignore[arg-type]
    )


def camps(conversation: Conversation, people: int = 40, seed: int = 1) -> list[Participant]:
    """Votes from two camps that disagree on every other statement, each person answering every statement."""
    rng = random.Random(seed)
    statements = list(conversation.statements.order_by("id"))
    made = []
    for i in range(people):
        camp = 1 if i % 2 else -1
        participant = Participant.objects.create(conversation=conversation, external_id=f"p{i}")
        for j, statement in enumerate(statements):
            value = camp if j % 2 else 1
            if rng.random() < 0.1:
                value = 0
            services.cast_vote(participant=participant, statement=statement, value=value)
        made.append(participant)
    services.refresh_map(conversation_id=conversation.pk)
    return made


@pytest.fixture
def conversation(facilitator: User) -> Conversation:
    return make_conversation(facilitator)
