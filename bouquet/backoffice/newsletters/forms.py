from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.core.forms import AccessibleForm
from bouquet.places.models import District
from bouquet.processes.models import Process


def audience_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The processes and districts a newsletter can go to, grouped."""
    processes = [(f"process:{p.pk}", p.title) for p in Process.objects.order_by("title")]
    districts = [(f"district:{d.pk}", d.name) for d in District.objects.order_by("name")]
    return [(str(_("Démarches")), processes), (str(_("Quartiers")), districts)]


class NewsletterForm(AccessibleForm):
    audience = forms.ChoiceField(
        label=_("Destinataires"),
        help_text=_(
            "Une démarche : les personnes qui la suivent. Un quartier : les personnes qui suivent l'une de ses "
            "démarches ou le quartier lui-même."
        ),
    )
    subject = forms.CharField(label=_("Objet"), max_length=150)
    body = forms.CharField(
        label=_("Texte"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Du texte simple ; laissez une ligne vide entre deux paragraphes."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["audience"].choices = [("", "—"), *audience_choices()]  # type: ignore[attr-defined]
