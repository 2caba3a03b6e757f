"""Bouquet pages: the public sees them; agents regroup and curate them."""

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bouquet.bouquets import selectors, services
from bouquet.bouquets.engine import SDGS
from bouquet.bouquets.models import Bouquet, Topic
from bouquet.bouquets.rules import can_curate
from bouquet.core.errors import DomainError
from bouquet.processes.models import Process
from bouquet.processes.selectors import process_for_page
from bouquet.proposals.models import Proposal
from bouquet.www.auth import signed_in_user
from bouquet.www.bouquets.forms import LabelForm, MergeForm, RegroupForm, SdgForm, SplitForm


def _process(slug: str) -> Process:
    try:
        return process_for_page(slug=slug)
    except Process.DoesNotExist as exc:
        raise Http404 from exc


@require_GET
def process_bouquets(request: HttpRequest, slug: str) -> HttpResponse:
    """A process's broad themes and bouquets; agents also get the regrouping and its progress."""
    process = _process(slug)
    curator = can_curate(request.user, process)
    context: dict[str, Any] = {
        "process": process,
        "topics": selectors.bouquets_overview(process=process),
        "ungrouped": selectors.ungrouped_proposals(process=process)[:50],
        "curator": curator,
        "clustering": selectors.latest_clustering(process=process),
        "regroup_form": RegroupForm(),
    }
    return render(request, "bouquets/process_bouquets.html", context)


@require_GET
def clustering_progress(request: HttpRequest, slug: str) -> HttpResponse:
    """The progress box, polled by htmx while a regrouping runs (a plain page without JavaScript)."""
    process = _process(slug)
    clustering = selectors.latest_clustering(process=process)
    template = "bouquets/_progress.html" if request.htmx else "bouquets/progress_page.html"  # type: ignore[attr-defined]
    response = render(request, template, {"process": process, "clustering": clustering})
    if request.htmx and clustering is not None and not clustering.is_active:  # type: ignore[attr-defined]
        response["HX-Refresh"] = "true"  # the run ended: reload the page to show the new bouquets
    return response


@require_POST
@login_required
def regroup(request: HttpRequest, slug: str) -> HttpResponse:
    """Queue a regrouping; it runs in the background and the page shows its progress."""
    process = _process(slug)
    form = RegroupForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("bouquets:process", slug=slug)
    try:
        services.request_grouping(
            agent=signed_in_user(request), process=process, themes=form.cleaned_data.get("themes")
        )
    except DomainError as error:
        if error.status_code == 403:
            raise PermissionDenied(str(error.message)) from error
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Le regroupement est lancé."))
    return redirect("bouquets:process", slug=slug)


@require_GET
def bouquet_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A bouquet: its name, keywords, members and why each one is there."""
    try:
        bouquet = selectors.bouquet_for_page(pk=pk)
    except Bouquet.DoesNotExist as exc:
        raise Http404 from exc
    if not bouquet.process.is_published:
        raise Http404  # as for the process itself, here and in the API
    curator = can_curate(request.user, bouquet.process)
    members = bouquet.members  # type: ignore[attr-defined]
    context: dict[str, Any] = {
        "bouquet": bouquet,
        "process": bouquet.process,
        "members": members,
        "districts": selectors.bouquet_districts(bouquet),
        "supports": sum(p.proposal.support_count for p in members),
        "representatives": [p for p in members if p.proposal_id in set(bouquet.representative_ids)][:3],
        "curator": curator,
        "sdg_names": {s.number: s.name for s in SDGS},
    }
    if curator:
        others = Bouquet.objects.filter(process=bouquet.process).exclude(pk=bouquet.pk).order_by("label")
        split_form = SplitForm()
        cast(forms.ChoiceField, split_form.fields["proposals"]).choices = [
            (p.proposal_id, p.proposal.title) for p in members
        ]
        merge_form = MergeForm()
        cast(forms.ChoiceField, merge_form.fields["others"]).choices = [(b.pk, b.label) for b in others]
        sdg_form = SdgForm(
            initial={"sdgs": bouquet.confirmed_sdgs or [s["number"] for s in bouquet.suggested_sdgs]}
        )
        cast(forms.ChoiceField, sdg_form.fields["sdgs"]).choices = [
            (s.number, f"{s.number}. {s.name}") for s in SDGS
        ]
        context |= {
            "label_form": LabelForm(initial={"label": bouquet.label}),
            "split_form": split_form,
            "merge_form": merge_form,
            "sdg_form": sdg_form,
            "other_bouquets": others,
        }
    return render(request, "bouquets/bouquet_detail.html", context)


def _curate(request: HttpRequest, bouquet: Bouquet, action: Any) -> HttpResponse:
    try:
        result = action()
    except DomainError as error:
        if error.status_code == 403:
            raise PermissionDenied(str(error.message)) from error
        details = " ".join(str(m) for m in error.field_errors.values())
        messages.error(request, f"{error.message} {details}".strip())
        return redirect(bouquet)
    messages.success(request, _("C'est enregistré ; le prochain regroupement en tiendra compte."))
    return redirect(result if isinstance(result, Bouquet) else bouquet)


@require_POST
@login_required
def rename(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename a bouquet."""
    bouquet = get_object_or_404(Bouquet.objects.select_related("process"), pk=pk)
    label = request.POST.get("label", "")
    return _curate(
        request,
        bouquet,
        lambda: services.rename_bouquet(agent=signed_in_user(request), bouquet=bouquet, label=label),
    )


@require_POST
@login_required
def rename_topic(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename a broad theme."""
    topic = get_object_or_404(Topic.objects.select_related("process"), pk=pk)
    try:
        services.rename_topic(agent=signed_in_user(request), topic=topic, label=request.POST.get("label", ""))
    except DomainError as error:
        if error.status_code == 403:
            raise PermissionDenied(str(error.message)) from error
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Le grand thème est renommé."))
    return redirect("bouquets:process", slug=topic.process.slug)


@require_POST
@login_required
def pin(request: HttpRequest, pk: int) -> HttpResponse:
    """Pin or release a bouquet."""
    bouquet = get_object_or_404(Bouquet.objects.select_related("process"), pk=pk)
    pinned = request.POST.get("pinned") == "1"
    return _curate(
        request,
        bouquet,
        lambda: services.set_pinned(agent=signed_in_user(request), bouquet=bouquet, pinned=pinned),
    )


@require_POST
@login_required
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge other bouquets into this one."""
    bouquet = get_object_or_404(Bouquet.objects.select_related("process"), pk=pk)
    ids = [int(v) for v in request.POST.getlist("others") if v.isdigit()]
    others = list(Bouquet.objects.filter(pk__in=ids, process=bouquet.process))
    return _curate(
        request,
        bouquet,
        lambda: services.merge_bouquets(agent=signed_in_user(request), into=bouquet, others=others),
    )


@require_POST
@login_required
def split(request: HttpRequest, pk: int) -> HttpResponse:
    """Take some proposals out into a new bouquet."""
    bouquet = get_object_or_404(Bouquet.objects.select_related("process"), pk=pk)
    ids = [int(v) for v in request.POST.getlist("proposals") if v.isdigit()]
    label = request.POST.get("label", "")
    return _curate(
        request,
        bouquet,
        lambda: services.split_bouquet(
            agent=signed_in_user(request), bouquet=bouquet, proposal_ids=ids, label=label
        ),
    )


@require_POST
@login_required
def move(request: HttpRequest, pk: int, proposal_pk: int) -> HttpResponse:
    """Move one member elsewhere (another bouquet, or the not-yet-grouped pool)."""
    bouquet = get_object_or_404(Bouquet.objects.select_related("process"), pk=pk)
    proposal = get_object_or_404(Proposal.objects.select_related("process"), pk=proposal_pk)
    target_id = request.POST.get("to", "")
    target = (
        get_object_or_404(Bouquet, pk=int(target_id), process=bouquet.process)
        if target_id.isdigit()
        else None
    )

    def action() -> Bouquet:
        services.move_proposal(agent=signed_in_user(request), proposal=proposal, to=target)
        return bouquet

    return _curate(request, bouquet, action)


@require_POST
@login_required
def confirm_sdgs(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm the SDGs a bouquet serves."""
    bouquet = get_object_or_404(Bouquet.objects.select_related("process"), pk=pk)
    numbers = [int(v) for v in request.POST.getlist("sdgs") if v.isdigit()]
    return _curate(
        request,
        bouquet,
        lambda: services.confirm_sdgs(agent=signed_in_user(request), bouquet=bouquet, numbers=numbers),
    )


@require_GET
def similar(request: HttpRequest, slug: str) -> HttpResponse:
    """Proposals close to what is being typed (htmx partial, debounced by the form)."""
    process = _process(slug)
    text = f"{request.GET.get('title', '')}. {request.GET.get('body', '')}".strip(". ")
    found = selectors.similar_proposals(process=process, text=text[:3000])
    return render(request, "bouquets/_similar.html", {"similar": found, "process": process})
