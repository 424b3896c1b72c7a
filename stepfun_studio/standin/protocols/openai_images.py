"""OpenAI Images on the stand-in (`/openai/v1`), and an OpenAI-compatible server (`/compatible/v1`).

`POST /images/generations` (JSON), `POST /images/edits` (multipart: `image` or `image[]`
repeated, optional `mask`), free `GET /models`. Answers `{created, data: [{b64_json}],
background, output_format, quality, size, usage: {input_tokens, output_tokens, total_tokens}}`
(base64 only, no seed); errors `{error: {message, type, param, code}}`, moderation a 400 with
code `moderation_blocked`, no quota a 429 `insufficient_quota` (OpenAI has no 402).

A provider with `custom_models` (the OpenAI-compatible server) is a self-hosted server: its
models are the table's compatible template with every extra field (seed, steps, guidance,
negative prompt, strength), it takes `response_format: b64_json`, and it counts no tokens.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PIL import Image

from stepfun_studio.core.model_table import ModelSpec, ModelTable, ProviderSpec
from stepfun_studio.core.request import Mode
from stepfun_studio.standin.faults import Fault
from stepfun_studio.standin.pictures import (
    keep_masked,
    pull_toward_references,
    render,
    repaint,
    transparent_background,
)
from stepfun_studio.standin.protocols.base import (
    Body,
    Files,
    Protocol,
    fault_name,
    stable_number,
)
from stepfun_studio.standin.protocols.openai_checks import (
    ImageOrder,
    OpenAIChecks,
    refusal,
    resolved_size,
)
from stepfun_studio.standin.refusal import BadInputError, RefusalError

if TYPE_CHECKING:
    from stepfun_studio.standin.handler import StandinHandler
    from stepfun_studio.standin.server import StandinServer

# What a self-hosted server says it serves unless the StandinServer is told otherwise.
DEFAULT_COMPATIBLE_MODELS = ("Qwen/Qwen-Image", "Qwen/Qwen-Image-Edit-2509")
COMPATIBLE_FIELDS = frozenset({"seed", "steps", "guidance", "negative_prompt", "strength"})
# gpt-image's output tokens for a 1024x1024 picture by quality; other sizes scale by pixels.
OUTPUT_TOKENS = {"low": 272, "medium": 1056, "high": 4160}
STEPS_BY_QUALITY = {"low": 12, "medium": 30, "high": 50}
MODERATION_MESSAGE = (
    "Your request was rejected by the safety system. If you believe this is an error, "
    "contact us and include the request ID."
)
FAULTS: dict[str, tuple[int, str, str, str | None]] = {
    "400": (400, "Invalid value for 'prompt'.", "invalid_request_error", "invalid_value"),
    "401": (
        401,
        "Incorrect API key provided. You can find your API key at "
        "https://platform.openai.com/account/api-keys.",
        "invalid_request_error",
        "invalid_api_key",
    ),
    "402": (
        429,
        "You exceeded your current quota, please check your plan and billing details.",
        "insufficient_quota",
        "insufficient_quota",
    ),
    "429": (
        429,
        "Rate limit reached for images per minute. Please try again later.",
        "requests",
        "rate_limit_exceeded",
    ),
    "451": (400, MODERATION_MESSAGE, "image_generation_user_error", "moderation_blocked"),
    "500": (
        500,
        "The server had an error while processing your request. Sorry about that!",
        "server_error",
        None,
    ),
    "503": (503, "The server is overloaded or not ready yet.", "server_error", None),
    "504": (504, "The server did not answer in time.", "server_error", "timeout"),
    "retired": (
        404,
        "The model does not exist or you do not have access to it.",
        "invalid_request_error",
        "model_not_found",
    ),
}


class OpenAIImagesProtocol(Protocol):
    def __init__(self, standin: StandinServer, provider: ProviderSpec, table: ModelTable) -> None:
        super().__init__(standin, provider, table)
        self._compatible: dict[str, ModelSpec] = {}

    @property
    def self_hosted(self) -> bool:
        return self.provider.custom_models

    def post_routes(self) -> dict[str, str]:
        return {Mode.TEXT_TO_IMAGE.path: Mode.TEXT_TO_IMAGE.value, Mode.EDIT.path: Mode.EDIT.value}

    def get_routes(self) -> dict[str, Callable[[StandinHandler], object]]:
        return {"/models": self._models}

    def _served(self) -> tuple[str, ...]:
        if self.self_hosted:
            return self.standin.compatible_models or DEFAULT_COMPATIBLE_MODELS
        return tuple(model.name for model in self.table.models_of(self.provider.id))

    def _models(self, http: StandinHandler) -> object:
        owner = "self-hosted" if self.self_hosted else "openai"
        created = int(time.time())
        return {
            "object": "list",
            "data": [
                {"id": name, "object": "model", "created": created, "owned_by": owner}
                for name in self._served()
            ],
        }

    # -- errors -------------------------------------------------------------------------------

    def error_payload(self, refusal: RefusalError, http: StandinHandler) -> object:
        return {
            "error": {
                "message": refusal.message,
                "type": refusal.error_type or "invalid_request_error",
                "param": refusal.param,
                "code": refusal.code,
            }
        }

    def status_fault(self, name: str) -> RefusalError:
        status, message, error_type, code = FAULTS[name]
        return RefusalError(status, message, code=code, error_type=error_type)

    def not_found(self, method: str, path: str) -> RefusalError:
        return RefusalError(
            404, f"Invalid URL ({method} {path})", error_type="invalid_request_error"
        )

    def bad_body(self, refusal: RefusalError) -> RefusalError:
        return RefusalError(
            refusal.status,
            f"We could not parse the body of your request: {refusal.message}.",
            error_type="invalid_request_error",
        )

    def bad_input(self, bad: BadInputError) -> RefusalError:
        return refusal(f"Invalid '{bad.param}': {bad.reason}.", bad.param, "invalid_value")

    # -- requests -----------------------------------------------------------------------------

    def _model(self, body: Body) -> ModelSpec:
        name = body.get("model")
        if not isinstance(name, str) or not name:
            raise refusal(
                "Missing required parameter: 'model'.", "model", "missing_required_parameter"
            )
        if self.self_hosted:
            served = self.standin.compatible_models
            if served is not None and name not in served:
                raise RefusalError(
                    404,
                    f"The model `{name}` does not exist.",
                    param="model",
                    code="model_not_found",
                    error_type="invalid_request_error",
                )
            if name not in self._compatible:
                self._compatible[name] = self.table.compatible_model(name, fields=COMPATIBLE_FIELDS)
            return self._compatible[name]
        spec = self.table.get(name)
        if spec is None or spec.provider != self.provider.id:
            raise refusal(
                f"Invalid value: '{name}'. Supported values are: "
                + ", ".join(f"'{served}'" for served in self._served())
                + ".",
                "model",
                "invalid_value",
            )
        return spec

    def check(self, endpoint: str, body: Body, files: Files) -> ImageOrder:
        mode = Mode(endpoint)
        spec = self._model(body)
        checks = OpenAIChecks(spec, body, form=mode is Mode.EDIT, mode=mode)
        checks.known_fields(takes_response_format=self.self_hosted)
        prompt = checks.prompt()
        n = checks.n()
        default = "auto" if "auto" in spec.sizes else "1024x1024"
        size = checks.size(default)
        options = checks.options()
        images, mask = checks.inputs(files) if mode is Mode.EDIT else ([], None)
        width, height = resolved_size(size, images)
        order = ImageOrder(
            spec, mode is Mode.EDIT, prompt, n, f"{width}x{height}", width, height, options
        )
        order.images, order.mask = images, mask
        checks.extras(order)
        return order

    def answer(self, http: StandinHandler, order: Any, fault: Fault | None) -> object:
        job: ImageOrder = order
        name = fault_name(fault)
        if name == "content_filtered":
            raise self.status_fault("451")
        output_format = job.options.get("output_format", "png")
        data = []
        for index in range(job.n):
            picture = self.picture(
                fault, job.width, job.height, self._painter(job, index), output_format
            )
            data.append(self.deliver(picture, fault, as_url=False, output_format=output_format))
        payload: dict[str, Any] = {}
        if name != "no_created":
            payload["created"] = int(time.time())
        payload["data"] = [] if name == "empty_data" else data
        quality = job.options.get("quality", "auto")
        if not self.self_hosted:
            background = job.options.get("background", "auto")
            payload["background"] = "opaque" if background == "auto" else background
            payload["quality"] = "medium" if quality == "auto" else quality
        payload["output_format"] = output_format
        payload["size"] = job.size
        if not self.self_hosted:
            payload["usage"] = _usage(job, quality)
        return payload

    def _painter(self, job: ImageOrder, index: int) -> Callable[[int, int], Image.Image]:
        # No seed sent (gpt-image has none): a fresh picture each call, as the real service
        # gives; the same prompt twice must not paint the same picture twice.
        seed = job.seed if job.seed is not None else self.standin.choose_seed(0)
        seed += index + stable_number("negative", job.negative_prompt) % 997
        quality = job.options.get("quality", "auto")
        steps = job.steps or STEPS_BY_QUALITY.get(quality, 30)
        cfg = job.guidance if job.guidance is not None else 7.5

        def paint(width: int, height: int) -> Image.Image:
            if not job.images:
                picture = render(job.prompt, seed, width, height, steps=steps, cfg=cfg)
            else:
                source = job.images[0]
                if job.strength is not None:
                    keep = 1.0 - job.strength
                else:
                    keep = 0.6 if job.options.get("input_fidelity") == "high" else 0.35
                picture = repaint(
                    source, job.prompt, seed, width, height, keep=keep, steps=steps, cfg=cfg
                )
                picture = pull_toward_references(picture, job.images[1:])
                if job.mask is not None:
                    picture = keep_masked(source, picture, job.mask)
            if job.options.get("background") == "transparent":
                picture = transparent_background(picture)
            return picture

        return paint

    def link(self, image_id: str, born: float, life_s: float, extension: str) -> str:
        raise AssertionError("OpenAI Images answers base64 only")


def _usage(job: ImageOrder, quality: str) -> dict[str, Any]:
    per_picture = OUTPUT_TOKENS.get(quality, OUTPUT_TOKENS["medium"])
    output_tokens = round(per_picture * job.width * job.height / (1024 * 1024)) * job.n
    text_tokens = max(1, len(job.prompt) // 4)
    per_image = 1024 if job.options.get("input_fidelity") == "high" else 194
    image_tokens = per_image * len(job.images)
    input_tokens = text_tokens + image_tokens
    return {
        "input_tokens": input_tokens,
        "input_tokens_details": {"text_tokens": text_tokens, "image_tokens": image_tokens},
        "output_tokens": output_tokens,
        "total_tokens": input_tokens + output_tokens,
    }
