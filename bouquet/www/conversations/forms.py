from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.conversations.models import STATEMENT_MAX
from bouquet.core.forms import AccessibleForm


class StatementForm(AccessibleForm):
    text = forms.CharField(
        label=_("Votre affirmation"),
        max_length=STATEMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Une seule idée, en une phrase que chacun peut approuver ou non (%(max)s caractères au plus)."
        )
        % {"max": STATEMENT_MAX},
    )
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)


class JoinForm(AccessibleForm):
    consent = forms.BooleanField(
        label=_("J'accepte que mes réponses soient enregistrées, sans mon nom, pour cette conversation."),
        required=False,
    )


class RoomCodeForm(AccessibleForm):
    code = forms.CharField(
        label=_("Code de la salle"),
        max_length=12,
        help_text=_("Six lettres ou chiffres, affichés à l'écran."),
    )


class EnterForm(AccessibleForm):
    name = forms.CharField(label=_("Votre prénom ou un pseudonyme"), max_length=60)
