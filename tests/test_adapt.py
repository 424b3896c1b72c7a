"""core/adapt.py: a request moved to another provider's model keeps what that model takes."""

from __future__ import annotations

from test_library_support import reference

from stepfun_studio.core.adapt import adapt_request
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.request import GenerationRequest, Mode
from stepfun_studio.core.validation import validate


def spec(name: str):  # type: ignore[no-untyped-def]
    return model_table().require(name)


def test_stepfun_text_to_image_moved_to_gpt_image() -> None:
    request = GenerationRequest(
        prompt="a lighthouse at dusk",
        model="step-1x-medium",
        size="800x1280",
        steps=40,
        cfg_scale=9.0,
        seed=123,
        style=reference(1, "style.png"),
        style_weight=1.4,
    )
    moved, dropped = adapt_request(request, spec("gpt-image-1"))
    assert (moved.provider, moved.model, moved.mode) == (
        "openai",
        "gpt-image-1",
        Mode.TEXT_TO_IMAGE,
    )
    assert dropped == ["style reference", "seed", "steps", "CFG scale"]
    assert moved.seed == 0 and moved.style is None and moved.style_weight == 1.0
    # 800x1280 is not offered; 1024x1536 has the nearest shape (portrait 2:3 against 5:8).
    assert moved.size == "1024x1536"
    assert moved.options == (("quality", "auto"), ("background", "auto"), ("output_format", "png"))
    assert moved.prompt == request.prompt
    assert validate(moved) == []


def test_gpt_image_options_and_references_moved_to_seedream() -> None:
    references = tuple(reference(n, f"ref-{n}.png") for n in range(3))
    request = GenerationRequest(
        prompt="a poster",
        provider="openai",
        model="gpt-image-1",
        size="1024x1536",
        references=references,
        options=(("quality", "high"), ("background", "auto"), ("output_format", "png")),
    )
    moved, dropped = adapt_request(request, spec("doubao-seedream-4-0-250828"))
    assert moved.provider == "ark"
    assert moved.references == references  # Seedream takes up to 14, in the same order
    assert moved.options == (("watermark", "false"),)
    # Quality was chosen (not gpt-image's default); background and format were at theirs.
    assert dropped == ["quality"]
    assert moved.size == "1024x1536"  # a free size Seedream's rule allows is kept


def test_too_many_references_are_cut_to_the_maximum_in_order() -> None:
    references = tuple(reference(n, f"ref-{n}.png") for n in range(5))
    request = GenerationRequest(
        prompt="merge these",
        provider="ark",
        model="doubao-seedream-4-0-250828",
        mode=Mode.EDIT,
        source=reference(9, "base.png"),
        references=references,
    )
    moved, dropped = adapt_request(request, spec("Qwen/Qwen-Image-Edit-2509"))
    assert moved.references == references[:2]
    assert "3 references" in dropped
    assert moved.mode is Mode.EDIT and moved.source == request.source
    one_over, dropped_one = adapt_request(
        request.with_changes(references=references[:3]), spec("Qwen/Qwen-Image-Edit-2509")
    )
    assert "1 reference" in dropped_one and len(one_over.references) == 2


def test_siliconflow_values_clamped_into_stepfun_ranges() -> None:
    request = GenerationRequest(
        prompt="一只猫",
        provider="siliconflow",
        model="Kwai-Kolors/Kolors",
        size="960x1280",
        steps=80,
        cfg_scale=15.0,
        seed=9_999_999_999,
        negative_prompt="blurry",
    )
    moved, dropped = adapt_request(request, spec("step-2x-large"))
    assert (moved.steps, moved.cfg_scale) == (50, 10.0)
    # StepFun's seeds end at 2^31 - 1: the seed cannot be kept, and it says so.
    assert moved.seed == 0 and "seed" in dropped
    assert moved.negative_prompt == "" and "negative prompt" in dropped
    assert "steps" not in dropped and "CFG scale" not in dropped
    assert moved.size == "800x1280"  # 3:4 portrait -> StepFun's nearest portrait shape
    kept, _ = adapt_request(request.with_changes(seed=77), spec("step-2x-large"))
    assert kept.seed == 77


def test_fields_a_model_never_took_start_at_the_targets_defaults() -> None:
    request = GenerationRequest(prompt="a boat", provider="openai", model="gpt-image-1")
    moved, dropped = adapt_request(request, spec("Kwai-Kolors/Kolors"))
    kolors = spec("Kwai-Kolors/Kolors")
    assert moved.steps == kolors.steps.default  # gpt-image has no steps: Kolors' own default
    assert moved.cfg_scale == kolors.cfg_scale.default
    assert dropped == []
    assert moved.options == ()


def test_a_redraw_becomes_an_edit_where_the_model_has_no_weight() -> None:
    source = reference(3, "sketch.png")
    request = GenerationRequest(prompt="ink it", mode=Mode.REDRAW, source=source, source_weight=0.3)
    moved, dropped = adapt_request(request, spec("gpt-image-1"))
    assert moved.mode is Mode.EDIT and moved.source == source
    assert "source weight" in dropped and moved.source_weight == 0.5
    assert ("input_fidelity", "low") in moved.options  # an edit-only option, at its default
    text_only, dropped_text = adapt_request(request, spec("Qwen/Qwen-Image"))
    assert text_only.mode is Mode.TEXT_TO_IMAGE and text_only.source is None
    assert dropped_text[:2] == ["source image", "source weight"]


def test_mask_and_text_mode_are_dropped_where_not_taken() -> None:
    request = GenerationRequest(
        prompt="replace the sky",
        provider="openai",
        model="gpt-image-1",
        mode=Mode.EDIT,
        source=reference(4, "photo.png"),
        mask=reference(5, "mask.png"),
        options=(("quality", "medium"), ("input_fidelity", "high")),
    )
    to_mini, dropped_mini = adapt_request(request, spec("gpt-image-1-mini"))
    assert to_mini.mask == request.mask  # gpt-image-1-mini takes a mask too
    assert ("quality", "medium") in to_mini.options
    assert "input fidelity" in dropped_mini  # mini has no input_fidelity
    to_qwen, dropped_qwen = adapt_request(request, spec("Qwen/Qwen-Image-Edit"))
    assert to_qwen.mask is None and "mask" in dropped_qwen
    stepfun_edit = GenerationRequest(
        prompt="加上文字", model="step-image-edit-2", mode=Mode.EDIT, text_mode=True
    )
    moved, dropped = adapt_request(stepfun_edit, spec("gpt-image-1"))
    assert moved.text_mode is False and "text mode" in dropped


def test_the_same_model_keeps_everything() -> None:
    request = GenerationRequest(
        prompt="same", model="step-1x-medium", steps=33, cfg_scale=4.5, seed=99, size="768x768"
    )
    moved, dropped = adapt_request(request, spec("step-1x-medium"))
    assert moved == request and dropped == []


def test_named_sizes_and_model_without_sizes() -> None:
    request = GenerationRequest(prompt="x", provider="openai", model="gpt-image-1", size="auto")
    moved, _ = adapt_request(request, spec("step-1x-medium"))
    assert moved.size == "1024x1024"  # "auto" has no shape: the nearest square
    seedream = GenerationRequest(prompt="x", provider="ark", model="doubao-seedream-4-5-251128")
    kept, _ = adapt_request(seedream.with_changes(size="2K"), spec("doubao-seedream-5-0-260128"))
    assert kept.size == "2K"
    edit = GenerationRequest(
        prompt="x", mode=Mode.EDIT, model="step-image-edit-2", source=reference(6, "a.png")
    )
    to_qwen, _ = adapt_request(edit.with_changes(size="1024x1024"), spec("Qwen/Qwen-Image-Edit"))
    assert to_qwen.size == "1024x1024"  # an edit there takes the input's size: left alone
