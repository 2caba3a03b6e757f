"""Form helpers shared by every app."""

from django import forms

from bouquet.core.errors import DomainError


class AccessibleForm(forms.Form):
    """Base of the site's forms. Django 6.1 itself ties each input to ``<id>_helptext`` and ``<id>_error`` and
    sets ``aria-invalid`` when it renders, so errors added after cleaning (the services' ones) are linked
    too; ``_form_field.html`` gives the help and error paragraphs those ids."""


def add_domain_errors(form: forms.Form, error: DomainError) -> None:
    """Show a service's refusal on a form: each field's message beside its field, the rest at the top."""
    for field, message in error.field_errors.items():
        form.add_error(field if field in form.fields else None, str(message))
    if not any(field in form.fields for field in error.field_errors):
        if str(error.message) not in [str(e) for e in form.non_field_errors()]:
            form.add_error(None, str(error.message))
