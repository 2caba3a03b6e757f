"""Everything Bouquet holds about one person, read from every app, as plain rows.

This app stands above the other domain apps because a person's data is spread over all of them. The accounts,
proposals, budgets and roles are read here; every app that came later reads its own part
(``<app>.selectors.personal_data``), listed in ``PARTS``, and ``bouquet/privacy/coverage.py`` says, field by field,
how each table about a person is exported and erased (a test fails when a new one is not there). Secret ballots are
not here: nothing links them to anyone (that is the point)."""

from collections.abc import Callable
from typing import Any

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount

from bouquet.accounts.models import User, Verification
from bouquet.analytics import selectors as analytics
from bouquet.budgets.models import BallotLine, Participation
from bouquet.conversations import selectors as conversations
from bouquet.core.personal import Rows
from bouquet.incubator import selectors as incubator
from bouquet.notifications import selectors as notifications
from bouquet.outreach import selectors as outreach
from bouquet.places import selectors as places
from bouquet.projects import selectors as projects
from bouquet.proposals.models import CoauthorRequest, Comment, Proposal, Report, Support
from bouquet.roles.models import RoleGrant

# Each app that reads its own part of a person's data, in the order of the export.
PARTS: tuple[Callable[..., dict[str, Rows]], ...] = (
    notifications.personal_data,
    places.personal_data,
    outreach.personal_data,
    conversations.personal_data,
    incubator.personal_data,
    projects.personal_data,
    analytics.personal_data,
)


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _rows(queryset: Any, fields: list[str]) -> Rows:
    return [{field: _iso(row[field]) for field in fields} for row in queryset.values(*fields)]


def personal_data(*, person: User) -> dict[str, Rows]:
    """One list of rows per kind of data held about ``person`` (the tables of their export)."""
    proposals = Proposal.objects.filter(author=person) | Proposal.objects.filter(coauthors=person)
    participations = Participation.objects.filter(voter=person).select_related("budget")
    named_ballots = [p.ballot_ref for p in participations if p.ballot_ref is not None]
    tables = {
        "compte": [
            {
                "adresse_email": person.email,
                "nom_affiche": person.display_name,
                "role": person.role,
                "quartier": person.district.name if person.district else "",
                "inscrit_le": _iso(person.date_joined),
                "derniere_connexion": _iso(person.last_login),
            }
        ],
        "adresses_email": _rows(EmailAddress.objects.filter(user=person), ["email", "verified", "primary"]),
        "comptes_de_l_etat": _rows(
            SocialAccount.objects.filter(user=person).order_by("id"),
            ["provider", "uid", "date_joined", "last_login"],
        ),
        "jetons_api": _rows(person.api_tokens.all(), ["name", "created_at", "last_used_at"]),
        "identite_verifiee": [
            {
                "verifiee_le": _iso(v.updated_at),
                "moyen": v.get_method_display(),
                "fournisseur": v.provider,
                "piece_presentee": v.get_document_kind_display() if v.document_kind else "",
                "agent": v.checked_by.public_name if v.checked_by else "",
                "date_de_naissance": _iso(v.birthdate),
                "empreinte_de_l_identite": v.identity,
            }
            for v in Verification.objects.filter(user=person).select_related("checked_by")
        ],
        "roles_sur_demarche_ou_quartier": _rows(
            RoleGrant.objects.filter(person=person).order_by("id"),
            ["role", "process__title", "district__name", "created_at"],
        ),
        "propositions": _rows(
            proposals.distinct().order_by("id"),
            [
                "id",
                "process__title",
                "title",
                "body",
                "address",
                "latitude",
                "longitude",
                "status",
                "created_at",
            ],
        ),
        "commentaires": _rows(
            Comment.objects.filter(author=person).order_by("id"),
            ["id", "proposal_id", "parent_id", "body", "moderation", "created_at"],
        ),
        "soutiens": _rows(
            Support.objects.filter(citizen=person).order_by("id"),
            ["proposal_id", "proposal__title", "created_at"],
        ),
        "signalements": _rows(
            Report.objects.filter(reporter=person).order_by("id"),
            ["proposal_id", "comment_id", "reason", "resolved", "created_at"],
        ),
        "demandes_de_coecriture": _rows(
            CoauthorRequest.objects.filter(requester=person).order_by("id"),
            ["proposal_id", "proposal__title", "message", "state", "created_at", "answered_at"],
        ),
        "participations_budgets": [
            {
                "budget": p.budget.title,
                "canal": p.channel,
                "le": _iso(p.created_at.date()),
                "bulletin_secret": p.budget.is_secret,
            }
            for p in participations.order_by("id")
        ],
        "choix_des_votes_nominatifs": _rows(
            BallotLine.objects.filter(ballot_id__in=named_ballots).order_by(
                "ballot__budget_id", "project__title"
            ),
            ["ballot__budget__title", "project__title", "points"],
        ),
    }
    for part in PARTS:
        for name, found in part(person=person).items():
            if name in tables:
                raise ValueError(f"two apps export a table named {name}")
            tables[name] = found
    return tables
