"""A person's own account: profile, verified identity, API tokens, their data and the deletion of their account."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bouquet.accounts import services, verification
from bouquet.accounts.models import User
from bouquet.core.errors import DomainError
from bouquet.core.limits import limited
from bouquet.privacy.services import erase_account, export_personal_data
from bouquet.proposals.selectors import coauthor_requests_of
from bouquet.roles import services as roles_services
from bouquet.roles.models import Invitation, InvitationState
from bouquet.roles.selectors import invitation_from_token, role_in_words
from bouquet.www.accounts.forms import EraseForm, IdentityForm, InvitedAccountForm, ProfileForm, TokenForm
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


@login_required
def verify_identity(request: HttpRequest) -> HttpResponse:
    """« Vérifier mon identité »: match one's name, birth date and address against the list of inhabitants."""
    user = signed_in_user(request)
    form = IdentityForm(request.POST or None)
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form,
            limited(
                request,
                "identity",
                lambda: verification.verify_with_census(
                    user=user,
                    given_name=form.cleaned_data["given_name"],
                    family_name=form.cleaned_data["family_name"],
                    birthdate=form.cleaned_data["birthdate"],
                    address=form.cleaned_data["address"],
                ),
            ),
        )
        if outcome.ok:
            messages.success(request, _("Votre identité est vérifiée."))
            return redirect("accounts:identity")
        status = outcome.status
    census_count, _census_day = verification.census_size()
    context = {
        "form": form,
        "verified": verification.verification_of(user),
        "census_count": census_count,
    }
    return render(request, "accounts/identity.html", context, status=status)


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


def _after_acceptance(invitation: Invitation) -> str:
    return invitation.process.get_absolute_url() if invitation.process is not None else "/"


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The page an invitation's link opens: accept the role, creating one's account if need be. A link altered by
    one character answers 404; one already used, cancelled or expired says so."""
    invitation = invitation_from_token(token)
    user = request.user
    signed_in = isinstance(user, User) and user.is_authenticated
    has_account = signed_in or User.objects.filter(email__iexact=invitation.email).exists()
    form = InvitedAccountForm(request.POST or None) if not has_account else None
    status = 200
    if invitation.state != InvitationState.PENDING:
        status = 409  # used, cancelled or expired: the page says which, and offers nothing to do
    elif request.method == "POST":
        if signed_in:
            assert isinstance(user, User)  # nosec B101 - type narrowing: signed_in says so
            roles_services.accept_invitation(invitation=invitation, person=user)  # refusals: the refusal page
            messages.success(
                request, _("Bienvenue : vous êtes maintenant %(role)s.") % {"role": _role(invitation)}
            )
            return redirect(_after_acceptance(invitation))
        if form is not None:
            outcome = submit_form(
                form,
                lambda: roles_services.accept_invitation_with_new_account(
                    invitation=invitation,
                    display_name=form.cleaned_data["display_name"],
                    password=form.cleaned_data["password"],
                ),
            )
            if outcome.ok:
                login(request, outcome.value, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(
                    request,
                    _("Votre compte est créé : vous êtes maintenant %(role)s.") % {"role": _role(invitation)},
                )
                return redirect(_after_acceptance(invitation))
            status = outcome.status
        else:
            status = 403  # an account exists for this address: sign in with it first
    context = {
        "invitation": invitation,
        "role": _role(invitation),
        "state": invitation.state,
        "state_message": _state_message(invitation),
        "signed_in": signed_in,
        "right_person": signed_in and user.email.lower() == invitation.email.lower(),  # type: ignore[union-attr]
        "has_account": has_account,
        "form": form,
    }
    return render(request, "accounts/invitation.html", context, status=status)


def _role(invitation: Invitation) -> str:
    return role_in_words(invitation.role, process=invitation.process, district=invitation.district)


def _state_message(invitation: Invitation) -> str:
    try:
        roles_services.check_can_accept(invitation)
    except DomainError as error:
        return str(error.message)
    return ""
