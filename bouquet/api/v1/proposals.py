"""Proposals, comments and supports."""

import datetime as dt
from typing import Annotated, Literal

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import ConfigDict

from bouquet.api.v1.auth import WRITE_AUTH
from bouquet.api.v1.idempotency import idempotency_key
from bouquet.api.v1.pagination import BoundedPages
from bouquet.api.v1.params import RowId
from bouquet.bouquets.flows import submit_and_place_proposal
from bouquet.core.errors import Conflict, InvalidInput
from bouquet.core.limits import check_limit
from bouquet.places.models import District
from bouquet.processes.models import Component, Process
from bouquet.processes.selectors import processes_for_list
from bouquet.proposals import selectors
from bouquet.proposals.models import (
    ADDRESS_MAX,
    BODY_MAX,
    COMMENT_MAX,
    TITLE_MAX,
    Comment,
    Moderation,
    Proposal,
    Theme,
)
from bouquet.proposals.services import (
    ProposalInput,
    add_comment,
    add_support,
    remove_support,
)

router = Router(tags=["proposals"])


class Strict(Schema):
    # Unknown fields are refused, never silently ignored or assigned.
    model_config = ConfigDict(extra="forbid")


class ProposalOut(Schema):
    id: int
    process_id: int
    title: str
    body: str
    status: str
    origin: str
    district_id: int | None
    theme_id: int | None
    latitude: float | None
    longitude: float | None
    support_count: int
    comment_count: int
    created_at: dt.datetime
    author: str
    url: str

    @staticmethod
    def resolve_author(obj: Proposal) -> str:
        return obj.author.public_name

    @staticmethod
    def resolve_url(obj: Proposal) -> str:
        return obj.get_absolute_url()


class ProposalDetailOut(ProposalOut):
    address: str
    answer: str
    answered_at: dt.datetime | None
    coauthors: list[str]

    @staticmethod
    def resolve_coauthors(obj: Proposal) -> list[str]:
        return [user.public_name for user in obj.coauthors.all()]


class ProposalIn(Strict):
    title: Annotated[str, Field(max_length=TITLE_MAX)]
    body: Annotated[str, Field(max_length=BODY_MAX)]
    district_id: RowId | None = None
    theme_id: RowId | None = None
    latitude: Annotated[float, Field(ge=-90, le=90)] | None = None
    longitude: Annotated[float, Field(ge=-180, le=180)] | None = None
    address: Annotated[str, Field(max_length=ADDRESS_MAX)] = ""


class ReplyOut(Schema):
    id: int
    body: str
    author: str
    created_at: dt.datetime

    @staticmethod
    def resolve_author(obj: Comment) -> str:
        return obj.author.public_name


class CommentOut(ReplyOut):
    hidden: bool
    replies: list[ReplyOut]

    @staticmethod
    def resolve_hidden(obj: Comment) -> bool:
        return obj.moderation != Moderation.PUBLISHED

    @staticmethod
    def resolve_body(obj: Comment) -> str:
        return obj.body if obj.moderation == Moderation.PUBLISHED else ""

    @staticmethod
    def resolve_replies(obj: Comment) -> list[Comment]:
        return list(getattr(obj, "visible_replies", []))


class CommentIn(Strict):
    body: Annotated[str, Field(max_length=COMMENT_MAX)]
    parent_id: RowId | None = None


class SupportOut(Schema):
    proposal_id: int
    support_count: int
    created: bool
    message: str


class ListQuery(Schema):
    district: RowId | None = None
    theme: RowId | None = None
    status: Literal["submitted", "under_study", "accepted", "rejected", "withdrawn"] | None = None
    q: Annotated[str, Field(max_length=200)] = ""
    sort: Literal["recent", "supports", "random", "relevance"] = "recent"
    seed: Annotated[int, Field(ge=0, le=2**31)] = 1


class ThemeOut(Schema):
    id: int
    slug: str
    name: str


def _using_proposals(process: Process) -> Process:
    """As the pages: a process that does not use proposals has none to list, show or take (404)."""
    if not process.uses(Component.PROPOSALS):
        raise Http404
    return process


def _visible_proposal(pk: int) -> Proposal:
    proposal = get_object_or_404(Proposal.objects.public().select_related("process", "author"), pk=pk)
    _using_proposals(proposal.process)
    return proposal


@router.get("/themes", response=list[ThemeOut], summary="Themes")
def list_themes(request: HttpRequest) -> object:
    """All themes."""
    return Theme.objects.order_by("name")


@router.get("/processes/{slug}/proposals", response=list[ProposalOut], summary="Proposals of a process")
@paginate(BoundedPages, page_size=selectors.PAGE_SIZE)
def list_proposals(request: HttpRequest, slug: str, filters: Query[ListQuery]) -> object:
    """Visible proposals, filtered, searched (French full text) and sorted."""
    process = _using_proposals(get_object_or_404(selectors.processes_for_proposal_pages(), slug=slug))
    return selectors.proposals_for_list(
        process=process,
        filters=selectors.ProposalFilters(
            district=filters.district,
            theme=filters.theme,
            status=filters.status,
            query=filters.q,
            sort=filters.sort,
            seed=filters.seed,
        ),
    )


@router.post(
    "/processes/{slug}/proposals",
    response={201: ProposalDetailOut},
    auth=WRITE_AUTH,
    summary="Submit a proposal",
)
def create_proposal(request: HttpRequest, slug: str, payload: ProposalIn) -> Status:
    """Submit a proposal during the proposals phase; it is placed in a bouquet in the background."""
    check_limit(request, "proposal")
    process = _using_proposals(get_object_or_404(processes_for_list(), slug=slug))
    errors: dict[str, str] = {}
    district = theme = None
    if payload.district_id is not None:
        district = District.objects.filter(pk=payload.district_id).first()
        if district is None:
            errors["district_id"] = _("Quartier inconnu.")
    if payload.theme_id is not None:
        theme = Theme.objects.filter(pk=payload.theme_id).first()
        if theme is None:
            errors["theme_id"] = _("Thème inconnu.")
    if (payload.latitude is None) != (payload.longitude is None):
        errors["latitude" if payload.latitude is None else "longitude"] = _(
            "Indiquez la latitude et la longitude, ou aucune des deux."
        )
    if errors:
        raise InvalidInput(_("La proposition n'a pas été enregistrée."), field_errors=errors)
    place = (payload.latitude, payload.longitude) if payload.latitude is not None else None
    proposal = submit_and_place_proposal(
        author=request.user,  # type: ignore[arg-type]
        process=process,
        data=ProposalInput(
            title=payload.title,
            body=payload.body,
            district=district,
            theme=theme,
            place=place,  # type: ignore[arg-type]
            address=payload.address,
            submission_key=idempotency_key(request),
        ),
    )
    return Status(201, selectors.proposal_for_page(pk=proposal.pk))


@router.get("/proposals/{pk}", response=ProposalDetailOut, summary="One proposal")
def get_proposal(request: HttpRequest, pk: int) -> object:
    """A visible proposal with its answer and co-authors."""
    proposal = selectors.proposal_for_page(pk=_visible_proposal(pk).pk)
    return proposal


@router.get("/proposals/{pk}/comments", response=list[CommentOut], summary="Comments of a proposal")
@paginate(BoundedPages, page_size=selectors.COMMENTS_PAGE_SIZE)
def list_comments(request: HttpRequest, pk: int) -> object:
    """Top-level comments, oldest first, each with its visible replies (hidden ones keep their place)."""
    return selectors.comments_for_thread(proposal=_visible_proposal(pk))


@router.post(
    "/proposals/{pk}/comments", response={201: CommentOut}, auth=WRITE_AUTH, summary="Comment on a proposal"
)
def create_comment(request: HttpRequest, pk: int, payload: CommentIn) -> Status:
    """Comment, or reply to a comment of the same proposal."""
    check_limit(request, "comment")
    proposal = _visible_proposal(pk)
    parent = None
    if payload.parent_id is not None:
        parent = Comment.objects.filter(pk=payload.parent_id).first()
        if parent is None:
            raise InvalidInput(
                _("Le commentaire n'a pas été publié."), field_errors={"parent_id": _("Inconnu.")}
            )
    comment = add_comment(
        author=request.user,  # type: ignore[arg-type]
        proposal=proposal,
        body=payload.body,
        parent=parent,
        submission_key=idempotency_key(request),
    )
    comment.visible_replies = []  # type: ignore[attr-defined]
    return Status(201, comment)


@router.post(
    "/proposals/{pk}/support", response={201: SupportOut}, auth=WRITE_AUTH, summary="Support a proposal"
)
def support_proposal(request: HttpRequest, pk: int) -> Status:
    """Support a proposal once; a second support is refused with 409 and changes nothing."""
    check_limit(request, "support")
    proposal = _visible_proposal(pk)
    _support, created = add_support(citizen=request.user, proposal=proposal)  # type: ignore[arg-type]
    if not created:
        raise Conflict(_("Vous soutenez déjà cette proposition."))
    proposal.refresh_from_db(fields=["support_count"])
    return Status(
        201,
        {
            "proposal_id": proposal.pk,
            "support_count": proposal.support_count,
            "created": True,
            "message": _("Votre soutien est enregistré."),
        },
    )


@router.delete("/proposals/{pk}/support", response=SupportOut, auth=WRITE_AUTH, summary="Withdraw a support")
def unsupport_proposal(request: HttpRequest, pk: int) -> dict[str, object]:
    """Take one's support back during the supports phase."""
    proposal = _visible_proposal(pk)
    removed = remove_support(citizen=request.user, proposal=proposal)  # type: ignore[arg-type]
    proposal.refresh_from_db(fields=["support_count"])
    return {
        "proposal_id": proposal.pk,
        "support_count": proposal.support_count,
        "created": False,
        "message": _("Votre soutien est retiré.")
        if removed
        else _("Vous ne souteniez pas cette proposition."),
    }
