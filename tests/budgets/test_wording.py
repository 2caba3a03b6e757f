"""Every rule and tie-breaking order has its plain-French words, and forms, the model and pages read them."""

import pytest
from django.test import Client

from bouquet.budgets.counting.catalogue import DEFAULT_RULE, Rule
from bouquet.budgets.counting.tiebreak import TieOrder
from bouquet.budgets.models import Budget
from bouquet.budgets.wording import RULE_WORDING, TIE_ORDER_LABELS, rule_explanation
from bouquet.www.budgets.forms import BudgetForm, ImportForm
from tests.factories import BudgetFactory, UserFactory

# Words of the specialists that a town-hall officer choosing a rule should not have to know.
JARGON = ("add1", "glouton", "greedy", "pabutools", "cardinal", "utilit", "(coût)")


def test_every_rule_has_a_label_a_sentence_and_an_example() -> None:
    assert set(RULE_WORDING) == set(Rule)
    labels = [str(RULE_WORDING[rule].label) for rule in Rule]
    assert all(labels) and len(set(labels)) == len(labels)
    for rule in Rule:
        sentence, example = str(RULE_WORDING[rule].explanation), str(RULE_WORDING[rule].example)
        # One plain sentence: a single full stop, at its end.
        assert sentence.endswith(".") and ". " not in sentence, rule
        # A concrete example: it speaks of euros, or of votes.
        assert example.endswith(".") and ("€" in example or "voix" in example), rule
        assert len({sentence, example}) == 2, rule


@pytest.mark.parametrize("rule", list(Rule))
def test_sentences_and_examples_are_plain_words(rule: Rule) -> None:
    for words in (RULE_WORDING[rule].explanation, RULE_WORDING[rule].example):
        text = str(words).lower()
        assert not [word for word in JARGON if word in text], text


def test_every_tie_breaking_order_has_a_label() -> None:
    assert set(TIE_ORDER_LABELS) == set(TieOrder)
    assert len({str(label) for label in TIE_ORDER_LABELS.values()}) == len(TieOrder)


@pytest.mark.parametrize("label", [*(w.label for w in RULE_WORDING.values()), *TIE_ORDER_LABELS.values()])
def test_labels_are_plain_words(label: object) -> None:
    text = str(label).lower()
    assert not [word for word in JARGON if word in text], text


def test_stored_values_and_choices_come_from_the_enums() -> None:
    field = Budget._meta.get_field("rule")
    assert [value for value, _label in field.choices] == [rule.value for rule in Rule]
    assert field.default == DEFAULT_RULE == Rule.MES_COST_ADD1U
    tie_break = Budget._meta.get_field("tie_break")
    assert [value for value, _label in tie_break.choices] == [order.value for order in TieOrder]


@pytest.mark.django_db
def test_forms_offer_the_plain_labels_recommended_first() -> None:
    offered = BudgetForm().fields["rule"].choices
    assert offered[0] == (Rule.MES_COST_ADD1U.value, RULE_WORDING[Rule.MES_COST_ADD1U].label)
    assert [label for _value, label in offered] == [RULE_WORDING[rule].label for rule in Rule]
    assert ImportForm().fields["rule"].choices[1:] == offered
    assert [label for _v, label in BudgetForm().fields["tie_break"].choices] == list(
        TIE_ORDER_LABELS.values()
    )


def test_explanation_of_an_unknown_name_is_empty() -> None:
    assert rule_explanation("greedy_cost").startswith("Les projets sont classés par nombre de voix")
    assert rule_explanation("not_a_rule") == ""


@pytest.mark.django_db
def test_budget_page_explains_its_rule_and_the_form_shows_labels() -> None:
    budget = BudgetFactory(costs=(10_000,), rule=Rule.PHRAGMEN.value)
    body = Client().get(budget.get_absolute_url()).content.decode()
    assert str(RULE_WORDING[Rule.PHRAGMEN].explanation).replace("'", "&#x27;") in body
    agent = Client()
    agent.force_login(UserFactory(agent=True))
    form = agent.get(f"/demarches/{budget.process.slug}/budget/nouveau/").content.decode()
    assert "Parts égales, en utilisant tout le budget (recommandée)" in form
    assert "Add1" not in form
