"""core/metadata.py: our JSON and A1111's text, both ways."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from test_library_support import full_request, provider_request, result_for

from stepfun_studio.core.metadata import (
    MetadataError,
    ReferenceInfo,
    a1111_parameters,
    metadata_json,
    parse_a1111,
    parse_a1111_metadata,
    parse_metadata_json,
    parse_request_dict,
    request_to_dict,
)
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage


def test_every_request_field_round_trips_through_json() -> None:
    request = full_request()
    result = result_for(request, seed=42)
    meta = parse_metadata_json(metadata_json(result, stored_at=1700000000.5))
    refs = {request.source.sha256: request.source, request.style.sha256: request.style}  # type: ignore[union-attr]

    def resolve(info: ReferenceInfo) -> ReferenceImage | None:
        return refs.get(info.sha256)

    assert meta.request(resolve) == request
    assert meta.returned_seed == 42
    assert meta.finish_reason == "success"
    assert meta.trace_id == "trace-abc-123"
    assert meta.elapsed_s == 3.5
    assert meta.created == 1723595647
    assert (meta.width, meta.height) == (64, 48)
    assert meta.stored_at == 1700000000.5
    assert meta.source == ReferenceInfo.of(request.source)  # type: ignore[arg-type]


def test_without_resolver_the_reference_slots_are_empty_but_named() -> None:
    meta = parse_metadata_json(metadata_json(result_for(full_request())))
    request = meta.request()
    assert request.source is None and request.style is None
    assert meta.source is not None and meta.source.name == "源图.png"
    assert request.mode is Mode.REDRAW and request.source_weight == 0.35


def test_json_keeps_chinese_readable_and_has_no_image_bytes() -> None:
    text = metadata_json(result_for(full_request()))
    assert "樱花树下的猫" in text
    assert "base64" not in text and len(text) < 2000


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        json.dumps({"generator": "Other", "format": 1, "request": {}}),
        json.dumps({"generator": "StepFun Studio", "format": 99, "request": {}}),
        json.dumps({"generator": "StepFun Studio", "format": 1, "request": {"size": "huge"}}),
        json.dumps({"generator": "StepFun Studio", "format": 1, "request": {"mode": "paint"}}),
    ],
)
def test_foreign_or_damaged_json_is_refused(text: str) -> None:
    with pytest.raises(MetadataError):
        parse_metadata_json(text)


def test_request_dict_round_trip_for_jobs() -> None:
    request = GenerationRequest(prompt="a lighthouse", seed=7, steps=12, cfg_scale=3.0)
    assert parse_request_dict(request_to_dict(request)).request() == request


def test_a1111_text_round_trips_what_it_can_carry() -> None:
    request = full_request()
    text = a1111_parameters(request, returned_seed=555)
    assert text.splitlines()[0] == request.prompt
    parsed = parse_a1111(text, ("step-1x-medium",))
    assert parsed is not None
    assert parsed.prompt == request.prompt
    assert parsed.negative_prompt == "模糊, blurry low quality"
    assert (parsed.steps, parsed.cfg_scale, parsed.seed, parsed.size) == (37, 6.25, 555, "800x1280")
    assert parsed.model == "step-1x-medium"


def test_a1111_text_from_another_tool() -> None:
    text = (
        "masterpiece, 1girl, 樱花\nsecond line\n"
        "Negative prompt: lowres, bad hands\n"
        "Steps: 28, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 3141592, Size: 512x768, "
        'Model hash: abc123, Model: anything-v5, Lora hashes: "a: 1, b: 2", Version: v1.9'
    )
    parsed = parse_a1111(text, ("step-1x-medium",))
    assert parsed is not None
    assert parsed.prompt == "masterpiece, 1girl, 樱花\nsecond line"
    assert parsed.negative_prompt == "lowres, bad hands"
    assert (parsed.steps, parsed.cfg_scale, parsed.seed, parsed.size) == (
        28,
        7.0,
        3141592,
        "512x768",
    )
    assert parsed.model == GenerationRequest().model  # unknown model: our default


def test_a1111_prompt_only_and_empty() -> None:
    parsed = parse_a1111("just a prompt")
    assert parsed is not None and parsed.prompt == "just a prompt"
    assert parse_a1111("") is None
    assert parse_a1111("Steps: many, Seed: x") is None


def _resolver(request: GenerationRequest):  # type: ignore[no-untyped-def]
    images = [request.source, request.style, *request.references, request.mask]
    by_sha = {image.sha256: image for image in images if image is not None}
    return lambda info: by_sha.get(info.sha256)


def test_provider_references_mask_and_options_round_trip_through_json() -> None:
    request = provider_request()
    result = replace(result_for(request, seed=0), cost=0.167, currency="USD")
    text = metadata_json(result)
    meta = parse_metadata_json(text)
    assert meta.request(_resolver(request)) == request
    assert [info.name for info in meta.references] == ["瓶子.png", "box.jpg", "label, v2.png"]
    assert meta.mask is not None and meta.mask.name == "mask.png"
    assert (meta.cost, meta.currency) == (0.167, "USD")
    assert json.loads(text)["format"] == 2
    # Without the bytes the reference list is empty, never a list of holes.
    assert meta.request().references == ()


def test_a1111_text_carries_provider_references_and_options() -> None:
    request = provider_request()
    text = a1111_parameters(request)
    assert "Provider: openai" in text and "Model: gpt-image-1" in text
    assert 'Options: "quality=high, background=opaque, input_fidelity=high"' in text
    meta = parse_a1111_metadata(text, ("gpt-image-1",))
    assert meta is not None
    assert meta.request(_resolver(request)) == request
    assert [info.width for info in meta.references] == [32, 32, 32]


def test_a1111_text_of_a_stepfun_request_gives_the_request_back() -> None:
    request = full_request().with_changes(negative_prompt="模糊, blurry")
    meta = parse_a1111_metadata(a1111_parameters(request, returned_seed=request.seed))
    assert meta is not None and meta.request(_resolver(request)) == request


def test_a1111_text_without_a_provider_takes_the_models() -> None:
    text = "a cat\nSteps: 20, Seed: 5, Size: 1024x1024, Model: gpt-image-1"
    parsed = parse_a1111(text, ("gpt-image-1",), {"gpt-image-1": "openai"})
    assert parsed is not None and (parsed.provider, parsed.model) == ("openai", "gpt-image-1")


def test_a_format_1_document_is_a_stepfun_picture() -> None:
    old = {
        "generator": "StepFun Studio",
        "format": 1,
        "request": {"prompt": "旧图", "model": "step-2x-large", "size": "1280x800", "seed": 5},
        "result": {"seed": 5, "finish_reason": "success"},
    }
    meta = parse_metadata_json(json.dumps(old))
    request = meta.request()
    assert (request.provider, request.model, request.options, request.references) == (
        "stepfun",
        "step-2x-large",
        (),
        (),
    )
    assert meta.cost is None


@pytest.mark.parametrize("size", ["2K", "auto", "2048x2048"])
def test_named_sizes_the_table_lists_are_read(size: str) -> None:
    raw = {"prompt": "x", "provider": "ark", "model": "doubao-seedream-4-0-250828", "size": size}
    assert parse_request_dict(raw).request().size == size


def test_seeds_past_64_bits_survive_json_and_a1111() -> None:
    request = GenerationRequest(prompt="big seed", seed=2**64 - 1)
    meta = parse_metadata_json(metadata_json(result_for(request, seed=2**63)))
    assert meta.request().seed == 2**64 - 1 and meta.returned_seed == 2**63
    parsed = parse_a1111(a1111_parameters(request))
    assert parsed is not None and parsed.seed == 2**64 - 1
