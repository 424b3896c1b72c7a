"""StepFun's request checks, in the server's order: model, required fields, then ranges.

Ranges come from the same model table the app validates with (`core/models.json`), and every
refusal is StepFun's error envelope; the size message is the one recorded from the real server,
word for word, so the app's handling of it can be tested.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PIL import Image

from stepfun_studio.core.model_table import ModelSpec, NumberRange
from stepfun_studio.core.request import MAX_SEED, Mode
from stepfun_studio.standin.inputs import Upload, decode_picture, picture_from_uri
from stepfun_studio.standin.inputs import number as read_number
from stepfun_studio.standin.refusal import BadInputError, RefusalError

MAX_REFERENCE_BYTES = 10 * 1024 * 1024
MAX_REDRAW_SIDE = 2048
MAX_EDIT_SIDE = 4096
PNG_OR_JPEG = frozenset({"PNG", "JPEG"})


@dataclass
class Job:
    """One checked request, ready to paint."""

    mode: Mode
    model: str
    prompt: str
    width: int
    height: int
    steps: int
    cfg_scale: float
    seed: int
    response_format: str
    source: Image.Image | None = None
    source_weight: float = 1.0
    style: Image.Image | None = None
    style_weight: float = 0.0
    negative_prompt: str = ""
    text_mode: bool = False


def invalid(param: str, recommended: str) -> RefusalError:
    return RefusalError(
        400,
        f"Request param: {param} is invalid, recommended val is: {recommended}",
        error_type="input_invalid",
    )


def required(param: str) -> RefusalError:
    return RefusalError(400, f"Request param: {param} is required", error_type="input_invalid")


def _number(body: dict[str, Any], name: str, default: float, *, integer: bool) -> float:
    value = body.get(name)
    if value is None or value == "":
        return default
    try:
        return read_number(value, name, integer=integer)
    except BadInputError as bad:
        raise invalid(name, bad.reason) from None


def _ranged(
    body: dict[str, Any], name: str, allowed: NumberRange | None, *, integer: bool, fallback: str
) -> float:
    """The value of a ranged field (`fallback` "minimum" or "maximum" where the table gives no
    default); a model without the field refuses it being sent."""
    if allowed is None:
        if body.get(name) not in (None, ""):
            raise invalid(name, "this model does not take it")
        return 0.0
    default = allowed.default
    if default is None:
        default = allowed.maximum if fallback == "maximum" else allowed.minimum
    value = _number(body, name, default, integer=integer)
    if not allowed.contains(value):
        raise invalid(name, f"must be between {allowed.minimum:g} and {allowed.maximum:g}")
    return value


def _decode_image(data: bytes, name: str, max_side: int) -> Image.Image:
    # Image Edit's upload takes any picture Pillow reads, of any size in bytes.
    edit_upload = name == "image"
    try:
        return decode_picture(
            data,
            name,
            formats=None if edit_upload else PNG_OR_JPEG,
            max_bytes=None if edit_upload else MAX_REFERENCE_BYTES,
            max_side=max_side,
        )
    except BadInputError as bad:
        raise invalid(name, bad.reason) from None


def _image_from_url(value: object, name: str, max_side: int) -> Image.Image | None:
    """A data URI is decoded; an http(s) URL is accepted, not fetched (the stand-in is offline)."""
    try:
        return picture_from_uri(
            value, name, formats=PNG_OR_JPEG, max_bytes=MAX_REFERENCE_BYTES, max_side=max_side
        )
    except BadInputError as bad:
        raise invalid(name, bad.reason) from None


def _model(body: dict[str, Any], mode: Mode, models: tuple[ModelSpec, ...]) -> ModelSpec:
    name = str(body.get("model") or "")
    spec = next((model for model in models if model.name == name), None)
    names = ",".join(m.name for m in models if m.supports(mode))
    if spec is None or not spec.supports(mode):
        raise invalid("model", f"must be {names}")
    return spec


def check(
    mode: Mode, body: dict[str, Any], files: dict[str, list[Upload]], models: tuple[ModelSpec, ...]
) -> Job:
    """The checked job for `body` (JSON, or the form fields of a multipart upload).

    `models` are StepFun's models in the table: another provider's model is not StepFun's.
    """
    spec = _model(body, mode, models)

    prompt = body.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise required("prompt")
    if mode is Mode.REDRAW and not body.get("source_url"):
        raise required("source_url")
    if mode is Mode.REDRAW and body.get("source_weight") in (None, ""):
        raise required("source_weight")
    if mode is Mode.EDIT and "image" not in files:
        raise required("image")

    limit = spec.prompt_limit_for(mode)
    if len(prompt) > limit:
        raise invalid("prompt", f"must be at most {limit} characters")
    size = str(body.get("size") or "1024x1024")
    if mode is not Mode.EDIT and size not in spec.sizes:
        raise invalid("size", "must be " + ",".join(spec.sizes))
    if int(_number(body, "n", 1, integer=True)) != 1:
        raise invalid("n", "must be 1")
    steps = _ranged(body, "steps", spec.steps_for(mode), integer=True, fallback="maximum")
    cfg = _ranged(body, "cfg_scale", spec.cfg_scale, integer=False, fallback="minimum")
    seed = _number(body, "seed", 0, integer=True)
    if not 0 <= seed <= MAX_SEED:
        raise invalid("seed", f"must be between 0 and {MAX_SEED}")
    response_format = str(body.get("response_format") or "url")
    if response_format not in ("url", "b64_json"):
        raise invalid("response_format", "must be url,b64_json")

    width, height = (int(part) for part in size.split("x"))
    job = Job(mode, spec.name, prompt, width, height, int(steps), cfg, int(seed), response_format)
    if mode is Mode.REDRAW:
        job.source_weight = _number(body, "source_weight", 1.0, integer=False)
        if not 0 < job.source_weight <= 1:
            raise invalid("source_weight", "must be in (0, 1]")
        job.source = _image_from_url(body.get("source_url"), "source_url", MAX_REDRAW_SIDE)
    if mode is Mode.EDIT:
        job.source = _decode_image(files["image"][0].data, "image", MAX_EDIT_SIDE)
        job.width, job.height = job.source.size
        job.negative_prompt = str(body.get("negative_prompt") or "")
        if len(job.negative_prompt) > spec.negative_prompt_limit:
            raise invalid(
                "negative_prompt", f"must be at most {spec.negative_prompt_limit} characters"
            )
        job.text_mode = str(body.get("text_mode", "false")).lower() in ("true", "1")
    style = body.get("style_reference")
    if style is not None:
        if mode is not Mode.TEXT_TO_IMAGE or not spec.supports_style_reference:
            raise invalid("style_reference", "only step-1x-medium generations support it")
        if not isinstance(style, dict):
            raise invalid("style_reference", "must be an object with source_url and weight")
        job.style_weight = _number(style, "weight", 1.0, integer=False)
        if not 0 < job.style_weight <= 2:
            raise invalid("style_reference.weight", "must be in (0, 2]")
        job.style = _image_from_url(style.get("source_url"), "style_reference.source_url", 8192)
    return job
