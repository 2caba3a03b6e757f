"""The authority's own geocoder, spoken to with the addok protocol (as the national address base, BAN, uses it).

``GET {url}/search/?q=...&limit=5`` answers a GeoJSON FeatureCollection whose features carry a ``label`` and a
``context``. Nothing here reaches a third party: the URL is the authority's own server, set in
``BOUQUET_GEOCODER_URL``; without it, searches look in the districts and map features only.
"""

import json
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any


class GeocoderUnavailable(Exception):
    """The geocoder did not answer, or answered something that is not an addok FeatureCollection."""


@dataclass(frozen=True)
class Address:
    label: str
    latitude: float
    longitude: float
    context: str


def _address(feature: Any) -> Address | None:
    try:
        lon, lat = feature["geometry"]["coordinates"][:2]
        properties = feature.get("properties") or {}
        label = str(properties.get("label") or properties.get("name") or "").strip()
        if not label:
            return None
        return Address(label, float(lat), float(lon), str(properties.get("context") or ""))
    except (KeyError, TypeError, ValueError):
        return None


def search_addresses(*, base_url: str, query: str, limit: int = 5, timeout: float = 3.0) -> list[Address]:
    """Ask an addok server for the addresses matching `query`; GeocoderUnavailable when it cannot answer."""
    url = f"{base_url.rstrip('/')}/search/?{urllib.parse.urlencode({'q': query, 'limit': limit})}"
    if not url.startswith(("http://", "https://")):
        raise GeocoderUnavailable(f"Adresse de géocodeur invalide : {base_url}")
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310 - checked above
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310  # nosec B310 - http(s) only, checked above
            data = json.loads(response.read(1_000_000))
    except (OSError, ValueError) as error:
        raise GeocoderUnavailable(str(error)) from error
    if not isinstance(data, dict) or not isinstance(data.get("features"), list):
        raise GeocoderUnavailable("La réponse n'est pas une FeatureCollection.")
    found = [_address(feature) for feature in data["features"]]
    return [address for address in found if address is not None][:limit]
