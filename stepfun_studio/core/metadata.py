"""Image metadata as data: our JSON for every parameter, and A1111's `parameters` text.

Pure functions, no I/O and no Pillow. The library embeds `metadata_json()` in an `iTXt` chunk
and `a1111_parameters()` in a `parameters` chunk of every PNG it stores; reading them back gives
an `ImageMetadata` whose `request()` is the `GenerationRequest` that made the picture. Reference
images travel by hash only (their bytes live in the library's store), so `request()` takes a
resolver that turns a `ReferenceInfo` back into a `ReferenceImage` where the bytes are at hand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from stepfun_studio.core.request import (
    GenerationRequest,
    Mode,
    ReferenceImage,
    ResponseFormat,
    parse_size,
)
from stepfun_studio.core.result import GenerationResult

FORMAT_VERSION = 1
GENERATOR = "StepFun Studio"
# The PNG text keyword our JSON is stored under; A1111's is "parameters".
JSON_KEYWORD = "stepfun-studio"
A1111_KEYWORD = "parameters"


class MetadataError(ValueError):
    """Metadata that is not ours, or ours but damaged: the caller treats the image as plain."""


@dataclass(frozen=True)
class ReferenceInfo:
    """A reference image by hash, as stored in metadata and in the database."""

    sha256: str
    mime: str
    width: int
    height: int
    name: str = ""

    @classmethod
    def of(cls, image: ReferenceImage) -> ReferenceInfo:
        return cls(image.sha256, image.mime, image.width, image.height, image.name)


Resolver = Callable[[ReferenceInfo], ReferenceImage | None]


@dataclass(frozen=True)
class ImageMetadata:
    """Everything our JSON carries: the request's fields and, for a result, the call's facts."""

    fields: Mapping[str, Any]
    source: ReferenceInfo | None
    style: ReferenceInfo | None
    returned_seed: int | None = None
    finish_reason: str | None = None
    trace_id: str | None = None
    elapsed_s: float | None = None
    created: int | None = None
    width: int | None = None
    height: int | None = None
    stored_at: float | None = None

    def request(self, resolve: Resolver | None = None) -> GenerationRequest:
        """The request, with reference slots filled where `resolve` finds the bytes."""
        source = resolve(self.source) if resolve and self.source else None
        style = resolve(self.style) if resolve and self.style else None
        return GenerationRequest(**self.fields, source=source, style=style)


def _reference_dict(image: ReferenceImage | None) -> dict[str, Any] | None:
    if image is None:
        return None
    return {
        "sha256": image.sha256,
        "mime": image.mime,
        "width": image.width,
        "height": image.height,
        "name": image.name,
    }


def request_to_dict(request: GenerationRequest) -> dict[str, Any]:
    """Every field of `request` as JSON-ready data; references by hash only."""
    return {
        "prompt": request.prompt,
        "model": request.model,
        "mode": request.mode.value,
        "size": request.size,
        "steps": request.steps,
        "cfg_scale": request.cfg_scale,
        "seed": request.seed,
        "n": request.n,
        "response_format": request.response_format.value,
        "negative_prompt": request.negative_prompt,
        "text_mode": request.text_mode,
        "source": _reference_dict(request.source),
        "source_weight": request.source_weight,
        "style": _reference_dict(request.style),
        "style_weight": request.style_weight,
    }


def result_to_dict(result: GenerationResult, stored_at: float | None = None) -> dict[str, Any]:
    """Our whole metadata document for one finished image; `stored_at` is when it was saved."""
    return {
        "generator": GENERATOR,
        "format": FORMAT_VERSION,
        "stored_at": stored_at,
        "request": request_to_dict(result.request),
        "result": {
            "seed": result.seed,
            "finish_reason": result.finish_reason,
            "trace_id": result.trace_id,
            "elapsed_s": result.elapsed_s,
            "created": result.created,
            "width": result.width,
            "height": result.height,
        },
    }


def metadata_json(result: GenerationResult, stored_at: float | None = None) -> str:
    return json.dumps(result_to_dict(result, stored_at), ensure_ascii=False, separators=(",", ":"))


def _reference_info(raw: Any) -> ReferenceInfo | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise MetadataError("reference is not an object")
    try:
        return ReferenceInfo(
            sha256=str(raw["sha256"]),
            mime=str(raw["mime"]),
            width=int(raw["width"]),
            height=int(raw["height"]),
            name=str(raw.get("name", "")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise MetadataError(f"bad reference: {exc}") from exc


def _fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The plain (non-reference) request fields, typed and checked; defaults where missing."""
    defaults = GenerationRequest()
    try:
        fields: dict[str, Any] = {
            "prompt": str(raw.get("prompt", defaults.prompt)),
            "model": str(raw.get("model", defaults.model)),
            "mode": Mode(raw.get("mode", defaults.mode.value)),
            "size": str(raw.get("size", defaults.size)),
            "steps": int(raw.get("steps", defaults.steps)),
            "cfg_scale": float(raw.get("cfg_scale", defaults.cfg_scale)),
            "seed": int(raw.get("seed", defaults.seed)),
            "n": int(raw.get("n", defaults.n)),
            "response_format": ResponseFormat(
                raw.get("response_format", defaults.response_format.value)
            ),
            "negative_prompt": str(raw.get("negative_prompt", defaults.negative_prompt)),
            "text_mode": bool(raw.get("text_mode", defaults.text_mode)),
            "source_weight": float(raw.get("source_weight", defaults.source_weight)),
            "style_weight": float(raw.get("style_weight", defaults.style_weight)),
        }
        parse_size(fields["size"])
    except (TypeError, ValueError) as exc:
        raise MetadataError(f"bad request field: {exc}") from exc
    return fields


def parse_request_dict(raw: Mapping[str, Any]) -> ImageMetadata:
    """A `request_to_dict()` document (e.g. a stored job) back to metadata."""
    return ImageMetadata(
        fields=_fields(raw),
        source=_reference_info(raw.get("source")),
        style=_reference_info(raw.get("style")),
    )


def _optional(raw: Mapping[str, Any], key: str, kind: Callable[[Any], Any]) -> Any:
    value = raw.get(key)
    if value is None:
        return None
    try:
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise MetadataError(f"bad result field {key}: {exc}") from exc


def parse_metadata_json(text: str) -> ImageMetadata:
    """Our JSON document back to `ImageMetadata`; MetadataError when it is not ours or damaged."""
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise MetadataError(f"not JSON: {exc}") from exc
    if not isinstance(raw, dict) or raw.get("generator") != GENERATOR:
        raise MetadataError("not StepFun Studio metadata")
    if not isinstance(raw.get("format"), int) or raw["format"] > FORMAT_VERSION:
        raise MetadataError("metadata from a newer version of StepFun Studio")
    request = raw.get("request")
    result = raw.get("result") or {}
    if not isinstance(request, dict) or not isinstance(result, dict):
        raise MetadataError("request or result is not an object")
    base = parse_request_dict(request)
    return ImageMetadata(
        fields=base.fields,
        source=base.source,
        style=base.style,
        returned_seed=_optional(result, "seed", int),
        finish_reason=_optional(result, "finish_reason", str),
        trace_id=_optional(result, "trace_id", str),
        elapsed_s=_optional(result, "elapsed_s", float),
        created=_optional(result, "created", int),
        width=_optional(result, "width", int),
        height=_optional(result, "height", int),
        stored_at=_optional(raw, "stored_at", float),
    )


def _one_line(text: str) -> str:
    # A1111's format is line based: a newline inside a value would start a new "field".
    return " ".join(text.split())


def a1111_parameters(request: GenerationRequest, returned_seed: int | None = None) -> str:
    """A1111-style text, so other tools (and image viewers) show prompt and settings.

    The seed is the one the server used when known: that is the seed that remakes the picture.
    """
    lines = [request.prompt]
    if request.negative_prompt:
        lines.append(f"Negative prompt: {_one_line(request.negative_prompt)}")
    seed = returned_seed if returned_seed is not None else request.seed
    settings = [
        f"Steps: {request.steps}",
        "Sampler: StepFun",
        f"CFG scale: {request.cfg_scale:g}",
        f"Seed: {seed}",
        f"Size: {request.size}",
        f"Model: {request.model}",
    ]
    if request.source is not None:
        settings.append(f"Denoising strength: {request.source_weight:g}")
    lines.append(", ".join(settings))
    return "\n".join(lines)


_SETTING = re.compile(r'\s*([A-Za-z][A-Za-z0-9 _-]*):\s*("(?:[^"\\]|\\.)*"|[^,]*)(?:,|$)')


def _settings(line: str) -> dict[str, str] | None:
    """ "Steps: 20, Sampler: Euler a, ..." -> {"steps": "20", ...}; None if not such a line."""
    found: dict[str, str] = {}
    position = 0
    while position < len(line):
        match = _SETTING.match(line, position)
        if match is None or match.end() == position:
            return None
        found[match.group(1).strip().lower()] = match.group(2).strip().strip('"')
        position = match.end()
    return found if "steps" in found or "seed" in found else None


def parse_a1111(text: str, known_models: tuple[str, ...] = ()) -> GenerationRequest | None:
    """A1111's `parameters` text as a request; None when the text does not look like one.

    Values we cannot use (a sampler, a model we do not know) are left at our defaults, so the
    result is something the user can edit and send, not a faithful copy of another tool.
    """
    lines = text.strip().splitlines()
    if not lines:
        return None
    settings = _settings(lines[-1])
    body = lines[:-1] if settings is not None else lines
    prompt_lines: list[str] = []
    negative_lines: list[str] = []
    target = prompt_lines
    for line in body:
        if line.startswith("Negative prompt:"):
            target = negative_lines
            target.append(line.removeprefix("Negative prompt:").strip())
        else:
            target.append(line)
    fields: dict[str, Any] = {
        "prompt": "\n".join(prompt_lines).strip(),
        "negative_prompt": "\n".join(negative_lines).strip(),
    }
    try:
        if settings is not None:
            if "steps" in settings:
                fields["steps"] = int(settings["steps"])
            if "cfg scale" in settings:
                fields["cfg_scale"] = float(settings["cfg scale"])
            if "seed" in settings:
                fields["seed"] = max(0, int(settings["seed"]))
            if "size" in settings:
                parse_size(settings["size"])
                fields["size"] = settings["size"].lower()
            if settings.get("model") in known_models:
                fields["model"] = settings["model"]
    except ValueError:
        return None
    if not fields["prompt"] and settings is None:
        return None
    return GenerationRequest(**fields)
