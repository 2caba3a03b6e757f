"""The demo territory builds through the services and shows a living town."""

import pytest
from django.core.management import call_command

from bouquet.processes.models import Process
from bouquet.processes.selectors import current_phase
from bouquet.proposals.models import Comment, Proposal, Support


@pytest.mark.django_db
def test_seed_demo_builds_the_town(client):
    call_command("seed_demo", verbosity=0)
    assert Process.objects.count() == 3
    assert Proposal.objects.count() >= 150
    assert Proposal.objects.filter(latitude__isnull=False).count() >= 100
    assert Comment.objects.count() >= 80
    assert Support.objects.exists()
    kinds = {p.slug: current_phase(p).kind for p in Process.objects.prefetch_related("phases")}
    assert kinds == {
        "place-des-tilleuls": "proposals",
        "solidarites-proximite": "supports",
        "initiatives-citoyennes": "proposals",
    }
    # Counters agree with the rows they count.
    for proposal in Proposal.objects.all()[:50]:
        assert proposal.support_count == proposal.supports.count()
        assert proposal.comment_count == proposal.comments.count()
    assert client.get("/").status_code == 200
    # Running it twice changes nothing.
    call_command("seed_demo", verbosity=0)
    assert Process.objects.count() == 3
