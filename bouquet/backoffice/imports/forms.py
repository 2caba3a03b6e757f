"""Forms of the staged import page: the file, then which column gives each field."""

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bouquet.core.forms import AccessibleForm
from bouquet.core.tabular import Field


class ImportFileForm(AccessibleForm):
    file = forms.FileField(
        label=gettext_lazy("Fichier (CSV ou Excel .xlsx)"),
        help_text=gettext_lazy(
            "La première ligne nomme les colonnes ; CSV en UTF-8 ou Latin-1, séparé par des virgules ou des "
            "points-virgules, ou fichier Excel ; 20 Mo au plus."
        ),
    )


class MappingForm(AccessibleForm):
    """One choice per field the import expects: the column of the file that gives it."""

    def __init__(self, *args: object, fields: Sequence[Field], headers: Sequence[str], **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices = [("", _("Aucune colonne"))] + [
            (str(index), header or _("Colonne %(number)d (sans titre)") % {"number": index + 1})
            for index, header in enumerate(headers)
        ]
        for field in fields:
            self.fields[field.name] = forms.ChoiceField(
                label=str(field.label),
                required=False,
                choices=choices,
                help_text=str(field.help),
            )
