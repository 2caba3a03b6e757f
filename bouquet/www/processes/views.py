"""Pages of processes: the list (home page) and one process with its timeline."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from bouquet.processes.models import Action, Component, Process
from bouquet.processes.selectors import current_phase, process_for_page, processes_for_list
from bouquet.proposals.rules import can_submit, submissions_open


def process_list(request: HttpRequest) -> HttpResponse:
    """Home page: the open processes."""
    processes = list(processes_for_list())
    for process in processes:
        process.running_phase = current_phase(process)  # type: ignore[attr-defined]
    return render(request, "processes/process_list.html", {"processes": processes})


def process_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A process: description, phase timeline, what one can do today."""
    try:
        process = process_for_page(slug=slug)
    except Process.DoesNotExist as exc:
        raise Http404 from exc
    phase = current_phase(process)
    today = timezone.localdate()
    return render(
        request,
        "processes/process_detail.html",
        {
            "process": process,
            "phase": phase,
            "today": today,
            "can_submit": can_submit(request.user, process),
            "submissions_open": submissions_open(process),
            "supports_open": bool(phase and phase.allows(Action.SUPPORT)),
            "uses_proposals": process.uses(Component.PROPOSALS),
            "uses_bouquets": process.uses(Component.BOUQUETS),
            "uses_budget": process.uses(Component.BUDGET),
        },
    )
