"""Bridge to pabutools (a dev-only dependency) to cross-check Bouquet's rules; never used in production.

This module is the single place mapping each Bouquet rule to the exact pabutools call it must agree with,
read from the rule's row of ``catalogue.RULES`` (its function, utility and completion). pabutools is imported
lazily so that the package never needs it.
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

from bouquet.budgets.counting.catalogue import (
    RULES,
    as_rule,
    by_votes,
    by_votes_above_threshold,
    with_equal_shares,
    with_max_welfare,
    with_phragmen,
)
from bouquet.budgets.counting.models import CUMULATIVE, ORDINAL, SCORING, Election
from bouquet.budgets.counting.pabulib import write_pb
from bouquet.budgets.counting.tiebreak import TieBreak

_loaded: dict[str, Any] = {}


def load_pabutools() -> dict[str, Any]:
    """Import pabutools (a test and benchmark dependency, pinned with a PuLP it can import) once."""
    if _loaded:
        return _loaded
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        election = importlib.import_module("pabutools.election")
        rules = importlib.import_module("pabutools.rules")
        tiebreaking = importlib.import_module("pabutools.tiebreaking")
    _loaded.update(
        parse_string=importlib.import_module("pabutools.election.pabulib").parse_pabulib_from_string,
        election=election,
        rules=rules,
        tiebreaking=tiebreaking,
    )
    return _loaded


def to_pabutools(election: Election) -> tuple[Any, Any]:
    """Build the pabutools instance and profile of an election (through its `.pb` text, as users would)."""
    pt = load_pabutools()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        instance, profile = pt["parse_string"](write_pb(election))
    return instance, profile


def approval_view(instance: Any, profile: Any) -> Any:
    """An approval profile listing the same projects (Phragmén refuses other profile types)."""
    pt = load_pabutools()
    ballot_cls = pt["election"].ApprovalBallot
    ballots = [ballot_cls(list(b)) for b in profile]
    return pt["election"].ApprovalProfile(ballots, instance=instance)


def pabutools_tie_breaking(election: Election, tie_break: TieBreak) -> Any:
    """The pabutools tie-breaking rule equivalent to a Bouquet order."""
    pt = load_pabutools()
    ranks = tie_break.election_ranks(election)
    return pt["tiebreaking"].TieBreakingRule(lambda inst, prof, proj: ranks[proj.name])


def run_pabutools(
    election: Election,
    rule: str,
    tie_break: TieBreak,
    parsed: tuple[Any, Any] | None = None,
    threshold: int | None = None,
    add1_exhaustive_over: str = "instance",
) -> list[str]:
    """Run the pabutools counterpart of a Bouquet rule and return the winners' ids in pabutools' order."""
    pt = load_pabutools()
    el = pt["election"]
    r = pt["rules"]
    instance, profile = parsed if parsed is not None else to_pabutools(election)
    tie = pabutools_tie_breaking(election, tie_break)
    spec = RULES[as_rule(rule)]
    sat = el.Cardinality_Sat if spec.utility == "card" else el.Cost_Sat
    n = profile.num_ballots()
    mes_params = {"sat_class": sat, "tie_breaking": tie}
    greedy_params = {"sat_class": sat, "tie_breaking": tie}
    first: tuple[Any, dict[str, Any]]
    if spec.function is by_votes:
        first = (r.greedy_utilitarian_welfare, greedy_params)
    elif spec.function is by_votes_above_threshold:
        # pabutools has no threshold: restrict the instance to the eligible projects, then run greedy.
        assert threshold is not None  # nosec B101  # narrows the type: the caller passes one for this rule
        kept = [p for p in instance if profile.approval_score(p) >= threshold]
        instance = el.Instance(kept, budget_limit=instance.budget_limit)
        first = (r.greedy_utilitarian_welfare, greedy_params)
    elif spec.function is with_equal_shares and spec.completion.raises_shares:
        if add1_exhaustive_over == "candidates":
            first = (r.method_of_equal_shares, {**mes_params, "voter_budget_increment": 1})
        else:
            first = (
                r.exhaustion_by_budget_increase,
                {"rule": r.method_of_equal_shares, "rule_params": dict(mes_params), "budget_step": n},
            )
    elif spec.function is with_equal_shares:
        first = (r.method_of_equal_shares, mes_params)
    elif spec.function is with_phragmen:
        if election.vote_type in (CUMULATIVE, SCORING, ORDINAL):
            profile = approval_view(instance, profile)
        first = (r.sequential_phragmen, {"tie_breaking": tie})
    elif spec.function is with_max_welfare:
        first = (r.max_additive_utilitarian_welfare, {"sat_class": sat})
    else:
        raise ValueError(f"pas d'équivalent pabutools pour la règle « {rule} »")
    result: Any
    if spec.completion.then_greedy:
        result = r.completion_by_rule_combination(
            instance, profile, [first[0], r.greedy_utilitarian_welfare], [first[1], greedy_params]
        )
    else:
        result = first[0](instance, profile, **first[1])
    return [str(p.name) for p in result]
