"""Secret ballots: no path in the schema from a ballot to a person, and no link kept in the data."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from bouquet.budgets.models import Ballot, BallotLine, Participation
from bouquet.budgets.services import cast_ballot
from tests.factories import BudgetFactory, UserFactory

USER = apps.get_model(settings.AUTH_USER_MODEL)
# Tables that hold the ballots' content; a path from any of them to a person would break secrecy.
BALLOT_SIDE = {Ballot, BallotLine}


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
    ballot = cast_ballot(voter=voter, budget=budget, choices={budget.projects.order_by("pk")[0].pk: 1})
    participation = Participation.objects.get(budget=budget, voter=voter)
    assert participation.ballot_ref is None
    values = [str(getattr(ballot, f.attname)) for f in Ballot._meta.concrete_fields]
    assert str(voter.pk) not in values[2:]  # only id, budget, date and (empty) source id
    assert ballot.source_id == ""
