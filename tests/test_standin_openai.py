"""The OpenAI Images stand-in (and the OpenAI-compatible server's) checks and error shapes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PIL import Image
from test_standin_support import (
    KEY,
    b64_picture,
    encoded,
    get,
    post_form,
    post_json,
    post_raw,
    solid,
)

from stepfun_studio.standin import StandinServer


@pytest.fixture(scope="module")
def server() -> Iterator[StandinServer]:
    with StandinServer(accepted_keys={KEY}) as standin:
        yield standin


def generate(server: StandinServer, provider: str = "openai", **body: Any) -> Any:
    payload = {"model": "gpt-image-1-mini", "prompt": "a fox", **body}
    payload = {k: v for k, v in payload.items() if v is not None}
    return post_json(server.base_url_for(provider) + "/images/generations", payload)


def edit(
    server: StandinServer,
    images: list[bytes],
    *,
    provider: str = "openai",
    mask: bytes | None = None,
    **fields: str,
) -> Any:
    files = [("image[]", f"in{i}.png", data, "image/png") for i, data in enumerate(images)]
    if mask is not None:
        files.append(("mask", "mask.png", mask, "image/png"))
    form = {"model": "gpt-image-1", "prompt": "add a lamp", **fields}
    return post_form(server.base_url_for(provider) + "/images/edits", form, files)


def error_of(answer: Any) -> tuple[int, str | None, str | None]:
    error = answer.json["error"]
    assert set(error) == {"message", "type", "param", "code"}
    return answer.status, error["param"], error["code"]


SMALL_PNG = encoded(solid((64, 64), (10, 20, 30)))


@pytest.mark.parametrize(
    ("changes", "param", "code"),
    [
        ({"prompt": None}, "prompt", "missing_required_parameter"),
        ({"model": None}, "model", "missing_required_parameter"),
        ({"model": "dall-e-3"}, "model", "invalid_value"),
        ({"model": "step-2x-large"}, "model", "invalid_value"),
        ({"prompt": "x" * 32_001}, "prompt", "string_above_max_length"),
        ({"n": 0}, "n", "integer_below_min_value"),
        ({"n": 11}, "n", "integer_above_max_value"),
        ({"n": "2"}, "n", "invalid_type"),
        ({"n": 1.5}, "n", "invalid_type"),
        ({"size": "2000x2000"}, "size", "invalid_value"),
        ({"quality": "ultra"}, "quality", "invalid_value"),
        ({"background": "transparent", "output_format": "jpeg"}, "background", "invalid_value"),
        ({"output_compression": 50}, "output_compression", "invalid_value"),
        ({"output_compression": 101, "output_format": "webp"}, "output_compression", None),
        ({"moderation": "none"}, "moderation", "invalid_value"),
        ({"input_fidelity": "high"}, "input_fidelity", "unsupported_parameter"),
        ({"style": "vivid"}, "style", "unknown_parameter"),
        ({"seed": 1}, "seed", "unknown_parameter"),
        ({"stream": True}, "stream", None),
    ],
)
def test_generation_refusals_name_the_field(
    server: StandinServer, changes: dict[str, Any], param: str, code: str | None
) -> None:
    status, got_param, got_code = error_of(generate(server, **changes))
    assert (status, got_param) == (400, param)
    if code is not None:
        assert got_code == code
    assert server.requests[-1].fault is None


def test_refusals_read_as_openais(server: StandinServer) -> None:
    answer = generate(server, n=11)
    assert answer.json["error"]["message"] == (
        "Invalid 'n': integer above maximum value. Expected a value <= 10, but got 11 instead."
    )
    answer = generate(server, seed=3)
    assert answer.json["error"]["message"] == "Unknown parameter: 'seed'."
    assert answer.json["error"]["type"] == "invalid_request_error"


def test_key_route_and_body_errors_in_openais_shape(server: StandinServer) -> None:
    base = server.base_url_for("openai")
    anonymous = post_json(base + "/images/generations", {"model": "gpt-image-1"}, key=None)
    assert error_of(anonymous) == (401, None, "invalid_api_key")
    missing = post_json(base + "/images/variations", {})
    assert missing.status == 404
    assert missing.json["error"]["message"] == "Invalid URL (POST /openai/v1/images/variations)"
    assert get(base + "/models", key="sk-wrong").status == 401
    garbage = post_raw(base + "/images/generations", b"{not json", "application/json")
    assert error_of(garbage)[0] == 400
    assert garbage.json["error"]["message"].startswith("We could not parse the body")


def test_gpt_image_paints_a_new_picture_every_call_as_the_service_does(
    server: StandinServer,
) -> None:
    # gpt-image takes no seed: the same request twice gives other pictures (in the demo, two
    # pictures of one prompt must not be the same file, which the library would keep once).
    first = generate(server, n=2, quality="low").json["data"]
    assert first[0] != first[1]
    assert first != generate(server, n=2, quality="low").json["data"]


def test_edit_refusals(server: StandinServer) -> None:
    assert error_of(edit(server, [])) == (400, "image", "missing_required_parameter")
    too_many = edit(server, [SMALL_PNG] * 17)
    assert error_of(too_many) == (400, "image", "array_above_max_length")
    gif = encoded(solid((64, 64), (1, 2, 3)), "GIF")
    assert error_of(edit(server, [gif])) == (400, "image", "invalid_image_file")
    other_size = encoded(Image.new("RGBA", (32, 32)))
    mismatch = edit(server, [SMALL_PNG], mask=other_size)
    assert error_of(mismatch)[:2] == (400, "mask")
    assert "does not match" in mismatch.json["error"]["message"]
    no_alpha = edit(server, [SMALL_PNG], mask=SMALL_PNG)
    assert "alpha channel" in no_alpha.json["error"]["message"]
    mini = edit(server, [SMALL_PNG], model="gpt-image-1-mini", input_fidelity="high")
    assert error_of(mini) == (400, "input_fidelity", "unsupported_parameter")


def test_edit_auto_size_follows_the_first_images_shape(server: StandinServer) -> None:
    wide = encoded(solid((300, 200), (200, 100, 0)))
    answer = edit(server, [wide], size="auto", quality="low")
    assert answer.status == 200
    assert answer.json["size"] == "1536x1024"
    assert b64_picture(answer.json["data"][0]).size == (1536, 1024)
    assert server.requests[-1].files["image[]"]["content_type"] == "image/png"


def test_compatible_server_checks_its_extra_fields(server: StandinServer) -> None:
    def refused(**body: Any) -> tuple[int, str | None, str | None]:
        return error_of(generate(server, "compatible", model="sdxl", **body))

    assert refused(seed=4_294_967_296) == (400, "seed", "integer_above_max_value")
    assert refused(num_inference_steps=0) == (400, "num_inference_steps", "integer_below_min_value")
    assert refused(guidance_scale=31) == (400, "guidance_scale", "decimal_above_max_value")
    assert refused(response_format="url") == (400, "response_format", "invalid_value")
    assert refused(strength=0.5) == (400, "strength", "unknown_parameter")  # edits only
    assert refused(quality="high") == (400, "quality", "unsupported_parameter")
    assert refused(size="1004x1000") == (400, "size", "invalid_value")  # multiples of 8
    ok = generate(server, "compatible", model="sdxl", size="1000x1008", seed=4_294_967_295)
    assert b64_picture(ok.json["data"][0]).size == (1000, 1008)


def test_compatible_server_with_a_model_list_refuses_others() -> None:
    with StandinServer(accepted_keys={KEY}, compatible_models=["flux-dev"]) as strict:
        assert generate(strict, "compatible", model="flux-dev").status == 200
        unknown = generate(strict, "compatible", model="sdxl")
        assert error_of(unknown) == (404, "model", "model_not_found")
        listed = get(strict.base_url_for("compatible") + "/models").json["data"]
        assert [model["id"] for model in listed] == ["flux-dev"]
