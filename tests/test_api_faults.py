"""Every stand-in fault through StepFunClient: the AppError it becomes, and what was sent.

Each image is billed, so the request counts matter as much as the error: nothing may be sent
twice, except after a 429 (the server refused before doing any work).
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest

from stepfun_studio.api.client import StepFunClient
from stepfun_studio.api.limits import RateLimiter
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.request import GenerationRequest, ResponseFormat
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.standin import StandinServer

KEY = "sk-Fault1234567890abcdefXYZ"
T = TypeVar("T")
B64 = ResponseFormat.B64_JSON
URL = ResponseFormat.URL


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer() as standin:
        yield standin


def small(response_format: ResponseFormat = B64) -> GenerationRequest:
    return GenerationRequest(prompt="fault test", size="256x256", response_format=response_format)


async def attempt(
    server: StandinServer, request: GenerationRequest, key: str = KEY, **kwargs: Any
) -> GenerationResult:
    kwargs.setdefault("rate_limit_backoff_s", 0.01)
    async with StepFunClient(key, server.base_url, **kwargs) as client:
        return await client.generate_one(request)


def failure(server: StandinServer, request: GenerationRequest, **kwargs: Any) -> AppError:
    with pytest.raises(AppError) as caught:
        run(attempt(server, request, **kwargs))
    return caught.value


@dataclass(frozen=True)
class Expect:
    fault: str
    kind: ErrorKind
    status: int | None
    words: str  # must appear in the person's message
    retry_safe: bool
    server_message: str | None = None
    response_format: ResponseFormat = B64


CASES = [
    Expect(
        "400",
        ErrorKind.BAD_REQUEST,
        400,
        "refused a parameter",
        True,
        "Request param: prompt is invalid",
    ),
    Expect("401", ErrorKind.AUTH, 401, "API key", True, "Incorrect API key provided"),
    Expect(
        "402",
        ErrorKind.BALANCE,
        402,
        "Top it up",
        True,
        "Insufficient account balance, please recharge",
    ),
    Expect("451", ErrorKind.MODERATION, 451, "moderation", True),
    Expect("500", ErrorKind.SERVER, 500, "billed", False, "Internal server error"),
    Expect("503", ErrorKind.SERVER, 503, "HTTP 503", False, "Service temporarily unavailable"),
    Expect("504", ErrorKind.SERVER, 504, "HTTP 504", False, "Gateway timeout"),
    Expect("content_filtered", ErrorKind.MODERATION, None, "blocked by moderation", True),
    Expect("drop", ErrorKind.NETWORK, None, "connection broke", False),
    Expect("truncated", ErrorKind.BAD_RESPONSE, None, "cut off", False),
    Expect("non_json", ErrorKind.BAD_RESPONSE, None, "could not be read", False),
    Expect("empty_data", ErrorKind.BAD_RESPONSE, None, "could not be read", False),
    Expect("bad_base64", ErrorKind.BAD_RESPONSE, None, "could not be read", False),
    Expect("not_image", ErrorKind.BAD_IMAGE, None, "not a usable picture", False),
    Expect("bomb", ErrorKind.BAD_IMAGE, None, "not a usable picture", False),
    Expect("wrong_size", ErrorKind.BAD_IMAGE, None, "not a usable picture", False),
    Expect("damaged_image", ErrorKind.BAD_IMAGE, None, "not a usable picture", False),
    Expect("damaged_image", ErrorKind.BAD_IMAGE, None, "not a usable picture", False, None, URL),
    Expect("wrong_size", ErrorKind.BAD_IMAGE, None, "not a usable picture", False, None, URL),
    Expect("expired_url", ErrorKind.EXPIRED_LINK, 403, "expired", False, None, URL),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.fault}-{c.response_format.value}")
def test_fault_becomes_one_app_error_and_is_sent_once(server: StandinServer, case: Expect) -> None:
    server.add_fault(case.fault)
    error = failure(server, small(case.response_format))
    assert error.kind is case.kind
    assert error.status == case.status
    assert case.words in error.message
    assert error.retry_safe is case.retry_safe
    if case.server_message is not None:
        assert error.server_message == case.server_message
    if case.status is not None or case.kind in (ErrorKind.BAD_IMAGE, ErrorKind.MODERATION):
        assert error.trace_id and len(error.trace_id) == 32
    assert server.request_count("/v1/images/generations") == 1
    # The fault was used up: the next request succeeds.
    assert run(attempt(server, small())).width == 256


def test_fault_by_key_fails_every_request_of_that_key(server: StandinServer) -> None:
    error = failure(server, small(), key="standin-fault-503")
    assert (error.kind, error.status) == (ErrorKind.SERVER, 503)
    failure(server, small(), key="standin-fault-503")
    assert server.request_count("/generations") == 2
    assert run(attempt(server, small())).width == 256


def test_fault_by_request_header(server: StandinServer) -> None:
    error = failure(server, small(), default_headers={"X-Standin-Fault": "402"})
    assert error.kind is ErrorKind.BALANCE


def test_fault_for_another_key_leaves_this_key_alone(server: StandinServer) -> None:
    server.add_fault("500", key="sk-SomeoneElse000000000000", times=None)
    assert run(attempt(server, small())).width == 256


def test_delay_beyond_the_request_timeout_is_a_timeout_not_a_retry(server: StandinServer) -> None:
    server.add_fault("delay", seconds=3)
    started = time.monotonic()
    error = failure(server, small(), request_timeout_s=0.3)
    assert time.monotonic() - started < 2.0
    assert error.kind is ErrorKind.TIMEOUT
    assert error.retry_safe is False
    assert server.request_count("/generations") == 1


def test_delay_within_the_timeout_succeeds(server: StandinServer) -> None:
    server.add_fault("delay", seconds=0.2)
    started = time.monotonic()
    assert run(attempt(server, small())).width == 256
    assert time.monotonic() - started >= 0.2


def test_nothing_listening_is_a_network_error_safe_to_retry() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def scenario() -> None:
        async with StepFunClient(KEY, f"http://127.0.0.1:{port}/v1") as client:
            await client.generate_one(small())

    with pytest.raises(AppError) as caught:
        run(scenario())
    assert caught.value.kind is ErrorKind.NETWORK
    assert caught.value.retry_safe is True


def test_answer_without_created_is_fine(server: StandinServer) -> None:
    server.add_fault("no_created")
    result = run(attempt(server, small()))
    assert result.created is None
    assert run(attempt(server, small())).created is not None


def test_slow_link_times_out_without_generating_again(server: StandinServer) -> None:
    server.add_fault("slow_link", seconds=3)
    started = time.monotonic()
    error = failure(server, small(URL), download_timeout_s=0.3)
    assert time.monotonic() - started < 2.0
    assert error.kind is ErrorKind.TIMEOUT
    assert "could not be downloaded" in error.message
    assert server.request_count("/generations") == 1
    assert server.request_count() == 2  # the generation and one download


def test_download_over_the_cap_is_refused(server: StandinServer) -> None:
    error = failure(server, small(URL), download_cap_bytes=1000)
    assert error.kind is ErrorKind.BAD_IMAGE
    assert server.request_count("/generations") == 1


def test_key_echoed_by_the_server_never_reaches_the_message(server: StandinServer) -> None:
    server.add_fault("401", message=f"Incorrect API key provided: {KEY}")
    error = failure(server, small())
    for text in (error.message, error.server_message or "", error.details(), repr(error)):
        assert KEY not in text


# -- 429: the one thing retried --------------------------------------------------------------


def test_429_with_retry_after_is_retried_after_that_wait(server: StandinServer) -> None:
    server.add_fault("429", retry_after=0.3)
    started = time.monotonic()
    result = run(attempt(server, small()))
    assert time.monotonic() - started >= 0.3
    assert result.width == 256
    assert server.request_count("/generations") == 2


def test_429_without_retry_after_backs_off_and_retries(server: StandinServer) -> None:
    server.add_fault("429", times=2)
    assert run(attempt(server, small())).width == 256
    assert server.request_count("/generations") == 3


def test_429_gives_up_after_the_retry_budget(server: StandinServer) -> None:
    server.add_fault("429", times=None)
    error = failure(server, small(), max_rate_limit_retries=2)
    assert (error.kind, error.status) == (ErrorKind.RATE_LIMIT, 429)
    assert "Wait" in error.message
    assert error.retry_safe is True
    assert server.request_count("/generations") == 3


def test_429_asking_for_too_long_a_wait_fails_at_once(server: StandinServer) -> None:
    server.add_fault("429", retry_after=120)
    started = time.monotonic()
    error = failure(server, small(), max_retry_after_s=30)
    assert time.monotonic() - started < 1.0
    assert error.kind is ErrorKind.RATE_LIMIT
    assert error.retry_after == 120
    assert server.request_count("/generations") == 1


# -- V0 limits on the server, and our limiter keeping under them ------------------------------


def test_v0_concurrency_limit_refuses_the_sixth_request() -> None:
    # 1.5 s per answer: all six must be in flight together even on a busy machine.
    with StandinServer(latency_s=1.5) as server:
        server.enable_v0_limits()

        async def scenario() -> list[object]:
            async with StepFunClient(KEY, server.base_url, max_rate_limit_retries=0) as client:
                jobs = [client.generate_one(small()) for _ in range(6)]
                return await asyncio.gather(*jobs, return_exceptions=True)

        outcomes = run(scenario())
    errors = [o for o in outcomes if isinstance(o, AppError)]
    assert len(errors) == 1
    assert errors[0].kind is ErrorKind.RATE_LIMIT
    assert "concurrent" in (errors[0].server_message or "")
    assert server.request_count("/generations") == 6


def test_v0_per_minute_limit_refuses_the_eleventh_request(server: StandinServer) -> None:
    server.enable_v0_limits()

    async def scenario() -> AppError | None:
        async with StepFunClient(KEY, server.base_url, max_rate_limit_retries=0) as client:
            for _ in range(10):
                await client.generate_one(small())
            try:
                await client.generate_one(small())
            except AppError as error:
                return error
        return None

    error = run(scenario())
    assert error is not None and error.kind is ErrorKind.RATE_LIMIT
    assert "per minute" in (error.server_message or "")


def test_rate_limiter_keeps_under_the_v0_concurrency() -> None:
    with StandinServer(latency_s=0.3) as server:
        server.enable_v0_limits()

        async def scenario() -> list[GenerationResult]:
            limiter = RateLimiter(concurrency=5, per_minute=10)
            async with StepFunClient(KEY, server.base_url, max_rate_limit_retries=0) as client:

                async def one() -> GenerationResult:
                    async with limiter:
                        return await client.generate_one(small())

                return await asyncio.gather(*(one() for _ in range(7)))

        results = run(scenario())
    assert len(results) == 7
    assert server.request_count("/generations") == 7  # no 429, so no retries
