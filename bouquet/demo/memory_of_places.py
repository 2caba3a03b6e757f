"""The demo's memory of places: named places (shapes from places.geojson), inhabitants' memories with a few
photos, and the town's archive items, all through the places services."""

import json
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from bouquet.demo.pictures import picture
from bouquet.places.models import Place
from bouquet.places.services import PlaceInput, add_archive_item, add_memory, create_place

DATA_DIR = Path(__file__).resolve().parent / "data"


def _shapes(directory: Path) -> dict[str, dict[str, Any]]:
    collection = json.loads((directory / "places.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["name"]: f["geometry"] for f in collection["features"]}


def seed_memory_of_places(*, agent: Any, residents: Sequence[Any], directory: Path = DATA_DIR) -> list[Place]:
    """Create the demo's places with their memories and archive items; ``residents[n - 1]`` is resident n."""
    content = tomllib.loads((directory / "memories.toml").read_text(encoding="utf-8"))
    shapes = _shapes(directory)
    places: list[Place] = []
    for entry in content["places"]:
        place = create_place(
            author=agent,
            data=PlaceInput(
                name=entry["name"],
                kind=entry["kind"],
                description=entry.get("description", "").strip(),
                shape=shapes[entry["feature"]],
            ),
            trusted=True,
        )
        for memory in entry.get("memories", []):
            add_memory(
                author=residents[memory["author"] - 1],
                place=place,
                title=memory["title"],
                story=memory["story"].strip(),
                when=memory["when"],
                photo=picture(memory["photo"]) if memory.get("photo") else None,
                photo_alt=memory.get("photo_alt", ""),
            )
        for item in entry.get("archives", []):
            add_archive_item(
                agent=agent,
                place=place,
                kind=item["kind"],
                title=item["title"],
                when=item["when"],
                description=item.get("description", ""),
                source=item["source"],
                licence=item["licence"],
                image=picture(item["image"]) if item.get("image") else None,
                image_alt=item.get("image_alt", ""),
            )
        places.append(place)
    return places


def place_for_address(places: Sequence[Place], address: str) -> Place | None:
    """The named place an address is on (« 3 place des Tilleuls » → Place des Tilleuls), if any."""
    words = address.strip().lower()
    return next((p for p in places if words and words.endswith(p.name.lower())), None)


def place_named(places: Sequence[Place], name: str | None) -> Place | None:
    """The demo's place of that name (processes.toml names the place a process is about), None for no name;
    a name the demo does not know is a mistake in its files."""
    if not name:
        return None
    found = next((p for p in places if p.name == name), None)
    if found is None:
        raise CommandError(f"processes.toml : le lieu « {name} » n'existe pas dans memories.toml.")
    return found
