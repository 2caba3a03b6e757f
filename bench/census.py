"""What the list of inhabitants costs: reading a CSV of a town's inhabitants, hashing and storing every line,
and one person's match against it.

Run: .venv/bin/python bench/census.py [--database-url URL] [--rows 100000]

The database is recreated (only one whose name contains "bench") and migrated, as in bench/pages.py. The file
is made up (names, birth dates and addresses from a fixed seed) with a line in fifty refused (an impossible
date). See docs/decisions/0014-one-person-one-voice.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from pages import prepare_database, setup_django

DEFAULT_URL = "sqlite:///var/bench_census.sqlite3"
GIVEN = ["Marie", "Jean-Pierre", "Zoé", "Karim", "Inès", "Léon", "Anne", "Luc", "Fatou", "Hélène"]
FAMILY = ["Dupont", "Lefèvre-Martin", "Benali", "Nguyen", "Roy", "Garnier", "Moreau", "Petit", "Diallo"]
STREETS = ["rue des Lilas", "place de l'Église", "avenue de la Gare", "chemin du Moulin", "rue Haute"]


def census_text(rows: int) -> str:
    """A made-up list of inhabitants, one line in fifty with an impossible birth date."""
    rng = random.Random(3)
    lines = ["nom;prénom;date de naissance;adresse"]
    for index in range(rows):
        born = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randrange(30_000))
        date = "31/02/1980" if index % 50 == 49 else born.strftime("%d/%m/%Y")
        address = f"{rng.randrange(1, 200)} {rng.choice(STREETS)}"
        lines.append(f"{rng.choice(FAMILY)} {index};{rng.choice(GIVEN)};{date};{address}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    action = prepare_database(args.database_url, fresh=True)
    setup_django(args.database_url)

    from django.core.management import call_command
    from django.db import connection

    from bouquet.accounts.models import Role, User
    from bouquet.accounts.verification import import_census, verify_with_census

    call_command("migrate", verbosity=0, interactive=False)
    print(f"Database: {connection.vendor}; {action}.")  # noqa: T201
    agent = User.objects.create_user("agent@exemple.fr", role=Role.AGENT)
    data = census_text(args.rows).encode()
    started = time.perf_counter()
    report = import_census(agent=agent, data=data)
    took = time.perf_counter() - started
    print(  # noqa: T201
        f"census of {len(data) / 1e6:.1f} MB: {report.read} lines read, {len(report.refused)} refused, "
        f"{report.stored} stored in {took:.1f} s ({report.read / took:,.0f} lines/s)"
    )
    first = data.decode().splitlines()[1].split(";")
    person = User.objects.create_user("habitant@exemple.fr")
    started = time.perf_counter()
    verify_with_census(
        user=person,
        family_name=first[0],
        given_name=first[1],
        birthdate=dt.datetime.strptime(first[2], "%d/%m/%Y").date(),  # noqa: DTZ007 - a calendar day
        address=first[3],
    )
    print(f"one match against it: {(time.perf_counter() - started) * 1000:.1f} ms")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
