"""One person, one voice in budgets: verification required, minimum age, paper ballots without an account, and
one vote per person across channels (also under concurrency)."""

import datetime as dt

import pytest
from django.utils import timezone

from bouquet.accounts.verification import identity_hash
from bouquet.budgets.models import Ballot, Budget, Channel, Participation, SealedBallot
from bouquet.budgets.rules import vote_refusal
from bouquet.budgets.services import PaperVoter, cast_ballot, mix_sealed_ballots, record_paper_ballot
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from tests.concurrency import THREADS, run_together
from tests.factories import BudgetFactory, UserFactory, verified

pytestmark = pytest.mark.django_db

MARIE = PaperVoter(
    given_name="Marie", family_name="Dupont", birthdate=dt.date(1990, 5, 17), address="12 rue des Lilas"
)


def first_project(budget: Budget) -> dict[int, int]:
    return {budget.projects.order_by("pk")[0].pk: 1}


def years_ago(years: int, days: int = 0) -> dt.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - dt.timedelta(days=days)


class TestVerificationRequired:
    def test_an_unverified_person_is_told_how_to_get_verified(self):
        budget = BudgetFactory(costs=(10,), vote_open=True, requires_verification=True)
        person = UserFactory()
        with pytest.raises(ActionNotAllowed) as error:
            cast_ballot(voter=person, budget=budget, choices=first_project(budget))
        assert error.value.status_code == 403
        assert "réservé aux personnes dont l'identité est vérifiée" in str(error.value.message)
        assert "« Vérifier mon identité »" in str(error.value.message)
        assert not Participation.objects.exists()

    def test_a_verified_person_votes_and_their_participation_carries_their_keyed_identity(self):
        budget = BudgetFactory(costs=(10,), vote_open=True, requires_verification=True)
        person = verified()
        cast_ballot(voter=person, budget=budget, choices=first_project(budget))
        participation = Participation.objects.get()
        assert participation.identity == person.verification.identity


class TestMinimumAge:
    def test_age_comes_from_the_verified_birth_date(self):
        budget = BudgetFactory(costs=(10,), vote_open=True, minimum_age=16)
        assert "16 ans ou plus, d'après une identité vérifiée" in vote_refusal(UserFactory(), budget)
        young = verified(birthdate=years_ago(16, days=-1))  # sixteen tomorrow
        assert vote_refusal(young, budget) == "Ce vote est réservé aux personnes de 16 ans ou plus."
        with pytest.raises(ActionNotAllowed):
            cast_ballot(voter=young, budget=budget, choices=first_project(budget))
        of_age = verified(given_name="Paul", birthdate=years_ago(16))  # sixteen today
        assert vote_refusal(of_age, budget) is None
        cast_ballot(voter=of_age, budget=budget, choices=first_project(budget))
        assert Participation.objects.count() == 1

    def test_an_under_age_paper_voter_is_refused_and_nothing_is_saved(self):
        budget = BudgetFactory(costs=(10,), vote_open=True, minimum_age=16)
        child = PaperVoter(
            given_name="Léo", family_name="Roy", birthdate=years_ago(12), address="1 rue Haute"
        )
        with pytest.raises(ActionNotAllowed) as error:
            record_paper_ballot(
                agent=UserFactory(agent=True), budget=budget, person=child, choices=first_project(budget)
            )
        assert error.value.field_errors["birthdate"] == "Ce vote est réservé aux personnes de 16 ans ou plus."
        assert not Participation.objects.exists() and not Ballot.objects.exists()


class TestPaperWithoutAccount:
    def test_is_recorded_with_the_keyed_identity_only(self):
        budget = BudgetFactory(costs=(10, 20), vote_open=True)
        agent = UserFactory(agent=True)
        record_paper_ballot(agent=agent, budget=budget, person=MARIE, choices=first_project(budget))
        participation = Participation.objects.get()
        assert participation.voter is None
        assert participation.recorded_by == agent and participation.channel == Channel.PAPER
        assert participation.identity == identity_hash(
            given_name="Marie", family_name="Dupont", birthdate=dt.date(1990, 5, 17)
        )
        assert Ballot.objects.filter(budget=budget).count() == 1

    def test_missing_details_are_refused_beside_their_fields(self):
        budget = BudgetFactory(costs=(10,), vote_open=True)
        with pytest.raises(InvalidInput) as error:
            record_paper_ballot(
                agent=UserFactory(agent=True),
                budget=budget,
                person=PaperVoter(given_name="", family_name="Roy", birthdate=None, address=" "),
                choices=first_project(budget),
            )
        assert set(error.value.field_errors) == {"given_name", "birthdate", "address"}
        assert not Participation.objects.exists()

    def test_the_person_who_voted_on_paper_cannot_vote_online_once_verified(self):
        budget = BudgetFactory(costs=(10, 20), vote_open=True)
        record_paper_ballot(
            agent=UserFactory(agent=True), budget=budget, person=MARIE, choices=first_project(budget)
        )
        person = verified(given_name="MARIE", family_name="dupont")
        with pytest.raises(Conflict, match="bulletin papier a déjà été enregistré") as error:
            cast_ballot(voter=person, budget=budget, choices=first_project(budget))
        assert error.value.status_code == 409
        assert Participation.objects.count() == 1 and Ballot.objects.count() == 1

    def test_a_paper_ballot_for_someone_who_voted_online_is_refused(self):
        budget = BudgetFactory(costs=(10, 20), vote_open=True)
        person = verified()
        cast_ballot(voter=person, budget=budget, choices=first_project(budget))
        with pytest.raises(Conflict, match="déjà voté en ligne"):
            record_paper_ballot(
                agent=UserFactory(agent=True), budget=budget, person=MARIE, choices=first_project(budget)
            )
        assert Participation.objects.get().channel == Channel.ONLINE

    def test_the_account_typed_must_be_the_person_checked(self):
        budget = BudgetFactory(costs=(10,), vote_open=True)
        someone_else = verified(given_name="Paul")
        with pytest.raises(Conflict, match="ne correspond pas"):
            record_paper_ballot(
                agent=UserFactory(agent=True),
                budget=budget,
                person=MARIE,
                voter=someone_else,
                choices=first_project(budget),
            )
        assert not Participation.objects.exists()

    def test_a_secret_paper_ballot_is_sealed_and_counted_after_the_mix(self):
        budget = BudgetFactory(costs=(10, 20), vote_open=True, is_secret=True)
        agent = UserFactory(agent=True)
        record_paper_ballot(agent=agent, budget=budget, person=MARIE, choices=first_project(budget))
        with pytest.raises(Conflict, match="ne peut plus être remplacé"):
            record_paper_ballot(agent=agent, budget=budget, person=MARIE, choices=first_project(budget))
        assert SealedBallot.objects.get(budget=budget).receipt == ""
        assert not Ballot.objects.exists()
        participation = Participation.objects.get()
        assert participation.created_at == participation.updated_at
        assert participation.created_at.astimezone(timezone.get_current_timezone()).time() == dt.time()
        assert mix_sealed_ballots(budget=budget) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("secret", [False, True], ids=["changeable", "secret"])
def test_paper_and_online_at_once_for_one_verified_person_keep_one_vote(secret):
    budget = BudgetFactory(
        costs=(30_000, 20_000), vote_open=True, is_secret=secret, requires_verification=True
    )
    choices = first_project(budget)
    person, agent = verified(), UserFactory(agent=True)

    def vote(index: int) -> None:
        fresh = Budget.objects.select_related("phase", "process").get(pk=budget.pk)
        if index % 2:
            record_paper_ballot(agent=agent, budget=fresh, person=MARIE, choices=choices)
        else:
            cast_ballot(voter=person, budget=fresh, choices=choices)

    errors = run_together(vote)
    assert errors and all(isinstance(e, Conflict) for e in errors)
    assert Participation.objects.filter(budget=budget).count() == 1
    channel = Participation.objects.get(budget=budget).channel
    if secret:
        assert len(errors) == THREADS - 1  # neither channel replaces a secret ballot without its receipt
    else:
        assert len(errors) == THREADS // 2  # every call of the other channel was refused
        assert channel in (Channel.ONLINE, Channel.PAPER)
    mix_sealed_ballots(budget=budget)
    assert Ballot.objects.filter(budget=budget).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("secret", [False, True], ids=["changeable", "secret"])
def test_desks_recording_one_person_without_account_at_once_keep_one_vote(secret):
    budget = BudgetFactory(costs=(30_000, 20_000), vote_open=True, is_secret=secret)
    choices = first_project(budget)
    agents = [UserFactory(agent=True) for _ in range(8)]

    def vote(index: int) -> None:
        fresh = Budget.objects.select_related("phase", "process").get(pk=budget.pk)
        record_paper_ballot(agent=agents[index], budget=fresh, person=MARIE, choices=choices)

    errors = run_together(vote, count=8)
    assert all(isinstance(e, Conflict) for e in errors)
    # Only the keyed identity tells these apart (no account): its unique constraint keeps one participation.
    assert len(errors) == (7 if secret else 0)  # a plain paper ballot may be corrected by the next one
    assert Participation.objects.filter(budget=budget).count() == 1
    mix_sealed_ballots(budget=budget)
    assert Ballot.objects.filter(budget=budget).count() == 1
