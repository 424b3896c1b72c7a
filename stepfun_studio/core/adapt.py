"""Moving a request to another model (and its provider), keeping what that model takes.

"Reuse parameters" on a picture made by StepFun while the dock is set to gpt-image, or a switch
of model in the dock, must not send fields the new model does not know, and must not lose the
user's work silently either. `adapt_request` keeps every value the target model can take, puts
the others back to what that model expects, and names what was dropped so the window can say so.
Everything it asks comes from the `ModelSpec`: no provider is named here.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from stepfun_studio.core.model_table import ModelSpec, NumberRange, model_table
from stepfun_studio.core.request import GenerationRequest, Mode, parse_size

_DEFAULTS = GenerationRequest()
# The size a named one ("auto", "2K") stands for when a nearest listed size is looked for.
_NAMED_SIZE = (1024, 1024)


def adapt_request(
    request: GenerationRequest, model: ModelSpec
) -> tuple[GenerationRequest, list[str]]:
    """`request` moved to `model` and its provider, and the English names of what it dropped.

    Kept: the seed where the model has a seed range that holds it; steps and CFG clamped into
    the model's ranges; the negative prompt, text mode, style, source and mask where the model
    takes them; references up to its maximum; options of the same name with a value it takes
    (the others at the model's defaults); the size where valid, else the listed size nearest in
    aspect ratio; the mode where supported. Dropped names read like "seed", "negative prompt",
    "2 references", "quality".
    """
    before = model_table().get(request.model)
    mode = _mode(request, model)
    dropped: list[str] = []
    changes: dict[str, Any] = {"model": model.name, "provider": model.provider, "mode": mode}

    if request.source is not None and mode is Mode.TEXT_TO_IMAGE:
        changes["source"] = None
        dropped.append("source image")
    if request.mode is Mode.REDRAW and not (mode is Mode.REDRAW and model.has_source_weight):
        changes["source_weight"] = _DEFAULTS.source_weight
        if before is None or before.has_source_weight:
            dropped.append("source weight")
    if request.style is not None and not (
        model.supports_style_reference and mode is Mode.TEXT_TO_IMAGE
    ):
        changes["style"] = None
        changes["style_weight"] = _DEFAULTS.style_weight
        dropped.append("style reference")
    over = len(request.references) - model.max_references
    if over > 0:
        changes["references"] = request.references[: model.max_references]
        dropped.append("1 reference" if over == 1 else f"{over} references")
    if request.mask is not None and not (model.supports_mask and mode is Mode.EDIT):
        changes["mask"] = None
        dropped.append("mask")

    seeds = model.seed
    if request.seed and (seeds is None or not seeds.minimum <= request.seed <= seeds.maximum):
        changes["seed"] = 0
        dropped.append("seed")
    before_steps = before.steps_for(request.mode) if before is not None else None
    took_steps = _took(before, before_steps, request.steps, _DEFAULTS.steps)
    steps = _number(model.steps_for(mode), request.steps, took_steps)
    if steps is None:
        if took_steps:
            dropped.append("steps")
    else:
        changes["steps"] = round(steps)
    before_cfg = before.cfg_scale if before is not None else None
    took_cfg = _took(before, before_cfg, request.cfg_scale, _DEFAULTS.cfg_scale)
    cfg = _number(model.cfg_scale, request.cfg_scale, took_cfg)
    if cfg is None:
        if took_cfg:
            dropped.append("CFG scale")
    else:
        changes["cfg_scale"] = cfg
    if request.negative_prompt and not model.supports_negative_prompt:
        changes["negative_prompt"] = ""
        dropped.append("negative prompt")
    if request.text_mode and not model.supports_text_mode:
        changes["text_mode"] = False
        dropped.append("text mode")

    options, dropped_options = _options(request, model, mode, before)
    changes["options"] = options
    dropped += dropped_options
    changes["size"] = _size(request.size, model, mode)
    return replace(request, **changes), dropped


def _mode(request: GenerationRequest, model: ModelSpec) -> Mode:
    """The request's mode where the model has it; with a source, the other image mode."""
    if model.supports(request.mode):
        return request.mode
    if request.source is not None:
        for other in (Mode.EDIT, Mode.REDRAW):
            if model.supports(other):
                return other
    if model.supports(Mode.TEXT_TO_IMAGE):
        return Mode.TEXT_TO_IMAGE
    return model.modes[0]


def _took(
    before: ModelSpec | None, field_range: NumberRange | None, value: float, default: float
) -> bool:
    """Whether the request's value meant something: its model takes the field.

    For a model the table does not know (a declared server model), a value away from the
    default is taken to mean something.
    """
    if before is None:
        return value != default
    return field_range is not None


def _number(target: NumberRange | None, value: float, meant: bool) -> float | None:
    """The value for the target's range: clamped if it meant something, else its default."""
    if target is None:
        return None
    if not meant and target.default is not None:
        return target.default
    return min(max(value, target.minimum), target.maximum)


def _options(
    request: GenerationRequest, model: ModelSpec, mode: Mode, before: ModelSpec | None
) -> tuple[tuple[tuple[str, str], ...], list[str]]:
    """The target's options: the request's value where allowed, else the target's default."""
    kept: list[tuple[str, str]] = []
    dropped: list[str] = []
    offered = {option.name for option in model.options_for(mode)}
    for option in model.options_for(mode):
        value = request.option(option.name)
        if value in option.values:
            kept.append((option.name, value))
        else:
            kept.append((option.name, option.default))
            if value:
                dropped.append(option.name.replace("_", " "))
    for name, value in request.options:
        if name in offered:
            continue
        old = before.option(name) if before is not None else None
        if old is None or value != old.default:
            dropped.append(name.replace("_", " "))
    return tuple(kept), dropped


def _size(size: str, model: ModelSpec, mode: Mode) -> str:
    """`size` where the model takes it, else the listed size nearest in shape, then in area."""
    if (mode is Mode.EDIT and not model.sizes) or model.size_problem(size) is None:
        return size
    try:
        width, height = parse_size(size)
    except ValueError:
        width, height = _NAMED_SIZE
    listed = []
    for candidate in model.sizes:
        try:
            listed.append((candidate, *parse_size(candidate)))
        except ValueError:
            continue  # a named size: its shape is the server's choice
    if not listed:
        return model.sizes[0] if model.sizes else size
    ratio = math.log(width / height)
    area = width * height
    best = min(listed, key=lambda c: (abs(math.log(c[1] / c[2]) - ratio), abs(c[1] * c[2] - area)))
    return best[0]
