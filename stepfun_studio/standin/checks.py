"""The stand-in's request checks, in the server's order: model, required fields, then ranges.

Ranges come from the same model table the app validates with (`core/models.json`), and every
refusal is StepFun's error envelope; the size message is the one recorded from the real server,
word for word, so the app's handling of it can be tested.
"""

from __future__ import annotations

import base64
import binascii
import io
from dataclasses import dataclass
from typing import Any

from PIL import Image

from stepfun_studio.core.model_table import ModelSpec, model_table
from stepfun_studio.core.request import MAX_SEED, Mode

MAX_REFERENCE_BYTES = 10 * 1024 * 1024
MAX_REDRAW_SIDE = 2048
MAX_EDIT_SIDE = 4096
# Reference images are decoded by the stand-in; refuse absurd ones before Pillow allocates them.
MAX_DECODE_PIXELS = 4096 * 4096


class RefusalError(Exception):
    """A request the server turns down: HTTP status plus the envelope's message and type."""

    def __init__(self, status: int, message: str, error_type: str = "input_invalid") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.error_type = error_type


@dataclass(frozen=True)
class Upload:
    filename: str
    content_type: str
    data: bytes


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
        400, f"Request param: {param} is invalid, recommended val is: {recommended}"
    )


def _number(body: dict[str, Any], name: str, default: float, *, integer: bool) -> float:
    value = body.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        raise invalid(name, "must be a number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise invalid(name, "must be a number") from None
    if integer and number != int(number):
        raise invalid(name, "must be an integer")
    return number


def _decode_image(data: bytes, name: str, max_side: int) -> Image.Image:
    if len(data) > MAX_REFERENCE_BYTES and name != "image":
        raise invalid(name, "image must be at most 10MB")
    try:
        picture = Image.open(io.BytesIO(data))
        if picture.width * picture.height > MAX_DECODE_PIXELS or max(picture.size) > max_side:
            raise invalid(name, f"image must be at most {max_side}x{max_side}")
        if name != "image" and picture.format not in ("PNG", "JPEG"):
            raise invalid(name, "image must be png or jpeg")
        picture.load()
    except RefusalError:
        raise
    except Exception:
        raise invalid(name, "must be a valid png or jpeg image") from None
    return picture


def _image_from_url(value: object, name: str, max_side: int) -> Image.Image | None:
    """A data URI is decoded; an http(s) URL is accepted, not fetched (the stand-in is offline)."""
    if not isinstance(value, str) or not value:
        raise invalid(name, "must be a data:image/png;base64 URI or an http(s) URL")
    if value.startswith(("http://", "https://")):
        return None
    header, _, payload = value.partition(",")
    if not header.startswith(("data:image/png;base64", "data:image/jpeg;base64")):
        raise invalid(name, "must be a data:image/png;base64 or data:image/jpeg;base64 URI")
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise invalid(name, "must be valid base64") from None
    return _decode_image(data, name, max_side)


def _model(body: dict[str, Any], mode: Mode) -> ModelSpec:
    table = model_table()
    spec = table.get(str(body.get("model") or ""))
    names = ",".join(m.name for m in table.models if m.supports(mode))
    if spec is None or not spec.supports(mode):
        raise invalid("model", f"must be {names}")
    return spec


def check(mode: Mode, body: dict[str, Any], files: dict[str, Upload]) -> Job:
    """The checked job for `body` (JSON, or the form fields of a multipart upload)."""
    spec = _model(body, mode)

    prompt = body.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise RefusalError(400, "Request param: prompt is required")
    if mode is Mode.REDRAW and not body.get("source_url"):
        raise RefusalError(400, "Request param: source_url is required")
    if mode is Mode.REDRAW and body.get("source_weight") in (None, ""):
        raise RefusalError(400, "Request param: source_weight is required")
    if mode is Mode.EDIT and "image" not in files:
        raise RefusalError(400, "Request param: image is required")

    limit = spec.prompt_limit_for(mode)
    if len(prompt) > limit:
        raise invalid("prompt", f"must be at most {limit} characters")
    size = str(body.get("size") or "1024x1024")
    if mode is not Mode.EDIT and size not in spec.sizes:
        raise invalid("size", "must be " + ",".join(spec.sizes))
    if int(_number(body, "n", 1, integer=True)) != 1:
        raise invalid("n", "must be 1")
    steps_range = spec.steps_for(mode)
    steps = _number(body, "steps", steps_range.default or steps_range.maximum, integer=True)
    if not steps_range.contains(steps):
        raise invalid(
            "steps", f"must be between {steps_range.minimum:g} and {steps_range.maximum:g}"
        )
    cfg_range = spec.cfg_scale
    cfg = _number(body, "cfg_scale", cfg_range.default or cfg_range.minimum, integer=False)
    if not cfg_range.contains(cfg):
        raise invalid(
            "cfg_scale", f"must be between {cfg_range.minimum:g} and {cfg_range.maximum:g}"
        )
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
        job.source = _decode_image(files["image"].data, "image", MAX_EDIT_SIDE)
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
