"""Plain, immutable data passed in and out of the engine (no Django, no numpy in the public fields)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class MemberStatus(StrEnum):
    """Where a proposal stands after grouping or placement (the product stores it as ``Placement.status``)."""

    GROUPED = "grouped"  # in a bouquet found by the engine
    PINNED = "pinned"  # in a bouquet fixed by an agent (pinned, merged or assigned)
    UNGROUPED = "ungrouped"  # in a theme, but not close enough to any other proposal yet
    UNUSABLE = "unusable"  # empty or without any word: kept, but in no theme


@dataclass(frozen=True, slots=True)
class Keyword:
    """A distinctive term: its stem key, the word people wrote most for it, and its c-TF-IDF score."""

    term: str
    word: str
    score: float


@dataclass(frozen=True, slots=True)
class Label:
    """A French label: display text, keywords and the most representative proposals."""

    text: str
    keywords: tuple[Keyword, ...] = ()
    representative_ids: tuple[str, ...] = ()
    custom: bool = False  # True when the text was written by an agent and must be kept


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a proposal is where it is: keywords it shares with its group and its nearest members."""

    shared_keywords: tuple[str, ...] = ()
    nearest_ids: tuple[str, ...] = ()
    similarity: float = 0.0  # mean cosine to the other members of its bouquet (or to its nearest one)
    # Left unsorted because it met the others only on these names (places, proper names), not on a need.
    shared_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SdgSuggestion:
    """A UN Sustainable Development Goal suggested for a text, with its similarity score."""

    number: int
    name: str
    score: float


@dataclass(frozen=True, slots=True)
class Membership:
    """One proposal's place in a grouping."""

    id: str
    status: MemberStatus
    theme_key: str | None
    bouquet_key: str | None
    reason: Reason = Reason()
    # ok / empty / non_answer / too_short / truncated / other_language (see text.text_status)
    text_status: str = "ok"
    sdgs: tuple[SdgSuggestion, ...] = ()
    # The first occurrence of the same text (accents, case and punctuation aside) when this one repeats it: it
    # was grouped once, with this place.
    copy_of: str | None = None


@dataclass(frozen=True, slots=True)
class FoundBouquet:
    """Proposals about the same need, inside one theme, as the engine found them (the product saves it as a
    ``bouquets.Bouquet`` row)."""

    key: str
    theme_key: str
    member_ids: tuple[str, ...]
    label: Label
    pinned: bool = False
    cohesion: float = 0.0  # mean pairwise cosine of the members
    sdgs: tuple[SdgSuggestion, ...] = ()


@dataclass(frozen=True, slots=True)
class FoundTheme:
    """A part of the partition of all usable proposals, as the engine found it (saved as a ``bouquets.Topic``)."""

    key: str
    label: Label
    member_ids: tuple[str, ...]
    bouquet_keys: tuple[str, ...]
    ungrouped_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Grouping:
    """Result of `group()`: themes, bouquets and every input id's membership (none dropped)."""

    themes: tuple[FoundTheme, ...]
    bouquets: tuple[FoundBouquet, ...]
    memberships: Mapping[str, Membership]
    representation: str
    k_scores: Mapping[int, float] = field(default_factory=dict)  # criterion per k tried when k was automatic

    def theme(self, key: str) -> FoundTheme:
        """Theme by key."""
        return next(t for t in self.themes if t.key == key)

    def bouquet(self, key: str) -> FoundBouquet:
        """Bouquet by key."""
        return next(b for b in self.bouquets if b.key == key)


@dataclass(frozen=True, slots=True)
class Match:
    """A similar existing proposal."""

    id: str
    similarity: float
    theme_key: str | None = None
    bouquet_key: str | None = None
    # A probable duplicate: close in meaning for this corpus, or the same words in the titles (duplicates.py).
    duplicate: bool = False


@dataclass(frozen=True, slots=True)
class ProposalFit:
    """Where a new proposal fits without re-clustering, decided by a vote of its nearest neighbours (the product
    stores it as a ``bouquets.Placement`` row)."""

    theme_key: str | None
    theme_confidence: float  # share of the neighbours' similarity mass that voted for this theme
    bouquet_key: str | None
    status: MemberStatus
    reason: Reason
    duplicates: tuple[Match, ...]
    neighbours: tuple[Match, ...]
    sdgs: tuple[SdgSuggestion, ...] = ()
    text_status: str = "ok"


# ---- Agent decisions that a re-clustering must honour ----------------------------------------------


@dataclass(frozen=True, slots=True)
class PinnedBouquet:
    """A bouquet curated by an agent: kept exactly as given, its members are not re-clustered."""

    key: str
    member_ids: tuple[str, ...]
    label: str | None = None  # an agent's label, kept verbatim; None lets the engine write one


@dataclass(frozen=True, slots=True)
class Assignment:
    """This proposal must be in bouquet `bouquet_key` (pinned, or a bouquet of the previous grouping)."""

    id: str
    bouquet_key: str


@dataclass(frozen=True, slots=True)
class Merge:
    """These bouquets were merged by an agent into `into`: their members stay together from now on."""

    into: str
    merged_keys: tuple[str, ...]
    label: str | None = None


@dataclass(frozen=True, slots=True)
class MoveOut:
    """This proposal was moved out of a bouquet (or of any bouquet when `bouquet_key` is None)."""

    id: str
    bouquet_key: str | None = None


@dataclass(frozen=True, slots=True)
class Constraints:
    """Everything agents decided, plus the previous grouping so keys and labels stay stable."""

    pinned: tuple[PinnedBouquet, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    merges: tuple[Merge, ...] = ()
    moved_out: tuple[MoveOut, ...] = ()
    previous_bouquets: Mapping[str, str] = field(default_factory=dict)  # proposal id -> previous bouquet key
    previous_themes: Mapping[str, str] = field(default_factory=dict)  # proposal id -> previous theme key
    bouquet_labels: Mapping[str, str] = field(
        default_factory=dict
    )  # bouquet key -> label renamed by an agent
    theme_labels: Mapping[str, str] = field(default_factory=dict)  # theme key -> label renamed by an agent
    # Keys of bouquets the product keeps even with no member left (means given to them, a budget project made
    # from them): never given to another bouquet.
    kept_keys: tuple[str, ...] = ()
