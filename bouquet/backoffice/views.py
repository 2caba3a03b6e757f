"""The back-office's home page (« Gestion »)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bouquet.accounts.rules import is_agent
from bouquet.backoffice.access import back_office_page
from bouquet.backoffice.navigation import may_use_back_office
from bouquet.processes.selectors import processes_for_back_office


@require_GET
@back_office_page(allowed=may_use_back_office)
def home(request: HttpRequest) -> HttpResponse:
    """Every process with its status and what needs the authority's attention (for agents), and the menu."""
    agent = is_agent(request.user)
    return render(
        request,
        "backoffice/home.html",
        {"processes": processes_for_back_office() if agent else [], "is_agent": agent},
    )
