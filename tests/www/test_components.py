"""A component switched off in the back-office has no pages for that process, and the process page stops
linking to them; the other components keep working."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bouquet.processes.models import Component
from tests.factories import BouquetFactory, BudgetFactory, ProposalFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


def _switch_off(process: object, component: Component) -> None:
    process.components = [c for c in process.components if c != component]  # type: ignore[attr-defined]
    process.save(update_fields=["components"])  # type: ignore[attr-defined]


def test_proposals_switched_off(client: Client) -> None:
    proposal = ProposalFactory()
    process = proposal.process
    _switch_off(process, Component.PROPOSALS)
    client.force_login(UserFactory())
    assert client.get(reverse("proposals:list", kwargs={"slug": process.slug})).status_code == 404
    assert client.get(reverse("proposals:create", kwargs={"slug": process.slug})).status_code == 404
    assert client.get(reverse("proposals:detail", kwargs={"pk": proposal.pk})).status_code == 404
    page = client.get(process.get_absolute_url()).content.decode()
    assert reverse("proposals:list", kwargs={"slug": process.slug}) not in page
    assert reverse("proposals:create", kwargs={"slug": process.slug}) not in page
    assert reverse("bouquets:process", kwargs={"slug": process.slug}) in page  # still on


def test_bouquets_switched_off(client: Client) -> None:
    bouquet = BouquetFactory()
    process = bouquet.process
    _switch_off(process, Component.BOUQUETS)
    assert client.get(reverse("bouquets:process", kwargs={"slug": process.slug})).status_code == 404
    assert client.get(reverse("bouquets:detail", kwargs={"pk": bouquet.pk})).status_code == 404
    page = client.get(process.get_absolute_url()).content.decode()
    assert reverse("bouquets:process", kwargs={"slug": process.slug}) not in page
    assert client.get(reverse("proposals:list", kwargs={"slug": process.slug})).status_code == 200


def test_budget_switched_off(client: Client) -> None:
    budget = BudgetFactory(agent=UserFactory(agent=True), costs=(1000,))
    process = budget.process
    _switch_off(process, Component.BUDGET)
    assert client.get(reverse("budgets:process", kwargs={"slug": process.slug})).status_code == 404
    assert client.get(reverse("budgets:detail", kwargs={"pk": budget.pk})).status_code == 404
    assert (
        reverse("budgets:process", kwargs={"slug": process.slug})
        not in client.get(process.get_absolute_url()).content.decode()
    )


def test_every_component_is_on_for_a_process_made_before_components_existed(client: Client) -> None:
    topic = TopicFactory()
    assert topic.process.uses(Component.PROPOSALS)
    assert topic.process.uses(Component.BOUQUETS)
    assert topic.process.uses(Component.BUDGET)


def test_a_closed_process_says_so_on_its_page(client: Client) -> None:
    proposal = ProposalFactory()
    process = proposal.process
    process.closed_at = timezone.now()
    process.save(update_fields=["closed_at"])
    page = client.get(process.get_absolute_url()).content.decode()
    assert "Cette démarche est clôturée" in page
    assert reverse("proposals:create", kwargs={"slug": process.slug}) not in page
