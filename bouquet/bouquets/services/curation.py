"""Agents' decisions about bouquets: names, pins, merges, splits, moves, SDGs, and the means given to them.

Each decision is logged (``CurationDecision``) and honoured by every later regrouping. Means given to a bouquet
(``Allocation``) never vanish: a merge carries them over to the bouquet that remains, a split asks the agent
where they go, and a bouquet that has any cannot be deleted (PROTECT)."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.bouquets import events
from bouquet.bouquets.models import (
    ALLOCATION_UNITS,
    LABEL_MAX,
    Allocation,
    AllocationKind,
    Bouquet,
    CurationDecision,
    MeansOnSplit,
    Placement,
    Topic,
)
from bouquet.bouquets.rules import can_allocate
from bouquet.bouquets.services._common import referenced_bouquet_ids, require_curator
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.processes.models import Process
from bouquet.proposals.models import Proposal, live_condition

NOTE_MAX = 300


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
    require_curator(agent, bouquet.process)
    bouquet.label = _clean_label(label)
    bouquet.label_is_custom = True
    bouquet.save(update_fields=["label", "label_is_custom", "updated_at"])
    _log(agent, bouquet.process, CurationDecision.Kind.RENAME, bouquet, label=bouquet.label)
    return bouquet


@transaction.atomic
def rename_topic(*, agent: User, topic: Topic, label: str) -> Topic:
    """Rename a broad theme; regroupings keep the name."""
    require_curator(agent, topic.process)
    topic.label = _clean_label(label)
    topic.label_is_custom = True
    topic.save(update_fields=["label", "label_is_custom", "updated_at"])
    _log(agent, topic.process, CurationDecision.Kind.RENAME, None, topic=topic.key, label=topic.label)
    return topic


@transaction.atomic
def set_pinned(*, agent: User, bouquet: Bouquet, pinned: bool) -> Bouquet:
    """Pin a bouquet (its members stay together at the next regrouping) or release it."""
    require_curator(agent, bouquet.process)
    bouquet.pinned = pinned
    bouquet.save(update_fields=["pinned", "updated_at"])
    kind = CurationDecision.Kind.PIN if pinned else CurationDecision.Kind.UNPIN
    _log(agent, bouquet.process, kind, bouquet)
    return bouquet


@transaction.atomic
def merge_bouquets(
    *, agent: User, into: Bouquet, others: Iterable[Bouquet], label: str | None = None
) -> Bouquet:
    """Gather several bouquets into one, pinned so that the merge survives regrouping; their means go with them."""
    require_curator(agent, into.process)
    merged = [b for b in others if b.pk != into.pk]
    if not merged:
        raise InvalidInput(
            _("Choisissez au moins un autre bouquet à fusionner."), field_errors={"others": _("Aucun.")}
        )
    if any(b.process_id != into.process_id for b in merged):
        raise InvalidInput(_("On ne fusionne que des bouquets de la même démarche."))
    pks = [b.pk for b in merged]
    blocked = referenced_bouquet_ids(Bouquet.objects.filter(pk__in=pks), carried=(Allocation,))
    if blocked:
        name = next(b.label for b in merged if b.pk in blocked)
        raise Conflict(
            _(
                "« %(label)s » est à l'origine d'autre chose (un projet du budget, par exemple) : il ne peut pas "
                "disparaître dans une fusion. Fusionnez plutôt les autres bouquets dans celui-ci."
            )
            % {"label": name},
            field_errors={"others": _("Bouquet utilisé ailleurs.")},
        )
    carried = sorted(Allocation.objects.filter(bouquet_id__in=pks).values_list("pk", flat=True))
    Allocation.objects.filter(pk__in=carried).update(bouquet=into)
    Placement.objects.filter(bouquet__in=merged).update(
        bouquet=into, topic=into.topic, status=Placement.Status.PINNED
    )
    keys = [b.key for b in merged]
    Bouquet.objects.filter(pk__in=pks).delete()  # PROTECT refuses it if anything still held one of them
    into.pinned = True
    if label:
        into.label, into.label_is_custom = _clean_label(label), True
    into.save()
    _log(
        agent,
        into.process,
        CurationDecision.Kind.MERGE,
        into,
        into=into.key,
        merged=keys,
        allocations_carried=carried,
    )
    return into


@transaction.atomic
def split_bouquet(
    *,
    agent: User,
    bouquet: Bouquet,
    proposal_ids: Iterable[int],
    label: str,
    means: MeansOnSplit | None = None,
) -> Bouquet:
    """Take some proposals out of a bouquet into a new pinned one; the rest stays, pinned too.

    When means were given to the bouquet, the agent says where they go (``means``): nothing is guessed."""
    require_curator(agent, bouquet.process)
    ids = set(proposal_ids)
    placements = Placement.objects.filter(bouquet=bouquet)
    members = set(placements.filter(live_condition(via="proposal__")).values_list("proposal_id", flat=True))
    if not ids or not ids <= members or ids == members:
        raise InvalidInput(
            _("Choisissez une partie des propositions du bouquet (pas toutes)."),
            field_errors={"proposals": _("Sélection incorrecte.")},
        )
    allocations = Allocation.objects.filter(bouquet=bouquet)
    has_means = allocations.exists()
    if has_means and means is None:
        raise InvalidInput(
            _("Des moyens sont alloués à ce bouquet : dites où ils vont après la scission."),
            field_errors={"means": _("Choisissez : ils restent au bouquet d'origine ou passent au nouveau.")},
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
    moved = sorted(allocations.values_list("pk", flat=True)) if means == MeansOnSplit.MOVE else []
    Allocation.objects.filter(pk__in=moved).update(bouquet=new)
    bouquet.pinned = True
    bouquet.save(update_fields=["pinned", "updated_at"])
    _log(
        agent,
        bouquet.process,
        CurationDecision.Kind.SPLIT,
        bouquet,
        into=new.key,
        proposals=sorted(ids),
        **({"means": str(means), "allocations_moved": moved} if has_means else {}),
    )
    return new


@transaction.atomic
def move_proposal(*, agent: User, proposal: Proposal, to: Bouquet | None) -> Placement:
    """Move a proposal into another bouquet, or out to the not-yet-grouped pool (to=None)."""
    require_curator(agent, proposal.process)
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
    # The engine's reasons were about where it stood: they no longer hold.
    placement.shared_keywords, placement.nearest_ids, placement.similarity = [], [], 0.0
    placement.save()
    _log(
        agent,
        proposal.process,
        CurationDecision.Kind.MOVE,
        to,
        proposal=proposal.pk,
        **{"from": source.key if source else None, "to": to.key if to else None},
    )
    if to is not None and to != source:
        events.proposal_joined(proposal, to, actor=agent)
    return placement


@transaction.atomic
def confirm_sdgs(*, agent: User, bouquet: Bouquet, numbers: Iterable[int]) -> Bouquet:
    """People confirm which Sustainable Development Goals a bouquet serves (suggestions are only suggestions)."""
    require_curator(agent, bouquet.process)
    chosen = sorted({int(n) for n in numbers})
    if any(not 1 <= n <= 17 for n in chosen):
        raise InvalidInput(
            _("Les ODD sont numérotés de 1 à 17."), field_errors={"sdgs": _("Numéro inconnu.")}
        )
    bouquet.confirmed_sdgs = chosen
    bouquet.save(update_fields=["confirmed_sdgs", "updated_at"])
    _log(agent, bouquet.process, CurationDecision.Kind.SDGS, bouquet, sdgs=chosen)
    return bouquet


@transaction.atomic
def allocate_means(
    *, agent: User, bouquet: Bouquet, kind: str, amount: int, note: str = "", unit: str = ""
) -> Allocation:
    """Give means to a whole bouquet, so that its proposals are answered together rather than one by one."""
    if not can_allocate(agent, bouquet.process):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité allouent des moyens."))
    errors: dict[str, str] = {}
    if kind not in AllocationKind.values:
        errors["kind"] = _("Nature de moyen inconnue.")
    if amount <= 0:
        errors["amount"] = _("Indiquez une quantité positive.")
    if len(note.strip()) > NOTE_MAX:
        errors["note"] = _("%(n)d caractères au plus.") % {"n": NOTE_MAX}
    if errors:
        raise InvalidInput(_("Les moyens n'ont pas été enregistrés."), field_errors=errors)
    return Allocation.objects.create(
        bouquet=bouquet,
        kind=kind,
        amount=amount,
        unit=(unit.strip() or ALLOCATION_UNITS[AllocationKind(kind)])[:20],
        note=note.strip(),
        allocated_by=agent,
    )
