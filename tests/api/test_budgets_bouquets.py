"""Read-only API for budgets and bouquets: the published file behind each result recomputes its winners."""

import hashlib

import pytest

from bouquet.bouquets import flows, registry
from bouquet.bouquets.models import Bouquet, Placement
from bouquet.budgets.counting import parse_pb_string, run_rule
from bouquet.budgets.counting.tiebreak import TieBreak
from bouquet.budgets.services import cast_ballot, compute_results
from bouquet.processes.models import PhaseKind
from tests.factories import BudgetFactory, ProcessFactory, ProposalFactory, UserFactory, close_vote

pytestmark = pytest.mark.django_db


def test_budget_list_and_detail(client):
    budget = BudgetFactory(costs=(40_000, 25_000), rule="greedy_cost")
    listed = client.get(f"/api/v1/processes/{budget.process.slug}/budgets").json()
    assert [(b["id"], b["project_count"], b["rule"]) for b in listed] == [(budget.pk, 2, "greedy_cost")]
    assert listed[0]["vote_starts_on"] == budget.phase.starts_on.isoformat()
    detail = client.get(f"/api/v1/budgets/{budget.pk}").json()
    assert detail["amount"] == 100_000 and detail["tie_break_seed"] == budget.tie_break_seed
    assert sorted(p["cost"] for p in detail["projects"]) == [25_000, 40_000]
    assert all(p["url"].startswith(f"/budgets/{budget.pk}/projets/") for p in detail["projects"])


def test_results_come_with_the_file_that_recomputes_them(client):
    budget = BudgetFactory(costs=(60_000, 50_000, 30_000, 10_000), rule="mes_cost", vote_open=True)
    big, middle, small, tiny = budget.projects.order_by("pk")
    for choices in ({big.pk, small.pk}, {big.pk, tiny.pk}, {middle.pk, small.pk}, {middle.pk}, {tiny.pk}):
        cast_ballot(voter=UserFactory(), budget=budget, choices=dict.fromkeys(choices, 1))
    assert client.get(f"/api/v1/budgets/{budget.pk}/results").json() == []  # nothing before the count
    close_vote(budget)
    compute_results(agent=UserFactory(agent=True), budget=budget)
    [result] = client.get(f"/api/v1/budgets/{budget.pk}/results").json()
    assert result["part"] == "territoire" and result["ballot_count"] == 5
    published = client.get(result["pb_url"])
    assert published.status_code == 200
    assert hashlib.sha256(published.content).hexdigest() == result["pb_sha256"]
    settings = client.get(f"/api/v1/budgets/{budget.pk}").json()
    election = parse_pb_string(published.content.decode())
    tie_break = TieBreak(settings["tie_break"], settings["tie_break_seed"])
    recomputed = run_rule(election, result["rule"], tie_break, threshold=settings["threshold"])
    assert recomputed.winners == result["winners"] and result["winners"]
    assert client.get(result["csv_url"]).status_code == 200


def test_unknown_or_unpublished_is_404(client):
    hidden = BudgetFactory(process__is_published=False)
    assert client.get(f"/api/v1/budgets/{hidden.pk}").status_code == 404
    assert client.get(f"/api/v1/processes/{hidden.process.slug}/budgets").status_code == 404
    assert client.get("/api/v1/budgets/999999/results").status_code == 404
    assert client.get("/api/v1/bouquets/999999").status_code == 404


def test_bouquets_and_their_members(client, agent, django_capture_on_commit_callbacks):
    registry.forget_engines()
    process = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    needs = [
        [
            "Planter des arbres sur la place",
            "De l'ombre sur la place l'été",
            "Des arbres pour rafraîchir la place",
        ],
        ["Un parking à vélos sécurisé", "Des arceaux pour garer les vélos", "Stationnement vélo couvert"],
        ["Une aire de jeux pour les enfants", "Des jeux pour les tout-petits", "Des balançoires au square"],
    ]
    for titles in needs:
        for title in titles:
            ProposalFactory(process=process, title=title, body=title)
    with django_capture_on_commit_callbacks(execute=True):
        flows.request_grouping(agent=agent, process=process, themes=None)
    registry.forget_engines()
    listed = client.get(f"/api/v1/processes/{process.slug}/bouquets").json()
    assert {b["id"] for b in listed} == set(
        Bouquet.objects.filter(process=process).values_list("pk", flat=True)
    )
    assert listed and all(b["label"] and b["size"] >= 2 for b in listed)
    detail = client.get(f"/api/v1/bouquets/{listed[0]['id']}").json()
    expected = set(Placement.objects.filter(bouquet_id=listed[0]["id"]).values_list("proposal_id", flat=True))
    assert {m["proposal_id"] for m in detail["members"]} == expected
    assert detail["size"] == len(expected) and detail["process_slug"] == process.slug
