"""Drawn sample images with bilingual prompts: fills a library for demos, tests and benchmarks.

Each picture is drawn with Pillow from a seed (sky, sun, hills, shapes; a palette per subject),
so thumbnails in screenshots look like a real, varied library rather than flat colours.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

from stepfun_studio.core.adapt import adapt_request
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.library.library import Library


@dataclass(frozen=True)
class Subject:
    chinese: str
    english: str
    sky: tuple[tuple[int, int, int], tuple[int, int, int]]
    ground: tuple[int, int, int]


SUBJECTS = (
    Subject(
        "一只橘猫在窗台上",
        "an orange cat on a windowsill",
        ((255, 196, 140), (255, 235, 200)),
        (170, 90, 40),
    ),
    Subject(
        "樱花树下的小路",
        "a path under cherry blossoms",
        ((255, 190, 215), (255, 240, 245)),
        (120, 150, 90),
    ),
    Subject(
        "雪山日出",
        "sunrise over snowy mountains",
        ((255, 150, 90), (120, 150, 220)),
        (235, 240, 250),
    ),
    Subject(
        "赛博朋克城市夜景",
        "a cyberpunk city at night",
        ((30, 10, 60), (200, 40, 160)),
        (20, 20, 40),
    ),
    Subject(
        "海边的灯塔", "a lighthouse by the sea", ((90, 170, 230), (220, 240, 255)), (30, 90, 150)
    ),
    Subject("水墨山水", "an ink wash landscape", ((240, 238, 230), (200, 200, 195)), (60, 60, 60)),
    Subject(
        "宇航员骑马", "an astronaut riding a horse", ((10, 10, 30), (60, 40, 110)), (150, 120, 100)
    ),
    Subject(
        "森林里的小屋", "a cabin in the forest", ((120, 180, 140), (220, 240, 210)), (40, 90, 50)
    ),
    Subject(
        "沙漠中的骆驼", "camels in the desert", ((250, 200, 120), (255, 240, 200)), (220, 160, 90)
    ),
    Subject(
        "秋天的枫叶", "maple leaves in autumn", ((230, 120, 60), (250, 210, 150)), (150, 60, 30)
    ),
)
STYLES = (
    ("水彩", "watercolor"),
    ("油画", "oil painting"),
    ("胶片摄影", "film photograph"),
    ("赛璐璐动画", "cel-shaded anime"),
)
SIZES = ("1024x1024", "1280x800", "800x1280", "768x768")
# A library as a team has it now: StepFun's pictures from before its retirement beside those of
# the providers that work today. Each request is moved to its model with `adapt_request`, so its
# size and fields are ones that model takes.
SAMPLE_MODELS = (
    "step-1x-medium",
    "step-2x-large",
    "step-image-edit-2",
    "gpt-image-1",
    "doubao-seedream-4-0-250828",
    "Kwai-Kolors/Kolors",
)


def prompt_for(seed: int) -> str:
    """Chinese, English or both, as a bilingual team would write them."""
    subject = SUBJECTS[seed % len(SUBJECTS)]
    zh_style, en_style = STYLES[(seed // len(SUBJECTS)) % len(STYLES)]
    language = (seed // 7) % 3
    if language == 0:
        return f"{subject.chinese}，{zh_style}风格，细节丰富"
    if language == 1:
        return f"{subject.english}, {en_style}, highly detailed"
    return f"{subject.chinese}，{zh_style} / {subject.english}, {en_style}"


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def draw_sample(seed: int, width: int, height: int) -> bytes:
    """A PNG of `width`x`height`: a little landscape in the subject's palette."""
    rng = random.Random(seed)
    subject = SUBJECTS[seed % len(SUBJECTS)]
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    top, bottom = subject.sky
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(top, bottom, y / max(1, height - 1)))
    sun_x, sun_y = rng.uniform(0.15, 0.85) * width, rng.uniform(0.1, 0.45) * height
    radius = rng.uniform(0.06, 0.14) * min(width, height)
    glow = _mix(bottom, (255, 250, 220), 0.7)
    draw.ellipse([sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill=glow)
    for layer in range(3):
        shade = _mix(subject.ground, top, 0.45 - layer * 0.2)
        base = height * (0.55 + layer * 0.13)
        points = [(0.0, float(height))]
        for step in range(9):
            x = width * step / 8
            points.append((x, base - rng.uniform(0.0, 0.22) * height))
        points.append((float(width), float(height)))
        draw.polygon(points, fill=shade)
    for _ in range(rng.randint(3, 9)):
        cx, cy = rng.uniform(0, width), rng.uniform(height * 0.5, height)
        r = rng.uniform(0.01, 0.05) * width
        accent = _mix(subject.sky[0], (255, 255, 255), rng.uniform(0.0, 0.6))
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=accent)
    if seed % 5 == 0:
        image = image.filter(ImageFilter.GaussianBlur(radius=max(1, width // 160)))
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


def sample_result(seed: int, max_side: int = 128, with_source: bool = False) -> GenerationResult:
    size = SIZES[seed % len(SIZES)]
    full_w, full_h = (int(v) for v in size.split("x"))
    scale = max_side / max(full_w, full_h)
    width, height = max(8, round(full_w * scale)), max(8, round(full_h * scale))

    source = None
    if with_source:
        data = draw_sample(seed + 100_003, width, height)
        source = ReferenceImage(data, "image/png", width, height, name=f"sketch-{seed}.png")
    subject_model = SAMPLE_MODELS[seed % len(SAMPLE_MODELS)]
    request = GenerationRequest(
        prompt=prompt_for(seed),
        mode=Mode.REDRAW if source is not None else Mode.TEXT_TO_IMAGE,
        size=size,
        seed=seed + 1,
        source=source,
    )
    if source is None:
        request, _dropped = adapt_request(request, model_table().require(subject_model))
    return GenerationResult(
        request=request,
        image_bytes=draw_sample(seed, width, height),
        seed=seed + 1,
        finish_reason="success",
        width=width,
        height=height,
    )


def fill_library(
    library: Library, count: int, first_seed: int = 0, max_side: int = 128
) -> list[int]:
    """Ingest `count` drawn images; every 9th is a redraw of a drawn source image."""
    return [
        library.ingest_result(sample_result(seed, max_side, with_source=seed % 9 == 4))
        for seed in range(first_seed, first_seed + count)
    ]
