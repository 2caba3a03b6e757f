"""Re-consultation (« revoyure »): the people who proposed, supported or voted for a project are asked once each,
by notification and e-mail; voters come from participation records only, never from secret ballots."""

import datetime as dt
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from bouquet.accounts.models import User
from bouquet.budgets.models import Budget
from bouquet.budgets.services import cast_ballot
from bouquet.core.errors import ActionNotAllowed, Conflict
from bouquet.notifications.models import Notification
from bouquet.projects import selectors, services
from bouquet.projects.models import Answer, Project, Recipient, ReconsultationAnswer, UpdateKind
from tests.concurrency import run_together
from tests.factories import BudgetFactory, ProposalFactory, SupportFactory, UserFactory

pytestmark = pytest.mark.django_db

IN_A_MONTH = timezone.localdate() + dt.timedelta(days=30)


def project_of_a_vote(agent: User, *, secret: bool) -> tuple[Project, dict[str, User]]:
    """A budget project from a proposal (author, co-author, supporters), voted by some: a person who took part
    in several ways, a voter of another project, a closed account."""
    people = {
        name: UserFactory() for name in ("author", "coauthor", "supporter", "voter", "other_voter", "closed")
    }
    for person in people.values():  # verified addresses: e-mails may reach them
        EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    budget: Budget = BudgetFactory(costs=(10_000, 20_000), is_secret=secret, vote_open=True)
    first, second = budget.projects.order_by("pk")
    proposal = ProposalFactory(process=budget.process, author=people["author"])
    proposal.coauthors.add(people["coauthor"])
    first.proposals.add(proposal)
    SupportFactory(proposal=proposal, citizen=people["supporter"])
    SupportFactory(proposal=proposal, citizen=people["author"])  # the author also supported it
    SupportFactory(proposal=proposal, citizen=people["closed"])
    for name in ("author", "voter"):
        cast_ballot(voter=people[name], budget=budget, choices={first.pk: 1})
    cast_ballot(voter=people["other_voter"], budget=budget, choices={second.pk: 1})
    people["closed"].is_active = False
    people["closed"].save()
    project = services.create_project(
        agent=agent, process=budget.process, data=services.ProjectInput(title="Jardin"), budget_project=first
    )
    return project, people


def test_an_open_vote_reaches_its_proposers_supporters_and_the_voters_who_chose_it_once(
    agent: User, django_capture_on_commit_callbacks: Any
) -> None:
    project, people = project_of_a_vote(agent, secret=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reconsultation = services.open_reconsultation(
            agent=agent, project=project, question="Toujours utile ?", closes_on=IN_A_MONTH
        )
    reached = {r.person_id: set(r.reasons) for r in Recipient.objects.filter(reconsultation=reconsultation)}
    expected = {
        people["author"].pk: {"proposed", "supported", "voted"},
        people["coauthor"].pk: {"proposed"},
        people["supporter"].pk: {"supported"},
        people["voter"].pk: {"voted"},
    }
    assert reached == expected  # not the voter of another project, not the closed account, nobody twice
    assert reconsultation.reach["whole_budget"] is False
    notified = Notification.objects.filter(kind="projects.reconsultation")
    assert sorted(notified.values_list("recipient_id", flat=True)) == sorted(expected)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(User.objects.get(pk=pk).email for pk in expected)
    with pytest.raises(Conflict):
        services.open_reconsultation(agent=agent, project=project, question="Encore ?", closes_on=IN_A_MONTH)
    assert notified.count() == len(expected)


def test_a_secret_vote_reaches_every_voter_of_the_budget_and_says_so(agent: User) -> None:
    project, people = project_of_a_vote(agent, secret=True)
    reconsultation = services.open_reconsultation(
        agent=agent, project=project, question="Toujours utile ?", closes_on=IN_A_MONTH
    )
    voted = (
        set(
            Recipient.objects.filter(reconsultation=reconsultation, reasons__contains="voted").values_list(
                "person_id", flat=True
            )
        )
        if False
        else {
            r.person_id
            for r in Recipient.objects.filter(reconsultation=reconsultation)
            if "voted" in r.reasons
        }
    )
    assert voted == {people["author"].pk, people["voter"].pk, people["other_voter"].pk}
    assert reconsultation.reach["whole_budget"] is True


def test_answers_are_one_per_person_and_summarised_on_the_timeline(agent: User) -> None:
    project, people = project_of_a_vote(agent, secret=False)
    reconsultation = services.open_reconsultation(
        agent=agent, project=project, question="Toujours utile ?", closes_on=IN_A_MONTH
    )
    services.answer_reconsultation(
        person=people["author"], reconsultation=reconsultation, answer=Answer.TO_DROP
    )
    services.answer_reconsultation(
        person=people["author"], reconsultation=reconsultation, answer=Answer.TO_ADAPT, comment="Plus d'ombre"
    )
    services.answer_reconsultation(
        person=people["voter"], reconsultation=reconsultation, answer=Answer.STILL_RIGHT
    )
    with pytest.raises(ActionNotAllowed):
        services.answer_reconsultation(
            person=people["other_voter"], reconsultation=reconsultation, answer=Answer.STILL_RIGHT
        )
    counts = selectors.answer_counts(reconsultation)
    assert counts == {"still_right": 1, "to_adapt": 1, "to_drop": 0, "answered": 2, "asked": 4}
    update = services.close_reconsultation(agent=agent, reconsultation=reconsultation)
    assert update.kind == UpdateKind.RECONSULTATION
    assert "2 personnes ont répondu sur 4" in update.body and "1 à adapter" in update.body
    with pytest.raises(ActionNotAllowed):
        services.answer_reconsultation(
            person=people["voter"], reconsultation=reconsultation, answer=Answer.TO_DROP
        )


@pytest.mark.django_db(transaction=True)
def test_concurrent_answers_count_once(agent: User) -> None:
    project, people = project_of_a_vote(agent, secret=False)
    reconsultation = services.open_reconsultation(
        agent=agent, project=project, question="Toujours utile ?", closes_on=IN_A_MONTH
    )
    person = people["supporter"]

    def answer(index: int) -> None:
        services.answer_reconsultation(
            person=person,
            reconsultation=reconsultation,
            answer=[Answer.STILL_RIGHT, Answer.TO_DROP][index % 2],
        )

    errors = run_together(answer, count=8)
    assert [e for e in errors if not isinstance(e, Conflict)] == []
    assert ReconsultationAnswer.objects.filter(reconsultation=reconsultation, person=person).count() == 1


def test_inhabitants_may_ask_for_one_after_a_year_without_news(agent: User, citizen: User) -> None:
    project = services.create_project(
        agent=agent, process=BudgetFactory().process, data=services.ProjectInput(title="Kiosque")
    )
    with pytest.raises(Conflict):
        services.request_reconsultation(person=citizen, project=project)
    Project.objects.filter(pk=project.pk).update(last_activity_month=selectors.this_month() - 13)
    project.refresh_from_db()
    services.request_reconsultation(person=citizen, project=project, message="Rien ne bouge")
    services.request_reconsultation(person=citizen, project=project)
    assert project.reconsultation_requests.count() == 1
    assert list(selectors.requests_for_dashboard()) == [project]
