"""Replays every code cell of the notebook guide (seed/000_…txt) through our API layer.

The guide calls the sync SDK directly; here each cell's parameters go through `StepFunClient`
to the stand-in over real HTTP, and each cell's promise is checked: the URL is downloaded at
once, the base64 picture is saved to a file, the redraw and the style reference reach the server
in the API reference's form (not the notebook's older one), the fixed seed comes back, and the
invalid size fails with the words the guide recorded from the real server.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PIL import Image, ImageChops, ImageStat

from stepfun_studio.api.client import StepFunClient
from stepfun_studio.api.reference_image import ReferencePurpose, prepare_reference
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.presets import FAST
from stepfun_studio.core.request import GenerationRequest, Mode, ResponseFormat
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.standin import StandinServer

KEY = "sk-Notebook1234567890abcdef"
MODEL = "step-1x-medium"
# Cell 7's output in the guide, the real server's words for a bad size.
GUIDE_SIZE_ERROR = (
    "Request param: size is invalid, recommended val is: must be "
    "256x256,512x512,768x768,1024x1024,1280x800,800x1280"
)
T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer(accepted_keys={KEY}) as standin:
        yield standin


def generate(server: StandinServer, request: GenerationRequest) -> GenerationResult:
    async def call() -> GenerationResult:
        async with StepFunClient(KEY, server.base_url) as client:
            return await client.generate_one(request)

    return run(call())


def notebook_request(prompt: str, **changes: Any) -> GenerationRequest:
    # The guide's defaults: step-1x-medium, 1024x1024, steps 50, seed 0, cfg 7.5, url.
    base = GenerationRequest(
        prompt=prompt,
        model=MODEL,
        size="1024x1024",
        steps=50,
        seed=0,
        cfg_scale=7.5,
        response_format=ResponseFormat.URL,
    )
    return base.with_changes(**changes)


def save_cat(server: StandinServer, folder: Path) -> Path:
    """Cell 3.2: b64_json, seed 11879934, decoded and saved as media/05_cat_1.png."""
    request = notebook_request(
        "一只猫在树枝上晒太阳，阳光透过树叶，卡通风格",
        seed=11879934,
        response_format=ResponseFormat.B64_JSON,
    )
    result = generate(server, request)
    media = folder / "media"
    media.mkdir(exist_ok=True)
    path = media / "05_cat_1.png"
    path.write_bytes(result.image_bytes)
    return path


def test_cell_3_1_url_result_is_downloaded_at_once(server: StandinServer) -> None:
    result = generate(
        server, notebook_request("采菊东篱下，悠然见南山。—— 田园风格，水墨质感，淡雅色调")
    )
    assert Image.open(io.BytesIO(result.image_bytes)).size == (1024, 1024)
    post, download = server.requests
    assert post.body is not None and post.body["response_format"] == "url"
    assert post.body["steps"] == 50 and post.body["cfg_scale"] == 7.5 and post.body["seed"] == 0
    assert download.method == "GET" and download.path.startswith("/image_gen/")
    assert result.seed != 0  # seed 0 is random; the server says which one it used


def test_cell_3_2_b64_result_is_saved_to_a_file(server: StandinServer, tmp_path: Path) -> None:
    path = save_cat(server, tmp_path)
    with Image.open(path) as saved:
        assert saved.format == "PNG" and saved.size == (1024, 1024)
    assert server.request_count() == 1  # b64: nothing to download
    assert server.requests[0].body is not None
    assert server.requests[0].body["seed"] == 11879934


def test_cell_4_2_redraw_with_source_weight_0_3(server: StandinServer, tmp_path: Path) -> None:
    cat = save_cat(server, tmp_path)
    source = prepare_reference(cat.read_bytes(), cat.name, ReferencePurpose.REDRAW).image
    request = notebook_request(
        "一只猫在树枝上晒太阳，阳光透过树叶，卡通风格，猫旁边有一片花瓣",
        mode=Mode.REDRAW,
        source=source,
        source_weight=0.3,
        seed=11879934,
    )
    result = generate(server, request)
    sent = server.requests[1]
    # The API reference's form: /images/image2image with a data URI, not the notebook's
    # source_image inside /images/generations.
    assert sent.path == "/v1/images/image2image"
    assert sent.body is not None
    assert sent.body["source_weight"] == 0.3
    assert sent.body["source_url"].startswith("data:image/png;base64,")
    assert "source_image" not in sent.body
    # Detail enhancement (weight 0.3) stays close to the cat.
    redrawn = Image.open(io.BytesIO(result.image_bytes)).convert("RGB")
    original = Image.open(cat).convert("RGB")
    fresh = generate(server, request.with_changes(mode=Mode.TEXT_TO_IMAGE, source=None))
    unrelated = Image.open(io.BytesIO(fresh.image_bytes)).convert("RGB")

    def distance(a: Image.Image) -> float:
        return sum(ImageStat.Stat(ImageChops.difference(a, original)).mean)

    assert distance(redrawn) < distance(unrelated) / 2


def test_cell_5_style_reference_weight_1(server: StandinServer, tmp_path: Path) -> None:
    style_file = save_cat(server, tmp_path)
    style = prepare_reference(style_file.read_bytes(), "style.png", ReferencePurpose.STYLE).image
    request = notebook_request(
        "a boat in the canals of venice", style=style, style_weight=1.0, seed=0
    )
    result = generate(server, request)
    sent = server.requests[1]
    assert sent.body is not None
    assert sent.body["style_reference"] == {"source_url": style.data_uri, "weight": 1.0}
    assert "image" not in sent.body["style_reference"]  # the notebook's older field name
    assert (result.width, result.height) == (1024, 1024)


def test_cell_6_1_portrait_800x1280(server: StandinServer) -> None:
    result = generate(server, notebook_request("山间瀑布，飞流直下，古风插画", size="800x1280"))
    assert (result.width, result.height) == (800, 1280)
    assert Image.open(io.BytesIO(result.image_bytes)).size == (800, 1280)


def test_cell_6_2_fast_preset_512_and_30_steps(server: StandinServer) -> None:
    request = FAST.apply(notebook_request("一只可爱的柯基犬，坐姿，简单背景"))
    assert (request.size, request.steps, request.cfg_scale) == ("512x512", 30, 7.0)
    result = generate(server, request)
    assert (result.width, result.height) == (512, 512)
    sent = server.requests[0].body
    assert sent is not None and (sent["size"], sent["steps"]) == ("512x512", 30)


def test_cell_6_3_fixed_seed_returns_the_same_seed_twice(server: StandinServer) -> None:
    first = generate(server, notebook_request("春日樱花树下的长椅，日系漫画风格", seed=123456))
    second = generate(server, notebook_request("秋日枫叶树下的长椅，日系漫画风格", seed=123456))
    assert first.seed == second.seed == 123456
    assert first.image_bytes != second.image_bytes  # the prompt changed, so the picture did


def test_cell_7_error_handling(server: StandinServer) -> None:
    normal = generate(server, notebook_request("蓝天白云，草原骏马"))
    assert normal.width == 1024
    with pytest.raises(AppError) as caught:
        generate(server, notebook_request("测试图片", size="2000x2000"))
    error = caught.value
    assert error.kind is ErrorKind.BAD_REQUEST
    assert error.status == 400
    assert error.server_message == GUIDE_SIZE_ERROR
    assert error.trace_id
    assert "Error code" not in error.message  # a sentence, not the SDK's raw string
    assert server.request_count("/v1/images/generations") == 2
