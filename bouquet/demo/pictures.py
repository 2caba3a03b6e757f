"""Pictures of the demo's memories and archives, drawn with Pillow (no file shipped, nothing fetched)."""

import io
import random
from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFilter, ImageOps

SIZE = (640, 420)


def _sepia(picture: Image.Image) -> Image.Image:
    grey = ImageOps.grayscale(picture)
    return ImageOps.colorize(grey, black="#2b1d0e", white="#f3e3c3")


def _market(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    draw.rectangle((0, 0, 640, 230), fill="#c9c9c9")
    for x in range(0, 640, 90):  # façades
        draw.rectangle((x, 60, x + 80, 260), fill=rng.choice(["#8a8a8a", "#a0a0a0", "#767676"]))
        for y in (90, 150):
            draw.rectangle((x + 15, y, x + 35, y + 35), fill="#3a3a3a")
            draw.rectangle((x + 45, y, x + 65, y + 35), fill="#3a3a3a")
    draw.rectangle((0, 260, 640, 420), fill="#b5b5b5")
    for x in range(20, 640, 120):  # stalls under awnings
        draw.polygon(
            [(x, 280), (x + 100, 280), (x + 90, 250), (x + 10, 250)], fill="#eeeeee", outline="#555555"
        )
        draw.rectangle((x + 5, 280, x + 95, 320), fill="#6b6b6b")
        for _ in range(6):
            cx, cy = x + rng.randint(10, 90), rng.randint(330, 400)
            draw.ellipse((cx - 6, cy - 14, cx + 6, cy + 14), fill="#2f2f2f")


def _old_map(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    draw.rectangle((0, 0, 640, 420), fill="#efe2c2")
    draw.rectangle((200, 120, 420, 260), outline="#5a3d1e", width=3)
    for _ in range(22):
        x, y = rng.randint(20, 560), rng.randint(20, 330)
        if not (180 < x < 430 and 100 < y < 270):
            draw.rectangle(
                (x, y, x + rng.randint(30, 70), y + rng.randint(20, 60)), outline="#7a5a33", width=2
            )
    draw.line([(0, 360), (160, 340), (320, 370), (480, 345), (640, 365)], fill="#6d8fa3", width=14)
    draw.rectangle((8, 8, 632, 412), outline="#5a3d1e", width=4)


def _halles_postcard(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    draw.rectangle((0, 0, 640, 420), fill="#dddddd")
    draw.polygon([(80, 170), (320, 60), (560, 170)], fill="#555555")
    draw.rectangle((90, 170, 550, 330), fill="#9a9a9a")
    for x in range(110, 550, 55):
        draw.rectangle((x, 180, x + 8, 330), fill="#333333")
    draw.rectangle((0, 330, 640, 420), fill="#bbbbbb")
    for _ in range(14):
        cx, cy = rng.randint(20, 620), rng.randint(340, 400)
        draw.ellipse((cx - 5, cy - 16, cx + 5, cy + 16), fill="#222222")


def _tilleuls_party(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    draw.rectangle((0, 0, 640, 420), fill="#27385a")
    for x in (40, 250, 460):  # towers
        draw.rectangle((x, 20, x + 140, 250), fill="#b9a98f")
        for y in range(35, 240, 28):
            for wx in range(x + 12, x + 130, 30):
                draw.rectangle((wx, y, wx + 14, y + 14), fill=rng.choice(["#f6d36b", "#333a4a", "#f6d36b"]))
    draw.rectangle((0, 250, 640, 420), fill="#7d7264")
    for y in (300, 360):
        draw.rectangle((40, y, 600, y + 26), fill="#f1f1f1")
        for x in range(60, 590, 50):
            draw.ellipse(
                (x, y + 4, x + 22, y + 20), fill=rng.choice(["#c0392b", "#e67e22", "#27ae60", "#d4ac0d"])
            )


def _warehouse(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    draw.rectangle((0, 0, 640, 420), fill="#d8d8d8")
    draw.rectangle((40, 110, 600, 290), fill="#8c5a45")
    for x in range(60, 600, 70):
        draw.rectangle((x, 170, x + 40, 290), fill="#4a3128")
    draw.polygon([(40, 110), (320, 50), (600, 110)], fill="#5b5b5b")
    draw.rectangle((0, 330, 640, 420), fill="#a8a8a8")
    for y in (350, 390):
        draw.line([(0, y), (640, y)], fill="#3c3c3c", width=5)
    for x in range(0, 640, 24):
        draw.line([(x, 340), (x + 8, 400)], fill="#5a4636", width=4)


SCENES: dict[str, tuple[Callable[[ImageDraw.ImageDraw, random.Random], None], bool]] = {
    # name: (drawing, whether it is an old picture: sepia and a little blurred)
    "market": (_market, True),
    "old_map": (_old_map, False),
    "halles_postcard": (_halles_postcard, True),
    "tilleuls_party": (_tilleuls_party, False),
    "warehouse": (_warehouse, True),
}


def picture(name: str) -> SimpleUploadedFile:
    """The named scene as an uploaded JPEG, as a person would send it (the services re-encode it)."""
    drawing, old = SCENES[name]
    image = Image.new("RGB", SIZE, "white")
    drawing(ImageDraw.Draw(image), random.Random(name))  # nosec B311  # a drawing, not a secret
    if old:
        image = _sepia(image.filter(ImageFilter.GaussianBlur(1)))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return SimpleUploadedFile(f"{name}.jpg", buffer.getvalue(), content_type="image/jpeg")
