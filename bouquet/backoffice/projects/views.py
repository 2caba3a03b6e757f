"""The authority's project pages: the gap dashboard, thresholds, a project's dates, news, results, re-consultations."""

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bouquet.backoffice.access import back_office_page, staff_user
from bouquet.backoffice.pages import form_page
from bouquet.backoffice.projects.forms import (
    DatesForm,
    MilestoneForm,
    ProjectForm,
    ReconsultationForm,
    ResultForm,
    ThresholdsForm,
    UpdateForm,
)
from bouquet.core.forms import submit_form
from bouquet.processes.models import Process
from bouquet.projects import months, progress, selectors, services
from bouquet.projects.charts import gap_charts
from bouquet.projects.filters import ProjectFilterForm, read_filters
from bouquet.projects.models import Project, Reconsultation, Result
from bouquet.projects.rules import manages_projects

PUBLIC_CSV = "projects:gap-csv"


def _filters(request: HttpRequest) -> tuple[ProjectFilterForm, selectors.ProjectFilters]:
    return read_filters(request.GET, public=False)


@back_office_page(allowed=manages_projects)
def dashboard(request: HttpRequest) -> HttpResponse:
    """Drifting projects first, requests for re-consultation, the gap figures over every project (published or not)."""
    form, filters = _filters(request)
    figures = selectors.gap_figures(filters, public=False)
    drifting = selectors.projects_for_list(
        selectors.ProjectFilters(**{**filters.__dict__, "drifting": True}), public=False
    )
    context = {
        "form": form,
        "figures": figures,
        "charts": gap_charts(figures),
        "drifting_projects": drifting[:20],
        "limits": selectors.thresholds(),
        "reconsultations": selectors.reconsultations_for_dashboard(public=False),
        "requests": selectors.requests_for_dashboard()[:20],
        "back_office": True,
    }
    return render(request, "backoffice/projects/dashboard.html", context)


@back_office_page(allowed=manages_projects)
def thresholds(request: HttpRequest) -> HttpResponse:
    """What the authority calls drifting."""
    limits = selectors.thresholds()
    form = ThresholdsForm(
        request.POST or None,
        initial={
            name: getattr(limits, name)
            for name in ("slip_months", "vote_to_opening_months", "silence_months", "request_after_months")
        },
    )
    return form_page(
        request,
        form,
        lambda: services.update_thresholds(agent=staff_user(request), **form.cleaned_data),
        template="backoffice/projects/thresholds.html",
        context={},
        done=_("Les seuils sont enregistrés."),
        then=lambda saved: redirect("backoffice:projects"),
    )


class CreateForm(ProjectForm):
    process = forms.ModelChoiceField(
        label=gettext_lazy("Démarche"), queryset=Process.objects.order_by("title")
    )


@back_office_page(allowed=manages_projects)
def project_create(request: HttpRequest) -> HttpResponse:
    """A project of the authority's own."""
    form = CreateForm(request.POST or None)

    def create() -> Project:
        data = form.cleaned_data
        return services.create_project(
            agent=staff_user(request),
            process=data["process"],
            data=services.ProjectInput(
                title=data["title"],
                description=data["description"],
                cost=data["cost"],
                department=data["department"],
                theme_label=data["theme_label"],
                district_label=data["district_label"],
                conceived=data["conceived"],
                planned_delivery=data["planned_delivery"],
            ),
        )

    return form_page(
        request,
        form,
        create,
        template="backoffice/projects/project_form.html",
        context={},
        done=_("Le projet est créé."),
        then=lambda project: redirect("backoffice:project", pk=project.pk),
    )


def _manage_context(project: Project, **forms_given: Any) -> dict[str, Any]:
    results = list(project.results.all())
    nodes = [progress.Node(r.id, r.parent_id, r.weight, r.progress) for r in results]
    result_form = forms_given.get("result_form") or ResultForm()
    result_form.fields["parent"].choices = [("", _("Aucun (au premier niveau)"))] + [  # type: ignore[union-attr]
        (r.id, r.title) for r in results
    ]
    dates_form = forms_given.get("dates_form") or DatesForm(
        initial={
            "status": project.status,
            "planned_delivery": _day(project.planned_delivery_month),
            "delivered": _day(project.delivered_month),
            "studies": _day(project.studies_month),
            "works": _day(project.works_month),
        }
    )
    return {
        "project": project,
        "reasons": selectors.drift_reasons(project, selectors.thresholds(), selectors.this_month()),
        "progress": progress.project_progress(nodes),
        "results": results,
        "rolled": progress.by_id(nodes),
        "open_reconsultation": selectors.open_reconsultation_of(project),
        "reach": services.people_who_took_part(project),
        "dates_form": dates_form,
        "update_form": forms_given.get("update_form") or UpdateForm(),
        "milestone_form": forms_given.get("milestone_form") or MilestoneForm(),
        "result_form": result_form,
        "reconsultation_form": forms_given.get("reconsultation_form") or ReconsultationForm(),
        "request_count": project.reconsultation_requests.count(),
    }


def _day(month: int | None) -> str:
    return "" if month is None else months.first_day(month).strftime("%d/%m/%Y")


@back_office_page(allowed=manages_projects)
def project_manage(request: HttpRequest, pk: int) -> HttpResponse:
    """One project: its dates, news, milestones, results and re-consultation."""
    project = selectors.project_for_page(pk=pk, public=False)
    return render(request, "backoffice/projects/project_manage.html", _manage_context(project))


def _post(request: HttpRequest, pk: int, form: Any, name: str, action: Any, done: str) -> HttpResponse:
    project = selectors.project_for_page(pk=pk, public=False)
    outcome = submit_form(form, lambda: action(project))
    if outcome.ok:
        messages.success(request, done)
        return redirect("backoffice:project", pk=pk)
    context = _manage_context(project, **{name: form})
    return render(request, "backoffice/projects/project_manage.html", context, status=outcome.status)


@require_POST
@back_office_page(allowed=manages_projects)
def project_dates(request: HttpRequest, pk: int) -> HttpResponse:
    form = DatesForm(request.POST)
    return _post(
        request,
        pk,
        form,
        "dates_form",
        lambda project: services.set_project_dates(
            agent=staff_user(request), project=project, **form.cleaned_data
        ),
        _("Les dates du projet sont enregistrées."),
    )


@require_POST
@back_office_page(allowed=manages_projects)
def project_update(request: HttpRequest, pk: int) -> HttpResponse:
    form = UpdateForm(request.POST, request.FILES)
    return _post(
        request,
        pk,
        form,
        "update_form",
        lambda project: services.post_update(agent=staff_user(request), project=project, **form.cleaned_data),
        _("La nouvelle est publiée sur le fil du projet."),
    )


@require_POST
@back_office_page(allowed=manages_projects)
def project_milestone(request: HttpRequest, pk: int) -> HttpResponse:
    form = MilestoneForm(request.POST)
    return _post(
        request,
        pk,
        form,
        "milestone_form",
        lambda project: services.add_milestone(
            agent=staff_user(request), project=project, **form.cleaned_data
        ),
        _("L'étape est ajoutée."),
    )


@require_POST
@back_office_page(allowed=manages_projects)
def project_result(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(Project, pk=pk)
    form = ResultForm(request.POST)
    form.fields["parent"].choices = [("", "")] + [(r.id, r.title) for r in project.results.all()]  # type: ignore[attr-defined]

    def add(project: Project) -> Result:
        data = dict(form.cleaned_data)
        parent_id = data.pop("parent")
        parent = project.results.filter(pk=parent_id).first() if parent_id else None
        return services.add_result(agent=staff_user(request), project=project, parent=parent, **data)

    return _post(request, pk, form, "result_form", add, _("Le résultat est ajouté."))


@require_POST
@back_office_page(allowed=manages_projects)
def reconsultation_open(request: HttpRequest, pk: int) -> HttpResponse:
    form = ReconsultationForm(request.POST)
    return _post(
        request,
        pk,
        form,
        "reconsultation_form",
        lambda project: services.open_reconsultation(
            agent=staff_user(request), project=project, **form.cleaned_data
        ),
        _("La revoyure est ouverte : les participants sont prévenus."),
    )


@require_POST
@back_office_page(allowed=manages_projects)
def reconsultation_close(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Reconsultation, pk=pk)
    services.close_reconsultation(agent=staff_user(request), reconsultation=found)
    messages.success(request, _("La revoyure est close ; son résumé est sur le fil du projet."))
    return redirect("backoffice:project", pk=found.project_id)
