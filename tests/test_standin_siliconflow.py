"""The SiliconFlow stand-in: its checks, `{code, message, data}` errors, echoed seeds, links."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from test_standin_support import KEY, data_uri, get, post_json, solid, url_picture

from stepfun_studio.standin import StandinServer


@pytest.fixture(scope="module")
def server() -> Iterator[StandinServer]:
    with StandinServer(accepted_keys={KEY}) as standin:
        yield standin


def generate(server: StandinServer, **changes: Any) -> Any:
    body = {"model": "Kwai-Kolors/Kolors", "prompt": "a fox", "image_size": "768x1024", **changes}
    body = {k: v for k, v in body.items() if v is not None}
    return post_json(server.base_url_for("siliconflow") + "/images/generations", body)


def error_of(answer: Any) -> tuple[int, int]:
    assert set(answer.json) == {"code", "message", "data"} and answer.json["data"] is None
    return answer.status, answer.json["code"]


SOURCE = data_uri(solid((320, 240), (200, 120, 40)))


@pytest.mark.parametrize(
    "changes",
    [
        {"prompt": None},
        {"prompt": "x" * 2001},
        {"negative_prompt": "x" * 2001},
        {"num_inference_steps": 0},
        {"num_inference_steps": 101},
        {"guidance_scale": 20.5},
        {"cfg": 4.0},  # Kolors calls it guidance_scale
        {"seed": 10_000_000_000},
        {"seed": -1},
        {"seed": "seven"},
        {"batch_size": 5},
        {"image_size": "1328x1328"},  # Qwen-Image's, not Kolors'
        {"size": "768x1024"},  # OpenAI's name for it
        {"n": 2},
        {"steps": 20},
        {"image2": SOURCE},  # Kolors takes one picture
        {"image": "ftp://example.com/a.png"},
    ],
)
def test_refusals_are_20015(server: StandinServer, changes: dict[str, Any]) -> None:
    assert error_of(generate(server, **changes)) == (400, 20015)
    assert any(name in generate(server, **changes).json["message"] for name in changes)


def test_model_specific_rules(server: StandinServer) -> None:
    qwen = {"model": "Qwen/Qwen-Image", "image_size": "1328x1328"}
    assert error_of(generate(server, **qwen, batch_size=2)) == (400, 20015)  # Kolors only
    assert error_of(generate(server, **qwen, image=SOURCE)) == (400, 20015)  # text to image
    edit = {"model": "Qwen/Qwen-Image-Edit", "image_size": None}
    assert error_of(generate(server, **edit)) == (400, 20015)  # needs a picture
    assert generate(server, **edit, image="https://example.com/a.png").status == 200


def test_seed_is_echoed_chosen_or_given(server: StandinServer) -> None:
    chosen = generate(server).json["seed"]
    assert isinstance(chosen, int) and chosen > 0
    assert generate(server, seed=9_999_999_999).json["seed"] == 9_999_999_999
    first = generate(server, seed=5).json["images"][0]
    second = generate(server, seed=5).json["images"][0]
    assert url_picture(first).tobytes() == url_picture(second).tobytes()


def test_image_to_image_keeps_something_of_the_source(server: StandinServer) -> None:
    answer = generate(server, image=SOURCE, seed=3)
    assert answer.status == 200
    assert url_picture(answer.json["images"][0]).size == (768, 1024)


def test_key_and_route_errors_in_siliconflows_shape(server: StandinServer) -> None:
    base = server.base_url_for("siliconflow")
    anonymous = post_json(base + "/images/generations", {}, key=None)
    assert error_of(anonymous) == (401, 20003)
    assert get(base + "/images/generations").status == 404
    assert get(base + "/models", key="sk-wrong").status == 401


def test_links_expire() -> None:
    with StandinServer(accepted_keys={KEY}, url_expiry_s=0.3) as short:
        item = generate(short).json["images"][0]
        assert get(item["url"], key=None).status == 200
        time.sleep(0.4)
        expired = get(item["url"], key=None)
        assert expired.status == 403 and b"expired" in expired.raw
