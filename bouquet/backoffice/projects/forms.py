"""Forms of the back-office project pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.core.forms import AccessibleForm, DayField
from bouquet.projects.models import ResultStatus, Status


class ThresholdsForm(AccessibleForm):
    slip_months = forms.IntegerField(
        label=_("Retard de livraison toléré (en mois)"),
        min_value=0,
        max_value=240,
        help_text=_("Au-delà, un projet dont la livraison prévue est dépassée ou repoussée dérive."),
    )
    vote_to_opening_months = forms.IntegerField(
        label=_("Délai maximal entre le vote et l'ouverture (en mois)"), min_value=1, max_value=600
    )
    silence_months = forms.IntegerField(
        label=_("Durée maximale sans nouvelle (en mois)"), min_value=1, max_value=120
    )
    request_after_months = forms.IntegerField(
        label=_("Sans nouvelle depuis combien de mois les habitants peuvent demander une revoyure"),
        min_value=1,
        max_value=120,
    )


class ProjectForm(AccessibleForm):
    title = forms.CharField(label=_("Titre"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    cost = forms.IntegerField(label=_("Coût (en euros)"), required=False, min_value=0)
    department = forms.CharField(label=_("Service pilote"), required=False, max_length=200)
    theme_label = forms.CharField(label=_("Thème"), required=False, max_length=120)
    district_label = forms.CharField(label=_("Quartier"), required=False, max_length=120)
    conceived = DayField(label=_("Conçu le (proposition ou vote)"), required=False)
    planned_delivery = DayField(label=_("Livraison prévue le"), required=False)


class DatesForm(AccessibleForm):
    status = forms.ChoiceField(label=_("Avancement"), choices=Status.choices)
    studies = DayField(label=_("Début des études"), required=False)
    works = DayField(label=_("Début des travaux"), required=False)
    planned_delivery = DayField(label=_("Livraison prévue"), required=False)
    delivered = DayField(label=_("Ouverture"), required=False)


class UpdateForm(AccessibleForm):
    title = forms.CharField(label=_("Titre de la nouvelle"), max_length=200)
    body = forms.CharField(
        label=_("Texte"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    happened_on = DayField(label=_("Date"), required=False)
    photo = forms.FileField(label=_("Photo"), required=False, help_text=_("JPEG, PNG ou WebP, 5 Mo au plus."))
    photo_alt = forms.CharField(
        label=_("Description de la photo"),
        required=False,
        max_length=200,
        help_text=_("Obligatoire avec une photo : ce qu'elle montre, pour qui ne la voit pas."),
    )


class MilestoneForm(AccessibleForm):
    title = forms.CharField(label=_("Étape"), max_length=200)
    planned_on = DayField(label=_("Prévue le"))
    done_on = DayField(label=_("Réalisée le"), required=False)


class ResultForm(AccessibleForm):
    title = forms.CharField(label=_("Résultat attendu"), max_length=200)
    status = forms.ChoiceField(label=_("État"), choices=ResultStatus.choices)
    weight = forms.IntegerField(label=_("Poids"), min_value=0, max_value=100, initial=1)
    progress = forms.IntegerField(label=_("Avancement (%)"), min_value=0, max_value=100, initial=0)
    parent = forms.TypedChoiceField(label=_("Sous le résultat"), required=False, coerce=int, empty_value=None)


class ReconsultationForm(AccessibleForm):
    question = forms.CharField(
        label=_("Message aux participants"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        initial=_(
            "Ce projet a pris du retard. Répond-il toujours à votre besoin, faut-il l'adapter ou l'abandonner ?"
        ),
    )
    closes_on = DayField(label=_("Réponses jusqu'au"))
