"""Bridge to pabutools (a dev-only dependency) to cross-check Bouquet's rules; never used in production.

This module is the single place mapping each Bouquet rule name to the exact pabutools call it must
agree with. pabutools is imported lazily so that the package never needs it.
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

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
    sat = el.Cardinality_Sat if "card" in rule else el.Cost_Sat
    n = profile.num_ballots()
    mes_params = {"sat_class": sat, "tie_breaking": tie}
    greedy_params = {"sat_class": sat, "tie_breaking": tie}
    result: Any
    if rule in ("greedy_cost", "greedy_card"):
        result = r.greedy_utilitarian_welfare(instance, profile, **greedy_params)
    elif rule == "greedy_threshold":
        # pabutools has no threshold: restrict the instance to the eligible projects, then run greedy.
        assert threshold is not None
        kept = [p for p in instance if profile.approval_score(p) >= threshold]
        sub = el.Instance(kept, budget_limit=instance.budget_limit)
        result = r.greedy_utilitarian_welfare(sub, profile, **greedy_params)
    elif rule in ("mes_cost", "mes_card"):
        result = r.method_of_equal_shares(instance, profile, **mes_params)
    elif rule in ("mes_cost_util", "mes_card_util"):
        result = r.completion_by_rule_combination(
            instance,
            profile,
            [r.method_of_equal_shares, r.greedy_utilitarian_welfare],
            [mes_params, greedy_params],
        )
    elif rule in ("mes_cost_add1", "mes_card_add1", "mes_cost_add1u", "mes_card_add1u"):
        if add1_exhaustive_over == "candidates":
            add1_rule, add1_params = r.method_of_equal_shares, {**mes_params, "voter_budget_increment": 1}
        else:
            add1_rule = r.exhaustion_by_budget_increase
            add1_params = {
                "rule": r.method_of_equal_shares,
                "rule_params": dict(mes_params),
                "budget_step": n,
            }
        if rule.endswith("u"):
            result = r.completion_by_rule_combination(
                instance, profile, [add1_rule, r.greedy_utilitarian_welfare], [add1_params, greedy_params]
            )
        else:
            result = add1_rule(instance, profile, **add1_params)
    elif rule == "phragmen":
        prof = (
            profile
            if election.vote_type not in (CUMULATIVE, SCORING, ORDINAL)
            else approval_view(instance, profile)
        )
        result = r.sequential_phragmen(instance, prof, tie_breaking=tie)
    elif rule in ("maxwelfare_cost", "maxwelfare_card"):
        result = r.max_additive_utilitarian_welfare(instance, profile, sat_class=sat)
    else:
        raise ValueError(f"pas d'équivalent pabutools pour la règle « {rule} »")
    return [str(p.name) for p in result]
