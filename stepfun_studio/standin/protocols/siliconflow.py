"""SiliconFlow on the stand-in (`/siliconflow/v1`): its own shapes, not OpenAI's.

`POST /images/generations` (JSON) takes `image_size` from the model's list (the Qwen-Image-Edit
models refuse it and answer at the input's size), `batch_size` up to the model's pictures per
request, `seed`, `num_inference_steps`, the guidance under the model's wire name
(`guidance_scale` for Kolors, `cfg` for the Qwen models: `ModelSpec.wire_name`),
`negative_prompt`, and `image` (plus `image2`, `image3` where the model takes references).
Answers `{images: [{url}], timings: {inference}, seed}` (the seed echoed, links that live 1 h);
free `GET /models`. Errors are `{code, message, data: null}`: 20012 for an unknown model (400),
30011 for an unpaid balance (403). Codes for moderation and overload are [3rd]/[?].
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PIL import Image

from stepfun_studio.core.model_table import ModelSpec, NumberRange
from stepfun_studio.core.request import Mode, parse_size
from stepfun_studio.standin.faults import Fault
from stepfun_studio.standin.inputs import number, picture_from_uri
from stepfun_studio.standin.pictures import pull_toward_references, render, repaint
from stepfun_studio.standin.protocols.base import Body, Files, Protocol, fault_name
from stepfun_studio.standin.refusal import BadInputError, RefusalError

if TYPE_CHECKING:
    from stepfun_studio.standin.handler import StandinHandler

GUIDANCE_NAMES = frozenset({"guidance_scale", "cfg"})
REFERENCE_FIELDS = ("image2", "image3")
FIELDS = frozenset(
    {"model", "prompt", "negative_prompt", "image_size", "batch_size", "seed"}
    | {"num_inference_steps", "image", *REFERENCE_FIELDS, *GUIDANCE_NAMES}
)
IMAGE_FORMATS = frozenset({"PNG", "JPEG", "WEBP"})
INVALID_PARAMETER = 20015
FAULTS: dict[str, tuple[int, int, str]] = {
    "400": (400, INVALID_PARAMETER, "Parameter prompt is invalid."),
    "401": (401, 20003, "Invalid token"),
    "402": (403, 30011, "The operation was failed, because your account balance is insufficient."),
    "429": (429, 50603, "Request was rejected due to rate limiting. Details: IPM limit reached."),
    "451": (400, 30003, "The content you provided or generated contains sensitive words."),
    "500": (500, 50500, "Internal server error."),
    "503": (503, 50505, "Model service overloaded. Please try again later."),
    "504": (504, 50504, "The model took too long to answer. Please try again later."),
    "retired": (400, 20012, "Model does not exist. Please check it carefully."),
}


def invalid(param: str, reason: str) -> RefusalError:
    return RefusalError(
        400, f"Parameter {param} is invalid: {reason}.", param=param, code=str(INVALID_PARAMETER)
    )


@dataclass
class SiliconFlowOrder:
    spec: ModelSpec
    prompt: str
    negative_prompt: str
    width: int
    height: int
    batch: int
    seed: int
    steps: int
    guidance: float
    source: Image.Image | None = None
    references: list[Image.Image] = field(default_factory=list)


class SiliconFlowProtocol(Protocol):
    def post_routes(self) -> dict[str, str]:
        return {"/images/generations": "generations"}

    def get_routes(self) -> dict[str, Callable[[StandinHandler], object]]:
        return {"/models": self._models}

    def _models(self, http: StandinHandler) -> object:
        names = [model.name for model in self.table.models_of(self.provider.id)]
        return {
            "object": "list",
            "data": [
                {"id": name, "object": "model", "created": 0, "owned_by": ""} for name in names
            ],
        }

    # -- errors -------------------------------------------------------------------------------

    def error_payload(self, refusal: RefusalError, http: StandinHandler) -> object:
        code = int(refusal.code) if refusal.code and refusal.code.isdigit() else INVALID_PARAMETER
        return {"code": code, "message": refusal.message, "data": None}

    def status_fault(self, name: str) -> RefusalError:
        status, code, message = FAULTS[name]
        return RefusalError(status, message, code=str(code))

    def not_found(self, method: str, path: str) -> RefusalError:
        return RefusalError(404, f"Not found: {method} {path}", code="20404")

    def bad_body(self, refusal: RefusalError) -> RefusalError:
        return RefusalError(refusal.status, refusal.message, code=str(INVALID_PARAMETER))

    def bad_input(self, bad: BadInputError) -> RefusalError:
        return invalid(bad.param, bad.reason)

    # -- requests -----------------------------------------------------------------------------

    def check(self, endpoint: str, body: Body, files: Files) -> SiliconFlowOrder:
        spec = self.table.get(str(body.get("model") or ""))
        if spec is None or spec.provider != self.provider.id:
            raise self.status_fault("retired")  # 20012, "Model does not exist."
        prompt = body.get("prompt")
        if not isinstance(prompt, str) or not prompt.strip():
            raise invalid("prompt", "it is required")
        guidance_name = spec.wire_name("guidance", "guidance_scale")
        references = min(spec.max_references, len(REFERENCE_FIELDS))
        takes = {
            "negative_prompt": spec.supports_negative_prompt,
            "image_size": bool(spec.sizes),
            "seed": spec.seed is not None,
            "num_inference_steps": spec.steps is not None,
            guidance_name: spec.cfg_scale is not None,
            "image": spec.supports(Mode.EDIT) or spec.supports(Mode.REDRAW),
            **{name: index < references for index, name in enumerate(REFERENCE_FIELDS)},
        }
        for key in body:
            if (
                key not in FIELDS
                or not takes.get(key, True)
                or (key in GUIDANCE_NAMES and key != guidance_name)
            ):
                raise invalid(key, f"{spec.name} does not take it")
        if len(prompt) > spec.prompt_limit:
            raise invalid("prompt", f"at most {spec.prompt_limit} characters")
        negative = body.get("negative_prompt") or ""
        if not isinstance(negative, str) or len(negative) > spec.negative_prompt_limit:
            raise invalid("negative_prompt", f"at most {spec.negative_prompt_limit} characters")
        steps = self._ranged(body, "num_inference_steps", spec.steps, integer=True)
        guidance = self._ranged(body, guidance_name, spec.cfg_scale, integer=False)
        seed = self._seed(body, spec)
        batch = int(
            self._ranged(body, "batch_size", NumberRange(1, spec.n_per_request, 1), integer=True)
        )
        source = self._picture(body, "image")
        if source is None and "image" not in body and not spec.supports(Mode.TEXT_TO_IMAGE):
            raise invalid("image", f"{spec.name} edits a picture: send one")
        refs = [pic for name in REFERENCE_FIELDS if (pic := self._picture(body, name))]
        width, height = self._size(body, spec, source)
        return SiliconFlowOrder(
            spec, prompt, negative, width, height, batch, seed, int(steps), guidance, source, refs
        )

    @staticmethod
    def _ranged(body: Body, name: str, allowed: NumberRange | None, *, integer: bool) -> float:
        if allowed is None:
            return 0.0
        value = body.get(name)
        if value is None:
            return allowed.default if allowed.default is not None else allowed.minimum
        found = number(value, name, integer=integer)
        if not allowed.contains(found):
            raise invalid(name, f"must be between {allowed.minimum:g} and {allowed.maximum:g}")
        return found

    def _seed(self, body: Body, spec: ModelSpec) -> int:
        if spec.seed is None:
            return 0
        value = body.get("seed")
        if value is None:
            return self.standin.choose_seed(0, min(spec.seed.maximum, 2**31 - 1))
        seed = int(number(value, "seed", integer=True))
        if not spec.seed.minimum <= seed <= spec.seed.maximum:
            raise invalid("seed", f"must be between {spec.seed.minimum} and {spec.seed.maximum}")
        return seed

    @staticmethod
    def _picture(body: Body, name: str) -> Image.Image | None:
        if name not in body:
            return None
        return picture_from_uri(body[name], name, formats=IMAGE_FORMATS)

    @staticmethod
    def _size(body: Body, spec: ModelSpec, source: Image.Image | None) -> tuple[int, int]:
        if not spec.sizes:
            # The edit models answer at about the input's size (a URL input: a square).
            return source.size if source is not None else (1024, 1024)
        size = body.get("image_size", spec.sizes[0])
        if size not in spec.sizes:
            raise invalid("image_size", "must be one of " + ", ".join(spec.sizes))
        return parse_size(str(size))

    # -- answers ------------------------------------------------------------------------------

    def answer(self, http: StandinHandler, order: Any, fault: Fault | None) -> object:
        job: SiliconFlowOrder = order
        name = fault_name(fault)
        if name == "content_filtered":
            raise self.status_fault("451")
        started = time.monotonic()
        images = []
        for index in range(job.batch):
            data = self.picture(fault, job.width, job.height, self._painter(job, index))
            images.append(self.deliver(data, fault, as_url=True))
        return {
            "images": [] if name == "empty_data" else images,
            "timings": {"inference": round(time.monotonic() - started, 3)},
            "seed": job.seed,
        }

    @staticmethod
    def _painter(job: SiliconFlowOrder, index: int) -> Callable[[int, int], Image.Image]:
        # The painter takes 32-bit seeds; SiliconFlow's reach 10 digits.
        seed = (job.seed + index + len(job.negative_prompt) * 7919) % (2**31 - 1)

        def paint(width: int, height: int) -> Image.Image:
            if job.source is not None:
                picture = repaint(
                    job.source,
                    job.prompt,
                    seed,
                    width,
                    height,
                    keep=0.4,
                    steps=job.steps,
                    cfg=job.guidance,
                )
            else:
                picture = render(job.prompt, seed, width, height, steps=job.steps, cfg=job.guidance)
            return pull_toward_references(picture, job.references)

        return paint

    def link(self, image_id: str, born: float, life_s: float, extension: str) -> str:
        return (
            f"{self.standin.origin}/sf-outputs/{image_id}.{extension}"
            f"?OSSAccessKeyId=LTAI5tStandin&Expires={int(born + life_s)}"
            f"&Signature={uuid.uuid4().hex}"
        )
