"""Writes on bouquets, in three parts re-exported here: regrouping runs (``grouping``), placing new proposals
(``placement``) and agents' decisions, means included (``curation``).

No module here imports the tasks: handing work to the worker is done by ``bouquet.bouquets.flows``, above both."""

from bouquet.bouquets.services.curation import (
    allocate_means,
    confirm_sdgs,
    merge_bouquets,
    move_proposal,
    rename_bouquet,
    rename_topic,
    set_pinned,
    split_bouquet,
)
from bouquet.bouquets.services.grouping import (
    constraints_for,
    encoder_vectors_for,
    queue_grouping,
    run_grouping,
)
from bouquet.bouquets.services.placement import place_proposal

__all__ = [
    "allocate_means",
    "confirm_sdgs",
    "constraints_for",
    "encoder_vectors_for",
    "merge_bouquets",
    "move_proposal",
    "place_proposal",
    "queue_grouping",
    "rename_bouquet",
    "rename_topic",
    "run_grouping",
    "set_pinned",
    "split_bouquet",
]
