"""Forms of the people and roles pages."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.accounts.models import Role
from bouquet.core.forms import AccessibleForm
from bouquet.places.models import District
from bouquet.processes.models import Process
from bouquet.roles.models import INVITED_ROLES, Scope


class InvitationForm(AccessibleForm):
    email = forms.EmailField(
        label=_("Adresse e-mail de la personne"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Rôle"),
        choices=[(role.value, role.label) for role in INVITED_ROLES],
        help_text=_(
            "Agent et administrateur·rice valent pour tout le territoire ; un·e modérateur·rice ou un·e "
            "animateur·rice peut s'occuper d'une seule démarche ou d'un seul quartier."
        ),
    )
    scope = forms.ChoiceField(
        label=_("Où"),
        choices=Scope.choices,
        initial=Scope.TERRITORY,
        widget=forms.RadioSelect,
    )
    process = forms.ModelChoiceField(
        label=_("Démarche (si « Une démarche »)"),
        queryset=Process.objects.order_by("title"),
        required=False,
        empty_label=_("Choisir une démarche"),
    )
    district = forms.ModelChoiceField(
        label=_("Quartier (si « Un quartier »)"),
        queryset=District.objects.all(),
        required=False,
        empty_label=_("Choisir un quartier"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        scope = data.get("scope")
        if scope == Scope.PROCESS and not data.get("process"):
            self.add_error("process", _("Choisissez la démarche."))
        if scope == Scope.DISTRICT and not data.get("district"):
            self.add_error("district", _("Choisissez le quartier."))
        return data

    def target(self) -> dict[str, Any]:
        """The role and where, as the service takes them (only the place the chosen scope names)."""
        data = self.cleaned_data
        scope = data["scope"]
        return {
            "role": Role(data["role"]),
            "process": data.get("process") if scope == Scope.PROCESS else None,
            "district": data.get("district") if scope == Scope.DISTRICT else None,
        }
