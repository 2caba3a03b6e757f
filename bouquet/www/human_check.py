"""Checks against robots on the forms they fill (sign-up, proposals, comments): ``HumanCheck``."""

import time
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _

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


class _HoneypotField(forms.CharField):
    bound_field_class = _HoneypotBoundField


class _ShownAtField(forms.CharField):
    bound_field_class = _ShownAtBoundField


class HumanCheck(forms.Form):
    """Mixin for the forms robots fill (sign-up, proposals, comments): a field hidden from people (filled: refused)
    and the signed time the form was shown (sent back within ``BOUQUET_MIN_FILL_SECONDS``: refused; 0 turns the
    timing off). Both refusals are messages at the top of the form, which keeps what was typed. Templates render
    the two fields with ``_human_check.html`` (or ``as_div``, which gives the honeypot its hiding class)."""

    site_web = _HoneypotField(
        label=_("Laissez ce champ vide"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    affiche_le = _ShownAtField(required=False, widget=forms.HiddenInput, initial=_now_signed)

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
