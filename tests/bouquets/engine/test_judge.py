"""The duplicate judge: a second encoder (e5) that decides which proposals say the same, with its own cut.

Measured on the development pairs of bench/data/ (the held-out ones stay for the benchmark): the original of a
paraphrase comes first among similar proposals, unrelated proposals written to share words are rarely flagged,
and the index keeps the judge's vectors and levels across storage and growth."""

import csv
from pathlib import Path

import numpy as np
import pytest

from bouquet.bouquets.engine import E5Encoder, Engine, UseEncoder
from tests.bouquets.engine.conftest import CORPUS
from tests.shared_data import TOULOUSE_1

BENCH_DATA = Path(__file__).resolve().parents[3] / "bench" / "data"


@pytest.fixture(scope="module")
def judge() -> E5Encoder:
    return E5Encoder()


def _rows(name: str) -> list[dict[str, str]]:
    with (BENCH_DATA / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _toulouse_names() -> list[str]:
    lines = TOULOUSE_1.read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(lines[lines.index("PROJECTS") + 1 : lines.index("VOTES")], delimiter=";")
    return [r["name"] for r in rows]


@pytest.fixture(scope="module")
def judged(judge: E5Encoder) -> tuple[Engine, list[str]]:
    """Real titles (the development originals and a Toulouse district's projects) grouped with the judge."""
    pairs = _rows("duplicates_paraphrases.csv")
    texts = sorted({r["original"] for r in pairs} | set(_toulouse_names()))
    engine = Engine(UseEncoder(), judge=judge)
    engine.group(texts, [str(i) for i in range(len(texts))], with_sdgs=False)
    return engine, texts


def test_paraphrases_find_their_original_and_unrelated_proposals_are_rarely_flagged(judged) -> None:
    engine, texts = judged
    pairs = _rows("duplicates_paraphrases.csv")
    first = sum(
        texts[int(engine.similar(r["paraphrase"], k=3, threshold=-1.0)[0].id)] == r["original"] for r in pairs
    )
    assert first / len(pairs) >= 0.85
    unrelated = [r["query"] for r in _rows("duplicates_unrelated.csv")]
    alarms = sum(bool(engine.similar(q)) for q in unrelated)
    assert alarms / len(unrelated) <= 0.05
    # The cut is the judge's, on its own scale (e5 cosines sit high), not the grouping encoder's.
    assert engine.index is not None and engine.index.judge is not None
    assert engine.duplicate_cut == engine.index.judge.cut > engine.index.duplicate_cut
    assert engine.index.judge.centre < engine.duplicate_cut


def test_the_judge_reads_paraphrases_the_grouping_encoder_ranks_lower(judged) -> None:
    """Development pairs where USE alone puts another title first: the judge's meaning brings the original."""
    engine, texts = judged
    alone = Engine(UseEncoder())
    alone.group(texts, [str(i) for i in range(len(texts))], with_sdgs=False)
    pairs = {r["paraphrase"]: r["original"] for r in _rows("duplicates_paraphrases.csv")}
    for paraphrase in (
        "Isoler les crèches et les écoles de la ville contre le froid et la chaleur",
        "Mieux accueillir les tout-petits dans les crèches",
    ):
        by_use = [texts[int(m.id)] for m in alone.similar(paraphrase, k=3, threshold=-1.0)]
        by_judge = [texts[int(m.id)] for m in engine.similar(paraphrase, k=3, threshold=-1.0)]
        assert by_use[0] != pairs[paraphrase] and by_judge[0] == pairs[paraphrase]


def test_the_judge_is_stored_restored_and_grows_with_the_index(judge: E5Encoder) -> None:
    texts = {**CORPUS, "ombre": "Un banc à l'ombre, c'est tout ce qu'on demande"}
    engine = Engine(UseEncoder(), judge=judge)
    engine.group(list(texts.values()), list(texts), themes=2, with_sdgs=False)
    restored = Engine.from_bytes(engine.to_bytes(), UseEncoder(), judge=judge)
    assert restored.index is not None and restored.index.judge is not None
    assert restored.duplicate_cut == engine.duplicate_cut
    assert np.array_equal(restored.index.judge.vectors.matrix, engine.index.judge.vectors.matrix)
    # Loaded without its judge (the settings changed), the grouping encoder's meaning and cut decide instead.
    unjudged = Engine.from_bytes(engine.to_bytes(), UseEncoder())
    assert unjudged.index is not None and unjudged.index.judge is None
    assert unjudged.duplicate_cut == engine.index.duplicate_cut < engine.duplicate_cut
    assert unjudged.similar("Un banc à l'ombre, c'est tout ce qu'on demande")[0].id == "ombre"
    # A proposal added later is judged like the grouped ones: its twin finds it.
    restored.add("kiosque", "Un kiosque à musique dans le square", theme_key=None, bouquet_key=None)
    assert len(restored.index.judge.vectors) == len(restored.index)
    found = restored.similar("Un kiosque à musique au square", k=3, threshold=-1.0)
    assert found[0].id == "kiosque"
    fit = restored.place("Un kiosque pour la musique dans le square", "k2", add=True, with_sdgs=False)
    assert "kiosque" in [m.id for m in fit.duplicates]
    assert restored.index.row_of("k2") == len(restored.index.judge.vectors) - 1
    # While typing, the stored title that begins with the typed words is found.
    typed = restored.similar("Un banc à l'omb", typing=True)
    assert [m.id for m in typed][:1] == ["ombre"]
