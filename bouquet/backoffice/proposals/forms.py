"""Forms of the themes page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.core.forms import AccessibleForm


class ThemeForm(AccessibleForm):
    name = forms.CharField(label=_("Nom du thème"), max_length=80)
