"""The gap figures over grouped rows (what the database gives) equal those over one row per project."""

import random
from collections import Counter

from bouquet.projects.gap import GapRow, summarise, summarise_counted


def test_counted_rows_give_the_same_figures_as_one_row_per_project() -> None:
    rng = random.Random(7)  # nosec B311  # test data
    rows: list[GapRow] = []
    for _ in range(3000):
        conceived = rng.choice([None, *range(24000, 24100)])
        planned = rng.choice([None, *range(24010, 24130)])
        delivered = rng.choice([None, None, *range(24005, 24150)])
        rows.append(
            (
                rng.choice(["Sport", "Culture", "Nature"]),
                rng.choice(["3e arrondissement", "12e arrondissement", "Toute la ville"]),
                conceived,
                planned,
                delivered,
                rng.choice(["done", "abandoned", "in_progress"]),
                rng.random() < 0.2,
            )
        )
    rows += rows[:1500]  # identical projects, as a repeated import gives
    grouped = [(*row, n) for row, n in Counter(rows).items()]
    assert len(grouped) < len(rows)
    assert summarise_counted(grouped, today=24120) == summarise(rows, today=24120)
