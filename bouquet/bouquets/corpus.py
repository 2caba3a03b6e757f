"""What the engine reads of the database: the proposals it groups and the text it reads for each."""

import hashlib

from django.db.models import QuerySet

from bouquet.bouquets.engine import EngineConfig
from bouquet.places.models import District, Place
from bouquet.processes.models import Process
from bouquet.proposals.models import Proposal


def proposal_text(proposal: Proposal) -> str:
    """The text the engine reads for a proposal: its title, then its description."""
    return f"{proposal.title}. {proposal.body}"


def text_hash(text: str) -> str:
    """The fingerprint a stored encoder vector keeps of its text (an edited proposal is encoded again)."""
    return hashlib.sha256(text.encode()).hexdigest()


def groupable_proposals(process: Process) -> QuerySet[Proposal]:
    """The proposals a regrouping reads: those that count (``live``), with just what the engine needs."""
    return (
        Proposal.objects.live()
        .filter(process=process)
        .only("id", "title", "body", "created_at")
        .order_by("id")
    )


def territory_names() -> tuple[str, ...]:
    """The territory's own place names (its districts and its named places), which the engine recognises in
    texts so that they weigh on location, not on meaning (engine/places.py)."""
    names = set(District.objects.values_list("name", flat=True))
    names.update(Place.objects.values_list("name", flat=True))
    return tuple(sorted(n for n in names if n))


def engine_config() -> EngineConfig:
    """The engine's settings for this territory."""
    return EngineConfig(place_names=territory_names())
