"""Form helpers shared by every app."""

from django import forms


class AccessibleForm(forms.Form):
    """Base of the site's forms. Django 6.1 itself ties each input to ``<id>_helptext`` and ``<id>_error`` and
    sets ``aria-invalid`` when it renders, so errors added after cleaning (the services' ones) are linked
    too; ``_form_field.html`` gives the help and error paragraphs those ids."""
