"""Means given to a bouquet survive every curation: regrouping, merge, split; a bouquet with means is never deleted.

Reproduces the loss the issue found: a merged bouquet's 6 000 € allocation vanished with no error and no trace."""

import datetime as dt

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from bouquet.bouquets.models import (
    Allocation,
    AllocationKind,
    Bouquet,
    CurationDecision,
    MeansOnSplit,
    Placement,
)
from bouquet.bouquets.services import allocate_means, merge_bouquets, split_bouquet
from bouquet.budgets.models import BudgetProject
from bouquet.budgets.services import create_project_from_bouquet
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.processes.models import Phase, PhaseKind
from bouquet.proposals.models import Proposal, Status
from tests.bouquets.conftest import bouquet_of, regroup
from tests.factories import BudgetFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def grouped(agent, process_with_needs, django_capture_on_commit_callbacks):
    """The needs regrouped once: (process, ids, the shade bouquet, the games bouquet)."""
    process, ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    shade = Bouquet.objects.get(pk=bouquet_of(ids["ombre"][0]))
    games = Bouquet.objects.get(pk=bouquet_of(ids["jeux"][0]))
    assert shade.pk != games.pk and not shade.pinned
    return process, ids, shade, games


def _budget(agent, process):
    """A budget on the process, whose vote comes later (a budget needs a vote phase)."""
    today = timezone.localdate()
    Phase.objects.create(
        process=process,
        kind=PhaseKind.VOTE,
        starts_on=today + dt.timedelta(days=40),
        ends_on=today + dt.timedelta(days=60),
    )
    return BudgetFactory(agent=agent, process=process)


def _money(agent, bouquet, amount):
    return allocate_means(agent=agent, bouquet=bouquet, kind=AllocationKind.MONEY, amount=amount)


def test_only_agents_give_means_and_amounts_are_checked(agent, grouped):
    _process, _ids, shade, _games = grouped
    allocation = _money(agent, shade, 6_000)
    assert (allocation.bouquet_id, allocation.unit, allocation.allocated_by_id) == (shade.pk, "€", agent.pk)
    with pytest.raises(ActionNotAllowed):
        _money(UserFactory(), shade, 10)
    with pytest.raises(InvalidInput) as refused:
        allocate_means(agent=agent, bouquet=shade, kind="gold", amount=0)
    assert set(refused.value.field_errors) == {"kind", "amount"}


def test_an_allocated_bouquet_keeps_its_row_key_and_members_across_regroupings(
    agent, grouped, django_capture_on_commit_callbacks
):
    process, ids, shade, _games = grouped
    allocation = _money(agent, shade, 6_000)
    members = set(Placement.objects.filter(bouquet=shade).values_list("proposal_id", flat=True))
    for _ in range(2):
        regroup(agent, process, django_capture_on_commit_callbacks, themes=2)
    kept = Bouquet.objects.get(pk=shade.pk)
    assert kept.key == shade.key
    assert set(Placement.objects.filter(bouquet=kept).values_list("proposal_id", flat=True)) == members
    assert Allocation.objects.get(pk=allocation.pk).bouquet_id == shade.pk
    assert not kept.pinned  # held by its means, not pinned on the agents' behalf


def test_an_allocated_bouquet_whose_members_all_left_is_kept_and_its_key_not_reused(
    agent, grouped, django_capture_on_commit_callbacks
):
    process, ids, shade, _games = grouped
    _money(agent, shade, 6_000)
    Proposal.objects.filter(placement__bouquet=shade).update(status=Status.WITHDRAWN)
    regroup(agent, process, django_capture_on_commit_callbacks)
    assert Bouquet.objects.filter(pk=shade.pk, key=shade.key).exists()
    assert Bouquet.objects.filter(process=process, key=shade.key).count() == 1
    assert Allocation.objects.get().bouquet_id == shade.pk


def test_a_bouquet_a_budget_project_came_from_survives_regrouping(
    agent, grouped, django_capture_on_commit_callbacks
):
    process, ids, shade, _games = grouped
    budget = _budget(agent, process)
    project = create_project_from_bouquet(agent=agent, budget=budget, bouquet=shade, cost=40_000)
    Proposal.objects.filter(placement__bouquet=shade).update(status=Status.WITHDRAWN)
    regroup(agent, process, django_capture_on_commit_callbacks)
    # SET_NULL would have orphaned the project silently: the bouquet is kept instead.
    assert BudgetProject.objects.get(pk=project.pk).bouquet_id == shade.pk


def test_a_merge_carries_the_merged_bouquets_means_over(agent, grouped):
    _process, _ids, shade, games = grouped
    carried = _money(agent, games, 6_000)
    kept = _money(agent, shade, 1_000)
    merge_bouquets(agent=agent, into=shade, others=[games])
    assert not Bouquet.objects.filter(pk=games.pk).exists()
    assert set(Allocation.objects.values_list("pk", "bouquet_id")) == {
        (carried.pk, shade.pk),
        (kept.pk, shade.pk),
    }
    decision = CurationDecision.objects.get(kind=CurationDecision.Kind.MERGE)
    assert decision.payload["allocations_carried"] == [carried.pk]


def test_a_bouquet_a_budget_project_came_from_is_not_merged_away(agent, grouped):
    process, _ids, shade, games = grouped
    create_project_from_bouquet(agent=agent, budget=_budget(agent, process), bouquet=games, cost=9)
    with pytest.raises(Conflict) as refused:
        merge_bouquets(agent=agent, into=shade, others=[games])
    assert games.label in str(refused.value.message)
    assert Bouquet.objects.filter(pk=games.pk).exists()
    merge_bouquets(agent=agent, into=games, others=[shade])  # the other way round is fine
    assert BudgetProject.objects.get().bouquet_id == games.pk


@pytest.mark.parametrize(("means", "goes_to_new"), [(MeansOnSplit.STAY, False), (MeansOnSplit.MOVE, True)])
def test_a_split_asks_where_the_means_go(agent, grouped, means, goes_to_new):
    _process, ids, shade, _games = grouped
    allocation = _money(agent, shade, 6_000)
    out = [ids["ombre"][0]]
    before = Bouquet.objects.count()
    with pytest.raises(InvalidInput) as refused:
        split_bouquet(agent=agent, bouquet=shade, proposal_ids=out, label="Arbres")
    assert "means" in refused.value.field_errors
    assert Bouquet.objects.count() == before and bouquet_of(out[0]) == shade.pk  # nothing split
    new = split_bouquet(agent=agent, bouquet=shade, proposal_ids=out, label="Arbres", means=means)
    allocation.refresh_from_db()
    assert allocation.bouquet_id == (new.pk if goes_to_new else shade.pk)
    decision = CurationDecision.objects.get(kind=CurationDecision.Kind.SPLIT)
    assert decision.payload["means"] == str(means)


def test_a_split_without_means_asks_nothing(agent, grouped):
    _process, ids, shade, _games = grouped
    new = split_bouquet(agent=agent, bouquet=shade, proposal_ids=[ids["ombre"][0]], label="Arbres")
    assert bouquet_of(ids["ombre"][0]) == new.pk


def test_deleting_an_allocated_bouquet_is_refused(agent, grouped):
    process, _ids, shade, _games = grouped
    _money(agent, shade, 6_000)
    with pytest.raises(ProtectedError):
        shade.delete()
    with pytest.raises(ProtectedError):
        process.delete()  # the cascade from the process stops at the means too
    assert Bouquet.objects.filter(pk=shade.pk).exists()


def test_the_split_form_asks_where_the_means_go(client, agent, grouped):
    _process, ids, shade, _games = grouped
    client.force_login(agent)
    assert "Les moyens alloués à ce bouquet" not in client.get(shade.get_absolute_url()).content.decode()
    _money(agent, shade, 6_000)
    page = client.get(shade.get_absolute_url()).content.decode()
    assert "Moyens alloués à ce bouquet" in page and "Les moyens alloués à ce bouquet" in page
    url = reverse("bouquets:split", args=[shade.pk])
    data = {"label": "Arbres", "proposals": [ids["ombre"][0]]}
    refused = client.post(url, data)
    assert refused.status_code == 422
    html = refused.content.decode()
    assert "Choisissez : ils restent au bouquet" in html and 'value="Arbres"' in html
    done = client.post(url, data | {"means": MeansOnSplit.MOVE})
    new = Bouquet.objects.get(label="Arbres")
    assert done.status_code == 302 and done["Location"] == new.get_absolute_url()
    assert Allocation.objects.get().bouquet_id == new.pk
