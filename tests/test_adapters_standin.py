"""Every adapter against the real stand-in over HTTP: one picture each, then every fault.

The stand-in speaks each protocol under its provider's prefix with that protocol's own answer
and error shapes, and breaks the same way for all of them; so one table of faults checks that
each adapter turns the same trouble into the same kind of `AppError`, with the same rule about
sending again, after exactly one request.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest

from stepfun_studio.api.providers import open_image_client
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.standin import StandinServer

KEY = "sk-AdapterStandin1234567890XYZ"
T = TypeVar("T")

REQUESTS = {
    "stepfun": GenerationRequest(prompt="a boat", model="step-2x-large", size="256x256", seed=7),
    "openai": GenerationRequest(prompt="a boat", model="gpt-image-1", size="1024x1024"),
    "ark": GenerationRequest(prompt="a boat", model="doubao-seedream-4-0-250828", size="1K"),
    "siliconflow": GenerationRequest(
        prompt="a boat", model="Kwai-Kolors/Kolors", size="768x1024", seed=7, steps=20
    ),
    "compatible": GenerationRequest(prompt="a boat", model="Qwen/Qwen-Image", size="512x512"),
}
PROVIDERS = list(REQUESTS)


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


@pytest.fixture(scope="module")
def standin() -> Iterator[StandinServer]:
    with StandinServer() as server:
        yield server


async def _generate(
    standin: StandinServer, provider: str, request: GenerationRequest, **limits: Any
) -> GenerationResult:
    limits.setdefault("rate_limit_backoff_s", 0.01)
    base_url = standin.base_url_for(provider)
    async with open_image_client(provider, api_key=KEY, base_url=base_url, **limits) as client:
        return await client.generate_one(request)


def sent_after(standin: StandinServer, before: int) -> int:
    return standin.request_count() - before


def recorded_since(standin: StandinServer, before: int) -> list[Any]:
    """The requests recorded since the count was `before` (the record keeps the latest)."""
    count = sent_after(standin, before)
    return list(standin.requests)[-count:] if count else []


@pytest.mark.parametrize("provider", PROVIDERS)
def test_one_picture_from_each_provider(standin: StandinServer, provider: str) -> None:
    before = standin.request_count()
    result = run(_generate(standin, provider, REQUESTS[provider]))
    assert result.image_bytes and result.width > 0
    posts = [r for r in recorded_since(standin, before) if r.method == "POST"]
    assert len(posts) == 1
    prefix = standin.base_url_for(provider).removeprefix(standin.origin)
    assert posts[0].path.startswith(prefix + "/images/")
    assert posts[0].status == 200


def test_each_provider_costs_what_the_table_or_the_usage_says(standin: StandinServer) -> None:
    costs = {p: run(_generate(standin, p, REQUESTS[p])) for p in ("stepfun", "ark", "openai")}
    assert (costs["stepfun"].cost, costs["stepfun"].currency) == (0.1, "CNY")
    assert (costs["ark"].cost, costs["ark"].currency) == (0.03, "USD")
    openai = costs["openai"]
    assert openai.currency == "USD" and openai.usage  # priced from the stand-in's token usage
    assert openai.cost is not None and 0.03 < openai.cost < 0.06


def test_siliconflow_echoes_the_seed_and_its_link_is_fetched_without_the_key(
    standin: StandinServer,
) -> None:
    before = standin.request_count()
    result = run(_generate(standin, "siliconflow", REQUESTS["siliconflow"]))
    assert result.seed == 7 and (result.width, result.height) == (768, 1024)
    post, download = recorded_since(standin, before)
    assert post.body is not None
    assert (post.body["image_size"], post.body["num_inference_steps"]) == ("768x1024", 20)
    assert download.method == "GET" and "Authorization" not in download.headers


def test_ark_edit_with_a_reference_is_one_request_with_two_data_uris(
    standin: StandinServer,
) -> None:
    import io

    from PIL import Image

    def reference(colour: tuple[int, int, int]) -> ReferenceImage:
        out = io.BytesIO()
        Image.new("RGB", (96, 64), colour).save(out, "PNG")
        return ReferenceImage(out.getvalue(), "image/png", 96, 64)

    source, extra = reference((200, 10, 10)), reference((10, 10, 200))
    request = REQUESTS["ark"].with_changes(mode=Mode.EDIT, source=source, references=(extra,))
    before = standin.request_count()
    run(_generate(standin, "ark", request))
    (post,) = recorded_since(standin, before)
    assert post.body is not None
    assert post.body["image"] == [source.data_uri, extra.data_uri]
    assert post.body["watermark"] is False


@dataclass(frozen=True)
class Expect:
    fault: str
    kind: ErrorKind
    retry_safe: bool


FAULTS = [
    Expect("400", ErrorKind.BAD_REQUEST, True),
    Expect("401", ErrorKind.AUTH, True),
    Expect("402", ErrorKind.BALANCE, True),
    Expect("429", ErrorKind.RATE_LIMIT, True),
    Expect("451", ErrorKind.MODERATION, True),
    Expect("500", ErrorKind.SERVER, False),
    Expect("503", ErrorKind.SERVER, False),
    Expect("content_filtered", ErrorKind.MODERATION, True),
    Expect("drop", ErrorKind.NETWORK, False),
    Expect("truncated", ErrorKind.BAD_RESPONSE, False),
    Expect("non_json", ErrorKind.BAD_RESPONSE, False),
    Expect("empty_data", ErrorKind.BAD_RESPONSE, False),
    Expect("not_image", ErrorKind.BAD_IMAGE, False),
    Expect("bomb", ErrorKind.BAD_IMAGE, False),
    Expect("damaged_image", ErrorKind.BAD_IMAGE, False),
]


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("case", FAULTS, ids=lambda case: case.fault)
def test_every_fault_is_one_app_error_after_one_request(
    standin: StandinServer, provider: str, case: Expect
) -> None:
    standin.clear_faults()
    standin.add_fault(case.fault, provider=provider)
    before = standin.request_count()
    with pytest.raises(AppError) as caught:
        run(_generate(standin, provider, REQUESTS[provider], max_rate_limit_retries=0))
    error = caught.value
    assert (error.kind, error.retry_safe) == (case.kind, case.retry_safe), error
    # SiliconFlow's answer is a link: a broken picture is found after fetching it.
    fetched = provider == "siliconflow" and case.kind is ErrorKind.BAD_IMAGE
    assert sent_after(standin, before) == (2 if fetched else 1)
    assert KEY not in f"{error.message} {error.details()}"


@pytest.mark.parametrize("provider", PROVIDERS)
def test_model_gone_is_not_found_or_the_retirement(standin: StandinServer, provider: str) -> None:
    standin.clear_faults()
    standin.add_fault("retired", provider=provider)
    with pytest.raises(AppError) as caught:
        run(_generate(standin, provider, REQUESTS[provider]))
    error = caught.value
    assert error.kind is ErrorKind.NOT_FOUND
    if provider == "stepfun":
        assert "step-2x-large was retired by StepFun on 2026-10-10" in error.message
    else:
        assert REQUESTS[provider].model in error.message


@pytest.mark.parametrize("provider", PROVIDERS)
def test_429_is_retried_within_its_bound(standin: StandinServer, provider: str) -> None:
    standin.clear_faults()
    standin.add_fault("429", provider=provider, retry_after=0.2)
    before = standin.request_count()
    started = time.monotonic()
    assert run(_generate(standin, provider, REQUESTS[provider])).width > 0
    assert time.monotonic() - started >= 0.2
    posts = [r for r in recorded_since(standin, before) if r.method == "POST"]
    assert len(posts) == 2


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_slow_answer_meets_the_deadline_and_is_not_resent(
    standin: StandinServer, provider: str
) -> None:
    standin.clear_faults()
    standin.add_fault("delay", provider=provider, seconds=2)
    before = standin.request_count()
    started = time.monotonic()
    with pytest.raises(AppError) as caught:
        run(_generate(standin, provider, REQUESTS[provider], request_deadline_s=0.3))
    assert time.monotonic() - started < 1.5
    assert (caught.value.kind, caught.value.retry_safe) == (ErrorKind.TIMEOUT, False)
    assert sent_after(standin, before) == 1
