"""People and roles: who can do what, invitations by e-mail, and taking a role back (after a confirmation)."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bouquet.accounts.models import Role, User
from bouquet.backoffice.access import back_office_page, staff_user
from bouquet.backoffice.pages import form_page
from bouquet.backoffice.roles.forms import InvitationForm
from bouquet.roles import selectors, services
from bouquet.roles.models import Invitation, RoleGrant
from bouquet.roles.rules import can_manage_people

people_page = back_office_page(can_manage_people)


@require_GET
@people_page
def people(request: HttpRequest) -> HttpResponse:
    """Who can do what (person, role, where, since when, given by whom), and the invitations awaiting an answer."""
    return render(
        request,
        "backoffice/roles/people.html",
        {"holders": selectors.people_with_roles(), "invitations": selectors.open_invitations()},
    )


@people_page
def invite(request: HttpRequest) -> HttpResponse:
    """Invite someone by e-mail to a role, on the territory, a process or a district."""
    form = InvitationForm(request.POST or None)

    def link_for(token: str) -> str:
        return request.build_absolute_uri(reverse("accounts:invitation", args=[token]))

    return form_page(
        request,
        form,
        lambda: services.invite_person(
            inviter=staff_user(request), email=form.cleaned_data["email"], link_for=link_for, **form.target()
        ),
        template="backoffice/roles/invite.html",
        context={},
        done=_("L'invitation est envoyée par e-mail."),
        then=lambda invitation: redirect("backoffice:people"),
    )


def _confirm_then(
    request: HttpRequest, *, question: str, detail: str, button: str, action: Callable[[], object], done: str
) -> HttpResponse:
    """A confirmation page on GET; the action on POST (its refusals rise to the refusal page)."""
    if request.method == "POST":
        action()
        messages.success(request, done)
        return redirect("backoffice:people")
    context = {"question": question, "detail": detail, "button": button}
    return render(request, "backoffice/roles/confirm.html", context)


@people_page
def grant_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Take back a role given on a process or a district."""
    grant = get_object_or_404(RoleGrant.objects.select_related("person", "process", "district"), pk=pk)
    role = selectors.role_in_words(grant.role, process=grant.process, district=grant.district)
    return _confirm_then(
        request,
        question=_("Retirer ce rôle à %(who)s ?") % {"who": grant.person.public_name},
        detail=role,
        button=_("Retirer le rôle"),
        action=lambda: services.revoke_grant(agent=staff_user(request), grant=grant),
        done=_("Le rôle est retiré."),
    )


@people_page
def territory_role_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Take back a person's role across the territory."""
    person = get_object_or_404(User.objects.exclude(role=Role.INHABITANT), pk=pk)
    return _confirm_then(
        request,
        question=_("Retirer ce rôle à %(who)s ?") % {"who": person.public_name},
        detail=selectors.role_in_words(person.role),
        button=_("Retirer le rôle"),
        action=lambda: services.revoke_territory_role(agent=staff_user(request), person=person),
        done=_("Le rôle est retiré."),
    )


@people_page
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel an invitation not yet accepted: its link then says that it was cancelled."""
    invitation = get_object_or_404(
        Invitation.objects.select_related("process", "district").filter(accepted_at__isnull=True), pk=pk
    )
    role = selectors.role_in_words(invitation.role, process=invitation.process, district=invitation.district)
    return _confirm_then(
        request,
        question=_("Annuler l'invitation de %(email)s ?") % {"email": invitation.email},
        detail=role,
        button=_("Annuler l'invitation"),
        action=lambda: services.revoke_invitation(agent=staff_user(request), invitation=invitation),
        done=_("L'invitation est annulée."),
    )
