"""Turn validation errors into one plain French message per field."""

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _


def _message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("Ce champ est obligatoire.")
    if kind == "extra_forbidden":
        return _("Champ inconnu : il n'est pas accepté.")
    if kind == "string_too_long":
        return _("%(n)s caractères au plus.") % {"n": ctx.get("max_length")}
    if kind == "string_too_short":
        return _("%(n)s caractères au moins.") % {"n": ctx.get("min_length")}
    if kind in {"int_parsing", "int_type", "float_parsing", "float_type"}:
        return _("Un nombre est attendu.")
    if kind in {"less_than_equal", "greater_than_equal", "less_than", "greater_than"}:
        return _("Valeur hors des limites permises.")
    if kind in {"string_type", "bool_type", "dict_type", "list_type", "model_type"}:
        return _("Type de valeur incorrect.")
    if kind == "json_invalid":
        return _("Le corps de la requête n'est pas du JSON valable.")
    if kind == "enum" or kind == "literal_error":
        return _("Valeur non reconnue.")
    return str(error.get("msg", _("Valeur incorrecte.")))


def field_errors_from_pydantic(errors: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Map each invalid field (dotted path without the request part) to a French message."""
    result: dict[str, str] = {}
    for error in errors:
        location = [str(part) for part in error.get("loc", ())]
        # ninja prefixes the location with where the value came from ("body", "query") and the argument name.
        if location and location[0] in {"body", "query", "path", "form"}:
            location = location[2:] if len(location) > 2 else location[1:]
        field = ".".join(location) or "__all__"
        result.setdefault(field, _message(error))
    return result
