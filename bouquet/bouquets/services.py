"""Writes on bouquets: run the engine over a process, place new proposals, and record agents' decisions.

Agents' decisions live in the database (pinned bouquets, custom labels, moves); every regrouping turns them into
engine constraints, so they survive it."""

import hashlib
import logging
import time
from collections.abc import Iterable
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bouquet.accounts.models import User
from bouquet.bouquets import registry
from bouquet.bouquets.engine import (
    Assignment,
    Constraints,
    Engine,
    Grouping,
    MoveOut,
    PinnedBouquet,
)
from bouquet.bouquets.engine import Placement as EnginePlacement
from bouquet.bouquets.engine.engine import Progress
from bouquet.bouquets.engine.index import vectors_from_bytes, vectors_to_bytes
from bouquet.bouquets.models import Bouquet, Clustering, CurationDecision, Placement, ProposalVector, Topic
from bouquet.bouquets.rules import can_curate
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.processes.models import Process
from bouquet.proposals.models import Proposal

logger = logging.getLogger(__name__)
LABEL_MAX = 200


def proposal_text(proposal: Proposal) -> str:
    """The text the engine reads for a proposal: its title, then its description."""
    return f"{proposal.title}. {proposal.body}"


def _groupable(process: Process) -> Any:
    return (
        Proposal.objects.live()
        .filter(process=process)
        .only("id", "title", "body", "created_at")
        .order_by("id")
    )


def _sdgs(suggestions: Iterable[Any]) -> list[dict[str, Any]]:
    return [{"number": s.number, "name": s.name, "score": round(float(s.score), 3)} for s in suggestions]


def _require_curator(agent: User, process: Process) -> None:
    if not can_curate(agent, process):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité organisent les bouquets."))


# ---- regrouping ---------------------------------------------------------------------------------------


@transaction.atomic
def request_grouping(*, agent: User, process: Process, themes: int | None = None) -> Clustering:
    """Queue a regrouping of a process's proposals; a running one is returned instead of starting twice."""
    _require_curator(agent, process)
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
        return active
    clustering = Clustering.objects.create(
        process=process,
        requested_by=agent,
        themes_requested=themes,
        step=gettext_noop("En attente d'un travailleur"),
    )
    from bouquet.bouquets.tasks import regroup_proposals

    transaction.on_commit(lambda: regroup_proposals.enqueue(clustering.pk))
    return clustering


def constraints_for(process: Process) -> Constraints:
    """Everything agents decided about this process's bouquets, as engine constraints."""
    bouquets = list(Bouquet.objects.filter(process=process))
    by_id = {b.pk: b for b in bouquets}
    placements = list(Placement.objects.filter(process=process).only("proposal_id", "bouquet_id", "topic_id"))
    topics = {t.pk: t for t in Topic.objects.filter(process=process)}
    members: dict[int, list[str]] = {}
    for placement in placements:
        if placement.bouquet_id is not None:
            members.setdefault(placement.bouquet_id, []).append(str(placement.proposal_id))
    pinned = tuple(
        PinnedBouquet(
            key=b.key, member_ids=tuple(members.get(b.pk, ())), label=b.label if b.label_is_custom else None
        )
        for b in bouquets
        if b.pinned and members.get(b.pk)
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


def run_grouping(*, clustering_id: int, engine: Engine | None = None) -> Clustering:
    """Run the engine for a queued regrouping and save themes, bouquets and placements (the task's body).

    It runs in the site's language whoever started it: steps and messages are stored as their source text
    and translated when shown, in each reader's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return _run_grouping(clustering_id, engine)


def _run_grouping(clustering_id: int, engine: Engine | None) -> Clustering:
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
        proposals = list(_groupable(process))
        texts = [proposal_text(p) for p in proposals]
        ids = [str(p.pk) for p in proposals]
        engine = engine or Engine()
        steps = iter([(5, 70), (70, 90), (90, 95), (95, 98)])

        def progress(total: int, step: str) -> _DatabaseProgress:
            return _DatabaseProgress(clustering, total, step, next(steps, (95, 98)))

        if len(proposals) < 2:
            raise InvalidInput(_("Il faut au moins deux propositions pour former des bouquets."))
        themes = clustering.themes_requested
        if themes is not None:
            themes = min(themes, len(proposals))
        vectors = encoder_vectors_for(engine=engine, proposals=proposals, texts=texts, progress=progress)
        grouping = engine.group(
            texts,
            ids,
            themes=themes,
            constraints=constraints_for(process),
            encoder_vectors=vectors,
            progress=progress,
        )
        state = engine.to_bytes()
        _save_grouping(process=process, grouping=grouping, proposals=proposals)
        Clustering.objects.filter(process=process).exclude(pk=clustering.pk).update(engine_state=None)
        Clustering.objects.filter(pk=clustering.pk).update(
            state=Clustering.State.DONE,
            progress=100,
            step=gettext_noop("Terminé"),
            finished_at=timezone.now(),
            proposal_count=len(proposals),
            engine_state=state,
        )
        registry.remember_engine((process.pk, clustering.pk), engine)
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
    *, engine: Engine, proposals: list[Proposal], texts: list[str], progress: Any = None
) -> np.ndarray:
    """Encoder vectors of the proposals, encoding only the new or edited ones and keeping them for next time."""
    encoder = engine.encoder.name
    hashes = [hashlib.sha256(text.encode()).hexdigest() for text in texts]
    stored = {
        v.proposal_id: v
        for v in ProposalVector.objects.filter(proposal__in=[p.pk for p in proposals], encoder=encoder)
    }
    missing = [
        i for i, p in enumerate(proposals) if p.pk not in stored or stored[p.pk].text_hash != hashes[i]
    ]
    fresh = engine.encoder_vectors([texts[i] for i in missing], progress) if missing else None
    rows = np.zeros((len(proposals), engine.encoder.dim), dtype=np.float32)
    for i, proposal in enumerate(proposals):
        if proposal.pk in stored and stored[proposal.pk].text_hash == hashes[i]:
            rows[i] = vectors_from_bytes(bytes(stored[proposal.pk].vector), engine.encoder.dim)[0]
    if fresh is not None:
        rows[missing] = fresh
        with transaction.atomic():
            ProposalVector.objects.filter(proposal_id__in=[proposals[i].pk for i in missing]).delete()
            ProposalVector.objects.bulk_create(
                [
                    ProposalVector(
                        proposal=proposals[i],
                        encoder=encoder,
                        text_hash=hashes[i],
                        vector=vectors_to_bytes(fresh[j : j + 1]),
                    )
                    for j, i in enumerate(missing)
                ],
                batch_size=1000,
            )
    return rows


@transaction.atomic
def _save_grouping(*, process: Process, grouping: Grouping, proposals: list[Proposal]) -> None:
    """Replace the process's themes, bouquets and placements by a new grouping, keeping agents' work."""
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
    kept: set[str] = set()
    for item in grouping.bouquets:
        bouquet = existing.get(item.key) or Bouquet(process=process, key=item.key)
        if not bouquet.label_is_custom:
            bouquet.label = item.label.text[:LABEL_MAX]
        bouquet.topic = topics.get(item.theme_key)
        bouquet.keywords = [k.word for k in item.label.keywords]
        bouquet.representative_ids = [int(i) for i in item.label.representative_ids]
        bouquet.cohesion = round(float(item.cohesion), 4)
        bouquet.suggested_sdgs = _sdgs(item.sdgs)
        bouquet.pinned = bouquet.pinned or item.pinned
        bouquet.save()
        existing[item.key] = bouquet
        kept.add(item.key)
    Bouquet.objects.filter(process=process).exclude(key__in=kept).delete()

    Placement.objects.filter(process=process).delete()
    rows = []
    for proposal in proposals:
        membership = grouping.memberships[str(proposal.pk)]
        member_of = existing.get(membership.bouquet_key) if membership.bouquet_key else None
        rows.append(
            Placement(
                proposal=proposal,
                process=process,
                topic=topics.get(membership.theme_key) if membership.theme_key else None,
                bouquet=member_of,
                status=str(membership.status),
                shared_keywords=list(membership.reason.shared_keywords),
                nearest_ids=[int(i) for i in membership.reason.nearest_ids],
                similarity=round(float(membership.reason.similarity), 4),
                suggested_sdgs=_sdgs(membership.sdgs),
            )
        )
    Placement.objects.bulk_create(rows, batch_size=1000)


# ---- placing new proposals and finding duplicates ----------------------------------------------------------


def last_clustering(process: Process) -> Clustering | None:
    """The latest finished regrouping of a process (the one whose state places new proposals)."""
    return (
        Clustering.objects.filter(process=process, state=Clustering.State.DONE, engine_state__isnull=False)
        .defer("engine_state")
        .order_by("-finished_at", "-id")
        .first()
    )


def engine_for(process: Process) -> Engine | None:
    """This worker's engine for a process, rebuilt from the stored state (None before any regrouping)."""
    clustering = last_clustering(process)
    if clustering is None:
        return None
    key = (process.pk, clustering.pk)
    engine = registry.cached_engine(key)
    if engine is not None:
        return engine
    state = Clustering.objects.values_list("engine_state", flat=True).get(pk=clustering.pk)
    if not state:
        return None
    engine = Engine.from_bytes(bytes(state))
    # Proposals placed since that regrouping are added back, so duplicates include them.
    later = (
        Placement.objects.filter(process=process, created_at__gt=clustering.finished_at)
        .select_related("proposal", "topic", "bouquet")
        .order_by("id")
    )
    for placement in later:
        engine.place(proposal_text(placement.proposal), str(placement.proposal_id), add=True, with_sdgs=False)
    registry.remember_engine(key, engine)
    return engine


def place_proposal(*, proposal: Proposal) -> Placement | None:
    """Put a new proposal in its theme and bouquet by its nearest neighbours, without regrouping."""
    process = proposal.process
    engine = engine_for(process)
    if engine is None:
        return None
    result: EnginePlacement = engine.place(proposal_text(proposal), str(proposal.pk), add=True)
    bouquets = {b.key: b for b in Bouquet.objects.filter(process=process)}
    topics = {t.key: t for t in Topic.objects.filter(process=process)}
    placement, _created = Placement.objects.update_or_create(
        proposal=proposal,
        defaults={
            "process": process,
            "topic": topics.get(result.theme_key) if result.theme_key else None,
            "bouquet": bouquets.get(result.bouquet_key) if result.bouquet_key else None,
            "status": str(result.status),
            "shared_keywords": list(result.reason.shared_keywords),
            "nearest_ids": [int(i) for i in result.reason.nearest_ids],
            "similarity": round(float(result.reason.similarity), 4),
            "suggested_sdgs": _sdgs(result.sdgs),
        },
    )
    return placement


def on_proposal_submitted(proposal: Proposal) -> None:
    """Hook called by the proposals app once a proposal is saved: place it in the background."""
    from bouquet.bouquets.tasks import place_new_proposal

    place_new_proposal.enqueue(proposal.pk)


# ---- agents' decisions ----------------------------------------------------------------------------------


def _log(agent: User, process: Process, kind: str, bouquet: Bouquet | None, **payload: Any) -> None:
    CurationDecision.objects.create(process=process, agent=agent, kind=kind, bouquet=bouquet, payload=payload)


def _clean_label(label: str) -> str:
    text = (label or "").strip()
    if not 3 <= len(text) <= LABEL_MAX:
        raise InvalidInput(
            _("Le nom n'a pas été enregistré."),
            field_errors={"label": _("Entre 3 et %(n)d caractères.") % {"n": LABEL_MAX}},
        )
    return text


@transaction.atomic
def rename_bouquet(*, agent: User, bouquet: Bouquet, label: str) -> Bouquet:
    """Give a bouquet a name of the agent's choosing; regroupings keep it."""
    _require_curator(agent, bouquet.process)
    bouquet.label = _clean_label(label)
    bouquet.label_is_custom = True
    bouquet.save(update_fields=["label", "label_is_custom", "updated_at"])
    _log(agent, bouquet.process, CurationDecision.Kind.RENAME, bouquet, label=bouquet.label)
    return bouquet


@transaction.atomic
def rename_topic(*, agent: User, topic: Topic, label: str) -> Topic:
    """Rename a broad theme; regroupings keep the name."""
    _require_curator(agent, topic.process)
    topic.label = _clean_label(label)
    topic.label_is_custom = True
    topic.save(update_fields=["label", "label_is_custom", "updated_at"])
    _log(agent, topic.process, CurationDecision.Kind.RENAME, None, topic=topic.key, label=topic.label)
    return topic


@transaction.atomic
def set_pinned(*, agent: User, bouquet: Bouquet, pinned: bool) -> Bouquet:
    """Pin a bouquet (its members stay together at the next regrouping) or release it."""
    _require_curator(agent, bouquet.process)
    bouquet.pinned = pinned
    bouquet.save(update_fields=["pinned", "updated_at"])
    kind = CurationDecision.Kind.PIN if pinned else CurationDecision.Kind.UNPIN
    _log(agent, bouquet.process, kind, bouquet)
    return bouquet


@transaction.atomic
def merge_bouquets(
    *, agent: User, into: Bouquet, others: Iterable[Bouquet], label: str | None = None
) -> Bouquet:
    """Gather several bouquets into one, pinned so that the merge survives regrouping."""
    _require_curator(agent, into.process)
    merged = [b for b in others if b.pk != into.pk]
    if not merged:
        raise InvalidInput(
            _("Choisissez au moins un autre bouquet à fusionner."), field_errors={"others": _("Aucun.")}
        )
    if any(b.process_id != into.process_id for b in merged):
        raise InvalidInput(_("On ne fusionne que des bouquets de la même démarche."))
    Placement.objects.filter(bouquet__in=merged).update(
        bouquet=into, topic=into.topic, status=Placement.Status.PINNED
    )
    keys = [b.key for b in merged]
    Bouquet.objects.filter(pk__in=[b.pk for b in merged]).delete()
    into.pinned = True
    if label:
        into.label, into.label_is_custom = _clean_label(label), True
    into.save()
    _log(agent, into.process, CurationDecision.Kind.MERGE, into, into=into.key, merged=keys)
    return into


@transaction.atomic
def split_bouquet(*, agent: User, bouquet: Bouquet, proposal_ids: Iterable[int], label: str) -> Bouquet:
    """Take some proposals out of a bouquet into a new pinned one; the rest stays, pinned too."""
    _require_curator(agent, bouquet.process)
    ids = set(proposal_ids)
    placements = Placement.objects.filter(bouquet=bouquet)
    members = set(placements.values_list("proposal_id", flat=True))
    if not ids or not ids <= members or ids == members:
        raise InvalidInput(
            _("Choisissez une partie des propositions du bouquet (pas toutes)."),
            field_errors={"proposals": _("Sélection incorrecte.")},
        )
    new = Bouquet.objects.create(
        process=bouquet.process,
        topic=bouquet.topic,
        key=f"a{get_random_string(10).lower()}",
        label=_clean_label(label),
        label_is_custom=True,
        pinned=True,
    )
    placements.filter(proposal_id__in=ids).update(
        bouquet=new, status=Placement.Status.PINNED, moved_by_agent=True
    )
    placements.filter(~Q(proposal_id__in=ids)).update(status=Placement.Status.PINNED)
    bouquet.pinned = True
    bouquet.save(update_fields=["pinned", "updated_at"])
    _log(agent, bouquet.process, CurationDecision.Kind.SPLIT, bouquet, into=new.key, proposals=sorted(ids))
    return new


@transaction.atomic
def move_proposal(*, agent: User, proposal: Proposal, to: Bouquet | None) -> Placement:
    """Move a proposal into another bouquet, or out to the not-yet-grouped pool (to=None)."""
    _require_curator(agent, proposal.process)
    placement = (
        Placement.objects.select_for_update(of=("self",))
        .filter(proposal=proposal)
        .select_related("bouquet")
        .first()
    )
    if placement is None:
        raise Conflict(_("Cette proposition n'a pas encore été regroupée : lancez d'abord un regroupement."))
    if to is not None and to.process_id != proposal.process_id:
        raise InvalidInput(
            _("Ce bouquet appartient à une autre démarche."), field_errors={"to": _("Bouquet refusé.")}
        )
    source = placement.bouquet
    placement.bouquet = to
    placement.topic = to.topic if to is not None else placement.topic
    placement.status = Placement.Status.PINNED if to is not None else Placement.Status.UNGROUPED
    placement.moved_by_agent = True
    placement.save()
    _log(
        agent,
        proposal.process,
        CurationDecision.Kind.MOVE,
        to,
        proposal=proposal.pk,
        **{"from": source.key if source else None, "to": to.key if to else None},
    )
    return placement


@transaction.atomic
def confirm_sdgs(*, agent: User, bouquet: Bouquet, numbers: Iterable[int]) -> Bouquet:
    """People confirm which Sustainable Development Goals a bouquet serves (suggestions are only suggestions)."""
    _require_curator(agent, bouquet.process)
    chosen = sorted({int(n) for n in numbers})
    if any(not 1 <= n <= 17 for n in chosen):
        raise InvalidInput(
            _("Les ODD sont numérotés de 1 à 17."), field_errors={"sdgs": _("Numéro inconnu.")}
        )
    bouquet.confirmed_sdgs = chosen
    bouquet.save(update_fields=["confirmed_sdgs", "updated_at"])
    _log(agent, bouquet.process, CurationDecision.Kind.SDGS, bouquet, sdgs=chosen)
    return bouquet
