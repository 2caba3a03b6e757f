"""The back-office's home page (« Gestion »)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bouquet.backoffice.access import back_office_page
from bouquet.processes.selectors import processes_for_back_office


@require_GET
@back_office_page()
def home(request: HttpRequest) -> HttpResponse:
    """Every process with its status, and what needs the authority's attention."""
    return render(request, "backoffice/home.html", {"processes": processes_for_back_office()})
