"""Large bouquets are split when they hold distinct needs, and only then (clustering.split_mixed).

The meaning tests read real French titles from the shared data (Paris participatory budget winners, Toulouse
2022 project names) with the packaged sentence encoder, as the product groups them."""

import csv
import math
from pathlib import Path

import pytest

from bouquet.bouquets.engine import (
    Constraints,
    Engine,
    EngineConfig,
    HashingEncoder,
    PinnedBouquet,
    UseEncoder,
)
from tests.shared_data import shared_data_dir


def _paris_titles() -> tuple[list[str], int]:
    """The Paris winners' titles (placeholders aside) and the number of the city's themes."""
    with (shared_data_dir() / "paris_bp" / "projets_gagnants.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["thematique"]]
    rows = [r for r in rows if r["titre_projet_gagnant"].strip() not in ("", "NON REGISTRÉ")]
    return [r["titre_projet_gagnant"].strip() for r in rows], len({r["thematique"] for r in rows})


def _toulouse_names(path: Path) -> tuple[list[str], int]:
    """Project names of a pabulib file and the number of its first categories."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = list(csv.DictReader(lines[lines.index("PROJECTS") + 1 : lines.index("VOTES")], delimiter=";"))
    rows = [r for r in rows if r.get("name") and r.get("category")]
    return [r["name"] for r in rows], len({r["category"].split(",")[0] for r in rows})


def _bouquet_of(grouping, texts: list[str], title: str) -> set[str]:
    """The titles of the bouquet holding `title` (empty when it is in the pool)."""
    pid = str(texts.index(title))
    key = grouping.memberships[pid].bouquet_key
    if key is None:
        return set()
    bouquet = next(b for b in grouping.bouquets if b.key == key)
    return {texts[int(m)] for m in bouquet.member_ids}


@pytest.mark.shared_data
def test_a_large_bouquet_mixing_needs_in_the_street_is_split(real_encoder: UseEncoder) -> None:
    """Among the Paris winners, average linkage alone gathers some eighty titles that share only « la rue »
    (planters, pedestrian streets, cycle lanes, pavements): the split leaves each need with its own kind."""
    texts, themes = _paris_titles()
    ids = [str(i) for i in range(len(texts))]
    vectors = real_encoder.encode(texts)
    planters, pedestrian = "Des jardinières rue de la Jonquière", "Piétonnisation de la rue Saint-Jean"

    # The split alone, without the need check (which, since it reads kinds of place out of members that share
    # nothing else, already takes such a bouquet apart: asserted last).
    whole = Engine(real_encoder, EngineConfig(split_min_size=0, need_beyond_names=False)).group(
        texts, ids, themes=themes, encoder_vectors=vectors, with_sdgs=False
    )
    mixed = _bouquet_of(whole, texts, planters)
    assert pedestrian in mixed and len(mixed) > 2 * math.sqrt(len(texts))

    split = Engine(real_encoder, EngineConfig(need_beyond_names=False)).group(
        texts, ids, themes=themes, encoder_vectors=vectors, with_sdgs=False
    )
    assert pedestrian not in _bouquet_of(split, texts, planters)
    assert max(len(b.member_ids) for b in split.bouquets) < max(len(b.member_ids) for b in whole.bouquets)
    # Nothing was lost to the split: almost every proposal grouped before is grouped after.
    grouped = [sum(m.bouquet_key is not None for m in g.memberships.values()) for g in (whole, split)]
    assert grouped[1] >= 0.95 * grouped[0]
    product = Engine(real_encoder).group(texts, ids, themes=themes, encoder_vectors=vectors, with_sdgs=False)
    assert pedestrian not in _bouquet_of(product, texts, planters)


@pytest.mark.shared_data
def test_a_large_bouquet_about_one_need_stays_whole(real_encoder: UseEncoder) -> None:
    """Toulouse's twenty proposals to green the city (a street, a square, school walls) are one need written
    many ways: above the size that is looked at, yet not split."""
    texts, themes = _toulouse_names(shared_data_dir() / "pabulib" / "France_Toulouse_2022.pb")
    ids = [str(i) for i in range(len(texts))]
    grouping = Engine(real_encoder).group(texts, ids, themes=themes, with_sdgs=False)
    greening = _bouquet_of(grouping, texts, "Végétaliser la rue Matabiau")
    assert len(greening) > max(12, math.sqrt(len(texts)))
    assert "Végétalisation de la place du Capitole" in greening


def test_a_pinned_bouquet_is_never_split() -> None:
    """An agent's bouquet stays exactly as kept, however large and mixed."""
    texts = [f"Des bancs sur la place numéro {i}" for i in range(10)]
    texts += [f"Une piste cyclable dans la rue numéro {i}" for i in range(10)]
    texts += [f"Réparer les trottoirs du quartier numéro {i}" for i in range(10)]
    ids = [f"p{i}" for i in range(len(texts))]
    pinned = PinnedBouquet("B9", tuple(ids), "Tout pour la rue")
    grouping = Engine(HashingEncoder()).group(
        texts, ids, themes=1, constraints=Constraints(pinned=(pinned,)), with_sdgs=False
    )
    assert [(b.key, set(b.member_ids)) for b in grouping.bouquets] == [("B9", set(ids))]
