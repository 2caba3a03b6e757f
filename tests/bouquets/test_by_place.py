"""The « by place » view: proposals that name the same place, whatever their need."""

import pytest
from django.test import Client
from django.urls import reverse

from bouquet.bouquets.selectors import proposals_by_place
from bouquet.places.models import District
from bouquet.proposals.models import Moderation
from tests.factories import ProcessFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def test_proposals_naming_the_same_place_are_gathered_whatever_their_need(client: Client) -> None:
    process = ProcessFactory()
    District.objects.create(name="Les Olympiades", slug="olympiades")
    bin_ = ProposalFactory(process=process, title="Parc Montsouris : une poubelle à crottes", support_count=3)
    sport = ProposalFactory(process=process, title="Des agrès de sport", body="Au parc Montsouris, côté sud.")
    ProposalFactory(process=process, title="Des bancs aux Olympiades", body="Pour les anciens.")
    ProposalFactory(process=process, title="Un marché aux olympiades le dimanche", body="Des producteurs.")
    ProposalFactory(process=process, title="Végétaliser la rue Oberkampf", body="Des bacs à fleurs.")
    hidden = ProposalFactory(
        process=process, title="Parc Montsouris : un kiosque", body="…", moderation=Moderation.HIDDEN
    )

    groups = proposals_by_place(process=process)

    assert [(g.name, len(g.proposals)) for g in groups] == [("Olympiades", 2), ("Parc Montsouris", 2)]
    park = groups[1]
    assert park.proposals == [bin_, sport]  # most supported first; the hidden one does not count
    assert hidden not in park.proposals

    page = client.get(reverse("bouquets:by-place", args=[process.slug]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Parc Montsouris : une poubelle à crottes" in html and "Oberkampf" not in html
