"""Each adapter's three steps as plain functions: the call it builds, the answer it reads.

Real model table, real requests, real pictures; no server. The error mapping is in
`test_adapters_errors.py`, the same adapters over HTTP in `test_adapters_http.py`.
"""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

from stepfun_studio.api.providers import adapter_for
from stepfun_studio.api.providers.base import WireCall, usage_of
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ModelSpec, model_table
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage


def picture(width: int, height: int, mime: str = "image/png") -> ReferenceImage:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (10, 20, 30)).save(out, "PNG" if "png" in mime else "JPEG")
    return ReferenceImage(out.getvalue(), mime, width, height)


def spec(name: str) -> ModelSpec:
    return model_table().require(name)


def build(provider: str, request: GenerationRequest, model: ModelSpec | None = None) -> WireCall:
    return adapter_for(provider).build(request, model or spec(request.model))


# -- OpenAI Images --------------------------------------------------------------------------


def test_openai_generation_sends_only_what_gpt_image_takes() -> None:
    request = GenerationRequest(
        prompt="a lighthouse at dusk",
        model="gpt-image-1",
        provider="openai",
        size="1024x1536",
        seed=42,
        steps=30,
        cfg_scale=7.5,
        negative_prompt="blurry",
        options=(("quality", "high"), ("input_fidelity", "high"), ("watermark", "true")),
    )
    call = build("openai", request)
    assert call.path == "/images/generations"
    # No seed, steps, cfg, negative prompt or response_format; input_fidelity is for edits only,
    # and watermark is not an OpenAI option at all.
    assert call.json == {
        "model": "gpt-image-1",
        "prompt": "a lighthouse at dusk",
        "n": 1,
        "size": "1024x1536",
        "quality": "high",
    }


def test_openai_edit_is_multipart_with_every_picture_as_image_array_and_a_mask() -> None:
    source, first, second = picture(64, 64), picture(32, 32, "image/jpeg"), picture(16, 16)
    mask = picture(64, 64)
    request = GenerationRequest(
        prompt="make it night",
        model="gpt-image-1",
        mode=Mode.EDIT,
        size="1024x1024",
        source=source,
        references=(first, second),
        mask=mask,
        options=(("input_fidelity", "high"), ("background", "transparent")),
    )
    call = build("openai", request)
    assert call.path == "/images/edits" and call.is_multipart
    assert [(u.name, u.mime) for u in call.files] == [
        ("image[]", "image/png"),
        ("image[]", "image/jpeg"),
        ("image[]", "image/png"),
        ("mask", "image/png"),
    ]
    assert [u.data for u in call.files] == [source.data, first.data, second.data, mask.data]
    assert call.files[1].filename.endswith(".jpg")
    assert dict(call.form) == {
        "model": "gpt-image-1",
        "prompt": "make it night",
        "n": "1",
        "size": "1024x1024",
        "background": "transparent",
        "input_fidelity": "high",
    }


def test_openai_references_without_a_source_go_to_edits() -> None:
    request = GenerationRequest(
        prompt="in this style", model="gpt-image-2", references=(picture(8, 8),)
    )
    call = build("openai", request)
    assert call.path == "/images/edits"
    assert [u.name for u in call.files] == ["image[]"]


def test_openai_mini_has_no_input_fidelity_even_on_edits() -> None:
    request = GenerationRequest(
        prompt="x",
        model="gpt-image-1-mini",
        mode=Mode.EDIT,
        source=picture(8, 8),
        options=(("input_fidelity", "high"),),
    )
    assert "input_fidelity" not in dict(build("openai", request).form)


def test_openai_option_value_the_model_does_not_take_is_refused_before_sending() -> None:
    request = GenerationRequest(prompt="x", model="gpt-image-1", options=(("quality", "ultra"),))
    with pytest.raises(AppError) as caught:
        build("openai", request)
    assert caught.value.kind is ErrorKind.BAD_REQUEST
    assert "auto / low / medium / high" in caught.value.message
    assert caught.value.retry_safe is True


def test_openai_answer_is_read_from_b64_with_usage_as_cost() -> None:
    adapter = adapter_for("openai")
    data = picture(16, 16).data
    body = {
        "created": 1760000000,
        "data": [{"b64_json": base64.b64encode(data).decode()}],
        "usage": {
            "input_tokens": 50,
            "input_tokens_details": {"text_tokens": 40, "image_tokens": 10},
            "output_tokens": 1056,
            "total_tokens": 1106,
        },
    }
    request = GenerationRequest(prompt="x", model="gpt-image-1", options=(("quality", "low"),))
    answer = adapter.parse(body, request, spec("gpt-image-1"), trace_id="t")
    assert answer.pictures[0].data == data
    assert answer.pictures[0].seed is None  # OpenAI never says
    assert answer.created == 1760000000
    assert dict(answer.usage)["input_image_tokens"] == 10
    cost, currency = adapter.cost(request, spec("gpt-image-1"), answer)
    assert currency == "USD"
    assert cost == pytest.approx((40 * 5 + 10 * 10 + 1056 * 40) / 1e6)


def test_openai_answer_without_usage_costs_the_table_price_for_the_quality() -> None:
    adapter = adapter_for("openai")
    body = {"data": [{"b64_json": base64.b64encode(b"x").decode()}]}
    request = GenerationRequest(prompt="x", model="gpt-image-2", options=(("quality", "high"),))
    answer = adapter.parse(body, request, spec("gpt-image-2"), trace_id=None)
    assert adapter.cost(request, spec("gpt-image-2"), answer) == (0.211, "USD")


def test_openai_answer_without_a_picture_is_a_bad_response_naming_openai() -> None:
    adapter = adapter_for("openai")
    with pytest.raises(AppError) as caught:
        adapter.parse({"data": []}, GenerationRequest(), spec("gpt-image-1"), trace_id="t9")
    assert caught.value.kind is ErrorKind.BAD_RESPONSE
    assert "OpenAI support" in caught.value.message
    assert caught.value.trace_id == "t9"


# -- the OpenAI-compatible profile ---------------------------------------------------------


def test_compatible_server_gets_exactly_the_extras_its_model_declares() -> None:
    table = model_table()
    declared = table.compatible_model(
        "Qwen/Qwen-Image", fields=frozenset({"seed", "steps", "guidance", "negative_prompt"})
    )
    request = GenerationRequest(
        prompt="a fox",
        model="Qwen/Qwen-Image",
        size="1024x1024",
        seed=7,
        steps=28,
        cfg_scale=4.0,
        negative_prompt="low quality",
    )
    call = build("compatible", request, declared)
    assert call.json == {
        "model": "Qwen/Qwen-Image",
        "prompt": "a fox",
        "n": 1,
        "size": "1024x1024",
        "seed": 7,
        "num_inference_steps": 28,
        "guidance_scale": 4.0,
        "negative_prompt": "low quality",
    }
    bare = table.compatible_model("flux", fields=frozenset())
    assert build("compatible", request.with_changes(model="flux"), bare).json == {
        "model": "flux",
        "prompt": "a fox",
        "n": 1,
        "size": "1024x1024",
    }


def test_compatible_seed_zero_lets_the_server_choose() -> None:
    declared = model_table().compatible_model("m", fields=frozenset({"seed"}))
    call = build("compatible", GenerationRequest(prompt="x", model="m", seed=0), declared)
    assert call.json is not None and "seed" not in call.json


def test_compatible_redraw_sends_one_image_with_strength() -> None:
    declared = model_table().compatible_model("sd", fields=frozenset({"strength"}))
    source = picture(32, 32)
    request = GenerationRequest(
        prompt="x", model="sd", mode=Mode.REDRAW, source=source, source_weight=0.35
    )
    call = build("compatible", request, declared)
    assert call.path == "/images/edits"
    assert [(u.name, u.data) for u in call.files] == [("image", source.data)]
    assert dict(call.form)["strength"] == "0.35"


# -- Ark (Seedream) -------------------------------------------------------------------------


def test_ark_sends_references_as_a_list_of_data_uris_without_a_watermark() -> None:
    first, second = picture(8, 8), picture(9, 9, "image/jpeg")
    request = GenerationRequest(
        prompt="two cats",
        model="doubao-seedream-4-0-250828",
        size="2048x2048",
        seed=5,
        steps=40,
        references=(first, second),
    )
    call = build("ark", request)
    assert call.path == "/images/generations"
    assert call.json == {
        "model": "doubao-seedream-4-0-250828",
        "prompt": "two cats",
        "size": "2048x2048",
        "response_format": "b64_json",
        "watermark": False,
        "image": [first.data_uri, second.data_uri],
    }
    assert second.data_uri.startswith("data:image/jpeg;base64,")


def test_ark_watermark_only_when_the_request_asks_for_it() -> None:
    request = GenerationRequest(prompt="x", model="doubao-seedream-4-5-251128", size="2K")
    assert build("ark", request.with_option("watermark", "true")).json["watermark"] is True  # type: ignore[index]
    call = build("ark", request)
    assert call.json is not None
    assert call.json["watermark"] is False
    assert "image" not in call.json and "n" not in call.json


def test_ark_source_goes_first_and_too_many_pictures_are_refused_before_sending() -> None:
    source, reference = picture(8, 8), picture(9, 9)
    request = GenerationRequest(
        prompt="x",
        model="doubao-seedream-4-0-250828",
        mode=Mode.EDIT,
        source=source,
        references=(reference,),
    )
    call = build("ark", request)
    assert call.json is not None and call.json["image"] == [source.data_uri, reference.data_uri]
    crowded = request.with_changes(references=(reference,) * 14)
    with pytest.raises(AppError) as caught:
        build("ark", crowded)
    assert caught.value.kind is ErrorKind.BAD_REQUEST
    assert "at most 14 pictures" in caught.value.message


def test_ark_failed_item_in_a_200_answer_is_that_pictures_error() -> None:
    adapter = adapter_for("ark")
    model = spec("doubao-seedream-4-0-250828")
    body = {
        "model": model.name,
        "created": 1,
        "data": [{"error": {"code": "OutputImageSensitiveContentDetected", "message": "risky"}}],
        "usage": {"generated_images": 0, "output_tokens": 0, "total_tokens": 0},
    }
    answer = adapter.parse(body, GenerationRequest(model=model.name), model, trace_id="r1")
    failure = answer.pictures[0].failure
    assert failure is not None and failure.kind is ErrorKind.MODERATION
    assert failure.server_message == "risky" and failure.trace_id == "r1"
    body["data"] = [{"error": {"code": "InternalServiceError", "message": "oops"}}]
    answer = adapter.parse(body, GenerationRequest(model=model.name), model, trace_id="r1")
    failure = answer.pictures[0].failure
    assert failure is not None and failure.kind is ErrorKind.BAD_RESPONSE
    assert failure.retry_safe is True  # no picture was made, so none was billed
    assert "Volcengine Ark" in failure.message


def test_ark_cost_is_the_price_per_picture_made() -> None:
    adapter = adapter_for("ark")
    model = spec("doubao-seedream-4-5-251128")
    data = base64.b64encode(picture(8, 8).data).decode()
    body = {"data": [{"b64_json": data}], "usage": {"generated_images": 1}}
    answer = adapter.parse(body, GenerationRequest(model=model.name), model, trace_id=None)
    assert answer.pictures[0].seed is None  # Seedream does not echo it
    assert adapter.cost(GenerationRequest(model=model.name), model, answer) == (0.04, "USD")


# -- SiliconFlow ----------------------------------------------------------------------------


def test_siliconflow_kolors_fields() -> None:
    request = GenerationRequest(
        prompt="a red boat",
        model="Kwai-Kolors/Kolors",
        size="960x1280",
        seed=77,
        steps=25,
        cfg_scale=7.5,
        negative_prompt="blurry",
        options=(("quality", "high"),),
    )
    assert build("siliconflow", request).json == {
        "model": "Kwai-Kolors/Kolors",
        "prompt": "a red boat",
        "image_size": "960x1280",
        "num_inference_steps": 25,
        "guidance_scale": 7.5,
        "negative_prompt": "blurry",
        "seed": 77,
    }


def test_siliconflow_qwen_takes_cfg_and_its_edit_models_take_no_image_size() -> None:
    qwen = GenerationRequest(prompt="x", model="Qwen/Qwen-Image", size="1328x1328", seed=0)
    body = build("siliconflow", qwen).json
    assert body is not None
    assert body["cfg"] == 7.5 and "guidance_scale" not in body and "seed" not in body
    source, ref1, ref2 = picture(8, 8), picture(9, 9), picture(10, 10)
    edit = GenerationRequest(
        prompt="x",
        model="Qwen/Qwen-Image-Edit-2509",
        mode=Mode.EDIT,
        size="1024x1024",
        source=source,
        references=(ref1, ref2),
    )
    body = build("siliconflow", edit).json
    assert body is not None and "image_size" not in body
    assert (body["image"], body["image2"], body["image3"]) == (
        source.data_uri,
        ref1.data_uri,
        ref2.data_uri,
    )


def test_siliconflow_answer_is_a_link_with_the_seed() -> None:
    adapter = adapter_for("siliconflow")
    body = {
        "images": [{"url": "https://sc.example/x.png"}],
        "timings": {"inference": 1.2},
        "seed": 9876543210,
    }
    model = spec("Kwai-Kolors/Kolors")
    answer = adapter.parse(body, GenerationRequest(model=model.name), model, trace_id=None)
    assert answer.pictures[0].url == "https://sc.example/x.png"
    assert answer.pictures[0].data is None
    assert answer.pictures[0].seed == 9876543210
    assert adapter.cost(GenerationRequest(model=model.name), model, answer) == (0.0, "CNY")


# -- StepFun, as before ---------------------------------------------------------------------


def test_stepfun_builds_todays_three_calls() -> None:
    style = picture(8, 8)
    call = build("stepfun", GenerationRequest(prompt="猫", seed=3, style=style, style_weight=1.5))
    assert call.path == "/images/generations"
    assert call.json is not None
    assert call.json["style_reference"] == {"source_url": style.data_uri, "weight": 1.5}
    assert (call.json["seed"], call.json["steps"], call.json["cfg_scale"]) == (3, 50, 7.5)
    redraw = GenerationRequest(prompt="x", mode=Mode.REDRAW, source=style, source_weight=0.3)
    assert build("stepfun", redraw).path == "/images/image2image"
    edit = GenerationRequest(
        prompt="x", model="step-image-edit-2", mode=Mode.EDIT, source=style, text_mode=True
    )
    call = build("stepfun", edit)
    assert call.path == "/images/edits"
    assert dict(call.form)["text_mode"] == "true"
    assert [u.name for u in call.files] == ["image"]


def test_stepfun_balance_is_read_in_yuan() -> None:
    adapter = adapter_for("stepfun")
    body = {"balance": "12.5", "total_cash_balance": 10, "total_voucher_balance": 2.5}
    balance = adapter.parse_balance(body, trace_id=None)
    assert balance is not None and (balance.amount, balance.currency) == (12.5, "CNY")
    with pytest.raises(AppError):
        adapter.parse_balance({"type": "x"}, trace_id=None)


def test_usage_flattens_the_token_details() -> None:
    body = {"usage": {"input_tokens": 3, "input_tokens_details": {"text_tokens": 2}, "x": "y"}}
    assert usage_of(body) == (("input_tokens", 3), ("input_text_tokens", 2))
    assert usage_of({"usage": None}) == ()


def test_token_price_reads_split_or_plain_input_tokens() -> None:
    price = spec("gpt-image-1").price
    assert price is not None
    split = {"input_text_tokens": 100, "input_image_tokens": 200, "output_tokens": 1000}
    assert price.for_usage(split) == pytest.approx((100 * 5 + 200 * 10 + 1000 * 40) / 1e6)
    assert price.for_usage({"input_tokens": 100}) == pytest.approx(100 * 5 / 1e6)
    assert price.for_usage({"total_tokens": 5}) is None
    no_tokens = spec("gpt-image-2").price
    assert no_tokens is not None and no_tokens.for_usage(split) is None
