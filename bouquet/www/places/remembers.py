"""« What the place remembers », shown first to someone about to propose on a place (or to open a process about
it): a few memories and archive items, with a link to the place's whole timeline."""

from typing import Any

from django import forms

from bouquet.places.models import Moderation, Place
from bouquet.places.selectors import place_remembers
from bouquet.processes.models import Process

EXCERPT_ITEMS = 3


def chosen_place(form: forms.Form, field: str = "lieu") -> Place | None:
    """The published place a form names (posted, else initial), or None."""
    raw = form[field].value() if field in form.fields else None
    if raw in (None, ""):
        return None
    try:
        pk = int(str(raw))
    except ValueError:
        return None
    return Place.objects.filter(pk=pk, moderation=Moderation.PUBLISHED).first()


def what_the_place_remembers(form: forms.Form, field: str = "lieu") -> dict[str, Any]:
    """The template context of ``places/_remembers.html`` for the place the form names."""
    place = chosen_place(form, field)
    if place is None:
        return {"remembering_place": None}
    return {"remembering_place": place, "remembered": place_remembers(place=place, count=EXCERPT_ITEMS)}


def narrow_places(form: forms.Form, process: Process, field: str = "lieu") -> None:
    """Offer the places of the process's district first when it has one (every published place stays valid)."""
    if field in form.fields and process.district_id is not None:
        chooser = form.fields[field]
        assert isinstance(chooser, forms.ModelChoiceField)  # nosec B101  # narrows the type for mypy; the line above made it so
        chooser.queryset = Place.objects.published().filter(district_id=process.district_id).order_by("name")
