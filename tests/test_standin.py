"""The stand-in server on its own: routes, checks in the server's order, links, faults, pictures."""

from __future__ import annotations

import base64
import io
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest
from PIL import Image, ImageChops, ImageStat

from stepfun_studio.standin import FAULT_NAMES, StandinServer
from stepfun_studio.standin.pictures import encode_png, render, render_edit

KEY = "sk-Standin1234567890abcdef"
SIZE_MESSAGE = (
    "Request param: size is invalid, recommended val is: must be "
    "256x256,512x512,768x768,1024x1024,1280x800,800x1280"
)


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer(accepted_keys={KEY}, url_expiry_s=0.5) as standin:
        yield standin


@pytest.fixture
def http(server: StandinServer) -> Iterator[httpx2.Client]:
    headers = {"Authorization": f"Bearer {KEY}"}
    with httpx2.Client(base_url=server.base_url, headers=headers, timeout=10) as client:
        yield client


def body(**changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "model": "step-1x-medium",
        "prompt": "采菊东篱下",
        "size": "256x256",
        "response_format": "b64_json",
        "seed": 11,
        "steps": 30,
        "cfg_scale": 7.5,
    }
    payload.update(changes)
    return {k: v for k, v in payload.items() if v is not None}


def picture_of(response: httpx2.Response) -> Image.Image:
    item = response.json()["data"][0]
    return Image.open(io.BytesIO(base64.b64decode(item["b64_json"]))).convert("RGB")


def data_uri(picture: Image.Image) -> str:
    return "data:image/png;base64," + base64.b64encode(encode_png(picture)).decode("ascii")


def difference(a: Image.Image, b: Image.Image) -> float:
    return sum(ImageStat.Stat(ImageChops.difference(a, b.resize(a.size))).mean) / 3


def error_of(response: httpx2.Response) -> tuple[int, str, str]:
    error = response.json()["error"]
    return response.status_code, error["message"], error["type"]


# -- the order of checks -----------------------------------------------------------------------


def test_missing_or_wrong_key_is_401_before_anything_else(server: StandinServer) -> None:
    with httpx2.Client(base_url=server.base_url) as anonymous:
        response = anonymous.post("/images/generations", json=body(model="nope", size="1x1"))
        assert error_of(response) == (401, "Incorrect API key provided", "invalid_api_key")
        wrong = anonymous.post(
            "/images/generations", json=body(), headers={"Authorization": "Bearer sk-Other"}
        )
        assert wrong.status_code == 401
    assert server.requests[-1].headers.get("Authorization", "").startswith("<present")


def test_unknown_model_comes_before_missing_fields(http: httpx2.Client) -> None:
    status, message, kind = error_of(
        http.post("/images/generations", json=body(model="x", prompt=None))
    )
    assert (status, kind) == (400, "input_invalid")
    assert message.startswith("Request param: model is invalid")


def test_missing_prompt_comes_before_bad_ranges(http: httpx2.Client) -> None:
    response = http.post("/images/generations", json=body(prompt=None, size="2000x2000"))
    assert error_of(response)[1] == "Request param: prompt is required"


def test_bad_size_has_the_recorded_message_word_for_word(http: httpx2.Client) -> None:
    response = http.post("/images/generations", json=body(size="2000x2000"))
    assert error_of(response) == (400, SIZE_MESSAGE, "input_invalid")


@pytest.mark.parametrize(
    ("changes", "param"),
    [
        ({"steps": 51}, "steps"),
        ({"steps": 0}, "steps"),
        ({"cfg_scale": 10.5}, "cfg_scale"),
        ({"seed": -1}, "seed"),
        ({"n": 2}, "n"),
        ({"response_format": "png"}, "response_format"),
        ({"prompt": "字" * 513}, "prompt"),
        (
            {"style_reference": {"source_url": "data:image/gif;base64,AAAA", "weight": 1}},
            "style_reference.source_url",
        ),
        (
            {"style_reference": {"source_url": "https://example.com/a.png", "weight": 2.5}},
            "style_reference.weight",
        ),
    ],
)
def test_out_of_range_values_are_refused(
    http: httpx2.Client, changes: dict[str, Any], param: str
) -> None:
    status, message, _ = error_of(http.post("/images/generations", json=body(**changes)))
    assert status == 400
    assert message.startswith(f"Request param: {param} is invalid")


def test_style_reference_only_on_step_1x_medium(http: httpx2.Client) -> None:
    style = {"source_url": "https://example.com/a.png", "weight": 1}
    response = http.post(
        "/images/generations", json=body(model="step-2x-large", style_reference=style)
    )
    assert error_of(response)[1].startswith("Request param: style_reference is invalid")


def test_image2image_allows_100_steps_and_a_longer_prompt(http: httpx2.Client) -> None:
    source = data_uri(Image.new("RGB", (64, 64), (200, 0, 0)))
    extra = {"source_url": source, "source_weight": 0.5, "steps": 100, "prompt": "字" * 1000}
    assert http.post("/images/image2image", json=body(**extra)).status_code == 200
    missing = http.post("/images/image2image", json=body(source_weight=0.5))
    assert error_of(missing)[1] == "Request param: source_url is required"
    weight = http.post("/images/image2image", json=body(source_url=source, source_weight=0))
    assert error_of(weight)[1].startswith("Request param: source_weight is invalid")


def test_edit_needs_its_model_and_an_image(http: httpx2.Client) -> None:
    fields = {"model": "step-image-edit-2", "prompt": "night"}
    missing = http.post("/images/edits", data=fields)
    assert error_of(missing)[1] == "Request param: image is required"
    wrong_model = http.post("/images/edits", data={**fields, "model": "step-1x-medium"})
    assert error_of(wrong_model)[1].startswith("Request param: model is invalid")


def test_unknown_fields_are_ignored(http: httpx2.Client) -> None:
    assert http.post("/images/generations", json=body(whatever=1)).status_code == 200


def test_every_answer_has_a_trace_id(http: httpx2.Client, server: StandinServer) -> None:
    answers = [
        http.post("/images/generations", json=body()),
        http.post("/images/generations", json=body(size="1x1")),
        http.get("/models"),
        http.get("/nothing-here"),
        http.get(f"{server.origin}/image_gen/20250101/missing.png"),
    ]
    assert [a.status_code for a in answers] == [200, 400, 200, 404, 404]
    assert all(len(a.headers["X-Trace-Id"]) == 32 for a in answers)
    assert len({a.headers["X-Trace-Id"] for a in answers}) == 5


# -- results -----------------------------------------------------------------------------------


def test_answer_shape_and_random_seed(http: httpx2.Client) -> None:
    answer = http.post("/images/generations", json=body(seed=0)).json()
    assert set(answer) == {"id", "created", "data"}
    (item,) = answer["data"]
    assert item["finish_reason"] == "success"
    assert 1 <= item["seed"] <= 2_147_483_647


def test_url_links_look_like_stepfuns_and_expire(
    http: httpx2.Client, server: StandinServer
) -> None:
    url = http.post("/images/generations", json=body(response_format="url")).json()["data"][0][
        "url"
    ]
    assert url.startswith(f"{server.origin}/image_gen/")
    assert "X-Tos-Expires=0" in url and "X-Tos-Date=" in url
    fresh = httpx2.get(url)
    assert fresh.status_code == 200 and fresh.headers["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(fresh.content)).size == (256, 256)
    time.sleep(0.6)
    assert httpx2.get(url).status_code == 403


def test_counts_by_path(http: httpx2.Client, server: StandinServer) -> None:
    http.post("/images/generations", json=body())
    http.post("/images/generations", json=body())
    http.get("/models")
    assert server.request_count() == 3
    assert server.request_count("/v1/images/generations") == 2
    assert server.request_count("/generations") == 2
    assert server.request_count("/v1/models") == 1


def test_header_fault_with_parameters(http: httpx2.Client) -> None:
    response = http.post(
        "/images/generations", json=body(), headers={"X-Standin-Fault": "429;retry_after=7"}
    )
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "7"


def test_counted_fault_is_used_up(http: httpx2.Client, server: StandinServer) -> None:
    server.add_fault("500", times=2)
    codes = [http.post("/images/generations", json=body()).status_code for _ in range(3)]
    assert codes == [500, 500, 200]
    server.add_fault("503", times=None)
    server.clear_faults()
    assert http.post("/images/generations", json=body()).status_code == 200


def test_unknown_fault_name_is_refused(server: StandinServer) -> None:
    with pytest.raises(ValueError, match="unknown fault"):
        server.add_fault("nonsense")
    assert "bomb" in FAULT_NAMES and "expired_url" in FAULT_NAMES


# -- pictures ----------------------------------------------------------------------------------


def test_same_parameters_give_the_same_picture(http: httpx2.Client) -> None:
    first = http.post("/images/generations", json=body()).json()["data"][0]["b64_json"]
    second = http.post("/images/generations", json=body()).json()["data"][0]["b64_json"]
    assert first == second


@pytest.mark.parametrize(
    "changes", [{"seed": 12}, {"steps": 5}, {"cfg_scale": 2}, {"prompt": "秋"}]
)
def test_each_parameter_changes_the_picture(http: httpx2.Client, changes: dict[str, Any]) -> None:
    base = picture_of(http.post("/images/generations", json=body()))
    changed = picture_of(http.post("/images/generations", json=body(**changes)))
    assert difference(base, changed) > 2.0


def test_small_source_weight_stays_close_to_the_source(http: httpx2.Client) -> None:
    source = render("a red barn", 5, 256, 256)
    uri = data_uri(source)
    near = picture_of(
        http.post("/images/image2image", json=body(source_url=uri, source_weight=0.1))
    )
    far = picture_of(http.post("/images/image2image", json=body(source_url=uri, source_weight=0.9)))
    ignored = picture_of(
        http.post("/images/image2image", json=body(source_url=uri, source_weight=1))
    )
    plain = picture_of(http.post("/images/generations", json=body()))
    assert difference(near, source) < difference(far, source)
    assert difference(ignored, plain) < 1.0


def test_style_weight_pulls_toward_the_style_colours(http: httpx2.Client) -> None:
    style = Image.new("RGB", (64, 64), (250, 240, 20))
    uri = data_uri(style)
    light = picture_of(
        http.post(
            "/images/generations", json=body(style_reference={"source_url": uri, "weight": 0.3})
        )
    )
    heavy = picture_of(
        http.post(
            "/images/generations", json=body(style_reference={"source_url": uri, "weight": 1.8})
        )
    )
    assert difference(heavy, style) < difference(light, style)


def test_edit_returns_the_input_size(http: httpx2.Client, server: StandinServer) -> None:
    source = encode_png(Image.new("RGB", (333, 222), (20, 120, 220)))
    response = http.post(
        "/images/edits",
        data={
            "model": "step-image-edit-2",
            "prompt": "snow",
            "response_format": "b64_json",
            "size": "1024x1024",
        },
        files={"image": ("in.png", source, "image/png")},
    )
    assert picture_of(response).size == (333, 222)
    assert server.requests[-1].files["image"]["size"] == len(source)


def test_a_large_picture_is_painted_fast() -> None:
    # CPU time, not wall time: other processes on a shared machine do not count against it.
    timings = []
    for _ in range(5):
        started = time.process_time()
        png = encode_png(render("一只猫在树枝上晒太阳", 7, 1024, 1024, steps=50, cfg=7.5))
        base64.b64encode(png)
        timings.append(time.process_time() - started)
    assert min(timings) < 0.1


def test_edit_painting_keeps_size() -> None:
    assert render_edit(Image.new("RGB", (90, 70)), "x", 1).size == (90, 70)


def test_runs_in_the_foreground_from_the_command_line() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "stepfun_studio.standin", "--port", "0", "--latency", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v1")
        response = httpx2.get(f"{base_url}/models", headers={"Authorization": "Bearer k"})
        assert response.status_code == 200
        # Then one line per provider: its id and its base URL on the same server.
        lines = dict(process.stdout.readline().split() for _ in range(5))
        origin = base_url.removesuffix("/v1")
        assert lines == {
            "stepfun": base_url,
            "openai": f"{origin}/openai/v1",
            "ark": f"{origin}/ark/api/v3",
            "siliconflow": f"{origin}/siliconflow/v1",
            "compatible": f"{origin}/compatible/v1",
        }
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_base_url_for_each_provider_of_the_table(server: StandinServer) -> None:
    assert server.base_url == server.base_url_for("stepfun")
    assert server.base_url_for("ark") == f"{server.origin}/ark/api/v3"
    with pytest.raises(KeyError, match="known: stepfun"):
        server.base_url_for("midjourney")
    # A path under no provider's prefix is a 404, as before.
    assert httpx2.get(f"{server.origin}/nowhere").status_code == 404
