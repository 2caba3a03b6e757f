"""Everything Bouquet holds about one person, read from every app, as plain rows.

This app stands above the other domain apps because a person's data is spread over all of them; each table below
says where it comes from. Secret ballots are not here: nothing links them to anyone (that is the point)."""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount

from bouquet.accounts.models import User, Verification
from bouquet.budgets.models import BallotLine, Participation
from bouquet.proposals.models import Comment, Proposal, Report, Support

Rows = list[dict[str, Any]]


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _rows(queryset: Any, fields: list[str]) -> Rows:
    return [{field: _iso(row[field]) for field in fields} for row in queryset.values(*fields)]


def personal_data(*, person: User) -> dict[str, Rows]:
    """One list of rows per kind of data held about ``person`` (the tables of their export)."""
    proposals = Proposal.objects.filter(author=person) | Proposal.objects.filter(coauthors=person)
    participations = Participation.objects.filter(voter=person).select_related("budget")
    named_ballots = [p.ballot_ref for p in participations if p.ballot_ref is not None]
    return {
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
