"""The seeded demo tells one coherent story: dates, amounts, rules and texts agree with each other across pages."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from bouquet.budgets.models import Ballot, BallotKind, Budget
from bouquet.budgets.rules import vote_is_open
from bouquet.budgets.selectors import results_published
from bouquet.demo.content import load
from bouquet.places import geometry
from bouquet.places.models import District, MapFeature
from bouquet.processes.models import Process
from bouquet.proposals.models import Proposal

WORD_NUMBERS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5}


def _euros(text: str) -> list[int]:
    """The amounts in euros a French text states (« 150 000 € », « 5 000 € »)."""
    return [int(re.sub(r"\D", "", m)) for m in re.findall(r"(\d{1,3}(?:[\s\u202f\u00a0]\d{3})*)\s?€", text)]


@pytest.mark.django_db
def test_the_demo_tells_one_coherent_story():
    out = io.StringIO()
    call_command("seed_demo", port=8101, stdout=out)
    today = timezone.localdate()
    budgets = list(Budget.objects.select_related("phase", "process"))

    # One budget open for voting today, one with its results, one to come.
    open_now = [b for b in budgets if vote_is_open(b)]
    with_results = [b for b in budgets if results_published(b)]
    to_come = [b for b in budgets if b.phase.starts_on > today]
    assert len(open_now) == len(with_results) == len(to_come) == 1
    assert len(budgets) == 3

    for budget in budgets:
        phase = budget.phase
        # A year in a title is the year its vote takes place, whatever the day the demo is built.
        for year in re.findall(r"\b20\d\d\b", budget.title):
            assert int(year) == phase.starts_on.year, budget.title
        texts = f"{budget.process.summary}\n{budget.process.description}\n{budget.description}"
        texts += "".join(f"\n{p.description}" for p in budget.process.phases.all())
        # The envelope the texts announce is the budget's.
        assert budget.amount in _euros(texts), (budget.title, _euros(texts))
        # « jusqu'à 5 000 € par projet » holds for every project.
        for limit in re.findall(r"jusqu'à ([\d\s\u202f\u00a0]+) € (?:par projet|chacun)", texts):
            ceiling = int(re.sub(r"\D", "", limit))
            assert max(budget.projects.values_list("cost", flat=True)) <= ceiling, budget.title
        # « choisir jusqu'à trois projets » is an approval ballot of at most three projects; « dans la limite de
        # l'enveloppe », a knapsack ballot.
        for word in re.findall(
            r"(?:voter pour|choisi\w*) (?:jusqu'à )?(deux|trois|quatre|cinq) projets", texts
        ):
            assert budget.ballot_kind == BallotKind.APPROVAL and budget.max_projects == WORD_NUMBERS[word]
        if "dans la limite de l'enveloppe" in texts:
            assert budget.ballot_kind == BallotKind.KNAPSACK, budget.title

    # Last year's edition voted in the past everywhere: its phase, its ballots and its title agree.
    (previous,) = with_results
    assert "édition précédente" in previous.title
    assert previous.phase.ends_on < today and previous.phase.starts_on.year in {
        today.year - 1,
        today.year - 2,
    }
    days = set(Ballot.objects.filter(budget=previous).values_list("cast_on", flat=True))
    assert days and all(previous.phase.starts_on <= d <= previous.phase.ends_on for d in days)
    assert all("édition précédente" not in b.title for b in open_now + to_come)
    assert not Process.objects.filter(phases__starts_on__gt=today, slug=previous.process.slug).exists()

    # Every located proposal lies in its district, and the map knows the streets the texts name.
    districts = {d.pk: d for d in District.objects.all()}
    located = Proposal.objects.filter(latitude__isnull=False, district__isnull=False)
    assert located.count() > 100
    for proposal in located:
        boundary = districts[proposal.district_id].boundary
        assert geometry.contains(boundary, proposal.longitude, proposal.latitude), proposal.title
    names = set(MapFeature.objects.values_list("name", flat=True))
    assert {
        "place des Tilleuls",
        "place du Marché",
        "Loirette",
        "quai des Tanneurs",
        "halle Brossard",
    } <= names
    assert len(load().map_features) == MapFeature.objects.count()

    # The command announces the port it was given.
    assert "http://127.0.0.1:8101" in out.getvalue() and ":8000" not in out.getvalue()
