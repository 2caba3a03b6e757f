"""The demo's places remember: memories across decades, photos, archive items, proposals on the timeline."""

import tomllib
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from PIL import Image

from bouquet.demo.memory_of_places import DATA_DIR
from bouquet.places.models import ArchiveItem, Memory, Moderation, Place
from bouquet.places.selectors import place_timeline
from bouquet.processes.models import Process


@pytest.fixture(autouse=True)
def media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.django_db
def test_the_demo_places_remember() -> None:
    content = tomllib.loads((DATA_DIR / "memories.toml").read_text(encoding="utf-8"))
    call_command("seed_demo", verbosity=0)
    assert set(Place.objects.values_list("name", flat=True)) == {p["name"] for p in content["places"]}
    assert Place.objects.filter(moderation=Moderation.PUBLISHED).count() == len(content["places"])
    memories = sum(len(p.get("memories", [])) for p in content["places"])
    assert Memory.objects.filter(moderation=Moderation.PUBLISHED).count() == memories
    assert ArchiveItem.objects.count() == sum(len(p.get("archives", [])) for p in content["places"])
    # Memories span decades, and none lies in the future.
    decades = {m.starts_on.year // 10 for m in Memory.objects.all()}
    assert len(decades) >= 6
    # Photos are real pictures with their description.
    photos = Memory.objects.exclude(photo="")
    assert photos.count() >= 2
    for memory in photos:
        assert memory.photo_alt
        with memory.photo.open("rb") as stored, Image.open(stored) as image:
            assert image.size == (640, 420)
    # The place des Tilleuls shows its memories, its archive and the proposals made about it.
    tilleuls = Place.objects.get(name="Place des Tilleuls")
    kinds = {item.kind for item in place_timeline(place=tilleuls)}
    assert {"memory", "archive", "proposal", "process"} <= kinds
    page = Client().get(tilleuls.get_absolute_url())
    assert page.status_code == 200
    assert "arrivée dans la tour Ronsard" in page.content.decode()
    # Its process is about it: the process page tells what the place remembers and links to it.
    process = Process.objects.get(slug="place-des-tilleuls")
    assert process.place == tilleuls
    assert list(Process.objects.exclude(place=None)) == [process]
    process_page = Client().get(process.get_absolute_url()).content.decode()
    assert "Place des Tilleuls » se souvient" in process_page
    assert f'href="{tilleuls.get_absolute_url()}"' in process_page
