"""A pabulib import as a background task: checked when sent, written in short batches with its progress, shown
on a page that refreshes itself; the site keeps answering, on SQLite too, while a large file goes in."""

import threading
import time

import pytest
from django.db import close_old_connections, connection
from django.test import Client

from bouquet.budgets.models import Ballot, BallotLine, Budget, BudgetImport, BudgetResult
from bouquet.budgets.services import imports, queue_import, run_import
from bouquet.core.errors import Conflict
from bouquet.proposals.models import Comment
from tests.budgets.large_files import approval_file
from tests.factories import ProcessFactory, ProposalFactory, UserFactory


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_sqlite_readers_never_wait_for_the_writer_and_writers_wait_rather_than_fail():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's journal mode")
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] == 20_000


@pytest.mark.django_db
def test_an_import_is_written_in_batches_with_its_progress(monkeypatch):
    monkeypatch.setattr(imports, "BATCH_BALLOTS", 40)
    monkeypatch.setattr(imports, "PAUSE_BETWEEN_BATCHES_S", 0)
    agent = UserFactory(agent=True)
    process = ProcessFactory(with_vote_phase=True)
    job = queue_import(agent=agent, process=process, data=approval_file(ballots=300, projects=12))
    assert (job.state, job.ballot_total, Budget.objects.count()) == (BudgetImport.State.QUEUED, 300, 0)

    seen: list[int] = []
    advance = imports._advance
    monkeypatch.setattr(imports, "_advance", lambda j, **f: (advance(j, **f), seen.append(j.ballots_done)))
    run_import(import_id=job.pk)

    job.refresh_from_db()
    assert job.state == BudgetImport.State.DONE and job.progress == 100 and bytes(job.data) == b""
    assert sorted(set(seen)) == [0, *range(40, 300, 40), 300]  # eight batches, each one stored its progress
    assert Ballot.objects.filter(budget=job.budget).count() == 300
    assert BallotLine.objects.filter(ballot__budget=job.budget).count() == 1500
    assert BudgetResult.objects.get(budget=job.budget).ballot_count == 300


@pytest.mark.django_db
def test_an_import_that_fails_half_way_leaves_nothing_and_says_why(monkeypatch):
    monkeypatch.setattr(imports, "BATCH_BALLOTS", 10)
    monkeypatch.setattr(imports, "PAUSE_BETWEEN_BATCHES_S", 0)

    def refuse(**_kwargs):
        raise Conflict("Le calcul a été refusé.")

    monkeypatch.setattr(imports, "compute_imported_results", refuse)
    job = queue_import(
        agent=UserFactory(agent=True),
        process=ProcessFactory(with_vote_phase=True),
        data=approval_file(ballots=50),
    )
    run_import(import_id=job.pk)
    job.refresh_from_db()
    assert (job.state, job.error, job.budget) == (BudgetImport.State.FAILED, "Le calcul a été refusé.", None)
    assert not Budget.objects.exists() and not Ballot.objects.exists()


@pytest.mark.django_db
def test_progress_page_refreshes_itself_with_htmx_and_without_javascript():
    agent = UserFactory(agent=True)
    process = ProcessFactory(with_vote_phase=True)
    job = queue_import(agent=agent, process=process, data=approval_file(ballots=30))
    url = f"/demarches/{process.slug}/budget/importer/{job.pk}/"

    page = _client(agent).get(url).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page
    assert '<progress id="barre-import" max="100" value="0">' in page
    assert "0 bulletins écrits sur 30" in page and f'href="{url}"' in page  # « Actualiser »
    partial = _client(agent).get(url, headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<div id="avancement-import"') and 'hx-trigger="every 2s"' in partial

    run_import(import_id=job.pk)
    done = _client(agent).get(url).content.decode()
    assert "Import terminé : 30 bulletins écrits, résultat calculé." in done
    assert "refresh" not in done and "hx-trigger" not in done
    assert _client(UserFactory()).get(url).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_the_site_answers_while_a_large_import_runs(monkeypatch, settings):
    """Before, the whole file went in one transaction: on SQLite every writer waited for its end (and failed
    with « database is locked » after 20 s). Now reading and writing pages answer between two batches."""
    monkeypatch.setattr(imports, "BATCH_BALLOTS", 100)
    settings.BOUQUET_LIMITS = {}  # one person comments as fast as the test can: no abuse limit here
    agent, inhabitant = UserFactory(agent=True), UserFactory()
    process = ProcessFactory(with_vote_phase=True)
    proposal = ProposalFactory()
    job = queue_import(agent=agent, process=process, data=approval_file(ballots=3_000))
    failures: list[BaseException] = []

    def work() -> None:
        try:
            run_import(import_id=job.pk)
        except BaseException as error:  # noqa: BLE001 - asserted below
            failures.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=work)
    thread.start()
    reader, writer = Client(), _client(inhabitant)
    answers: list[int] = []
    written_mid_import = 0
    deadline = time.monotonic() + 120
    while thread.is_alive() and time.monotonic() < deadline:
        answers.append(reader.get(f"/propositions/{proposal.pk}/").status_code)
        answers.append(
            writer.post(f"/propositions/{proposal.pk}/commentaires/", {"body": "Toujours là ?"}).status_code
        )
        state = BudgetImport.objects.values_list("state", "ballots_done").get(pk=job.pk)
        if state[0] == BudgetImport.State.RUNNING and 0 < state[1] < 3_000:
            written_mid_import += 1
    thread.join(timeout=120)
    close_old_connections()

    assert failures == []
    assert set(answers) <= {200, 302}, answers
    assert written_mid_import >= 1  # a comment was saved while the import was half-way
    assert Comment.objects.filter(proposal=proposal).count() == len(answers) // 2
    job.refresh_from_db()
    assert job.state == BudgetImport.State.DONE
    assert Ballot.objects.filter(budget=job.budget).count() == 3_000
