"""The rules Bouquet counts with: one typed table keyed by the `Rule` enum, and `run_rule` that reads it.

Each rule is an algorithm (`function`), a way of counting a voter's satisfaction (`utility`), a way of
spending what the algorithm leaves (`completion`) and the name pabulib files give it. The plain-French label and
explanation of each rule live in the budgets app (`bouquet.budgets.wording`), keyed by the same enum.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

from bouquet.budgets.counting.greedy import Utility, greedy
from bouquet.budgets.counting.maxwelfare import max_welfare
from bouquet.budgets.counting.mes import ExhaustiveOver, equal_shares, equal_shares_add1, total_cost
from bouquet.budgets.counting.models import Election, Outcome, exact_number
from bouquet.budgets.counting.phragmen import sequential_phragmen
from bouquet.budgets.counting.profile import GroupedProfile
from bouquet.budgets.counting.tiebreak import TieBreak

THRESHOLD_META_KEYS = ("min_project_score_threshold", "min_project_votes_threshold", "threshold")

Events = list[dict[str, Any]]


class Rule(StrEnum):
    """A selection rule; its value is what the database, the files and the command line store.

    Listed in the order a budget's form offers them: the recommended rule first."""

    MES_COST_ADD1U = "mes_cost_add1u"
    MES_COST_ADD1 = "mes_cost_add1"
    MES_COST_UTIL = "mes_cost_util"
    MES_COST = "mes_cost"
    MES_CARD_ADD1U = "mes_card_add1u"
    MES_CARD_ADD1 = "mes_card_add1"
    MES_CARD_UTIL = "mes_card_util"
    MES_CARD = "mes_card"
    GREEDY_COST = "greedy_cost"
    GREEDY_CARD = "greedy_card"
    GREEDY_THRESHOLD = "greedy_threshold"
    GREEDY_NOSKIP = "greedy_noskip"
    PHRAGMEN = "phragmen"
    MAXWELFARE_COST = "maxwelfare_cost"
    MAXWELFARE_CARD = "maxwelfare_card"


DEFAULT_RULE: Final = Rule.MES_COST_ADD1U


class Completion(StrEnum):
    """What is done with the money the rule's algorithm leaves unspent."""

    NONE = "none"
    # The money left funds the remaining projects in greedy order (same utility), while they fit.
    GREEDY = "greedy"
    # Add1: every voter's share is raised by one unit and the algorithm run again, until the outcome is exhaustive.
    ADD1 = "add1"
    # Add1, then greedy with what is still left (equalshares.net's default).
    ADD1_GREEDY = "add1_greedy"

    @property
    def raises_shares(self) -> bool:
        """Whether the shares are raised (Add1) before anything else."""
        return self in (Completion.ADD1, Completion.ADD1_GREEDY)

    @property
    def then_greedy(self) -> bool:
        """Whether greedy spends what is left at the end."""
        return self in (Completion.GREEDY, Completion.ADD1_GREEDY)


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run needs besides the profile: the rule's utility and completion, and the caller's options."""

    utility: Utility
    completion: Completion
    threshold: int | None
    exhaustive_over: ExhaustiveOver
    record: bool
    # Filled by the function with what the outcome records (per-voter share, threshold, Add1 steps).
    details: dict[str, Any] = field(default_factory=dict)


Function = Callable[[GroupedProfile, Settings], tuple[list[int], Events]]


def by_votes(profile: GroupedProfile, settings: Settings) -> tuple[list[int], Events]:
    """Fund projects in order of votes (cost utility) or votes per unit of money (cardinality) while they fit."""
    return greedy(profile, settings.utility)


def by_votes_above_threshold(profile: GroupedProfile, settings: Settings) -> tuple[list[int], Events]:
    """Greedy by votes among the projects that reach the vote threshold."""
    if settings.threshold is None:
        raise ValueError("la règle à seuil demande un seuil de voix")
    settings.details["threshold"] = settings.threshold
    return greedy(profile, settings.utility, threshold=settings.threshold)


def by_votes_without_skipping(profile: GroupedProfile, settings: Settings) -> tuple[list[int], Events]:
    """Greedy by votes that stops at the first project that does not fit."""
    return greedy(profile, settings.utility, no_skip=True)


def with_equal_shares(profile: GroupedProfile, settings: Settings) -> tuple[list[int], Events]:
    """Method of Equal Shares, its shares raised by Add1 when the completion says so."""
    events: Events = []
    if settings.completion.raises_shares:
        run, steps = equal_shares_add1(
            profile, settings.utility, settings.exhaustive_over, record=settings.record
        )
        settings.details["add1_steps"] = len(steps)
        events.extend(steps)
    else:
        run = equal_shares(profile, settings.utility, record=settings.record)
    settings.details["per_voter"] = run.per_voter
    events.extend(run.events)
    return list(run.winners), events


def with_phragmen(profile: GroupedProfile, settings: Settings) -> tuple[list[int], Events]:
    """Sequential Phragmén (approvals: every supporter carries the same load)."""
    return sequential_phragmen(profile)


def with_max_welfare(profile: GroupedProfile, settings: Settings) -> tuple[list[int], Events]:
    """The set of projects with the largest total utility within the budget."""
    return max_welfare(profile, settings.utility)


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """How one rule computes its winners, and how pabulib files name it."""

    function: Function
    utility: Utility
    completion: Completion
    # META "rule" of the files Bouquet publishes; None where pabulib has no name for the rule.
    pabulib: str | None
    description: str  # English, recorded in every outcome (`Outcome.details["description"]`)
    needs_threshold: bool = False


_MES = "Method of Equal Shares"
RULES: Final[Mapping[Rule, RuleSpec]] = MappingProxyType(
    {
        Rule.MES_COST_ADD1U: RuleSpec(
            with_equal_shares,
            "cost",
            Completion.ADD1_GREEDY,
            "equalshares",
            "MES (cost) with Add1 then greedy completion (equalshares.net default)",
        ),
        Rule.MES_COST_ADD1: RuleSpec(
            with_equal_shares, "cost", Completion.ADD1, "equalshares", "MES (cost) with Add1 completion"
        ),
        Rule.MES_COST_UTIL: RuleSpec(
            with_equal_shares,
            "cost",
            Completion.GREEDY,
            "equalshares",
            "MES (cost) completed by greedy by votes",
        ),
        Rule.MES_COST: RuleSpec(
            with_equal_shares,
            "cost",
            Completion.NONE,
            "equalshares",
            f"{_MES}, cost utilities, no completion",
        ),
        Rule.MES_CARD_ADD1U: RuleSpec(
            with_equal_shares,
            "card",
            Completion.ADD1_GREEDY,
            "equalshares",
            "MES (cardinality) with Add1 then greedy completion",
        ),
        Rule.MES_CARD_ADD1: RuleSpec(
            with_equal_shares,
            "card",
            Completion.ADD1,
            "equalshares",
            "MES (cardinality) with Add1 completion",
        ),
        Rule.MES_CARD_UTIL: RuleSpec(
            with_equal_shares,
            "card",
            Completion.GREEDY,
            "equalshares",
            "MES (cardinality) completed by greedy by votes per unit of money",
        ),
        Rule.MES_CARD: RuleSpec(
            with_equal_shares,
            "card",
            Completion.NONE,
            "equalshares",
            f"{_MES}, approval (cardinality) utilities, no completion",
        ),
        Rule.GREEDY_COST: RuleSpec(
            by_votes,
            "cost",
            Completion.NONE,
            "greedy",
            "greedy by votes, skipping projects that no longer fit (what cities run, CONSUL)",
        ),
        Rule.GREEDY_CARD: RuleSpec(
            by_votes,
            "card",
            Completion.NONE,
            None,
            "greedy by votes per unit of money (cardinality satisfaction)",
        ),
        Rule.GREEDY_THRESHOLD: RuleSpec(
            by_votes_above_threshold,
            "cost",
            Completion.NONE,
            "greedy-threshold",
            "greedy by votes among projects reaching the META vote threshold",
            needs_threshold=True,
        ),
        Rule.GREEDY_NOSKIP: RuleSpec(
            by_votes_without_skipping,
            "cost",
            Completion.NONE,
            "greedy-no-skip",
            "greedy by votes, stopping at the first project that does not fit",
        ),
        # Phragmén takes no utility: voters approve projects and share the load of those they approve.
        Rule.PHRAGMEN: RuleSpec(with_phragmen, "card", Completion.NONE, None, "sequential Phragmén"),
        Rule.MAXWELFARE_COST: RuleSpec(
            with_max_welfare, "cost", Completion.NONE, None, "maximum total utility, cost utilities"
        ),
        Rule.MAXWELFARE_CARD: RuleSpec(
            with_max_welfare,
            "card",
            Completion.NONE,
            None,
            "maximum total utility, approval (cardinality) utilities",
        ),
    }
)


def as_rule(name: str) -> Rule:
    """The rule of this name (ValueError, in French, for an unknown name)."""
    try:
        return Rule(name)
    except ValueError:
        known = ", ".join(rule.value for rule in Rule)
        raise ValueError(f"règle inconnue « {name} » (règles connues : {known})") from None


def rule_from_pabulib(name: str) -> Rule | None:
    """The rule that replays a file declaring this META "rule": the first in the table with that name.

    A completion written after a slash ("equalshares/add1") is read as its family ("equalshares"): the
    recommended rule of the family comes first in the table."""
    family = name.strip().lower().split("/", 1)[0]
    return next((rule for rule, spec in RULES.items() if spec.pabulib == family), None)


def meta_threshold(election: Election) -> int:
    """The vote threshold of a `greedy-threshold` election, read from META."""
    for key in THRESHOLD_META_KEYS:
        if key in election.meta and election.meta[key].strip():
            return int(exact_number(election.meta[key]))
    raise ValueError("aucun seuil de votes (min_project_score_threshold) dans les métadonnées du fichier")


def run_rule(
    election: Election,
    rule: Rule | str,
    tie_break: TieBreak | None = None,
    profile: GroupedProfile | None = None,
    threshold: int | None = None,
    add1_exhaustive_over: ExhaustiveOver = "instance",
    record: bool = True,
) -> Outcome:
    """Compute the outcome of a rule on an election, as its row of `RULES` says."""
    rule = as_rule(rule)
    spec = RULES[rule]
    tie_break = tie_break or TieBreak()
    if profile is None or profile.tie_break != tie_break:
        profile = GroupedProfile.from_election(election, tie_break)
    if spec.needs_threshold and threshold is None:
        threshold = meta_threshold(election)
    settings = Settings(
        utility=spec.utility,
        completion=spec.completion,
        threshold=threshold,
        exhaustive_over=add1_exhaustive_over,
        record=record,
        details={"description": spec.description},
    )
    chosen, events = spec.function(profile, settings)
    if spec.completion.then_greedy:
        chosen, completion = greedy(profile, spec.utility, initial=chosen, phase="completion")
        events = events + completion
    return Outcome(
        rule=rule.value,
        winners=[profile.ids[j] for j in chosen],
        budget=profile.budget,
        spent=total_cost(profile, chosen),
        tie_break=tie_break.describe(),
        trace=events,
        details=settings.details,
    )
