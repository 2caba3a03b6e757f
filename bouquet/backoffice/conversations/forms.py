from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.conversations.models import QUESTION_MAX, Access, Moderation
from bouquet.core.forms import AccessibleForm
from bouquet.processes.models import Process


class ConversationForm(AccessibleForm):
    process = forms.ModelChoiceField(label=_("Démarche"), queryset=Process.objects.order_by("title"))
    question = forms.CharField(label=_("Question posée"), max_length=QUESTION_MAX)
    description = forms.CharField(
        label=_("Présentation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    seeds = forms.CharField(
        label=_("Affirmations de départ"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Une par ligne, 280 caractères au plus. « Proposer depuis les bouquets » en écrit une par bouquet de la "
            "démarche : relisez-les et corrigez-les avant d'enregistrer."
        ),
    )
    participants_may_add = forms.BooleanField(
        label=_("Les participants peuvent ajouter des affirmations"), required=False, initial=True
    )
    moderation = forms.ChoiceField(
        label=_("Modération des affirmations"), choices=Moderation.choices, initial=Moderation.AFTER
    )
    access = forms.ChoiceField(label=_("Participation"), choices=Access.choices, initial=Access.SIGNED_IN)


class RulesForm(AccessibleForm):
    participants_may_add = forms.BooleanField(
        label=_("Les participants peuvent ajouter des affirmations"), required=False
    )
    moderation = forms.ChoiceField(label=_("Modération des affirmations"), choices=Moderation.choices)
    access = forms.ChoiceField(label=_("Participation"), choices=Access.choices)


class StaffStatementsForm(AccessibleForm):
    texts = forms.CharField(
        label=_("Nouvelles affirmations"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Une par ligne, 280 caractères au plus."),
    )


class ImportForm(AccessibleForm):
    process = forms.ModelChoiceField(label=_("Démarche"), queryset=Process.objects.order_by("title"))
    question = forms.CharField(
        label=_("Question posée"),
        max_length=QUESTION_MAX,
        required=False,
        help_text=_("Laisser vide pour reprendre le sujet de l'export (summary.csv)."),
    )
    archive = forms.FileField(
        label=_("Export Pol.is (zip)"),
        help_text=_("Le zip de l'export, ou un zip qui contient au moins comments.csv et votes.csv."),
    )


class RoomForm(AccessibleForm):
    title = forms.CharField(label=_("Nom de l'atelier"), max_length=200)
    chairs = forms.IntegerField(label=_("Chaises au centre"), min_value=1, max_value=12, initial=4)
    timer_seconds = forms.IntegerField(
        label=_("Temps de parole (secondes)"), min_value=30, max_value=1800, initial=180
    )


class RemarkForm(AccessibleForm):
    text = forms.CharField(
        label=_("Ce qui vient d'être dit, en une affirmation"),
        max_length=280,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class QueueForm(AccessibleForm):
    name = forms.CharField(label=_("Prénom ou pseudonyme"), max_length=60)
