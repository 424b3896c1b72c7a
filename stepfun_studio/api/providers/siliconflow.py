"""SiliconFlow (硅基流动): Kolors and Qwen-Image (providers.md §3).

One endpoint, `POST /images/generations` (JSON), not in OpenAI's shape:

- fields: `image_size` (from the model's list; the Qwen-Image-Edit models refuse it, and their
  table entry lists no sizes), `num_inference_steps`, guidance as `guidance_scale` (Kolors) or
  `cfg` (Qwen), by the model's `wire_name("guidance")`, `negative_prompt`, `seed`, and the
  pictures as data URIs in `image`, `image2`, `image3`;
- the answer is `{"images": [{"url"}], "timings": {...}, "seed"}`: the link lives an hour, so the
  shared client fetches it at once; the seed is echoed;
- errors are `{"code": 20012, "message": …, "data": null}` (sometimes plain text): 20012 is a
  model that does not exist, 403 with 30011 (or 30001) is a balance that is used up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from stepfun_studio.api.images import decode_b64
from stepfun_studio.api.providers import messages
from stepfun_studio.api.providers.base import (
    Answer,
    ErrorReply,
    Picture,
    ProviderAdapter,
    WireCall,
    first_item,
    int_or_none,
    pictures_within_limits,
)
from stepfun_studio.api.providers.openai_images import require_spec
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.model_table import ModelSpec
from stepfun_studio.core.request import GenerationRequest

IMAGE_FIELDS = ("image", "image2", "image3")
MODEL_MISSING_CODES = (20012,)
BALANCE_CODES = (30001, 30011)


class SiliconFlowAdapter(ProviderAdapter):
    trace_headers = ("x-siliconcloud-trace-id", "x-request-id", "x-trace-id")

    def build(self, request: GenerationRequest, spec: ModelSpec | None) -> WireCall:
        spec = require_spec(spec)
        body: dict[str, Any] = {"model": request.model, "prompt": request.prompt}
        # A model with no listed sizes keeps its input's size and refuses `image_size`.
        if spec.sizes and request.has_fixed_size:
            body["image_size"] = request.size
        if spec.steps_for(request.mode) is not None:
            body["num_inference_steps"] = request.steps
        if spec.cfg_scale is not None:
            body[spec.wire_name("guidance", "guidance_scale")] = request.cfg_scale
        if spec.supports_negative_prompt and request.negative_prompt:
            body["negative_prompt"] = request.negative_prompt
        if spec.seed is not None and request.seed != 0:  # 0: let the server choose
            body["seed"] = request.seed
        images = pictures_within_limits(request, spec, len(IMAGE_FIELDS))
        for name, image in zip(IMAGE_FIELDS, images, strict=False):
            body[name] = image.data_uri
        return WireCall("/images/generations", json=body)

    def parse(
        self,
        body: object,
        request: GenerationRequest,
        spec: ModelSpec | None,
        *,
        trace_id: str | None,
    ) -> Answer:
        # `images` is SiliconFlow's; some of its gateways answer OpenAI's `data` as well.
        key = "images" if isinstance(body, Mapping) and "images" in body else "data"
        item = first_item(body, key, self.label, trace_id)
        assert isinstance(body, Mapping)  # first_item checked it
        seed = int_or_none(body.get("seed"))
        if seed is None:
            seed = int_or_none(item.get("seed"))
        url, b64_json = item.get("url"), item.get("b64_json")
        if isinstance(url, str) and url:
            picture = Picture(url=url, seed=seed)
        elif isinstance(b64_json, str) and b64_json:
            data = decode_b64(b64_json, trace_id=trace_id, provider=self.label)
            picture = Picture(data=data, seed=seed)
        else:
            raise self.bad_response("the image entry has no url", trace_id)
        return Answer((picture,), created=int_or_none(body.get("created")))

    def map_error(
        self, reply: ErrorReply, request: GenerationRequest | None, spec: ModelSpec | None
    ) -> AppError:
        body = reply.body
        code: int | None = None
        words: str | None = None
        if isinstance(body, Mapping):
            code = int_or_none(body.get("code"))
            message = body.get("message")
            words = message if isinstance(message, str) and message else None
            inner = body.get("error")
            if words is None and isinstance(inner, Mapping):  # an OpenAI-shaped gateway
                words = str(inner.get("message") or "") or None
        elif isinstance(body, str):
            words = body
        provider = self.provider
        if code in MODEL_MISSING_CODES:
            return messages.unknown_model(
                provider, reply, words, request.model if request else None
            )
        if code in BALANCE_CODES:
            return messages.no_balance(provider, reply, words)
        lowered = (words or "").lower()
        if "sensitive" in lowered or "moderation" in lowered:
            return messages.blocked(provider, reply, words)
        if reply.status == 400 and messages.mentions_size(words):
            size = request.size if request is not None else None
            return messages.size_refused(provider, reply, words, spec, size)
        return messages.by_status(provider, reply, words)
