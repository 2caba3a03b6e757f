"""The districts of the territory and the authority's identity."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bouquet.backoffice.access import back_office_page
from bouquet.backoffice.pages import form_page
from bouquet.backoffice.places.forms import DistrictForm, IdentityForm
from bouquet.places import services
from bouquet.places.models import District
from bouquet.places.selectors import authority_profile, districts_for_back_office


@back_office_page()
def district_list(request: HttpRequest) -> HttpResponse:
    """The districts, and a form to add one."""
    form = DistrictForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.create_district(
            name=form.cleaned_data["name"], description=form.cleaned_data["description"]
        ),
        template="backoffice/places/district_list.html",
        context={"districts": districts_for_back_office()},
        done=_("Le quartier est ajouté."),
        then=lambda district: redirect("backoffice:districts"),
    )


@back_office_page()
def district_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename a district or change its presentation."""
    district = get_object_or_404(District, pk=pk)
    form = DistrictForm(
        request.POST or None, initial={"name": district.name, "description": district.description}
    )
    return form_page(
        request,
        form,
        lambda: services.update_district(
            district=district, name=form.cleaned_data["name"], description=form.cleaned_data["description"]
        ),
        template="backoffice/places/district_form.html",
        context={"district": district},
        done=_("Le quartier est enregistré."),
        then=lambda saved: redirect("backoffice:districts"),
    )


@require_POST
@back_office_page()
def district_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a district nothing uses (refused with what uses it otherwise)."""
    district = get_object_or_404(District, pk=pk)
    services.delete_district(district=district)
    messages.success(request, _("Le quartier « %(name)s » est supprimé.") % {"name": district.name})
    return redirect("backoffice:districts")


@back_office_page()
def identity(request: HttpRequest) -> HttpResponse:
    """The authority's name, article, short name, logo and main colour."""
    profile = authority_profile()
    initial = {
        "name": profile.name,
        "article": profile.article,
        "short_name": profile.short_name,
        "primary_color": profile.primary_color,
    }
    form = IdentityForm(request.POST or None, request.FILES or None, initial=initial)
    return form_page(
        request,
        form,
        lambda: services.update_authority_profile(
            name=form.cleaned_data["name"],
            article=form.cleaned_data["article"],
            short_name=form.cleaned_data["short_name"],
            primary_color=form.cleaned_data["primary_color"],
            logo=form.cleaned_data["logo"],
            remove_logo=form.cleaned_data["remove_logo"],
        ),
        template="backoffice/places/identity.html",
        context={"profile": profile},
        done=_("L'identité de la collectivité est enregistrée."),
        then=lambda saved: redirect("backoffice:identity"),
    )
