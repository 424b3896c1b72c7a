"""Failures of the built-in stand-in (demo mode) say so, and never speak of billing."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from stepfun_studio.api.providers import open_image_client
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.standin import StandinServer

KEY = "sk-Test1234567890abcdefGHIJ"


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer() as standin:
        yield standin


def failure(server: StandinServer, provider: str, *, demo: bool) -> AppError:
    spec = next(m for m in model_table().models_of(provider) if not m.is_retired())
    request = GenerationRequest(prompt="a lighthouse", model=spec.name, provider=provider)

    async def call() -> None:
        client = open_image_client(
            provider, api_key=KEY, base_url=server.base_url_for(provider), demo=demo
        )
        async with client:
            await client.generate_one(request)

    with pytest.raises(AppError) as raised:
        asyncio.run(call())
    return raised.value


@pytest.mark.parametrize("provider", ["openai", "siliconflow", "ark"])
def test_a_5xx_of_the_stand_in_says_nothing_was_billed(
    server: StandinServer, provider: str
) -> None:
    server.add_fault("503", provider=provider)
    error = failure(server, provider, demo=True)
    assert error.kind is ErrorKind.SERVER
    assert "stand-in failed (HTTP 503)" in error.message
    assert "Nothing was billed" in error.message
    assert "may" not in error.message
    assert not error.retry_safe  # still the user's call to send it again
    assert server.request_count() == 1


def test_a_cut_off_answer_of_the_stand_in_says_nothing_was_billed(server: StandinServer) -> None:
    server.add_fault("truncated", provider="openai")
    error = failure(server, "openai", demo=True)
    assert "stand-in failed" in error.message and "may" not in error.message
    assert not error.retry_safe


def test_a_5xx_of_a_real_server_still_warns_of_billing(server: StandinServer) -> None:
    server.add_fault("503", provider="openai")
    error = failure(server, "openai", demo=False)
    assert "may already have been billed" in error.message


def test_a_refusal_of_the_stand_in_keeps_its_own_words(server: StandinServer) -> None:
    server.add_fault("451", provider="openai")
    error = failure(server, "openai", demo=True)
    assert error.kind is ErrorKind.MODERATION
    assert "stand-in" not in error.message


def test_a_broken_picture_of_the_stand_in_keeps_its_own_words(server: StandinServer) -> None:
    # Words that do not speak of billing say more than "the stand-in failed": they stay.
    server.add_fault("not_image", provider="openai")
    error = failure(server, "openai", demo=True)
    assert "not a usable picture" in error.message
    assert not error.warns_of_billing
