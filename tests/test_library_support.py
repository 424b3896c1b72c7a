"""Shared builders for the library tests: real PNG bytes and finished results (no tests here)."""

from __future__ import annotations

import io
import random
import sqlite3

from PIL import Image

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import (
    GenerationRequest,
    Mode,
    ReferenceImage,
    ResponseFormat,
)
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.library.schema import MIGRATIONS, split_statements


def png_bytes(width: int = 64, height: int = 48, seed: int = 1, noise: bool = False) -> bytes:
    """A real PNG whose pixels depend on `seed`, so different seeds give different bytes."""
    rng = random.Random(seed)
    colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
    image = Image.new("RGB", (width, height), colour)
    if noise:
        image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    else:
        image.putpixel((0, 0), (seed % 256, (seed // 256) % 256, 7))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(width: int = 40, height: int = 30, seed: int = 3) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (seed % 256, 80, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


def reference(seed: int, name: str, mime: str = "image/png") -> ReferenceImage:
    data = png_bytes(32, 32, seed) if mime == "image/png" else jpeg_bytes(32, 32, seed)
    return ReferenceImage(data=data, mime=mime, width=32, height=32, name=name)


def full_request(prompt: str = "樱花树下的猫, a cat under cherry blossoms") -> GenerationRequest:
    """A request where no field has its default value, so a lost field shows."""
    return GenerationRequest(
        prompt=prompt,
        model="step-1x-medium",
        mode=Mode.REDRAW,
        size="800x1280",
        steps=37,
        cfg_scale=6.25,
        seed=123456,
        n=1,
        response_format=ResponseFormat.URL,
        negative_prompt="模糊, blurry\nlow quality",
        text_mode=True,
        source=reference(11, "源图.png"),
        source_weight=0.35,
        style=reference(12, "style.jpg", "image/jpeg"),
        style_weight=1.4,
    )


def result_for(
    request: GenerationRequest,
    seed: int = 987654,
    pixels: int = 1,
    size: tuple[int, int] = (64, 48),
) -> GenerationResult:
    return GenerationResult(
        request=request,
        image_bytes=png_bytes(size[0], size[1], pixels),
        seed=seed,
        finish_reason="success",
        width=size[0],
        height=size[1],
        trace_id="trace-abc-123",
        elapsed_s=3.5,
        created=1723595647,
    )


def simple_result(prompt: str, pixels: int, **changes: object) -> GenerationResult:
    request = GenerationRequest(prompt=prompt).with_changes(**changes)
    return result_for(request, seed=1000 + pixels, pixels=pixels)


def provider_request(prompt: str = "海报, a poster with three products") -> GenerationRequest:
    """A gpt-image edit with every new field set: provider, references, mask and options."""
    return GenerationRequest(
        prompt=prompt,
        provider="openai",
        model="gpt-image-1",
        mode=Mode.EDIT,
        size="1024x1536",
        source=reference(21, "base.png"),
        references=(
            reference(22, "瓶子.png"),
            reference(23, "box.jpg", "image/jpeg"),
            reference(24, "label, v2.png"),
        ),
        mask=reference(25, "mask.png"),
        options=(("quality", "high"), ("background", "opaque"), ("input_fidelity", "high")),
    )


def write_version_1_library(paths: AppPaths, prompt: str) -> None:
    """A library of the first schema holding one picture's row, for the upgrade to meet."""
    paths.library_dir.mkdir(parents=True)
    with sqlite3.connect(paths.database_path) as connection:
        for statement in split_statements(str(MIGRATIONS[0][0])):
            connection.execute(statement)
        connection.execute(
            "INSERT INTO images (sha, ext, origin, model, mode, prompt, size, steps, cfg_scale, "
            "seed, response_format, source_weight, style_weight, created_at, width, height) "
            "VALUES ('ab', 'png', 'imported', 'step-1x-medium', 'generations', ?, "
            "'64x64', 50, 7.5, 0, 'url', 0.5, 1.0, 1.0, 64, 64)",
            (prompt,),
        )
        connection.execute("PRAGMA user_version = 1")
    connection.close()
