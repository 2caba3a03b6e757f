"""Forms of the public project pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.core.forms import AccessibleForm
from bouquet.projects.models import Answer


class AnswerForm(AccessibleForm):
    answer = forms.ChoiceField(
        label=_("Ce projet répond-il toujours à votre besoin ?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Votre commentaire"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Facultatif : ce qui a changé depuis, ce qu'il faudrait adapter."),
    )


class RequestForm(AccessibleForm):
    message = forms.CharField(
        label=_("Pourquoi demandez-vous une revoyure ?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
