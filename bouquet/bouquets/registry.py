"""Engines kept in each OS process (web processes, the worker), in step with the database.

What every process answers from is the same: the state stored by the process's latest regrouping, plus every
proposal placed since (the ``Placement`` rows without a regrouping), indexed with the theme and bouquet it was
stored with and its stored encoder vector. ``engine_for`` checks that version, the number and the latest id of
those placements, with one query; it adds what another process placed meanwhile, and rebuilds from the stored
rows an engine that knows a placement no longer stored. No process changes its engine on its own: placing a
proposal only stores it, and every process (the placer included) catches up from the rows.

Loading the sentence encoder takes seconds, so a web request never waits for it: until it is warm, callers get
``None`` and fall back to full-text search, while a background thread loads it."""

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

import numpy as np
from django.conf import settings
from django.db.models import Count, Max

from bouquet.bouquets.corpus import engine_config, proposal_text, text_hash
from bouquet.bouquets.engine import (
    E5Encoder,
    Encoder,
    Engine,
    HashingEncoder,
    RepresentationUnavailable,
    UseEncoder,
    vectors_from_bytes,
)
from bouquet.bouquets.models import Clustering, Placement, ProposalVector
from bouquet.processes.models import Process
from bouquet.proposals.models import Proposal

logger = logging.getLogger(__name__)
MAX_ENGINES = 8


class EncoderChoice(StrEnum):
    """The sentence encoders the product may run (``settings.BOUQUET_ENCODER``)."""

    USE = "use"  # the packaged multilingual USE: meaning, the default
    HASHING = "hashing"  # shared words only, deterministic and instant: the test suite


ENCODERS: Final[dict[EncoderChoice, Callable[[], Encoder]]] = {
    EncoderChoice.USE: UseEncoder,
    EncoderChoice.HASHING: HashingEncoder,
}


def configured_encoder() -> Encoder:
    """The encoder chosen in the settings (instances are cheap: the USE model is loaded once per process)."""
    return ENCODERS[EncoderChoice(getattr(settings, "BOUQUET_ENCODER", EncoderChoice.USE))]()


class JudgeChoice(StrEnum):
    """Who decides that two proposals say the same (``settings.BOUQUET_DUPLICATE_JUDGE``)."""

    E5 = "e5"  # multilingual e5-small, packaged: reads paraphrases best (decision 0030), the default
    NONE = "none"  # the grouping's encoder decides too: the test suite, and a machine without AVX2


def configured_judge() -> Encoder | None:
    """The duplicate judge chosen in the settings, or None when the grouping's encoder judges."""
    choice = JudgeChoice(getattr(settings, "BOUQUET_DUPLICATE_JUDGE", JudgeChoice.E5))
    if choice is JudgeChoice.NONE:
        return None
    try:
        return E5Encoder()
    except RepresentationUnavailable:
        logger.warning("The e5 duplicate judge is not installed: the grouping's encoder judges duplicates")
        return None


# ---- the encoder, warmed without making a request wait ----------------------------------------------------

_warming = threading.Event()


def encoder_is_warm() -> bool:
    """Whether the configured encoder answers without loading a model first."""
    judge = configured_judge()
    encoder_warm = not isinstance(configured_encoder(), UseEncoder) or bool(UseEncoder._shared)
    return encoder_warm and (judge is None or E5Encoder.is_loaded())


def warm_encoder_in_background() -> None:
    """Load the encoder in a daemon thread, once."""
    if encoder_is_warm() or _warming.is_set():
        return
    _warming.set()

    def load() -> None:
        try:
            configured_encoder().encode(["échauffement"])
            judge = configured_judge()
            if judge is not None:
                judge.encode(["échauffement"])
        finally:
            _warming.clear()

    threading.Thread(target=load, name="bouquet-encoder-warmup", daemon=True).start()


# ---- engines in step with the stored placements -----------------------------------------------------------


@dataclass(eq=False)
class _Entry:
    """One process's engine: a regrouping's state plus the placements made since that it has added."""

    engine: Engine
    clustering_id: int
    added: dict[int, int] = field(default_factory=dict)  # proposal id -> id of the placement added
    version: tuple[int, int | None] | None = None  # (count, latest id) of those placements, last checked
    lock: threading.Lock = field(default_factory=threading.Lock)


_lock = threading.Lock()
_engines: OrderedDict[int, _Entry] = OrderedDict()  # by process id, least recently used first


def last_clustering(process: Process) -> Clustering | None:
    """The latest finished regrouping of a process (the one whose state places new proposals)."""
    return (
        Clustering.objects.filter(process=process, state=Clustering.State.DONE, engine_state__isnull=False)
        .defer("engine_state")
        .order_by("-finished_at", "-id")
        .first()
    )


def engine_for(process: Process) -> Engine | None:
    """The engine of a process as stored now: its latest regrouping plus every placement since (None before
    any regrouping)."""
    clustering = last_clustering(process)
    if clustering is None:
        return None
    with _lock:
        entry = _engines.get(process.pk)
        if entry is not None and entry.clustering_id == clustering.pk:
            _engines.move_to_end(process.pk)
        else:
            entry = None
    if entry is None:
        entry = _load(clustering)
        if entry is None:
            return None
        _keep(process.pk, entry)
    with entry.lock:  # two threads of one process catch up one at a time
        _catch_up(entry, process)
    return entry.engine


def remember_engine(process: Process, clustering: Clustering, engine: Engine) -> None:
    """Keep the engine a regrouping just built in this process (its index is the state it stored)."""
    _keep(process.pk, _Entry(engine=engine, clustering_id=clustering.pk))


def forget_engines() -> None:
    """Drop every cached engine (tests; the next call rebuilds from the stored rows)."""
    with _lock:
        _engines.clear()


def _keep(process_id: int, entry: _Entry) -> None:
    with _lock:
        _engines[process_id] = entry
        _engines.move_to_end(process_id)
        while len(_engines) > MAX_ENGINES:
            _engines.popitem(last=False)


def _load(clustering: Clustering) -> _Entry | None:
    """An engine rebuilt from a regrouping's stored state, with no later placement yet."""
    state = Clustering.objects.values_list("engine_state", flat=True).get(pk=clustering.pk)
    if not state:
        return None
    try:
        engine = Engine.from_bytes(bytes(state), configured_encoder(), engine_config(), configured_judge())
    except ValueError:
        # Built with another encoder than the configured one: useless until the next regrouping.
        logger.warning("Regrouping %s was stored with another encoder; regroup to place again", clustering.pk)
        return None
    return _Entry(engine=engine, clustering_id=clustering.pk)


def _catch_up(entry: _Entry, process: Process) -> None:
    """Add the placements stored since the regrouping that this engine lacks (one query when none)."""
    later = Placement.objects.filter(process=process, clustering__isnull=True)
    stamp = later.aggregate(count=Count("pk"), latest=Max("pk"))
    version = (int(stamp["count"]), stamp["latest"])
    if version == entry.version:
        return
    rows = list(later.order_by("pk").values_list("pk", "proposal_id", "topic__key", "bouquet__key"))
    stored = {proposal_id for _pk, proposal_id, _theme, _bouquet in rows}
    if not stored.issuperset(entry.added):
        # A placement this engine added is gone (its proposal deleted, or a rolled-back write): start again.
        fresh = _load(Clustering.objects.defer("engine_state").get(pk=entry.clustering_id))
        if fresh is None:
            return
        entry.engine, entry.added = fresh.engine, {}
    missing = [row for row in rows if row[1] not in entry.added]
    if missing:
        _add(entry, missing)
    entry.version = version


def _add(entry: _Entry, rows: Sequence[tuple[int, int, str | None, str | None]]) -> None:
    """Index placements with their stored keys and stored encoder vectors (encoding only what lacks one)."""
    engine = entry.engine
    ids = [proposal_id for _pk, proposal_id, _theme, _bouquet in rows]
    texts = {p.pk: proposal_text(p) for p in Proposal.objects.filter(pk__in=ids).only("title", "body")}
    encoders = [e for e in (engine.encoder, engine.judge) if e is not None]
    vectors = {
        (v.encoder, v.proposal_id): v
        for v in ProposalVector.objects.filter(proposal_id__in=ids, encoder__in=[e.name for e in encoders])
    }

    def stored(encoder: Encoder | None, proposal_id: int, text: str) -> np.ndarray | None:
        row = vectors.get((encoder.name, proposal_id)) if encoder is not None else None
        if row is None or encoder is None or row.text_hash != text_hash(text):
            return None
        return vectors_from_bytes(bytes(row.vector), encoder.dim)[0]

    for pk, proposal_id, theme_key, bouquet_key in rows:
        text = texts.get(proposal_id)
        if text is None:
            continue
        engine.add(
            str(proposal_id),
            text,
            theme_key=theme_key,
            bouquet_key=bouquet_key,
            encoder_vector=stored(engine.encoder, proposal_id, text),
            judge_vector=stored(engine.judge, proposal_id, text),
        )
        entry.added[proposal_id] = pk
