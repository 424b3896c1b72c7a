"""The stand-in's painter: a deterministic, pleasant picture for every set of parameters.

A person trying the offline demo should see every control do something, so each parameter has a
visible job: the prompt picks the palette, the seed the composition, the steps the sharpness and
amount of detail, cfg the contrast and saturation, `source_weight` how much of the source
survives (small = close to the source), the style weight how far the colours move toward the
style image's. Image Edit keeps the input's size and repaints it.

It has to be fast (a 1024x1024 answer well under 100 ms), so the picture is painted small with
soft radial blobs and then scaled up; scaling up is also what makes low step counts look soft.
"""

from __future__ import annotations

import colorsys
import hashlib
import io
import random
from functools import cache

from PIL import Image, ImageDraw, ImageEnhance

RGB = tuple[int, int, int]


def _rng(*parts: object) -> random.Random:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _hsv(h: float, s: float, v: float) -> RGB:
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, max(0.0, min(1.0, s)), max(0.0, min(1.0, v)))
    return int(r * 255), int(g * 255), int(b * 255)


def palette(prompt: str) -> list[RGB]:
    """Five related colours from the prompt's words: same prompt, same mood."""
    rng = _rng("palette", prompt)
    base = rng.random()
    spread = rng.uniform(0.05, 0.35)
    return [
        _hsv(base + spread * i * rng.choice((-1, 1)), rng.uniform(0.35, 0.8), rng.uniform(0.55, 1))
        for i in range(5)
    ]


@cache
def _blob_mask() -> Image.Image:
    # Pillow's radial gradient is 0 in the middle, 255 at the rim; a blob wants the opposite.
    return Image.radial_gradient("L").point(lambda v: max(0, 255 - v * 2 + 40) if v < 128 else 0)


@cache
def _vertical_gradient() -> Image.Image:
    return Image.linear_gradient("L")


def _canvas_size(width: int, height: int, steps: int) -> tuple[int, int]:
    # More steps paint a larger canvas before scaling up: a sharper, more detailed picture.
    fraction = 0.08 + 0.30 * max(1, min(100, steps)) / 100
    return max(16, int(width * fraction)), max(16, int(height * fraction))


def _paint(
    prompt: str, seed: int, width: int, height: int, *, steps: int, cfg: float
) -> Image.Image:
    colours = palette(prompt)
    rng = _rng("composition", prompt, seed)
    cw, ch = _canvas_size(width, height, steps)
    top = Image.new("RGB", (cw, ch), colours[0])
    bottom = Image.new("RGB", (cw, ch), colours[1])
    # Rotate, then keep the middle so the rotation's empty corners never show.
    mask = _vertical_gradient().rotate(rng.uniform(-35, 35), resample=Image.Resampling.BILINEAR)
    mask = mask.crop((64, 64, 192, 192))
    picture = Image.composite(bottom, top, mask.resize((cw, ch), Image.Resampling.BILINEAR))

    # Rolling hills: a horizon whose height and waviness come from the seed.
    draw = ImageDraw.Draw(picture)
    for layer in range(2):
        y0 = ch * rng.uniform(0.55, 0.8) + layer * ch * 0.1
        points = [(0.0, float(ch))]
        for i in range(9):
            x = cw * i / 8
            points.append((x, y0 + ch * 0.08 * rng.uniform(-1, 1)))
        points.append((float(cw), float(ch)))
        shade = tuple(int(c * (0.75 - layer * 0.15)) for c in colours[2 + layer])
        draw.polygon(points, fill=shade)

    # Soft blobs: where they sit is the seed's; how many, the steps'.
    blob = _blob_mask()
    for _ in range(4 + steps // 8):
        size = int(min(cw, ch) * rng.uniform(0.15, 0.7))
        if size < 4:
            continue
        colour = colours[rng.randrange(len(colours))]
        x = int(rng.uniform(-0.2, 1.0) * cw)
        y = int(rng.uniform(-0.2, 0.8) * ch)
        alpha = rng.uniform(0.35, 0.85)
        layer_mask = blob.resize((size, size), Image.Resampling.BILINEAR).point(
            lambda v, a=alpha: int(v * a)
        )
        picture.paste(Image.new("RGB", (size, size), colour), (x, y), layer_mask)

    # cfg: how hard the picture follows the prompt, shown as contrast and saturation.
    strength = 0.55 + max(1.0, min(15.0, cfg)) / 10.0
    picture = ImageEnhance.Color(picture).enhance(strength)
    return ImageEnhance.Contrast(picture).enhance(0.7 + strength * 0.3)


def _pull_toward_style(picture: Image.Image, style: Image.Image, weight: float) -> Image.Image:
    # The style image's colour layout, reduced to a soft 3x3 wash, tints the picture.
    wash = style.convert("RGB").resize((3, 3), Image.Resampling.BOX)
    wash = wash.resize(picture.size, Image.Resampling.BICUBIC)
    return Image.blend(picture, wash, max(0.0, min(0.85, weight * 0.45)))


def render(
    prompt: str,
    seed: int,
    width: int,
    height: int,
    *,
    steps: int = 50,
    cfg: float = 7.5,
    source: Image.Image | None = None,
    source_weight: float = 1.0,
    style: Image.Image | None = None,
    style_weight: float = 0.0,
) -> Image.Image:
    """The picture for one generation or redraw, `width` x `height`, RGB."""
    picture = _paint(prompt, seed, width, height, steps=steps, cfg=cfg)
    if style is not None and style_weight > 0:
        picture = _pull_toward_style(picture, style, style_weight)
    picture = picture.resize((width, height), Image.Resampling.BICUBIC)
    if source is not None and source_weight < 1.0:
        # Small weight keeps close to the source; weight 1 ignores it (as the API documents).
        base = source.convert("RGB").resize((width, height), Image.Resampling.BILINEAR)
        picture = Image.blend(base, picture, max(0.0, source_weight))
    return picture


def render_edit(
    source: Image.Image, prompt: str, seed: int, *, steps: int = 8, cfg: float = 1.0
) -> Image.Image:
    """Image Edit: the input, at its own size, repainted toward the prompt's palette."""
    base = source.convert("RGB")
    width, height = base.size
    small = (max(16, width // 6), max(16, height // 6))
    overlay = _paint(prompt, seed, small[0], small[1], steps=steps, cfg=cfg)
    overlay = overlay.resize(small).resize((width, height), Image.Resampling.BICUBIC)
    # A higher cfg lets the prompt change more of the picture.
    return Image.blend(base, overlay, 0.25 + min(10.0, cfg) * 0.03)


def encode_png(picture: Image.Image) -> bytes:
    """PNG bytes, fast: compress level 1 is several times quicker than the default."""
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()
