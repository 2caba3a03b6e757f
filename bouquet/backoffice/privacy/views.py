"""Agents' pages for people who took part without an account (a contribution gathered in the street or on paper,
a beneficiary's place in an initiative): on the person's request, download what is held about them, or erase it
after a confirmation (docs/decisions/0013)."""

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bouquet.backoffice.access import back_office_page, staff_user
from bouquet.backoffice.privacy.forms import EraseForm, SearchForm
from bouquet.core.forms import form_page
from bouquet.incubator import selectors as incubator_selectors
from bouquet.incubator import services as incubator
from bouquet.incubator.models import Membership
from bouquet.outreach import selectors as outreach_selectors
from bouquet.outreach import services as outreach
from bouquet.outreach.models import Contributor
from bouquet.privacy import services as privacy

SHOWN = 100  # people listed per kind; the search narrows the list


@require_GET
@back_office_page()
def people_without_account(request: HttpRequest) -> HttpResponse:
    """Find a person without an account by the name or contact they gave."""
    form = SearchForm(request.GET or None)
    search = form.cleaned_data["q"] if form.is_valid() else ""
    contributors = outreach_selectors.contributors_for_agent(search=search)
    places = incubator_selectors.beneficiaries_for_agent(search=search)
    context = {
        "form": form,
        "search": search,
        "contributors": contributors[:SHOWN],
        "contributor_count": contributors.count(),
        "places": places[:SHOWN],
        "place_count": places.count(),
    }
    return render(request, "backoffice/privacy/people.html", context)


def _zip(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@back_office_page()
def contributor_download(request: HttpRequest, pk: int) -> HttpResponse:
    """What is held about a person who spoke without an account, as a ZIP to hand to them."""
    contributor = get_object_or_404(Contributor, pk=pk, erased_at__isnull=True)
    data = privacy.export_contributor(agent=staff_user(request), contributor=contributor)
    return _zip(data, f"donnees-contributeur-{contributor.pk}.zip")


@back_office_page()
def contributor_erase(request: HttpRequest, pk: int) -> HttpResponse:
    """Erase, on their request, the record of a person who spoke without an account (confirmed by typing it)."""
    contributor = get_object_or_404(
        Contributor.objects.select_related("district").annotate(contribution_count=Count("contributions")),
        pk=pk,
        erased_at__isnull=True,
    )
    form = EraseForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: outreach.erase_contributor(
            agent=staff_user(request), contributor=contributor, confirmation=form.cleaned_data["confirmation"]
        ),
        template="backoffice/privacy/erase.html",
        context={"shown_name": contributor.name, "contributor": contributor},
        done=_("La personne est effacée : ses contributions restent, signées « Contribution anonyme »."),
        then=lambda _erased: redirect("backoffice:personal-data"),
    )


@require_GET
@back_office_page()
def beneficiary_download(request: HttpRequest, pk: int) -> HttpResponse:
    """What is held about a beneficiary recorded without an account, as a ZIP to hand to them."""
    place = get_object_or_404(
        Membership.objects.select_related("initiative", "consent_recorded_by"),
        pk=pk,
        beneficiary=True,
        person__isnull=True,
        erased_at__isnull=True,
    )
    data = privacy.export_beneficiary(agent=staff_user(request), place=place)
    return _zip(data, f"donnees-beneficiaire-{place.pk}.zip")


@back_office_page()
def beneficiary_erase(request: HttpRequest, pk: int) -> HttpResponse:
    """Erase, on their request, the name on a beneficiary's place (the place still counts)."""
    place = get_object_or_404(
        Membership.objects.select_related("initiative"),
        pk=pk,
        beneficiary=True,
        person__isnull=True,
        erased_at__isnull=True,
    )
    form = EraseForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: incubator.erase_beneficiary(
            agent=staff_user(request), place=place, confirmation=form.cleaned_data["confirmation"]
        ),
        template="backoffice/privacy/erase.html",
        context={"shown_name": place.beneficiary_name, "place": place},
        done=_("La personne est effacée : sa place compte toujours, sous le nom « Bénéficiaire »."),
        then=lambda _erased: redirect("backoffice:personal-data"),
    )
