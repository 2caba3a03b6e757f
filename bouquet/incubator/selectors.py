"""Reads of the lab, each shaped for one screen or endpoint (joins and counts included)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core import signing
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from bouquet.bouquets.models import Bouquet
from bouquet.core.errors import DomainError
from bouquet.core.french import format_number
from bouquet.core.personal import Rows, iso, rows
from bouquet.incubator.analysis import bubbles, layout
from bouquet.incubator.matching import Profile, Reason, best_for_giver, match
from bouquet.incubator.models import (
    Document,
    Energy,
    Exchange,
    Initiative,
    InitiativeInvitation,
    JournalEntry,
    MemberRole,
    Membership,
    MentorSession,
    Need,
    Offer,
    ResourceKind,
    Skill,
    SpaceEntry,
    Task,
)
from bouquet.incubator.texts import encoder, energy_text, initiative_text, need_text, vectors_for
from bouquet.places.models import District
from bouquet.proposals.models import Theme

PLACE_SALT = "bouquet.incubator.place"  # nosec B105 - a signing salt that names the purpose, not a secret
PLACE_DAYS = 90


class PlaceNotFound(DomainError):
    """A place link whose signature does not hold, or a place that no longer exists."""

    status_code = 404


def place_token(membership: Membership) -> str:
    """The signed token of the link a beneficiary uses to claim their place (valid 90 days, used once)."""
    return signing.dumps({"place": membership.pk, "initiative": membership.initiative_id}, salt=PLACE_SALT)


def membership_from_token(token: str) -> Membership:
    """The place a link names; an altered or too old link names none."""
    try:
        data = signing.loads(token, salt=PLACE_SALT, max_age=PLACE_DAYS * 24 * 3600)
    except signing.SignatureExpired as error:
        raise PlaceNotFound(
            _("Ce lien a expiré. Demandez-en un nouveau à la personne qui vous a inscrit·e.")
        ) from error
    except signing.BadSignature as error:
        raise PlaceNotFound(_("Ce lien n'est pas valide. Vérifiez qu'il est complet.")) from error
    membership = (
        Membership.objects.select_related("initiative")
        .filter(
            pk=data.get("place"),
            initiative_id=data.get("initiative"),
            beneficiary=True,
            erased_at__isnull=True,
        )
        .first()
    )
    if membership is None:
        raise PlaceNotFound(_("Cette place n'existe plus."))
    return membership


def _with_counts(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    return queryset.select_related("district").annotate(
        member_count=Count(
            "memberships", filter=Q(memberships__role__in=[MemberRole.LEAD, MemberRole.MEMBER]), distinct=True
        )
    )


def initiatives_for_list(
    *,
    stage: str = "",
    district_id: int | None = None,
    theme_id: int | None = None,
    sdg: int | None = None,
    q: str = "",
) -> QuerySet[Initiative]:
    """The public list of initiatives with their member count, filtered."""
    queryset = Initiative.objects.all()
    if stage:
        queryset = queryset.filter(stage=stage)
    if district_id:
        queryset = queryset.filter(district_id=district_id)
    if theme_id:
        queryset = queryset.filter(themes__id=theme_id)
    if q:
        queryset = queryset.filter(Q(title__icontains=q) | Q(need__icontains=q) | Q(for_whom__icontains=q))
    if sdg:
        # JSON containment is not on SQLite; the list stays short enough to filter the ids in Python
        ids = [pk for pk, sdgs in queryset.values_list("pk", "confirmed_sdgs") if sdg in (sdgs or [])]
        queryset = queryset.filter(pk__in=ids)
    return _with_counts(queryset).prefetch_related("themes").order_by("-last_activity_at", "-id")


def initiative_for_page(*, pk: int) -> Initiative:
    """One initiative with its district, themes, members and open needs and offers."""
    return (
        _with_counts(Initiative.objects.filter(pk=pk))
        .prefetch_related(
            "themes",
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("person").order_by("role", "created_at", "id"),
            ),
            Prefetch("needs", queryset=Need.objects.filter(met_at__isnull=True).prefetch_related("skills")),
            Prefetch(
                "offers", queryset=Offer.objects.filter(withdrawn_at__isnull=True).prefetch_related("skills")
            ),
        )
        .get()
    )


def journal_of(initiative: Initiative) -> QuerySet[JournalEntry]:
    """The initiative's journal, newest first."""
    return initiative.journal.select_related("actor").order_by("-at", "-id")


# ---- matching: what the pages show, with the reasons written out -------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """A match shaped for a page: who or what gives, for which need, the score, and the reason in words."""

    score: float
    reason: str
    need: Need | None = None
    initiative: Initiative | None = None
    energy: Energy | None = None
    offer: Offer | None = None
    parts: dict[str, float] = field(default_factory=dict)

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def _ids(items: Iterable[Any]) -> frozenset[int]:
    return frozenset(int(item.pk) for item in items)


def _energy_kinds(energy: Energy) -> frozenset[str]:
    kinds = set()
    if energy.free_text or list(energy.skills.all()):
        kinds.add(ResourceKind.SKILL.value)
    if energy.hours_per_month:
        kinds.add(ResourceKind.VOLUNTEERS.value)
    if energy.rooms:
        kinds.add(ResourceKind.ROOM.value)
    if energy.material:
        kinds.add(ResourceKind.TOOL.value)
    return frozenset(kinds)


def energy_profile(energy: Energy) -> Profile:
    return Profile(
        key=energy.pk,
        skills=_ids(energy.skills.all()),
        districts=_ids(energy.districts.all()),
        themes=_ids(energy.themes.all()),
        hours=energy.hours_per_month,
        kinds=_energy_kinds(energy),
    )


def need_profile(need: Need) -> Profile:
    initiative = need.initiative
    return Profile(
        key=need.pk,
        skills=_ids(need.skills.all()),
        districts=frozenset({initiative.district_id}) if initiative.district_id else frozenset(),
        themes=_ids(initiative.themes.all()),
        hours=need.hours_per_month,
        kinds=frozenset({need.kind}),
    )


def offer_profile(offer: Offer) -> Profile:
    initiative = offer.initiative
    return Profile(
        key=offer.pk,
        skills=_ids(offer.skills.all()),
        districts=frozenset({initiative.district_id}) if initiative.district_id else frozenset(),
        themes=_ids(initiative.themes.all()),
        hours=offer.hours_per_month,
        kinds=frozenset({offer.kind}),
    )


def _initiative_profile(initiative: Initiative) -> Profile:
    """The initiative itself as a need for people (its themes and district), when it has published none."""
    return Profile(
        key=-initiative.pk,
        districts=frozenset({initiative.district_id}) if initiative.district_id else frozenset(),
        themes=_ids(initiative.themes.all()),
        kinds=frozenset({ResourceKind.VOLUNTEERS.value, ResourceKind.SKILL.value}),
    )


def reason_in_words(
    reason: Reason, *, skills: dict[int, str], districts: dict[int, str], themes: dict[int, str]
) -> str:
    """« jardinage · Bel-Air · 4 h/mois »: the parts of the reason a person can check."""
    parts: list[str] = []
    if reason.skills:
        parts.append(", ".join(skills.get(s, "").lower() for s in reason.skills if skills.get(s)))
    elif reason.kind:
        parts.append(str(ResourceKind(reason.kind).label).lower())
    if reason.district is not None and reason.district in districts:
        parts.append(districts[reason.district])
    if reason.themes:
        parts.append(", ".join(themes[t] for t in reason.themes if t in themes))
    if reason.hours:
        parts.append(_("%(hours)s h/mois") % {"hours": format_number(reason.hours)})
    if reason.text >= 0.2:
        parts.append(_("des mots proches"))
    return " · ".join(p for p in parts if p)


def _labels() -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    return (
        dict(Skill.objects.values_list("pk", "name")),
        dict(District.objects.values_list("pk", "name")),
        dict(Theme.objects.values_list("pk", "name")),
    )


def _active_energies() -> list[Energy]:
    return list(
        Energy.objects.filter(paused=False, person__is_active=True, person__erased_at__isnull=True)
        .select_related("person")
        .prefetch_related("skills", "districts", "themes")
        .order_by("pk")
    )


def _open_needs(queryset: QuerySet[Need]) -> list[Need]:
    return list(
        queryset.filter(met_at__isnull=True)
        .select_related("initiative", "initiative__district")
        .prefetch_related("skills", "initiative__themes")
        .order_by("pk")
    )


def energies_for_initiative(initiative: Initiative, *, limit: int = 20) -> list[Found]:
    """The energies that match the initiative's open needs (or the initiative itself), best first, each once,
    with its reason; never the energy of someone already in the group. For co-leads only (the view checks)."""
    needs = _open_needs(initiative.needs.all())
    members = set(initiative.memberships.exclude(person=None).values_list("person_id", flat=True))
    energies = [e for e in _active_energies() if e.person_id not in members]
    if not energies:
        return []
    profiles = [need_profile(n) for n in needs] or [_initiative_profile(initiative)]
    texts = [need_text(n) for n in needs] or [initiative_text(initiative)]
    need_vectors = vectors_for(needs, texts) if needs else vectors_for([initiative], texts)
    energy_vectors = vectors_for(energies, [energy_text(e) for e in energies])
    found = match(profiles, [energy_profile(e) for e in energies], need_vectors, energy_vectors, top=limit)
    by_need = {n.pk: n for n in needs}
    by_energy = {e.pk: e for e in energies}
    skills, districts, themes = _labels()
    best: dict[int, Found] = {}
    for m in found:
        if m.giver in best and best[m.giver].score >= m.score:
            continue
        best[m.giver] = Found(
            score=m.score,
            reason=reason_in_words(m.reason, skills=skills, districts=districts, themes=themes),
            need=by_need.get(m.need),
            energy=by_energy[m.giver],
            parts=m.parts,
        )
    return sorted(best.values(), key=lambda f: (-f.score, f.energy.pk if f.energy else 0))[:limit]


def initiatives_for_energy(energy: Energy, *, limit: int = 20) -> list[Found]:
    """The initiatives whose needs match a person's energy, best first (one line per initiative)."""
    mine = set(Membership.objects.filter(person_id=energy.person_id).values_list("initiative_id", flat=True))
    needs = _open_needs(Need.objects.exclude(initiative_id__in=mine))
    if not needs:
        return []
    need_vectors = vectors_for(needs, [need_text(n) for n in needs])
    energy_vector = vectors_for([energy], [energy_text(energy)])
    found = best_for_giver(
        match([need_profile(n) for n in needs], [energy_profile(energy)], need_vectors, energy_vector, top=1),
        energy.pk,
    )
    by_need = {n.pk: n for n in needs}
    skills, districts, themes = _labels()
    seen: set[int] = set()
    out: list[Found] = []
    for m in found:
        need = by_need[m.need]
        if need.initiative_id in seen:
            continue
        seen.add(need.initiative_id)
        out.append(
            Found(
                score=m.score,
                reason=reason_in_words(m.reason, skills=skills, districts=districts, themes=themes),
                need=need,
                initiative=need.initiative,
                parts=m.parts,
            )
        )
    return out[:limit]


def offers_for_needs(needs: Sequence[Need], *, per_need: int = 3) -> dict[int, list[Found]]:
    """For each need, the offers of other initiatives that match it, best first, with the reason."""
    if not needs:
        return {}
    offers = list(
        Offer.objects.filter(withdrawn_at__isnull=True)
        .select_related("initiative", "initiative__district")
        .prefetch_related("skills", "initiative__themes")
        .order_by("pk")
    )
    if not offers:
        return {}
    need_vectors = vectors_for(list(needs), [need_text(n) for n in needs])
    offer_vectors = vectors_for(offers, [need_text(o) for o in offers])
    found = match(
        [need_profile(n) for n in needs],
        [offer_profile(o) for o in offers],
        need_vectors,
        offer_vectors,
        top=per_need + 2,
    )
    by_offer = {o.pk: o for o in offers}
    by_need = {n.pk: n for n in needs}
    skills, districts, themes = _labels()
    out: dict[int, list[Found]] = {}
    for m in found:
        offer = by_offer[m.giver]
        need = by_need[m.need]
        if offer.initiative_id == need.initiative_id:
            continue
        row = out.setdefault(m.need, [])
        if len(row) < per_need:
            row.append(
                Found(
                    score=m.score,
                    reason=reason_in_words(m.reason, skills=skills, districts=districts, themes=themes),
                    need=need,
                    offer=offer,
                    initiative=offer.initiative,
                    parts=m.parts,
                )
            )
    return out


# ---- similar initiatives and bouquets when starting one ---------------------------------------------------

SIMILAR_MINIMUM = 0.3


@dataclass(frozen=True, slots=True)
class Similar:
    score: float
    initiative: Initiative | None = None
    bouquet: Bouquet | None = None


def similar_to(text: str, *, limit: int = 5) -> list[Similar]:
    """Initiatives and bouquets whose text is close to ``text`` (the bouquets engine's encoder), closest first:
    shown before a new initiative is started, with « join it » as the first choice."""
    if len(text.strip()) < 12:
        return []
    query = encoder().encode([text])[0]
    initiatives = list(Initiative.objects.select_related("district").order_by("pk"))
    out: list[Similar] = []
    if initiatives:
        vectors = vectors_for(initiatives, [initiative_text(i) for i in initiatives])
        scores = vectors @ query
        out.extend(
            Similar(float(s), initiative=i)
            for i, s in zip(initiatives, scores, strict=True)
            if s >= SIMILAR_MINIMUM
        )
    bouquets = list(Bouquet.objects.select_related("process").order_by("pk")[:500])
    if bouquets:
        texts = [f"{b.label}. {' '.join(str(k) for k in (b.keywords or []))}" for b in bouquets]
        scores = encoder().encode(texts) @ query
        out.extend(
            Similar(float(s), bouquet=b)
            for b, s in zip(bouquets, scores, strict=True)
            if s >= SIMILAR_MINIMUM
        )
    return sorted(out, key=lambda s: -s.score)[:limit]


# ---- the solidarity chain -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChainNode:
    initiative: Initiative
    x: float
    y: float
    bubble: int | None


@dataclass(frozen=True, slots=True)
class ChainLink:
    source: ChainNode
    target: ChainNode
    count: int


@dataclass(frozen=True, slots=True)
class Chain:
    """The chain as a graph: initiatives placed for drawing, the links between them, the bubbles, the exchanges."""

    nodes: list[ChainNode]
    links: list[ChainLink]
    bubbles: list[list[Initiative]]
    exchanges: list[Exchange]
    size: float


def exchanges_list() -> QuerySet[Exchange]:
    """Every exchange, newest first, with both sides."""
    return Exchange.objects.select_related("helped", "helper", "helper_person", "need", "offer").order_by(
        "-happened_on", "-id"
    )


def solidarity_chain(*, size: float = 600.0) -> Chain:
    """The graph of initiatives linked by exchanges, and its bubbles (Louvain communities, fixed seed)."""
    exchanges = list(exchanges_list())
    pairs = [(e.helper_id, e.helped_id) for e in exchanges if e.helper_id is not None]
    groups = bubbles((int(a), int(b)) for a, b in pairs)
    ids = sorted({i for pair in pairs for i in pair if i is not None})
    initiatives = {i.pk: i for i in Initiative.objects.filter(pk__in=ids)}
    points = {p.key: p for p in layout(ids, groups, size=size)}
    nodes = {
        key: ChainNode(initiatives[key], point.x, point.y, point.bubble)
        for key, point in points.items()
        if key in initiatives
    }
    counted: dict[tuple[int, int], int] = {}
    for a, b in pairs:
        key = (min(int(a), int(b)), max(int(a), int(b)))
        counted[key] = counted.get(key, 0) + 1
    links = [
        ChainLink(nodes[a], nodes[b], n) for (a, b), n in sorted(counted.items()) if a in nodes and b in nodes
    ]
    bubble_lists = [
        sorted((initiatives[k] for k in g if k in initiatives), key=lambda i: i.title) for g in groups
    ]
    return Chain(list(nodes.values()), links, bubble_lists, exchanges, size)


def personal_data(*, person: Any) -> dict[str, Rows]:
    """What the lab holds about a person with an account (their export, docs/decisions/0013)."""
    energy = Energy.objects.filter(person=person).first()
    return {
        "initiatives_lancees": rows(
            Initiative.objects.filter(started_by=person).order_by("id"), ["id", "title", "created_at"]
        ),
        "groupes_d_initiatives": rows(
            Membership.objects.filter(person=person).order_by("id"),
            [
                "initiative__title",
                "role",
                "beneficiary",
                "beneficiary_name",
                "consent_at",
                "claimed_at",
                "created_at",
            ],
        ),
        "invitations_a_des_initiatives": rows(
            InitiativeInvitation.objects.filter(person=person).order_by("id"),
            ["initiative__title", "role", "message", "created_at", "expires_at", "answered_at", "accepted"],
        ),
        "energie_proposee": []
        if energy is None
        else [
            {
                "en_quelques_mots": energy.free_text,
                "competences": ", ".join(energy.skills.order_by("name").values_list("name", flat=True)),
                "heures_par_mois": energy.hours_per_month,
                "materiel": energy.material,
                "salle_ou_lieu": energy.rooms,
                "quartiers": ", ".join(energy.districts.order_by("name").values_list("name", flat=True)),
                "themes": ", ".join(energy.themes.order_by("name").values_list("name", flat=True)),
                "en_pause": energy.paused,
                "depuis": iso(energy.created_at),
            }
        ],
        "notes_de_l_espace_prive": rows(
            SpaceEntry.objects.filter(author=person).order_by("id"),
            ["initiative__title", "kind", "title", "body", "held_on"],
        ),
        "taches": rows(
            Task.objects.filter(owner=person).order_by("id"),
            ["initiative__title", "title", "due_on", "done_at"],
        ),
        "documents_deposes": rows(
            Document.objects.filter(uploaded_by=person).order_by("id"),
            ["initiative__title", "name", "content_type", "size", "created_at"],
        ),
        "echanges_donnes": rows(
            Exchange.objects.filter(helper_person=person).order_by("id"),
            ["helped__title", "what", "happened_on"],
        ),
        "seances_d_accompagnement": rows(
            MentorSession.objects.filter(mentor=person).order_by("id"),
            ["initiative__title", "held_on", "summary", "next_steps"],
        ),
        "journal_des_initiatives": rows(
            JournalEntry.objects.filter(actor=person).order_by("id"), ["initiative__title", "at", "text"]
        ),
    }


def beneficiary_data(*, place: Membership) -> dict[str, Rows]:
    """Everything held about a beneficiary recorded without an account (the lab gives it to them on request)."""
    return {
        "place_de_beneficiaire": [
            {
                "initiative": place.initiative.title,
                "prenom_ou_nom_d_usage": place.beneficiary_name,
                "consentement_le": iso(place.consent_at),
                "inscrit_par": place.consent_recorded_by.public_name if place.consent_recorded_by else "",
                "place_prise_le": iso(place.claimed_at),
            }
        ],
        "journal": rows(
            JournalEntry.objects.filter(
                initiative=place.initiative, text__contains=place.beneficiary_name
            ).order_by("id"),
            ["at", "text"],
        ),
    }


def beneficiaries_for_agent(*, search: str = "") -> QuerySet[Membership]:
    """Places recorded for beneficiaries without an account, for an agent looking for one on their request."""
    found = Membership.objects.filter(
        beneficiary=True, person__isnull=True, erased_at__isnull=True
    ).select_related("initiative")
    if search.strip():
        found = found.filter(beneficiary_name__icontains=search.strip())
    return found.order_by("beneficiary_name", "id")
