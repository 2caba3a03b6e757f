"""Forms of the lab's back-office pages."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bouquet.accounts.models import Role, User
from bouquet.core.forms import AccessibleForm
from bouquet.incubator.models import Check, Initiative, Stage


class CriterionForm(AccessibleForm):
    stage = forms.ChoiceField(
        label=_("Pour entrer à l'étape"), choices=[(s.value, s.label) for s in Stage if s != Stage.IDEA]
    )
    label = forms.CharField(label=_("Critère"), max_length=200)
    check = forms.ChoiceField(label=_("Comment il se vérifie"), choices=Check.choices)
    threshold = forms.IntegerField(
        label=_("Seuil"),
        min_value=1,
        max_value=100,
        initial=1,
        help_text=_("Pour les critères automatiques qui comptent (membres, réunions)."),
    )
    position = forms.IntegerField(label=_("Ordre"), min_value=0, max_value=100, initial=0)


class MentorForm(AccessibleForm):
    initiative = forms.ModelChoiceField(label=_("Initiative"), queryset=Initiative.objects.order_by("title"))
    mentor = forms.ModelChoiceField(
        label=_("Accompagnateur ou accompagnatrice"),
        queryset=User.objects.filter(Q(role=Role.MENTOR) | Q(role_grants__role=Role.MENTOR), is_active=True)
        .distinct()
        .order_by("display_name"),
    )
