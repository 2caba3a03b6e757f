"""Importing projects from a spreadsheet: bad rows listed per row with French reasons and nothing of them saved;
the command with a mapping; the staged back-office page reading the Paris file like the command."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from bouquet.accounts.models import User
from bouquet.core import imports
from bouquet.processes.models import Process
from bouquet.projects import months, reading, services
from bouquet.projects.imports import PROJECTS_IMPORT
from bouquet.projects.models import Project, Status
from tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db

MAPPING = {
    "name": "Projets de la ville",
    "columns": {
        "code": "Réf",
        "title": "Projet",
        "vote_year": "Vote",
        "planned_delivery": "Livraison prévue",
        "delivered": "Ouverture",
        "status": "État",
    },
    "vote_month": 10,
    "values": {"status": {"fini": "delivered", "en cours": "works"}},
}
CSV = (
    "Réf;Projet;Vote;Livraison prévue;Ouverture;État\n"
    "A1;Jardin partagé;2019;2020-06;2021-02;fini\n"
    "A2;Piste cyclable;2019;2019-13;non ouvert;en cours\n"
    "A3;Fontaine;2020;T3 2020;non ouvert;en cours\n"
    "A4;Préau;2020;;non ouvert;en cours\n"
    "A5;Aire de jeux;2021;2022-01;2020-05;fini\n"
    "A6;Bancs;2022;juin 2023;non ouvert;en cours\n"
)


def table() -> list[list[str]]:
    return [line.split(";") for line in CSV.strip().split("\n")]


def test_bad_rows_are_listed_with_french_reasons_and_not_saved(agent: User) -> None:
    process = ProcessFactory()
    report = services.import_projects(
        agent=agent, process=process, table=table(), mapping=reading.ProjectMapping.from_json(MAPPING)
    )
    assert report.created == 2
    assert sorted(Project.objects.values_list("code", flat=True)) == ["A1", "A6"]
    reasons = {bad.line: " ; ".join(bad.reasons) for bad in report.bad}
    assert set(reasons) == {3, 4, 5, 6}
    assert "« 2019-13 » : ce mois n'existe pas" in reasons[3]
    assert "« T3 2020 » est un trimestre" in reasons[4]
    assert "livraison prévue : la case est vide" in reasons[5]
    assert "l'ouverture (2020-05) précède le vote ou la conception (2021-10)" in reasons[6]
    first = Project.objects.get(code="A1")
    assert first.conceived_month == months.month_index(2019, 10)
    assert first.delivered_month == months.month_index(2021, 2)
    assert first.status == Status.DELIVERED
    assert Project.objects.get(code="A6").planned_delivery_month == months.month_index(2023, 6)


def test_the_command_takes_a_mapping_and_lists_refused_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "projets.csv"
    data.write_text(CSV, encoding="utf-8")
    mapping = tmp_path / "correspondance.json"
    mapping.write_text(json.dumps(MAPPING), encoding="utf-8")
    call_command("import_projects", str(data), "--mapping", str(mapping))
    out = capsys.readouterr()
    assert "2 projets créés" in out.out and "4 lignes refusées" in out.out
    assert "ligne 4 : livraison prévue : « T3 2020 » est un trimestre" in out.err
    assert Process.objects.get(slug="archive-projets-de-la-ville").projects.count() == 2


def test_a_file_no_mapping_knows_is_refused_with_a_message(tmp_path: Path) -> None:
    data = tmp_path / "projets.csv"
    data.write_text(CSV, encoding="utf-8")
    with pytest.raises(Exception, match="donnez-en une avec --mapping"):
        call_command("import_projects", str(data))


def test_the_delivered_before_vote_rule_holds_for_agents_too(agent: User) -> None:
    import datetime as dt

    from bouquet.core.errors import InvalidInput

    with pytest.raises(InvalidInput, match="ne peut pas précéder"):
        services.create_project(
            agent=agent,
            process=ProcessFactory(),
            data=services.ProjectInput(
                title="Kiosque", conceived=dt.date(2024, 3, 1), delivered=dt.date(2023, 1, 1)
            ),
        )
    assert not Project.objects.exists()


@pytest.mark.shared_data
def test_the_staged_page_reads_the_paris_file_like_the_command(agent: User, shared_data: Path) -> None:
    data = (shared_data / "paris_bp" / "projets_gagnants.csv").read_bytes()
    process = ProcessFactory()
    record = imports.stage_import(
        user=agent, kind=PROJECTS_IMPORT, scope=process.pk, filename="p.csv", data=data
    )
    headers = data.decode("utf-8").splitlines()[0].split(",")
    # Every column is guessed from the shipped mapping's headers.
    assert record.mapping["title"] == headers.index("titre_projet_gagnant")
    assert record.mapping["scale"] == headers.index("echelle_bp")
    preview = imports.preview_import(record=record, kind=PROJECTS_IMPORT)
    assert (len(preview.good), len(preview.bad)) == (1341, 0)
    imports.confirm_import(user=agent, record=record)
    from_page = {
        p.code: (p.district_label, p.status, p.conceived_month, p.delivered_month, p.planned_delivery_month)
        for p in process.projects.all()
    }
    call_command("import_projects", str(shared_data / "paris_bp" / "projets_gagnants.csv"))
    archive = Process.objects.get(slug__startswith="archive-budget-participatif-de-paris")
    from_command = {
        p.code: (p.district_label, p.status, p.conceived_month, p.delivered_month, p.planned_delivery_month)
        for p in archive.projects.all()
    }
    assert from_page == from_command
    assert from_page["2106"][0] == "Tout Paris"


def test_the_import_page_answers_agents(agent: User) -> None:
    client = Client()
    client.force_login(agent)
    assert client.get("/gestion/imports/projects/").status_code == 200
