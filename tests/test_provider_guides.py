"""Replays the documented requests of ../shared/providers.md against the stand-in, per provider.

As `test_notebook_guide.py` does for StepFun: each example a provider's docs give (and the
issue's "done when" requests) goes over real HTTP to that provider's stand-in prefix, raw
(urllib, not our API client), and the answer is checked as the docs describe it: status, shape,
and pictures that decode at the size asked for.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PIL import Image
from test_standin_support import (
    KEY,
    b64_picture,
    data_uri,
    encoded,
    get,
    mean_distance,
    post_form,
    post_json,
    solid,
    url_picture,
)

from stepfun_studio.core.model_table import model_table
from stepfun_studio.standin import DEFAULT_COMPATIBLE_MODELS, StandinServer


@pytest.fixture(scope="module")
def server() -> Iterator[StandinServer]:
    with StandinServer(accepted_keys={KEY}) as standin:
        yield standin


def url(server: StandinServer, provider: str, path: str) -> str:
    return server.base_url_for(provider) + path


# -- 1. OpenAI Images ---------------------------------------------------------------------------


def test_openai_generate_two_portraits_base64_with_token_usage(server: StandinServer) -> None:
    # The example: gpt-image-1, 1024x1536, n 2, and nothing OpenAI does not know.
    body = {"model": "gpt-image-1", "prompt": "a lighthouse at dusk", "size": "1024x1536", "n": 2}
    answer = post_json(url(server, "openai", "/images/generations"), body)
    assert answer.status == 200
    payload = answer.json
    assert set(payload) == {
        "created",
        "data",
        "background",
        "output_format",
        "quality",
        "size",
        "usage",
    }
    assert (payload["size"], payload["output_format"]) == ("1024x1536", "png")
    assert len(payload["data"]) == 2
    assert all(set(item) == {"b64_json"} for item in payload["data"])  # base64 only, no seed
    first, second = (b64_picture(item) for item in payload["data"])
    assert first.size == second.size == (1024, 1536)
    assert mean_distance(first, second) > 2  # two pictures, not one twice
    usage = payload["usage"]
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"] > 0


def test_openai_quality_background_and_format_options(server: StandinServer) -> None:
    body = {
        "model": "gpt-image-1.5",
        "prompt": "a paper boat, sticker",
        "quality": "low",
        "background": "transparent",
        "output_format": "webp",
        "output_compression": 80,
        "moderation": "low",
    }
    payload = post_json(url(server, "openai", "/images/generations"), body).json
    assert (payload["quality"], payload["background"], payload["output_format"]) == (
        "low",
        "transparent",
        "webp",
    )
    sticker = b64_picture(payload["data"][0])
    assert sticker.format == "WEBP" and sticker.size == (1024, 1024)
    assert sticker.mode == "RGBA" and sticker.getpixel((0, 0))[3] == 0  # see-through corner


def test_openai_gpt_image_2_takes_any_size_within_its_rule(server: StandinServer) -> None:
    body = {"model": "gpt-image-2", "prompt": "a wide harbour", "size": "2048x1152"}
    payload = post_json(url(server, "openai", "/images/generations"), body).json
    assert b64_picture(payload["data"][0]).size == (2048, 1152)
    off_grid = post_json(
        url(server, "openai", "/images/generations"), {**body, "size": "2050x1152"}
    )
    assert off_grid.status == 400
    assert off_grid.json["error"]["param"] == "size"
    assert "multiples of 16" in off_grid.json["error"]["message"]


def test_openai_edit_with_several_images_and_a_mask(server: StandinServer) -> None:
    # images.edit(image=[a, b], mask=m): `image[]` repeated, the mask's opaque half is kept.
    room = solid((1024, 1024), (30, 90, 200))
    style = solid((1024, 1024), (250, 220, 10))
    mask = Image.new("RGBA", (1024, 1024), (0, 0, 0, 255))
    mask.paste((0, 0, 0, 0), (512, 0, 1024, 1024))  # the right half may change
    answer = post_form(
        url(server, "openai", "/images/edits"),
        {"model": "gpt-image-1", "prompt": "add a lamp", "input_fidelity": "high"},
        [
            ("image[]", "room.png", encoded(room), "image/png"),
            ("image[]", "style.png", encoded(style), "image/png"),
            ("mask", "mask.png", encoded(mask), "image/png"),
        ],
    )
    assert answer.status == 200, answer.raw
    edited = b64_picture(answer.json["data"][0])
    assert edited.size == (1024, 1024)
    kept, changed = edited.crop((0, 0, 512, 1024)), edited.crop((512, 0, 1024, 1024))
    assert mean_distance(kept, room.crop((0, 0, 512, 1024))) < 2
    assert mean_distance(changed, room.crop((512, 0, 1024, 1024))) > 20
    uploads = [upload["name"] for upload in server.requests[-1].uploads]
    assert uploads == ["image[]", "image[]", "mask"]
    assert answer.json["usage"]["input_tokens_details"]["image_tokens"] > 0


def test_openai_refuses_what_gpt_image_does_not_take(server: StandinServer) -> None:
    base = {"model": "gpt-image-1", "prompt": "a lighthouse"}
    for field, value in (
        ("seed", 7),
        ("num_inference_steps", 30),
        ("guidance_scale", 7.5),
        ("negative_prompt", "blurry"),
        ("response_format", "b64_json"),
    ):
        answer = post_json(url(server, "openai", "/images/generations"), {**base, field: value})
        assert answer.status == 400
        error = answer.json["error"]
        assert set(error) == {"message", "type", "param", "code"}
        assert (error["type"], error["param"]) == ("invalid_request_error", field)
    bad_size = post_json(url(server, "openai", "/images/generations"), {**base, "size": "512x512"})
    assert "Supported values are: '1024x1024'" in bad_size.json["error"]["message"]


def test_openai_models_list_is_free_and_names_the_gpt_image_models(server: StandinServer) -> None:
    answer = get(url(server, "openai", "/models"))
    assert answer.status == 200
    names = {model["id"] for model in answer.json["data"]}
    assert names == {model.name for model in model_table().models_of("openai")}
    assert server.request_count("/openai/v1/models") >= 1


# -- 2. Volcengine Ark (Seedream) ---------------------------------------------------------------


def test_ark_two_references_as_data_uris_without_watermark(server: StandinServer) -> None:
    # The example: Seedream 4.0, 2048x2048, `image` a list of two data URIs, watermark
    # false; the answer links to a JPEG for 24 hours.
    yellow, red = solid((64, 48), (250, 230, 20)), solid((48, 64), (220, 30, 30))
    body = {
        "model": "doubao-seedream-4-0-250828",
        "prompt": "a harbour at night",
        "image": [data_uri(yellow), data_uri(red, "jpeg")],
        "size": "2048x2048",
        "watermark": False,
    }
    answer = post_json(url(server, "ark", "/images/generations"), body)
    assert answer.status == 200, answer.raw
    payload = answer.json
    assert set(payload) == {"model", "created", "data", "usage"}
    assert payload["model"] == "doubao-seedream-4-0-250828"
    (item,) = payload["data"]
    assert set(item) == {"url", "size"} and item["size"] == "2048x2048"
    assert "X-Tos-Expires=86400" in item["url"]
    fetched = url_picture(item)
    assert (fetched.format, fetched.size) == ("JPEG", (2048, 2048))
    assert payload["usage"] == {
        "generated_images": 1,
        "output_tokens": 2048 * 2048 // 256,
        "total_tokens": 2048 * 2048 // 256,
    }
    # The references pull the colours: closer to them than the same prompt without them.
    plain = {k: v for k, v in body.items() if k != "image"}
    alone = url_picture(post_json(url(server, "ark", "/images/generations"), plain).json["data"][0])
    wash = Image.blend(yellow.resize((64, 64)), red.resize((64, 64)), 0.5)
    assert mean_distance(fetched, wash) < mean_distance(alone, wash)


def test_ark_watermark_is_on_unless_asked_off(server: StandinServer) -> None:
    server.fixed_seed = 7  # the same picture twice, so only the mark differs
    body = {
        "model": "doubao-seedream-5-0-pro-260628",
        "prompt": "a kite",
        "size": "1K",
        "response_format": "b64_json",
    }
    marked = b64_picture(post_json(url(server, "ark", "/images/generations"), body).json["data"][0])
    clean_body = {**body, "watermark": False}
    clean = b64_picture(
        post_json(url(server, "ark", "/images/generations"), clean_body).json["data"][0]
    )
    assert marked.size == clean.size == (1024, 1024)
    corner = (800, 900, 1024, 1024)
    assert mean_distance(marked.crop(corner), clean.crop(corner)) > 20
    assert mean_distance(marked.crop((0, 0, 700, 700)), clean.crop((0, 0, 700, 700))) < 1


def test_ark_several_pictures_come_from_sequential_generation_not_n(
    server: StandinServer,
) -> None:
    body = {"model": "doubao-seedream-4-5-251128", "prompt": "four seasons", "size": "2K"}
    refused = post_json(url(server, "ark", "/images/generations"), {**body, "n": 2})
    assert refused.status == 400
    assert refused.json["error"]["code"] == "InvalidParameter"
    assert refused.json["error"]["param"] == "n"
    assert "Request id: " in refused.json["error"]["message"]
    sequential = {
        **body,
        "sequential_image_generation": "auto",
        "sequential_image_generation_options": {"max_images": 2},
        "response_format": "b64_json",
        "watermark": False,
    }
    payload = post_json(url(server, "ark", "/images/generations"), sequential).json
    assert [item["size"] for item in payload["data"]] == ["2048x2048", "2048x2048"]
    assert payload["usage"]["generated_images"] == 2


def test_ark_seedream_5_pro_refuses_sequential_generation(server: StandinServer) -> None:
    body = {
        "model": "doubao-seedream-5-0-pro-260628",
        "prompt": "a kite",
        "sequential_image_generation": "disabled",
    }
    answer = post_json(url(server, "ark", "/images/generations"), body)
    assert answer.status == 400
    assert answer.json["error"]["param"] == "sequential_image_generation"


# -- 3. SiliconFlow -------------------------------------------------------------------------------


def test_siliconflow_kolors_with_every_field_echoes_the_seed(server: StandinServer) -> None:
    # The example: Kolors 960x1280, seed 77, 25 steps, guidance 7.5, negative "blurry".
    body = {
        "model": "Kwai-Kolors/Kolors",
        "prompt": "a lighthouse at dusk",
        "image_size": "960x1280",
        "seed": 77,
        "num_inference_steps": 25,
        "guidance_scale": 7.5,
        "negative_prompt": "blurry",
        "batch_size": 1,
    }
    answer = post_json(url(server, "siliconflow", "/images/generations"), body)
    assert answer.status == 200, answer.raw
    payload = answer.json
    assert set(payload) == {"images", "timings", "seed"}
    assert payload["seed"] == 77 and "inference" in payload["timings"]
    (item,) = payload["images"]
    assert "Expires=" in item["url"]
    assert url_picture(item).size == (960, 1280)


def test_siliconflow_kolors_batch_of_four(server: StandinServer) -> None:
    body = {"model": "Kwai-Kolors/Kolors", "prompt": "a fox", "batch_size": 4}
    payload = post_json(url(server, "siliconflow", "/images/generations"), body).json
    assert len(payload["images"]) == 4
    assert {url_picture(item).size for item in payload["images"]} == {(1024, 1024)}


def test_siliconflow_qwen_image_takes_cfg_not_guidance_scale(server: StandinServer) -> None:
    body = {"model": "Qwen/Qwen-Image", "prompt": "海报，写着“你好”", "image_size": "1664x928"}
    answer = post_json(url(server, "siliconflow", "/images/generations"), {**body, "cfg": 4.0})
    assert answer.status == 200
    assert url_picture(answer.json["images"][0]).size == (1664, 928)
    refused = post_json(
        url(server, "siliconflow", "/images/generations"), {**body, "guidance_scale": 4.0}
    )
    assert refused.status == 400
    assert set(refused.json) == {"code", "message", "data"} and refused.json["data"] is None


def test_siliconflow_qwen_edit_answers_at_the_input_size(server: StandinServer) -> None:
    source = data_uri(solid((640, 480), (10, 160, 60)))
    body = {"model": "Qwen/Qwen-Image-Edit", "prompt": "make it snow", "image": source}
    answer = post_json(url(server, "siliconflow", "/images/generations"), body)
    assert answer.status == 200, answer.raw
    assert url_picture(answer.json["images"][0]).size == (640, 480)
    with_size = post_json(
        url(server, "siliconflow", "/images/generations"), {**body, "image_size": "1024x1024"}
    )
    assert with_size.status == 400  # the Qwen-Image-Edit models refuse image_size
    second = {**body, "image2": source}
    assert post_json(url(server, "siliconflow", "/images/generations"), second).status == 400
    edit_2509 = {**second, "model": "Qwen/Qwen-Image-Edit-2509", "image3": source}
    assert post_json(url(server, "siliconflow", "/images/generations"), edit_2509).status == 200


def test_siliconflow_unknown_model_is_20012(server: StandinServer) -> None:
    body = {"model": "black-forest-labs/FLUX.1-dev", "prompt": "a fox"}
    answer = post_json(url(server, "siliconflow", "/images/generations"), body)
    assert answer.status == 400
    assert answer.json == {
        "code": 20012,
        "message": "Model does not exist. Please check it carefully.",
        "data": None,
    }
    listed = get(url(server, "siliconflow", "/models")).json["data"]
    assert {model["id"] for model in listed} == {
        model.name for model in model_table().models_of("siliconflow")
    }


# -- self-hosted OpenAI-compatible servers -------------------------------------------------------


def test_compatible_server_takes_seed_steps_guidance_and_negative_prompt(
    server: StandinServer,
) -> None:
    body = {
        "model": DEFAULT_COMPATIBLE_MODELS[0],
        "prompt": "a lighthouse at dusk",
        "size": "1024x768",
        "seed": 42,
        "num_inference_steps": 30,
        "guidance_scale": 4.5,
        "negative_prompt": "blurry, low quality",
        "response_format": "b64_json",
    }
    first = post_json(url(server, "compatible", "/images/generations"), body)
    assert first.status == 200, first.raw
    again = post_json(url(server, "compatible", "/images/generations"), body).json
    other = post_json(url(server, "compatible", "/images/generations"), {**body, "seed": 43}).json
    picture = b64_picture(first.json["data"][0])
    assert picture.size == (1024, 768)
    assert first.json["data"] == again["data"]  # the same seed paints the same picture
    assert mean_distance(picture, b64_picture(other["data"][0])) > 2
    assert "usage" not in first.json  # a self-hosted server counts no tokens


def test_compatible_server_edit_with_strength(server: StandinServer) -> None:
    source = solid((768, 768), (200, 40, 40))

    def edit(strength: str) -> Image.Image:
        answer = post_form(
            url(server, "compatible", "/images/edits"),
            {
                "model": DEFAULT_COMPATIBLE_MODELS[1],
                "prompt": "a teapot",
                "size": "768x768",
                "strength": strength,
            },
            [("image", "in.png", encoded(source), "image/png")],
        )
        assert answer.status == 200, answer.raw
        return b64_picture(answer.json["data"][0])

    light, heavy = edit("0.2"), edit("0.9")
    assert light.size == (768, 768)
    assert mean_distance(light, source) < mean_distance(heavy, source)
    listed = {m["id"] for m in get(url(server, "compatible", "/models")).json["data"]}
    assert listed == set(DEFAULT_COMPATIBLE_MODELS)
