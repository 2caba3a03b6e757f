"""Agents' pages for one person, one voice: send the list of inhabitants, record a document checked at a desk."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bouquet.accounts import verification
from bouquet.backoffice.access import back_office_page, staff_user
from bouquet.backoffice.identity.forms import CensusForm, DeskCheckForm
from bouquet.core.forms import submit_form

REFUSALS_SHOWN = 200  # lines listed on the page; the count says how many there were in all


@back_office_page()
def census(request: HttpRequest) -> HttpResponse:
    """Send the list of inhabitants (kept as keyed hashes only) and see how many rows were read, refused, stored."""
    agent = staff_user(request)
    form = CensusForm(request.POST or None, request.FILES or None)
    status = 200
    report = None
    if request.method == "POST":
        outcome = submit_form(
            form, lambda: verification.import_census(agent=agent, data=form.cleaned_data["file"].read())
        )
        status = outcome.status
        if outcome.ok:
            report = outcome.value
            form = CensusForm()
    count, day = verification.census_size()
    context = {
        "form": form,
        "report": report,
        "refusals": report.refused[:REFUSALS_SHOWN] if report else [],
        "count": count,
        "day": day,
    }
    return render(request, "backoffice/identity/census.html", context, status=status)


@back_office_page()
def desk_check(request: HttpRequest) -> HttpResponse:
    """Record that an agent checked a person's identity document at a desk (never a copy of it)."""
    agent = staff_user(request)
    form = DeskCheckForm(request.POST or None)
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form,
            lambda: verification.verify_at_desk(
                agent=agent,
                person=form.cleaned_data["email"],
                given_name=form.cleaned_data["given_name"],
                family_name=form.cleaned_data["family_name"],
                birthdate=form.cleaned_data["birthdate"],
                document_kind=form.cleaned_data["document_kind"],
            ),
        )
        if outcome.ok:
            messages.success(
                request, _("L'identité de la personne est vérifiée et enregistrée sur son compte.")
            )
            return redirect("backoffice:desk-check")
        status = outcome.status
    return render(request, "backoffice/identity/desk_check.html", {"form": form}, status=status)
