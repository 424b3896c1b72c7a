"""Every adapter through the shared client over real HTTP, against the strict test server.

The server (`adapter_servers.StrictServer`) refuses any field its protocol does not know, as
the real services do, and records what it was sent; the tests check both the picture that comes
back and the exact request that went out. Also here: the rules the shared client holds for all
providers (deadlines, caps, no resend of a maybe-billed request, bounded 429 retries, links).
"""

from __future__ import annotations

import asyncio
import base64
import gzip
import io
import json
import time
from collections.abc import Coroutine, Iterator
from typing import Any, TypeVar

import pytest
from adapter_servers import StrictServer, png
from PIL import Image

from stepfun_studio.api.client import StepFunClient
from stepfun_studio.api.providers import Balance, open_image_client
from stepfun_studio.api.providers.http import fetch_link
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ModelTable, model_table
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.result import GenerationResult

KEY = "sk-AdapterHttp1234567890abcdXYZ"
T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


@pytest.fixture
def server() -> Iterator[StrictServer]:
    with StrictServer() as strict:
        yield strict


def reference(width: int, height: int, mime: str = "image/png") -> ReferenceImage:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (1, 2, 3)).save(out, "PNG" if "png" in mime else "JPEG")
    return ReferenceImage(out.getvalue(), mime, width, height)


async def _generate(
    server: StrictServer,
    provider: str,
    requests: list[GenerationRequest],
    table: ModelTable | None = None,
    key: str = KEY,
    **limits: Any,
) -> list[GenerationResult]:
    limits.setdefault("rate_limit_backoff_s", 0.01)
    client = open_image_client(
        provider, api_key=key, base_url=server.base_url_for(provider), table=table, **limits
    )
    async with client:
        return [await client.generate_one(request) for request in requests]


def generate(server: StrictServer, provider: str, request: GenerationRequest, **kw: Any) -> Any:
    return run(_generate(server, provider, [request], **kw))[0]


def failure(server: StrictServer, provider: str, request: GenerationRequest, **kw: Any) -> AppError:
    with pytest.raises(AppError) as caught:
        generate(server, provider, request, **kw)
    return caught.value


# -- each protocol, as a new user would call it ---------------------------------------------


def test_openai_two_pictures_send_nothing_openai_does_not_know(server: StrictServer) -> None:
    request = GenerationRequest(
        prompt="a lighthouse at dusk",
        model="gpt-image-1",
        provider="openai",
        size="1024x1536",
        n=2,
        seed=123,
        steps=40,
        cfg_scale=9.0,
    )
    results = run(_generate(server, "openai", request.fan_out()))
    assert [(r.width, r.height) for r in results] == [(1024, 1536)] * 2
    assert server.count("/openai/v1/images/generations") == 2
    for seen in server.requests:
        assert seen.json == {
            "model": "gpt-image-1",
            "prompt": "a lighthouse at dusk",
            "n": 1,
            "size": "1024x1536",
        }
        assert seen.headers["Authorization"] == f"Bearer {KEY}"
    first = results[0]
    assert first.currency == "USD" and first.cost == pytest.approx(0.04254)
    assert dict(first.usage)["output_tokens"] == 1056
    assert first.seed == 123  # not echoed: the seed asked for is what is known
    assert first.trace_id and first.trace_id.startswith("req-")


def test_openai_edit_uploads_source_references_and_mask(server: StrictServer) -> None:
    source, extra = reference(64, 64), reference(48, 48, "image/jpeg")
    request = GenerationRequest(
        prompt="night",
        model="gpt-image-1.5",
        mode=Mode.EDIT,
        size="1024x1024",
        source=source,
        references=(extra,),
        mask=reference(64, 64),
        options=(("input_fidelity", "high"),),
    )
    result = generate(server, "openai", request)
    assert result.width == 1024
    seen = server.requests[-1]
    assert seen.path == "/openai/v1/images/edits"
    assert [(name, mime) for name, _, mime, _ in seen.files] == [
        ("image[]", "image/png"),
        ("image[]", "image/jpeg"),
        ("mask", "image/png"),
    ]
    assert seen.files[0][3] == source.data
    assert dict(seen.form)["input_fidelity"] == "high"
    assert "seed" not in seen.form_names()


def test_openai_size_refusal_lists_the_sizes_and_is_sent_once(server: StrictServer) -> None:
    request = GenerationRequest(prompt="x", model="gpt-image-1", size="512x512")
    error = failure(server, "openai", request)
    assert error.kind is ErrorKind.BAD_REQUEST and error.status == 400
    assert "It takes: 1024x1024, 1536x1024, 1024x1536, auto." in error.message
    assert "Supported values are" in (error.server_message or "")
    assert server.count("/images/") == 1


def test_compatible_server_gets_its_declared_extras_and_no_key(server: StrictServer) -> None:
    table = model_table()
    declared = table.compatible_model(
        "Qwen/Qwen-Image", fields=frozenset({"seed", "steps", "guidance", "negative_prompt"})
    )
    request = GenerationRequest(
        prompt="a fox",
        model="Qwen/Qwen-Image",
        size="1024x1024",
        seed=77,
        steps=20,
        cfg_scale=4.0,
        negative_prompt="blur",
    )
    result = run(
        _generate(server, "compatible", [request], table=table.with_models((declared,)), key="")
    )[0]
    assert (result.width, result.height) == (1024, 1024)
    seen = server.requests[-1]
    assert "Authorization" not in seen.headers
    assert seen.json is not None
    assert (seen.json["seed"], seen.json["num_inference_steps"]) == (77, 20)
    assert (seen.json["guidance_scale"], seen.json["negative_prompt"]) == (4.0, "blur")
    assert result.cost is None  # a team's own server: no price in the table


def test_ark_one_request_with_two_data_uris_and_no_watermark(server: StrictServer) -> None:
    first, second = reference(40, 30), reference(30, 40, "image/jpeg")
    request = GenerationRequest(
        prompt="two cats",
        model="doubao-seedream-4-0-250828",
        provider="ark",
        size="2048x2048",
        references=(first, second),
    )
    result = generate(server, "ark", request)
    assert (result.width, result.height) == (2048, 2048)
    assert server.count() == 1
    body = server.requests[0].json
    assert body is not None
    assert body["image"] == [first.data_uri, second.data_uri]
    assert body["watermark"] is False
    assert "n" not in body
    assert (result.cost, result.currency) == (0.03, "USD")
    assert dict(result.usage)["generated_images"] == 1


def test_ark_failed_item_inside_a_200_is_that_pictures_error(server: StrictServer) -> None:
    server.script(
        "/ark/api/v3/images/generations",
        200,
        {
            "model": "m",
            "created": 1,
            "data": [
                {
                    "error": {
                        "code": "OutputImageSensitiveContentDetected",
                        "message": "The output image may contain sensitive content",
                    }
                }
            ],
            "usage": {"generated_images": 0},
        },
    )
    request = GenerationRequest(prompt="x", model="doubao-seedream-4-5-251128", size="2K")
    error = failure(server, "ark", request)
    assert error.kind is ErrorKind.MODERATION
    assert "sensitive content" in (error.server_message or "")
    assert server.count() == 1


def test_siliconflow_kolors_saves_the_linked_picture_at_once(server: StrictServer) -> None:
    request = GenerationRequest(
        prompt="a red boat",
        model="Kwai-Kolors/Kolors",
        provider="siliconflow",
        size="960x1280",
        seed=77,
        steps=25,
        cfg_scale=7.5,
        negative_prompt="blurry",
    )
    result = generate(server, "siliconflow", request)
    assert (result.width, result.height) == (960, 1280)
    assert Image.open(io.BytesIO(result.image_bytes)).size == (960, 1280)
    assert result.seed == 77
    post, download = server.requests
    assert post.json == {
        "model": "Kwai-Kolors/Kolors",
        "prompt": "a red boat",
        "image_size": "960x1280",
        "seed": 77,
        "num_inference_steps": 25,
        "guidance_scale": 7.5,
        "negative_prompt": "blurry",
    }
    assert download.method == "GET" and download.path.startswith("/files/")
    assert "Authorization" not in download.headers


def test_siliconflow_random_seed_comes_back_from_the_server(server: StrictServer) -> None:
    request = GenerationRequest(prompt="x", model="Kwai-Kolors/Kolors", size="1024x1024", seed=0)
    result = generate(server, "siliconflow", request)
    assert result.seed == 4242 and result.request.seed == 0
    assert server.requests[0].json is not None and "seed" not in server.requests[0].json


def test_siliconflow_missing_model_is_not_found_and_sent_once(server: StrictServer) -> None:
    server.script(
        "/siliconflow/v1/images/generations",
        400,
        {"code": 20012, "message": "Model does not exist.", "data": None},
    )
    error = failure(
        server,
        "siliconflow",
        GenerationRequest(prompt="x", model="Qwen/Qwen-Image", size="1328x1328"),
    )
    assert error.kind is ErrorKind.NOT_FOUND and "Qwen/Qwen-Image" in error.message
    assert server.count() == 1


# -- StepFun's retirement, over HTTP --------------------------------------------------------


def test_stepfun_retired_model_404_names_the_retirement_after_one_request(
    server: StrictServer,
) -> None:
    server.script(
        "/v1/images/generations",
        404,
        {"error": {"message": "model not found", "type": "not_found"}},
    )

    async def call() -> None:
        async with StepFunClient(KEY, server.base_url_for("stepfun")) as client:
            await client.generate_one(GenerationRequest(prompt="x", model="step-2x-large"))

    with pytest.raises(AppError) as caught:
        run(call())
    assert "step-2x-large was retired by StepFun on 2026-10-10" in caught.value.message
    assert "SiliconFlow" in caught.value.message
    assert server.count() == 1


def test_stepfun_balance_and_models(server: StrictServer) -> None:
    server.script(
        "/v1/accounts",
        200,
        {
            "balance": 3.25,
            "total_cash_balance": 3.25,
            "total_voucher_balance": 0,
            "type": "prepaid",
        },
    )

    async def calls() -> tuple[Balance | None, list[str], Balance | None]:
        stepfun = open_image_client("stepfun", api_key=KEY, base_url=server.base_url_for("stepfun"))
        openai = open_image_client("openai", api_key=KEY, base_url=server.base_url_for("openai"))
        async with stepfun, openai:
            return await stepfun.balance(), await openai.list_models(), await openai.balance()

    balance, models, none = run(calls())
    assert balance == Balance(3.25, "CNY")
    assert models == ["model-a", "model-b"]
    assert none is None
    assert [seen.path for seen in server.requests] == ["/v1/accounts", "/openai/v1/models"]


def test_ark_has_no_free_key_test_and_says_so_without_a_request(server: StrictServer) -> None:
    async def call() -> list[str]:
        async with open_image_client(
            "ark", api_key=KEY, base_url=server.base_url_for("ark")
        ) as client:
            return await client.list_models()

    with pytest.raises(AppError) as caught:
        run(call())
    assert caught.value.kind is ErrorKind.CONFIG and "no free way" in caught.value.message
    assert server.count() == 0


# -- the rules around every adapter ---------------------------------------------------------

KOLORS = GenerationRequest(prompt="x", model="Kwai-Kolors/Kolors", size="1024x1024")
GPT = GenerationRequest(prompt="x", model="gpt-image-1", size="1024x1024")


def test_429_is_retried_after_retry_after_and_5xx_never(server: StrictServer) -> None:
    path = "/openai/v1/images/generations"
    server.script(
        path,
        429,
        {"error": {"message": "Rate limit", "code": "rate_limit_exceeded"}},
        headers={"Retry-After": "0.2"},
    )
    started = time.monotonic()
    assert generate(server, "openai", GPT).width == 1024
    assert time.monotonic() - started >= 0.2
    assert server.count(path) == 2
    server.script(path, 500, {"error": {"message": "The server had an error"}})
    error = failure(server, "openai", GPT)
    assert (error.kind, error.retry_safe) == (ErrorKind.SERVER, False)
    assert "may already have been billed" in error.message
    assert server.count(path) == 3


def test_429_retries_are_bounded(server: StrictServer) -> None:
    path = "/ark/api/v3/images/generations"
    server.script(path, 429, {"error": {"code": "RateLimitExceeded", "message": "slow"}}, times=5)
    request = GenerationRequest(prompt="x", model="doubao-seedream-4-0-250828", size="2K")
    error = failure(server, "ark", request, max_rate_limit_retries=2)
    assert error.kind is ErrorKind.RATE_LIMIT
    assert server.count(path) == 3


def test_insufficient_quota_429_is_a_balance_error_and_not_retried(server: StrictServer) -> None:
    path = "/openai/v1/images/generations"
    server.script(
        path,
        429,
        {
            "error": {
                "message": "You exceeded your current quota",
                "type": "insufficient_quota",
                "code": "insufficient_quota",
            }
        },
    )
    error = failure(server, "openai", GPT)
    assert error.kind is ErrorKind.BALANCE
    assert server.count(path) == 1


def test_whole_request_deadline_beats_a_server_that_trickles(server: StrictServer) -> None:
    # Each byte arrives well within the read timeout; only the deadline stops this.
    body = json.dumps({"data": [{"b64_json": base64.b64encode(png(8, 8)).decode()}]})
    server.script("/openai/v1/images/generations", 200, body.encode(), trickle_s=0.05)
    started = time.monotonic()
    error = failure(server, "openai", GPT, request_deadline_s=0.5, request_timeout_s=5)
    assert time.monotonic() - started < 2.0
    assert (error.kind, error.retry_safe) == (ErrorKind.TIMEOUT, False)
    assert "0.5 seconds" in error.message
    assert server.count() == 1


def test_download_deadline_beats_a_trickling_link(server: StrictServer) -> None:
    slow = server.origin + "/files/slow.png"
    server.script("/siliconflow/v1/images/generations", 200, {"images": [{"url": slow}], "seed": 1})
    server.script("/files/slow.png", 200, png(16, 16), trickle_s=0.05)
    started = time.monotonic()
    error = failure(server, "siliconflow", KOLORS, download_deadline_s=0.5)
    assert time.monotonic() - started < 2.0
    assert error.kind is ErrorKind.TIMEOUT and "could not be downloaded" in error.message
    assert server.count("/images/generations") == 1


def test_answer_over_the_json_cap_is_refused(server: StrictServer) -> None:
    error = failure(server, "openai", GPT, response_cap_bytes=2000)
    assert error.kind is ErrorKind.BAD_RESPONSE and "over the limit" in (error.server_message or "")
    assert server.count() == 1


def test_a_gzip_bomb_is_capped_by_its_inflated_size(server: StrictServer) -> None:
    # 64 MB of JSON whitespace travel as about 64 kB: the cap must count inflated bytes, or
    # this (2 MB became 2.1 GB in the adversarial pass) ends in a MemoryError traceback.
    inflated = b'{"data": [' + b" " * (64 * 1024 * 1024) + b"]}"
    bomb = gzip.compress(inflated, compresslevel=9)
    assert len(bomb) < len(inflated) // 500
    server.script("/openai/v1/images/generations", 200, bomb, headers={"Content-Encoding": "gzip"})
    error = failure(server, "openai", GPT, response_cap_bytes=1024 * 1024)
    assert error.kind is ErrorKind.BAD_RESPONSE and "over the limit" in (error.server_message or "")
    assert server.count() == 1  # maybe billed: never sent again


def test_download_over_the_cap_is_refused(server: StrictServer) -> None:
    error = failure(server, "siliconflow", KOLORS, download_cap_bytes=500)
    assert error.kind is ErrorKind.BAD_IMAGE
    assert server.count("/images/generations") == 1


def test_picture_of_the_wrong_size_is_refused_where_the_model_promises_one(
    server: StrictServer,
) -> None:
    wrong = server.keep_file(png(100, 100))
    server.script("/siliconflow/v1/images/generations", 200, {"images": [{"url": wrong}]})
    error = failure(server, "siliconflow", KOLORS)
    assert error.kind is ErrorKind.BAD_IMAGE and "SiliconFlow support" in error.message


def test_private_link_is_refused_before_any_connection(server: StrictServer) -> None:
    import httpx2

    link = server.keep_file(png(8, 8))

    async def fetch(allow_private: bool) -> bytes:
        async with httpx2.AsyncClient() as client:
            return await fetch_link(
                client, link, cap=10**6, allow_private=allow_private, trace_id="t"
            )

    with pytest.raises(AppError) as caught:
        run(fetch(False))
    assert caught.value.kind is ErrorKind.BAD_RESPONSE
    assert "private or local network address" in (caught.value.server_message or "")
    assert server.count() == 0  # the server is there, but nothing connected to it
    assert run(fetch(True)) == server.files[link.rsplit("/", 1)[1].removesuffix(".png")]
    assert server.count() == 1


def test_server_words_reach_the_user_without_escapes(server: StrictServer) -> None:
    server.script(
        "/openai/v1/images/generations",
        400,
        {
            "error": {
                "message": "\x1b[2J\x1b]0;pwned\x07Invalid prompt\x1b[0m",
                "type": "invalid_request_error",
                "param": "prompt",
                "code": "invalid_value",
            }
        },
    )
    error = failure(server, "openai", GPT)
    assert error.server_message == "Invalid prompt"
