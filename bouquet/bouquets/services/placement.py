"""Placing new proposals: each one goes to its theme and bouquet by its nearest neighbours, without regrouping.

Placing only stores a ``Placement`` (and the proposal's encoder vector); no process changes its engine on its own.
Every process, the placer included, adds the new proposal from those rows the next time it asks
``registry.engine_for``, so all of them search and place against the same state."""

from django.db import transaction

from bouquet.bouquets import events, registry
from bouquet.bouquets.corpus import proposal_text
from bouquet.bouquets.models import Bouquet, Placement, Topic
from bouquet.bouquets.services._common import sdg_rows
from bouquet.bouquets.services.grouping import encoder_vectors_for
from bouquet.proposals.models import Proposal


@transaction.atomic
def place_proposal(*, proposal: Proposal) -> Placement | None:
    """Put a new proposal in its theme and bouquet by its nearest neighbours (None before any regrouping, or
    for a proposal that does not count)."""
    if not proposal.is_live:
        return None
    process = proposal.process
    engine = registry.engine_for(process)
    if engine is None:
        return None
    text = proposal_text(proposal)
    vector = encoder_vectors_for(
        encoder=engine.encoder, config=engine.config, proposals=[proposal], texts=[text]
    )[0]
    judge_vector = (
        encoder_vectors_for(encoder=engine.judge, config=engine.config, proposals=[proposal], texts=[text])[0]
        if engine.judge is not None
        else None
    )
    fit = engine.place(text, str(proposal.pk), encoder_vector=vector, judge_vector=judge_vector)
    bouquet = (
        Bouquet.objects.filter(process=process, key=fit.bouquet_key).first() if fit.bouquet_key else None
    )
    topic = Topic.objects.filter(process=process, key=fit.theme_key).first() if fit.theme_key else None
    # A bouquet merged away since the regrouping is no home: the proposal waits in the pool instead.
    status = str(fit.status) if bouquet is not None or fit.bouquet_key is None else Placement.Status.UNGROUPED
    placement, _created = Placement.objects.update_or_create(
        proposal=proposal,
        defaults={
            "process": process,
            "clustering": None,  # placed on its own: every engine adds it from this row
            "topic": topic,
            "bouquet": bouquet,
            "status": status,
            "shared_keywords": list(fit.reason.shared_keywords),
            "nearest_ids": [int(i) for i in fit.reason.nearest_ids],
            "similarity": round(float(fit.reason.similarity), 4),
            "suggested_sdgs": sdg_rows(fit.sdgs),
        },
    )
    if bouquet is not None:
        events.proposal_joined(proposal, bouquet)
    return placement
