"""Large pabulib files made on the fly (approval votes, deterministic for a seed), for tests and bench/."""

import random


def approval_file(*, ballots: int, projects: int = 40, per_ballot: int = 5, seed: int = 1) -> bytes:
    """A valid pabulib file of `ballots` approval votes, each for `per_ballot` of `projects` projects."""
    rng = random.Random(seed)  # noqa: S311 - test data
    costs = [rng.randrange(5_000, 200_000, 500) for _ in range(projects)]
    lines = [
        "META",
        "key;value",
        "description;Fichier de test",
        "country;France",
        "unit;Val-de-Loirette",
        "instance;2026",
        f"num_projects;{projects}",
        f"num_votes;{ballots}",
        f"budget;{sum(costs) // 3}",
        "vote_type;approval",
        "rule;greedy",
        "PROJECTS",
        "project_id;cost;name",
        *(f"{number};{cost};Projet {number}" for number, cost in enumerate(costs, start=1)),
        "VOTES",
        "voter_id;vote",
    ]
    numbers = range(1, projects + 1)
    lines += [
        f"{voter};{','.join(str(p) for p in rng.sample(numbers, per_ballot))}"
        for voter in range(1, ballots + 1)
    ]
    return ("\n".join(lines) + "\n").encode()
