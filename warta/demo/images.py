"""Placeholder photos for the demo, drawn locally so the demo needs no network or stock images."""

import hashlib
import io
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900


def draw_placeholder(seed: str) -> bytes:
    """A JPEG of soft shapes in colours derived from `seed`: the same seed, the same picture."""
    rng = random.Random(hashlib.sha256(seed.encode()).digest())  # noqa: S311 - not for security
    hue = rng.random()
    top = _colour(hue, 0.45, 0.55)
    bottom = _colour((hue + 0.08) % 1, 0.55, 0.25)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        t = y / HEIGHT
        draw.line(
            [(0, y), (WIDTH, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    for _ in range(14):
        x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        radius = rng.randrange(60, 320)
        fill = _colour(
            (hue + rng.uniform(-0.15, 0.15)) % 1, rng.uniform(0.3, 0.7), rng.uniform(0.3, 0.8)
        )
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill)
    horizon = int(HEIGHT * rng.uniform(0.55, 0.75))
    draw.rectangle([0, horizon, WIDTH, HEIGHT], fill=_colour((hue + 0.3) % 1, 0.35, 0.3))
    image = image.filter(ImageFilter.GaussianBlur(6))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def _colour(hue: float, saturation: float, lightness: float) -> tuple[int, int, int]:
    import colorsys

    red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
    return int(red * 255), int(green * 255), int(blue * 255)
