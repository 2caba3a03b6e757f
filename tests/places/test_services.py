"""Districts and the authority's identity."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from bouquet.core.errors import Conflict, InvalidInput
from bouquet.places.models import AuthorityProfile, District
from bouquet.places.selectors import authority_identity, authority_profile
from bouquet.places.services import (
    create_district,
    delete_district,
    update_authority_profile,
    update_district,
)
from tests.factories import ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_two_districts_never_share_a_name_whatever_the_capitals() -> None:
    create_district(name="Les Rives")
    with pytest.raises(Conflict) as refusal:
        create_district(name="  les   rives ")
    assert refusal.value.status_code == 409
    assert "name" in refusal.value.field_errors
    assert District.objects.count() == 1


def test_renaming_onto_another_district_is_refused_but_keeping_ones_own_name_is_fine() -> None:
    create_district(name="Centre")
    rives = create_district(name="Rives")
    update_district(district=rives, name="Rives", description="Au bord de l'eau.")
    with pytest.raises(Conflict):
        update_district(district=rives, name="CENTRE", description="")
    rives.refresh_from_db()
    assert (rives.name, rives.description) == ("Rives", "Au bord de l'eau.")


def test_names_that_make_the_same_address_get_distinct_addresses() -> None:
    first, second = create_district(name="Les Halles"), create_district(name="Les-Halles")
    assert first.slug != second.slug


def test_a_district_is_deleted_only_when_nothing_uses_it() -> None:
    used = create_district(name="Centre")
    ProposalFactory(district=used)
    UserFactory(district=used)
    with pytest.raises(Conflict) as refusal:
        delete_district(district=used)
    assert "personnes : 1" in refusal.value.message
    assert "propositions : 1" in refusal.value.message
    free = create_district(name="Rives")
    delete_district(district=free)
    assert list(District.objects.values_list("name", flat=True)) == ["Centre"]


def test_the_identity_comes_from_the_settings_until_saved(settings: object) -> None:
    assert authority_profile().name == "Ville de Val-de-Loirette"
    identity = authority_identity()
    assert identity["name"] == "Ville de Val-de-Loirette"
    assert identity["map_tiles_url"] == ""  # the keys only the settings hold stay
    update_authority_profile(
        name="Commune des Tilleuls", article="la", short_name="Tilleuls", primary_color="#1F5F8B"
    )
    assert authority_identity()["name"] == "Commune des Tilleuls"
    assert AuthorityProfile.objects.get().primary_color == "#1f5f8b"


@pytest.mark.parametrize(
    ("colour", "field"),
    [("#ffcc00", "primary_color"), ("bleu", "primary_color"), ("#777777", "primary_color")],
)
def test_a_colour_white_text_cannot_be_read_on_is_refused(colour: str, field: str) -> None:
    with pytest.raises(InvalidInput) as refusal:
        update_authority_profile(name="Commune", article="la", short_name="Commune", primary_color=colour)
    assert field in refusal.value.field_errors
    assert not AuthorityProfile.objects.exists()


def test_a_logo_that_is_not_a_picture_saves_nothing() -> None:
    fake = SimpleUploadedFile("logo.png", b"GIF89a pas vraiment", content_type="image/png")
    with pytest.raises(InvalidInput) as refusal:
        update_authority_profile(
            name="Commune", article="la", short_name="Commune", primary_color="#1f5f8b", logo=fake
        )
    assert "logo" in refusal.value.field_errors
    assert not AuthorityProfile.objects.exists()


def test_a_logo_is_re_encoded() -> None:
    buffer = io.BytesIO()
    Image.new("RGBA", (30, 20), (0, 0, 0, 0)).save(buffer, format="PNG", pnginfo=_text_chunk())
    profile = update_authority_profile(
        name="Commune",
        article="l'",
        short_name="Commune",
        primary_color="#1f5f8b",
        logo=SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png"),
    )
    with Image.open(profile.logo.path) as saved:
        assert saved.format == "PNG"
        assert "Author" not in saved.info


def _text_chunk() -> object:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Service communication")
    return info
