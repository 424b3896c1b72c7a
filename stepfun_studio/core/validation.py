"""Checks a `GenerationRequest` against the model table and returns every problem by field.

Nothing here raises for the UI to catch: the parameter dock calls `validate()` as the user types,
marks each field with its message, and keeps Generate disabled while the list is not empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from stepfun_studio.core.model_table import ModelSpec, ModelTable, model_table
from stepfun_studio.core.request import (
    MAX_IMAGE_COUNT,
    MAX_SEED,
    GenerationRequest,
    Mode,
    ReferenceImage,
)
from stepfun_studio.core.text import tr

MAX_REFERENCE_BYTES = 10 * 1024 * 1024
MAX_REDRAW_SOURCE_SIDE = 2048
MAX_EDIT_SOURCE_SIDE = 4096
REFERENCE_MIME_TYPES = ("image/png", "image/jpeg")


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one field, in words a person can act on."""

    field: str
    message: str


def _number(value: float) -> str:
    return f"{value:g}"


def validate(request: GenerationRequest, table: ModelTable | None = None) -> list[FieldProblem]:
    """Every problem with `request`, field by field; an empty list means it can be sent."""
    table = table or model_table()
    spec = table.get(request.model)
    if spec is None:
        return [
            FieldProblem(
                "model",
                tr("Validation", "Unknown model “{model}”. Choose one of: {models}.").format(
                    model=request.model, models=", ".join(table.names())
                ),
            )
        ]
    problems: list[FieldProblem] = []
    problems += _mode_problems(request, spec)
    problems += _prompt_problems(request, spec)
    problems += _number_problems(request, spec)
    problems += _reference_problems(request, spec)
    return problems


def problems_by_field(problems: list[FieldProblem]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for problem in problems:
        grouped.setdefault(problem.field, []).append(problem.message)
    return grouped


def _mode_problems(request: GenerationRequest, spec: ModelSpec) -> list[FieldProblem]:
    if spec.supports(request.mode):
        return []
    able = [
        model.name
        for model in model_table().models
        if model.provider == spec.provider and model.supports(request.mode)
    ]
    if request.mode is Mode.REDRAW:
        message = tr("Validation", "{model} cannot redraw from a source image with a weight.")
    elif request.mode is Mode.EDIT:
        message = tr("Validation", "{model} cannot edit images.")
    else:
        message = tr("Validation", "{model} cannot generate from text alone.")
    message = message.format(model=spec.name)
    if able:
        message += " " + tr("Validation", "Use {models}.").format(models=", ".join(able))
    return [FieldProblem("mode", message)]


def _prompt_problems(request: GenerationRequest, spec: ModelSpec) -> list[FieldProblem]:
    problems = []
    limit = spec.prompt_limit_for(request.mode)
    if not request.prompt.strip():
        problems.append(FieldProblem("prompt", tr("Validation", "Write a prompt first.")))
    elif len(request.prompt) > limit:
        problems.append(
            FieldProblem(
                "prompt",
                tr(
                    "Validation",
                    "The prompt has {count} characters; {model} takes at most {limit}. "
                    "Shorten it by {over}.",
                ).format(
                    count=len(request.prompt),
                    model=spec.name,
                    limit=limit,
                    over=len(request.prompt) - limit,
                ),
            )
        )
    if request.negative_prompt:
        if not spec.supports_negative_prompt:
            problems.append(
                FieldProblem(
                    "negative_prompt",
                    tr("Validation", "{model} takes no negative prompt.").format(model=spec.name),
                )
            )
        elif len(request.negative_prompt) > spec.negative_prompt_limit:
            problems.append(
                FieldProblem(
                    "negative_prompt",
                    tr(
                        "Validation",
                        "The negative prompt has {count} characters; at most {limit} are allowed.",
                    ).format(count=len(request.negative_prompt), limit=spec.negative_prompt_limit),
                )
            )
    return problems


def _number_problems(request: GenerationRequest, spec: ModelSpec) -> list[FieldProblem]:
    problems = []
    # Image Edit ignores `size` where a model lists none: its output has the input's size.
    size_problem = spec.size_problem(request.size)
    if not (request.mode is Mode.EDIT and not spec.sizes) and size_problem is not None:
        listed = ", ".join(spec.sizes)
        if spec.size_rule is None:
            message = tr(
                "Validation", "Size {size} is not offered by {model}. Choose one of: {sizes}."
            ).format(size=request.size, model=spec.name, sizes=listed)
        else:
            message = tr(
                "Validation",
                "Size {size} does not suit {model} ({reason}). Choose one of: {sizes}, "
                "or a width×height that fits.",
            ).format(size=request.size, model=spec.name, reason=size_problem, sizes=listed)
        problems.append(FieldProblem("size", message))
    steps = spec.steps_for(request.mode)
    if steps is not None and not steps.contains(request.steps):
        problems.append(
            FieldProblem(
                "steps",
                tr("Validation", "Steps must be between {low} and {high} for {model}.").format(
                    low=_number(steps.minimum), high=_number(steps.maximum), model=spec.name
                ),
            )
        )
    cfg = spec.cfg_scale
    if cfg is not None and not cfg.contains(request.cfg_scale):
        problems.append(
            FieldProblem(
                "cfg_scale",
                tr("Validation", "CFG scale must be between {low} and {high} for {model}.").format(
                    low=_number(cfg.minimum),
                    high=_number(cfg.maximum),
                    model=spec.name,
                ),
            )
        )
    seed_high = spec.seed.maximum if spec.seed is not None else MAX_SEED
    if not 0 <= request.seed <= seed_high:
        problems.append(
            FieldProblem(
                "seed",
                tr("Validation", "The seed must be between 0 (random) and {high}.").format(
                    high=seed_high
                ),
            )
        )
    for name, value in request.options:
        option = spec.option(name)
        if option is not None and value not in option.values:
            problems.append(
                FieldProblem(
                    name,
                    tr("Validation", "{model} takes {name} {values}, not “{value}”.").format(
                        model=spec.name, name=name, values=" / ".join(option.values), value=value
                    ),
                )
            )
    if not 1 <= request.n <= MAX_IMAGE_COUNT:
        problems.append(
            FieldProblem(
                "n",
                tr("Validation", "Ask for between 1 and {high} images.").format(
                    high=MAX_IMAGE_COUNT
                ),
            )
        )
    return problems


def _reference_problems(request: GenerationRequest, spec: ModelSpec) -> list[FieldProblem]:
    problems = []
    if request.mode in (Mode.REDRAW, Mode.EDIT):
        # An edit may draw from reference pictures alone (Seedream, gpt-image): the adapters
        # send the source, when there is one, before them.
        drawn_from_references = request.mode is Mode.EDIT and bool(request.references)
        if request.source is None and not drawn_from_references:
            message = (
                tr("Validation", "Drop or choose a source image to redraw.")
                if request.mode is Mode.REDRAW
                else tr("Validation", "Drop or choose the image to edit.")
            )
            problems.append(FieldProblem("source", message))
        elif request.source is not None:
            side = MAX_REDRAW_SOURCE_SIDE if request.mode is Mode.REDRAW else MAX_EDIT_SOURCE_SIDE
            problems += _image_limits("source", request.source, side)
        if (
            request.mode is Mode.REDRAW
            and spec.has_source_weight
            and not 0 < request.source_weight <= 1
        ):
            problems.append(
                FieldProblem(
                    "source_weight",
                    tr(
                        "Validation",
                        "The source weight must be above 0 and at most 1 "
                        "(smaller stays closer to the source; 1 ignores it).",
                    ),
                )
            )
    if request.style is not None:
        if not spec.supports_style_reference or request.mode is not Mode.TEXT_TO_IMAGE:
            problems.append(
                FieldProblem(
                    "style",
                    tr(
                        "Validation",
                        "{model} takes no style reference with a weight here; a style "
                        "reference works only on a model that has one, generating from text.",
                    ).format(model=spec.name),
                )
            )
        else:
            problems += _image_limits("style", request.style, None)
        if not 0 < request.style_weight <= 2:
            problems.append(
                FieldProblem(
                    "style_weight",
                    tr("Validation", "The style weight must be above 0 and at most 2."),
                )
            )
    if request.references:
        if len(request.references) > spec.max_references:
            message = (
                tr("Validation", "{model} takes no reference images.").format(model=spec.name)
                if spec.max_references == 0
                else tr(
                    "Validation", "{model} takes at most {count} reference images; remove {over}."
                ).format(
                    model=spec.name,
                    count=spec.max_references,
                    over=len(request.references) - spec.max_references,
                )
            )
            problems.append(FieldProblem("references", message))
        for reference in request.references:
            problems += _image_limits("references", reference, MAX_EDIT_SOURCE_SIDE)
    if request.mask is not None:
        if not spec.supports_mask or request.mode is not Mode.EDIT:
            problems.append(
                FieldProblem(
                    "mask",
                    tr(
                        "Validation", "{model} takes no mask; only an edit on a model with one."
                    ).format(model=spec.name),
                )
            )
        elif request.mask.mime != "image/png":
            problems.append(FieldProblem("mask", tr("Validation", "The mask must be a PNG.")))
    return problems


def _image_limits(field: str, image: ReferenceImage, max_side: int | None) -> list[FieldProblem]:
    problems = []
    if image.mime not in REFERENCE_MIME_TYPES:
        problems.append(
            FieldProblem(field, tr("Validation", "The image must be sent as PNG or JPEG."))
        )
    if len(image.data) > MAX_REFERENCE_BYTES:
        problems.append(
            FieldProblem(
                field,
                tr("Validation", "The image is {mb:.1f} MB; the API takes at most 10 MB.").format(
                    mb=len(image.data) / 1024 / 1024
                ),
            )
        )
    if max_side is not None and max(image.width, image.height) > max_side:
        problems.append(
            FieldProblem(
                field,
                tr(
                    "Validation",
                    "The image is {width}×{height}; at most {side}×{side} is allowed here.",
                ).format(width=image.width, height=image.height, side=max_side),
            )
        )
    return problems
