"""Public pages of projects: the list, a project's page, the gap dashboard, re-consultations, SDGs over time."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bouquet.accounts.models import User
from bouquet.core.chart_views import csv_response
from bouquet.core.forms import submit_form
from bouquet.projects import progress, selectors, services
from bouquet.projects import sdgs as sdg_selectors
from bouquet.projects.charts import gap_charts
from bouquet.projects.filters import ProjectFilterForm
from bouquet.projects.filters import read_filters as filters_of
from bouquet.projects.models import Project, Reconsultation, ReconsultationAnswer
from bouquet.projects.rules import may_answer
from bouquet.www.projects.forms import AnswerForm, RequestForm

PAGE_SIZE = 30


def read_filters(
    request: HttpRequest, *, public: bool = True
) -> tuple[ProjectFilterForm, selectors.ProjectFilters]:
    return filters_of(request.GET, public=public)


def project_list(request: HttpRequest) -> HttpResponse:
    """Published projects, drifting ones first, with filters."""
    form, filters = read_filters(request)
    page = Paginator(selectors.projects_for_list(filters).select_related("process"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "projects/project_list.html", {"form": form, "page": page, "filters": filters})


def gap_context(request: HttpRequest, *, public: bool, csv_name: str) -> dict[str, Any]:
    """What both dashboards show: the figures, their charts, the drifting projects first, the re-consultations."""
    form, filters = read_filters(request, public=public)
    figures = selectors.gap_figures(filters, public=public)
    drifting = selectors.projects_for_list(
        selectors.ProjectFilters(**{**filters.__dict__, "drifting": True}), public=public
    )
    return {
        "form": form,
        "filters": filters,
        "figures": figures,
        "charts": gap_charts(figures),
        "csv_name": csv_name,
        "drifting_projects": drifting[:20],
        "limits": selectors.thresholds(),
        "reconsultations": selectors.reconsultations_for_dashboard(public=public),
    }


def gap_dashboard(request: HttpRequest) -> HttpResponse:
    """The public watch on the gap between vote and opening."""
    return render(
        request, "projects/gap.html", gap_context(request, public=True, csv_name="projects:gap-csv")
    )


def gap_csv(request: HttpRequest, name: str) -> HttpResponse:
    """One chart's figures as CSV."""
    _form, filters = read_filters(request)
    found = gap_charts(selectors.gap_figures(filters)).get(name)
    if found is None:
        raise Http404
    return csv_response(found, f"ecart-{name}.csv")


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A project: where it came from, its dates and their gap, its progress, results, milestones and news."""
    try:
        project = selectors.project_for_page(pk=pk)
    except Project.DoesNotExist as error:
        raise Http404 from error
    return render(request, "projects/project_detail.html", project_context(request, project))


def project_context(request: HttpRequest, project: Project) -> dict[str, Any]:
    limits, today = selectors.thresholds(), selectors.this_month()
    results = list(project.results.all())
    nodes = [progress.Node(r.id, r.parent_id, r.weight, r.progress) for r in results]
    rolled = progress.by_id(nodes)
    children: dict[int | None, list[Any]] = {}
    for result in results:
        result.rolled = rolled[result.id]  # type: ignore[attr-defined]
        children.setdefault(result.parent_id, []).append(result)
    for result in results:
        result.kids = children.get(result.id, [])  # type: ignore[attr-defined]
    open_one = selectors.open_reconsultation_of(project)
    user = request.user
    return {
        "project": project,
        "reasons": selectors.drift_reasons(project, limits, today),
        "limits": limits,
        "progress": progress.project_progress(nodes),
        "top_results": children.get(None, []),
        "open_reconsultation": open_one,
        "may_answer": open_one is not None and may_answer(user, open_one),
        "may_request": isinstance(user, User) and services.may_request(user, project),
        "request_form": RequestForm(),
    }


@require_POST
@login_required
def request_reconsultation(request: HttpRequest, pk: int) -> HttpResponse:
    """An inhabitant asks for a re-consultation of a project without news for a year."""
    project = get_object_or_404(Project.objects.public(), pk=pk)
    form = RequestForm(request.POST)
    user = request.user
    assert isinstance(user, User)  # nosec B101  # narrows the type for mypy; the line above made it so
    outcome = submit_form(
        form,
        lambda: services.request_reconsultation(
            person=user, project=project, message=form.cleaned_data["message"]
        ),
    )
    if outcome.ok:
        messages.success(request, _("Votre demande de revoyure est transmise à la collectivité."))
        return redirect(project)
    context = project_context(request, selectors.project_for_page(pk=pk))
    context["request_form"] = form
    return render(request, "projects/project_detail.html", context, status=outcome.status)


def reconsultation(request: HttpRequest, pk: int) -> HttpResponse:
    """A re-consultation: its question, the summary of answers, and (for the people asked) the answer form."""
    found = get_object_or_404(
        Reconsultation.objects.select_related("project"), pk=pk, project__is_published=True
    )
    user = request.user
    allowed = may_answer(user, found)
    previous = (
        ReconsultationAnswer.objects.filter(reconsultation=found, person_id=user.pk).first()
        if allowed
        else None
    )
    initial = {"answer": previous.answer, "comment": previous.comment} if previous else None
    form = AnswerForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if not isinstance(user, User):
            return redirect_to_login(request.get_full_path())
        outcome = submit_form(
            form,
            lambda: services.answer_reconsultation(
                person=user,
                reconsultation=found,
                answer=form.cleaned_data["answer"],
                comment=form.cleaned_data["comment"],
            ),
        )
        if outcome.ok:
            messages.success(request, _("Merci : votre réponse est enregistrée."))
            return redirect(found.get_absolute_url())
        status = outcome.status
    context = {
        "reconsultation": found,
        "project": found.project,
        "counts": selectors.answer_counts(found),
        "may_answer": allowed,
        "previous": previous,
        "form": form,
    }
    return render(request, "projects/reconsultation.html", context, status=status)


def sdgs_over_time(request: HttpRequest) -> HttpResponse:
    """How the 17 goals are covered by proposals, bouquets, projects and money, year by year."""
    table = sdg_selectors.sdg_coverage()
    return render(request, "projects/sdgs.html", {"table": table, "charts": sdg_selectors.sdg_charts(table)})
