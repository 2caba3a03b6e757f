"""Bouquets and the proposals in each."""

import datetime as dt
from collections.abc import Iterator

from django.db.models import Count, Max, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from bouquet.analytics.exports.registry import Column, ExportTable, Row, register
from bouquet.bouquets.models import Bouquet, Placement
from bouquet.processes.models import Component, Process
from bouquet.proposals.models import live_condition, public_condition

CHUNK = 2000


def _uses_bouquets(process: Process) -> bool:
    return process.uses(Component.BOUQUETS)


def _bouquets(process: Process) -> QuerySet[Bouquet]:
    return Bouquet.objects.filter(process=process)


def _members(process: Process) -> QuerySet[Placement]:
    return Placement.objects.filter(
        live_condition(via="proposal__"),
        public_condition(via="proposal__"),
        process=process,
        bouquet__isnull=False,
    )


def _bouquet_rows(process: Process) -> Iterator[Row]:
    members = live_condition(via="placements__proposal__")
    rows = (
        _bouquets(process)
        .annotate(
            size=Count("placements", filter=members),
            supports=Sum("placements__proposal__support_count", filter=members),
        )
        .order_by("id")
        .values_list("id", "label", "topic__label", "keywords", "pinned", "size", "supports", "created_at")
        .iterator(chunk_size=CHUNK)
    )
    for pk, label, topic, keywords, pinned, size, supports, created_at in rows:
        yield (pk, label, topic, ", ".join(keywords or []), pinned, size, supports or 0, created_at)


def _latest(queryset: QuerySet[Bouquet] | QuerySet[Placement]) -> dt.datetime | None:
    latest: dt.datetime | None = queryset.aggregate(latest=Max("updated_at"))["latest"]
    return latest


BOUQUETS = register(
    ExportTable(
        name="bouquets",
        title=_("Bouquets"),
        description=_(
            "Les bouquets de la démarche : des propositions sur un même besoin, regroupées pour que les moyens "
            "soient donnés une fois, avec leur taille et les soutiens de leurs propositions."
        ),
        columns=(
            Column("id", "integer", _("Numéro"), _("Numéro du bouquet."), True, True),
            Column("nom", "string", _("Nom"), _("Nom du bouquet."), required=True),
            Column("theme", "string", _("Thème"), _("Thème du regroupement.")),
            Column("mots_cles", "string", _("Mots-clés"), _("Mots-clés, séparés par des virgules.")),
            Column("epingle", "boolean", _("Épinglé"), _("Vrai si un agent a épinglé le bouquet."), True),
            Column(
                "propositions", "integer", _("Propositions"), _("Nombre de propositions."), True, minimum=0
            ),
            Column("soutiens", "integer", _("Soutiens"), _("Soutiens de ses propositions."), True, minimum=0),
            Column("cree_le", "datetime", _("Créé le"), _("Date de création (UTC)."), required=True),
        ),
        rows=_bouquet_rows,
        count=lambda process: _bouquets(process).count(),
        updated=lambda process: _latest(_bouquets(process)),
        available=_uses_bouquets,
        primary_key=("id",),
        position=20,
    )
)


def _member_rows(process: Process) -> Iterator[Row]:
    yield from (
        _members(process)
        .order_by("bouquet_id", "proposal_id")
        .values_list("bouquet_id", "proposal_id", "status")
        .iterator(chunk_size=CHUNK)
    )


MEMBERS = register(
    ExportTable(
        name="bouquets-propositions",
        title=_("Propositions de chaque bouquet"),
        description=_("Quelle proposition est dans quel bouquet (une ligne par proposition regroupée)."),
        columns=(
            Column("bouquet", "integer", _("Bouquet"), _("Numéro du bouquet."), required=True),
            Column("proposition", "integer", _("Proposition"), _("Numéro de la proposition."), True, True),
            Column(
                "placement",
                "string",
                _("Placement"),
                _("grouped : placée par le regroupement ; pinned : dans un bouquet épinglé."),
                required=True,
                enum=tuple(Placement.Status.values),
            ),
        ),
        rows=_member_rows,
        count=lambda process: _members(process).count(),
        updated=lambda process: _latest(_members(process)),
        available=_uses_bouquets,
        primary_key=("proposition",),
        position=30,
        foreign_keys=(("bouquet", "bouquets", "id"), ("proposition", "propositions", "id")),
    )
)
