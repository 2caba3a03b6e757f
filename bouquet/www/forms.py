"""Form helpers shared by every app."""

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core import signing
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _

from bouquet.core.errors import DomainError


class AccessibleForm(forms.Form):
    """Base of the site's forms. Django 6.1 itself ties each input to ``<id>_helptext`` and ``<id>_error`` and
    sets ``aria-invalid`` when it renders, so errors added after cleaning (the services' ones) are linked
    too; ``_form_field.html`` gives the help and error paragraphs those ids."""


SHOWN_AT_SALT = "bouquet.www.forms.shown-at"
ROBOT_FIELD_FILLED = _(
    "Votre envoi a été pris pour celui d'un robot : un champ invisible était rempli. Vérifiez le formulaire et "
    "envoyez-le à nouveau ; ce que vous avez écrit est conservé."
)
SENT_TOO_FAST = _(
    "Ce formulaire a été envoyé trop vite après son affichage, comme le ferait un robot. Relisez-le et "
    "envoyez-le à nouveau dans quelques secondes ; ce que vous avez écrit est conservé."
)


def _now_signed() -> str:
    return signing.dumps(time.time(), salt=SHOWN_AT_SALT)


def _shown_at(value: object) -> float | None:
    """When the form was shown, from its signed stamp (None when missing or altered)."""
    try:
        shown = signing.loads(str(value or ""), salt=SHOWN_AT_SALT)
    except signing.BadSignature:
        return None
    return float(shown) if isinstance(shown, int | float) else None


class _HoneypotBoundField(BoundField):
    """Its wrapper carries the ``honeypot`` class (the stylesheet hides it: no inline style under our CSP), and it
    comes back empty, so that a person whose browser filled it can send the form again."""

    def css_classes(self, extra_classes: Any = None) -> str:
        return f"{super().css_classes(extra_classes)} honeypot".strip()

    def value(self) -> str:
        return ""


class _ShownAtBoundField(BoundField):
    """Sent back as it was while its stamp is genuine (the wait counts from the first display); a missing or
    altered stamp is replaced by a fresh one, so the next try can succeed."""

    def value(self) -> Any:
        submitted = super().value()
        return submitted if self.form.is_bound and _shown_at(submitted) is not None else _now_signed()


class HumanCheck(forms.Form):
    """Mixin for the forms robots fill (sign-up, proposals, comments): a field hidden from people (filled: refused)
    and the signed time the form was shown (sent back within ``BOUQUET_MIN_FILL_SECONDS``: refused; 0 turns the
    timing off). Both refusals are messages at the top of the form, which keeps what was typed. Templates render
    the two fields with ``_human_check.html`` (or ``as_div``, which gives the honeypot its hiding class)."""

    site_web = forms.CharField(
        label=_("Laissez ce champ vide"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        bound_field_class=_HoneypotBoundField,
    )
    affiche_le = forms.CharField(
        required=False, widget=forms.HiddenInput, initial=_now_signed, bound_field_class=_ShownAtBoundField
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("site_web", "affiche_le"):  # last, whatever fields the other bases add in __init__
            self.fields[name] = self.fields.pop(name)

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        if self.cleaned_data.get("site_web"):
            self.add_error(None, ROBOT_FIELD_FILLED)
        minimum = float(settings.BOUQUET_MIN_FILL_SECONDS)
        if minimum > 0:
            shown = _shown_at(self.cleaned_data.get("affiche_le"))
            if shown is None or time.time() - shown < minimum:
                self.add_error(None, SENT_TOO_FAST)
        return data


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
