"""The themes people give their proposals."""

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bouquet.backoffice.access import back_office_page, staff_user
from bouquet.backoffice.pages import form_page
from bouquet.backoffice.proposals.forms import ThemeForm
from bouquet.proposals import services
from bouquet.proposals.models import Theme


@back_office_page()
def theme_list(request: HttpRequest) -> HttpResponse:
    """The themes with how many proposals carry each, and a form to add one."""
    form = ThemeForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.create_theme(agent=staff_user(request), name=form.cleaned_data["name"]),
        template="backoffice/proposals/theme_list.html",
        context={"themes": Theme.objects.annotate(proposal_count=Count("proposals")).order_by("name")},
        done=_("Le thème est ajouté."),
        then=lambda theme: redirect("backoffice:themes"),
    )


@back_office_page()
def theme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename a theme."""
    theme = get_object_or_404(Theme, pk=pk)
    form = ThemeForm(request.POST or None, initial={"name": theme.name})
    return form_page(
        request,
        form,
        lambda: services.rename_theme(agent=staff_user(request), theme=theme, name=form.cleaned_data["name"]),
        template="backoffice/proposals/theme_form.html",
        context={"theme": theme},
        done=_("Le thème est renommé."),
        then=lambda saved: redirect("backoffice:themes"),
    )


@require_POST
@back_office_page()
def theme_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a theme nothing carries (refused with what carries it otherwise)."""
    theme = get_object_or_404(Theme, pk=pk)
    services.delete_theme(agent=staff_user(request), theme=theme)
    messages.success(request, _("Le thème « %(name)s » est supprimé.") % {"name": theme.name})
    return redirect("backoffice:themes")
