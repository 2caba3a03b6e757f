"""Pages of participatory budgets: thin views that parse input, call a service or selector, and render."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bouquet.accounts.verification import verification_of
from bouquet.bouquets.models import Bouquet
from bouquet.bouquets.services import allocate_means
from bouquet.budgets import flows, rules, selectors, services
from bouquet.budgets.models import BallotKind, Budget, BudgetImport, BudgetProject, BudgetResult, Channel
from bouquet.budgets.wording import rule_explanation
from bouquet.core.errors import DomainError
from bouquet.core.forms import form_page
from bouquet.core.french import format_date
from bouquet.processes.models import Component, Process
from bouquet.www.auth import signed_in_user
from bouquet.www.budgets.forms import (
    AllocationForm,
    BouquetProjectForm,
    BudgetForm,
    FeasibilityForm,
    ImportForm,
    PaperVoterForm,
    ProjectEditForm,
    ProjectForm,
    parse_choices,
)
from bouquet.www.components import require_component
from bouquet.www.forms import submit_form


def _budget_or_404(pk: int) -> Budget:
    try:
        budget = selectors.budget_for_page(pk=pk)
    except Budget.DoesNotExist as exc:
        raise Http404 from exc
    require_component(budget.process, Component.BUDGET)
    return budget


def _process_or_404(slug: str) -> Process:
    process = get_object_or_404(Process.objects.published(), slug=slug)
    require_component(process, Component.BUDGET)
    return process


def _agent_form[T](
    request: HttpRequest,
    form: forms.Form,
    action: Callable[[], T],
    *,
    done: str,
    then: Callable[[T], HttpResponse],
    context: dict[str, Any],
) -> HttpResponse:
    """An agent's form page of the budgets, on the shared ``core.forms.form_page``."""
    return form_page(
        request, form, action, template="budgets/agent_form.html", context=context, done=done, then=then
    )


# ---- reading -------------------------------------------------------------------------------------------


@require_GET
def process_budgets(request: HttpRequest, slug: str) -> HttpResponse:
    """The budgets of a process."""
    process = _process_or_404(slug)
    budgets = list(selectors.budgets_for_process(process=process))
    return render(
        request,
        "budgets/budget_list.html",
        {"process": process, "budgets": budgets, "manager": rules.can_manage(request.user)},
    )


@require_GET
def budget_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A budget: its rules, envelopes and projects, and what one can do now."""
    budget = _budget_or_404(pk)
    participation = selectors.participation_of(voter=request.user, budget=budget)
    manager = rules.can_manage(request.user)
    return render(
        request,
        "budgets/budget_detail.html",
        {
            "budget": budget,
            "process": budget.process,
            "parts": selectors.budget_parts(budget),
            "projects": selectors.projects_for_page(budget),
            "vote_open": rules.vote_is_open(budget),
            "participation": participation,
            "has_results": selectors.results_published(budget),
            "can_compute": rules.results_can_be_computed(budget),
            "manager": manager,
            "started": rules.vote_has_started(budget),
            "turnout": selectors.turnout(budget) if manager else None,
            "rule_sentence": rule_explanation(budget.rule),
        },
    )


@require_GET
def project_detail(request: HttpRequest, pk: int, project_pk: int) -> HttpResponse:
    """A project of the budget, with the proposals it gathers."""
    budget = _budget_or_404(pk)
    try:
        project = selectors.project_for_page(budget=budget, pk=project_pk)
    except BudgetProject.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "budgets/project_detail.html",
        {
            "budget": budget,
            "process": budget.process,
            "project": project,
            "manager": rules.can_manage(request.user) and not rules.vote_has_started(budget),
            "feasibility_form": FeasibilityForm(
                initial={"feasibility": project.feasibility, "note": project.feasibility_note}
            ),
        },
    )


@login_required
def project_edit(request: HttpRequest, pk: int, project_pk: int) -> HttpResponse:
    """An agent corrects a project (cost, text, district...) until the vote starts."""
    budget = _budget_or_404(pk)
    rules.require_manager(request.user)
    project = get_object_or_404(
        BudgetProject.objects.prefetch_related("themes"), budget=budget, pk=project_pk
    )
    services.require_before_vote(budget)
    form = ProjectEditForm(request.POST or None, budget=budget, initial=ProjectEditForm.initial_for(project))
    return _agent_form(
        request,
        form,
        lambda: services.edit_project(agent=signed_in_user(request), project=project, data=form.to_input()),
        done=_("Le projet est modifié."),
        then=redirect,
        context={
            "process": budget.process,
            "heading": _("Modifier le projet « %(title)s »") % {"title": project.title},
            "submit": _("Enregistrer"),
        },
    )


# ---- voting --------------------------------------------------------------------------------------------


def _ballot_context(
    request: HttpRequest, budget: Budget, check: services.BallotCheck | None
) -> dict[str, Any]:
    projects = list(selectors.ballot_projects(budget))
    participation = selectors.participation_of(voter=request.user, budget=budget)
    chosen = check.choices if check is not None else selectors.current_choices(participation)
    shown = check is not None
    if check is None:
        check = services.check_ballot(budget=budget, voter=None, choices=chosen)
    voter = request.user if request.user.is_authenticated else None
    parts = selectors.budget_parts(budget)
    has_envelopes = selectors.has_envelopes(parts)
    rows = [
        {
            "project": p,
            "value": chosen.get(p.pk, ""),
            "checked": p.pk in chosen,
            "error": check.errors.get(f"projet-{p.pk}") if shown else None,
            "allowed": voter is None or rules.may_choose(voter, budget, p, has_envelopes=has_envelopes),
            "part": selectors.part_of(p, parts),
        }
        for p in projects
    ]
    return {
        "budget": budget,
        "process": budget.process,
        "rows": rows,
        "check": check,
        "general_error": check.errors.get("__all__") if shown else None,
        "participation": participation,
        "refusal": rules.vote_refusal(request.user, budget),
        "needs_verification": (budget.requires_verification or bool(budget.minimum_age))
        and verification_of(request.user) is None,
        "kind": BallotKind(budget.ballot_kind),
        "kinds": BallotKind,
        "locked": participation is not None
        and rules.replacement_refusal(budget, participation, Channel.ONLINE) is not None,
    }


def budget_vote(request: HttpRequest, pk: int) -> HttpResponse:
    """The ballot: without JavaScript, « Vérifier mon vote » re-renders what is left, « Valider » casts it."""
    budget = _budget_or_404(pk)
    if request.method == "GET":
        return render(request, "budgets/budget_vote.html", _ballot_context(request, budget, None))
    if request.method != "POST":
        return HttpResponse(status=405)
    if not request.user.is_authenticated:
        return redirect(f"/compte/login/?next={request.path}")
    choices, parse_errors = parse_choices(budget, selectors.ballot_projects(budget), request.POST)
    check = services.check_ballot(budget=budget, voter=signed_in_user(request), choices=choices)
    check.errors.update(parse_errors)
    if request.POST.get("action") != "valider" or not check.ok:
        status = 422 if (request.POST.get("action") == "valider" and not check.ok) else 200
        return render(
            request, "budgets/budget_vote.html", _ballot_context(request, budget, check), status=status
        )
    try:
        cast = services.cast_ballot(
            voter=signed_in_user(request),
            budget=budget,
            choices=choices,
            receipt=request.POST.get("recu", ""),
        )
    except DomainError as error:
        context = _ballot_context(request, budget, check)
        context["general_error"] = str(error.message)
        for key, message in error.field_errors.items():
            check.errors[key] = str(message)
        return render(request, "budgets/budget_vote.html", context, status=error.status_code)
    deadline = format_date(budget.phase.ends_on)
    if cast.receipt:
        # Shown once, in this answer only: never in a URL (access logs), a session or a message (database).
        response = render(
            request,
            "budgets/budget_receipt.html",
            {"budget": budget, "process": budget.process, "receipt": cast.receipt},
        )
        response["Cache-Control"] = "no-store"
        return response
    messages.success(
        request,
        _("Votre vote est enregistré.")
        + " "
        + (
            _("Votre bulletin secret est remplacé ; votre reçu reste valable jusqu'au %(date)s.")
            if budget.is_secret
            else _("Vous pouvez le modifier jusqu'au %(date)s.")
        )
        % {"date": deadline},
    )
    return redirect("budgets:vote", pk=budget.pk)


@require_POST
def budget_vote_check(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: what the ballot being filled leaves, and what is wrong with it (never saves)."""
    budget = _budget_or_404(pk)
    choices, parse_errors = parse_choices(budget, selectors.ballot_projects(budget), request.POST)
    voter = request.user if request.user.is_authenticated else None
    check = services.check_ballot(budget=budget, voter=voter, choices=choices)  # type: ignore[arg-type]
    check.errors.update(parse_errors)
    return render(
        request,
        "budgets/_ballot_summary.html",
        {"budget": budget, "check": check, "kinds": BallotKind, "live": True},
    )


@login_required
def paper_ballot(request: HttpRequest, pk: int) -> HttpResponse:
    """An agent types in a paper ballot with the name, birth date and address they checked (no account needed)."""
    budget = _budget_or_404(pk)
    rules.require_manager(request.user)
    form = PaperVoterForm(request.POST or None)
    projects = list(selectors.ballot_projects(budget))
    status = 200
    check = None
    if request.method == "POST":
        choices, parse_errors = parse_choices(budget, projects, request.POST)
        outcome = submit_form(
            form,
            lambda: services.record_paper_ballot(
                agent=signed_in_user(request),
                budget=budget,
                person=form.person(),
                voter=form.cleaned_data["email"],
                choices=choices,
            ),
        )
        if outcome.ok:
            messages.success(request, _("Le bulletin papier est enregistré."))
            return redirect("budgets:paper", pk=budget.pk)
        check = services.check_ballot(budget=budget, voter=None, choices=choices)
        check.errors.update(parse_errors)
        status = outcome.status
    context = {
        "budget": budget,
        "process": budget.process,
        "form": form,
        "rows": [{"project": p, "value": "", "checked": False, "allowed": True} for p in projects],
        "kind": BallotKind(budget.ballot_kind),
        "kinds": BallotKind,
        "check": check,
    }
    return render(request, "budgets/paper_ballot.html", context, status=status)


# ---- results and audit ---------------------------------------------------------------------------------


@require_GET
def budget_results(request: HttpRequest, pk: int) -> HttpResponse:
    """The winners, why each project won or lost, and where the money goes, in plain French."""
    budget = _budget_or_404(pk)
    page = selectors.results_for_page(budget=budget)
    return render(
        request, "budgets/budget_results.html", {"budget": budget, "process": budget.process, "page": page}
    )


def _result_or_404(budget: Budget, part: str) -> BudgetResult:
    try:
        return selectors.result_of_part(budget=budget, part=part)
    except BudgetResult.DoesNotExist as exc:
        raise Http404 from exc


@require_GET
def download_pb(request: HttpRequest, pk: int, part: str) -> HttpResponse:
    """The published pabulib file of one part: the instance and the anonymous ballots."""
    budget = _budget_or_404(pk)
    result = _result_or_404(budget, part)
    response = HttpResponse(result.pb_file, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="budget-{budget.pk}-{result.part}.pb"'
    return response


@require_GET
def download_csv(request: HttpRequest, pk: int, part: str) -> HttpResponse:
    """The same anonymous ballots as CSV: one line per ballot and project."""
    budget = _budget_or_404(pk)
    result = _result_or_404(budget, part)
    response = HttpResponse(selectors.ballots_csv(result=result), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bulletins-{budget.pk}-{result.part}.csv"'
    return response


@require_GET
def budget_recount(request: HttpRequest, pk: int) -> HttpResponse:
    """Recompute the published result from the published file, and say whether it matches."""
    budget = _budget_or_404(pk)
    recounts = [services.recount(result) for result in selectors.results_of(budget)]
    return render(
        request,
        "budgets/budget_recount.html",
        {"budget": budget, "process": budget.process, "recounts": recounts},
    )


@require_POST
@login_required
def compute(request: HttpRequest, pk: int) -> HttpResponse:
    """An agent computes (or recomputes) the results once the vote is over."""
    budget = _budget_or_404(pk)
    services.compute_results(agent=signed_in_user(request), budget=budget)
    messages.success(request, _("Les résultats sont calculés et publiés."))
    return redirect("budgets:results", pk=budget.pk)


# ---- setting up (agents) -------------------------------------------------------------------------------


@login_required
def budget_create(request: HttpRequest, slug: str) -> HttpResponse:
    """An agent opens a budget on the process's vote phase, or creates that phase with the budget."""
    process = _process_or_404(slug)
    rules.require_manager(request.user)
    form = BudgetForm(request.POST or None, vote_phase=services.vote_phase_of(process))
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form,
            lambda: services.create_budget(
                agent=signed_in_user(request),
                process=process,
                data=form.to_input(),
                new_vote_phase=form.new_vote_phase(),
            ),
        )
        if outcome.ok:
            messages.success(request, _("Le budget est créé : ajoutez-lui des projets."))
            return redirect(outcome.value)
        status = outcome.status
    return render(request, "budgets/budget_form.html", {"form": form, "process": process}, status=status)


@login_required
def project_create(request: HttpRequest, pk: int) -> HttpResponse:
    """An agent adds a project, written or made from one proposal."""
    budget = _budget_or_404(pk)
    rules.require_manager(request.user)
    form = ProjectForm(request.POST or None, budget=budget)

    def create() -> BudgetProject:
        proposal = form.cleaned_data["proposal"]
        if proposal is None:
            return services.create_project(agent=signed_in_user(request), budget=budget, data=form.to_input())
        return services.create_project_from_proposal(
            agent=signed_in_user(request),
            budget=budget,
            proposal=proposal,
            cost=form.cleaned_data["cost"],
            min_cost=form.cleaned_data["min_cost"],
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
        )

    return _agent_form(
        request,
        form,
        create,
        done=_("Le projet est ajouté au budget."),
        then=redirect,
        context={
            "process": budget.process,
            "budget": budget,
            "heading": _("Ajouter un projet au budget"),
            "submit": _("Ajouter le projet"),
        },
    )


@require_POST
@login_required
def project_feasibility(request: HttpRequest, pk: int, project_pk: int) -> HttpResponse:
    """An agent gives the authority's feasibility answer."""
    budget = _budget_or_404(pk)
    project = get_object_or_404(BudgetProject, budget=budget, pk=project_pk)
    form = FeasibilityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez un avis."))
        return redirect(project)
    services.answer_feasibility(
        agent=signed_in_user(request),
        project=project,
        feasibility=form.cleaned_data["feasibility"],
        note=form.cleaned_data["note"],
    )
    messages.success(request, _("L'avis de faisabilité est enregistré."))
    return redirect(project)


@login_required
def bouquet_project(request: HttpRequest, bouquet_pk: int) -> HttpResponse:
    """An agent makes a whole bouquet one project of a budget."""
    bouquet = get_object_or_404(Bouquet.objects.select_related("process"), pk=bouquet_pk)
    rules.require_manager(request.user)
    budgets = selectors.budgets_accepting_projects(process=bouquet.process)
    form = BouquetProjectForm(request.POST or None, budgets=budgets)
    return _agent_form(
        request,
        form,
        lambda: services.create_project_from_bouquet(
            agent=signed_in_user(request),
            budget=form.cleaned_data["budget"],
            bouquet=bouquet,
            cost=form.cleaned_data["cost"],
            min_cost=form.cleaned_data["min_cost"],
            title=form.cleaned_data["title"],
        ),
        done=_("Le bouquet est devenu un projet du budget."),
        then=redirect,
        context={
            "process": bouquet.process,
            "heading": _("Faire du bouquet « %(label)s » un projet du budget") % {"label": bouquet.label},
            "submit": _("Créer le projet"),
            "empty": None if budgets else _("Aucun budget de cette démarche n'accepte encore de projets."),
        },
    )


SHOWN_WARNINGS = 10


@login_required
def budget_import(request: HttpRequest, slug: str) -> HttpResponse:
    """An agent replays a published election from a pabulib file: checked at once, written in the background."""
    process = _process_or_404(slug)
    rules.require_manager(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    return _agent_form(
        request,
        form,
        lambda: flows.request_import(
            agent=signed_in_user(request),
            process=process,
            data=form.cleaned_data["file"].read(),
            title=form.cleaned_data["title"],
            rule=form.cleaned_data["rule"] or None,
        ),
        done=_("Le fichier est lu : l'import se poursuit en arrière-plan."),
        then=lambda job: redirect("budgets:import-progress", slug=slug, pk=job.pk),
        context={
            "process": process,
            "heading": _("Importer une élection (fichier pabulib)"),
            "submit": _("Importer"),
            "multipart": True,
        },
    )


@login_required
@require_GET
def budget_import_progress(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """How far an import has gone: a progress bar that htmx refreshes (the page reloads itself without
    JavaScript), then the file's remarks and the way to the results."""
    process = _process_or_404(slug)
    rules.require_manager(request.user)
    job = get_object_or_404(BudgetImport.objects.select_related("budget"), pk=pk, process=process)
    context = {
        "process": process,
        "job": job,
        "warnings": job.warnings[:SHOWN_WARNINGS],
        "more_warnings": max(len(job.warnings) - SHOWN_WARNINGS, 0),
    }
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "budgets/_import_progress.html", context)
    return render(request, "budgets/import_progress.html", context)


@login_required
def bouquet_means(request: HttpRequest, bouquet_pk: int) -> HttpResponse:
    """An agent gives means (money, staff time, rooms, mentoring) to a whole bouquet."""
    bouquet = get_object_or_404(Bouquet.objects.select_related("process"), pk=bouquet_pk)
    rules.require_manager(request.user)
    form = AllocationForm(request.POST or None)
    return _agent_form(
        request,
        form,
        lambda: allocate_means(agent=signed_in_user(request), bouquet=bouquet, **form.cleaned_data),
        done=_("Les moyens sont alloués au bouquet."),
        then=lambda _allocation: redirect("budgets:sobriety", slug=bouquet.process.slug),
        context={
            "process": bouquet.process,
            "heading": _("Allouer des moyens au bouquet « %(label)s »") % {"label": bouquet.label},
            "submit": _("Allouer"),
        },
    )


@require_GET
def sobriety(request: HttpRequest, slug: str) -> HttpResponse:
    """How far the means of a process go thanks to bouquets."""
    process = _process_or_404(slug)
    return render(
        request,
        "budgets/sobriety_report.html",
        {"process": process, "report": selectors.sobriety_report(process=process)},
    )
