"""The real Paris winners' file: imported unchanged without a mapping argument, every row kept and every date
read; the dashboard's figures recomputed here from the CSV by a separate, simple computation."""

import csv
import re
import statistics
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from bouquet.projects import selectors
from bouquet.projects.models import Project, Status

pytestmark = [pytest.mark.shared_data, pytest.mark.django_db]

DATE_COLUMNS = {
    "debut_etudes_projet": "studies_month",
    "lancement_procedure_projet": "procedure_month",
    "lancement_travaux_projet": "works_month",
    "livraison_prev_projet": "planned_delivery_month",
    "ouverture_projet": "delivered_month",
}
NO_DATE = {
    "NON ENCORE FIXE",
    "NON LANCÉE",
    "NON LANCÉS",
    "NON DÉMARRÉES",
    "NON PRÉVUE",
    "Non ouvert",
    "NON REGISTRE",
}
ISO = re.compile(r"^(\d{4})-(\d{2})$")


def paris_file(shared_data: Path) -> Path:
    return shared_data / "paris_bp" / "projets_gagnants.csv"


def csv_rows(shared_data: Path) -> list[dict[str, str]]:
    with paris_file(shared_data).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def month(text: str) -> int | None:
    found = ISO.match(text)
    return int(found[1]) * 12 + int(found[2]) - 1 if found else None


@pytest.fixture
def imported(shared_data: Path) -> list[dict[str, str]]:
    call_command("import_projects", str(paris_file(shared_data)))
    return csv_rows(shared_data)


def test_every_row_is_kept_and_every_date_read(imported: list[dict[str, str]]) -> None:
    assert len(imported) == 1341
    projects = {p.code: p for p in Project.objects.all()}
    assert len(projects) == 1341
    for row in imported:
        project = projects[row["identifiant_projet_gagnant"]]
        assert project.title == row["titre_projet_gagnant"]
        assert project.vote_year == int(row["edition"])
        assert project.conceived_month == int(row["edition"]) * 12 + 8  # September of the edition
        assert project.cost == int(row["budget_global_projet_gagnant"])
        for column, field in DATE_COLUMNS.items():
            cell = row[column]
            assert month(cell) is not None or cell in NO_DATE, cell
            assert getattr(project, field) == month(cell), (row["identifiant_projet_gagnant"], column, cell)


def test_a_second_import_updates_without_duplicates(
    imported: list[dict[str, str]], shared_data: Path
) -> None:
    call_command("import_projects", str(paris_file(shared_data)))
    assert Project.objects.count() == 1341


def _quartiles(values: list[int]) -> dict[str, float | int | None]:
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    assert median == statistics.median(values)
    return {"n": len(values), "median": median, "q1": q1, "q3": q3}


def test_the_dashboard_figures_match_a_separate_computation(imported: list[dict[str, str]]) -> None:
    durations: list[int] = []
    by_theme: dict[str, list[int]] = {}
    by_year: dict[str, list[int]] = {}
    slips: list[int] = []
    for row in imported:
        vote = int(row["edition"]) * 12 + 8
        opened = month(row["ouverture_projet"])
        if opened is None:
            continue
        durations.append(opened - vote)
        by_theme.setdefault(row["thematique"], []).append(opened - vote)
        by_year.setdefault(row["edition"], []).append(opened - vote)
        planned = month(row["livraison_prev_projet"])
        if planned is not None:
            slips.append(opened - planned)
    answer = Client().get("/api/v1/gap").json()
    assert answer["total"] == 1341
    assert answer["delivered"] == len(durations)
    assert answer["abandoned"] == sum(row["avancement_projet"] == "ABANDONNÉ" for row in imported)
    assert answer["vote_to_opening_months"] == _quartiles(durations)
    assert {g["label"]: {k: g[k] for k in ("n", "median", "q1", "q3")} for g in answer["by_theme"]} == {
        theme: _quartiles(values)
        if len(values) > 1
        else {"n": 1, "median": values[0], "q1": values[0], "q3": values[0]}
        for theme, values in by_theme.items()
    }
    assert {g["label"]: g["median"] for g in answer["by_year_of_vote"]} == {
        year: statistics.median(values) for year, values in by_year.items()
    }
    assert answer["slip_months"] == _quartiles(slips)
    assert answer["delivered_late"] == sum(s > 0 for s in slips)

    today = timezone.localdate().year * 12 + timezone.localdate().month - 1
    for waiting in answer["still_waiting_after_years"]:
        span = 12 * waiting["years"]
        eligible = [
            row for row in imported
            if row["avancement_projet"] != "ABANDONNÉ" and int(row["edition"]) * 12 + 8 + span <= today
        ]  # fmt: skip
        late = [
            row for row in eligible
            if month(row["ouverture_projet"]) is None
            or (month(row["ouverture_projet"]) or 0) - (int(row["edition"]) * 12 + 8) > span
        ]  # fmt: skip
        assert (waiting["eligible"], waiting["waiting"]) == (len(eligible), len(late))

    # The page shows the same numbers as the API.
    page = Client().get("/projets/ecart/").content.decode()
    assert f"{answer['vote_to_opening_months']['n']} projets ouverts" in page.replace("\u202f", "")


def test_filters_give_the_same_numbers_on_both_sides(imported: list[dict[str, str]]) -> None:
    answer = Client().get("/api/v1/gap", {"theme": "Sport", "year": 2016}).json()
    rows = [r for r in imported if r["thematique"] == "Sport" and r["edition"] == "2016"]
    assert answer["total"] == len(rows)
    durations = [
        (month(r["ouverture_projet"]) or 0) - (int(r["edition"]) * 12 + 8)
        for r in rows
        if month(r["ouverture_projet"])
    ]
    assert answer["vote_to_opening_months"] == _quartiles(durations)
    listed = Client().get("/api/v1/projects", {"theme": "Sport", "year": 2016, "page_size": 100}).json()
    assert listed["count"] == len(rows)


def test_drifting_in_sql_and_on_the_page_agree(imported: list[dict[str, str]]) -> None:
    limits, today = selectors.thresholds(), selectors.this_month()
    flagged = set(selectors.filtered(selectors.ProjectFilters(drifting=True)).values_list("pk", flat=True))
    by_reasons = {p.pk for p in Project.objects.all() if selectors.drift_reasons(p, limits, today)}
    assert flagged == by_reasons
    assert flagged
    assert not Project.objects.filter(
        pk__in=flagged, status__in=[Status.DELIVERED, Status.ABANDONED]
    ).exists()
    # Drifting projects come first in the list.
    first = Client().get("/api/v1/projects").json()["items"][0]
    assert first["drifting"] is True
