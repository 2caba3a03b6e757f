"""The addok client against a small addok-speaking HTTP server started by the test (no mock of the client)."""

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from bouquet.places.geocoder import GeocoderUnavailable, search_addresses
from bouquet.places.selectors import find_places
from tests.factories import DistrictFactory

ADDRESSES = [
    {
        "label": "12 Rue des Vanniers 36000 Val-de-Loirette",
        "context": "36, Indre",
        "lon": 1.3485,
        "lat": 46.9094,
    },
    {"label": "Place du Marché 36000 Val-de-Loirette", "context": "36, Indre", "lon": 1.3452, "lat": 46.9125},
    {"label": "Place du Marché 75004 Paris", "context": "75, Paris", "lon": 2.3522, "lat": 48.8566},
]


class FakeAddok(BaseHTTPRequestHandler):
    """Answers /search/?q=...&limit=... as addok does: a GeoJSON FeatureCollection; records what it was asked."""

    asked: list[dict[str, list[str]]] = []

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/search/":
            self.send_error(404)
            return
        query = parse_qs(url.query)
        type(self).asked.append(query)
        words = query["q"][0].casefold().split()
        limit = int(query.get("limit", ["5"])[0])
        found = [a for a in ADDRESSES if all(w in a["label"].casefold() for w in words)][:limit]
        body = {
            "type": "FeatureCollection",
            "version": "draft",
            "query": query["q"][0],
            "features": [
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [a["lon"], a["lat"]]},
                    "properties": {
                        "label": a["label"],
                        "context": a["context"],
                        "score": 0.9,
                        "type": "street",
                    },
                }
                for a in found
            ]
            + [{"type": "Feature", "geometry": None, "properties": {"label": "cassé"}}],
        }
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture
def addok() -> Iterator[str]:
    FakeAddok.asked = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeAddok)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_addok_search_returns_labelled_points(addok):
    found = search_addresses(base_url=addok + "/", query="place du marché", limit=5)
    assert [(a.label, a.latitude, a.longitude) for a in found] == [
        ("Place du Marché 36000 Val-de-Loirette", 46.9125, 1.3452),
        ("Place du Marché 75004 Paris", 48.8566, 2.3522),
    ]
    assert found[0].context == "36, Indre"
    assert FakeAddok.asked == [{"q": ["place du marché"], "limit": ["5"]}]


def test_addok_unreachable_or_not_addok(addok):
    with pytest.raises(GeocoderUnavailable):
        search_addresses(base_url=addok + "/pas-addok", query="marché")  # answers 404
    with pytest.raises(GeocoderUnavailable):
        search_addresses(base_url="http://127.0.0.1:9", query="marché", timeout=1)
    with pytest.raises(GeocoderUnavailable):
        search_addresses(base_url="file:///etc", query="marché")


@pytest.mark.django_db
def test_find_places_asks_the_geocoder_and_keeps_the_territory(addok, settings):
    DistrictFactory(
        outlined=False, latitude=46.9126, longitude=1.3452
    )  # the territory: around Val-de-Loirette
    settings.BOUQUET_GEOCODER_URL = addok
    found = find_places(query="place du marché")
    assert [f.label for f in found] == ["Place du Marché 36000 Val-de-Loirette"]  # not the one in Paris


@pytest.mark.django_db
def test_find_places_falls_back_to_the_maps_own_names(settings):
    from tests.factories import MapFeatureFactory

    MapFeatureFactory(name="rue des Vanniers")
    settings.BOUQUET_GEOCODER_URL = "http://127.0.0.1:9"  # nobody answers there
    assert [f.label for f in find_places(query="vanniers")] == ["rue des Vanniers"]
