"""Bouquet pages: the public sees them; agents regroup and curate them.

A refusal from a service reaches people in one of two ways: a posted form (regroup, rename, merge, split, SDGs)
comes back on its page with the messages beside its fields (``submit_form``); any other refusal rises to
``bouquet.www.errors.DomainErrorMiddleware``."""

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from bouquet.bouquets import flows, selectors, services
from bouquet.bouquets.engine import SDGS
from bouquet.bouquets.models import Bouquet, MeansOnSplit, Topic
from bouquet.bouquets.rules import can_curate
from bouquet.processes.models import Component, Process
from bouquet.processes.selectors import process_for_page
from bouquet.proposals.models import Proposal
from bouquet.www.auth import signed_in_user
from bouquet.www.bouquets.forms import LabelForm, MergeForm, RegroupForm, SdgForm, SplitForm
from bouquet.www.components import require_component
from bouquet.www.forms import submit_form

SAVED = gettext_lazy("C'est enregistré ; le prochain regroupement en tiendra compte.")


def _process(slug: str) -> Process:
    try:
        process = process_for_page(slug=slug)
    except Process.DoesNotExist as exc:
        raise Http404 from exc
    require_component(process, Component.BOUQUETS)
    return process


def _require_curator(request: HttpRequest, process: Process) -> None:
    # Checked before a form is read: an inhabitant gets a refusal, not an agent's form with an error on it.
    if not can_curate(request.user, process):
        raise PermissionDenied(_("Seuls les agents de la collectivité organisent les bouquets."))


def _process_page(
    request: HttpRequest, process: Process, *, regroup_form: RegroupForm | None = None, status: int = 200
) -> HttpResponse:
    context: dict[str, Any] = {
        "process": process,
        "topics": selectors.bouquets_overview(process=process),
        "ungrouped": selectors.ungrouped_proposals(process=process)[:50],
        "curator": can_curate(request.user, process),
        "clustering": selectors.latest_clustering(process=process),
        "regroup_form": regroup_form or RegroupForm(),
    }
    return render(request, "bouquets/process_bouquets.html", context, status=status)


@require_GET
def process_bouquets(request: HttpRequest, slug: str) -> HttpResponse:
    """A process's broad themes and bouquets; agents also get the regrouping and its progress."""
    return _process_page(request, _process(slug))


@require_GET
def by_place(request: HttpRequest, slug: str) -> HttpResponse:
    """The proposals that name the same place, whatever their need (the bouquets gather needs, not places)."""
    process = _process(slug)
    groups = selectors.proposals_by_place(process=process)
    return render(request, "bouquets/by_place.html", {"process": process, "groups": groups})


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
    _require_curator(request, process)
    form = RegroupForm(request.POST)
    outcome = submit_form(
        form,
        lambda: flows.request_grouping(
            agent=signed_in_user(request), process=process, themes=form.cleaned_data.get("themes")
        ),
    )
    if outcome.ok:
        messages.success(request, _("Le regroupement est lancé."))
        return redirect("bouquets:process", slug=slug)
    return _process_page(request, process, regroup_form=form, status=outcome.status)


def _bouquet(pk: int) -> Bouquet:
    try:
        bouquet = selectors.bouquet_for_page(pk=pk)
    except Bouquet.DoesNotExist as exc:
        raise Http404 from exc
    require_component(bouquet.process, Component.BOUQUETS)
    return bouquet


def _others(bouquet: Bouquet) -> list[Bouquet]:
    return list(Bouquet.objects.filter(process=bouquet.process).exclude(pk=bouquet.pk).order_by("label"))


def _split_form(bouquet: Bouquet, data: Any = None) -> SplitForm:
    form = SplitForm(data)
    members = bouquet.members  # type: ignore[attr-defined]
    selectors.explain_placements(members)
    cast(forms.ChoiceField, form.fields["proposals"]).choices = [
        (p.proposal_id, p.proposal.title) for p in members
    ]
    if not bouquet.means:  # type: ignore[attr-defined]
        del form.fields["means"]  # asked only when means were given to the bouquet
    return form


def _merge_form(bouquet: Bouquet, data: Any = None) -> MergeForm:
    form = MergeForm(data)
    cast(forms.ChoiceField, form.fields["others"]).choices = [(b.pk, b.label) for b in _others(bouquet)]
    return form


def _sdg_form(bouquet: Bouquet, data: Any = None) -> SdgForm:
    initial = {"sdgs": bouquet.confirmed_sdgs or [s["number"] for s in bouquet.suggested_sdgs]}
    form = SdgForm(data, initial=initial)
    cast(forms.ChoiceField, form.fields["sdgs"]).choices = [
        (s.number, f"{s.number}. {_(s.name)}") for s in SDGS
    ]
    return form


def _detail_page(
    request: HttpRequest, bouquet: Bouquet, *, bound: dict[str, forms.Form] | None = None, status: int = 200
) -> HttpResponse:
    """The bouquet's page; after a refused post, the posted form comes back with its data and errors."""
    curator = can_curate(request.user, bouquet.process)
    members = bouquet.members  # type: ignore[attr-defined]
    context: dict[str, Any] = {
        "bouquet": bouquet,
        "process": bouquet.process,
        "members": members,
        "means": bouquet.means,  # type: ignore[attr-defined]
        "districts": selectors.bouquet_districts(bouquet),
        "supports": sum(p.proposal.support_count for p in members),
        "representatives": [p for p in members if p.proposal_id in set(bouquet.representative_ids)][:3],
        "curator": curator,
        "sdg_names": {s.number: _(s.name) for s in SDGS},
    }
    if curator:
        context |= {
            "label_form": LabelForm(initial={"label": bouquet.label}),
            "split_form": _split_form(bouquet),
            "merge_form": _merge_form(bouquet),
            "sdg_form": _sdg_form(bouquet),
            "other_bouquets": _others(bouquet),
        } | (bound or {})
    return render(request, "bouquets/bouquet_detail.html", context, status=status)


@require_GET
def bouquet_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A bouquet: its name, keywords, members, means and why each member is there."""
    bouquet = _bouquet(pk)
    if not bouquet.process.is_published:
        raise Http404  # as for the process itself, here and in the API
    return _detail_page(request, bouquet)


def _curation_form(
    request: HttpRequest, bouquet: Bouquet, name: str, form: forms.Form, action: Any
) -> HttpResponse:
    """Run a curation service from a posted form: done, back to the bouquet it leads to; refused, the form again."""
    outcome = submit_form(form, action)
    if outcome.ok:
        messages.success(request, SAVED)
        result = outcome.value
        return redirect(result if isinstance(result, Bouquet) else bouquet)
    return _detail_page(request, bouquet, bound={name: form}, status=outcome.status)


@require_POST
@login_required
def rename(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename a bouquet."""
    bouquet = _bouquet(pk)
    _require_curator(request, bouquet.process)
    form = LabelForm(request.POST)
    return _curation_form(
        request,
        bouquet,
        "label_form",
        form,
        lambda: services.rename_bouquet(
            agent=signed_in_user(request), bouquet=bouquet, label=form.cleaned_data["label"]
        ),
    )


@require_POST
@login_required
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge other bouquets into this one."""
    bouquet = _bouquet(pk)
    _require_curator(request, bouquet.process)
    form = _merge_form(bouquet, request.POST)
    return _curation_form(
        request,
        bouquet,
        "merge_form",
        form,
        lambda: services.merge_bouquets(
            agent=signed_in_user(request),
            into=bouquet,
            others=Bouquet.objects.filter(pk__in=form.cleaned_data["others"], process=bouquet.process),
        ),
    )


@require_POST
@login_required
def split(request: HttpRequest, pk: int) -> HttpResponse:
    """Take some proposals out into a new bouquet; when means were given to it, the agent says where they go."""
    bouquet = _bouquet(pk)
    _require_curator(request, bouquet.process)
    form = _split_form(bouquet, request.POST)
    return _curation_form(
        request,
        bouquet,
        "split_form",
        form,
        lambda: services.split_bouquet(
            agent=signed_in_user(request),
            bouquet=bouquet,
            proposal_ids=form.cleaned_data["proposals"],
            label=form.cleaned_data["label"],
            means=MeansOnSplit(form.cleaned_data["means"]) if form.cleaned_data.get("means") else None,
        ),
    )


@require_POST
@login_required
def confirm_sdgs(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm the SDGs a bouquet serves."""
    bouquet = _bouquet(pk)
    _require_curator(request, bouquet.process)
    form = _sdg_form(bouquet, request.POST)
    return _curation_form(
        request,
        bouquet,
        "sdg_form",
        form,
        lambda: services.confirm_sdgs(
            agent=signed_in_user(request), bouquet=bouquet, numbers=form.cleaned_data["sdgs"]
        ),
    )


@require_POST
@login_required
def pin(request: HttpRequest, pk: int) -> HttpResponse:
    """Pin or release a bouquet."""
    bouquet = get_object_or_404(Bouquet.objects.select_related("process"), pk=pk)
    services.set_pinned(
        agent=signed_in_user(request), bouquet=bouquet, pinned=request.POST.get("pinned") == "1"
    )
    messages.success(request, SAVED)
    return redirect(bouquet)


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
    services.move_proposal(agent=signed_in_user(request), proposal=proposal, to=target)
    messages.success(request, SAVED)
    return redirect(bouquet)


@require_POST
@login_required
def rename_topic(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename a broad theme."""
    topic = get_object_or_404(Topic.objects.select_related("process"), pk=pk)
    services.rename_topic(agent=signed_in_user(request), topic=topic, label=request.POST.get("label", ""))
    messages.success(request, _("Le grand thème est renommé."))
    return redirect("bouquets:process", slug=topic.process.slug)


@require_GET
def similar(request: HttpRequest, slug: str) -> HttpResponse:
    """Proposals close to what is being typed (htmx partial, debounced by the form)."""
    process = _process(slug)
    text = f"{request.GET.get('title', '')}. {request.GET.get('body', '')}".strip(". ")
    found = selectors.similar_proposals(process=process, text=text[:3000], typing=True)
    return render(request, "bouquets/_similar.html", {"similar": found, "process": process})
