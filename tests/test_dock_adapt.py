"""`core.adapt.adapt_request` as the dock uses it (interface 4): keep what the model takes,
name what was dropped in the interface's words."""

from __future__ import annotations

from stepfun_studio.core.adapt import adapt_request
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.validation import validate


def _reference(shade: int) -> ReferenceImage:
    return ReferenceImage(bytes([shade]) * 64, "image/png", 8, 8, name=f"{shade}.png")


def test_a_siliconflow_request_moved_to_gpt_image_drops_what_it_has_not() -> None:
    request = GenerationRequest(
        prompt="a lighthouse",
        model="Kwai-Kolors/Kolors",
        provider="siliconflow",
        size="1024x1024",
        steps=25,
        cfg_scale=7.5,
        seed=77,
        negative_prompt="blurry",
    )
    adapted, dropped = adapt_request(request, model_table().require("gpt-image-1"))
    assert (adapted.model, adapted.provider, adapted.prompt) == (
        "gpt-image-1",
        "openai",
        "a lighthouse",
    )
    assert (adapted.seed, adapted.negative_prompt) == (0, "")
    assert {"seed", "steps", "negative prompt"} <= set(dropped)
    assert validate(adapted) == []


def test_references_beyond_the_model_s_maximum_are_dropped_and_counted() -> None:
    request = GenerationRequest(
        prompt="p",
        model="gpt-image-1",
        provider="openai",
        mode=Mode.EDIT,
        references=tuple(_reference(i) for i in range(4)),
    )
    adapted, dropped = adapt_request(request, model_table().require("Qwen/Qwen-Image-Edit-2509"))
    assert len(adapted.references) == 2
    assert "2 references" in dropped
    assert adapted.mode is Mode.EDIT


def test_nothing_is_dropped_between_models_that_take_the_same() -> None:
    request = GenerationRequest(prompt="p", model="gpt-image-1", provider="openai")
    adapted, dropped = adapt_request(request, model_table().require("gpt-image-1.5"))
    assert dropped == []
    assert adapted.model == "gpt-image-1.5"
