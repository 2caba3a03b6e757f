"""Shared fixtures of the bouquets tests: a process with three needs written several ways, and regrouping it."""

import pytest

from bouquet.bouquets import flows
from bouquet.bouquets.models import Clustering, Placement
from bouquet.processes.models import PhaseKind
from tests.factories import ProcessFactory, ProposalFactory

# Three needs, each written several ways. The variants share their key words, as people who ask for the same
# thing mostly do, so that the test encoder (words only, see config/settings/test.py) groups them as well as the
# real one; one test about meaning runs the real encoder on them.
NEEDS = {
    "ombre": [
        (
            "Planter des arbres pour l'ombre sur la place des Tilleuls",
            "Il fait trop chaud l'été : des arbres pour avoir de l'ombre sur la place.",
        ),
        (
            "De l'ombre sur la place des Tilleuls",
            "Des arbres ou des voiles d'ombrage pour avoir de l'ombre sur la place.",
        ),
        (
            "Des arbres pour l'ombre sur la place",
            "Planter de grands arbres pour avoir de l'ombre en été sur la place des Tilleuls.",
        ),
        (
            "Végétaliser la place des Tilleuls",
            "Plus d'arbres et d'ombre pour lutter contre la chaleur sur la place.",
        ),
    ],
    "velo": [
        ("Des arceaux pour garer les vélos", "Installer des arceaux à vélos près de la place."),
        (
            "Des arceaux à vélos devant la pharmacie",
            "On ne sait pas où garer son vélo, il faut des arceaux à vélos.",
        ),
        (
            "Des arceaux à vélos couverts",
            "Un abri pour garer les vélos à l'abri de la pluie, avec des arceaux près des commerces.",
        ),
        ("Garer son vélo en sécurité", "Des arceaux pour garer les vélos sur la place."),
    ],
    "jeux": [
        (
            "Une aire de jeux pour les enfants",
            "Des toboggans et des balançoires pour les petits du quartier.",
        ),
        (
            "Des jeux pour les tout-petits",
            "Une aire de jeux clôturée avec toboggan pour les enfants de 2 à 6 ans.",
        ),
        (
            "Une aire de jeux pour enfants",
            "Installer des jeux pour les enfants, avec un toboggan et des bancs pour les parents.",
        ),
    ],
}
ODD_ONE = (
    "Un concours de piano baroque",
    "Organiser chaque année un concours de clavecin et de piano baroque.",
)


@pytest.fixture
def process_with_needs():
    process = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    ids: dict[str, list[int]] = {}
    for need, texts in NEEDS.items():
        ids[need] = [ProposalFactory(process=process, title=t, body=b).pk for t, b in texts]
    ids["odd"] = [ProposalFactory(process=process, title=ODD_ONE[0], body=ODD_ONE[1]).pk]
    return process, ids


def regroup(agent, process, django_capture_on_commit_callbacks, themes=None) -> Clustering:
    """Request a regrouping as the page does and run it (immediate task backend), then read it back."""
    with django_capture_on_commit_callbacks(execute=True):
        clustering = flows.request_grouping(agent=agent, process=process, themes=themes)
    clustering.refresh_from_db()
    return clustering


def bouquet_of(pid: int) -> int | None:
    """The id of the bouquet a proposal is placed in."""
    return Placement.objects.get(proposal_id=pid).bouquet_id
