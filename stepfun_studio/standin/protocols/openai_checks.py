"""The OpenAI Images checks: every field against the model table, refused in OpenAI's words.

gpt-image takes `prompt`, `n`, `size`, the model's options (quality, background, output_format,
input_fidelity on edits) and a few plain fields; it refuses seed, steps, guidance, negative
prompt and `response_format` (providers.md). An OpenAI-compatible server (vLLM-Omni, SGLang,
sd.cpp) also takes `seed`, `num_inference_steps`, `guidance_scale`, `negative_prompt`,
`strength` and `response_format: b64_json`: here that is whatever the model spec says it takes,
so the same checks serve both. Messages follow OpenAI's own ("Unknown parameter: 'seed'.",
"Invalid 'n': integer above maximum value. …", "Invalid value: '2000x2000'. Supported values
are: …").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from stepfun_studio.core.model_table import ModelSpec, NumberRange
from stepfun_studio.core.request import Mode, parse_size
from stepfun_studio.standin.inputs import Upload, decode_picture
from stepfun_studio.standin.refusal import BadInputError, RefusalError

# Fields gpt-image knows on both endpoints besides the model's options.
PLAIN_FIELDS = frozenset(
    {"model", "prompt", "n", "size", "output_compression", "moderation", "user", "stream"}
    | {"partial_images"}
)
OPTION_FIELDS = frozenset({"quality", "background", "output_format", "input_fidelity"})
INPUT_FORMATS = frozenset({"PNG", "JPEG", "WEBP"})
MAX_INPUT_BYTES = 50 * 1024 * 1024
MAX_MASK_BYTES = 4 * 1024 * 1024


@dataclass
class ImageOrder:
    """One checked OpenAI Images request, ready to paint."""

    spec: ModelSpec
    edit: bool
    prompt: str
    n: int
    size: str
    width: int
    height: int
    options: dict[str, str]
    images: list[Image.Image] = field(default_factory=list)
    mask: Image.Image | None = None
    seed: int | None = None
    steps: int | None = None
    guidance: float | None = None
    negative_prompt: str = ""
    strength: float | None = None


def refusal(message: str, param: str | None, code: str | None) -> RefusalError:
    return RefusalError(400, message, param=param, code=code, error_type="invalid_request_error")


def _quoted(values: tuple[str, ...] | list[str]) -> str:
    quoted = [f"'{value}'" for value in values]
    return ", ".join(quoted[:-1]) + f", and {quoted[-1]}" if len(quoted) > 1 else quoted[0]


def invalid_value(
    value: object, param: str, supported: tuple[str, ...] | list[str]
) -> RefusalError:
    return refusal(
        f"Invalid value: '{value}'. Supported values are: {_quoted(supported)}.",
        param,
        "invalid_value",
    )


class OpenAIChecks:
    """Checks one request for `spec`; `form` when the fields came as multipart text."""

    def __init__(self, spec: ModelSpec, body: dict[str, Any], *, form: bool, mode: Mode) -> None:
        self.spec = spec
        self.body = body
        self.form = form
        self.mode = mode

    # -- readers ------------------------------------------------------------------------------

    def _number(self, name: str, *, integer: bool) -> float | None:
        value = self.body.get(name)
        if value is None or (self.form and value == ""):
            return None
        kind = "an integer" if integer else "a number"
        wrong_type = refusal(
            f"Invalid type for '{name}': expected {kind}, but got {type(value).__name__} instead.",
            name,
            "invalid_type",
        )
        if isinstance(value, bool) or (isinstance(value, str) and not self.form):
            raise wrong_type
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise wrong_type from None
        if integer and number != int(number):
            raise wrong_type
        return number

    def _ranged(self, name: str, allowed: NumberRange, *, integer: bool) -> float | None:
        number = self._number(name, integer=integer)
        if number is None:
            return None
        kind = "integer" if integer else "decimal"
        shown = f"{number:g}"
        if number < allowed.minimum:
            raise refusal(
                f"Invalid '{name}': {kind} below minimum value. Expected a value >= "
                f"{allowed.minimum:g}, but got {shown} instead.",
                name,
                f"{kind}_below_min_value",
            )
        if number > allowed.maximum:
            raise refusal(
                f"Invalid '{name}': {kind} above maximum value. Expected a value <= "
                f"{allowed.maximum:g}, but got {shown} instead.",
                name,
                f"{kind}_above_max_value",
            )
        return number

    def _text(self, name: str, limit: int) -> str | None:
        value = self.body.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise refusal(
                f"Invalid type for '{name}': expected a string, but got "
                f"{type(value).__name__} instead.",
                name,
                "invalid_type",
            )
        if len(value) > limit:
            raise refusal(
                f"Invalid '{name}': string too long. Expected a string with maximum length "
                f"{limit}, but got a string with length {len(value)} instead.",
                name,
                "string_above_max_length",
            )
        return value

    def _choice(self, name: str, supported: tuple[str, ...]) -> str | None:
        value = self.body.get(name)
        if value is None:
            return None
        if value not in supported:
            raise invalid_value(value, name, supported)
        return str(value)

    # -- the checks, in order -----------------------------------------------------------------

    def known_fields(self, takes_response_format: bool) -> None:
        """Refuses a field the model does not take; OpenAI answers the first it meets."""
        spec = self.spec
        takes = {
            "seed": spec.seed is not None,
            "num_inference_steps": spec.steps_for(self.mode) is not None,
            "guidance_scale": spec.cfg_scale is not None,
            "negative_prompt": spec.supports_negative_prompt,
            "strength": spec.has_source_weight and self.mode is Mode.EDIT,
            "response_format": takes_response_format,
        }
        options = {option.name for option in spec.options_for(self.mode)}
        for name in self.body:
            if name in PLAIN_FIELDS or name in options or takes.get(name, False):
                continue
            if name in OPTION_FIELDS:
                # OpenAI knows the field, but not for this model or endpoint.
                raise refusal(
                    f"Unsupported parameter: '{name}' is not supported with this model.",
                    name,
                    "unsupported_parameter",
                )
            raise refusal(f"Unknown parameter: '{name}'.", name, "unknown_parameter")

    def prompt(self) -> str:
        prompt = self._text("prompt", self.spec.prompt_limit)
        if not prompt:
            raise refusal(
                "Missing required parameter: 'prompt'.", "prompt", "missing_required_parameter"
            )
        return prompt

    def n(self) -> int:
        allowed = NumberRange(1, self.spec.n_per_request, 1)
        return int(self._ranged("n", allowed, integer=True) or 1)

    def size(self, default: str) -> str:
        size = self.body.get("size") or default
        if not isinstance(size, str):
            raise invalid_value(size, "size", list(self.spec.sizes))
        problem = self.spec.size_problem(size)
        if problem is not None:
            listed = _quoted(list(self.spec.sizes))
            if self.spec.size_rule is None:
                raise invalid_value(size, "size", list(self.spec.sizes))
            raise refusal(
                f"Invalid value: '{size}'. Supported values are: {listed}, or WxH where {problem}.",
                "size",
                "invalid_value",
            )
        return size

    def options(self) -> dict[str, str]:
        chosen = {}
        for option in self.spec.options_for(self.mode):
            value = self._choice(option.name, option.values)
            chosen[option.name] = value if value is not None else option.default
        if chosen.get("background") == "transparent" and chosen.get("output_format") == "jpeg":
            raise refusal(
                "Transparent background is not supported for output_format 'jpeg'; use png or "
                "webp.",
                "background",
                "invalid_value",
            )
        compression = self._ranged("output_compression", NumberRange(0, 100), integer=True)
        if compression is not None and compression < 100 and chosen.get("output_format") == "png":
            raise refusal(
                "Invalid 'output_compression': only jpeg and webp output can be compressed.",
                "output_compression",
                "invalid_value",
            )
        self._choice("moderation", ("low", "auto"))
        if self.body.get("stream") not in (None, False, "false"):
            raise refusal(
                "The stand-in does not stream pictures; leave 'stream' out.", "stream", None
            )
        return chosen

    def extras(self, order: ImageOrder) -> None:
        """seed, steps, guidance, negative prompt, strength: where the model takes them."""
        spec = self.spec
        if spec.seed is not None:
            seed_range = NumberRange(spec.seed.minimum, spec.seed.maximum)
            seed = self._ranged("seed", seed_range, integer=True)
            order.seed = None if seed is None else int(seed)
        steps_range = spec.steps_for(self.mode)
        if steps_range is not None:
            steps = self._ranged("num_inference_steps", steps_range, integer=True)
            order.steps = None if steps is None else int(steps)
        if spec.cfg_scale is not None:
            order.guidance = self._ranged("guidance_scale", spec.cfg_scale, integer=False)
        if spec.supports_negative_prompt:
            order.negative_prompt = self._text("negative_prompt", spec.negative_prompt_limit) or ""
        if spec.has_source_weight and self.mode is Mode.EDIT:
            order.strength = self._ranged("strength", NumberRange(0.0, 1.0), integer=False)
        if "response_format" in self.body:
            self._choice("response_format", ("b64_json",))

    def inputs(
        self, files: dict[str, list[Upload]]
    ) -> tuple[list[Image.Image], Image.Image | None]:
        """The edit's input pictures (`image` or `image[]`, repeated) and its mask."""
        uploads = [*files.get("image", []), *files.get("image[]", [])]
        if not uploads:
            raise refusal(
                "Missing required parameter: 'image'.", "image", "missing_required_parameter"
            )
        limit = max(1, self.spec.max_references)
        if len(uploads) > limit:
            raise refusal(
                f"Invalid 'image': array too long. Expected an array with maximum length "
                f"{limit}, but got an array with length {len(uploads)} instead.",
                "image",
                "array_above_max_length",
            )
        images = []
        for number, upload in enumerate(uploads, start=1):
            try:
                images.append(
                    decode_picture(
                        upload.data, "image", formats=INPUT_FORMATS, max_bytes=MAX_INPUT_BYTES
                    )
                )
            except BadInputError as bad:
                raise refusal(
                    f"Invalid image file or mode for image {number}, please check your image "
                    f"file ({bad.reason}).",
                    "image",
                    "invalid_image_file",
                ) from None
        return images, self._mask(files.get("mask", []), images[0])

    def _mask(self, uploads: list[Upload], first: Image.Image) -> Image.Image | None:
        if not uploads:
            return None
        if not self.spec.supports_mask:
            raise refusal(
                "Unsupported parameter: 'mask' is not supported with this model.",
                "mask",
                "unsupported_parameter",
            )
        try:
            mask = decode_picture(
                uploads[0].data, "mask", formats=frozenset({"PNG"}), max_bytes=MAX_MASK_BYTES
            )
        except BadInputError as bad:
            raise refusal(
                f"Invalid mask image: {bad.reason}.", "mask", "invalid_image_file"
            ) from None
        if "A" not in mask.getbands():
            raise refusal(
                "Invalid mask image format - mask image missing alpha channel",
                "mask",
                "invalid_value",
            )
        if mask.size != first.size:
            raise refusal(
                "Invalid mask image format - mask size does not match image size",
                "mask",
                "invalid_value",
            )
        return mask


def resolved_size(size: str, images: list[Image.Image]) -> tuple[int, int]:
    """`auto` is the listed size nearest the first input's shape (square without inputs)."""
    if size != "auto":
        return parse_size(size)
    if images:
        ratio = images[0].width / images[0].height
        if ratio > 1.2:
            return 1536, 1024
        if ratio < 1 / 1.2:
            return 1024, 1536
    return 1024, 1024
