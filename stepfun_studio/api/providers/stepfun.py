"""StepFun's image protocol, exactly as Studio has always spoken it (stepfun-api.md).

Three endpoints: `/images/generations` (JSON; `style_reference` for a style image),
`/images/image2image` (JSON; `source_url` as a data URI with `source_weight`) and
`/images/edits` (multipart, one `image` file). Every field is sent as before, whatever the model
table says, because StepFun-compatible servers (Step Plan, the stand-in, a team's proxy) serve
models the table does not list.

StepFun retired this API (providers.md). When it answers 404, 400 "model not found" or 503 for a
model the table marks retired, the error says so, with the date, the replacement StepFun named,
and the providers that work today, instead of "the server does not know this address".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from stepfun_studio.api.errors import (
    from_status,
    moderation_blocked,
    server_message_of,
)
from stepfun_studio.api.images import decode_b64
from stepfun_studio.api.providers.base import (
    Answer,
    Balance,
    ErrorReply,
    Picture,
    ProviderAdapter,
    Upload,
    WireCall,
    first_item,
    form_value,
    int_or_none,
)
from stepfun_studio.api.providers.messages import mentions_size
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ModelSpec, ModelTable
from stepfun_studio.core.request import GenerationRequest, Mode
from stepfun_studio.core.text import tr

_MODEL_GONE_WORDS = ("model not found", "model does not exist", "model_not_found", "no such model")


class StepFunAdapter(ProviderAdapter):
    needs_spec = False
    trace_headers = ("x-trace-id",)

    @property
    def support_label(self) -> str | None:
        return None

    def missing_key(self) -> AppError:
        return AppError(
            ErrorKind.AUTH,
            tr(
                "ApiError",
                "No API key is set. Enter your StepFun API key in Settings, or set the "
                "STEPFUN_API_KEY environment variable.",
            ),
            retry_safe=True,
        )

    # -- building ----------------------------------------------------------------------------

    def build(self, request: GenerationRequest, spec: ModelSpec | None) -> WireCall:
        if request.mode is Mode.EDIT:
            return _edit_call(request)
        if request.mode is Mode.REDRAW:
            return WireCall("/images/image2image", json=_image2image_body(request))
        body: dict[str, Any] = {
            "model": request.model,
            "prompt": request.prompt,
            "size": request.size,
            "n": 1,
            "response_format": request.response_format.value,
            "seed": request.seed,
            "steps": request.steps,
            "cfg_scale": request.cfg_scale,
        }
        if request.style is not None:
            body["style_reference"] = {
                "source_url": request.style.data_uri,
                "weight": request.style_weight,
            }
        return WireCall("/images/generations", json=body)

    # -- reading -----------------------------------------------------------------------------

    def parse(
        self,
        body: object,
        request: GenerationRequest,
        spec: ModelSpec | None,
        *,
        trace_id: str | None,
    ) -> Answer:
        item = first_item(body, "data", self.support_label, trace_id)
        finish_reason = str(item.get("finish_reason") or "success")
        if finish_reason == "content_filtered":
            raise moderation_blocked(trace_id=trace_id)
        seed = int_or_none(item.get("seed"))
        b64_json, url = item.get("b64_json"), item.get("url")
        if isinstance(b64_json, str) and b64_json:
            data = decode_b64(b64_json, trace_id=trace_id)
            picture = Picture(data=data, seed=seed, finish_reason=finish_reason)
        elif isinstance(url, str) and url:
            picture = Picture(url=url, seed=seed, finish_reason=finish_reason)
        else:
            raise self.bad_response("the answer has neither url nor b64_json", trace_id)
        created = body.get("created") if isinstance(body, Mapping) else None
        return Answer(pictures=(picture,), created=int_or_none(created))

    def expected_size(
        self, request: GenerationRequest, spec: ModelSpec | None
    ) -> tuple[int, int] | None:
        # Image Edit ignores `size`: the result has the input's size.
        if request.mode is Mode.EDIT:
            source = request.source
            return (source.width, source.height) if source is not None else None
        return (request.width, request.height) if request.has_fixed_size else None

    def parse_balance(self, body: object, *, trace_id: str | None) -> Balance | None:
        value = body.get("balance") if isinstance(body, Mapping) else None
        try:
            amount = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise self.bad_response("the account answer has no balance", trace_id) from None
        return Balance(amount=amount, currency="CNY")

    # -- errors ------------------------------------------------------------------------------

    def map_error(
        self, reply: ErrorReply, request: GenerationRequest | None, spec: ModelSpec | None
    ) -> AppError:
        error = from_status(
            reply.status, reply.body, trace_id=reply.trace_id, retry_after=reply.retry_after
        )
        words = server_message_of(reply.body)
        if spec is not None and spec.lifecycle.status == "retired" and _model_gone(reply, words):
            return _reworded(error, retired_message(spec, self.table, reply.status))
        if reply.status == 400 and spec is not None and spec.sizes and mentions_size(words):
            size = request.size if request is not None else "?"
            return _reworded(
                error,
                tr("ApiError", "{model} does not take the size {size}. It takes: {sizes}.").format(
                    model=spec.name, size=size, sizes=", ".join(spec.sizes)
                ),
            )
        return error


def _reworded(error: AppError, message: str) -> AppError:
    """The same error (kind, status, retry rule, server words) with a more precise message."""
    return AppError(
        error.kind,
        message,
        status=error.status,
        server_message=error.server_message,
        trace_id=error.trace_id,
        retry_safe=error.retry_safe,
        retry_after=error.retry_after,
    )


def _model_gone(reply: ErrorReply, words: str | None) -> bool:
    if reply.status in (404, 503):
        return True
    return reply.status == 400 and any(w in (words or "").lower() for w in _MODEL_GONE_WORDS)


def working_providers(table: ModelTable) -> list[str]:
    """Labels of the providers with a model that is not retired (or models of the user's own)."""
    labels = []
    for provider in table.providers:
        models = table.models_of(provider.id)
        if provider.custom_models or any(model.lifecycle.status != "retired" for model in models):
            labels.append(provider.label)
    return labels


def retired_message(
    spec: ModelSpec, table: ModelTable, status: int, today: dt.date | None = None
) -> str:
    """ "<model> was retired by StepFun on <date>", the replacement, and what works instead."""
    date = spec.lifecycle.date or "?"
    if spec.is_retired(today):
        text = tr(
            "ApiError",
            "{model} was retired by StepFun on {date} (the server answered HTTP {status}).",
        )
    else:
        text = tr(
            "ApiError",
            "{model} is being retired by StepFun on {date}, and its server already refuses it "
            "(HTTP {status}).",
        )
    parts = [text.format(model=spec.name, date=date, status=status)]
    replacement = table.get(spec.lifecycle.replacement or "")
    if replacement is not None and replacement.lifecycle.status == "retired":
        parts.append(
            tr(
                "ApiError",
                "StepFun named {replacement} as its replacement, which was retired too, on {date}.",
            ).format(replacement=replacement.name, date=replacement.lifecycle.date or "?")
        )
    elif spec.lifecycle.replacement:
        parts.append(
            tr("ApiError", "StepFun names {replacement} as its replacement.").format(
                replacement=spec.lifecycle.replacement
            )
        )
    # The names in the UI's language (the table's labels are translated under ProviderNames).
    others = [
        tr("ProviderNames", label) for label in working_providers(table) if label != "StepFun"
    ]
    if others:
        parts.append(
            tr(
                "ApiError",
                "Pictures can be made today with: {providers}. Choose one in Settings.",
            ).format(providers=tr("ApiError", ", ").join(others))
        )
    return " ".join(parts)


def _image2image_body(request: GenerationRequest) -> dict[str, Any]:
    if request.source is None:
        raise ValueError("a redraw needs request.source")
    return {
        "model": request.model,
        "prompt": request.prompt,
        "source_url": request.source.data_uri,
        "source_weight": request.source_weight,
        "size": request.size,
        "n": 1,
        "response_format": request.response_format.value,
        "seed": request.seed,
        "steps": request.steps,
        "cfg_scale": request.cfg_scale,
    }


def _edit_call(request: GenerationRequest) -> WireCall:
    source = request.source
    if source is None:
        raise ValueError("an edit needs request.source")
    extension = "jpg" if source.mime == "image/jpeg" else "png"
    fields: list[tuple[str, object]] = [
        ("prompt", request.prompt),
        ("model", request.model),
        ("response_format", request.response_format.value),
        ("seed", request.seed),
        ("steps", request.steps),
        ("cfg_scale", request.cfg_scale),
        ("text_mode", request.text_mode),
    ]
    if request.negative_prompt:
        fields.append(("negative_prompt", request.negative_prompt))
    return WireCall(
        "/images/edits",
        form=tuple((name, form_value(value)) for name, value in fields),
        files=(Upload("image", f"image.{extension}", source.data, source.mime),),
    )
