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
from django.utils.translation import gettext_lazy

from bouquet.budgets.counting.trace import winners_from_trace

RULE_SENTENCES = {
    "greedy_cost": gettext_lazy(
        "Les projets sont classés par nombre de voix ; chacun est financé s'il rentre dans ce qui reste du budget, "
        "sinon on passe au suivant."
    ),
    "greedy_card": gettext_lazy(
        "Les projets sont classés par nombre de voix par euro dépensé, puis financés tant qu'ils rentrent."
    ),
    "greedy_threshold": gettext_lazy(
        "Parmi les projets qui atteignent le seuil de voix, les plus soutenus sont financés tant qu'ils rentrent."
    ),
    "greedy_noskip": gettext_lazy(
        "Les projets les plus soutenus sont financés jusqu'au premier qui ne rentre plus dans le budget."
    ),
    "mes_cost": gettext_lazy(
        "Méthode des parts égales : chaque votant reçoit une part égale du budget et ne paie que pour les projets "
        "qu'il a choisis ; un projet est financé quand ses soutiens peuvent le payer ensemble."
    ),
    "mes_card": gettext_lazy(
        "Méthode des parts égales (chaque projet choisi compte pareil) : chaque votant reçoit une part égale du "
        "budget et la dépense pour les projets qu'il a choisis."
    ),
    "mes_cost_util": gettext_lazy(
        "Méthode des parts égales, puis l'argent restant finance les projets les plus soutenus qui rentrent encore."
    ),
    "mes_card_util": gettext_lazy(
        "Méthode des parts égales (chaque projet compte pareil), complétée par les plus soutenus."
    ),
    "mes_cost_add1": gettext_lazy(
        "Méthode des parts égales ; tant qu'il reste de l'argent, la part de chacun est relevée d'un euro et le "
        "calcul refait."
    ),
    "mes_cost_add1u": gettext_lazy(
        "Méthode des parts égales : chaque votant reçoit une part égale du budget et ne paie que pour les projets "
        "qu'il a choisis ; la part est relevée tant qu'il reste de l'argent, puis le reste finance les projets "
        "les plus soutenus qui rentrent encore."
    ),
    "mes_card_add1": gettext_lazy(
        "Méthode des parts égales (chaque projet compte pareil), parts relevées tant qu'il reste de l'argent."
    ),
    "mes_card_add1u": gettext_lazy(
        "Méthode des parts égales (chaque projet compte pareil), parts relevées, puis le reste aux plus soutenus."
    ),
    "phragmen": gettext_lazy(
        "Méthode de Phragmén : le coût de chaque projet est réparti entre ses soutiens, en choisissant à chaque tour "
        "le projet qui charge le moins ceux qui le paient."
    ),
    "maxwelfare_cost": gettext_lazy(
        "Les projets retenus sont l'ensemble qui satisfait le plus les votants dans la limite du budget."
    ),
    "maxwelfare_card": gettext_lazy(
        "Les projets retenus sont l'ensemble qui contente le plus de choix dans la limite du budget."
    ),
}


def euros(value: Any) -> str:
    """An exact amount as French text: 1 200 €, or 1 234,56 € when it is not whole."""
    amount = Fraction(value)
    if amount.denominator == 1:
        return f"{amount.numerator:,} €".replace(",", "\u202f")
    whole = f"{float(amount):,.2f}".replace(",", "\u202f").replace(".", ",")
    return f"{whole} €"


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
        return _(
            "Financé au tour %(round)s : ses %(n)s soutiens l'ont payé ensemble sur leur part, chacun au plus %(share)s."
        ) % {"round": event["round"], "n": event["supporters"], "share": euros(event["share"])}
    if kind == "mes_free":
        return _("Financé d'emblée : il ne coûte rien et %(n)s personnes l'ont choisi.") % {
            "n": event["supporters"]
        }
    if kind == "greedy":
        if event.get("phase") == "completion":
            return _(
                "Financé avec l'argent resté disponible après les parts égales : %(votes)s voix, il restait %(left)s "
                "quand son tour est venu."
            ) % {"votes": event["votes"], "left": euros(event["remaining_before"])}
        return _("Financé : %(votes)s voix ; il restait %(left)s quand son tour est venu.") % {
            "votes": event["votes"],
            "left": euros(event["remaining_before"]),
        }
    if kind == "phragmen_round":
        return _("Financé au tour %(round)s : ses %(n)s soutiens s'en partagent la charge.") % {
            "round": event["round"],
            "n": event["supporters"],
        }
    return _(
        "Fait partie de l'ensemble de projets qui satisfait le plus les votants dans la limite du budget."
    )


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
                    _("Il n'a obtenu que %(votes)s voix, sous le seuil de %(threshold)s.")
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
    if outcome.get("rule", "").startswith("maxwelfare"):
        winners = list(outcome.get("winners", winners))
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
    sentence = str(RULE_SENTENCES.get(outcome.get("rule", ""), ""))
    start = next((e for e in reversed(trace) if e["event"] == "mes_start"), None)
    if start is None:
        return sentence
    first = next((e for e in trace if e["event"] == "add1_step"), None)
    share = _("Chacune des %(n)s personnes qui ont voté disposait d'une part de %(share)s.") % {
        "n": start["voters"],
        "share": euros(first["per_voter"] if first else start["per_voter"]),
    }
    if first is not None and Fraction(start["per_voter"]) != Fraction(first["per_voter"]):
        share += " " + _("Pour dépenser davantage du budget, cette part a été relevée à %(share)s.") % {
            "share": euros(start["per_voter"])
        }
    return f"{sentence} {share}"
