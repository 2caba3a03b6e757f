"""Forms of the agents' identity pages: the list of inhabitants, and a document checked at a desk."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bouquet.accounts.models import DocumentKind, User
from bouquet.core.forms import AccessibleForm, DayField


class CensusForm(AccessibleForm):
    file = forms.FileField(
        label=gettext_lazy("Liste des habitants (CSV ou Excel .xlsx)"),
        help_text=gettext_lazy(
            "Une ligne par habitant, avec les colonnes nom, prénom, date de naissance et adresse ; 20 Mo au plus. "
            "La nouvelle liste remplace l'ancienne."
        ),
    )


class DeskCheckForm(AccessibleForm):
    email = forms.EmailField(
        label=gettext_lazy("Adresse e-mail du compte de la personne"),
        help_text=gettext_lazy("Le compte qu'elle utilise pour participer."),
    )
    document_kind = forms.ChoiceField(
        label=gettext_lazy("Pièce présentée"),
        choices=[("", gettext_lazy("Choisir…")), *DocumentKind.choices],
        help_text=gettext_lazy("Regardez la pièce ; n'en gardez aucune copie."),
    )
    given_name = forms.CharField(
        label=gettext_lazy("Prénom (le premier, comme sur la pièce)"), max_length=100
    )
    family_name = forms.CharField(label=gettext_lazy("Nom de famille (comme sur la pièce)"), max_length=100)
    birthdate = DayField(label=gettext_lazy("Date de naissance"))

    def clean_email(self) -> User:
        """The account the person uses (it must exist)."""
        person = User.objects.filter(email__iexact=self.cleaned_data["email"], erased_at__isnull=True).first()
        if person is None:
            raise forms.ValidationError(
                _("Aucun compte n'a cette adresse : la personne crée d'abord son compte, puis revient.")
            )
        return person
