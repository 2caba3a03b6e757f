"""Every process (web processes, the worker) answers from the same engine state: the latest regrouping plus every
placement stored since, whichever process placed it."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from bouquet.bouquets import registry, selectors
from bouquet.bouquets.corpus import proposal_text
from bouquet.bouquets.models import Placement
from bouquet.bouquets.services import place_proposal
from bouquet.proposals.models import Proposal
from tests.bouquets.conftest import regroup
from tests.factories import ProposalFactory

ROOT = Path(__file__).resolve().parents[2]


def _new(process, title: str) -> Proposal:
    body = "Des arbres pour avoir de l'ombre sur la place, il fait trop chaud l'été."
    return Proposal.objects.select_related("process").get(
        pk=ProposalFactory(process=process, title=title, body=body).pk
    )


def _digest(engine) -> str:
    return hashlib.sha256(engine.to_bytes()).hexdigest()


@pytest.mark.django_db
def test_placing_only_stores_and_every_engine_catches_up_from_the_rows(
    agent, process_with_needs, django_capture_on_commit_callbacks
):
    process, _ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    engine = registry.engine_for(process)
    assert engine is not None
    new = _new(process, "Des arbres et de l'ombre place des Tilleuls")
    placement = place_proposal(proposal=new)
    assert placement is not None and placement.clustering_id is None
    assert str(new.pk) not in engine.index  # placing changed no engine on its own
    assert registry.engine_for(process) is engine and str(new.pk) in engine.index  # caught up, not rebuilt
    registry.forget_engines()  # another process, starting from the stored rows
    assert _digest(registry.engine_for(process)) == _digest(engine)


@pytest.mark.django_db
def test_with_the_e5_judge_every_process_judges_duplicates_from_the_stored_vectors(
    agent, process_with_needs, django_capture_on_commit_callbacks, settings
):
    """The product's default: the grouping's encoder and the duplicate judge each store their vector per
    proposal; a placed proposal brings its judge's vector, and an engine rebuilt from the rows judges alike."""
    from bouquet.bouquets.models import ProposalVector

    settings.BOUQUET_ENCODER, settings.BOUQUET_DUPLICATE_JUDGE = "use", "e5"
    process, ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    everyone = [pid for group in ids.values() for pid in group]
    for name in ("use", "e5"):
        assert set(ProposalVector.objects.filter(encoder=name).values_list("proposal_id", flat=True)) == set(
            everyone
        )
    new = _new(process, "Des arbres et de l'ombre place des Tilleuls")
    place_proposal(proposal=new)
    assert ProposalVector.objects.filter(proposal=new).count() == 2
    engine = registry.engine_for(process)
    assert engine is not None and engine.judge is not None and engine.index is not None
    assert engine.index.judge is not None and str(new.pk) in engine.index
    # The placed proposal was indexed with its judge's vector: its own words find it first, judged the same.
    found = selectors.similar_proposals(process=process, text=proposal_text(new))
    assert found and found[0].proposal.pk == new.pk and found[0].similarity > 0.99
    registry.forget_engines()  # another process, starting from the stored rows
    assert _digest(registry.engine_for(process)) == _digest(engine)


@pytest.mark.django_db
def test_an_engine_that_knows_a_vanished_placement_is_rebuilt(
    agent, process_with_needs, django_capture_on_commit_callbacks
):
    process, _ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    new = _new(process, "Des arbres et de l'ombre place des Tilleuls")
    place_proposal(proposal=new)
    engine = registry.engine_for(process)
    assert str(new.pk) in engine.index
    new.delete()
    rebuilt = registry.engine_for(process)
    assert str(new.pk) not in rebuilt.index
    assert not Placement.objects.filter(clustering__isnull=True).exists()


def _database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    credentials = quote(settings["USER"] or "")
    if settings.get("PASSWORD"):
        credentials += ":" + quote(settings["PASSWORD"])
    return f"postgres://{credentials}@{settings['HOST'] or 'localhost'}:{settings['PORT'] or 5432}/{settings['NAME']}"


CHILD = """
import hashlib, sys
from bouquet.bouquets import registry
from bouquet.bouquets.services import place_proposal
from bouquet.processes.models import Process
from bouquet.proposals.models import Proposal
process = Process.objects.get(pk={process})
engine = registry.engine_for(process)
print("ready", flush=True)
place_proposal(proposal=Proposal.objects.select_related("process").get(pk={placed_here}))
print("placed", flush=True)
sys.stdin.readline()
again = registry.engine_for(process)
print(again is engine, "{placed_there}" in again.index, hashlib.sha256(again.to_bytes()).hexdigest(), flush=True)
"""


@pytest.mark.django_db(transaction=True)
def test_two_os_processes_see_each_others_placements(
    agent, process_with_needs, django_capture_on_commit_callbacks
):
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and (name == ":memory:" or "mode=memory" in name):
        pytest.skip("two OS processes need a database both can open; an in-memory SQLite one is not shared")
    process, _ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    by_worker = _new(process, "Des arbres et de l'ombre place des Tilleuls")
    by_web = _new(process, "Encore des arbres pour l'ombre sur la place")
    mine = registry.engine_for(process)
    code = CHILD.format(process=process.pk, placed_here=by_worker.pk, placed_there=by_web.pk)
    env = os.environ | {"DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    with subprocess.Popen(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None and child.stdin is not None
        try:
            assert child.stdout.readline().strip() == "ready"
            assert child.stdout.readline().strip() == "placed"
            # The other process placed one: this process's cached engine adds it, and finds it while one types.
            assert registry.engine_for(process) is mine and str(by_worker.pk) in mine.index
            found = selectors.similar_proposals(process=process, text=f"{by_worker.title}. {by_worker.body}")
            assert found and found[0].proposal.pk == by_worker.pk
            # This process places one: the other's cached engine adds it, and both states are the same bytes.
            place_proposal(proposal=by_web)
            child.stdin.write("\n")
            child.stdin.flush()
            same_engine, sees_it, digest = child.stdout.readline().split()
            assert (same_engine, sees_it) == ("True", "True")
            assert digest == _digest(registry.engine_for(process))
        finally:
            if child.poll() is None:
                child.stdin.close()
                try:
                    child.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    child.kill()
