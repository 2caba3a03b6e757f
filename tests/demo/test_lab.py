"""The demo's lab: initiatives at every stage, born from the four workshops, a collective action co-designed with
its beneficiaries, mentors with journals, energies, needs and offers, a chain of exchanges with bubbles."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from bouquet.incubator.models import (
    Energy,
    Exchange,
    Initiative,
    LeadProfile,
    MentorSession,
    Need,
    Offer,
    Origin,
    Stage,
)
from bouquet.incubator.selectors import solidarity_chain


@pytest.mark.django_db
def test_the_demo_lab() -> None:
    call_command("seed_demo", port=8101, stdout=io.StringIO())
    initiatives = Initiative.objects.all()
    assert initiatives.count() >= 15
    assert set(initiatives.values_list("stage", flat=True)) == set(Stage.values)
    workshops = initiatives.filter(origin=Origin.WORKSHOP)
    titles = " ".join(workshops.values_list("title", flat=True)).lower()
    for word in ("prison", "femmes", "biodéchets", "permaculture"):
        assert word in titles
    action = initiatives.get(lead_profile=LeadProfile.BENEFICIARIES)
    assert action.collective_action and action.memberships.filter(beneficiary=True).count() == 3
    assert action.memberships.filter(beneficiary=True, person__isnull=False).count() == 2
    assert MentorSession.objects.values("mentor").distinct().count() >= 2
    assert Energy.objects.count() >= 40
    assert Need.objects.exists() and Offer.objects.exists()
    assert Exchange.objects.count() >= 20
    chain = solidarity_chain()
    assert len(chain.bubbles) >= 2
    board = Client().get("/api/v1/lab/dashboard").json()
    assert board["initiatives"] == initiatives.count() and len(board["bubbles"]) >= 2
    assert board["median_days_to_autonomy"] is not None
    page = Client().get("/chaine-de-solidarite/")
    assert page.status_code == 200 and "Les bulles d'entraide" in page.text
