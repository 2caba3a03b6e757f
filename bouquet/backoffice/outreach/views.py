"""Facilitators' pages: schedule workshops, publish them, record what happened; the printed forms and the paper
import of the processes they facilitate."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bouquet.backoffice.access import back_office_page, staff_user
from bouquet.backoffice.outreach.forms import PhotoForm, ReportForm, WorkshopForm
from bouquet.core.forms import form_page, submit_form
from bouquet.outreach import rules, selectors, services
from bouquet.outreach.models import Workshop
from bouquet.outreach.paper import KIND as PAPER_KIND
from bouquet.processes.models import Process
from bouquet.roles.rules import facilitates


def _managed(request: HttpRequest, pk: int) -> Workshop:
    workshop = Workshop.objects.select_related("process").filter(pk=pk).first()
    if workshop is None:
        raise Http404
    if not rules.can_manage_workshop(request.user, workshop):
        raise Http404
    return workshop


def _processes(request: HttpRequest) -> list[Process]:
    return [p for p in Process.objects.order_by("title") if facilitates(request.user, p)]


@back_office_page(allowed=rules.may_go_out)
def workshop_list(request: HttpRequest) -> HttpResponse:
    """The workshops of the processes I facilitate, and for each open process its printed form and paper import."""
    user = staff_user(request)
    context = {
        "workshops": selectors.workshops_to_manage(user),
        "processes": selectors.processes_to_visit(user),
        "paper_kind": PAPER_KIND,
    }
    return render(request, "backoffice/outreach/workshop_list.html", context)


@back_office_page(allowed=rules.may_go_out)
def workshop_create(request: HttpRequest) -> HttpResponse:
    """Schedule a workshop or a public meeting."""
    user = staff_user(request)
    form = WorkshopForm(request.POST or None, processes=_processes(request))
    return form_page(
        request,
        form,
        lambda: services.schedule_workshop(facilitator=user, data=form.to_input()),
        template="backoffice/outreach/workshop_form.html",
        context={"workshop": None},
        done=_("L'atelier est programmé. Publiez-le quand il est prêt."),
        then=lambda workshop: redirect("backoffice:workshop-edit", pk=workshop.pk),
    )


@back_office_page(allowed=rules.may_go_out)
def workshop_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a workshop; its report, photos and publication are on the same page."""
    user = staff_user(request)
    workshop = _managed(request, pk)
    form = WorkshopForm(request.POST or None, processes=_processes(request), workshop=workshop)
    context = {
        "workshop": workshop,
        "report_form": ReportForm(
            initial={
                "attendance": workshop.attendance,
                "named_attendees": "\n".join(workshop.named_attendees),
                "minutes": workshop.minutes,
                "outcomes": workshop.outcomes,
            }
        ),
        "photo_form": PhotoForm(),
    }
    return form_page(
        request,
        form,
        lambda: services.update_workshop(facilitator=user, workshop=workshop, data=form.to_input()),
        template="backoffice/outreach/workshop_form.html",
        context=context,
        done=_("L'atelier est modifié."),
        then=lambda w: redirect("backoffice:workshop-edit", pk=w.pk),
    )


@require_POST
@back_office_page(allowed=rules.may_go_out)
def workshop_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_user(request)
    workshop = _managed(request, pk)
    published = request.POST.get("publier") == "1"
    services.publish_workshop(facilitator=user, workshop=workshop, published=published)
    messages.success(request, _("L'atelier est publié.") if published else _("L'atelier n'est plus public."))
    return redirect("backoffice:workshop-edit", pk=pk)


@back_office_page(allowed=rules.may_go_out)
def workshop_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Record attendance, the people who agree to be named, the minutes and the outcomes."""
    user = staff_user(request)
    workshop = _managed(request, pk)
    form = ReportForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.record_report(
            facilitator=user,
            workshop=workshop,
            attendance=form.cleaned_data.get("attendance"),
            named_attendees=(form.cleaned_data.get("named_attendees") or "").splitlines(),
            minutes=form.cleaned_data.get("minutes") or "",
            outcomes=form.cleaned_data.get("outcomes") or "",
        ),
        template="backoffice/outreach/report_form.html",
        context={"workshop": workshop},
        done=_("Le compte rendu est enregistré."),
        then=lambda w: redirect("backoffice:workshop-edit", pk=w.pk),
    )


@back_office_page(allowed=rules.may_go_out)
def workshop_photo(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a photo of the workshop (re-encoded, its metadata removed)."""
    user = staff_user(request)
    workshop = _managed(request, pk)
    form = PhotoForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form,
            lambda: services.add_workshop_photo(
                facilitator=user,
                workshop=workshop,
                upload=form.cleaned_data["image"],
                alt=form.cleaned_data["alt"],
            ),
        )
        if outcome.ok:
            messages.success(request, _("La photo est ajoutée."))
            return redirect("backoffice:workshop-edit", pk=pk)
        status = outcome.status
    return render(
        request, "backoffice/outreach/photo_form.html", {"workshop": workshop, "form": form}, status=status
    )
