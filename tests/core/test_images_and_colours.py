"""Pictures re-encoded without their metadata, and the contrast of colours."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from bouquet.core.colours import contrast_ratio
from bouquet.core.errors import InvalidInput
from bouquet.core.images import MAX_IMAGE_SIDE, clean_image


def _upload(kind: str, size: tuple[int, int] = (40, 30), **options: object) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, format=kind, **options)
    return SimpleUploadedFile(f"photo.{kind.lower()}", buffer.getvalue())


def test_a_jpeg_loses_its_exif_and_a_large_one_is_scaled_down() -> None:
    exif = Image.Exif()
    exif[0x010F] = "Téléphone"
    cleaned = clean_image(_upload("JPEG", (MAX_IMAGE_SIDE + 600, 100), exif=exif), field="image")
    assert cleaned.name.endswith(".jpg")
    with Image.open(io.BytesIO(cleaned.read())) as picture:
        assert not picture.getexif()
        assert picture.size[0] == MAX_IMAGE_SIDE


@pytest.mark.parametrize("kind", ["GIF", "BMP"])
def test_other_formats_are_refused(kind: str) -> None:
    with pytest.raises(InvalidInput) as refusal:
        clean_image(_upload(kind), field="image")
    assert "JPEG, PNG ou WebP" in str(refusal.value.field_errors["image"])


def test_a_file_too_heavy_is_refused_before_being_read() -> None:
    with pytest.raises(InvalidInput) as refusal:
        clean_image(_upload("PNG"), field="logo", max_bytes=10)
    assert "logo" in refusal.value.field_errors


def test_a_truncated_picture_is_refused() -> None:
    whole = _upload("PNG").read()
    with pytest.raises(InvalidInput):
        clean_image(SimpleUploadedFile("cut.png", whole[: len(whole) // 2]), field="image")


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#1f5f8b", "#ffffff", 6.85),
        ("#767676", "#ffffff", 4.54),
    ],
)
def test_contrast_ratios_as_wcag_computes_them(first: str, second: str, ratio: float) -> None:
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.01)
