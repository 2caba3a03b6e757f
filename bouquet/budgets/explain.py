"""Plain-French explanations of a result, built from its trace alone (no database).

The winners are recomputed from the trace (``winners_from_trace`` re-checks its arithmetic), and each project
gets one or two sentences saying why it was funded or not: "il manquait 1 200 € après le financement de…",
"ses soutiens avaient dépensé leur part".
"""

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bouquet.budgets.counting.trace import winners_from_trace
from bouquet.budgets.wording import rule_explanation
from bouquet.core.french import format_money, format_number


def _plain(value: Any) -> int | float:
    amount = Fraction(value)
    return amount.numerator if amount.denominator == 1 else float(amount)


def amount_text(value: Any) -> str:
    """An exact amount in the reader's digits: 1 200, or 1 234,56 when it is not whole (1,200 in English)."""
    return format_number(_plain(value))


def euros(value: Any) -> str:
    """An exact amount of euros as the reader writes it: 1 200 €, or 1 234,56 € when it is not whole (€1,200)."""
    return format_money(_plain(value))


@dataclass(frozen=True)
class ProjectExplanation:
    """Why one project was funded or not."""

    code: str
    funded: bool
    text: str


@dataclass(frozen=True)
class Explanation:
    """A whole result in plain French."""

    rule: str
    summary: str
    winners: list[str]
    projects: dict[str, ProjectExplanation]


def _title(code: str | None, titles: Mapping[str, str]) -> str:
    return titles.get(code or "", code or "")


def _funded_text(event: dict[str, Any], titles: Mapping[str, str]) -> str:
    kind = event["event"]
    if kind == "mes_round":
        return ngettext(
            "Financé au tour %(round)s : %(n)s soutien l'a payé sur sa part, au plus %(share)s.",
            "Financé au tour %(round)s : ses %(n)s soutiens l'ont payé ensemble sur leur part, chacun au plus %(share)s.",
            event["supporters"],
        ) % {"round": event["round"], "n": event["supporters"], "share": euros(event["share"])}
    if kind == "mes_free":
        return ngettext(
            "Financé d'emblée : il ne coûte rien et %(n)s personne l'a choisi.",
            "Financé d'emblée : il ne coûte rien et %(n)s personnes l'ont choisi.",
            event["supporters"],
        ) % {"n": event["supporters"]}
    if kind == "greedy":
        if event.get("phase") == "completion":
            return ngettext(
                "Financé avec l'argent resté disponible après les parts égales : %(votes)s voix, il restait %(left)s "
                "quand son tour est venu.",
                "Financé avec l'argent resté disponible après les parts égales : %(votes)s voix, il restait %(left)s "
                "quand son tour est venu.",
                _plural_count(event["votes"]),
            ) % {"votes": event["votes"], "left": euros(event["remaining_before"])}
        return ngettext(
            "Financé : %(votes)s voix ; il restait %(left)s quand son tour est venu.",
            "Financé : %(votes)s voix ; il restait %(left)s quand son tour est venu.",
            _plural_count(event["votes"]),
        ) % {"votes": event["votes"], "left": euros(event["remaining_before"])}
    if kind == "phragmen_round":
        return ngettext(
            "Financé au tour %(round)s : %(n)s soutien en porte la charge.",
            "Financé au tour %(round)s : ses %(n)s soutiens s'en partagent la charge.",
            event["supporters"],
        ) % {"round": event["round"], "n": event["supporters"]}
    return _(
        "Fait partie de l'ensemble de projets qui satisfait le plus les votants dans la limite du budget."
    )


def _plural_count(votes: Any) -> int:
    """The number that chooses the plural form: « voix » never changes in French, « vote(s) » does in English;
    a fractional count (a weighted ballot) reads as plural."""
    try:
        number = Fraction(str(votes))
    except (ValueError, ZeroDivisionError):
        return 2
    return int(number) if number.denominator == 1 else 2


def _unfunded_text(
    events: list[dict[str, Any]], titles: Mapping[str, str], stop: dict[str, Any] | None
) -> str:
    reasons: list[str] = []
    for event in events:
        kind = event["event"]
        if kind == "mes_no_supporter":
            reasons.append(_("Personne n'a choisi ce projet."))
        elif kind == "mes_unfunded":
            reasons.append(
                _(
                    "Ses soutiens avaient dépensé leur part : il leur restait %(left)s pour un coût de %(cost)s."
                )
                % {"left": euros(event["available"]), "cost": euros(event["cost"])}
            )
        elif kind == "greedy":
            decision = event.get("decision")
            if decision in ("skipped", "stopped"):
                if event.get("after"):
                    reasons.append(
                        _("Il manquait %(missing)s après le financement de « %(after)s ».")
                        % {"missing": euros(event["missing"]), "after": _title(event["after"], titles)}
                    )
                else:
                    reasons.append(
                        _("Il manquait %(missing)s : il coûte %(cost)s et il ne restait que %(left)s.")
                        % {
                            "missing": euros(event["missing"]),
                            "cost": euros(event["cost"]),
                            "left": euros(event["remaining_before"]),
                        }
                    )
                if decision == "stopped":
                    reasons.append(_("La règle s'arrête au premier projet qui ne rentre plus."))
            elif decision == "below_threshold":
                reasons.append(
                    ngettext(
                        "Il n'a obtenu que %(votes)s voix, sous le seuil de %(threshold)s.",
                        "Il n'a obtenu que %(votes)s voix, sous le seuil de %(threshold)s.",
                        _plural_count(event["votes"]),
                    )
                    % {"votes": event["votes"], "threshold": event["threshold"]}
                )
            elif decision == "not_reached":
                reasons.append(
                    _("La règle s'est arrêtée avant son tour, au projet « %(stop)s ».")
                    % {"stop": _title(event.get("stopped_by"), titles)}
                )
        elif kind == "phragmen_stop":
            reasons.append(
                _("Il manquait %(missing)s : le calcul s'arrête au premier projet qui ne rentre plus.")
                % {"missing": euros(event["missing"])}
            )
    if not reasons and stop is not None:
        reasons.append(
            _("Le calcul s'est arrêté avant son tour, au projet « %(stop)s ».")
            % {"stop": _title(stop["project"], titles)}
        )
    if not reasons:
        reasons.append(
            _("Un autre ensemble de projets satisfaisait davantage les votants avec le même budget.")
        )
    # Keep each reason once, in the order of the computation (MES first, completion after).
    return " ".join(dict.fromkeys(reasons))


def explain(outcome: Mapping[str, Any], titles: Mapping[str, str]) -> Explanation:
    """Explain a stored outcome (``outcome_to_json``) project by project, from its trace alone."""
    trace: list[dict[str, Any]] = list(outcome.get("trace", []))
    winners = winners_from_trace(trace, outcome["budget"])
    chosen = set(winners)
    by_project: dict[str, list[dict[str, Any]]] = {}
    for event in trace:
        if "project" in event:
            by_project.setdefault(event["project"], []).append(event)
    stop = next((e for e in trace if e["event"] == "phragmen_stop"), None)
    projects: dict[str, ProjectExplanation] = {}
    for code in list(titles) + [c for c in by_project if c not in titles]:
        events = by_project.get(code, [])
        if code in chosen:
            deciding = next(
                (
                    e
                    for e in events
                    if e["event"] in ("mes_round", "mes_free", "phragmen_round")
                    or (e["event"] == "greedy" and e.get("decision") == "selected")
                ),
                {"event": "max_welfare"},
            )
            text = _funded_text(deciding, titles)
        else:
            text = _unfunded_text(events, titles, stop)
        projects[code] = ProjectExplanation(code=code, funded=code in chosen, text=text)
    return Explanation(
        rule=outcome.get("rule", ""),
        summary=_summary(outcome, trace),
        winners=winners,
        projects=projects,
    )


def _summary(outcome: Mapping[str, Any], trace: list[dict[str, Any]]) -> str:
    sentence = rule_explanation(outcome.get("rule", ""))
    start = next((e for e in reversed(trace) if e["event"] == "mes_start"), None)
    if start is None:
        return sentence
    first = next((e for e in trace if e["event"] == "add1_step"), None)
    share = ngettext(
        "%(n)s personne a voté ; elle disposait d'une part de %(share)s.",
        "Chacune des %(n)s personnes qui ont voté disposait d'une part de %(share)s.",
        start["voters"],
    ) % {
        "n": start["voters"],
        "share": euros(first["per_voter"] if first else start["per_voter"]),
    }
    if first is not None and Fraction(start["per_voter"]) != Fraction(first["per_voter"]):
        share += " " + _("Pour dépenser davantage du budget, cette part a été relevée à %(share)s.") % {
            "share": euros(start["per_voter"])
        }
    return f"{sentence} {share}"
