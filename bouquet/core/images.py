"""Pictures sent by the authority (a process's image, the logo): checked, then re-encoded by Pillow.

Re-encoding keeps only the pixels: EXIF (the camera, sometimes where the photo was taken), XMP and comments are
dropped, and a file that only pretends to be a picture does not survive it."""

import io
import uuid
from typing import Final

from django.core.files.base import ContentFile, File
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from bouquet.core.errors import InvalidInput

MAX_IMAGE_BYTES: Final = 5 * 1024 * 1024
MAX_IMAGE_SIDE: Final = 2400  # pixels; larger pictures are scaled down
MAX_IMAGE_PIXELS: Final = 40_000_000  # refuse « decompression bombs » before decoding them
# Pillow's name of each accepted format, and the extension of the file written.
ACCEPTED_FORMATS: Final[dict[str, str]] = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def clean_image(upload: File[bytes], *, field: str, max_bytes: int = MAX_IMAGE_BYTES) -> ContentFile[bytes]:
    """A JPEG, PNG or WebP picture, re-encoded without its metadata, or ``InvalidInput`` on ``field``."""

    def refuse(message: str) -> InvalidInput:
        return InvalidInput(message, field_errors={field: message})

    if upload.size is not None and upload.size > max_bytes:
        raise refuse(
            _("L'image pèse plus de %(size)d Mo : réduisez-la avant de l'envoyer.")
            % {"size": max_bytes // (1024 * 1024)}
        )
    upload.seek(0)
    data = upload.read()
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format or ""
            width, height = probe.size
            probe.verify()
        if kind not in ACCEPTED_FORMATS:
            raise refuse(_("Ce format d'image n'est pas accepté : envoyez une image JPEG, PNG ou WebP."))
        if width * height > MAX_IMAGE_PIXELS:
            raise refuse(_("L'image a trop de pixels : réduisez-la avant de l'envoyer."))
        with Image.open(io.BytesIO(data)) as picture:
            picture.load()
            upright = ImageOps.exif_transpose(picture)
            upright.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
            return _encode(upright, kind)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise refuse(
            _("Ce fichier n'est pas une image lisible : envoyez une image JPEG, PNG ou WebP.")
        ) from error


def _encode(picture: Image.Image, kind: str) -> ContentFile[bytes]:
    """The pixels alone, in the same format, under a new random name."""
    if kind == "JPEG" and picture.mode not in {"RGB", "L"}:
        picture = picture.convert("RGB")
    elif picture.mode not in {"RGB", "RGBA", "L", "LA", "P"}:
        picture = picture.convert("RGBA")
    clean = Image.new(picture.mode, picture.size)
    if picture.mode == "P":
        palette = picture.getpalette()
        if palette is not None:
            clean.putpalette(palette)
    clean.paste(picture)
    buffer = io.BytesIO()
    options: dict[str, object] = {"quality": 85} if kind in {"JPEG", "WEBP"} else {"optimize": True}
    clean.save(buffer, format=kind, **options)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{ACCEPTED_FORMATS[kind]}")
