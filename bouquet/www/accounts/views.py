"""A person's own account: profile, API tokens, their data and the deletion of their account."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bouquet.accounts import services
from bouquet.privacy.services import erase_account, export_personal_data
from bouquet.proposals.selectors import coauthor_requests_of
from bouquet.www.accounts.forms import EraseForm, ProfileForm, TokenForm
from bouquet.www.auth import signed_in_user
from bouquet.www.forms import submit_form


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """Edit one's display name and district; list and create API tokens."""
    user = signed_in_user(request)
    form = ProfileForm(
        request.POST or None, initial={"display_name": user.display_name, "district": user.district_id}
    )
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form,
            lambda: services.update_profile(
                user=user,
                display_name=form.cleaned_data["display_name"],
                district=form.cleaned_data["district"],
            ),
        )
        if outcome.ok:
            messages.success(request, _("Votre profil est enregistré."))
            return redirect("accounts:profile")
        status = outcome.status
    context = {
        "form": form,
        "token_form": TokenForm(),
        "tokens": user.api_tokens.order_by("-created_at"),
        "coauthorship": coauthor_requests_of(person=user),
    }
    return render(request, "accounts/profile.html", context, status=status)


@require_POST
@login_required
def create_token(request: HttpRequest) -> HttpResponse:
    """Create an API token and show its value once."""
    form = TokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Donnez un nom au jeton."))
        return redirect("accounts:profile")
    key = services.issue_api_token(user=signed_in_user(request), name=form.cleaned_data["name"])
    return render(request, "accounts/token_created.html", {"key": key, "name": form.cleaned_data["name"]})


@require_POST
@login_required
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke one of one's tokens."""
    if services.revoke_api_token(user=signed_in_user(request), token_id=pk):
        messages.success(request, _("Le jeton est révoqué."))
    return redirect("accounts:profile")


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    """What the platform keeps about the person, and the way to download it or delete their account."""
    return render(request, "accounts/my_data.html")


@login_required
def download_my_data(request: HttpRequest) -> HttpResponse:
    """Everything held about the person, as a ZIP of JSON and CSV files."""
    archive = export_personal_data(person=signed_in_user(request))
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-bouquet.zip"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def erase(request: HttpRequest) -> HttpResponse:
    """Delete one's account, after typing one's e-mail address to confirm."""
    form = EraseForm(request.POST or None)
    status = 200
    if request.method == "POST":
        person = signed_in_user(request)
        outcome = submit_form(
            form, lambda: erase_account(person=person, confirmation=form.cleaned_data["confirmation"])
        )
        if outcome.ok:
            logout(request)
            messages.success(
                request, _("Votre compte est supprimé. Vos contributions restent, sans votre nom.")
            )
            return redirect("/")
        status = outcome.status
    return render(request, "accounts/erase.html", {"form": form}, status=status)


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    """What personal data the platform keeps, why, for how long, and the rights of each person."""
    context = {
        "retention": settings.BOUQUET_RETENTION_DAYS,
        "contact": settings.BOUQUET_PRIVACY_CONTACT,
    }
    return render(request, "accounts/privacy.html", context)
