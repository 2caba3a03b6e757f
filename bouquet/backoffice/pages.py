"""What every back-office form page does: post the form to its service, say it worked, or show the errors."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bouquet.core.forms import submit_form


def form_page[T](
    request: HttpRequest,
    form: forms.Form,
    action: Callable[[], T],
    *,
    template: str,
    context: dict[str, Any],
    done: str,
    then: Callable[[T], HttpResponse],
) -> HttpResponse:
    """Show ``form``; a valid post runs ``action`` (a service), says ``done`` and answers ``then(result)``.
    Otherwise the form comes back with each message beside its field, under the refusal's status (422, 409)."""
    status = 200
    if request.method == "POST":
        outcome = submit_form(form, action)
        if outcome.ok:
            messages.success(request, done)
            return then(outcome.value)
        status = outcome.status
    return render(request, template, {"form": form, **context}, status=status)
