"""Trace utilities: JSON export and recomputation of the winners from the trace alone."""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from typing import Any

from bouquet.budgets.counting.models import Outcome


class TraceError(ValueError):
    """The trace is inconsistent with the winners it claims."""


def jsonable(value: Any) -> Any:
    """Convert Fractions (exact, as "a/b" strings when not integral) and containers to JSON types."""
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def outcome_to_json(outcome: Outcome) -> dict[str, Any]:
    """The whole outcome (winners, budget, tie-breaking, trace) as JSON-compatible data."""
    return {
        "rule": outcome.rule,
        "winners": outcome.winners,
        "budget": jsonable(outcome.budget),
        "spent": jsonable(outcome.spent),
        "tie_break": outcome.tie_break,
        "details": jsonable(outcome.details),
        "trace": jsonable(outcome.trace),
    }


def _num(value: Any) -> Fraction:
    """Read back an exact number written by `jsonable` (or kept as Fraction)."""
    return Fraction(value)


def winners_from_trace(trace: list[dict[str, Any]], budget: Any) -> list[str]:
    """Recompute the winners from the trace alone, re-checking every arithmetic claim it makes.

    Greedy steps: re-derive from the recorded costs and the budget whether each project fits.
    Equal Shares rounds: replay the payments voter by voter (no voter may spend more than their share,
    payments must cover the cost exactly). Phragmén and max welfare: take the recorded selections,
    checking that the budget is respected.
    """
    total = _num(budget)
    winners: list[str] = []
    spent = Fraction(0)
    balances: dict[str, Fraction] = defaultdict(Fraction)
    per_voter: Fraction | None = None
    for event in trace:
        kind = event["event"]
        if kind == "greedy":
            cost = _num(event["cost"])
            if _num(event["remaining_before"]) != total - spent:
                raise TraceError(f"budget restant faux avant le projet {event['project']}")
            decision = event["decision"]
            fits = cost <= total - spent
            if decision == "selected":
                if not fits:
                    raise TraceError(f"le projet {event['project']} ne rentrait pas dans le budget")
                winners.append(event["project"])
                spent += cost
            elif decision in ("skipped", "stopped"):
                if fits or _num(event["missing"]) != cost - (total - spent):
                    raise TraceError(f"le projet {event['project']} rentrait dans le budget")
        elif kind == "mes_free":
            winners.append(event["project"])
        elif kind == "mes_round":
            cost = _num(event["cost"])
            paid = Fraction(0)
            for payment in event["payments"]:
                amount = _num(payment["amount"])
                for voter in payment["voters"]:
                    if voter not in balances:
                        if per_voter is None:
                            raise TraceError("part initiale des votants inconnue")
                        balances[voter] = per_voter
                    balances[voter] -= amount
                    if balances[voter] < 0:
                        raise TraceError(f"le votant {voter} a dépensé plus que sa part")
                    paid += amount
            if paid != cost:
                raise TraceError(
                    f"les paiements ({paid}) ne couvrent pas le coût du projet {event['project']}"
                )
            winners.append(event["project"])
            spent += cost
        elif kind in ("phragmen_round",):
            winners.append(event["project"])
            spent += _num(event["cost"])
        elif kind == "max_welfare":
            winners.extend(event["projects"])
        elif kind == "mes_start":
            per_voter = _num(event["per_voter"])
    return winners


def check_trace(outcome: Outcome) -> None:
    """Raise `TraceError` unless the trace alone gives back the outcome's winners."""
    data = jsonable(outcome.trace)
    if winners_from_trace(data, jsonable(outcome.budget)) != outcome.winners:
        raise TraceError("la trace ne redonne pas les projets retenus")
