"""What verification and paper ballots store joins a person's export, their erasure and the retention rules."""

import datetime as dt

import pytest
from django.utils import timezone

from bouquet.accounts.models import CensusEntry, DocumentKind, User, Verification
from bouquet.accounts.verification import import_census, verify_at_desk
from bouquet.budgets.models import Participation
from bouquet.budgets.services import PaperVoter, cast_ballot, record_paper_ballot
from bouquet.core.errors import Conflict
from bouquet.privacy.selectors import personal_data
from bouquet.privacy.services import erase_account, purge_expired_data
from tests.factories import BudgetFactory, UserFactory, close_vote, verified

pytestmark = pytest.mark.django_db


def test_the_export_says_how_and_by_whom_the_identity_was_verified() -> None:
    agent = UserFactory(agent=True, display_name="Agent Martin")
    person = UserFactory()
    verify_at_desk(
        agent=agent,
        person=person,
        given_name="Inès",
        family_name="Garnier",
        birthdate=dt.date(1985, 9, 2),
        document_kind=DocumentKind.ID_CARD,
    )
    [row] = personal_data(person=person)["identite_verifiee"]
    assert row["moyen"] == "Pièce d'identité présentée à un agent"
    assert row["piece_presentee"] == "Carte nationale d'identité"
    assert row["agent"] == "Agent Martin"
    assert row["date_de_naissance"] == "1985-09-02"
    assert len(row["empreinte_de_l_identite"]) == 64


def test_erasure_removes_the_verified_identity_and_the_person_may_verify_a_new_account() -> None:
    person = verified(given_name="Inès", family_name="Garnier")
    person.email = "ines@exemple.fr"
    person.save()
    budget = BudgetFactory(costs=(10,), vote_open=True)
    cast_ballot(voter=person, budget=budget, choices={budget.projects.get().pk: 1})
    erase_account(person=person, confirmation="ines@exemple.fr")
    assert not Verification.objects.exists()
    newcomer = verified(given_name="Inès", family_name="Garnier")
    assert newcomer.verification.birthdate == dt.date(1990, 5, 17)
    # Their keyed identity stays on the participation until the vote's retention ends: no second vote.
    with pytest.raises(Conflict, match="avec un autre compte"):
        cast_ballot(voter=newcomer, budget=budget, choices={budget.projects.get().pk: 1})


def test_retention_empties_voters_identities_long_after_the_vote_and_drops_an_old_census() -> None:
    import_census(
        agent=UserFactory(agent=True),
        data="nom;prénom;date de naissance;adresse\nRoy;Anne;01/01/1960;5 rue Neuve\n".encode(),
    )
    over = BudgetFactory(costs=(10,), vote_open=True)
    running = BudgetFactory(costs=(10,), vote_open=True)
    person = PaperVoter(
        given_name="Anne", family_name="Roy", birthdate=dt.date(1960, 1, 1), address="5 rue Neuve"
    )
    agent = UserFactory(agent=True)
    for budget in (over, running):
        record_paper_ballot(agent=agent, budget=budget, person=person, choices={budget.projects.get().pk: 1})
    close_vote(over)

    nothing = purge_expired_data()
    assert (nothing["identites_des_votants"], nothing["liste_des_habitants"]) == (0, 0)

    later = timezone.now() + dt.timedelta(days=500)
    removed = purge_expired_data(now=later)
    assert removed["liste_des_habitants"] == 1 and not CensusEntry.objects.exists()
    assert removed["identites_des_votants"] == 2  # by then both votes are long over
    assert set(Participation.objects.values_list("identity", flat=True)) == {""}
    assert Participation.objects.count() == 2  # turnout stays


def test_paper_voters_without_account_do_not_stop_unconfirmed_accounts_from_going() -> None:
    budget = BudgetFactory(costs=(10,), vote_open=True)
    record_paper_ballot(
        agent=UserFactory(agent=True),
        budget=budget,
        person=PaperVoter(given_name="Anne", family_name="Roy", birthdate=dt.date(1960, 1, 1), address="x"),
        choices={budget.projects.get().pk: 1},
    )
    old = UserFactory()
    User.objects.filter(pk=old.pk).update(date_joined=timezone.now() - dt.timedelta(days=40))
    assert purge_expired_data()["comptes_jamais_confirmes"] == 1
