"""The demo's workshops: the founding text's four public workshops with their minutes, and the contributions
gathered there (and on paper) in the same bouquets as the online proposals."""

import io

import pytest
from django.core.management import call_command

from bouquet.bouquets.models import Placement
from bouquet.core.models import ImportRecord
from bouquet.outreach.models import Contribution, Workshop
from bouquet.proposals.models import Origin, Proposal


@pytest.mark.django_db
def test_the_four_founding_workshops_feed_the_same_bouquets_as_online_proposals() -> None:
    call_command("seed_demo", port=8101, stdout=io.StringIO())
    workshops = list(Workshop.objects.order_by("starts_at"))
    titles = " ".join(w.title.lower() for w in workshops)
    for theme in ("prison et rebond", "entraide des femmes", "biodéchets", "permaculture"):
        assert theme in titles
    reported = [w for w in workshops if w.minutes]
    assert len(reported) == 4 and all(w.attendance and w.outcomes and w.is_published for w in reported)
    assert any(w.format == "fishbowl" for w in workshops)
    gathered = Proposal.objects.filter(origin=Origin.WORKSHOP)
    assert gathered.count() >= 10
    assert Contribution.objects.filter(kind="support").count() == 2
    paper = ImportRecord.objects.get(kind="formulaires-papier")
    assert (paper.rows_imported, paper.rows_refused) == (3, 2)  # no consent; a day in the future
    assert Contribution.objects.filter(origin=Origin.IMPORT, proposal__origin=Origin.IMPORT).count() == 3
    # Gathered and online proposals of the process share its bouquets.
    process = workshops[0].process
    in_bouquets = Placement.objects.filter(process=process, bouquet__isnull=False)
    origins = set(in_bouquets.values_list("proposal__origin", flat=True))
    assert Origin.WORKSHOP in origins and Origin.ONLINE in origins
