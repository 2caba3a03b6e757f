"""Pages of proposals: thin views that parse input, call a service or selector, and render."""

import random
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bouquet.bouquets.flows import submit_and_place_proposal
from bouquet.bouquets.selectors import similar_proposals
from bouquet.core.errors import ActionNotAllowed, DomainError, InvalidInput
from bouquet.core.limits import check_limit, limited
from bouquet.processes.models import Action, Component, Process
from bouquet.processes.selectors import current_phase, process_allows
from bouquet.proposals import rules, selectors, services
from bouquet.proposals.models import CoauthorRequest, Comment, ModerationDecision, Origin, Proposal, Status
from bouquet.www.auth import signed_in_user
from bouquet.www.components import require_component
from bouquet.www.forms import form_field_errors, submit_form
from bouquet.www.places.moderation import places_moderation
from bouquet.www.places.remembers import narrow_places, what_the_place_remembers
from bouquet.www.proposals.forms import (
    AnswerForm,
    CoauthorRequestForm,
    CommentForm,
    FilterForm,
    ModerationFilterForm,
    ModerationForm,
    ProposalForm,
    RecordedProposalForm,
    ReportForm,
)


def _process_or_404(slug: str) -> Process:
    process = get_object_or_404(selectors.processes_for_proposal_pages(), slug=slug)
    require_component(process, Component.PROPOSALS)
    return process


def _readable_proposal(request: HttpRequest, pk: int) -> Proposal:
    """The proposal, or 404 for whoever may not read it: what one may not see answers as if it did not exist,
    on every page about it (a 403 would say that it exists) and in the API."""
    proposal = get_object_or_404(Proposal.objects.select_related("process"), pk=pk)
    if not rules.can_read(request.user, proposal):
        raise Http404
    require_component(proposal.process, Component.PROPOSALS)
    return proposal


def _filters(request: HttpRequest) -> tuple[FilterForm, selectors.ProposalFilters]:
    form = FilterForm(request.GET or None)
    data: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    try:
        seed = int(request.GET.get("graine", "")) % 1_000_000
    except ValueError:
        seed = random.randint(1, 999_999)  # noqa: S311  # nosec B311  # only an order to show, not a secret
    filters = selectors.ProposalFilters(
        district=data["district"].pk if data.get("district") else None,
        theme=data["theme"].pk if data.get("theme") else None,
        status=data.get("status") or None,
        query=data.get("q", ""),
        sort=data.get("sort") or ("relevance" if data.get("q") else "recent"),
        seed=seed,
    )
    return form, filters


@require_GET
def proposal_list(request: HttpRequest, slug: str) -> HttpResponse:
    """A process's proposals as a filtered, paginated list, with a map above it."""
    process = _process_or_404(slug)
    form, filters = _filters(request)
    page = selectors.paginate(
        selectors.proposals_for_list(process=process, filters=filters), page=request.GET.get("page")
    )
    supported = selectors.supported_ids(user=request.user, proposal_ids=[p.pk for p in page.object_list])
    return render(
        request,
        "proposals/proposal_list.html",
        {
            "process": process,
            "phase": current_phase(process),
            "form": form,
            "page": page,
            "seed": filters.seed,
            "sort": filters.sort,
            "supported": supported,
            "can_submit": rules.can_submit(request.user, process),
            "submissions_open": rules.submissions_open(process),
            "show_map": request.GET.get("vue") == "carte",
        },
    )


@require_GET
def proposal_map_data(request: HttpRequest, slug: str) -> JsonResponse:
    """The located proposals matching the same filters as the list, as compact rows for the map."""
    process = _process_or_404(slug)
    _form, filters = _filters(request)
    points = selectors.proposals_for_map(process=process, filters=filters)
    return JsonResponse({"fields": selectors.MAP_FIELDS, "points": points})


def _form_class(request: HttpRequest, process: Process) -> type[ProposalForm]:
    return RecordedProposalForm if rules.can_record_for_others(request.user, process) else ProposalForm


_PLACE_PARAMS = {"latitude": "latitude", "longitude": "longitude", "address": "adresse"}


@login_required
def proposal_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Propose something in a process."""
    process = _process_or_404(slug)
    if not rules.can_submit(request.user, process):
        messages.error(request, _("Le dépôt de propositions n'est pas ouvert pour cette démarche."))
        return redirect(process)
    form_class = _form_class(request, process)
    # The address search page (without JavaScript) comes back here with the place it found.
    found = {
        key: request.GET.get(param, "")[:200] for key, param in _PLACE_PARAMS.items() if param in request.GET
    }
    if request.GET.get("lieu", "").isdigit():
        found["lieu"] = request.GET["lieu"]
    form = form_class(request.POST or None, initial={"district": process.district_id, **found})
    narrow_places(form, process)
    status = 200
    similar: list[Any] = []
    if request.method == "POST":
        if form.is_valid() and not request.POST.get("confirmer"):
            # Before publishing, show proposals that already say the same thing (works without JavaScript).
            data = form.cleaned_data
            similar = similar_proposals(process=process, text=f"{data['title']}. {data['body']}")
        if not similar:
            outcome = submit_form(
                form,
                limited(
                    request,
                    "proposal",
                    lambda: submit_and_place_proposal(
                        author=signed_in_user(request),
                        process=process,
                        data=form.to_input(),
                        origin=Origin(form.cleaned_data.get("origin") or Origin.ONLINE),
                    ),
                ),
            )
            if outcome.ok:
                messages.success(request, _("Merci ! Votre proposition est publiée."))
                return redirect(outcome.value)
            status = outcome.status
        else:
            status = 200  # a valid form, shown again with the similar proposals before confirmation
    context = {
        "process": process,
        "form": form,
        "editing": False,
        "similar": similar,
        "supports_open": bool(similar) and process_allows(process, Action.SUPPORT),
        **what_the_place_remembers(form),
    }
    return render(request, "proposals/proposal_form.html", context, status=status)


@login_required
def proposal_ask_to_join(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask the authors of a proposal to co-sign it (with an optional message); they accept or refuse."""
    proposal = _readable_proposal(request, pk)
    if request.method != "POST":
        # Say why before the person writes anything (their own proposal, a withdrawn one...).
        services.check_coauthorship_request(citizen=signed_in_user(request), proposal=proposal)
    form = CoauthorRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form,
            lambda: services.request_coauthorship(
                citizen=signed_in_user(request), proposal=proposal, message=form.cleaned_data["message"]
            ),
        )
        if outcome.ok:
            messages.success(
                request,
                _("Votre demande est envoyée : les auteurs de la proposition vont l'accepter ou la refuser."),
            )
            return redirect(proposal)
        status = outcome.status
    return render(
        request, "proposals/coauthor_request_form.html", {"proposal": proposal, "form": form}, status=status
    )


@require_POST
@login_required
def coauthor_request_answer(request: HttpRequest, pk: int, request_pk: int) -> HttpResponse:
    """An author accepts or refuses a request to join the proposal."""
    proposal = _readable_proposal(request, pk)
    join_request = get_object_or_404(CoauthorRequest, pk=request_pk, proposal=proposal)
    decision = request.POST.get("decision")
    if decision not in {"accepter", "refuser"}:
        raise InvalidInput(_("Choisissez d'accepter ou de refuser la demande."))
    answered = services.answer_coauthor_request(
        author=signed_in_user(request), request=join_request, accept=decision == "accepter"
    )
    who = answered.requester.public_name
    if answered.state == CoauthorRequest.State.ACCEPTED:
        messages.success(request, _("%(who)s co-signe maintenant la proposition.") % {"who": who})
    else:
        messages.success(request, _("La demande de %(who)s est refusée.") % {"who": who})
    return redirect(proposal)


@require_POST
@login_required
def proposal_leave(request: HttpRequest, pk: int) -> HttpResponse:
    """A co-author stops co-signing the proposal."""
    proposal = _readable_proposal(request, pk)
    services.leave_coauthorship(coauthor=signed_in_user(request), proposal=proposal)
    messages.success(request, _("Vous ne co-signez plus cette proposition."))
    return redirect(proposal)


@require_GET
def proposal_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Who changed what in a proposal, and when."""
    proposal = _readable_proposal(request, pk)
    context = {
        "proposal": proposal,
        "process": proposal.process,
        "revisions": selectors.proposal_history(proposal=proposal),
    }
    return render(request, "proposals/proposal_history.html", context)


@login_required
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change one's proposal while nobody supports it yet."""
    proposal = _readable_proposal(request, pk)
    if not rules.can_edit(request.user, proposal):
        raise PermissionDenied(_("Vous ne pouvez pas modifier cette proposition."))
    initial = {
        "title": proposal.title,
        "body": proposal.body,
        "district": proposal.district_id,
        "theme": proposal.theme_id,
        "address": proposal.address,
        "latitude": proposal.latitude or "",
        "longitude": proposal.longitude or "",
        "lieu": proposal.place_id,
    }
    form = ProposalForm(request.POST or None, initial=initial)
    narrow_places(form, proposal.process)
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form,
            lambda: services.edit_proposal(
                editor=signed_in_user(request), proposal=proposal, data=form.to_input()
            ),
        )
        if outcome.ok:
            messages.success(request, _("Votre proposition est modifiée."))
            return redirect(proposal)
        status = outcome.status
    return render(
        request,
        "proposals/proposal_form.html",
        {"process": proposal.process, "form": form, "editing": True, "proposal": proposal},
        status=status,
    )


@login_required
def proposal_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw one's proposal, after a confirmation step (a page, so that it works without JavaScript)."""
    proposal = _readable_proposal(request, pk)
    if not rules.can_withdraw(request.user, proposal):
        raise ActionNotAllowed(_("Vous ne pouvez pas retirer cette proposition."))
    if request.method == "POST" and request.POST.get("confirmer") == "oui":
        services.withdraw_proposal(actor=signed_in_user(request), proposal=proposal)
        messages.success(request, _("Votre proposition est retirée."))
        return redirect(proposal)
    return render(request, "proposals/proposal_withdraw.html", {"proposal": proposal})


def _support_context(request: HttpRequest, proposal: Proposal) -> dict[str, Any]:
    return {
        "proposal": proposal,
        "supported": bool(selectors.supported_ids(user=request.user, proposal_ids=[proposal.pk])),
        "can_support": rules.can_support(request.user, proposal),
        "supports_open": process_allows(proposal.process, Action.SUPPORT),
    }


def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A proposal, its answer, its supports and its comment thread."""
    try:
        proposal = selectors.proposal_for_page(pk=pk)
    except Proposal.DoesNotExist as exc:
        raise Http404 from exc
    if not rules.can_read(request.user, proposal):
        raise Http404  # what one may not see answers as if it did not exist, here and in the API
    require_component(proposal.process, Component.PROPOSALS)
    authored = rules.is_author(request.user, proposal)
    thread = selectors.comment_thread(
        proposal=proposal, page=request.GET.get("commentaires"), with_hidden_replies=True
    )
    comments = [c for top in thread.object_list for c in (top, *top.thread_replies)]  # type: ignore[attr-defined]
    decisions = selectors.hiding_decisions_for_comments(comments=comments)
    for comment in comments:
        comment.hidden_by = decisions.get(comment.pk)  # type: ignore[attr-defined]
    context = _support_context(request, proposal) | {
        "process": proposal.process,
        "phase": current_phase(proposal.process),
        "thread": thread,
        "comment_form": CommentForm(),
        "can_comment": rules.can_comment(request.user, proposal),
        "can_edit": rules.can_edit(request.user, proposal),
        "can_withdraw": rules.can_withdraw(request.user, proposal),
        "can_answer": rules.can_answer(request.user, proposal),
        "can_moderate": rules.can_moderate(request.user, proposal),  # comments share their proposal's scope
        "answer_form": AnswerForm(initial={"status": proposal.status, "answer": proposal.answer}),
        "is_author": authored,
        "is_first_author": rules.is_first_author(request.user, proposal),
        "can_leave": rules.can_leave(request.user, proposal),
        "can_ask_to_join": rules.can_request_coauthorship(request.user, proposal),
        "join_requests": (
            list(selectors.pending_coauthor_requests(proposal=proposal))
            if rules.can_answer_coauthor_request(request.user, proposal)
            else []
        ),
        "hidden_by": selectors.hiding_decision(proposal=proposal),
    }
    return render(request, "proposals/proposal_detail.html", context)


@require_POST
def proposal_support(request: HttpRequest, pk: int) -> HttpResponse:
    """Support a proposal (or take the support back); htmx gets the button back, others a redirect."""
    proposal = _readable_proposal(request, pk)
    if not request.user.is_authenticated:
        messages.info(request, _("Connectez-vous pour soutenir cette proposition."))
        login = f"{reverse('account_login')}?next={proposal.get_absolute_url()}"
        if request.htmx:  # type: ignore[attr-defined]
            # A whole page, not the box: htmx would otherwise swap the login form into the support box.
            return HttpResponse(status=204, headers={"HX-Redirect": login})
        return redirect(login)
    status = 200
    try:
        if request.POST.get("action") == "retirer":
            services.remove_support(citizen=signed_in_user(request), proposal=proposal)
            note = _("Votre soutien est retiré.")
        else:
            check_limit(request, "support")
            _support, created = services.add_support(citizen=signed_in_user(request), proposal=proposal)
            note = (
                _("Merci, votre soutien est enregistré.")
                if created
                else _("Vous soutenez déjà cette proposition.")
            )
    except DomainError as error:
        note, status = str(error.message), error.status_code
    proposal.refresh_from_db(fields=["support_count"])
    if request.htmx:  # type: ignore[attr-defined]
        return render(
            request,
            "proposals/_support.html",
            _support_context(request, proposal) | {"note": note},
            status=status,
        )
    (messages.success if status == 200 else messages.error)(request, note)
    return redirect(proposal)


def _parent_comment(parent_id: int | None) -> Comment | None:
    return Comment.objects.filter(pk=parent_id).first() if parent_id else None


@require_POST
@login_required
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Post a comment or a reply."""
    proposal = _readable_proposal(request, pk)
    form = CommentForm(request.POST)
    outcome = submit_form(
        form,
        limited(
            request,
            "comment",
            lambda: services.add_comment(
                author=signed_in_user(request),
                proposal=proposal,
                body=form.cleaned_data["body"],
                parent=_parent_comment(form.cleaned_data.get("parent")),
                submission_key=form.cleaned_data.get("cle"),
            ),
        ),
    )
    if outcome.ok:
        comment = outcome.value
        if request.htmx:  # type: ignore[attr-defined]
            comment.thread_replies = []  # type: ignore[attr-defined]
            return render(
                request, "proposals/_comment_posted.html", {"comment": comment, "proposal": proposal}
            )
        messages.success(request, _("Votre commentaire est publié."))
        return redirect(comment)
    if request.htmx and not request.POST.get("parent"):  # type: ignore[attr-defined]
        # The form comes back in place, with its errors and the text kept.
        response = render(
            request, "proposals/_comment_form.html", {"proposal": proposal, "comment_form": form}, status=422
        )
        response["HX-Retarget"] = "#formulaire-commentaire"
        response["HX-Reswap"] = "outerHTML"
        return response
    context = {"proposal": proposal, "form": form, "parent": request.POST.get("parent")}
    return render(request, "proposals/comment_form.html", context, status=outcome.status)


def _report(request: HttpRequest, *, proposal: Proposal | None, comment: Comment | None) -> HttpResponse:
    item = proposal if proposal is not None else comment
    if item is None:
        raise Http404
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form,
            limited(
                request,
                "report",
                lambda: services.report_item(
                    reporter=signed_in_user(request),
                    reason=form.cleaned_data["reason"],
                    proposal=proposal,
                    comment=comment,
                ),
            ),
        )
        if outcome.ok:
            messages.success(request, _("Merci, votre signalement est transmis à la modération."))
            return redirect(item)
        if outcome.error is not None and outcome.error.status_code == 409:
            messages.info(request, str(outcome.error.message))  # already reported: not a mistake
            return redirect(item)
        status = outcome.status
    return render(request, "proposals/report_form.html", {"form": form, "item": item}, status=status)


@login_required
def report_proposal(request: HttpRequest, pk: int) -> HttpResponse:
    """Report a proposal to the moderators."""
    return _report(request, proposal=_readable_proposal(request, pk), comment=None)


@login_required
def report_comment(request: HttpRequest, pk: int) -> HttpResponse:
    """Report a comment to the moderators."""
    comment = get_object_or_404(Comment.objects.select_related("proposal__process"), pk=pk)
    if not rules.can_read_comment(request.user, comment):
        raise Http404
    return _report(request, proposal=None, comment=comment)


@require_POST
@login_required
def proposal_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """An agent records the authority's decision and public answer."""
    proposal = _readable_proposal(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        raise InvalidInput(_("La réponse n'a pas été enregistrée."), field_errors=form_field_errors(form))
    services.answer_proposal(
        agent=signed_in_user(request),
        proposal=proposal,
        status=Status(form.cleaned_data["status"]),
        answer=form.cleaned_data["answer"],
    )
    messages.success(request, _("La réponse est publiée."))
    return redirect(proposal)


@login_required
def moderation_queue(request: HttpRequest) -> HttpResponse:
    """Moderators' queue, within what they moderate: reported items and items awaiting a decision first, then
    the recent decisions with their reason, moderator and date; one process if asked."""
    if not rules.can_moderate(request.user):
        raise PermissionDenied(_("Réservé aux modérateurs."))
    moderator = signed_in_user(request)
    processes = selectors.processes_moderated_by(user=moderator)
    form = ModerationFilterForm(request.GET or None, processes=processes)
    process = form.cleaned_data.get("demarche") if form.is_valid() else None
    queue = selectors.moderation_queue(user=moderator, process=process)
    return render(
        request,
        "proposals/moderation_queue.html",
        {
            "filter_form": form,
            "process": process,
            "proposals": selectors.paginate(queue["proposals"], page=request.GET.get("page")),
            "comments": selectors.paginate(queue["comments"], page=request.GET.get("page_commentaires")),
            "decisions": selectors.paginate(
                selectors.recent_decisions(user=moderator, process=process),
                page=request.GET.get("page_decisions"),
            ),
            "form": ModerationForm(),
            **places_moderation(moderator, page=request.GET.get("page_souvenirs")),
        },
    )


def _moderated_item(request: HttpRequest, kind: str, pk: int) -> dict[str, Any]:
    """The item to decide on; what the person may not read answers as if it did not exist."""
    if kind == "proposition":
        proposal = get_object_or_404(Proposal.objects.select_related("process"), pk=pk)
        if not rules.can_read(request.user, proposal):
            raise Http404
        return {"proposal": proposal}
    if kind == "commentaire":
        comment = get_object_or_404(Comment.objects.select_related("proposal__process"), pk=pk)
        if not rules.can_read_comment(request.user, comment):
            raise Http404
        return {"comment": comment}
    raise Http404


def _next_page(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@require_POST
@login_required
def moderate(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Hide or restore a proposal or a comment, reported or not, with a reason the author will read."""
    target = _moderated_item(request, kind, pk)
    verdict_value = request.POST.get("verdict", "")
    if verdict_value not in ModerationDecision.Verdict.values:
        raise InvalidInput(_("Choisissez de masquer ou de rétablir ce contenu."))
    decision = services.moderate_item(
        moderator=signed_in_user(request),
        verdict=ModerationDecision.Verdict(verdict_value),
        reason=request.POST.get("reason", ""),
        **target,
    )
    messages.success(
        request,
        _("Le contenu est masqué ; son auteur voit le motif.")
        if decision.verdict == ModerationDecision.Verdict.HIDE
        else _("Le contenu est rétabli."),
    )
    return redirect(_next_page(request, reverse("proposals:moderation")))
