"""The model table, requests, validation and presets: plain Python, no I/O."""

from __future__ import annotations

from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.presets import FAST, SOURCE_WEIGHT_INTENTS, Shape, size_shape
from stepfun_studio.core.request import MAX_SEED, GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.validation import problems_by_field, validate


def png_reference(width: int = 64, height: int = 64, size: int = 100) -> ReferenceImage:
    return ReferenceImage(
        data=b"\x89PNG" + b"0" * size, mime="image/png", width=width, height=height
    )


def test_model_table_keeps_stepfuns_three_models_with_their_defaults() -> None:
    table = model_table()
    assert [m.name for m in table.models_of("stepfun")] == [
        "step-1x-medium",
        "step-2x-large",
        "step-image-edit-2",
    ]
    large = table.require("step-2x-large")
    assert large.cfg_scale is not None and large.cfg_scale.default == 6.0
    edit = table.require("step-image-edit-2")
    assert edit.steps is not None and edit.steps.default == 8
    assert edit.supports(Mode.EDIT) and not edit.supports(Mode.REDRAW)
    assert table.require("step-1x-medium").supports_style_reference
    redraw_steps = table.require("step-1x-medium").steps_for(Mode.REDRAW)
    assert redraw_steps is not None and redraw_steps.maximum == 100


def test_a_default_request_with_a_prompt_is_valid() -> None:
    assert validate(GenerationRequest(prompt="采菊东篱下")) == []


def test_wrong_size_names_the_six_allowed_sizes() -> None:
    problems = validate(GenerationRequest(prompt="x", size="2000x2000"))
    assert [p.field for p in problems] == ["size"]
    message = problems[0].message
    assert "2000x2000" in message
    for size in ("256x256", "512x512", "768x768", "1024x1024", "1280x800", "800x1280"):
        assert size in message


def test_every_problem_is_reported_by_field() -> None:
    request = GenerationRequest(
        prompt="", size="1x1", steps=0, cfg_scale=11, seed=-1, n=17, negative_prompt="no"
    )
    fields = problems_by_field(validate(request))
    assert set(fields) == {"prompt", "size", "steps", "cfg_scale", "seed", "n", "negative_prompt"}


def test_prompt_limit_depends_on_mode() -> None:
    long_prompt = "a" * 600
    assert [p.field for p in validate(GenerationRequest(prompt=long_prompt))] == ["prompt"]
    redraw = GenerationRequest(prompt=long_prompt, mode=Mode.REDRAW, source=png_reference())
    assert validate(redraw) == []


def test_redraw_needs_a_source_and_a_weight_in_range() -> None:
    fields = problems_by_field(
        validate(GenerationRequest(prompt="x", mode=Mode.REDRAW, source_weight=0))
    )
    assert set(fields) == {"source", "source_weight"}


def test_style_reference_only_on_step_1x_medium() -> None:
    ok = GenerationRequest(prompt="boat", style=png_reference(), style_weight=1.0)
    assert validate(ok) == []
    wrong = ok.with_changes(model="step-2x-large", cfg_scale=6.0)
    assert [p.field for p in validate(wrong)] == ["style"]


def test_redraw_source_larger_than_2048_is_refused_but_edit_takes_4096() -> None:
    big = png_reference(3000, 3000)
    redraw = GenerationRequest(prompt="x", mode=Mode.REDRAW, source=big)
    assert [p.field for p in validate(redraw)] == ["source"]
    edit = GenerationRequest(
        prompt="x", model="step-image-edit-2", mode=Mode.EDIT, source=big, steps=8, cfg_scale=1.0
    )
    assert validate(edit) == []


def test_fan_out_gives_each_image_its_own_seed() -> None:
    fixed = GenerationRequest(prompt="x", seed=MAX_SEED - 1, n=3).fan_out()
    assert [r.seed for r in fixed] == [MAX_SEED - 1, MAX_SEED, 1]
    assert all(r.n == 1 for r in fixed)
    random = GenerationRequest(prompt="x", n=4).fan_out()
    assert [r.seed for r in random] == [0, 0, 0, 0]


def test_presets_follow_the_notebook_guide() -> None:
    fast = FAST.apply(GenerationRequest(prompt="柯基"))
    assert (fast.size, fast.steps, fast.cfg_scale) == ("512x512", 30, 7.0)
    ranges = {intent.key: (intent.low, intent.high) for intent in SOURCE_WEIGHT_INTENTS}
    assert ranges["regenerate"] == (0.8, 1.0)
    assert ranges["modify"] == (0.3, 0.8)
    assert size_shape("800x1280") is Shape.PORTRAIT
    assert size_shape("1280x800") is Shape.LANDSCAPE


def test_fan_out_keeps_a_seed_above_stepfuns_range_as_typed() -> None:
    request = GenerationRequest(prompt="x", seed=9_999_999_998, n=3)
    seeds = [single.seed for single in request.fan_out(9_999_999_999)]
    assert seeds == [9_999_999_998, 9_999_999_999, 1]
    # Against the default (StepFun's) range a larger seed is still never folded.
    assert request.fan_out()[0].seed == 9_999_999_998
