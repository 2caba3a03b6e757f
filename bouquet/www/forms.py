"""Form helpers of the pages: they live in ``bouquet.core.forms`` so that every adapter (the public pages and the
back-office) posts its forms the same way; imported from here by the public pages."""

from bouquet.core.forms import (
    AccessibleForm,
    FormOutcome,
    add_domain_errors,
    form_field_errors,
    submission_key_field,
    submit_form,
)

__all__ = [
    "AccessibleForm",
    "FormOutcome",
    "add_domain_errors",
    "form_field_errors",
    "submission_key_field",
    "submit_form",
]
