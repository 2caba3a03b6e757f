"""Rule names (as used by the CLI and the benchmark) and the function computing an `Outcome`."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from bouquet.budgets.counting.greedy import Utility, greedy
from bouquet.budgets.counting.maxwelfare import max_welfare
from bouquet.budgets.counting.mes import ExhaustiveOver, equal_shares, equal_shares_add1, total_cost
from bouquet.budgets.counting.models import Election, Outcome
from bouquet.budgets.counting.phragmen import sequential_phragmen
from bouquet.budgets.counting.profile import GroupedProfile
from bouquet.budgets.counting.tiebreak import TieBreak

THRESHOLD_META_KEYS = ("min_project_score_threshold", "min_project_votes_threshold", "threshold")

RULES: dict[str, str] = {
    "greedy_cost": "greedy by votes, skipping projects that no longer fit (what cities run, CONSUL)",
    "greedy_card": "greedy by votes per unit of money (cardinality satisfaction)",
    "greedy_threshold": "greedy by votes among projects reaching the META vote threshold",
    "greedy_noskip": "greedy by votes, stopping at the first project that does not fit",
    "mes_cost": "Method of Equal Shares, cost utilities, no completion",
    "mes_card": "Method of Equal Shares, approval (cardinality) utilities, no completion",
    "mes_cost_util": "MES (cost) completed by greedy by votes",
    "mes_card_util": "MES (cardinality) completed by greedy by votes per unit of money",
    "mes_cost_add1": "MES (cost) with Add1 completion",
    "mes_cost_add1u": "MES (cost) with Add1 then greedy completion (equalshares.net default)",
    "mes_card_add1": "MES (cardinality) with Add1 completion",
    "mes_card_add1u": "MES (cardinality) with Add1 then greedy completion",
    "phragmen": "sequential Phragmén",
    "maxwelfare_cost": "maximum total utility, cost utilities",
    "maxwelfare_card": "maximum total utility, approval (cardinality) utilities",
}


def meta_threshold(election: Election) -> int:
    """The vote threshold of a `greedy-threshold` election, read from META."""
    for key in THRESHOLD_META_KEYS:
        if key in election.meta and election.meta[key].strip():
            return int(Fraction(election.meta[key].strip()))
    raise ValueError("aucun seuil de votes (min_project_score_threshold) dans les métadonnées du fichier")


def run_rule(
    election: Election,
    rule: str,
    tie_break: TieBreak | None = None,
    profile: GroupedProfile | None = None,
    threshold: int | None = None,
    add1_exhaustive_over: ExhaustiveOver = "instance",
    record: bool = True,
) -> Outcome:
    """Compute the outcome of a named rule on an election."""
    if rule not in RULES:
        raise ValueError(f"règle inconnue « {rule} » (règles connues : {', '.join(RULES)})")
    tie_break = tie_break or TieBreak()
    if profile is None or profile.tie_break != tie_break:
        profile = GroupedProfile.from_election(election, tie_break)
    details: dict[str, Any] = {"description": RULES[rule]}
    events: list[dict[str, Any]]
    utility: Utility = "card" if "card" in rule else "cost"
    if rule in ("greedy_cost", "greedy_card"):
        chosen, events = greedy(profile, utility)
    elif rule == "greedy_threshold":
        threshold = threshold if threshold is not None else meta_threshold(election)
        details["threshold"] = threshold
        chosen, events = greedy(profile, "cost", threshold=threshold)
    elif rule == "greedy_noskip":
        chosen, events = greedy(profile, "cost", no_skip=True)
    elif rule.startswith("mes_"):
        chosen, events = _run_mes(profile, rule, utility, add1_exhaustive_over, record, details)
    elif rule == "phragmen":
        chosen, events = sequential_phragmen(profile)
    else:
        chosen, events = max_welfare(profile, utility)
    return Outcome(
        rule=rule,
        winners=[profile.ids[j] for j in chosen],
        budget=profile.budget,
        spent=total_cost(profile, chosen),
        tie_break=tie_break.describe(),
        trace=events,
        details=details,
    )


def _run_mes(
    profile: GroupedProfile,
    rule: str,
    utility: Utility,
    exhaustive_over: ExhaustiveOver,
    record: bool,
    details: dict[str, Any],
) -> tuple[list[int], list[dict[str, Any]]]:
    """Run MES and its completion for one of the `mes_*` rule names."""
    events: list[dict[str, Any]] = []
    if "add1" in rule:
        run, steps = equal_shares_add1(profile, utility, exhaustive_over, record=record)
        details["add1_steps"] = len(steps)
        events.extend(steps)
    else:
        run = equal_shares(profile, utility, record=record)
    details["per_voter"] = run.per_voter
    events.extend(run.events)
    chosen = list(run.winners)
    if rule.endswith("_util") or rule.endswith("add1u"):
        chosen, completion = greedy(profile, utility, initial=chosen, phase="completion")
        events.extend(completion)
    return chosen, events
