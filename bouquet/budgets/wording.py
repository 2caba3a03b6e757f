"""What people read about the counting rules, keyed by the enums of ``bouquet.budgets.counting``.

Every ``Rule`` has a label (what a town-hall officer picks in a form) and an explanation (what a voter reads on
the budget and its results); every ``TieOrder`` has a label. Forms, the model's choices, the budget page and the
explanation of results all read these tables, so a rule added to the pure table without its words fails a test.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bouquet.budgets.counting.catalogue import Rule, as_rule
from bouquet.budgets.counting.tiebreak import TieOrder


@dataclass(frozen=True, slots=True)
class RuleWording:
    """A rule in plain French: the words of its choice in a form, and the sentence that explains it."""

    label: Promise
    explanation: Promise


RULE_WORDING: Final[Mapping[Rule, RuleWording]] = MappingProxyType(
    {
        Rule.MES_COST_ADD1U: RuleWording(
            _("Parts égales, en utilisant tout le budget (recommandée)"),
            _(
                "Méthode des parts égales : chaque votant reçoit une part égale du budget et ne paie que pour les "
                "projets qu'il a choisis ; la part est relevée tant qu'il reste de l'argent, puis le reste finance "
                "les projets les plus soutenus qui rentrent encore."
            ),
        ),
        Rule.MES_COST_ADD1: RuleWording(
            _("Parts égales, relevées tant qu'il reste de l'argent"),
            _(
                "Méthode des parts égales ; tant qu'il reste de l'argent, la part de chacun est relevée d'un euro "
                "et le calcul refait."
            ),
        ),
        Rule.MES_COST_UTIL: RuleWording(
            _("Parts égales, puis le reste aux projets les plus soutenus"),
            _(
                "Méthode des parts égales, puis l'argent restant finance les projets les plus soutenus qui rentrent "
                "encore."
            ),
        ),
        Rule.MES_COST: RuleWording(
            _("Parts égales seulement (une partie du budget peut rester)"),
            _(
                "Méthode des parts égales : chaque votant reçoit une part égale du budget et ne paie que pour les "
                "projets qu'il a choisis ; un projet est financé quand ses soutiens peuvent le payer ensemble."
            ),
        ),
        Rule.MES_CARD_ADD1U: RuleWording(
            _("Parts égales où chaque projet choisi compte pareil, en utilisant tout le budget"),
            _(
                "Méthode des parts égales (chaque projet compte pareil), parts relevées, puis le reste aux plus soutenus."
            ),
        ),
        Rule.MES_CARD_ADD1: RuleWording(
            _("Parts égales où chaque projet choisi compte pareil, relevées tant qu'il reste de l'argent"),
            _(
                "Méthode des parts égales (chaque projet compte pareil), parts relevées tant qu'il reste de l'argent."
            ),
        ),
        Rule.MES_CARD_UTIL: RuleWording(
            _("Parts égales où chaque projet choisi compte pareil, puis le reste aux plus soutenus"),
            _("Méthode des parts égales (chaque projet compte pareil), complétée par les plus soutenus."),
        ),
        Rule.MES_CARD: RuleWording(
            _("Parts égales où chaque projet choisi compte pareil, seulement"),
            _(
                "Méthode des parts égales (chaque projet choisi compte pareil) : chaque votant reçoit une part égale "
                "du budget et la dépense pour les projets qu'il a choisis."
            ),
        ),
        Rule.GREEDY_COST: RuleWording(
            _(
                "Les projets les plus soutenus d'abord, tant qu'ils rentrent dans le budget (la règle habituelle)"
            ),
            _(
                "Les projets sont classés par nombre de voix ; chacun est financé s'il rentre dans ce qui reste du "
                "budget, sinon on passe au suivant."
            ),
        ),
        Rule.GREEDY_CARD: RuleWording(
            _("Les projets qui ont le plus de voix pour chaque euro d'abord"),
            _(
                "Les projets sont classés par nombre de voix par euro dépensé, puis financés tant qu'ils rentrent."
            ),
        ),
        Rule.GREEDY_THRESHOLD: RuleWording(
            _("Les projets les plus soutenus d'abord, parmi ceux qui atteignent un nombre minimum de voix"),
            _(
                "Parmi les projets qui atteignent le seuil de voix, les plus soutenus sont financés tant qu'ils "
                "rentrent."
            ),
        ),
        Rule.GREEDY_NOSKIP: RuleWording(
            _("Les projets les plus soutenus d'abord, en s'arrêtant au premier qui ne rentre plus"),
            _(
                "Les projets les plus soutenus sont financés jusqu'au premier qui ne rentre plus dans le budget."
            ),
        ),
        Rule.PHRAGMEN: RuleWording(
            _("Le coût de chaque projet partagé entre ceux qui l'ont choisi (méthode de Phragmén)"),
            _(
                "Méthode de Phragmén : le coût de chaque projet est réparti entre ses soutiens, en choisissant à "
                "chaque tour le projet qui charge le moins ceux qui le paient."
            ),
        ),
        Rule.MAXWELFARE_COST: RuleWording(
            _("Les projets qui, ensemble, satisfont le plus les votants"),
            _(
                "Les projets retenus sont l'ensemble qui satisfait le plus les votants dans la limite du budget."
            ),
        ),
        Rule.MAXWELFARE_CARD: RuleWording(
            _("Les projets qui, ensemble, répondent au plus grand nombre de choix"),
            _("Les projets retenus sont l'ensemble qui contente le plus de choix dans la limite du budget."),
        ),
    }
)

TIE_ORDER_LABELS: Final[Mapping[TieOrder, Promise]] = MappingProxyType(
    {
        TieOrder.VOTES: _(
            "Le projet qui a le plus de voix, puis le moins cher, puis le plus petit numéro, puis un tirage au "
            "sort publié"
        ),
        TieOrder.ID_NUMBER: _("Le plus petit numéro de projet (le 9 passe avant le 10)"),
        # What research software does by default (pabutools): kept to compare results with it.
        TieOrder.ID_STRING: _("Les numéros de projet dans l'ordre alphabétique (le 10 passe avant le 9)"),
    }
)

# The choices of a budget's rule and tie-breaking order, in the tables' order (the recommended rule first).
RULE_CHOICES: Final = [(rule.value, RULE_WORDING[rule].label) for rule in Rule]
TIE_ORDER_CHOICES: Final = [(order.value, TIE_ORDER_LABELS[order]) for order in TieOrder]


def rule_explanation(name: str) -> str:
    """The plain-French explanation of the rule stored under this name ("" for a name no rule has)."""
    try:
        return str(RULE_WORDING[as_rule(name)].explanation)
    except ValueError:
        return ""
