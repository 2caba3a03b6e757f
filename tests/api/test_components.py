"""A part a process does not use does not exist for it, in the API as in the pages, and its rules refuse writes.

Before, only the pages applied ``Process.components``: the API listed, showed and took proposals of a process
whose proposals were switched off, and its budgets and bouquets."""

import json

import pytest
from django.test import Client

from bouquet.accounts.services import issue_api_token
from bouquet.core.errors import ActionNotAllowed
from bouquet.processes.models import Component
from bouquet.proposals import rules
from bouquet.proposals.models import Proposal
from bouquet.proposals.services import ProposalInput, submit_proposal
from tests.factories import BouquetFactory, BudgetFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def _switch_off(process, component: Component) -> None:
    process.components = [c for c in process.components if c != component.value]
    process.save(update_fields=["components"])


def test_proposals_switched_off_are_neither_listed_shown_nor_taken_by_the_api(
    client: Client, citizen
) -> None:
    proposal = ProposalFactory()
    process = proposal.process
    token = issue_api_token(user=citizen, name="tests")
    assert client.get(f"/api/v1/processes/{process.slug}/proposals").status_code == 200
    assert client.get(f"/api/v1/proposals/{proposal.pk}").status_code == 200
    _switch_off(process, Component.PROPOSALS)

    assert client.get(f"/api/v1/processes/{process.slug}/proposals").status_code == 404
    assert client.get(f"/api/v1/proposals/{proposal.pk}").status_code == 404
    assert client.get(f"/api/v1/proposals/{proposal.pk}/comments").status_code == 404
    headers = {"Authorization": f"Bearer {token}"}
    created = client.post(
        f"/api/v1/processes/{process.slug}/proposals",
        data=json.dumps({"title": "Un composteur collectif", "body": "Au pied de la résidence des Lilas."}),
        content_type="application/json",
        headers=headers,
    )
    assert created.status_code == 404
    assert client.post(f"/api/v1/proposals/{proposal.pk}/support", headers=headers).status_code == 404
    assert Proposal.objects.filter(process=process).count() == 1


def test_the_rules_refuse_proposals_supports_and_comments_where_proposals_are_switched_off() -> None:
    proposal = ProposalFactory()
    person = UserFactory()
    assert rules.can_submit(person, proposal.process)
    assert rules.can_comment(person, proposal)
    _switch_off(proposal.process, Component.PROPOSALS)
    assert not rules.submissions_open(proposal.process)
    assert not rules.can_comment(person, proposal)
    with pytest.raises(ActionNotAllowed):
        submit_proposal(
            author=person,
            process=proposal.process,
            data=ProposalInput(
                title="Un banc à l'ombre", body="Devant l'école, pour les parents qui attendent."
            ),
        )


def test_budgets_and_bouquets_switched_off_answer_404_in_the_api(client: Client) -> None:
    budget = BudgetFactory()
    bouquet = BouquetFactory(process=budget.process)
    process = budget.process
    assert client.get(f"/api/v1/processes/{process.slug}/budgets").status_code == 200
    assert client.get(f"/api/v1/budgets/{budget.pk}").status_code == 200
    assert client.get(f"/api/v1/bouquets/{bouquet.pk}").status_code == 200
    _switch_off(process, Component.BUDGET)
    _switch_off(process, Component.BOUQUETS)
    assert client.get(f"/api/v1/processes/{process.slug}/budgets").status_code == 404
    assert client.get(f"/api/v1/budgets/{budget.pk}").status_code == 404
    assert client.get(f"/api/v1/budgets/{budget.pk}/results").status_code == 404
    assert client.get(f"/api/v1/processes/{process.slug}/bouquets").status_code == 404
    assert client.get(f"/api/v1/bouquets/{bouquet.pk}").status_code == 404


def test_a_budget_of_a_process_that_no_longer_uses_budgets_takes_no_vote() -> None:
    from bouquet.budgets.rules import vote_is_open

    budget = BudgetFactory(vote_open=True)
    assert vote_is_open(budget)
    _switch_off(budget.process, Component.BUDGET)
    assert not vote_is_open(budget)
