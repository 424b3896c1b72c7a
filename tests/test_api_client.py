"""StepFunClient against the stand-in over real HTTP: the three endpoints, downloads, cancel."""

from __future__ import annotations

import asyncio
import io
import subprocess
import sys
import time
from collections.abc import Coroutine, Iterator
from typing import Any, TypeVar

import pytest
from PIL import Image

from stepfun_studio.api.client import StepFunClient
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage, ResponseFormat
from stepfun_studio.standin import StandinServer

KEY = "sk-Test1234567890abcdefGHIJ"
T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer(accepted_keys={KEY}) as standin:
        yield standin


def png_reference(width: int, height: int, colour: tuple[int, int, int]) -> ReferenceImage:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return ReferenceImage(buffer.getvalue(), "image/png", width, height, "ref.png")


async def generate(server: StandinServer, request: GenerationRequest, **kwargs: Any) -> Any:
    async with StepFunClient(KEY, server.base_url, **kwargs) as client:
        return await client.generate_one(request)


def test_generation_b64_returns_checked_picture_and_trace_id(server: StandinServer) -> None:
    request = GenerationRequest(prompt="一只猫", size="1280x800", seed=42, steps=20, cfg_scale=5)
    result = run(generate(server, request))
    assert (result.width, result.height) == (1280, 800)
    assert Image.open(io.BytesIO(result.image_bytes)).size == (1280, 800)
    assert result.seed == 42
    assert result.finish_reason == "success"
    assert result.trace_id and len(result.trace_id) == 32
    assert result.request is request
    sent = server.requests[-1]
    assert sent.path == "/v1/images/generations"
    assert sent.body == {
        "model": "step-1x-medium",
        "prompt": "一只猫",
        "size": "1280x800",
        "n": 1,
        "response_format": "b64_json",
        "seed": 42,
        "steps": 20,
        "cfg_scale": 5,
    }


def test_random_seed_keeps_the_seed_the_server_returned(server: StandinServer) -> None:
    request = GenerationRequest(prompt="cat", size="256x256", seed=0)
    first = run(generate(server, request))
    second = run(generate(server, request))
    assert first.seed != 0 and second.seed != 0
    assert first.seed != second.seed
    assert first.request.seed == 0


def test_url_result_is_downloaded_without_the_key(server: StandinServer) -> None:
    request = GenerationRequest(prompt="cat", size="512x512", response_format=ResponseFormat.URL)
    result = run(generate(server, request))
    assert (result.width, result.height) == (512, 512)
    download = server.requests[-1]
    assert download.method == "GET"
    assert download.path.startswith("/image_gen/")
    assert "Authorization" not in download.headers
    assert server.request_count("/v1/images/generations") == 1


def test_style_reference_is_sent_as_a_data_uri(server: StandinServer) -> None:
    style = png_reference(64, 64, (250, 20, 20))
    request = GenerationRequest(prompt="boat", size="256x256", style=style, style_weight=1.5)
    run(generate(server, request))
    body = server.requests[-1].body
    assert body is not None
    assert body["style_reference"]["weight"] == 1.5
    assert body["style_reference"]["source_url"] == style.data_uri


def test_redraw_posts_to_image2image_with_auth(server: StandinServer) -> None:
    source = png_reference(128, 96, (10, 200, 30))
    request = GenerationRequest(
        prompt="cat", mode=Mode.REDRAW, source=source, source_weight=0.3, size="512x512"
    )
    result = run(generate(server, request))
    assert (result.width, result.height) == (512, 512)
    sent = server.requests[-1]
    assert sent.path == "/v1/images/image2image"
    assert sent.headers["Authorization"].startswith("<present")
    assert sent.body is not None
    assert sent.body["source_url"] == source.data_uri
    assert sent.body["source_weight"] == 0.3


def test_edit_is_multipart_and_keeps_the_input_size(server: StandinServer) -> None:
    source = png_reference(300, 200, (90, 90, 200))
    request = GenerationRequest(
        prompt="make it night",
        model="step-image-edit-2",
        mode=Mode.EDIT,
        source=source,
        steps=8,
        cfg_scale=2.0,
        negative_prompt="blur",
        text_mode=True,
        seed=9,
    )
    result = run(generate(server, request))
    assert (result.width, result.height) == (300, 200)
    sent = server.requests[-1]
    assert sent.path == "/v1/images/edits"
    assert sent.files["image"]["size"] == len(source.data)
    assert sent.body is not None
    assert sent.body["negative_prompt"] == "blur"
    assert sent.body["text_mode"] == "true"
    assert sent.body["seed"] == "9"


def test_list_models_tests_the_key(server: StandinServer) -> None:
    async def models(key: str) -> list[str]:
        async with StepFunClient(key, server.base_url) as client:
            return await client.list_models()

    assert "step-2x-large" in run(models(KEY))
    with pytest.raises(AppError) as caught:
        run(models("sk-WrongKey000000000000000"))
    assert caught.value.kind is ErrorKind.AUTH
    assert caught.value.status == 401


def test_cancel_drops_the_socket_at_once() -> None:
    with StandinServer(latency_s=5.0) as server:

        async def scenario() -> float:
            async with StepFunClient(KEY, server.base_url) as client:
                task = asyncio.create_task(
                    client.generate_one(GenerationRequest(prompt="cat", size="256x256"))
                )
                while server.request_count("/generations") == 0:
                    await asyncio.sleep(0.01)
                started = time.monotonic()
                task.cancel()
                with pytest.raises(asyncio.CancelledError):
                    await task
                return time.monotonic() - started

        assert run(scenario()) < 0.5
        deadline = time.monotonic() + 2.0
        while server.dropped_connections == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.dropped_connections == 1
        assert server.requests[-1].status is None  # never answered


@pytest.mark.parametrize(
    "url",
    ["http://api.example.com/v1", "ftp://127.0.0.1/v1", "api.stepfun.com/v1"],
)
def test_unsafe_base_url_is_refused_before_any_request(url: str) -> None:
    with pytest.raises(AppError) as caught:
        StepFunClient(KEY, url)
    assert caught.value.kind is ErrorKind.CONFIG
    assert KEY not in caught.value.message


def test_empty_key_is_refused() -> None:
    with pytest.raises(AppError) as caught:
        StepFunClient("", "https://api.stepfun.com/v1")
    assert caught.value.kind is ErrorKind.AUTH


def test_key_is_not_in_repr() -> None:
    client = StepFunClient(KEY, "https://api.stepfun.com/v1")
    assert KEY not in repr(client)


def test_more_than_one_image_per_call_is_a_programming_error(server: StandinServer) -> None:
    with pytest.raises(ValueError, match="fan_out"):
        run(generate(server, GenerationRequest(prompt="cat", n=2)))
    assert server.request_count() == 0


def test_importing_the_api_layer_does_not_import_openai() -> None:
    code = (
        "import sys, stepfun_studio.api.client, stepfun_studio.api.errors, "
        "stepfun_studio.api.providers, "
        "stepfun_studio.api.limits, stepfun_studio.api.config\n"
        "assert 'openai' not in sys.modules, 'openai imported eagerly'\n"
        "assert 'httpx2' not in sys.modules, 'httpx2 imported eagerly'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
