"""The agents' process pages: list, create, edit, publish, close and reopen; phases on the calendar."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bouquet.backoffice.access import back_office_page, staff_user
from bouquet.backoffice.pages import form_page
from bouquet.backoffice.processes.calendar import calendar
from bouquet.backoffice.processes.forms import PhaseForm, ProcessForm
from bouquet.places.models import Place
from bouquet.places.selectors import place_excerpt
from bouquet.processes import services
from bouquet.processes.models import Component, Phase, PhaseKind, Process, allowed_words, default_components
from bouquet.processes.selectors import (
    attention_points,
    current_phase,
    process_for_back_office,
    processes_for_back_office,
)


def _process_or_404(pk: int) -> Process:
    try:
        return process_for_back_office(pk=pk)
    except Process.DoesNotExist as exc:
        raise Http404 from exc


def _to_process(process: Process) -> HttpResponse:
    return redirect("backoffice:process", pk=process.pk)


def _phase_kinds() -> list[tuple[str, list[str]]]:
    """Each kind of phase with what it lets inhabitants do, for the phase form's help."""
    return [(str(kind.label), [str(word) for word in allowed_words(kind)]) for kind in PhaseKind]


@require_GET
@back_office_page()
def process_list(request: HttpRequest) -> HttpResponse:
    """Every process, with its status and what needs attention."""
    return render(
        request, "backoffice/processes/process_list.html", {"processes": processes_for_back_office()}
    )


@back_office_page()
def process_create(request: HttpRequest) -> HttpResponse:
    """Prepare a new process (not shown to the public until it is published). Opened from a place's page
    (``?lieu=``), it is about that place, starts in the place's district, and shows first what the place
    remembers."""
    place = _named_place(request.GET.get("lieu"))
    initial: dict[str, object] = {"components": default_components()}
    if place is not None:
        initial["lieu"] = place.pk
        if place.district_id:
            initial["district"] = place.district_id
    form = ProcessForm(request.POST or None, request.FILES or None, initial=initial)
    return form_page(
        request,
        form,
        lambda: services.prepare_process(
            agent=staff_user(request), data=form.to_input(), image=form.cleaned_data["image"]
        ),
        template="backoffice/processes/process_form.html",
        context={
            "heading": _("Nouvelle démarche"),
            "submit": _("Créer la démarche"),
            **_what_the_place_remembers(form),
        },
        done=_("La démarche est créée, en préparation : ajoutez ses phases, puis publiez-la."),
        then=_to_process,
    )


def _named_place(raw: object) -> Place | None:
    """The published place a « lieu » value names, or None."""
    if raw in (None, "") or not str(raw).isdigit():
        return None
    return Place.objects.published().filter(pk=int(str(raw))).first()


def _what_the_place_remembers(form: ProcessForm, *, leave_out: str = "") -> dict[str, object]:
    """The context of ``places/_remembers.html`` for the place the form names (posted, else initial)."""
    place = _named_place(form["lieu"].value())
    if place is None:
        return {"remembering_place": None}
    excerpt = place_excerpt(place=place, leave_out=leave_out)
    return {"remembering_place": place, "remembered": excerpt.memories, "recent": excerpt.recent}


@require_GET
@back_office_page()
def process_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A process as the agents see it: status, calendar, components, and the actions its status allows."""
    process = _process_or_404(pk)
    today = timezone.localdate()
    phases = list(process.phases.all())
    return render(
        request,
        "backoffice/processes/process_detail.html",
        {
            "process": process,
            "calendar": calendar(phases, today=today),
            "running": current_phase(process, on=today),
            "attention": attention_points(process, today=today),
            "components": [(c, process.uses(c)) for c in Component],
            "today": today,
            "uses_budget": process.uses(Component.BUDGET),
            "budgets": list(process.budgets.select_related("phase").order_by("created_at", "id")),
        },
    )


@back_office_page()
def process_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change what a process says, its image and its components."""
    process = _process_or_404(pk)
    form = ProcessForm(request.POST or None, request.FILES or None, process=process)
    return form_page(
        request,
        form,
        lambda: services.update_process(
            agent=staff_user(request),
            process=process,
            data=form.to_input(),
            image=form.cleaned_data["image"],
            remove_image=bool(form.cleaned_data.get("remove_image")),
        ),
        template="backoffice/processes/process_form.html",
        context={
            "process": process,
            "heading": _("Modifier la démarche"),
            "submit": _("Enregistrer"),
            **_what_the_place_remembers(form, leave_out=process.get_absolute_url()),
        },
        done=_("La démarche est enregistrée."),
        then=_to_process,
    )


@require_POST
@back_office_page()
def process_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a prepared process to the public."""
    process = services.publish_process(agent=staff_user(request), process=_process_or_404(pk))
    messages.success(request, _("La démarche est publiée : le public la voit."))
    return _to_process(process)


@require_POST
@back_office_page()
def process_close(request: HttpRequest, pk: int) -> HttpResponse:
    """Close a process: it stays readable and allows nothing any more."""
    process = services.close_process(agent=staff_user(request), process=_process_or_404(pk))
    messages.success(request, _("La démarche est clôturée : on peut la lire, plus y participer."))
    return _to_process(process)


@require_POST
@back_office_page()
def process_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    """Open a closed process again."""
    process = services.reopen_process(agent=staff_user(request), process=_process_or_404(pk))
    messages.success(request, _("La démarche est rouverte : ses phases décident de nouveau."))
    return _to_process(process)


@back_office_page()
def phase_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a phase to a process's calendar."""
    process = _process_or_404(pk)
    form = PhaseForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.add_phase(agent=staff_user(request), process=process, spec=form.to_spec()),
        template="backoffice/processes/phase_form.html",
        context={
            "process": process,
            "heading": _("Nouvelle phase"),
            "submit": _("Ajouter la phase"),
            "kinds": _phase_kinds(),
        },
        done=_("La phase est ajoutée au calendrier."),
        then=lambda phase: redirect(reverse("backoffice:process", kwargs={"pk": process.pk}) + "#calendrier"),
    )


@back_office_page()
def phase_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a phase's kind, title, description or dates."""
    phase = get_object_or_404(Phase.objects.select_related("process"), pk=pk)
    initial = {
        "kind": phase.kind,
        "title": phase.title,
        "description": phase.description,
        "starts_on": phase.starts_on,
        "ends_on": phase.ends_on,
    }
    form = PhaseForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        lambda: services.update_phase(agent=staff_user(request), phase=phase, spec=form.to_spec()),
        template="backoffice/processes/phase_form.html",
        context={
            "process": phase.process,
            "phase": phase,
            "heading": _("Modifier la phase"),
            "submit": _("Enregistrer"),
            "kinds": _phase_kinds(),
        },
        done=_("La phase est enregistrée."),
        then=lambda saved: redirect(
            reverse("backoffice:process", kwargs={"pk": phase.process_id}) + "#calendrier"
        ),
    )


@back_office_page()
def phase_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask before taking a phase out of the calendar, then do it."""
    phase = get_object_or_404(Phase.objects.select_related("process"), pk=pk)
    if request.method == "POST":
        services.delete_phase(agent=staff_user(request), phase=phase)
        messages.success(request, _("La phase est supprimée du calendrier."))
        return redirect(reverse("backoffice:process", kwargs={"pk": phase.process_id}) + "#calendrier")
    return render(
        request, "backoffice/processes/phase_delete.html", {"phase": phase, "process": phase.process}
    )
