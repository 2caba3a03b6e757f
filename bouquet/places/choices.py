"""A form field to choose a published place, shared by the inhabitants' and the agents' forms.

A territory may hold thousands of places: the list offers the first ones by name (a plain select that works
without JavaScript), and any published place is accepted, whether listed or not (the search page, or a
``?lieu=`` link from a place's page, names the others)."""

from collections.abc import Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator

from bouquet.places.models import Place

PLACES_IN_LIST = 300


class _FirstPlaces(ModelChoiceIterator):
    """The first places by name only (any published one is accepted)."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for place in self.queryset[:PLACES_IN_LIST]:
            yield self.choice(place)


class PlaceChoiceField(forms.ModelChoiceField[Place]):
    iterator = _FirstPlaces
