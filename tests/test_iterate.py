"""core/iterate.py: each one-click iteration maps to what the model can do, from the table."""

from __future__ import annotations

import datetime as dt

from test_library_support import reference

from stepfun_studio.core.iterate import (
    How,
    IterationKind,
    iteration_model,
    new_seed,
    picture_road,
    plan_iteration,
)
from stepfun_studio.core.model_table import ModelSpec, model_table
from stepfun_studio.core.request import GenerationRequest, Mode
from stepfun_studio.core.validation import validate

SUBTLE, STRONG = IterationKind.VARY_SUBTLE, IterationKind.VARY_STRONG
MORE, AS_REFERENCE = IterationKind.MORE_LIKE_THIS, IterationKind.USE_AS_REFERENCE


def spec(name: str) -> ModelSpec:
    return model_table().require(name)


def made_by(model: str, **changes: object) -> GenerationRequest:
    request = GenerationRequest(prompt="a red kite over dunes", model=model, size="1024x1024")
    return request.with_changes(provider=spec(model).provider, **changes)


def test_a_model_with_a_weight_redraws_at_0_3_and_0_7() -> None:
    picture = reference(1, "kite.png")
    for kind, weight in ((SUBTLE, 0.3), (STRONG, 0.7)):
        plan = plan_iteration(made_by("step-1x-medium"), kind, spec("step-1x-medium"), entropy=42)
        assert plan.how is How.REDRAW_WEIGHTED and plan.purpose == "redraw"
        request = plan.with_picture(picture)
        assert (request.mode, request.source, request.source_weight) == (
            Mode.REDRAW,
            picture,
            weight,
        )
        assert request.seed == new_seed(spec("step-1x-medium"), 42) != 0
        assert validate(request) == []
        assert plan.describe() == (
            f"{kind.label()}: redraw at weight {weight:g} with step-1x-medium"
        )


def test_a_model_with_references_takes_the_picture_as_one() -> None:
    picture = reference(2, "kite.png")
    old_source = reference(3, "old.png")
    plan = plan_iteration(
        made_by("gpt-image-1", source=old_source, mode=Mode.EDIT), SUBTLE, spec("gpt-image-1")
    )
    assert plan.how is How.REFERENCE
    request = plan.with_picture(picture)
    assert request.references == (picture,) and request.source is None
    assert request.mode is Mode.EDIT and request.seed == 0  # gpt-image has no seed
    assert validate(request) == []
    assert plan.describe() == "Vary (subtle): the picture as a reference for gpt-image-1"


def test_an_edit_only_model_edits_and_a_weightless_redraw_model_redraws() -> None:
    assert picture_road(spec("step-image-edit-2")) is How.EDIT
    assert picture_road(spec("Kwai-Kolors/Kolors")) is How.REDRAW
    assert picture_road(spec("Qwen/Qwen-Image")) is How.NEW_SEEDS
    plan = plan_iteration(made_by("Kwai-Kolors/Kolors"), STRONG, spec("Kwai-Kolors/Kolors"))
    request = plan.with_picture(reference(4, "kite.png"))
    assert request.mode is Mode.REDRAW and request.source is not None
    assert "takes no weight" in plan.describe()


def test_a_model_that_takes_no_picture_gets_new_seeds_only() -> None:
    plan = plan_iteration(made_by("Qwen/Qwen-Image"), SUBTLE, spec("Qwen/Qwen-Image"), entropy=7)
    assert plan.how is How.NEW_SEEDS and plan.slot is None and plan.purpose is None
    assert plan.request.seed != 0 and plan.request.n == 1
    assert "new seeds only" in plan.describe()


def test_more_like_this_keeps_the_parameters_with_four_new_seeds() -> None:
    source = reference(5, "src.png")
    picture_request = made_by(
        "step-1x-medium", mode=Mode.REDRAW, source=source, source_weight=0.45, steps=33, seed=9
    )
    plan = plan_iteration(picture_request, MORE, spec("step-1x-medium"), entropy=123456)
    request = plan.request
    assert (request.n, request.steps, request.source, request.source_weight) == (
        4,
        33,
        source,
        0.45,
    )
    assert request.seed not in (0, 9)
    assert len({single.seed for single in request.fan_out()}) == 4
    assert plan.describe() == "More like this: 4 pictures with new seeds on step-1x-medium"


def test_the_pictures_own_model_is_used_when_it_can_else_the_chosen_one() -> None:
    table = model_table()
    kolors, seedream = spec("Kwai-Kolors/Kolors"), spec("doubao-seedream-4-0-250828")
    qwen = spec("Qwen/Qwen-Image")
    assert iteration_model(table, made_by("Kwai-Kolors/Kolors"), SUBTLE, seedream) is kolors
    # Qwen-Image takes no picture: the chosen model varies it, as a reference.
    assert iteration_model(table, made_by("Qwen/Qwen-Image"), SUBTLE, seedream) is seedream
    assert iteration_model(table, made_by("Qwen/Qwen-Image"), MORE, seedream) is qwen
    # A retired model gives way to a chosen one that works; unknown models too.
    retired = made_by("step-1x-medium")
    if spec("step-1x-medium").is_retired(dt.date.today()):
        assert iteration_model(table, retired, SUBTLE, kolors) is kolors
    assert iteration_model(table, made_by("gpt-image-1").with_changes(model="gone"), MORE, qwen)
    assert iteration_model(table, made_by("Kwai-Kolors/Kolors"), AS_REFERENCE, qwen) is qwen


def test_moving_to_another_model_adapts_and_names_what_was_dropped() -> None:
    picture_request = made_by("Kwai-Kolors/Kolors", negative_prompt="blur", seed=5)
    plan = plan_iteration(picture_request, SUBTLE, spec("gpt-image-1"))
    assert plan.request.model == "gpt-image-1" and plan.request.provider == "openai"
    assert "negative prompt" in plan.dropped
    assert validate(plan.with_picture(reference(6, "p.png"))) == []


def test_use_as_reference_adds_to_the_references_or_fills_the_source() -> None:
    first, picture = reference(7, "a.png"), reference(8, "b.png")
    dock = made_by("doubao-seedream-4-0-250828", references=(first,))
    plan = plan_iteration(dock, AS_REFERENCE, spec("doubao-seedream-4-0-250828"))
    assert plan.slot == "reference"
    assert plan.with_picture(picture).references == (first, picture)
    weighted = plan_iteration(made_by("step-1x-medium"), AS_REFERENCE, spec("step-1x-medium"))
    assert weighted.slot == "source" and weighted.how is How.REDRAW_WEIGHTED
    none = plan_iteration(made_by("Qwen/Qwen-Image"), AS_REFERENCE, spec("Qwen/Qwen-Image"))
    assert none.how is How.NOTHING and none.slot is None
    assert "takes no pictures" in none.describe()


def test_new_seeds_stay_in_the_models_range() -> None:
    model = spec("step-1x-medium")
    assert model.seed is not None
    for entropy in (1, 2, 10**12, 2**40 + 3):
        assert model.seed.minimum <= new_seed(model, entropy) <= model.seed.maximum
        assert new_seed(model, entropy) != 0
    assert new_seed(spec("gpt-image-1"), 99) == 0
