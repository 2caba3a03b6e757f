"""Forms of the bouquets pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.bouquets.models import MeansOnSplit
from bouquet.www.forms import AccessibleForm


class RegroupForm(AccessibleForm):
    themes = forms.IntegerField(
        label=_("Nombre de grands thèmes"),
        required=False,
        min_value=2,
        max_value=60,
        help_text=_("Laissez vide pour un choix automatique."),
    )


class LabelForm(AccessibleForm):
    label = forms.CharField(label=_("Nouveau nom"), min_length=3, max_length=200)


class SplitForm(AccessibleForm):
    label = forms.CharField(label=_("Nom du nouveau bouquet"), min_length=3, max_length=200)
    proposals = forms.TypedMultipleChoiceField(
        label=_("Propositions à sortir dans le nouveau bouquet"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    # Shown only when means were given to the bouquet; the service refuses the split without an answer.
    means = forms.ChoiceField(
        label=_("Les moyens alloués à ce bouquet"),
        choices=MeansOnSplit.choices,
        widget=forms.RadioSelect,
        required=False,
    )


class MergeForm(AccessibleForm):
    others = forms.TypedMultipleChoiceField(
        label=_("Bouquets à fusionner dans celui-ci"), coerce=int, widget=forms.CheckboxSelectMultiple
    )


class SdgForm(AccessibleForm):
    sdgs = forms.TypedMultipleChoiceField(
        label=_("Objectifs de développement durable servis"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )
