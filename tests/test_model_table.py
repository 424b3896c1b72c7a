"""The provider and model table (`core/models.json`): capabilities, sizes, prices, lifecycle."""

from __future__ import annotations

import datetime as dt

from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.validation import problems_by_field, validate


def _reference() -> ReferenceImage:
    return ReferenceImage(data=b"\x89PNG" + b"0" * 64, mime="image/png", width=64, height=64)


def test_every_model_names_a_provider_of_the_table() -> None:
    table = model_table()
    assert set(table.provider_ids()) == {"stepfun", "openai", "ark", "siliconflow", "compatible"}
    for model in table.models:
        assert table.provider(model.provider) is not None, model.name


def test_stepfuns_models_are_retired_on_their_dates() -> None:
    table = model_table()
    medium = table.require("step-1x-medium")
    assert medium.lifecycle.date == "2026-07-08"
    assert medium.lifecycle.replacement == "step-2x-large"
    assert medium.is_retired(dt.date(2026, 7, 8))
    assert not medium.is_retired(dt.date(2026, 7, 7))
    assert table.require("step-2x-large").is_retired(dt.date(2026, 10, 10))
    assert not table.require("gpt-image-1").is_retired(dt.date(2030, 1, 1))


def test_gpt_image_takes_no_seed_steps_or_cfg_but_quality_and_references() -> None:
    spec = model_table().require("gpt-image-1")
    assert spec.seed is None and spec.steps is None and spec.cfg_scale is None
    assert spec.max_references == 16 and spec.supports_mask
    quality = spec.option("quality")
    assert quality is not None and "high" in quality.values
    assert spec.price is not None
    assert spec.price.for_options({"quality": "high"}) > spec.price.for_options({"quality": "low"})


def test_free_sizes_follow_the_models_rule() -> None:
    spec = model_table().require("gpt-image-2")
    assert spec.size_problem("1024x1024") is None
    assert spec.size_problem("1280x720") is None
    assert spec.size_problem("1000x1000") is not None  # not a multiple of 16
    assert spec.size_problem("4096x1024") is not None  # a side over 3840
    seedream = model_table().require("doubao-seedream-4-5-251128")
    assert seedream.size_problem("1024x1024") is not None  # under 3,686,400 pixels


def test_a_wrong_size_for_a_listed_only_model_names_the_choices() -> None:
    request = GenerationRequest(
        prompt="x", provider="siliconflow", model="Kwai-Kolors/Kolors", size="1000x1000"
    )
    messages = problems_by_field(validate(request))["size"]
    assert "960x1280" in messages[0]


def test_seedream_takes_fourteen_references_and_no_more() -> None:
    base = GenerationRequest(
        prompt="x", provider="ark", model="doubao-seedream-4-0-250828", size="2048x2048"
    )
    assert validate(base.with_changes(references=(_reference(),) * 14)) == []
    problems = problems_by_field(validate(base.with_changes(references=(_reference(),) * 15)))
    assert "14" in problems["references"][0]


def test_seeds_use_the_models_own_range() -> None:
    kolors = GenerationRequest(
        prompt="x", provider="siliconflow", model="Kwai-Kolors/Kolors", size="960x1280"
    )
    assert validate(kolors.with_changes(seed=9_999_999_999)) == []
    assert "seed" in problems_by_field(validate(kolors.with_changes(seed=10_000_000_000)))


def test_an_option_value_the_model_lacks_is_refused() -> None:
    request = GenerationRequest(prompt="x", provider="openai", model="gpt-image-1")
    assert validate(request.with_option("quality", "high")) == []
    problems = problems_by_field(validate(request.with_option("quality", "ultra")))
    assert "quality" in problems


def test_a_compatible_server_model_has_only_the_fields_the_user_named() -> None:
    table = model_table()
    bare = table.compatible_model("flux-dev", fields=frozenset())
    assert bare.seed is None and bare.steps is None and not bare.supports(Mode.REDRAW)
    full = table.compatible_model(
        "qwen-image", fields=frozenset({"seed", "steps", "guidance", "negative_prompt", "strength"})
    )
    assert full.seed is not None and full.steps is not None and full.cfg_scale is not None
    assert full.supports_negative_prompt and full.supports(Mode.REDRAW)
    assert full.provider == "compatible"
