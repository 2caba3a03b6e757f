"""The demo's conversation (``data/conversation.toml``): statements, about 165 generated participants in three
opinion camps who vote through the services, the map computed, and a live-room workshop, closed, as its record."""

import random
import tomllib
from pathlib import Path
from typing import Any

from bouquet.accounts.models import User
from bouquet.conversations import services
from bouquet.conversations.models import Conversation, Participant, Statement
from bouquet.processes.models import Process

DATA = Path(__file__).resolve().parent / "data" / "conversation.toml"


def _value(rng: random.Random, chance: float) -> int:
    if rng.random() < 0.1:
        return 0
    return 1 if rng.random() < chance else -1


def seed_conversation(*, agent: User, path: Path = DATA) -> Conversation:
    """Open the demo conversation, let its generated participants vote, compute the map, hold and close a room."""
    with path.open("rb") as fh:
        data: dict[str, Any] = tomllib.load(fh)
    process = Process.objects.get(slug=data["process"])
    rng = random.Random(data["seed"])  # nosec B311 - a reproducible demo
    conversation = services.open_conversation(
        by=agent,
        process=process,
        question=data["question"],
        description=data["description"],
        seeds=[s["text"] for s in data["statements"]],
    )
    statements = list(conversation.statements.order_by("id"))
    chances = {s.pk: item["agree"] for s, item in zip(statements, data["statements"], strict=True)}
    low, high = data["votes_per_person"]
    number = 0
    for camp, size in enumerate(data["camps"]):
        for _ in range(size):
            number += 1
            participant = Participant.objects.create(conversation=conversation, external_id=f"demo-{number}")
            for statement in rng.sample(statements, k=rng.randint(low, high)):
                value = _value(rng, chances[statement.pk][camp])
                services.cast_vote(participant=participant, statement=statement, value=value)
    services.refresh_map(conversation_id=conversation.pk)
    _room(conversation, agent, data["room"], statements[:5], chances, rng)
    return conversation


def _room(
    conversation: Conversation,
    agent: User,
    room_data: dict[str, Any],
    shown: list[Statement],
    chances: dict[int, list[float]],
    rng: random.Random,
) -> None:
    room = services.open_room(by=agent, conversation=conversation, title=room_data["title"])
    phones = [
        (services.join_with_pass(conversation=conversation, consent=True, room=room), i % 3)
        for i in range(room_data["phones"])
    ]
    for name in room_data["speakers"]:
        seat = services.ask_to_enter(room=room, name=name)
        services.seat(by=agent, seat=seat)
        services.rotate(by=agent, room=room)
    to_vote = list(shown)
    for remark in room_data["remarks"]:
        to_vote.append(services.add_remark(by=agent, room=room, text=remark))
    for statement in to_vote:
        services.show_statement(by=agent, room=room, statement=statement)
        for phone, camp in phones:
            chance = chances.get(statement.pk, [0.7, 0.5, 0.8])[camp]
            services.cast_vote(participant=phone, statement=statement, value=_value(rng, chance))
    services.close_room(by=agent, room=room)
