"""Base URLs and their safety check, the account tiers, and the rate limiter's budget."""

from __future__ import annotations

import asyncio

import pytest

from stepfun_studio.api.config import REGIONS, check_base_url, resolve_base_url
from stepfun_studio.api.limits import TIERS, RateLimiter


def test_regions_are_the_two_documented_hosts() -> None:
    assert REGIONS == {"cn": "https://api.stepfun.com/v1", "intl": "https://api.stepfun.ai/v1"}


def test_env_base_url_wins_over_custom_and_region() -> None:
    env = {"STEPFUN_BASE_URL": "http://127.0.0.1:9000/v1/"}
    assert resolve_base_url("intl", "https://proxy.example/v1", env) == "http://127.0.0.1:9000/v1"


def test_custom_url_wins_over_region() -> None:
    assert resolve_base_url("cn", " https://proxy.example/v1/ ", {}) == "https://proxy.example/v1"


def test_region_host_when_nothing_else_is_set() -> None:
    assert resolve_base_url("intl", None, {}) == "https://api.stepfun.ai/v1"
    assert resolve_base_url("cn", "", {}) == "https://api.stepfun.com/v1"
    assert resolve_base_url("mars", None, {}) == "https://api.stepfun.com/v1"


@pytest.mark.parametrize(
    "url",
    [
        "https://api.stepfun.com/v1",
        "https://10.0.0.5:8443/v1",
        "http://127.0.0.1:8765/v1",
        "http://127.8.9.10/v1",
        "http://localhost:8765/v1",
        "http://[::1]:8765/v1",
    ],
)
def test_safe_urls_pass(url: str) -> None:
    assert check_base_url(url) is None


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://api.stepfun.com/v1", "unencrypted"),
        ("http://192.168.1.20:8765/v1", "unencrypted"),
        ("http://localhost.evil.com/v1", "unencrypted"),
        ("ftp://127.0.0.1/v1", "https://"),
        ("api.stepfun.com/v1", "https://"),
        ("https://", "https://"),
    ],
)
def test_unsafe_urls_get_a_message(url: str, words: str) -> None:
    message = check_base_url(url)
    assert message is not None and words in message


def test_tiers_match_the_documented_table() -> None:
    table = {name: (tier.concurrent, tier.per_minute) for name, tier in TIERS.items()}
    assert table == {
        "V0": (5, 10),
        "V1": (100, 1_000),
        "V2": (200, 5_000),
        "V3": (400, 10_000),
        "V4": (1_000, 20_000),
        "V5": (10_000, 200_000),
    }
    assert RateLimiter.for_tier("V0").per_minute == 10


def test_limiter_never_exceeds_its_concurrency() -> None:
    active = 0
    peak = 0

    async def one(limiter: RateLimiter) -> None:
        nonlocal active, peak
        async with limiter:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.02)
            active -= 1

    async def scenario() -> None:
        limiter = RateLimiter(concurrency=3, per_minute=1000)
        await asyncio.gather(*(one(limiter) for _ in range(10)))

    asyncio.run(scenario())
    assert peak == 3


def test_limiter_budget_per_rolling_minute() -> None:
    now = [1000.0]
    limiter = RateLimiter(concurrency=5, per_minute=2, clock=lambda: now[0])

    async def enter_twice() -> None:
        for _ in range(2):
            async with limiter:
                pass

    asyncio.run(enter_twice())
    assert limiter.wait_before_next() == pytest.approx(60.0)
    now[0] += 45
    assert limiter.wait_before_next() == pytest.approx(15.0)
    now[0] += 15
    assert limiter.wait_before_next() == 0.0


def test_limiter_waits_for_the_budget_then_enters() -> None:
    now = [0.0]

    def clock() -> float:
        return now[0]

    async def scenario() -> bool:
        limiter = RateLimiter(concurrency=5, per_minute=1, clock=clock)
        async with limiter:
            pass
        waiter = asyncio.create_task(limiter.__aenter__())
        await asyncio.sleep(0.05)
        blocked = not waiter.done()
        now[0] = 61.0  # a minute later the budget is back; the limiter's sleep was 60 s,
        waiter.cancel()  # so cancel it and check that a fresh entry now goes straight in
        async with limiter:
            pass
        return blocked

    assert asyncio.run(scenario()) is True
