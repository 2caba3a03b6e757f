"""Proposals, their comments (without personal data) and their supports counted by day."""

import datetime as dt
from collections.abc import Iterator

from django.db.models import Count, Max, QuerySet
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from bouquet.analytics.exports.registry import Column, ExportTable, Row, register
from bouquet.processes.models import Component, Process
from bouquet.proposals.models import Comment, Moderation, Origin, Proposal, Status, Support, public_condition

CHUNK = 2000


def _proposals(process: Process) -> QuerySet[Proposal]:
    return Proposal.objects.public().filter(process=process)


def _uses_proposals(process: Process) -> bool:
    return process.uses(Component.PROPOSALS)


def _proposal_rows(process: Process) -> Iterator[Row]:
    yield from (
        _proposals(process)
        .order_by("id")
        .values_list(
            "id",
            "title",
            "body",
            "district__name",
            "theme__name",
            "origin",
            "status",
            "support_count",
            "comment_count",
            "latitude",
            "longitude",
            "answer",
            "answered_at",
            "created_at",
        )
        .iterator(chunk_size=CHUNK)
    )


def _updated(queryset: QuerySet[Proposal] | QuerySet[Comment] | QuerySet[Support]) -> dt.datetime | None:
    latest: dt.datetime | None = queryset.aggregate(latest=Max("updated_at"))["latest"]
    return latest


PROPOSALS = register(
    ExportTable(
        name="propositions",
        title=_("Propositions"),
        description=_(
            "Les propositions publiées de la démarche, sans le nom de leurs auteurs : texte, quartier, thème, "
            "origine, statut, soutiens, commentaires, lieu et réponse de la collectivité."
        ),
        columns=(
            Column(
                "id", "integer", _("Numéro"), _("Numéro de la proposition sur la plateforme."), True, True
            ),
            Column("titre", "string", _("Titre"), _("Titre de la proposition."), required=True),
            Column("description", "string", _("Description"), _("Texte de la proposition.")),
            Column("quartier", "string", _("Quartier"), _("Quartier concerné, s'il y en a un.")),
            Column("theme", "string", _("Thème"), _("Thème choisi par l'auteur.")),
            Column(
                "origine",
                "string",
                _("Origine"),
                _("Par où la proposition est arrivée : en ligne, atelier, aller-vers, import."),
                required=True,
                enum=tuple(Origin.values),
            ),
            Column(
                "statut",
                "string",
                _("Statut"),
                _("Où en est la proposition."),
                required=True,
                enum=tuple(Status.values),
            ),
            Column("soutiens", "integer", _("Soutiens"), _("Nombre de soutiens reçus."), True, minimum=0),
            Column(
                "commentaires", "integer", _("Commentaires"), _("Nombre de commentaires."), True, minimum=0
            ),
            Column(
                "latitude", "number", _("Latitude"), _("Latitude du lieu (WGS 84)."), minimum=-90, maximum=90
            ),
            Column(
                "longitude",
                "number",
                _("Longitude"),
                _("Longitude du lieu (WGS 84)."),
                minimum=-180,
                maximum=180,
            ),
            Column("reponse", "string", _("Réponse"), _("Réponse de la collectivité.")),
            Column("repondue_le", "datetime", _("Répondue le"), _("Date de la réponse (UTC).")),
            Column("deposee_le", "datetime", _("Déposée le"), _("Date de dépôt (UTC)."), required=True),
        ),
        rows=_proposal_rows,
        count=lambda process: _proposals(process).count(),
        updated=lambda process: _updated(_proposals(process)),
        available=_uses_proposals,
        primary_key=("id",),
        position=1,
    )
)


def _comments(process: Process) -> QuerySet[Comment]:
    return Comment.objects.filter(
        public_condition(via="proposal__"), proposal__process=process, moderation=Moderation.PUBLISHED
    )


def _comment_rows(process: Process) -> Iterator[Row]:
    """Comments in the order they were written; each author becomes a participant number given in order of
    their first comment in this process: one can follow a conversation without learning who took part."""
    numbers: dict[int, int] = {}
    rows = (
        _comments(process)
        .order_by("created_at", "id")
        .values_list("id", "proposal_id", "parent_id", "author_id", "body", "created_at")
        .iterator(chunk_size=CHUNK)
    )
    for pk, proposal_id, parent_id, author_id, body, created_at in rows:
        number = numbers.setdefault(author_id, len(numbers) + 1)
        yield (pk, proposal_id, parent_id, number, body, created_at)


COMMENTS = register(
    ExportTable(
        name="commentaires",
        title=_("Commentaires"),
        description=_(
            "Les commentaires publiés sur les propositions de la démarche, sans donnée personnelle : chaque "
            "personne y devient un numéro de participant, propre à cette démarche."
        ),
        columns=(
            Column("id", "integer", _("Numéro"), _("Numéro du commentaire."), True, True),
            Column(
                "proposition", "integer", _("Proposition"), _("Numéro de la proposition commentée."), True
            ),
            Column("reponse_a", "integer", _("Réponse à"), _("Numéro du commentaire auquel il répond.")),
            Column(
                "participant",
                "integer",
                _("Participant"),
                _(
                    "Numéro de participant (1 pour la première personne à commenter dans la démarche, et ainsi de suite)."
                ),
                True,
                minimum=1,
            ),
            Column("texte", "string", _("Texte"), _("Texte du commentaire."), required=True),
            Column("publie_le", "datetime", _("Publié le"), _("Date du commentaire (UTC)."), required=True),
        ),
        rows=_comment_rows,
        count=lambda process: _comments(process).count(),
        updated=lambda process: _updated(_comments(process)),
        available=_uses_proposals,
        primary_key=("id",),
        position=2,
        foreign_keys=(("proposition", "propositions", "id"),),
    )
)


def _supports(process: Process) -> QuerySet[Support]:
    return Support.objects.filter(public_condition(via="proposal__"), proposal__process=process)


def _support_rows(process: Process) -> Iterator[Row]:
    yield from (
        _supports(process)
        .annotate(day=TruncDate("created_at", tzinfo=dt.UTC))
        .values_list("proposal_id", "day")
        .annotate(n=Count("id"))
        .order_by("proposal_id", "day")
        .iterator(chunk_size=CHUNK)
    )


SUPPORTS = register(
    ExportTable(
        name="soutiens",
        title=_("Soutiens comptés par jour"),
        description=_(
            "Le nombre de soutiens reçus par chaque proposition, jour par jour, sans dire qui a soutenu."
        ),
        columns=(
            Column("proposition", "integer", _("Proposition"), _("Numéro de la proposition soutenue."), True),
            Column("jour", "date", _("Jour"), _("Jour des soutiens (UTC)."), required=True),
            Column(
                "soutiens",
                "integer",
                _("Soutiens"),
                _("Nombre de soutiens reçus ce jour-là."),
                True,
                minimum=1,
            ),
        ),
        rows=_support_rows,
        count=lambda process: (
            _supports(process)
            .annotate(day=TruncDate("created_at", tzinfo=dt.UTC))
            .values("proposal_id", "day")
            .distinct()
            .count()
        ),
        updated=lambda process: _updated(_supports(process)),
        available=_uses_proposals,
        primary_key=("proposition", "jour"),
        position=3,
        foreign_keys=(("proposition", "propositions", "id"),),
    )
)
