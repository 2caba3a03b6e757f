"""Form helpers shared by every adapter (public pages and back-office): errors beside their fields, one status per refusal."""

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bouquet.core.errors import DomainError
from bouquet.core.text import parse_day


class AccessibleForm(forms.Form):
    """Base of the site's forms. Django 6.1 itself ties each input to ``<id>_helptext`` and ``<id>_error`` and
    sets ``aria-invalid`` when it renders, so errors added after cleaning (the services' ones) are linked
    too; ``_form_field.html`` gives the help and error paragraphs those ids."""


def add_domain_errors(form: forms.Form, error: DomainError) -> None:
    """Show a service's refusal on a form: each field's message beside its field, the rest at the top."""
    for field, message in error.field_errors.items():
        form.add_error(field if field in form.fields else None, str(message))
    if not any(field in form.fields for field in error.field_errors):
        if str(error.message) not in [str(e) for e in form.non_field_errors()]:
            form.add_error(None, str(error.message))


def submission_key_field() -> forms.UUIDField:
    """A hidden key given to each rendered form (kept when the form comes back with errors): the services make one
    item per key, so a double click or a re-sent page creates nothing twice."""
    return forms.UUIDField(required=False, widget=forms.HiddenInput, initial=uuid.uuid4)


def form_field_errors(form: forms.Form) -> dict[str, str]:
    """A form's errors as one message per field, for a refusal page (a form that has no page of its own)."""
    return {field: " ".join(str(e) for e in errors) for field, errors in form.errors.items()}


@dataclass(frozen=True, slots=True)
class FormOutcome[T]:
    """What became of a posted form: the service's result, or the status to answer with (errors are on the form)."""

    ok: bool
    status: int
    result: T | None = None
    error: DomainError | None = None

    @property
    def value(self) -> T:
        """The service's result; only meaningful when `ok`."""
        if not self.ok:
            raise ValueError("the form was refused")
        return cast(T, self.result)


def submit_form[T](form: forms.Form, action: Callable[[], T]) -> FormOutcome[T]:
    """Validate `form`, then call `action` (a service reading `form.cleaned_data`) when it is valid.

    Invalid data answers 422; a service's refusal puts its messages on the form and answers with its own
    status (403, 409 or 422). Every view that posts a form to a service goes through here, so they all answer
    the same way."""
    if not form.is_valid():
        return FormOutcome(ok=False, status=422)
    try:
        result = action()
    except DomainError as error:
        add_domain_errors(form, error)
        return FormOutcome(ok=False, status=error.status_code, error=error)
    return FormOutcome(ok=True, status=200, result=result)


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


class DayField(forms.CharField):
    """A calendar day typed as text (31/12/1980 or 1980-12-31), so that a day that does not exist (« 31/02/1980 »)
    gets a message that quotes it, in every browser and without JavaScript."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("help_text", gettext_lazy("Sous la forme JJ/MM/AAAA, par exemple 14/07/1985."))
        super().__init__(**kwargs)

    def clean(self, value: object) -> dt.date | None:
        text = super().clean(value)
        if not text:
            return None
        day = parse_day(text)
        if day is None:
            raise forms.ValidationError(
                _(
                    "« %(text)s » n'est pas une date qui existe : écrivez-la JJ/MM/AAAA, par exemple 14/07/1985."
                )
                % {"text": text}
            )
        return day
