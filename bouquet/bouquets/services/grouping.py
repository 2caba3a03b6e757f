"""Regrouping runs: queue one, run the engine over a process's proposals, save themes, bouquets and placements.

Agents' decisions live in the database (pinned bouquets, custom labels, moves); every regrouping turns them into
engine constraints, so they survive it. A bouquet that is pinned, or that something holds on to (means given to
it, a budget project made from it), keeps its key and its row: its members are kept together and the row is
never deleted by a regrouping."""

import logging
import time
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bouquet.accounts.models import User
from bouquet.bouquets import registry
from bouquet.bouquets.corpus import engine_config, groupable_proposals, proposal_text, text_hash
from bouquet.bouquets.engine import (
    Assignment,
    Constraints,
    Encoder,
    Engine,
    EngineConfig,
    Grouping,
    MoveOut,
    PinnedBouquet,
    encode_texts,
    group,
    vectors_from_bytes,
    vectors_to_bytes,
)
from bouquet.bouquets.engine.engine import Progress
from bouquet.bouquets.models import (
    LABEL_MAX,
    Bouquet,
    Clustering,
    CurationDecision,
    Placement,
    ProposalVector,
    Topic,
)
from bouquet.bouquets.services._common import held_bouquet_ids, require_curator, sdg_rows
from bouquet.core.errors import InvalidInput
from bouquet.processes.models import Process
from bouquet.proposals.models import Proposal

logger = logging.getLogger(__name__)


@transaction.atomic
def queue_grouping(*, agent: User, process: Process, themes: int | None = None) -> tuple[Clustering, bool]:
    """Record a regrouping to run, and whether it is new: a queued or running one is returned instead.

    Handing it to the worker is the caller's part (``bouquet.bouquets.flows.request_grouping``)."""
    require_curator(agent, process)
    if themes is not None and not 2 <= themes <= 60:
        raise InvalidInput(
            _("Le nombre de grands thèmes doit être compris entre 2 et 60."),
            field_errors={"themes": _("Entre 2 et 60, ou vide pour un choix automatique.")},
        )
    Process.objects.select_for_update().get(pk=process.pk)  # one request at a time per process
    active = Clustering.objects.filter(
        process=process, state__in=[Clustering.State.QUEUED, Clustering.State.RUNNING]
    ).first()
    if active is not None:
        return active, False
    clustering = Clustering.objects.create(
        process=process,
        requested_by=agent,
        themes_requested=themes,
        step=gettext_noop("En file d'attente, il commence dans un instant"),
    )
    return clustering, True


def constraints_for(process: Process) -> Constraints:
    """Everything agents decided about this process's bouquets, as engine constraints."""
    bouquets = list(Bouquet.objects.filter(process=process))
    by_id = {b.pk: b for b in bouquets}
    held = held_bouquet_ids(Bouquet.objects.filter(process=process))
    placements = list(Placement.objects.filter(process=process).only("proposal_id", "bouquet_id", "topic_id"))
    topics = {t.pk: t for t in Topic.objects.filter(process=process)}
    members: dict[int, list[str]] = {}
    for placement in placements:
        if placement.bouquet_id is not None:
            members.setdefault(placement.bouquet_id, []).append(str(placement.proposal_id))
    # Pinned and held bouquets are kept as they are: means given to a group of proposals stay with that group.
    pinned = tuple(
        PinnedBouquet(
            key=b.key, member_ids=tuple(members.get(b.pk, ())), label=b.label if b.label_is_custom else None
        )
        for b in bouquets
        if b.pk in held and members.get(b.pk)
    )
    moves: dict[str, dict[str, Any]] = {}
    for decision in CurationDecision.objects.filter(
        process=process, kind=CurationDecision.Kind.MOVE
    ).order_by("id"):
        moves[str(decision.payload.get("proposal"))] = decision.payload  # the latest move of a proposal wins
    keys = {b.key for b in bouquets}
    assignments = tuple(
        Assignment(id=pid, bouquet_key=move["to"]) for pid, move in moves.items() if move.get("to") in keys
    )
    moved_out = tuple(
        MoveOut(id=pid, bouquet_key=move.get("from")) for pid, move in moves.items() if not move.get("to")
    )
    return Constraints(
        pinned=pinned,
        assignments=assignments,
        moved_out=moved_out,
        previous_bouquets={
            str(p.proposal_id): by_id[p.bouquet_id].key for p in placements if p.bouquet_id in by_id
        },
        previous_themes={
            str(p.proposal_id): topics[p.topic_id].key for p in placements if p.topic_id in topics
        },
        bouquet_labels={b.key: b.label for b in bouquets if b.label_is_custom},
        theme_labels={t.key: t.label for t in topics.values() if t.label_is_custom},
        kept_keys=tuple(sorted(b.key for b in bouquets if b.pk in held)),
    )


# The engine's step names (pure Python, no gettext there), listed for the catalogue.
ENGINE_STEPS = (gettext_noop("Encodage"),)


class _DatabaseProgress(Progress):
    """Reports the engine's progress on the clustering row, at most twice a second."""

    def __init__(self, clustering: Clustering, total: int, step: str, span: tuple[int, int]) -> None:
        self.clustering, self.total, self.step, self.span = clustering, max(total, 1), step, span
        self.done = 0
        self.last = 0.0
        self._write(force=True)

    def _write(self, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < 0.5:
            return
        self.last = now
        low, high = self.span
        percent = low + (high - low) * min(self.done, self.total) // self.total
        Clustering.objects.filter(pk=self.clustering.pk).update(progress=percent, step=self.step[:120])

    def update(self, n: int) -> None:
        self.done += n
        self._write()

    def close(self) -> None:
        self.done = self.total
        self._write(force=True)


def run_grouping(*, clustering_id: int) -> Clustering:
    """Run the engine for a queued regrouping and save themes, bouquets and placements (the task's body).

    It runs in the site's language whoever started it: steps and messages are stored as their source text
    and translated when shown, in each reader's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return _run_grouping(clustering_id)


def _run_grouping(clustering_id: int) -> Clustering:
    clustering = Clustering.objects.select_related("process").get(pk=clustering_id)
    # Claim the run: if two workers (or a worker and a command) pick it up, only one proceeds.
    claimed = Clustering.objects.filter(pk=clustering.pk, state=Clustering.State.QUEUED).update(
        state=Clustering.State.RUNNING,
        started_at=timezone.now(),
        step=gettext_noop("Lecture des propositions"),
    )
    if not claimed:
        return clustering
    process = clustering.process
    try:
        proposals = list(groupable_proposals(process))
        texts = [proposal_text(p) for p in proposals]
        ids = [str(p.pk) for p in proposals]
        encoder = registry.configured_encoder()
        steps = iter([(5, 70), (70, 90), (90, 95), (95, 98)])

        def progress(total: int, step: str) -> _DatabaseProgress:
            return _DatabaseProgress(clustering, total, step, next(steps, (95, 98)))

        if len(proposals) < 2:
            raise InvalidInput(_("Il faut au moins deux propositions pour former des bouquets."))
        themes = clustering.themes_requested
        if themes is not None:
            themes = min(themes, len(proposals))
        config = engine_config()
        vectors = encoder_vectors_for(
            encoder=encoder, config=config, proposals=proposals, texts=texts, progress=progress
        )
        judge = registry.configured_judge()
        judge_vectors = (
            encoder_vectors_for(
                encoder=judge, config=config, proposals=proposals, texts=texts, progress=progress
            )
            if judge is not None
            else None
        )
        grouping, index = group(
            texts,
            ids,
            encoder=encoder,
            config=config,
            themes=themes,
            constraints=constraints_for(process),
            encoder_vectors=vectors,
            progress=progress,
            judge=judge,
            judge_vectors=judge_vectors,
        )
        _save_grouping(clustering=clustering, grouping=grouping, proposals=proposals)
        Clustering.objects.filter(process=process).exclude(pk=clustering.pk).update(engine_state=None)
        Clustering.objects.filter(pk=clustering.pk).update(
            state=Clustering.State.DONE,
            progress=100,
            step=gettext_noop("Terminé"),
            finished_at=timezone.now(),
            proposal_count=len(proposals),
            engine_state=index.to_bytes(),
        )
        engine = Engine(encoder, config, judge)
        engine.use(index)
        registry.remember_engine(process, clustering, engine)
    except Exception as error:
        logger.exception("Regrouping %s failed", clustering.pk)
        # Steps are stored as their French source text and translated when shown, in the reader's language.
        with translation.override(settings.LANGUAGE_CODE):
            message = (
                str(error.message) if isinstance(error, InvalidInput) else _("Le regroupement a échoué.")
            )
        Clustering.objects.filter(pk=clustering.pk).update(
            state=Clustering.State.FAILED,
            step=message[:120],
            error=repr(error)[:2000],
            finished_at=timezone.now(),
        )
    clustering.refresh_from_db()
    return clustering


def encoder_vectors_for(
    *,
    encoder: Encoder,
    config: EngineConfig,
    proposals: list[Proposal],
    texts: list[str],
    progress: Any = None,
) -> np.ndarray:
    """Encoder vectors of the proposals, encoding only the new or edited ones and keeping them for next time."""
    del config  # the encoder reads the whole text; the engine's settings decide what its other block reads
    hashes = [text_hash(text) for text in texts]
    stored = {
        v.proposal_id: v
        for v in ProposalVector.objects.filter(proposal__in=[p.pk for p in proposals], encoder=encoder.name)
    }
    missing = [
        i for i, p in enumerate(proposals) if p.pk not in stored or stored[p.pk].text_hash != hashes[i]
    ]
    fresh = encode_texts(encoder, [texts[i] for i in missing], progress) if missing else None
    rows = np.zeros((len(proposals), encoder.dim), dtype=np.float32)
    for i, proposal in enumerate(proposals):
        if proposal.pk in stored and stored[proposal.pk].text_hash == hashes[i]:
            rows[i] = vectors_from_bytes(bytes(stored[proposal.pk].vector), encoder.dim)[0]
    if fresh is not None:
        rows[missing] = fresh
        with transaction.atomic():
            ProposalVector.objects.filter(
                proposal_id__in=[proposals[i].pk for i in missing], encoder=encoder.name
            ).delete()
            ProposalVector.objects.bulk_create(
                [
                    ProposalVector(
                        proposal=proposals[i],
                        encoder=encoder.name,
                        text_hash=hashes[i],
                        vector=vectors_to_bytes(fresh[j : j + 1]),
                    )
                    for j, i in enumerate(missing)
                ],
                batch_size=1000,
            )
    return rows


@transaction.atomic
def _save_grouping(*, clustering: Clustering, grouping: Grouping, proposals: list[Proposal]) -> None:
    """Replace the process's themes, bouquets and placements by a new grouping, keeping agents' work."""
    process = clustering.process
    topics = {t.key: t for t in Topic.objects.filter(process=process)}
    for position, theme in enumerate(grouping.themes):
        topic = topics.get(theme.key) or Topic(process=process, key=theme.key)
        if not topic.label_is_custom:
            topic.label = theme.label.text[:LABEL_MAX]
        topic.keywords = [k.word for k in theme.label.keywords]
        topic.position = position
        topic.save()
        topics[theme.key] = topic
    Topic.objects.filter(process=process).exclude(key__in=[t.key for t in grouping.themes]).delete()

    existing = {b.key: b for b in Bouquet.objects.filter(process=process)}
    # Asked again inside this transaction: means given while the engine ran hold their bouquet too.
    held = held_bouquet_ids(Bouquet.objects.filter(process=process))
    kept: set[str] = set()
    for item in grouping.bouquets:
        bouquet = existing.get(item.key) or Bouquet(process=process, key=item.key)
        if not bouquet.label_is_custom:
            bouquet.label = item.label.text[:LABEL_MAX]
        bouquet.topic = topics.get(item.theme_key)
        bouquet.keywords = [k.word for k in item.label.keywords]
        bouquet.representative_ids = [int(i) for i in item.label.representative_ids]
        bouquet.cohesion = round(float(item.cohesion), 4)
        bouquet.suggested_sdgs = sdg_rows(item.sdgs)
        # Held bouquets are kept whole by the engine without an agent pinning them: the flag stays the agents'.
        bouquet.pinned = bouquet.pinned or (item.pinned and bouquet.pk not in held)
        bouquet.save()
        existing[item.key] = bouquet
        kept.add(item.key)
    Bouquet.objects.filter(process=process).exclude(key__in=kept).exclude(pk__in=held).delete()

    Placement.objects.filter(process=process).delete()
    rows = []
    for proposal in proposals:
        membership = grouping.memberships[str(proposal.pk)]
        member_of = existing.get(membership.bouquet_key) if membership.bouquet_key else None
        rows.append(
            Placement(
                proposal=proposal,
                process=process,
                clustering=clustering,
                topic=topics.get(membership.theme_key) if membership.theme_key else None,
                bouquet=member_of,
                status=str(membership.status),
                shared_keywords=list(membership.reason.shared_keywords),
                nearest_ids=[int(i) for i in membership.reason.nearest_ids],
                similarity=round(float(membership.reason.similarity), 4),
                suggested_sdgs=sdg_rows(membership.sdgs),
            )
        )
    Placement.objects.bulk_create(rows, batch_size=1000)
