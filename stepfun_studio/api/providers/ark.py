"""Volcengine Ark / BytePlus ModelArk: Seedream (providers.md §2).

One endpoint, `POST /images/generations` (JSON), for text to image, edits and references alike:
`image` is the list of pictures as data URIs (the source first, then the references). There is
no `n`: one request makes one picture (sequential generation is never asked for, so Seedream
5.0 Pro, which refuses it, works too). `watermark` defaults to true on Ark's side, so it is
always sent, false unless the request's `watermark` option says "true". The answer is asked for
in base64, so nothing has to be fetched from Ark's 24-hour links.

A 200 answer may carry a failed item (`{"error": {...}}` in `data`): that picture's AppError.
Errors are `{"error": {code, message, param, type}}`; codes containing
`SensitiveContentDetected` are moderation.
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
    usage_of,
)
from stepfun_studio.api.providers.openai_images import require_spec
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.model_table import ModelSpec
from stepfun_studio.core.request import GenerationRequest

MAX_PICTURES = 14
_MODERATION_MARKS = ("sensitivecontent",)
# QuotaExceeded: the free quota is used up; SetLimitExceeded: a spending cap the user set.
_BALANCE_MARKS = ("overdue", "insufficientbalance", "quotaexceeded", "setlimitexceeded")
_MODEL_MARKS = ("modelnotopen", "invalidendpointormodel", "modelnotfound")


class ArkAdapter(ProviderAdapter):
    trace_headers = ("x-request-id", "x-tt-logid", "x-trace-id")

    def build(self, request: GenerationRequest, spec: ModelSpec | None) -> WireCall:
        spec = require_spec(spec)
        body: dict[str, Any] = {
            "model": request.model,
            "prompt": request.prompt,
            "size": request.size,
            "response_format": "b64_json",
            "watermark": request.option("watermark", "false") == "true",
        }
        images = pictures_within_limits(request, spec, MAX_PICTURES)
        if images:
            body["image"] = [image.data_uri for image in images]
        # Documented for the 3.0 models only; the table gives these ranges where they apply.
        if spec.seed is not None and request.seed != 0:
            body["seed"] = request.seed
        if spec.cfg_scale is not None:
            body[spec.wire_name("guidance", "guidance_scale")] = request.cfg_scale
        return WireCall("/images/generations", json=body)

    def parse(
        self,
        body: object,
        request: GenerationRequest,
        spec: ModelSpec | None,
        *,
        trace_id: str | None,
    ) -> Answer:
        item = first_item(body, "data", self.label, trace_id)
        assert isinstance(body, Mapping)  # first_item checked it
        usage = usage_of(body)
        created = int_or_none(body.get("created"))
        failure = item.get("error")
        if failure is not None:
            return Answer(
                (Picture(failure=self._item_failure(failure, usage, trace_id)),),
                created=created,
                usage=usage,
            )
        b64_json, url = item.get("b64_json"), item.get("url")
        if isinstance(b64_json, str) and b64_json:
            picture = Picture(data=decode_b64(b64_json, trace_id=trace_id, provider=self.label))
        elif isinstance(url, str) and url:
            picture = Picture(url=url)
        else:
            raise self.bad_response("the answer has neither url nor b64_json", trace_id)
        return Answer((picture,), created=created, usage=usage)

    def _item_failure(
        self, failure: object, usage: tuple[tuple[str, int], ...], trace_id: str | None
    ) -> AppError:
        inner = failure if isinstance(failure, Mapping) else {"message": str(failure)}
        code = _code(inner)
        words = str(inner.get("message") or inner.get("code") or "") or None
        reply = ErrorReply(status=200, body=failure, headers={}, trace_id=trace_id)
        if any(mark in code for mark in _MODERATION_MARKS):
            error = messages.blocked(self.provider, reply, words)
        else:
            error = messages.picture_failed(self.provider, words, trace_id=trace_id)
            # Ark bills the pictures it made; with none made, sending again cannot pay twice.
            error.retry_safe = dict(usage).get("generated_images") == 0
        error.status = None  # the answer was a 200; the status would only mislead support
        return error

    def cost(
        self, request: GenerationRequest, spec: ModelSpec | None, answer: Answer
    ) -> tuple[float | None, str | None]:
        if spec is None or spec.price is None:
            return None, None
        made = dict(answer.usage).get("generated_images", 1)
        return spec.price.for_options(dict(request.options)) * made, spec.price.currency

    def map_error(
        self, reply: ErrorReply, request: GenerationRequest | None, spec: ModelSpec | None
    ) -> AppError:
        envelope = reply.body.get("error") if isinstance(reply.body, Mapping) else None
        inner: Mapping[str, Any] = envelope if isinstance(envelope, Mapping) else {}
        words = inner.get("message") if isinstance(inner.get("message"), str) else None
        if words is None and isinstance(reply.body, str):
            words = reply.body
        code = _code(inner)
        provider = self.provider
        if any(mark in code for mark in _MODERATION_MARKS):
            return messages.blocked(provider, reply, words)
        if any(mark in code for mark in _BALANCE_MARKS):
            return messages.no_balance(provider, reply, words)
        if any(mark in code for mark in _MODEL_MARKS):
            return messages.unknown_model(
                provider, reply, words, request.model if request else None
            )
        if reply.status == 400 and messages.mentions_size(words, inner.get("param")):
            size = request.size if request is not None else None
            return messages.size_refused(provider, reply, words, spec, size)
        return messages.by_status(provider, reply, words)


def _code(inner: Mapping[str, Any]) -> str:
    """`InvalidEndpointOrModel.NotFound` -> `invalidendpointormodelnotfound`, for matching."""
    return str(inner.get("code") or "").lower().replace(".", "").replace("_", "")
