"""The Volcengine Ark (Seedream) stand-in: its checks, error shape, links and failed items."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from test_standin_support import (
    KEY,
    b64_picture,
    data_uri,
    get,
    post_json,
    post_raw,
    solid,
)

from stepfun_studio.standin import StandinServer

MODEL = "doubao-seedream-4-0-250828"


@pytest.fixture(scope="module")
def server() -> Iterator[StandinServer]:
    with StandinServer(accepted_keys={KEY}) as standin:
        yield standin


def generate(server: StandinServer, **changes: Any) -> Any:
    body = {"model": MODEL, "prompt": "a kite", "size": "1280x720", "watermark": False, **changes}
    body = {k: v for k, v in body.items() if v is not None}
    return post_json(server.base_url_for("ark") + "/images/generations", body)


def error_of(answer: Any) -> tuple[int, str, str]:
    error = answer.json["error"]
    assert set(error) == {"code", "message", "param", "type"}
    # The request id closes the message and comes back as a header.
    assert error["message"].endswith(f" Request id: {answer.header('X-Request-Id')}")
    return answer.status, error["code"], error["param"]


TINY = data_uri(solid((32, 32), (0, 0, 0)))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"model": None}, (400, "MissingParameter", "model")),
        ({"model": "doubao-seedream-9"}, (404, "InvalidEndpointOrModel.NotFound", "model")),
        ({"model": "gpt-image-1"}, (404, "InvalidEndpointOrModel.NotFound", "model")),
        ({"prompt": None}, (400, "MissingParameter", "prompt")),
        ({"n": 1}, (400, "InvalidParameter", "n")),
        ({"seed": 7}, (400, "InvalidParameter", "seed")),  # 3.0 models only
        ({"guidance_scale": 5}, (400, "InvalidParameter", "guidance_scale")),
        ({"negative_prompt": "blurry"}, (400, "InvalidParameter", "negative_prompt")),
        ({"watermark": "false"}, (400, "InvalidParameter", "watermark")),
        ({"response_format": "png"}, (400, "InvalidParameter", "response_format")),
        ({"output_format": "webp"}, (400, "InvalidParameter", "output_format")),
        ({"stream": True}, (400, "InvalidParameter", "stream")),
        ({"size": "640x480"}, (400, "InvalidParameter", "size")),  # under 921,600 pixels
        ({"size": "8192x8192"}, (400, "InvalidParameter", "size")),
        ({"image": [TINY] * 15}, (400, "InvalidParameter", "image")),
        ({"image": []}, (400, "InvalidParameter", "image")),
        ({"image": "data:image/svg+xml;base64,PHN2Zz4="}, (400, "InvalidParameter", "image")),
        ({"image": "data:image/png;base64,@@"}, (400, "InvalidParameter", "image")),
        (
            {"sequential_image_generation": "always"},
            (400, "InvalidParameter", "sequential_image_generation"),
        ),
        (
            {
                "sequential_image_generation": "auto",
                "sequential_image_generation_options": {"max_images": 16},
            },
            (400, "InvalidParameter", "sequential_image_generation_options.max_images"),
        ),
        (
            {
                # URLs count as references too, though the stand-in cannot see them.
                "image": ["https://example.com/a.png"] * 14,
                "sequential_image_generation": "auto",
                "sequential_image_generation_options": {"max_images": 2},
            },
            (400, "InvalidParameter", "sequential_image_generation_options.max_images"),
        ),
    ],
)
def test_refusals(
    server: StandinServer, changes: dict[str, Any], expected: tuple[int, str, str]
) -> None:
    assert error_of(generate(server, **changes)) == expected


def test_per_model_limits_come_from_the_table(server: StandinServer) -> None:
    # Seedream 4.5 starts at 3,686,400 pixels (no 1K); 5.0 Pro takes at most 10 references.
    assert error_of(generate(server, model="doubao-seedream-4-5-251128", size="1K"))[2] == "size"
    pro = generate(server, model="doubao-seedream-5-0-pro-260628", size="1K", image=[TINY] * 11)
    assert error_of(pro)[2] == "image"
    assert (
        generate(
            server, model="doubao-seedream-5-0-pro-260628", size="1K", image=[TINY] * 10
        ).status
        == 200
    )


def test_key_route_and_body_errors_in_arks_shape(server: StandinServer) -> None:
    base = server.base_url_for("ark")
    anonymous = post_json(base + "/images/generations", {"model": MODEL}, key=None)
    assert error_of(anonymous) == (401, "AuthenticationError", "")
    assert anonymous.json["error"]["type"] == "Unauthorized"
    assert error_of(get(base + "/models"))[0] == 404  # Ark has no free models endpoint
    assert error_of(post_raw(base + "/images/generations", b"[", "application/json"))[0] == 400


def test_url_references_are_taken_without_fetching(server: StandinServer) -> None:
    answer = generate(server, image="https://example.com/cat.png")
    assert answer.status == 200
    assert server.requests[-1].body is not None
    assert server.request_count("/cat.png") == 0


def test_named_size_takes_the_first_references_shape(server: StandinServer) -> None:
    wide = data_uri(solid((300, 200), (90, 90, 200)))
    answer = generate(server, size="2K", image=wide, response_format="b64_json")
    (item,) = answer.json["data"]
    width, height = (int(side) for side in item["size"].split("x"))
    assert width > height and abs(width * height - 2048 * 2048) < 2048 * 64
    assert b64_picture(item).size == (width, height)


def test_one_failed_item_inside_a_good_answer(server: StandinServer) -> None:
    server.add_fault("content_filtered", provider="ark")
    answer = generate(
        server,
        sequential_image_generation="auto",
        sequential_image_generation_options={"max_images": 2},
        response_format="b64_json",
    )
    assert answer.status == 200
    failed, made = answer.json["data"]
    assert failed["error"]["code"] == "OutputImageSensitiveContentDetected"
    assert b64_picture(made).size == (1280, 720)
    assert answer.json["usage"]["generated_images"] == 1


def test_links_expire() -> None:
    with StandinServer(accepted_keys={KEY}, url_expiry_s=0.3) as short:
        item = generate(short, output_format="png").json["data"][0]
        fresh = get(item["url"], key=None)
        assert (fresh.status, fresh.header("Content-Type")) == (200, "image/png")
        time.sleep(0.4)
        assert get(item["url"], key=None).status == 403
