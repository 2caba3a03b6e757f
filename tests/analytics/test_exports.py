"""Open-data exports: every table validates against its Table Schema (frictionless), no cell runs as a formula,
comments carry no personal data, unpublished data answers 404 in French, officers' files are built in the
background with their progress, and query counts do not grow with the data."""

import io
import json

import openpyxl
import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bouquet.analytics.exports.formats import Format, file_bytes
from bouquet.analytics.exports.registry import REGISTRY, tables_for
from bouquet.analytics.models import ExportJob
from bouquet.analytics.services import queue_export, run_export
from bouquet.core.errors import ActionNotAllowed, InvalidInput
from bouquet.proposals.models import Moderation
from tests.analytics.frictionless_check import errors_of
from tests.factories import (
    BudgetFactory,
    CommentFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
    busy_process,
)

EVIL = '=HYPERLINK("http://example.com/vol","Cliquez ici")'


def _body(response) -> bytes:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_every_table_of_a_busy_process_validates_against_its_schema(client: Client, tmp_path):
    busy = busy_process(3)
    names = [table.name for table in tables_for(busy.process)]
    assert names == [
        "propositions",
        "commentaires",
        "soutiens",
        "bouquets",
        "bouquets-propositions",
        "budget-participatif",
    ]
    for name in names:
        response = client.get(f"/donnees-ouvertes/{busy.process.slug}/{name}.csv")
        assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Link"].endswith(
            f'/donnees-ouvertes/{busy.process.slug}/{name}.schema.json>; rel="describedby"'
        )
        data = _body(response)
        assert not data.startswith(b"\xef\xbb\xbf")  # open data: UTF-8 without BOM
        schema = client.get(f"/donnees-ouvertes/{busy.process.slug}/{name}.schema.json").json()
        assert errors_of(data, schema, tmp_path, name) == [], name
        assert data.count(b"\r\n") == REGISTRY[name].count(busy.process) + 1  # header + the counted rows


@pytest.mark.django_db
def test_json_holds_the_same_rows_as_csv(client: Client):
    busy = busy_process(3)
    document = json.loads(_body(client.get(f"/donnees-ouvertes/{busy.process.slug}/propositions.json")))
    assert document["schema"].endswith(f"/donnees-ouvertes/{busy.process.slug}/propositions.schema.json")
    assert len(document["data"]) == 3
    assert set(document["data"][0]) == set(REGISTRY["propositions"].headers)


@pytest.mark.django_db
def test_the_data_package_lists_every_table_with_its_schema_and_licence(client: Client):
    busy = busy_process(3)
    package = client.get(f"/donnees-ouvertes/{busy.process.slug}/datapackage.json").json()
    assert package["licenses"][0]["name"] == "etalab-2.0"
    assert [r["name"] for r in package["resources"]] == [t.name for t in tables_for(busy.process)]
    assert all(r["schema"].endswith(".schema.json") for r in package["resources"])


@pytest.mark.django_db
def test_a_formula_in_a_title_is_neutralised_in_csv_and_xlsx_but_kept_in_json(client: Client):
    proposal = ProposalFactory(title=EVIL)
    CommentFactory(proposal=proposal, body="+33 6 12 34 56 78 @tout le monde")
    slug = proposal.process.slug

    open_csv = _body(client.get(f"/donnees-ouvertes/{slug}/propositions.csv")).decode()
    assert ',"\'=HYPERLINK(""http://example.com/vol"",""Cliquez ici"")",' in open_csv
    comments = _body(client.get(f"/donnees-ouvertes/{slug}/commentaires.csv")).decode()
    assert ",'+33 6 12 34 56 78 @tout le monde," in comments

    table = REGISTRY["propositions"]
    officer = file_bytes(table, table.rows(proposal.process), Format.OFFICE_CSV).decode("utf-8")
    assert officer.startswith("\ufeffid;titre;")  # a French spreadsheet opens it as it is
    assert ";\"'=HYPERLINK(" in officer

    book = openpyxl.load_workbook(io.BytesIO(file_bytes(table, table.rows(proposal.process), Format.XLSX)))
    sheet = book.worksheets[0]
    assert sheet.cell(row=2, column=2).value == "'" + EVIL
    assert sheet.cell(row=2, column=2).data_type == "s"  # text, never a formula

    document = json.loads(_body(client.get(f"/donnees-ouvertes/{slug}/propositions.json")))
    assert document["data"][0]["titre"] == EVIL  # JSON is not a spreadsheet: the text as it was written


@pytest.mark.django_db
def test_the_comments_export_carries_no_personal_data(client: Client):
    alice = UserFactory(display_name="Alice Martin-Dupuis", email="alice.martin@exemple.fr")
    bruno = UserFactory(display_name="Bruno Lefèvre", email="bruno.l@exemple.fr")
    proposal = ProposalFactory(author=alice)
    first = CommentFactory(proposal=proposal, author=bruno, body="Bonne idée pour le quartier.")
    CommentFactory(proposal=proposal, author=alice, body="Merci, on en parle jeudi ?", parent=first)
    CommentFactory(proposal=proposal, author=bruno, body="Oui, à jeudi.")
    slug = proposal.process.slug
    everything = b"".join(
        _body(client.get(f"/donnees-ouvertes/{slug}/{table.name}.{fmt}"))
        for table in tables_for(proposal.process)
        for fmt in ("csv", "json")
    ).decode()
    for personal in ("Alice", "Martin-Dupuis", "Bruno", "Lefèvre", "alice.martin", "bruno.l", "@exemple.fr"):
        assert personal not in everything
    rows = json.loads(_body(client.get(f"/donnees-ouvertes/{slug}/commentaires.json")))["data"]
    # Participant numbers in order of first comment: Bruno is 1, Alice 2, Bruno again 1; never their ids.
    assert [row["participant"] for row in rows] == [1, 2, 1]
    assert rows[1]["reponse_a"] == first.pk
    assert {bruno.pk, alice.pk} & {row["participant"] for row in rows} <= {1, 2}


@pytest.mark.django_db
def test_hidden_proposals_and_comments_stay_out(client: Client):
    shown = ProposalFactory()
    hidden = ProposalFactory(
        process=shown.process, moderation=Moderation.HIDDEN, title="Proposition masquée ici"
    )
    CommentFactory(proposal=hidden, body="Commentaire sous une proposition masquée")
    CommentFactory(proposal=shown, body="Commentaire masqué par la modération", moderation=Moderation.HIDDEN)
    slug = shown.process.slug
    data = (
        _body(client.get(f"/donnees-ouvertes/{slug}/propositions.csv"))
        + _body(client.get(f"/donnees-ouvertes/{slug}/commentaires.csv"))
    ).decode()
    assert shown.title in data
    assert "masquée" not in data and "masqué" not in data


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["propositions.csv", "propositions.json", "propositions.schema.json", "datapackage.json"],
)
def test_an_unpublished_process_answers_404_with_a_french_message(client: Client, path: str):
    process = ProcessFactory(is_published=False)
    ProposalFactory(process=process, title="Proposition d'une démarche en préparation")
    response = client.get(f"/donnees-ouvertes/{process.slug}/{path}")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Ces données ne sont pas publiées" in text and "en préparation" not in text
    # A process that does not exist answers exactly alike: nothing tells an unpublished one apart.
    missing = client.get(f"/donnees-ouvertes/nulle-part/{path}")
    assert missing.status_code == 404 and "Ces données ne sont pas publiées" in missing.content.decode()
    api = client.get(f"/api/v1/open-data/{process.slug}")
    assert api.status_code == 404


@pytest.mark.django_db
def test_a_table_the_process_does_not_have_answers_404(client: Client):
    process = ProcessFactory(components=["proposals"])
    assert "bouquets" not in [t.name for t in tables_for(process)]
    response = client.get(f"/donnees-ouvertes/{process.slug}/bouquets.csv")
    assert response.status_code == 404 and "ne publie pas de fichier" in response.content.decode()


@pytest.mark.django_db
def test_budget_votes_and_winners_appear_only_once_results_are_published(client: Client, tmp_path):
    budget = BudgetFactory(costs=(40_000, 70_000))
    rows = list(REGISTRY["budget-participatif"].dicts(budget.process))
    assert [(r["titre"], r["nombre_votes"], r["laureat"]) for r in rows] == [
        ("Projet 1", None, None),
        ("Projet 2", None, None),
    ]
    busy = busy_process(3)
    rows = list(REGISTRY["budget-participatif"].dicts(busy.process))
    assert sum(r["nombre_votes"] for r in rows) == 6  # three ballots of two projects
    assert any(r["laureat"] for r in rows) and all(r["date_resultats"] for r in rows)


@pytest.mark.django_db
def test_the_catalogue_lists_files_with_licence_rows_size_and_update(client: Client):
    busy = busy_process(3)
    hidden = ProcessFactory(is_published=False, title="Démarche encore secrète")
    ProposalFactory(process=hidden)
    page = client.get("/donnees-ouvertes/").content.decode()
    assert "Licence Ouverte 2.0 (Etalab)" in page and busy.process.title in page
    assert "Démarche encore secrète" not in page
    assert f"/donnees-ouvertes/{busy.process.slug}/propositions.schema.json" in page
    assert f"/budgets/{busy.budget.pk}/bulletins-territoire.pb" in page  # the pabulib file, reused
    catalogue = client.get("/api/v1/open-data").json()
    entry = next(e for e in catalogue["processes"] if e["slug"] == busy.process.slug)
    table = next(t for t in entry["tables"] if t["name"] == "propositions")
    streamed = _body(client.get(f"/donnees-ouvertes/{busy.process.slug}/propositions.csv"))
    assert (table["rows"], table["size"]) == (3, len(streamed))
    assert catalogue["licence"]["code"] == "etalab-2.0"


def _agent_client(agent) -> Client:
    client = Client()
    client.force_login(agent)
    return client


@pytest.mark.django_db
def test_an_officers_file_is_built_in_the_background_with_its_progress(django_capture_on_commit_callbacks):
    busy = busy_process(3)
    agent = UserFactory(agent=True)
    client = _agent_client(agent)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            f"/gestion/donnees-ouvertes/demarches/{busy.process.pk}/exporter/",
            {"table": "commentaires", "format": "xlsx"},
        )
    job = ExportJob.objects.get()
    assert (
        response.status_code == 302 and response["Location"] == f"/gestion/donnees-ouvertes/exports/{job.pk}/"
    )
    waiting = client.get(response["Location"]).content.decode()
    assert "en attente" in waiting and 'http-equiv="refresh"' in waiting  # reloads itself without JavaScript
    assert client.get(f"/gestion/donnees-ouvertes/exports/{job.pk}/fichier/").status_code == 409
    for callback in callbacks:
        callback()  # the worker runs the task
    job.refresh_from_db()
    assert (job.state, job.progress, job.rows_done, job.row_total) == (
        "done",
        100,
        9,
        9,
    )  # 3 comments, and 3 with a reply each on the thread
    assert "Télécharger le fichier" in client.get(response["Location"]).content.decode()
    download = client.get(f"/gestion/donnees-ouvertes/exports/{job.pk}/fichier/")
    assert download["Content-Disposition"] == f'attachment; filename="{busy.process.slug}-commentaires.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(download.content)).worksheets[0]
    assert sheet.max_row == 10
    run_export(job_id=job.pk)  # a retried task writes nothing twice
    assert ExportJob.objects.get().finished_at == job.finished_at


@pytest.mark.django_db
def test_only_agents_ask_for_officers_files():
    process = ProcessFactory()
    with pytest.raises(ActionNotAllowed):
        queue_export(agent=UserFactory(), process=process, table="propositions", fmt="xlsx")
    with pytest.raises(InvalidInput):
        queue_export(agent=UserFactory(agent=True), process=process, table="nulle-part", fmt="xlsx")
    with pytest.raises(InvalidInput):
        queue_export(agent=UserFactory(agent=True), process=process, table="propositions", fmt="pdf")
    citizen = _agent_client(UserFactory())
    assert citizen.post(f"/gestion/donnees-ouvertes/demarches/{process.pk}/exporter/", {}).status_code == 404
    assert citizen.get("/gestion/tableaux-de-bord/").status_code == 404
    assert ExportJob.objects.count() == 0


@pytest.mark.django_db
def test_csv_exports_make_as_many_queries_for_30_proposals_as_for_3(client: Client):
    counts = []
    for size in (3, 30):
        busy = busy_process(size)
        with CaptureQueriesContext(connection) as queries:
            for table in tables_for(busy.process):
                _body(client.get(f"/donnees-ouvertes/{busy.process.slug}/{table.name}.csv"))
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
