"""Form helpers shared by every app."""

from typing import Any

from django import forms


class AccessibleForm(forms.Form):
    """Ties each input to its help text and error message, and marks invalid inputs for screen readers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self[name].id_for_label}-aide"

    def full_clean(self) -> None:
        """Validate, then flag the inputs that have errors."""
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            ids = [attrs.get("aria-describedby", ""), f"{self[name].id_for_label}-erreur"]
            attrs["aria-describedby"] = " ".join(i for i in ids if i)
            attrs["aria-invalid"] = "true"
