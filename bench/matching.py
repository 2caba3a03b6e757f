"""Benchmark of the lab's matching: 20,000 energies, 3,000 needs and 3,000 offers with French free text.

Run: .venv/bin/python bench/matching.py [--energies 20000] [--needs 3000] [--offers 3000] [--top 10]

What is timed is the matching itself: every need scored against every energy and every offer (structured parts
and the cosine of free-text vectors), the best ``--top`` kept per need, each with its reason. The free-text vectors
are encoded beforehand with the HashingEncoder (the product caches them on the rows, so a matching run reads
stored vectors and encodes nothing); encoding time is printed apart. Memory is the peak resident size of the
process (ru_maxrss) and the matcher's largest block, printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bouquet.bouquets.engine import HashingEncoder  # noqa: E402
from bouquet.incubator.matching import KINDS, Profile, match_table  # noqa: E402

SKILLS = 40
DISTRICTS = 12
THEMES = 10
WORDS = {
    "skill": [
        "jardinage",
        "cuisine",
        "comptabilité",
        "graphisme",
        "traduction",
        "couture",
        "menuiserie",
        "soutien scolaire",
    ],
    "room": ["salle de réunion", "local associatif", "cour d'école", "atelier partagé"],
    "tool": ["perceuse", "remorque", "vidéoprojecteur", "outils de jardin", "machine à coudre"],
    "money": ["subvention", "cagnotte", "budget de fonctionnement"],
    "volunteers": ["bénévoles pour la distribution", "bras pour le chantier", "accueil du public"],
}
PLACES = ["quartier Nord", "centre historique", "Bel-Air", "les Rives", "Saint-Aubin", "les Grands Champs"]
SENTENCES = [
    "Je peux aider {w} le samedi matin dans le {p}.",
    "Nous cherchons {w} pour le projet du {p}, quelques heures par mois.",
    "Disponible pour {w}, surtout en soirée, près de {p}.",
    "Besoin urgent de {w} pour lancer l'action collective de {p}.",
    "Nous prêtons volontiers {w} aux associations de {p}.",
]


def text(rng: random.Random, kind: str) -> str:
    return rng.choice(SENTENCES).format(w=rng.choice(WORDS[kind]), p=rng.choice(PLACES))


def profiles(
    rng: random.Random, count: int, *, start: int, single_kind: bool
) -> tuple[list[Profile], list[str]]:
    out: list[Profile] = []
    texts: list[str] = []
    for i in range(count):
        kinds = [rng.choice(KINDS)] if single_kind else rng.sample(KINDS, rng.randint(1, 3))
        out.append(
            Profile(
                key=start + i,
                skills=frozenset(rng.sample(range(SKILLS), rng.randint(0, 3))),
                districts=frozenset(rng.sample(range(DISTRICTS), 1 if single_kind else rng.randint(1, 3))),
                themes=frozenset(rng.sample(range(THEMES), rng.randint(0, 2))),
                hours=rng.choice([0, 2, 4, 8, 16]),
                kinds=frozenset(kinds),
            )
        )
        texts.append(text(rng, kinds[0]))
    return out, texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--energies", type=int, default=20_000)
    parser.add_argument("--needs", type=int, default=3_000)
    parser.add_argument("--offers", type=int, default=3_000)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--block", type=int, default=256)
    args = parser.parse_args()
    rng = random.Random(2026)
    needs, need_texts = profiles(rng, args.needs, start=0, single_kind=True)
    energies, energy_texts = profiles(rng, args.energies, start=100_000, single_kind=False)
    offers, offer_texts = profiles(rng, args.offers, start=200_000, single_kind=True)
    encoder = HashingEncoder()
    began = time.perf_counter()
    need_vectors = encoder.encode(need_texts)
    energy_vectors = encoder.encode(energy_texts)
    offer_vectors = encoder.encode(offer_texts)
    encoding = time.perf_counter() - began
    print(
        f"encoded {args.needs + args.energies + args.offers:,} texts (HashingEncoder, {encoder.dim}-d) in {encoding:.2f} s — cached on the rows in the product, not part of a matching run"
    )

    cpu_began = time.process_time()
    began = time.perf_counter()
    with_energies = match_table(needs, energies, need_vectors, energy_vectors, top=args.top, block=args.block)
    energies_time = time.perf_counter() - began
    began = time.perf_counter()
    with_offers = match_table(needs, offers, need_vectors, offer_vectors, top=args.top, block=args.block)
    offers_time = time.perf_counter() - began
    pairs = args.needs * (args.energies + args.offers)
    total = energies_time + offers_time
    print(
        f"needs × energies: {args.needs:,} × {args.energies:,} scored in {energies_time:.2f} s → {len(with_energies):,} matches with reasons"
    )
    print(
        f"needs × offers:   {args.needs:,} × {args.offers:,} scored in {offers_time:.2f} s → {len(with_offers):,} matches with reasons"
    )
    cpu = time.process_time() - cpu_began
    print(
        f"total matching time: {total:.2f} s wall, {cpu:.2f} s of CPU (all threads), for {pairs:,} pairs (target < 5 s on 2 cores)"
    )
    print(
        f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (a shared machine slows the wall time)"
    )
    block_mb = (
        args.block * max(args.energies, args.offers) * 4 * 8 / 1e6
    )  # eight float32 matrices of one block
    print(
        f"largest block held at once: about {block_mb:.0f} MB; peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    began = time.perf_counter()
    objects = with_energies.matches() + with_offers.matches()
    print(
        f"writing all {len(objects):,} matches out as Python objects with their reasons (pages write 20): {time.perf_counter() - began:.2f} s more"
    )
    example = objects[0]
    print(
        f"example: need {example.need} ← energy {example.giver}, score {example.score:.3f}, parts {example.parts}, reason {example.reason}"
    )
    assert all(m.score >= 0.2 for m in objects)
    assert np.isfinite(with_energies.scores).all()


if __name__ == "__main__":
    main()
