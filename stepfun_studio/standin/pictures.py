"""The stand-in's painter: a deterministic, pleasant picture for every set of parameters.

A person trying the offline demo should see every control do something, so each parameter has a
visible job: the prompt picks the palette, the seed the composition, the steps the sharpness and
amount of detail, cfg the contrast and saturation, `source_weight` how much of the source
survives (small = close to the source), the style weight how far the colours move toward the
style image's. Image Edit keeps the input's size and repaints it. Reference pictures (Seedream,
gpt-image edits, Qwen edit) pull the colours toward theirs, a mask keeps what it covers, and a
watermark is a visible label in the corner, so a test (or a person) can tell each one worked.

It has to be fast (a 1024x1024 answer well under 100 ms), so the picture is painted small with
soft radial blobs and then scaled up; scaling up is also what makes low step counts look soft.
"""

from __future__ import annotations

import colorsys
import hashlib
import io
import math
import random
from functools import cache

from PIL import Image, ImageDraw, ImageEnhance, ImageFont

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
def _disc_mask() -> Image.Image:
    # A disc with a soft rim: smooth edges even when scaled to a few pixels.
    return Image.radial_gradient("L").point(
        lambda v: 255 if v < 110 else max(0, 255 - (v - 110) * 10)
    )


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

    # A sun (or moon) with a halo, where the seed puts it.
    blob = _blob_mask()
    sun = int(min(cw, ch) * rng.uniform(0.12, 0.22))
    sun_x, sun_y = int(cw * rng.uniform(0.15, 0.85)), int(ch * rng.uniform(0.08, 0.4))
    halo = sun * 3
    glow = blob.resize((halo, halo), Image.Resampling.BILINEAR).point(lambda v: v // 2)
    picture.paste(
        Image.new("RGB", (halo, halo), colours[4]), (sun_x - halo // 2, sun_y - halo // 2), glow
    )
    disc = _disc_mask().resize((sun, sun), Image.Resampling.BILINEAR)
    bright = tuple(min(255, c + 60) for c in colours[4])
    picture.paste(Image.new("RGB", (sun, sun), bright), (sun_x - sun // 2, sun_y - sun // 2), disc)

    # Rolling hills: smooth sums of sines, drawn four times larger and scaled down, so their
    # edges are anti-aliased even on the small canvas.
    scale = 4
    for layer in range(2):
        mask = Image.new("L", (cw * scale, ch * scale), 0)
        base_y = ch * scale * (rng.uniform(0.6, 0.78) + layer * 0.1)
        waves = [
            (rng.uniform(0.5, 3.5), rng.uniform(0, 6.3), rng.uniform(0.012, 0.045))
            for _ in range(3)
        ]
        width_px = cw * scale
        points = [(0.0, float(ch * scale))]
        for x in range(0, width_px + 8, 8):
            t = x / width_px * 6.283
            y = base_y + sum(
                amp * ch * scale * math.sin(freq * t + phase) for freq, phase, amp in waves
            )
            points.append((float(x), y))
        points.append((float(width_px), float(ch * scale)))
        ImageDraw.Draw(mask).polygon(points, fill=255)
        mask = mask.resize((cw, ch), Image.Resampling.BOX)
        shade = tuple(int(c * (0.8 - layer * 0.18)) for c in colours[2 + layer])
        picture.paste(Image.new("RGB", (cw, ch), shade), (0, 0), mask)

    # Soft blobs: where they sit is the seed's; how many, the steps'.
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


def pull_toward_references(
    picture: Image.Image, references: list[Image.Image], weight: float = 1.0
) -> Image.Image:
    """The colours moved toward the references' (their soft washes, averaged)."""
    if not references:
        return picture
    washes = [
        ref.convert("RGB")
        .resize((3, 3), Image.Resampling.BOX)
        .resize(picture.size, Image.Resampling.BICUBIC)
        for ref in references
    ]
    wash = washes[0]
    for count, other in enumerate(washes[1:], start=2):
        wash = Image.blend(wash, other, 1.0 / count)
    return Image.blend(picture.convert("RGB"), wash, max(0.0, min(0.85, weight * 0.6)))


def repaint(
    source: Image.Image,
    prompt: str,
    seed: int,
    width: int,
    height: int,
    *,
    keep: float = 0.5,
    steps: int = 20,
    cfg: float = 4.0,
) -> Image.Image:
    """The source at `width`x`height`, with `keep` of it surviving a fresh painting (0..1)."""
    base = source.convert("RGB").resize((width, height), Image.Resampling.BILINEAR)
    fresh = render(prompt, seed, width, height, steps=steps, cfg=cfg)
    return Image.blend(fresh, base, max(0.0, min(1.0, keep)))


def keep_masked(original: Image.Image, repainted: Image.Image, mask: Image.Image) -> Image.Image:
    """gpt-image's mask: alpha 0 may change (the repainted picture), opaque keeps the original."""
    size = repainted.size
    alpha = mask.convert("RGBA").getchannel("A").resize(size, Image.Resampling.BILINEAR)
    base = original.convert("RGB").resize(size, Image.Resampling.BILINEAR)
    return Image.composite(base, repainted.convert("RGB"), alpha)


def transparent_background(picture: Image.Image) -> Image.Image:
    """RGBA with the corners see-through: what `background: transparent` asks for."""
    alpha = _disc_mask().resize(picture.size, Image.Resampling.BILINEAR)
    rgba = picture.convert("RGBA")
    rgba.putalpha(alpha.point(lambda v: min(255, v * 2)))
    return rgba


def draw_watermark(picture: Image.Image, label: str = "AI generated") -> Image.Image:
    """A visible label in the bottom-right corner, as Seedream draws by default."""
    marked = picture.copy()
    draw = ImageDraw.Draw(marked)
    width, height = marked.size
    font = ImageFont.load_default(size=max(6, min(width, height) // 28))
    left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
    pad = max(2, (bottom - top) // 3)
    box_w, box_h = right - left + 2 * pad, bottom - top + 2 * pad
    x, y = width - box_w - pad * 2, height - box_h - pad * 2
    opaque = marked.mode == "RGBA"
    draw.rectangle((x, y, x + box_w, y + box_h), fill=(255, 255, 255, 255) if opaque else "white")
    ink = (20, 20, 20, 255) if opaque else (20, 20, 20)
    draw.text((x + pad - left, y + pad - top), label, fill=ink, font=font)
    return marked


def encode(picture: Image.Image, output_format: str = "png") -> bytes:
    """The picture as `png`, `jpeg` or `webp` bytes (JPEG drops any transparency)."""
    if output_format == "png":
        return encode_png(picture)
    buffer = io.BytesIO()
    if output_format == "jpeg":
        picture.convert("RGB").save(buffer, format="JPEG", quality=90)
    elif output_format == "webp":
        picture.save(buffer, format="WEBP", quality=85, method=0)
    else:
        raise ValueError(f"unknown output format {output_format!r}")
    return buffer.getvalue()


MEDIA_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}


def encode_png(picture: Image.Image) -> bytes:
    """PNG bytes, fast: compress level 1 is several times quicker than the default."""
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()
