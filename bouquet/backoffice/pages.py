"""What every back-office form page does: post the form to its service, say it worked, or show the errors (one
home for both page adapters: ``core.forms.form_page``)."""

from bouquet.core.forms import form_page

__all__ = ["form_page"]
