"""The filters shared by the project list, both gap dashboards and the API: a GET form both page adapters use."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from bouquet.core.forms import AccessibleForm
from bouquet.projects import selectors
from bouquet.projects.models import Status


class ProjectFilterForm(AccessibleForm):
    """The filters of the project list and the gap dashboard (a GET form: the page's address keeps them)."""

    theme = forms.ChoiceField(label=_("Thème"), required=False)
    district = forms.ChoiceField(label=_("Quartier"), required=False)
    year = forms.ChoiceField(label=_("Année du vote"), required=False)
    status = forms.ChoiceField(
        label=_("Avancement"), required=False, choices=[("", _("Tous"))] + list(Status.choices)
    )
    drifting = forms.ChoiceField(
        label=_("Dérive"),
        required=False,
        choices=[("", _("Tous")), ("oui", _("Projets qui dérivent")), ("non", _("Projets dans les temps"))],
    )

    def __init__(self, data: object, *, choices: dict[str, list[str]]) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        every = [("", _("Tous"))]
        self.fields["theme"].choices = every + [(t, t) for t in choices["themes"]]  # type: ignore[attr-defined]
        self.fields["district"].choices = every + [(d, d) for d in choices["districts"]]  # type: ignore[attr-defined]
        self.fields["year"].choices = [("", _("Toutes"))] + [(y, y) for y in choices["years"]]  # type: ignore[attr-defined]


def read_filters(
    query: QueryDict, *, public: bool = True
) -> tuple[ProjectFilterForm, selectors.ProjectFilters]:
    """The filters asked for in the address (unknown values are shown as errors and ignored)."""
    form = ProjectFilterForm(query or None, choices=selectors.filter_choices(public=public))
    if not form.is_bound or not form.is_valid():
        return form, selectors.ProjectFilters()
    data = form.cleaned_data
    return form, selectors.ProjectFilters(
        theme=data["theme"],
        district=data["district"],
        year=int(data["year"]) if data["year"] else None,
        status=data["status"],
        drifting={"oui": True, "non": False}.get(data["drifting"]),
    )
