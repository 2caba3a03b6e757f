"""The home page says what is happening and what one can do; a process page shows its steps and where it stands."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from bouquet.core.french import format_date
from bouquet.processes.models import Phase, PhaseKind
from tests.factories import CommentFactory, ProcessFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_home_page_gives_each_running_process_its_call_to_action(client):
    collect = ProcessFactory(title="Place des Tilleuls", current_phase=PhaseKind.PROPOSALS)
    support = ProcessFactory(title="Solidarités", current_phase=PhaseKind.SUPPORTS)
    vote = ProcessFactory(title="Budget", current_phase=PhaseKind.VOTE)
    page = client.get(reverse("processes:list")).content.decode()

    assert "La Ville de Val-de-Loirette vous invite" in page
    login = reverse("account_login")
    assert f"{login}?next={reverse('proposals:create', args=[collect.slug])}" in page
    assert "Connectez-vous pour proposer" in page
    assert (
        f"{login}?next=/demarches/{support.slug}/propositions/" in page
        and "Connectez-vous pour soutenir" in page
    )
    assert f"{login}?next=/demarches/{vote.slug}/budget/" in page and "Connectez-vous pour voter" in page
    assert "Créer un compte" in page
    # Phase icons are drawn inline and hidden from screen readers, with their text beside them.
    assert '<svg class="icon"' in page and 'aria-hidden="true"' in page


def test_signed_in_people_are_sent_straight_to_the_action(client):
    collect = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    vote = ProcessFactory(current_phase=PhaseKind.VOTE)
    client.force_login(UserFactory(display_name="Camille Durand"))
    page = client.get(reverse("processes:list")).content.decode()
    assert reverse("proposals:create", args=[collect.slug]) in page and "Déposer une proposition" in page
    assert f'href="{reverse("budgets:process", args=[vote.slug])}">Voter pour le budget' in page
    assert "Connectez-vous" not in page
    assert '<span class="avatar avatar-' in page and ">CD</span>" in page  # the header shows who is signed in


def test_home_page_sorts_processes_into_now_coming_and_over(client):
    today = timezone.localdate()
    coming = ProcessFactory(title="Bientôt")
    coming.phases.all().delete()
    Phase.objects.create(
        process=coming, kind=PhaseKind.PROPOSALS, starts_on=dt.date(2099, 3, 1), ends_on=dt.date(2099, 4, 1)
    )
    over = ProcessFactory(title="Terminée")
    over.phases.all().delete()
    ended = today - dt.timedelta(days=60)
    Phase.objects.create(
        process=over, kind=PhaseKind.VOTE, starts_on=ended - dt.timedelta(days=20), ends_on=ended
    )
    page = client.get(reverse("processes:list")).content.decode()
    assert "Dépôt des propositions à partir du 1er mars 2099" in page
    assert f"Terminée le {format_like_page(ended)}" in page
    assert "aucune proposition" in page and "0 propositions" not in page


def test_process_page_has_its_timeline_and_a_status_box(client):
    process = ProcessFactory(current_phase=PhaseKind.SUPPORTS)
    ProposalFactory(process=process)
    page = client.get(process.get_absolute_url()).content.decode()
    assert "Où en est-on ?" in page
    assert "soutenir les propositions qui vous parlent" in page
    assert "1 proposition" in page
    assert 'aria-current="step"' in page and "En cours" in page and "Terminée" in page
    today = timezone.localdate()
    assert f"au {format_like_page(today + dt.timedelta(days=30))}" in page


def format_like_page(day: dt.date) -> str:
    return format_date(day, language="fr")


def test_comment_authors_have_their_initials_and_a_hidden_comment_agrees_in_gender(client):
    comment = CommentFactory(author=UserFactory(display_name="Amina Benali"))
    page = client.get(comment.proposal.get_absolute_url()).content.decode()
    assert ">AB</span>" in page
    moderator = UserFactory(moderator=True)
    comment.moderation = "pending"
    comment.save()
    client.force_login(moderator)
    queue = client.get(reverse("proposals:moderation")).content.decode()
    assert "Masqué en attente de modération" in queue


def test_the_menu_folds_behind_a_button_that_works_without_javascript(client):
    page = client.get("/").content.decode()
    assert '<details class="menu" id="menu">' in page
    assert '<summary class="menu-button">' in page


def test_a_proposal_status_has_its_icon_beside_its_words(client):
    proposal = ProposalFactory(status="accepted")
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert '<span class="status status-accepted"><svg class="icon"' in page and "Retenue</span>" in page
