"""What people read about the counting rules, keyed by the enums of ``bouquet.budgets.counting``.

Every ``Rule`` has a label (what a town-hall officer picks in a form), an explanation in one sentence (what a
voter reads on the budget and its results, and the agent beside the choice) and a concrete example; every
``TieOrder`` has a label. Forms, the model's choices, the budget page and the
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
    """A rule in plain French: the words of its choice in a form, the one sentence that explains it, and a
    concrete example (with euros and votes) that shows what it does."""

    label: Promise
    explanation: Promise
    example: Promise


RULE_WORDING: Final[Mapping[Rule, RuleWording]] = MappingProxyType(
    {
        Rule.MES_COST_ADD1U: RuleWording(
            _("Parts égales, en utilisant tout le budget (recommandée)"),
            _(
                "Méthode des parts égales : chaque votant reçoit une part égale du budget et ne la dépense que "
                "pour les projets qu'il a choisis ; les parts sont relevées tant qu'il reste de l'argent, puis le reste finance les projets "
                "les plus soutenus qui rentrent encore."
            ),
            _(
                "Avec 100 000 € et 1 000 votants, chacun dispose de 100 € : un jardin à 30 000 € choisi par 400 "
                "personnes est financé (400 × 100 € suffisent), et l'argent qui reste à la fin va aux projets les "
                "plus soutenus qui rentrent encore, si bien que presque tout le budget est dépensé."
            ),
        ),
        Rule.MES_COST_ADD1: RuleWording(
            _("Parts égales, relevées tant qu'il reste de l'argent"),
            _(
                "Méthode des parts égales : chaque votant reçoit une part égale du budget pour ses choix, et tant qu'il "
                "reste de l'argent la part de chacun est relevée d'un euro et le calcul refait."
            ),
            _(
                "S'il reste 12 000 € après le premier calcul, les parts passent de 100 € à 101 €, puis 102 €…, "
                "jusqu'à ce qu'un projet de plus puisse être payé par ceux qui l'ont choisi."
            ),
        ),
        Rule.MES_COST_UTIL: RuleWording(
            _("Parts égales, puis le reste aux projets les plus soutenus"),
            _(
                "Méthode des parts égales : chaque votant reçoit une part égale du budget pour ses choix, puis l'argent "
                "restant finance les projets les plus soutenus qui rentrent encore."
            ),
            _(
                "S'il reste 12 000 € après le partage, le projet le plus soutenu parmi ceux qui coûtent 12 000 € "
                "ou moins est financé, puis le suivant s'il rentre encore."
            ),
        ),
        Rule.MES_COST: RuleWording(
            _("Parts égales seulement (une partie du budget peut rester)"),
            _(
                "Méthode des parts égales : chaque votant reçoit une part égale du budget et ne la dépense que "
                "pour les projets qu'il a choisis ; un projet est financé quand ceux qui l'ont choisi peuvent le payer ensemble."
            ),
            _(
                "Avec 100 000 € et 1 000 votants, chacun dispose de 100 € : un projet à 60 000 € choisi par 300 "
                "personnes n'est pas financé (300 × 100 € ne suffisent pas), et l'argent non dépensé reste à la "
                "collectivité."
            ),
        ),
        Rule.MES_CARD_ADD1U: RuleWording(
            _("Parts égales où chaque projet choisi compte pareil, en utilisant tout le budget"),
            _(
                "Méthode des parts égales où chaque projet choisi compte autant pour le votant quel que soit son "
                "prix (ce qui favorise les petits projets très demandés), en utilisant tout le budget."
            ),
            _(
                "Pour une personne qui a choisi un banc à 2 000 € et une piste cyclable à 80 000 €, les deux "
                "comptent autant : le banc, demandé par beaucoup, passe plus facilement."
            ),
        ),
        Rule.MES_CARD_ADD1: RuleWording(
            _("Parts égales où chaque projet choisi compte pareil, relevées tant qu'il reste de l'argent"),
            _(
                "Méthode des parts égales où chaque projet choisi compte autant quel que soit son prix, parts relevées d'un euro et "
                "recalculées tant qu'il reste de l'argent."
            ),
            _(
                "Un banc à 2 000 € et une piste à 80 000 € comptent autant pour qui les a choisis ; s'il reste "
                "de l'argent, les parts passent de 100 € à 101 €, puis 102 €, et ainsi de suite."
            ),
        ),
        Rule.MES_CARD_UTIL: RuleWording(
            _("Parts égales où chaque projet choisi compte pareil, puis le reste aux plus soutenus"),
            _(
                "Méthode des parts égales où chaque projet choisi compte autant quel que soit son prix, puis l'argent restant "
                "va aux projets les plus soutenus qui rentrent encore."
            ),
            _(
                "Un banc à 2 000 € et une piste à 80 000 € comptent autant pour qui les a choisis ; s'il reste "
                "12 000 €, le projet le plus soutenu qui coûte au plus 12 000 € est financé."
            ),
        ),
        Rule.MES_CARD: RuleWording(
            _("Parts égales où chaque projet choisi compte pareil, seulement"),
            _(
                "Méthode des parts égales : chaque votant reçoit une part égale du budget et la dépense pour ses "
                "choix, chacun comptant autant quel que soit son prix ; une partie du budget peut rester."
            ),
            _(
                "Un banc à 2 000 € et une piste à 80 000 € comptent autant pour qui les a choisis ; l'argent que "
                "personne ne peut dépenser reste à la collectivité."
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
            _(
                "Avec 100 000 € : le projet le plus voté (70 000 €) est financé, le deuxième (40 000 €) ne rentre "
                "plus et est passé, le troisième (25 000 €) est financé."
            ),
        ),
        Rule.GREEDY_CARD: RuleWording(
            _("Les projets qui ont le plus de voix pour chaque euro d'abord"),
            _(
                "Les projets sont classés par nombre de voix par euro dépensé, puis financés tant qu'ils rentrent."
            ),
            _(
                "Un projet à 10 000 € qui a 300 voix (30 voix pour 1 000 €) passe avant un projet à 50 000 € qui "
                "en a 1 000 (20 voix pour 1 000 €)."
            ),
        ),
        Rule.GREEDY_THRESHOLD: RuleWording(
            _("Les projets les plus soutenus d'abord, parmi ceux qui atteignent un nombre minimum de voix"),
            _(
                "Parmi les projets qui atteignent le seuil de voix, les plus soutenus sont financés tant qu'ils "
                "rentrent."
            ),
            _(
                "Avec un seuil de 100 voix, un projet qui n'en a que 80 n'est pas financé, même s'il reste de "
                "l'argent."
            ),
        ),
        Rule.GREEDY_NOSKIP: RuleWording(
            _("Les projets les plus soutenus d'abord, en s'arrêtant au premier qui ne rentre plus"),
            _(
                "Les projets les plus soutenus sont financés jusqu'au premier qui ne rentre plus dans le budget."
            ),
            _(
                "Avec 100 000 € : le plus voté (70 000 €) est financé, le deuxième (40 000 €) ne rentre pas et "
                "tout s'arrête là, même si le troisième (25 000 €) aurait rentré."
            ),
        ),
        Rule.PHRAGMEN: RuleWording(
            _("Le coût de chaque projet partagé entre ceux qui l'ont choisi (méthode de Phragmén)"),
            _(
                "Le coût de chaque projet est réparti entre ceux qui l'ont choisi, et à chaque tour passe le "
                "projet qui charge le moins ses soutiens."
            ),
            _(
                "Un projet à 30 000 € choisi par 300 personnes charge chacune de 100 € ; il passe avant un projet "
                "à 30 000 € choisi par 100 personnes, qui chargerait chacune de 300 €."
            ),
        ),
        Rule.MAXWELFARE_COST: RuleWording(
            _("Les projets qui, ensemble, satisfont le plus les votants"),
            _(
                "Les projets retenus sont l'ensemble qui satisfait le plus les votants dans la limite du budget, "
                "chaque votant étant d'autant plus satisfait que l'on dépense pour ses choix."
            ),
            _(
                "Avec 80 000 €, entre un projet à 80 000 € choisi par 500 personnes et deux projets à 40 000 € "
                "choisis chacun par 400 personnes, le grand projet passe : 500 × 80 000 € dépensés pour les choix "
                "des votants, contre 800 × 40 000 €."
            ),
        ),
        Rule.MAXWELFARE_CARD: RuleWording(
            _("Les projets qui, ensemble, répondent au plus grand nombre de choix"),
            _("Les projets retenus sont l'ensemble qui contente le plus de choix dans la limite du budget."),
            _(
                "Avec 90 000 €, trois projets à 30 000 € choisis chacun par 300 personnes (900 choix contentés) passent avant un "
                "projet à 90 000 € choisi par 800 personnes."
            ),
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
