from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.analytics.exports.formats import Format
from bouquet.core.forms import AccessibleForm
from bouquet.places.models import OpenDataLicence


class PopulationForm(AccessibleForm):
    file = forms.FileField(
        label=_("Fichier des populations"),
        help_text=_(
            "Un tableau CSV ou Excel avec une colonne « quartier » (le nom du quartier) et une colonne "
            "« population » (le nombre d'habitants), une ligne par quartier."
        ),
    )


class LicenceForm(AccessibleForm):
    licence = forms.ChoiceField(label=_("Licence des données ouvertes"), choices=OpenDataLicence.choices)


FORMAT_CHOICES = [
    (Format.OFFICE_CSV.value, _("CSV pour tableur (point-virgule)")),
    (Format.XLSX.value, _("Excel (.xlsx)")),
    (Format.OPEN_CSV.value, _("CSV ouvert (virgule)")),
    (Format.JSON.value, _("JSON")),
]


class ExportForm(AccessibleForm):
    table = forms.CharField(widget=forms.HiddenInput)
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, initial=Format.OFFICE_CSV.value)
