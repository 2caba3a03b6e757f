"""Writes on places, memories, archive items and their moderation (SQLite and PostgreSQL)."""

import datetime
import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.places import services
from bouquet.places.models import ArchiveItem, CreatorKind, Memory, MemoryReport, Moderation, Place
from bouquet.places.selectors import place_remembers, place_timeline, places_near
from tests.concurrency import run_together
from tests.factories import DistrictFactory, UserFactory
from tests.places.factories import make_memory, make_place

pytestmark = pytest.mark.django_db


def _photo(kind: str = "JPEG", size: tuple[int, int] = (64, 48), gps: bool = True) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Téléphone de Mme Martin"
    if gps:
        exif[0x8825] = {1: "N", 2: (47.0, 0.0, 0.0)}
    Image.new("RGB", size, "#7a5230").save(buffer, format=kind, exif=exif)
    return SimpleUploadedFile(f"souvenir.{kind.lower()}", buffer.getvalue())


# Places -------------------------------------------------------------------------------------------------------


def test_an_agents_place_is_published_an_inhabitants_waits_for_moderation() -> None:
    agent, inhabitant = UserFactory(agent=True), UserFactory()
    square = services.create_place(
        author=agent,
        data=services.PlaceInput(name="  Place  du Marché ", kind="square", point=(47.0, 1.0)),
        trusted=True,
    )
    lavoir = services.create_place(
        author=inhabitant, data=services.PlaceInput(name="Le lavoir", point=(47.001, 1.001)), trusted=False
    )
    assert square.name == "Place du Marché"
    assert (square.moderation, square.creator_kind) == (Moderation.PUBLISHED, CreatorKind.AGENT)
    assert (lavoir.moderation, lavoir.creator_kind) == (Moderation.PENDING, CreatorKind.INHABITANT)
    assert [n.place for n in places_near(47.0, 1.0, 500)] == [square]


def test_an_area_keeps_its_box_and_a_centre_inside_it() -> None:
    park = services.create_place(
        author=UserFactory(agent=True),
        data=services.PlaceInput(
            name="Parc des Tilleuls",
            kind="park",
            shape={
                "type": "Polygon",
                "coordinates": [[[1.0, 47.0], [1.01, 47.0], [1.01, 47.01], [1.0, 47.01], [1.0, 47.0]]],
            },
        ),
        trusted=True,
    )
    assert (park.min_lon, park.min_lat, park.max_lon, park.max_lat) == (1.0, 47.0, 1.01, 47.01)
    assert park.latitude == pytest.approx(47.005) and park.is_area


def test_a_place_inside_a_district_knows_it() -> None:
    district = DistrictFactory(outlined=True)
    place = services.create_place(
        author=UserFactory(agent=True),
        data=services.PlaceInput(name="Halle", point=(47.0, 1.0)),
        trusted=True,
    )
    assert place.district == district


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (services.PlaceInput(name="", point=(47.0, 1.0)), "name"),
        (services.PlaceInput(name="Halle"), "geometry"),
        (services.PlaceInput(name="Halle", point=(95.0, 1.0)), "geometry"),
        (services.PlaceInput(name="Halle", shape={"type": "Circle", "coordinates": [1, 47]}), "geometry"),
        (
            services.PlaceInput(
                name="La Loire",
                shape={"type": "LineString", "coordinates": [[0.0, 47.0], [2.0, 47.5]]},
            ),
            "geometry",
        ),
        (services.PlaceInput(name="Halle", kind="castle", point=(47.0, 1.0)), "kind"),
    ],
)
def test_a_bad_place_is_refused_in_french_and_nothing_is_saved(data: services.PlaceInput, field: str) -> None:
    with pytest.raises(InvalidInput) as refusal:
        services.create_place(author=UserFactory(), data=data, trusted=False)
    assert field in refusal.value.field_errors
    assert not Place.objects.exists()


def test_a_place_outside_the_territory_is_refused() -> None:
    DistrictFactory(outlined=True)
    with pytest.raises(InvalidInput) as refusal:
        services.create_place(
            author=UserFactory(), data=services.PlaceInput(name="Loin", point=(45.0, 3.0)), trusted=False
        )
    assert "geometry" in refusal.value.field_errors


def test_the_same_place_form_sent_twice_makes_one_place() -> None:
    person, key = UserFactory(), uuid.uuid4()
    data = services.PlaceInput(name="Le kiosque", point=(47.0, 1.0))
    first = services.create_place(author=person, data=data, trusted=False, submission_key=key)
    again = services.create_place(author=person, data=data, trusted=False, submission_key=key)
    assert first == again and Place.objects.count() == 1


# Memories -----------------------------------------------------------------------------------------------------


def test_a_memory_is_dated_as_written_and_sorted_by_its_period() -> None:
    place = make_place()
    make_memory(place, title="Le bal du 14 juillet", when="14 juillet 1989")
    make_memory(place, title="Les platanes", when="vers 1975")
    make_memory(place, title="La fête de la musique", when="années 90")
    memory = Memory.objects.get(title="Les platanes")
    assert (memory.when_text, memory.starts_on, memory.ends_on) == (
        "vers 1975",
        datetime.date(1973, 1, 1),
        datetime.date(1977, 12, 31),
    )
    assert [i.title for i in place_timeline(place=place)] == [
        "La fête de la musique",
        "Le bal du 14 juillet",
        "Les platanes",
    ]


def test_a_photo_is_re_encoded_without_its_metadata_and_keeps_its_description() -> None:
    memory = services.add_memory(
        author=UserFactory(),
        place=make_place(),
        title="La fontaine",
        story="Elle coulait encore quand j'étais enfant.",
        when="1982",
        photo=_photo(),
        photo_alt="La fontaine de pierre, une enfant assise sur le rebord",
    )
    assert memory.photo.name.startswith("places/memories/") and memory.photo.name.endswith(".jpg")
    assert "souvenir" not in memory.photo.name
    with memory.photo.open("rb") as stored, Image.open(stored) as picture:
        assert not picture.getexif()
        assert picture.size == (64, 48)
    item = place_timeline(place=memory.place)[0]
    assert item.image_url == memory.photo.url and item.image_alt.startswith("La fontaine")


@pytest.mark.parametrize(
    ("photo", "alt", "field", "words"),
    [
        (lambda: _photo(), "", "photo_alt", "Décrivez la photo"),
        (
            lambda: SimpleUploadedFile("photo.jpg", b"not an image at all"),
            "Une photo",
            "photo",
            "pas une image",
        ),
        (lambda: _photo("GIF"), "Une photo", "photo", "JPEG, PNG ou WebP"),
    ],
)
def test_a_bad_photo_is_refused_and_nothing_is_saved(photo, alt: str, field: str, words: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as refusal:
        services.add_memory(
            author=UserFactory(),
            place=make_place(),
            title="Photo",
            story="Une photo.",
            when="1982",
            photo=photo(),
            photo_alt=alt,
        )
    assert words in str(refusal.value.field_errors[field])
    assert not Memory.objects.exists()


def test_a_photo_too_heavy_is_refused(settings) -> None:  # type: ignore[no-untyped-def]
    from bouquet.core import images

    big = SimpleUploadedFile("big.jpg", b"\xff" * (images.MAX_IMAGE_BYTES + 1))
    with pytest.raises(InvalidInput) as refusal:
        services.add_memory(
            author=UserFactory(),
            place=make_place(),
            title="Photo",
            story="Une photo.",
            when="1982",
            photo=big,
            photo_alt="x",
        )
    assert "Mo" in str(refusal.value.field_errors["photo"])


@pytest.mark.parametrize(
    ("when", "words"), [("2099", "futur"), ("", "Indiquez"), ("un jour", "pas pu être lue")]
)
def test_a_memory_dated_in_the_future_or_unreadably_is_refused(when: str, words: str) -> None:
    with pytest.raises(InvalidInput) as refusal:
        services.add_memory(
            author=UserFactory(), place=make_place(), title="Demain", story="Plus tard.", when=when
        )
    assert words in str(refusal.value.field_errors["when_text"])
    assert not Memory.objects.exists()


def test_no_memory_on_a_place_waiting_for_moderation() -> None:
    with pytest.raises(ActionNotAllowed):
        make_memory(make_place(moderation=Moderation.PENDING))


def test_the_same_memory_form_sent_twice_makes_one_memory() -> None:
    person, place, key = UserFactory(), make_place(), uuid.uuid4()
    for _ in range(2):
        services.add_memory(
            author=person, place=place, title="Le marché", story="Le samedi.", when="1982", submission_key=key
        )
    assert Memory.objects.count() == 1


# Archive items ------------------------------------------------------------------------------------------------


def test_an_archive_item_carries_its_source_and_licence_on_the_timeline() -> None:
    place = make_place()
    services.add_archive_item(
        agent=UserFactory(agent=True),
        place=place,
        kind="map",
        title="Plan cadastral napoléonien",
        when="1812",
        source="Archives départementales, 3 P 1234",
        licence="Licence Ouverte 2.0",
        image=_photo("PNG", gps=False),
        image_alt="Plan ancien du bourg, la place au centre",
    )
    item = place_timeline(place=place)[0]
    assert (item.kind, item.when_text) == ("archive", "1812")
    assert item.extra["source"].startswith("Archives") and item.extra["licence"] == "Licence Ouverte 2.0"
    assert place_remembers(place=place)[0].title == "Plan cadastral napoléonien"


def test_an_archive_item_needs_a_source_and_a_licence() -> None:
    with pytest.raises(InvalidInput) as refusal:
        services.add_archive_item(
            agent=UserFactory(agent=True),
            place=make_place(),
            kind="photo",
            title="Photo",
            when="1950",
            source="",
            licence="",
        )
    assert {"source", "licence"} <= set(refusal.value.field_errors)
    assert not ArchiveItem.objects.exists()


# Moderation ---------------------------------------------------------------------------------------------------


def test_enough_reports_hide_a_memory_until_a_moderator_restores_it(settings) -> None:  # type: ignore[no-untyped-def]
    settings.BOUQUET_REPORTS_TO_HIDE = 2
    memory = make_memory(make_place())
    first = UserFactory()
    services.report_memory(reporter=first, memory=memory, reason="Propos blessants")
    services.report_memory(reporter=first, memory=memory, reason="Encore")  # one person counts once
    memory.refresh_from_db()
    assert memory.moderation == Moderation.PUBLISHED
    services.report_memory(reporter=UserFactory(), memory=memory, reason="Hors sujet")
    memory.refresh_from_db()
    assert memory.moderation == Moderation.PENDING
    assert place_timeline(place=memory.place) == []
    services.moderate_place_item(
        moderator=UserFactory(moderator=True), memory=memory, hide=False, reason="Conforme"
    )
    memory.refresh_from_db()
    assert memory.moderation == Moderation.PUBLISHED
    assert not MemoryReport.objects.filter(resolved=False).exists()


def test_one_cannot_report_ones_own_memory_nor_without_a_reason() -> None:
    memory = make_memory(make_place())
    with pytest.raises(ActionNotAllowed):
        services.report_memory(reporter=memory.author, memory=memory, reason="Oups")
    with pytest.raises(InvalidInput):
        services.report_memory(reporter=UserFactory(), memory=memory, reason="  ")


def test_a_moderator_publishes_an_inhabitants_place_and_cannot_decide_twice() -> None:
    place = make_place(moderation=Moderation.PENDING)
    moderator = UserFactory(moderator=True)
    services.moderate_place_item(moderator=moderator, place=place, hide=False, reason="Lieu bien réel")
    place.refresh_from_db()
    assert place.moderation == Moderation.PUBLISHED
    with pytest.raises(Conflict):
        services.moderate_place_item(moderator=moderator, place=place, hide=False, reason="Encore")
    with pytest.raises(InvalidInput):
        services.moderate_place_item(moderator=moderator, place=place, hide=True, reason="")


@pytest.mark.django_db(transaction=True)
def test_twenty_reports_at_once_by_one_person_count_once() -> None:
    memory = make_memory(make_place())
    reporter = UserFactory()

    def report(_index: int) -> None:
        services.report_memory(reporter=reporter, memory=memory, reason="Doublon")

    assert run_together(report) == []
    assert MemoryReport.objects.filter(memory=memory).count() == 1
