"""The lab's back-office: its dashboard, the criteria of the stages, mentors assigned to initiatives."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bouquet.backoffice.access import back_office_page, staff_user
from bouquet.backoffice.incubator.forms import CriterionForm, MentorForm
from bouquet.backoffice.pages import form_page
from bouquet.core.charts import BarChart, LineChart, Series, Unit
from bouquet.incubator import services
from bouquet.incubator.dashboard import biodiversity_in_words, lab_dashboard
from bouquet.incubator.models import StageCriterion
from bouquet.incubator.rules import runs_lab


@require_GET
@back_office_page(allowed=runs_lab)
def dashboard(request: HttpRequest) -> HttpResponse:
    """The lab's figures, each chart with its table."""
    weeks = request.GET.get("semaines", "6")
    board = lab_dashboard(inactive_weeks=int(weeks) if weeks.isdigit() and 0 < int(weeks) < 100 else 6)
    charts = [
        BarChart(
            title=_("Initiatives par étape"),
            labels=[label for _code, label, _n in board.per_stage],
            series=[Series(_("Initiatives"), [n for _c, _l, n in board.per_stage])],
            label_heading=_("Étape"),
        ),
        BarChart(
            title=_("Temps passé dans chaque étape (médiane)"),
            labels=[label for label, _d in board.days_in_stage],
            series=[Series(_("Jours"), [d for _l, d in board.days_in_stage])],
            unit=Unit.DAYS,
            label_heading=_("Étape"),
        ),
        LineChart(
            title=_("Personnes qui rejoignent un groupe, par mois"),
            labels=[month for month, _n in board.joins_per_month],
            series=[Series(_("Arrivées"), [n for _m, n in board.joins_per_month])],
            label_heading=_("Mois"),
        ),
        BarChart(
            title=_("Jusqu'où voyagent les invitations"),
            description=_(
                "Nombre de personnes selon le nombre d'invitations qui les séparent de quelqu'un que personne n'a invité."
            ),
            labels=[_("%(n)s invitation(s)") % {"n": depth} for depth in board.invitation_depth],
            series=[Series(_("Personnes"), list(board.invitation_depth.values()))],
            label_heading=_("Distance"),
        ),
        BarChart(
            title=_("Équilibre de la diversité des initiatives"),
            labels=[str(s.dimension) for s in board.spreads],
            series=[Series(_("Équitabilité"), [round(s.evenness * 100, 1) for s in board.spreads])],
            unit=Unit.PERCENT,
            label_heading=_("Dimension"),
        ),
    ]
    if board.mentors:
        charts.append(
            BarChart(
                title=_("Charge des accompagnateurs"),
                labels=[m.name for m in board.mentors],
                series=[
                    Series(_("Initiatives"), [m.initiatives for m in board.mentors]),
                    Series(_("Séances"), [m.sessions for m in board.mentors]),
                ],
                label_heading=_("Accompagnateur"),
            )
        )
    return render(
        request,
        "backoffice/incubator/dashboard.html",
        {
            "board": board,
            "charts": charts,
            "explanation": biodiversity_in_words(board),
            "biodiversity_percent": round(board.biodiversity * 100, 1),
            "median_days": round(board.median_days_to_autonomy)
            if board.median_days_to_autonomy is not None
            else None,
        },
    )


@back_office_page(allowed=runs_lab)
def criteria(request: HttpRequest) -> HttpResponse:
    """The criteria of each stage, and a form to add one."""
    lab = staff_user(request)
    form = CriterionForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.save_criterion(lab=lab, data=_criterion_input(form)),
        template="backoffice/incubator/criteria.html",
        context={"criteria": StageCriterion.objects.all()},
        done=_("Le critère est ajouté."),
        then=lambda _c: redirect("backoffice:lab-criteria"),
    )


def _criterion_input(form: CriterionForm) -> services.CriterionInput:
    data = form.cleaned_data
    return services.CriterionInput(
        stage=data["stage"],
        label=data["label"],
        check=data["check"],
        threshold=data["threshold"],
        position=data["position"],
    )


@back_office_page(allowed=runs_lab)
def criterion_edit(request: HttpRequest, pk: int) -> HttpResponse:
    lab = staff_user(request)
    criterion = get_object_or_404(StageCriterion, pk=pk)
    form = CriterionForm(
        request.POST or None,
        initial={
            "stage": criterion.stage,
            "label": criterion.label,
            "check": criterion.verification,
            "threshold": criterion.threshold,
            "position": criterion.position,
        },
    )
    return form_page(
        request,
        form,
        lambda: services.save_criterion(lab=lab, data=_criterion_input(form), criterion=criterion),
        template="backoffice/incubator/criterion_form.html",
        context={"criterion": criterion},
        done=_("Le critère est modifié."),
        then=lambda _c: redirect("backoffice:lab-criteria"),
    )


@require_POST
@back_office_page(allowed=runs_lab)
def criterion_delete(request: HttpRequest, pk: int) -> HttpResponse:
    criterion = get_object_or_404(StageCriterion, pk=pk)
    services.delete_criterion(lab=staff_user(request), criterion=criterion)
    messages.success(request, _("Le critère est supprimé."))
    return redirect("backoffice:lab-criteria")


@back_office_page(allowed=runs_lab)
def mentors(request: HttpRequest) -> HttpResponse:
    """Assign a mentor to an initiative."""
    lab = staff_user(request)
    form = MentorForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.assign_mentor(
            lab=lab, initiative=form.cleaned_data["initiative"], mentor=form.cleaned_data["mentor"]
        ),
        template="backoffice/incubator/mentors.html",
        context={"load": lab_dashboard().mentors},
        done=_("L'accompagnateur est désigné ; il en est averti."),
        then=lambda _m: redirect("backoffice:lab-mentors"),
    )
