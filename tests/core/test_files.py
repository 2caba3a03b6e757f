"""A replaced or removed upload leaves no file behind; a change that fails keeps the file its row names."""

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image

from bouquet.places.services import update_authority_profile

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


def _png(colour: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (12, 8), colour).save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def _identity(**logo: object) -> Any:
    return update_authority_profile(
        name="Commune", article="la", short_name="Commune", primary_color="#1f5f8b", **logo
    )


def test_a_replaced_logo_is_deleted_from_disk(django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = Path(_identity(logo=_png("red")).logo.path)
    with django_capture_on_commit_callbacks(execute=True):
        second = Path(_identity(logo=_png("blue")).logo.path)
    assert second.exists()
    assert first != second
    assert not first.exists()


def test_a_removed_logo_is_deleted_from_disk(django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = Path(_identity(logo=_png("red")).logo.path)
    with django_capture_on_commit_callbacks(execute=True):
        profile = _identity(remove_logo=True)
    assert not profile.logo
    assert not first.exists()


def test_a_change_rolled_back_keeps_the_file_its_row_still_names(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = Path(_identity(logo=_png("red")).logo.path)

    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), transaction.atomic():
        _identity(logo=_png("blue"))
        raise Abandoned
    assert first.exists()
