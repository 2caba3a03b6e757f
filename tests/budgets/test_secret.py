"""Secret ballots: no path in the schema from a ballot to a person, no link kept in the data, sealed until the mix.

The attacks on transaction ids, physical order, ids and time are in test_linking_attacks.py."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.test import override_settings

from bouquet.budgets import sealing
from bouquet.budgets.models import Ballot, BallotKind, BallotLine, Participation, SealedBallot
from bouquet.budgets.services import cast_ballot, compute_results, mix_sealed_ballots
from bouquet.core.errors import Conflict
from tests.factories import BudgetFactory, UserFactory, close_vote

USER = apps.get_model(settings.AUTH_USER_MODEL)
# Tables that hold the ballots' content; a path from any of them to a person would break secrecy.
BALLOT_SIDE = {Ballot, BallotLine, SealedBallot}


def _reachable_from(model: type[models.Model], seen: set[type[models.Model]]) -> set[type[models.Model]]:
    """Every model reachable from a ballot-side model by following relations, except through the budget.

    The budget and its projects are shared by everybody (who created the budget is not who voted), so the walk
    follows relations among the ballot-side tables and stops at any other model, which it records.
    """
    for field in model._meta.get_fields():
        if not field.is_relation or field.related_model is None:
            continue
        target = field.related_model
        if target in seen:
            continue
        seen.add(target)
        if target in BALLOT_SIDE:
            _reachable_from(target, seen)
    return seen


def test_no_relation_leads_from_a_ballot_to_a_person():
    reached = _reachable_from(Ballot, {Ballot})
    assert USER not in reached
    assert Participation not in reached


def test_ballot_rows_have_no_user_field_and_only_a_date():
    for model in BALLOT_SIDE:
        for field in model._meta.concrete_fields:
            assert field.related_model is not USER, f"{model.__name__}.{field.name}"
            assert not isinstance(field, models.DateTimeField), (
                f"{model.__name__}.{field.name} is too precise"
            )
        assert isinstance(model._meta.pk, models.UUIDField), (
            "ids in order of insertion would date the ballots"
        )


def test_participation_points_nowhere_in_a_secret_budget():
    # Participation.ballot_ref is a plain value, not a foreign key: the schema holds no path either way.
    assert not Participation._meta.get_field("ballot_ref").is_relation


@pytest.mark.django_db
def test_a_secret_ballot_keeps_no_trace_of_its_voter():
    budget = BudgetFactory(costs=(10, 20), is_secret=True, vote_open=True)
    voter = UserFactory()
    cast = cast_ballot(voter=voter, budget=budget, choices={budget.projects.order_by("pk")[0].pk: 1})
    assert cast.ballot is None and cast.receipt
    participation = Participation.objects.get(budget=budget, voter=voter)
    assert participation.ballot_ref is None
    sealed = SealedBallot.objects.get(budget=budget)
    assert cast.receipt not in sealed.receipt  # only its keyed hash is kept
    assert not Ballot.objects.filter(budget=budget).exists()  # nothing in the clear before the mix
    assert mix_sealed_ballots(budget=budget) == 1
    [ballot] = Ballot.objects.filter(budget=budget)
    assert (ballot.source_id, ballot.cast_on) == ("", budget.phase.ends_on)
    assert not SealedBallot.objects.exists()


@pytest.mark.django_db
def test_results_wait_for_the_mix_of_every_sealed_ballot():
    budget = BudgetFactory(costs=(10, 20), is_secret=True, vote_open=True)
    first, second = budget.projects.order_by("pk")
    for chosen in (first, first, second):
        cast_ballot(voter=UserFactory(), budget=budget, choices={chosen.pk: 1})
    [result] = compute_results(agent=UserFactory(agent=True), budget=close_vote(budget))
    assert result.ballot_count == 3 and result.winners == [first.code, second.code]
    assert not SealedBallot.objects.exists()


def test_sealed_ballots_have_one_length_and_never_repeat():
    one = sealing.seal(budget_id=1, row_id="a", choices={5: 1}, capacity=4)
    same = sealing.seal(budget_id=1, row_id="a", choices={5: 1}, capacity=4)
    full = sealing.seal(budget_id=1, row_id="a", choices={5: 1, 6: 1, 7: 1, 8: 1}, capacity=4)
    assert one != same and len(one) == len(same) == len(full) == sealing.sealed_length(4)
    assert sealing.unseal(budget_id=1, row_id="a", blob=full) == {5: 1, 6: 1, 7: 1, 8: 1}


def test_a_sealed_ballot_opens_only_with_the_key_in_its_own_row():
    blob = sealing.seal(budget_id=1, row_id="a", choices={5: 3, 9: 1}, capacity=2)
    for budget_id, row_id in ((1, "b"), (2, "a")):  # copied to another row or budget
        with pytest.raises(sealing.SealError):
            sealing.unseal(budget_id=budget_id, row_id=row_id, blob=blob)
    altered = blob[:20] + bytes([blob[20] ^ 1]) + blob[21:]
    with pytest.raises(sealing.SealError):
        sealing.unseal(budget_id=1, row_id="a", blob=altered)
    with override_settings(SECRET_KEY="another key"), pytest.raises(sealing.SealError):
        sealing.unseal(budget_id=1, row_id="a", blob=blob)
    # A key rotated during the vote, kept as a fallback, still opens the ballots sealed before.
    with override_settings(SECRET_KEY="another key", SECRET_KEY_FALLBACKS=[settings.SECRET_KEY]):
        assert sealing.unseal(budget_id=1, row_id="a", blob=blob) == {5: 3, 9: 1}


@pytest.mark.django_db
def test_a_lost_key_stops_the_count_with_a_french_message():
    budget = BudgetFactory(costs=(10,), is_secret=True, ballot_kind=BallotKind.APPROVAL, vote_open=True)
    cast_ballot(voter=UserFactory(), budget=budget, choices={budget.projects.order_by("pk")[0].pk: 1})
    with override_settings(SECRET_KEY="another key"), pytest.raises(Conflict, match="SECRET_KEY"):
        mix_sealed_ballots(budget=budget)
    assert SealedBallot.objects.filter(budget=budget).count() == 1 and not Ballot.objects.exists()
