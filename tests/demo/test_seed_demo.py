"""The demo territory builds through the services from its data files and shows a living town."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from bouquet.accounts.models import User
from bouquet.budgets.models import Ballot, Budget
from bouquet.demo.content import load
from bouquet.demo.management.commands import seed_demo
from bouquet.demo.management.commands.seed_demo import ADMIN_EMAIL, ADMIN_PASSWORD
from bouquet.places.models import District
from bouquet.processes.models import Phase, Process
from bouquet.processes.selectors import current_phase
from bouquet.proposals.models import Comment, Origin, Proposal, Support, Theme


@pytest.mark.django_db
def test_seed_demo_builds_the_town_of_the_data_files(client):
    content = load()
    call_command("seed_demo", verbosity=0)

    # Everything in the town's files is in the database. The lab, the workshops and the projects add their own
    # (tests/demo/test_lab.py, test_outreach.py, test_projects.py check them): people who claimed a place in an
    # initiative, what was gathered in workshops and on paper, the Paris winners' archive process.
    town = Process.objects.filter(slug__in=[p.slug for p in content.processes])
    assert District.objects.count() == len(content.districts)
    assert Theme.objects.count() == len(content.themes)
    assert User.objects.filter(email__endswith="@val-de-loirette.test").count() >= len(content.staff) + len(
        content.residents
    )
    assert town.count() == len(content.processes)
    assert Phase.objects.filter(process__in=town).count() == sum(len(p.phases) for p in content.processes)
    from_files = {(p.process_slug, p.title, p.body, p.status, p.answer) for p in content.proposals}
    stored = set(Proposal.objects.values_list("process__slug", "title", "body", "status", "answer"))
    assert from_files <= stored
    # what the files do not hold was gathered in the workshops, the street and on paper
    extra = Proposal.objects.exclude(origin=Origin.ONLINE).exclude(
        title__in=[p.title for p in content.proposals]
    )
    assert len(stored) - len(from_files) == extra.count()
    placed = Proposal.objects.filter(title__in=[p.title for p in content.proposals if p.place])
    assert not placed.filter(latitude__isnull=True).exists()
    assert sorted(Comment.objects.filter(parent=None).values_list("body", flat=True)) == sorted(
        c.body for c in content.comments
    )
    assert sorted(Comment.objects.exclude(parent=None).values_list("body", flat=True)) == sorted(
        r for c in content.comments for r in c.replies
    )
    previous = Budget.objects.get(title__contains="édition précédente")
    assert previous.projects.count() == len(content.budget.previous_projects)
    assert Ballot.objects.filter(budget=previous).count() == content.budget.previous_voters

    assert Support.objects.exists()
    kinds = {p.slug: current_phase(p).kind for p in town.prefetch_related("phases")}
    assert kinds == {
        "place-des-tilleuls": "proposals",
        "solidarites-proximite": "supports",
        "initiatives-citoyennes": "proposals",
        "budget-participatif": "vote",
        "budget-participatif-precedent": "realisation",
    }
    # Counters agree with the rows they count.
    for proposal in Proposal.objects.all()[:50]:
        # online supports, and voices gathered on someone's behalf in a workshop or in the street (outreach)
        voices = proposal.contributions.filter(kind="support", superseded=False).count()
        assert proposal.support_count == proposal.supports.count() + voices
        assert proposal.comment_count == proposal.comments.count()
    # Every demo account opens with the password the command prints.
    assert client.login(email=ADMIN_EMAIL, password=ADMIN_PASSWORD)
    assert client.login(email="habitant1@val-de-loirette.test", password=ADMIN_PASSWORD)
    assert client.get("/").status_code == 200
    # Running it twice changes nothing.
    before = (Process.objects.count(), Proposal.objects.count(), User.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Process.objects.count(), Proposal.objects.count(), User.objects.count()) == before
    # --reset builds the same town again: the accounts' memories and newsletters go with them, and no row of
    # any kind is left over from the first town (places, announcements…).
    counts = {m._meta.label: m.objects.count() for m in apps.get_models()}
    call_command("seed_demo", reset=True, verbosity=0)
    assert {m._meta.label: m.objects.count() for m in apps.get_models()} == counts
    assert client.login(email=ADMIN_EMAIL, password=ADMIN_PASSWORD)


@pytest.mark.django_db
def test_seed_demo_reports_a_malformed_file_and_writes_nothing(monkeypatch, tmp_path):
    (tmp_path / "town.toml").write_text('name = "Val-de-Loirette"\ncenter = [46.9\n', encoding="utf-8")
    monkeypatch.setattr(seed_demo, "load", lambda: load(tmp_path))
    with pytest.raises(CommandError, match=r"town\.toml : TOML invalide"):
        call_command("seed_demo", verbosity=0)
    assert not User.objects.exists()
