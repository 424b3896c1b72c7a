"""Moving a request to another model: keep what the model takes, name what had to go.

"Reuse parameters" of a picture made elsewhere, and switching the dock to a model of another
provider, both hand a request to a model that may take less (no seed on gpt-image, no negative
prompt on Seedream, fewer references). `adapt_request` returns the request as that model can
send it, and the English names of what it dropped, so the UI can say so instead of silently
losing the user's seed.

A minimal version written on the `dock` branch (interface 4 of issue 12's briefing); the
library branch's fuller one replaces it at merge.
"""

from __future__ import annotations

from dataclasses import replace

from stepfun_studio.core.model_table import ModelSpec
from stepfun_studio.core.request import GenerationRequest, Mode, parse_size

_DEFAULTS = GenerationRequest()


def adapt_request(
    request: GenerationRequest, model: ModelSpec
) -> tuple[GenerationRequest, list[str]]:
    """`request` moved to `model` (and its provider), and what it dropped on the way."""
    dropped: list[str] = []
    mode = _mode_for(request, model)
    source = request.source
    if source is not None and mode is Mode.TEXT_TO_IMAGE:
        dropped.append("source image")
        source = None
    steps = request.steps
    if model.steps_for(mode) is None:
        if steps != _DEFAULTS.steps:
            dropped.append("steps")
        steps = _DEFAULTS.steps
    cfg_scale = request.cfg_scale
    if model.cfg_scale is None:
        if cfg_scale != _DEFAULTS.cfg_scale:
            dropped.append("guidance")
        cfg_scale = _DEFAULTS.cfg_scale
    seed = request.seed
    if model.seed is None:
        if seed:
            dropped.append("seed")
        seed = 0
    negative = request.negative_prompt
    if negative and not model.supports_negative_prompt:
        dropped.append("negative prompt")
        negative = ""
    text_mode = request.text_mode and model.supports_text_mode
    if request.text_mode and not text_mode:
        dropped.append("text mode")
    style = request.style
    if style is not None and not model.supports_style_reference:
        dropped.append("style reference")
        style = None
    source_weight = request.source_weight if model.has_source_weight else _DEFAULTS.source_weight
    references = request.references[: model.max_references]
    if len(references) < len(request.references):
        over = len(request.references) - len(references)
        dropped.append("1 reference" if over == 1 else f"{over} references")
    mask = request.mask
    if mask is not None and not (model.supports_mask and mode is Mode.EDIT):
        dropped.append("mask")
        mask = None
    options = []
    for name, value in request.options:
        option = model.option(name)
        if option is not None and option.applies_to(mode) and value in option.values:
            options.append((name, value))
        else:
            dropped.append(name.replace("_", " "))
    size = request.size
    if model.size_problem(size) is not None and model.sizes:
        size = _nearest_size(model, size)
        dropped.append(f"size {request.size}")
    adapted = replace(
        request,
        model=model.name,
        provider=model.provider,
        mode=mode,
        size=size,
        steps=steps,
        cfg_scale=cfg_scale,
        seed=seed,
        negative_prompt=negative,
        text_mode=text_mode,
        source=source,
        source_weight=source_weight,
        style=style,
        references=references,
        mask=mask,
        options=tuple(options),
    )
    return adapted, dropped


def _mode_for(request: GenerationRequest, model: ModelSpec) -> Mode:
    if model.supports(request.mode):
        return request.mode
    has_images = request.source is not None or bool(request.references)
    if has_images:
        for mode in (Mode.EDIT, Mode.REDRAW):
            if model.supports(mode):
                return mode
    if model.supports(Mode.TEXT_TO_IMAGE):
        return Mode.TEXT_TO_IMAGE
    return model.modes[0]


def _nearest_size(model: ModelSpec, size: str) -> str:
    """The model's listed size closest to `size` in shape first, then in area."""
    fixed = [s for s in model.sizes if _dimensions(s) is not None]
    wanted = _dimensions(size)
    if wanted is None or not fixed:
        return model.sizes[0]

    def distance(candidate: str) -> tuple[float, int]:
        width, height = _dimensions(candidate) or (1, 1)
        ratio = abs(width / height - wanted[0] / wanted[1])
        return round(ratio, 2), abs(width * height - wanted[0] * wanted[1])

    return min(fixed, key=distance)


def _dimensions(size: str) -> tuple[int, int] | None:
    try:
        return parse_size(size)
    except ValueError:
        return None
