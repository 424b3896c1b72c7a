"""Image metadata as data: our JSON for every parameter, and A1111's `parameters` text.

Pure functions, no I/O and no Pillow. The library embeds `metadata_json()` in an `iTXt` chunk
and `a1111_parameters()` in a `parameters` chunk of every PNG it stores; reading them back gives
an `ImageMetadata` whose `request()` is the `GenerationRequest` that made the picture. Reference
images (source, style, the reference list and the mask) travel by hash only (their bytes live in
the library's store), so `request()` takes a resolver that turns a `ReferenceInfo` back into a
`ReferenceImage` where the bytes are at hand. Both texts carry the provider, the references and
the provider-specific options, so a picture made by any provider can be made again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.request import (
    GenerationRequest,
    Mode,
    ReferenceImage,
    ResponseFormat,
    parse_size,
)
from stepfun_studio.core.result import GenerationResult

# 2 added provider, references, mask, options and the cost; version 1 documents still read.
FORMAT_VERSION = 2
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
    """Everything our JSON carries: the request's fields and, for a result, the call's facts.

    `fields` holds the plain request fields (provider and options included); the reference
    images are the `ReferenceInfo`s beside it.
    """

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
    references: tuple[ReferenceInfo, ...] = ()
    mask: ReferenceInfo | None = None
    cost: float | None = None
    currency: str | None = None

    def request(self, resolve: Resolver | None = None) -> GenerationRequest:
        """The request, with reference slots filled where `resolve` finds the bytes.

        A reference whose bytes cannot be found is left out (the others keep their order).
        """

        def found(info: ReferenceInfo | None) -> ReferenceImage | None:
            return resolve(info) if resolve is not None and info is not None else None

        references = tuple(
            image for image in (found(info) for info in self.references) if image is not None
        )
        return GenerationRequest(
            **self.fields,
            source=found(self.source),
            style=found(self.style),
            references=references,
            mask=found(self.mask),
        )


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
        "provider": request.provider,
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
        "references": [_reference_dict(image) for image in request.references],
        "mask": _reference_dict(request.mask),
        "options": dict(request.options),
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
            "cost": result.cost,
            "currency": result.currency,
            "usage": dict(result.usage),
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


def _reference_infos(raw: Any) -> tuple[ReferenceInfo, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise MetadataError("references is not a list")
    return tuple(info for info in (_reference_info(item) for item in raw) if info is not None)


def _options(raw: Any) -> tuple[tuple[str, str], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise MetadataError("options is not an object")
    return tuple((str(name), str(value)) for name, value in raw.items())


def check_size(size: str) -> None:
    """ValueError unless `size` is `WxH` or a named size some model lists ("auto", "2K")."""
    try:
        parse_size(size)
    except ValueError:
        named = {s for model in model_table().models for s in model.sizes if "x" not in s}
        if size not in named:
            raise


def _fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The plain (non-reference) request fields, typed and checked; defaults where missing."""
    defaults = GenerationRequest()
    try:
        fields: dict[str, Any] = {
            "prompt": str(raw.get("prompt", defaults.prompt)),
            # Documents of format 1 predate providers: every picture then came from StepFun.
            "provider": str(raw.get("provider") or defaults.provider),
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
        check_size(fields["size"])
    except (TypeError, ValueError) as exc:
        raise MetadataError(f"bad request field: {exc}") from exc
    fields["options"] = _options(raw.get("options"))
    return fields


def parse_request_dict(raw: Mapping[str, Any]) -> ImageMetadata:
    """A `request_to_dict()` document (e.g. a stored job) back to metadata."""
    return ImageMetadata(
        fields=_fields(raw),
        source=_reference_info(raw.get("source")),
        style=_reference_info(raw.get("style")),
        references=_reference_infos(raw.get("references")),
        mask=_reference_info(raw.get("mask")),
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
    return replace(
        base,
        returned_seed=_optional(result, "seed", int),
        finish_reason=_optional(result, "finish_reason", str),
        trace_id=_optional(result, "trace_id", str),
        elapsed_s=_optional(result, "elapsed_s", float),
        created=_optional(result, "created", int),
        width=_optional(result, "width", int),
        height=_optional(result, "height", int),
        stored_at=_optional(raw, "stored_at", float),
        cost=_optional(result, "cost", float),
        currency=_optional(result, "currency", str),
    )


# -- A1111's `parameters` text ------------------------------------------------------------------


def _one_line(text: str) -> str:
    # A1111's format is line based: a newline inside a value would start a new "field".
    return " ".join(text.split())


def _quoted(text: str) -> str:
    # As A1111 does: a value with a comma, colon or quote becomes a JSON string.
    if any(mark in text for mark in ',:"\n'):
        return json.dumps(text, ensure_ascii=False)
    return text


def _reference_text(image: ReferenceImage) -> str:
    return _quoted(f"{image.sha256} {image.width}x{image.height} {image.mime} {image.name}".strip())


def a1111_parameters(request: GenerationRequest, returned_seed: int | None = None) -> str:
    """A1111-style text, so other tools (and image viewers) show prompt and settings.

    The seed is the one the server used when known: that is the seed that remakes the picture.
    Past A1111's own keys come ours (provider, mode, references, options), so the text alone
    gives the request back where our JSON is gone; fields at their defaults are left out.
    """
    defaults = GenerationRequest()
    lines = [request.prompt]
    if request.negative_prompt:
        lines.append(f"Negative prompt: {_one_line(request.negative_prompt)}")
    seed = returned_seed if returned_seed is not None else request.seed
    settings = [
        f"Steps: {request.steps}",
        f"CFG scale: {request.cfg_scale:g}",
        f"Seed: {seed}",
        f"Size: {request.size}",
        f"Model: {_quoted(request.model)}",
        f"Provider: {request.provider}",
    ]
    if request.mode is not defaults.mode:
        settings.append(f"Mode: {request.mode.value}")
    if request.source is not None or request.source_weight != defaults.source_weight:
        settings.append(f"Denoising strength: {request.source_weight:g}")
    if request.style is not None or request.style_weight != defaults.style_weight:
        settings.append(f"Style strength: {request.style_weight:g}")
    if request.text_mode:
        settings.append("Text mode: true")
    if request.response_format is not defaults.response_format:
        settings.append(f"Response format: {request.response_format.value}")
    if request.options:
        options = ", ".join(f"{name}={value}" for name, value in request.options)
        settings.append(f"Options: {_quoted(options)}")
    for label, image in (("Source", request.source), ("Style", request.style)):
        if image is not None:
            settings.append(f"{label}: {_reference_text(image)}")
    for number, image in enumerate(request.references, start=1):
        settings.append(f"Reference {number}: {_reference_text(image)}")
    if request.mask is not None:
        settings.append(f"Mask: {_reference_text(request.mask)}")
    lines.append(", ".join(settings))
    return "\n".join(lines)


_SETTING = re.compile(r'\s*([A-Za-z][A-Za-z0-9 _-]*):\s*("(?:[^"\\]|\\.)*"|[^,]*)(?:,|$)')


def _unquoted(value: str) -> str:
    value = value.strip()
    if value.startswith('"'):
        try:
            return str(json.loads(value))
        except ValueError:
            return value.strip('"')
    return value


def _settings(line: str) -> dict[str, str] | None:
    """ "Steps: 20, Sampler: Euler a, ..." -> {"steps": "20", ...}; None if not such a line."""
    found: dict[str, str] = {}
    position = 0
    while position < len(line):
        match = _SETTING.match(line, position)
        if match is None or match.end() == position:
            return None
        found[match.group(1).strip().lower()] = _unquoted(match.group(2))
        position = match.end()
    return found if "steps" in found or "seed" in found else None


def _parse_reference(text: str | None) -> ReferenceInfo | None:
    """ "sha 32x32 image/png name" -> ReferenceInfo; None when it is not one of ours."""
    if not text:
        return None
    parts = text.split(" ", 3)
    if len(parts) < 3 or not re.fullmatch(r"[0-9a-f]{64}", parts[0]):
        return None
    try:
        width, height = parse_size(parts[1])
    except ValueError:
        return None
    return ReferenceInfo(parts[0], parts[2], width, height, parts[3] if len(parts) > 3 else "")


def _normal_size(size: str) -> str:
    """ "1024X768" -> "1024x768"; a named size as it is; ValueError for anything else."""
    try:
        width, height = parse_size(size)
    except ValueError:
        check_size(size)
        return size
    return f"{width}x{height}"


def _settings_fields(settings: dict[str, str], known_models: tuple[str, ...]) -> dict[str, Any]:
    """The request fields a settings line gives; ValueError when a known key is garbled."""
    fields: dict[str, Any] = {}
    if "steps" in settings:
        fields["steps"] = int(settings["steps"])
    if "cfg scale" in settings:
        fields["cfg_scale"] = float(settings["cfg scale"])
    if "seed" in settings:
        fields["seed"] = max(0, int(settings["seed"]))
    if "size" in settings:
        fields["size"] = _normal_size(settings["size"])
    # "Provider" is ours, not A1111's: with it, the model name is ours too, even one the table
    # does not list (a model on the user's own server).
    provider = settings.get("provider", "")
    if settings.get("model") in known_models or (provider and settings.get("model")):
        fields["model"] = settings["model"]
    if provider:
        fields["provider"] = provider
    if "mode" in settings:
        fields["mode"] = Mode(settings["mode"])
    if "denoising strength" in settings:
        fields["source_weight"] = float(settings["denoising strength"])
    if "style strength" in settings:
        fields["style_weight"] = float(settings["style strength"])
    if "text mode" in settings:
        fields["text_mode"] = settings["text mode"].lower() == "true"
    if "response format" in settings:
        fields["response_format"] = ResponseFormat(settings["response format"])
    if settings.get("options"):
        pairs = [item.split("=", 1) for item in settings["options"].split(",")]
        fields["options"] = tuple((k.strip(), v.strip()) for k, v in pairs if k.strip())
    return fields


def parse_a1111_metadata(
    text: str,
    known_models: tuple[str, ...] = (),
    model_providers: Mapping[str, str] | None = None,
) -> ImageMetadata | None:
    """A1111's `parameters` text as metadata (references by hash); None if it is not such text.

    Values we cannot use (a sampler, a model we do not know) are left at our defaults, so the
    result is something the user can edit and send, not a faithful copy of another tool. Where
    the text names no provider, the model's provider (`model_providers`) is taken.
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
    settings = settings or {}
    try:
        fields.update(_settings_fields(settings, known_models))
    except (ValueError, TypeError):
        return None
    if not fields["prompt"] and not settings:
        return None
    if "provider" not in fields and model_providers and fields.get("model") in model_providers:
        fields["provider"] = model_providers[fields["model"]]
    references = []
    number = 1
    while f"reference {number}" in settings:
        info = _parse_reference(settings[f"reference {number}"])
        if info is not None:
            references.append(info)
        number += 1
    full = replace(GenerationRequest(), **fields)
    plain = {key: value for key, value in vars(full).items() if key in _PLAIN_FIELDS}
    return ImageMetadata(
        fields=plain,
        source=_parse_reference(settings.get("source")),
        style=_parse_reference(settings.get("style")),
        references=tuple(references),
        mask=_parse_reference(settings.get("mask")),
    )


_PLAIN_FIELDS = frozenset(
    (
        "prompt",
        "provider",
        "model",
        "mode",
        "size",
        "steps",
        "cfg_scale",
        "seed",
        "n",
        "response_format",
        "negative_prompt",
        "text_mode",
        "source_weight",
        "style_weight",
        "options",
    )
)


def parse_a1111(
    text: str,
    known_models: tuple[str, ...] = (),
    model_providers: Mapping[str, str] | None = None,
) -> GenerationRequest | None:
    """A1111's `parameters` text as a request (reference slots empty); None if it is not one."""
    meta = parse_a1111_metadata(text, known_models, model_providers)
    return None if meta is None else meta.request()
