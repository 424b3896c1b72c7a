"""The same faults for every protocol of the stand-in, each answered in that protocol's shape.

Every provider gets the status faults (bad key, no balance, rate limit with Retry-After,
moderation, server trouble, a retired model) in its own error envelope and status, and the
broken answers (dropped, truncated, HTML, empty, bad base64, pictures that are not pictures,
expired or slow links) in its own success shape. Faults are switched on by `add_fault`, by the
`X-Standin-Fault` header and by `standin-fault-*` keys, optionally for one provider or path.
"""

from __future__ import annotations

import base64
import http.client
import time
import urllib.error
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PIL import Image
from test_standin_support import KEY, Answer, get, picture, post_json

from stepfun_studio.standin import FAULT_NAMES, StandinServer


@dataclass(frozen=True)
class Case:
    """How to ask one provider for one small picture, and how to read its answer."""

    provider: str
    body: dict[str, Any]
    items: str  # where the pictures are: "data" or "images"
    field: str  # "b64_json" or "url"
    has_created: bool


CASES = {
    "stepfun": Case(
        "stepfun",
        {"model": "step-2x-large", "prompt": "a fox", "size": "256x256", "response_format": "url"},
        "data",
        "url",
        True,
    ),
    "openai": Case(
        "openai", {"model": "gpt-image-1-mini", "prompt": "a fox"}, "data", "b64_json", True
    ),
    "ark": Case(
        "ark",
        {"model": "doubao-seedream-4-0-250828", "prompt": "a fox", "size": "1280x720"},
        "data",
        "url",
        True,
    ),
    "siliconflow": Case(
        "siliconflow",
        {"model": "Kwai-Kolors/Kolors", "prompt": "a fox", "image_size": "768x1024"},
        "images",
        "url",
        False,
    ),
    "compatible": Case(
        "compatible",
        {"model": "team-sdxl", "prompt": "a fox", "size": "512x512"},
        "data",
        "b64_json",
        True,
    ),
}
PROVIDERS = list(CASES)
URL_PROVIDERS = [name for name, case in CASES.items() if case.field == "url"]
# The status each provider answers a status fault with (OpenAI has no 402: quota is a 429).
STATUS = {
    "stepfun": {
        "401": 401,
        "402": 402,
        "429": 429,
        "451": 451,
        "500": 500,
        "503": 503,
        "retired": 404,
    },
    "openai": {
        "401": 401,
        "402": 429,
        "429": 429,
        "451": 400,
        "500": 500,
        "503": 503,
        "retired": 404,
    },
    "ark": {"401": 401, "402": 403, "429": 429, "451": 400, "500": 500, "503": 503, "retired": 404},
    "siliconflow": {
        "401": 401,
        "402": 403,
        "429": 429,
        "451": 400,
        "500": 500,
        "503": 503,
        "retired": 400,
    },
}
STATUS["compatible"] = STATUS["openai"]


def error_shape_holds(provider: str, answer: Answer) -> bool:
    body = answer.json
    if provider == "siliconflow":
        return set(body) == {"code", "message", "data"} and isinstance(body["code"], int)
    error = body["error"]
    if provider == "stepfun":
        return set(error) == {"message", "type"}
    if provider == "ark":
        request_id = answer.header("X-Request-Id")
        return set(error) == {"code", "message", "param", "type"} and (
            error["message"].endswith(f"Request id: {request_id}")
        )
    return set(error) == {"message", "type", "param", "code"}


@pytest.fixture(scope="module")
def server() -> Iterator[StandinServer]:
    with StandinServer(accepted_keys={KEY}, url_expiry_s=600) as standin:
        yield standin


@pytest.fixture(autouse=True)
def no_faults_left(server: StandinServer) -> Iterator[None]:
    yield
    server.clear_faults()


def ask(server: StandinServer, provider: str, **kwargs: Any) -> Answer:
    case = CASES[provider]
    return post_json(server.base_url_for(provider) + "/images/generations", case.body, **kwargs)


def items_of(provider: str, answer: Answer) -> list[dict[str, Any]]:
    assert answer.status == 200, answer.raw[:300]
    return list(answer.json[CASES[provider].items])


def fetch_bytes(provider: str, item: dict[str, Any]) -> bytes:
    if CASES[provider].field == "b64_json":
        return base64.b64decode(item["b64_json"])
    fetched = get(item["url"], key=None)
    assert fetched.status == 200
    return fetched.raw


# -- status faults --------------------------------------------------------------------------------


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("fault", ["401", "402", "429", "451", "500", "503", "retired"])
def test_status_fault_in_the_protocols_own_shape(
    server: StandinServer, provider: str, fault: str
) -> None:
    server.add_fault(fault, provider=provider)
    answer = ask(server, provider)
    assert answer.status == STATUS[provider][fault]
    assert error_shape_holds(provider, answer)
    assert server.requests[-1].fault == fault
    assert ask(server, provider).status == 200  # used up


@pytest.mark.parametrize("provider", PROVIDERS)
def test_429_carries_retry_after_when_asked(server: StandinServer, provider: str) -> None:
    answer = ask(server, provider, headers={"X-Standin-Fault": "429;retry_after=7"})
    assert (answer.status, answer.header("Retry-After")) == (429, "7")
    assert error_shape_holds(provider, answer)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_fault_key_fails_every_request_and_a_401_key_is_refused(
    server: StandinServer, provider: str
) -> None:
    assert ask(server, provider, key="standin-fault-503").status == 503
    assert ask(server, provider, key="standin-fault-503").status == 503
    refused = ask(server, provider, key="standin-fault-401")
    assert refused.status == 401 and error_shape_holds(provider, refused)
    anonymous = ask(server, provider, key=None)
    assert anonymous.status == 401 and error_shape_holds(provider, anonymous)


def test_a_fault_for_one_provider_leaves_the_others_alone(server: StandinServer) -> None:
    server.add_fault("500", times=None, provider="ark")
    assert [ask(server, provider).status for provider in PROVIDERS] == [200, 200, 500, 200, 200]
    server.clear_faults()
    server.add_fault("503", times=None, path="/siliconflow/v1/images/generations")
    assert ask(server, "siliconflow").status == 503
    assert ask(server, "stepfun").status == 200


@pytest.mark.parametrize("provider", PROVIDERS)
def test_limits_answer_429_in_the_protocols_shape(provider: str) -> None:
    # A server of its own: the limits count every request of the last minute.
    with StandinServer(accepted_keys={KEY}, limits=(5, 1)) as limited:
        assert ask(limited, provider).status == 200
        over = ask(limited, provider)
    assert (over.status, over.header("Retry-After")) == (429, "1")
    assert error_shape_holds(provider, over)


# -- broken answers -------------------------------------------------------------------------------


@pytest.mark.parametrize("provider", PROVIDERS)
def test_dropped_and_truncated_answers(server: StandinServer, provider: str) -> None:
    server.add_fault("drop", provider=provider)
    with pytest.raises((urllib.error.URLError, http.client.HTTPException, ConnectionError)):
        ask(server, provider)
    server.add_fault("truncated", provider=provider)
    with pytest.raises(http.client.IncompleteRead):
        ask(server, provider)
    assert ask(server, provider).status == 200


@pytest.mark.parametrize("provider", PROVIDERS)
def test_html_instead_of_json_and_a_delay(server: StandinServer, provider: str) -> None:
    server.add_fault("non_json", provider=provider)
    answer = ask(server, provider)
    assert answer.status == 200 and answer.raw.startswith(b"<html>")
    server.add_fault("delay", provider=provider, seconds=0.4)
    started = time.monotonic()
    assert ask(server, provider).status == 200
    assert time.monotonic() - started >= 0.4


@pytest.mark.parametrize("provider", PROVIDERS)
def test_empty_list_and_missing_created(server: StandinServer, provider: str) -> None:
    server.add_fault("empty_data", provider=provider)
    assert items_of(provider, ask(server, provider)) == []
    server.add_fault("no_created", provider=provider)
    answer = ask(server, provider)
    assert "created" not in answer.json
    assert ("created" in ask(server, provider).json) is CASES[provider].has_created


UNREADABLE = (OSError, SyntaxError, ValueError, Image.DecompressionBombError)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_bad_base64_and_pictures_that_are_not_pictures(
    server: StandinServer, provider: str
) -> None:
    field = CASES[provider].field
    server.add_fault("bad_base64", provider=provider)
    assert items_of(provider, ask(server, provider))[0][field] == "@@not*base64@@"
    for fault in ("not_image", "bomb", "damaged_image"):
        server.add_fault(fault, provider=provider)
        data = fetch_bytes(provider, items_of(provider, ask(server, provider))[0])
        with pytest.raises(UNREADABLE):
            picture(data).convert("RGB").tobytes()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_wrong_size_is_half_the_asked_size(server: StandinServer, provider: str) -> None:
    right = picture(fetch_bytes(provider, items_of(provider, ask(server, provider))[0]))
    server.add_fault("wrong_size", provider=provider)
    wrong = picture(fetch_bytes(provider, items_of(provider, ask(server, provider))[0]))
    assert wrong.size == (right.width // 2, right.height // 2)


@pytest.mark.parametrize("provider", URL_PROVIDERS)
def test_expired_and_slow_links(server: StandinServer, provider: str) -> None:
    server.add_fault("expired_url", provider=provider)
    expired = get(items_of(provider, ask(server, provider))[0]["url"], key=None)
    assert expired.status == 403 and b"expired" in expired.raw
    server.add_fault("slow_link", provider=provider, seconds=0.4)
    started = time.monotonic()
    fetch_bytes(provider, items_of(provider, ask(server, provider))[0])
    assert time.monotonic() - started >= 0.4


CONTENT_FILTERED: dict[str, Callable[[Answer], bool]] = {
    "stepfun": lambda a: (
        a.status == 200 and a.json["data"][0]["finish_reason"] == "content_filtered"
    ),
    "openai": lambda a: a.status == 400 and a.json["error"]["code"] == "moderation_blocked",
    "compatible": lambda a: a.status == 400 and a.json["error"]["code"] == "moderation_blocked",
    "ark": lambda a: (
        a.status == 200
        and a.json["data"][0]["error"]["code"] == "OutputImageSensitiveContentDetected"
        and a.json["usage"]["generated_images"] == 0
    ),
    "siliconflow": lambda a: a.status == 400 and a.json["code"] == 30003,
}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_content_filtered_as_each_provider_says_it(server: StandinServer, provider: str) -> None:
    server.add_fault("content_filtered", provider=provider)
    assert CONTENT_FILTERED[provider](ask(server, provider))


def test_every_fault_name_is_covered_here() -> None:
    covered = {"401", "402", "429", "451", "500", "503", "retired", "drop", "truncated"}
    covered |= {"non_json", "delay", "empty_data", "no_created", "bad_base64", "not_image"}
    covered |= {"bomb", "damaged_image", "wrong_size", "expired_url", "slow_link"}
    covered |= {"content_filtered"}
    # "400" and "504" are plain status faults, tested for StepFun in test_api_faults.py.
    assert FAULT_NAMES - covered == {"400", "504"}
