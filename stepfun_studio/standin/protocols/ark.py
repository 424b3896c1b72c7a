"""Volcengine Ark / BytePlus ModelArk (Seedream) on the stand-in (`/ark/api/v3`).

One endpoint, `POST /images/generations` (JSON): references are `image`, a string or a list
of up to the model's maximum (14; Seedream 5.0 Pro 10), data URIs or URLs; `size` is `1K`/`2K`/
`4K` or `WxH` within the model's pixel range; `watermark` defaults to **true** (the picture then
carries a visible label, so a test can tell); `n` does not exist (InvalidParameter); several
pictures come from `sequential_image_generation`, on the models whose table entry lists it.
Answers `{model, created, data: [{url | b64_json, size} | {error}], usage: {generated_images,
output_tokens, total_tokens}}` with links that live 24 h; errors `{error: {code, message
"… Request id: …", param, type}}` with the same id in `X-Request-Id`.
"""

from __future__ import annotations

import math
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PIL import Image

from stepfun_studio.core.model_table import ModelSpec
from stepfun_studio.core.request import parse_size
from stepfun_studio.standin.faults import Fault
from stepfun_studio.standin.inputs import picture_from_uri
from stepfun_studio.standin.pictures import draw_watermark, pull_toward_references, render
from stepfun_studio.standin.protocols.base import (
    Body,
    Files,
    Protocol,
    fault_name,
)
from stepfun_studio.standin.refusal import BadInputError, RefusalError

if TYPE_CHECKING:
    from stepfun_studio.standin.handler import StandinHandler

FIELDS = frozenset(
    {"model", "prompt", "image", "size", "response_format", "watermark", "output_format"}
    | {"stream", "seed", "guidance_scale", "sequential_image_generation"}
    | {"sequential_image_generation_options"}
)
SEQUENTIAL = "sequential_image_generation"
NAMED_SIZES = {"1K": 1024, "2K": 2048, "4K": 4096}
REFERENCE_FORMATS = frozenset({"PNG", "JPEG", "WEBP", "BMP", "TIFF", "GIF"})
MAX_REFERENCE_BYTES = 10 * 1024 * 1024
MAX_PICTURES = 15  # references plus generated pictures, for sequential generation
SENSITIVE_OUTPUT = (
    "OutputImageSensitiveContentDetected",
    "The request failed because the output image may contain sensitive information.",
)
FAULTS: dict[str, tuple[int, str, str, str]] = {
    "400": (
        400,
        "InvalidParameter",
        "The parameter `prompt` specified in the request is not valid.",
        "BadRequest",
    ),
    "401": (
        401,
        "AuthenticationError",
        "The API key or AK/SK in the request is missing or invalid.",
        "Unauthorized",
    ),
    "402": (
        403,
        "AccountOverdueError",
        "The request failed because your account has an overdue balance.",
        "Forbidden",
    ),
    "429": (
        429,
        "RateLimitExceeded.EndpointIPMExceeded",
        "The request failed because you have exceeded the images-per-minute limit.",
        "TooManyRequests",
    ),
    "451": (400, *SENSITIVE_OUTPUT, "BadRequest"),
    "500": (
        500,
        "InternalServiceError",
        "The service encountered an unexpected internal error.",
        "InternalServerError",
    ),
    "503": (
        503,
        "ServiceUnavailable",
        "The service is temporarily unavailable.",
        "ServiceUnavailable",
    ),
    "504": (504, "RequestTimeout", "The request timed out.", "GatewayTimeout"),
    "retired": (
        404,
        "InvalidEndpointOrModel.NotFound",
        "The model or endpoint does not exist or you do not have access to it.",
        "NotFound",
    ),
}


def invalid(param: str, reason: str = "") -> RefusalError:
    detail = f": {reason}" if reason else ""
    return RefusalError(
        400,
        f"The parameter `{param}` specified in the request is not valid{detail}.",
        param=param,
        code="InvalidParameter",
        error_type="BadRequest",
    )


def missing(param: str) -> RefusalError:
    return RefusalError(
        400,
        f"The request failed because it is missing one or multiple required parameters: `{param}`.",
        param=param,
        code="MissingParameter",
        error_type="BadRequest",
    )


@dataclass
class ArkOrder:
    spec: ModelSpec
    prompt: str
    width: int
    height: int
    count: int
    as_url: bool
    watermark: bool
    output_format: str
    references: list[Image.Image] = field(default_factory=list)
    seed: int | None = None


class ArkProtocol(Protocol):
    link_expiry_s = 24 * 3600.0

    def post_routes(self) -> dict[str, str]:
        return {"/images/generations": "generations"}

    # -- errors -------------------------------------------------------------------------------

    @staticmethod
    def request_id(http: StandinHandler) -> str:
        return "021" + http.trace_id

    def answer_headers(self, http: StandinHandler) -> dict[str, str]:
        return {"X-Request-Id": self.request_id(http)}

    def error_payload(self, refusal: RefusalError, http: StandinHandler) -> object:
        return {
            "error": {
                "code": refusal.code or "InvalidParameter",
                "message": f"{refusal.message} Request id: {self.request_id(http)}",
                "param": refusal.param or "",
                "type": refusal.error_type or "BadRequest",
            }
        }

    def status_fault(self, name: str) -> RefusalError:
        status, code, message, error_type = FAULTS[name]
        return RefusalError(status, message, code=code, error_type=error_type)

    def not_found(self, method: str, path: str) -> RefusalError:
        return RefusalError(
            404,
            f"The requested resource {path} was not found.",
            code="NotFound",
            error_type="NotFound",
        )

    def bad_body(self, refusal: RefusalError) -> RefusalError:
        return RefusalError(
            refusal.status,
            f"The request body is not valid: {refusal.message}.",
            code="InvalidParameter",
            error_type="BadRequest",
        )

    def bad_input(self, bad: BadInputError) -> RefusalError:
        return invalid(bad.param, bad.reason)

    # -- requests -----------------------------------------------------------------------------

    def check(self, endpoint: str, body: Body, files: Files) -> ArkOrder:
        name = body.get("model")
        if not name:
            raise missing("model")
        spec = self.table.get(str(name))
        if spec is None or spec.provider != self.provider.id:
            raise RefusalError(
                404,
                f"The model or endpoint {name} does not exist or you do not have access to it.",
                param="model",
                code="InvalidEndpointOrModel.NotFound",
                error_type="NotFound",
            )
        prompt = body.get("prompt")
        if prompt is None or prompt == "":
            raise missing("prompt")
        takes = {
            "seed": spec.seed is not None,
            "guidance_scale": spec.cfg_scale is not None,
            SEQUENTIAL: SEQUENTIAL in spec.extras,
            f"{SEQUENTIAL}_options": SEQUENTIAL in spec.extras,
        }
        for key in body:
            if key not in FIELDS or not takes.get(key, True):
                raise invalid(key, "this model does not take it")
        if not isinstance(prompt, str) or len(prompt) > spec.prompt_limit:
            raise invalid("prompt", f"must be text of at most {spec.prompt_limit} characters")
        sent, references = self._references(body.get("image"), spec)
        width, height = self._size(body.get("size", "2048x2048"), spec, references)
        order = ArkOrder(
            spec,
            prompt,
            width,
            height,
            count=self._count(body, sent),
            as_url=self._choice(body, "response_format", ("url", "b64_json"), "url") == "url",
            watermark=self._flag(body, "watermark", default=True),
            output_format=self._choice(body, "output_format", spec.formats, "jpeg"),
            references=references,
        )
        if self._flag(body, "stream", default=False):
            raise invalid("stream", "the stand-in does not stream pictures")
        if spec.seed is not None and "seed" in body:
            seed = body["seed"]
            if not isinstance(seed, int) or not -1 <= seed <= spec.seed.maximum:
                raise invalid("seed", f"must be an integer from -1 to {spec.seed.maximum}")
            order.seed = None if seed == -1 else seed
        if spec.cfg_scale is not None and "guidance_scale" in body:
            guidance = body["guidance_scale"]
            if not isinstance(guidance, int | float) or not spec.cfg_scale.contains(guidance):
                raise invalid(
                    "guidance_scale",
                    f"must be from {spec.cfg_scale.minimum:g} to {spec.cfg_scale.maximum:g}",
                )
        return order

    @staticmethod
    def _flag(body: Body, name: str, *, default: bool) -> bool:
        value = body.get(name, default)
        if not isinstance(value, bool):
            raise invalid(name, "must be a boolean (true or false)")
        return value

    @staticmethod
    def _choice(body: Body, name: str, values: tuple[str, ...], default: str) -> str:
        value = body.get(name, default)
        if value not in values:
            raise invalid(name, "must be one of " + ", ".join(values))
        return str(value)

    @staticmethod
    def _references(value: object, spec: ModelSpec) -> tuple[int, list[Image.Image]]:
        """How many references were sent, and the ones the stand-in can see (not URLs)."""
        if value is None:
            return 0, []
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            raise invalid("image", "must be a URL or data URI, or a list of them")
        if len(items) > spec.max_references:
            raise invalid("image", f"at most {spec.max_references} images")
        pictures = []
        for item in items:
            picture = picture_from_uri(
                item, "image", formats=REFERENCE_FORMATS, max_bytes=MAX_REFERENCE_BYTES
            )
            if picture is not None:
                pictures.append(picture)
        return len(items), pictures

    @staticmethod
    def _size(value: object, spec: ModelSpec, references: list[Image.Image]) -> tuple[int, int]:
        if not isinstance(value, str):
            raise invalid("size", "must be text such as 2K or 2048x2048")
        problem = spec.size_problem(value)
        if problem is not None:
            raise invalid("size", f"{value!r}: {problem}; listed sizes are {', '.join(spec.sizes)}")
        if value not in NAMED_SIZES:
            return parse_size(value)
        # A named size is a pixel budget; the picture takes the first reference's shape.
        side = NAMED_SIZES[value]
        ratio = references[0].width / references[0].height if references else 1.0
        width = round(side * math.sqrt(ratio) / 16) * 16
        return width, round(side * side / width / 16) * 16

    @staticmethod
    def _count(body: Body, references: int) -> int:
        mode = body.get(SEQUENTIAL, "disabled")
        if mode not in ("auto", "disabled"):
            raise invalid(SEQUENTIAL, "must be auto or disabled")
        options = body.get(f"{SEQUENTIAL}_options") or {}
        if not isinstance(options, dict):
            raise invalid(f"{SEQUENTIAL}_options", "must be an object")
        if mode == "disabled":
            return 1
        most = options.get("max_images", 1)
        if not isinstance(most, int) or isinstance(most, bool) or not 1 <= most <= MAX_PICTURES:
            raise invalid(f"{SEQUENTIAL}_options.max_images", f"must be from 1 to {MAX_PICTURES}")
        if references + most > MAX_PICTURES:
            raise invalid(
                f"{SEQUENTIAL}_options.max_images",
                f"references plus pictures must be at most {MAX_PICTURES}",
            )
        return most

    # -- answers ------------------------------------------------------------------------------

    def answer(self, http: StandinHandler, order: Any, fault: Fault | None) -> object:
        job: ArkOrder = order
        name = fault_name(fault)
        items: list[dict[str, Any]] = []
        made = 0
        for index in range(job.count):
            if name == "content_filtered" and index == 0:
                # One item can fail inside a successful answer; the others still count.
                code, message = SENSITIVE_OUTPUT
                items.append({"error": {"code": code, "message": message}})
                continue
            data = self.picture(
                fault, job.width, job.height, self._painter(job, index), job.output_format
            )
            item = self.deliver(data, fault, as_url=job.as_url, output_format=job.output_format)
            item["size"] = f"{job.width}x{job.height}"
            items.append(item)
            made += 1
        tokens = made * job.width * job.height // 256
        payload: dict[str, Any] = {"model": job.spec.name}
        if name != "no_created":
            payload["created"] = int(time.time())
        payload["data"] = [] if name == "empty_data" else items
        payload["usage"] = {
            "generated_images": made,
            "output_tokens": tokens,
            "total_tokens": tokens,
        }
        return payload

    def _painter(self, job: ArkOrder, index: int) -> Callable[[int, int], Image.Image]:
        # No seed (Seedream 4.x has none): a fresh picture each call, as the real service gives.
        base = job.seed if job.seed is not None else self.standin.choose_seed(0)

        def paint(width: int, height: int) -> Image.Image:
            picture = render(job.prompt, base + index, width, height, steps=40, cfg=6.0)
            picture = pull_toward_references(picture, job.references)
            return draw_watermark(picture) if job.watermark else picture

        return paint

    def link(self, image_id: str, born: float, life_s: float, extension: str) -> str:
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(born))
        return (
            f"{self.standin.origin}/ark-content/seedream/{image_id}.{extension}"
            f"?X-Tos-Algorithm=TOS4-HMAC-SHA256&X-Tos-Date={stamp}&X-Tos-Expires={int(life_s)}"
            f"&X-Tos-Signature={uuid.uuid4().hex}"
        )
