"""Themes kept by the authority: added, renamed, deleted only when nothing carries them."""

import pytest

from bouquet.budgets.models import BudgetProject
from bouquet.core.errors import ActionNotAllowed, Conflict
from bouquet.proposals.models import Theme
from bouquet.proposals.services import create_theme, delete_theme, rename_theme
from tests.factories import BudgetFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_an_agent_adds_and_renames_a_theme() -> None:
    agent = UserFactory(agent=True)
    theme = create_theme(agent=agent, name=" Nature  en ville ")
    assert (theme.name, theme.slug) == ("Nature en ville", "nature-en-ville")
    rename_theme(agent=agent, theme=theme, name="Nature")
    theme.refresh_from_db()
    assert (theme.name, theme.slug) == ("Nature", "nature-en-ville")  # its address stays


def test_a_duplicate_name_is_a_conflict() -> None:
    agent = UserFactory(agent=True)
    create_theme(agent=agent, name="Nature")
    with pytest.raises(Conflict) as refusal:
        create_theme(agent=agent, name="nature")
    assert refusal.value.field_errors == {"name": "Un thème porte déjà ce nom."}


def test_a_theme_carried_by_a_proposal_or_a_budget_project_is_not_deleted() -> None:
    agent = UserFactory(agent=True)
    on_proposal = create_theme(agent=agent, name="Nature")
    ProposalFactory(theme=on_proposal)
    with pytest.raises(Conflict):
        delete_theme(agent=agent, theme=on_proposal)
    on_project = create_theme(agent=agent, name="Mobilités")
    project = BudgetProject.objects.filter(budget=BudgetFactory(agent=agent, costs=(1000,))).get()
    project.themes.add(on_project)
    with pytest.raises(Conflict) as refusal:
        delete_theme(agent=agent, theme=on_project)
    assert "1" in refusal.value.message
    unused = create_theme(agent=agent, name="Culture")
    delete_theme(agent=agent, theme=unused)
    assert set(Theme.objects.values_list("name", flat=True)) == {"Nature", "Mobilités"}


def test_only_agents_manage_themes() -> None:
    with pytest.raises(ActionNotAllowed):
        create_theme(agent=UserFactory(moderator=True), name="Nature")
