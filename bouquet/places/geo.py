"""Coordinates accepted by the product."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from bouquet.core.errors import InvalidInput


def parse_coordinates(latitude: object, longitude: object) -> tuple[float, float] | None:
    """Return (lat, lon) from form or API values, None when both are empty; refuse half or invalid pairs."""
    empty = {None, ""}
    if latitude in empty and longitude in empty:
        return None
    errors: dict[str, str] = {}
    values: dict[str, float] = {}
    for name, raw, bound in (("latitude", latitude, 90), ("longitude", longitude, 180)):
        if raw in empty:
            errors[name] = _("Indiquez la latitude et la longitude, ou aucune des deux.")
            continue
        try:
            value = Decimal(str(raw).strip().replace(",", "."))
        except InvalidOperation:
            errors[name] = _("Ce n'est pas un nombre.")
            continue
        if not value.is_finite() or not -bound <= value <= bound:
            errors[name] = _("Doit être comprise entre -%(b)s et %(b)s.") % {"b": bound}
            continue
        values[name] = float(value)
    if errors:
        raise InvalidInput(_("Le lieu indiqué n'est pas valable."), field_errors=errors)
    return values["latitude"], values["longitude"]
