"""OpenAI's Images protocol (gpt-image), and any OpenAI-compatible server (providers.md §1).

- Text to image: `POST /images/generations`, JSON.
- With pictures (an edit, or references): `POST /images/edits`, multipart, `image[]` once per
  picture (the source first, then the references) and an optional `mask` PNG.
- A redraw with a weight (a compatible server that declared `strength`): `POST /images/edits`
  with one `image` and `strength` = the source weight.

What is sent is what the model's `ModelSpec` takes, and nothing else: gpt-image models take no
seed, steps, guidance or negative prompt (their specs have none), and `response_format` is never
sent (GPT image models always answer base64). The options `quality`, `background`,
`output_format` and `input_fidelity` are sent only where the spec lists them for the mode. A
compatible server's model declares its extras (seed, steps, guidance, negative prompt, strength)
and gets them, under the names vLLM-Omni and SGLang use.

Answers are `{"data": [{"b64_json"}], "usage": {...tokens}}`; the token usage becomes the cost
where the table gives token prices. Errors are `{"error": {message, type, param, code}}`.
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
    Upload,
    WireCall,
    first_item,
    form_value,
    int_or_none,
    pictures_within_limits,
    usage_of,
)
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ModelSpec
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.text import tr

MAX_PICTURES = 16
_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}
_QUOTA_CODES = ("insufficient_quota", "billing_hard_limit_reached", "billing_not_active")
_MODERATION_CODES = ("moderation_blocked", "content_policy_violation")


def require_spec(spec: ModelSpec | None) -> ModelSpec:
    if spec is None:  # the client resolves one before building; this is a programming error
        raise ValueError("this protocol needs the model's ModelSpec")
    return spec


def chosen_options(request: GenerationRequest, spec: ModelSpec, mode: Mode) -> dict[str, str]:
    """The options the request set that the model takes in `mode`; a bad value is refused."""
    chosen: dict[str, str] = {}
    for option in spec.options_for(mode):
        value = request.option(option.name)
        if not value:
            continue
        if value not in option.values:
            raise AppError(
                ErrorKind.BAD_REQUEST,
                tr("ApiError", "{model} takes {option} {values}, not “{value}”.").format(
                    model=spec.name,
                    option=option.name,
                    values=" / ".join(option.values),
                    value=value,
                ),
                retry_safe=True,
            )
        chosen[option.name] = value
    return chosen


class OpenAIImagesAdapter(ProviderAdapter):
    trace_headers = ("x-request-id", "x-trace-id")

    # -- building ----------------------------------------------------------------------------

    def build(self, request: GenerationRequest, spec: ModelSpec | None) -> WireCall:
        spec = require_spec(spec)
        images = pictures_within_limits(request, spec, MAX_PICTURES)
        if request.mode is Mode.REDRAW:
            return self._redraw(request, spec)
        if images or request.mask is not None:
            return self._edit(request, spec, images)
        body: dict[str, Any] = {"model": request.model, "prompt": request.prompt, "n": 1}
        if request.size:
            body["size"] = request.size
        body.update(chosen_options(request, spec, Mode.TEXT_TO_IMAGE))
        body.update(self._extras(request, spec, Mode.TEXT_TO_IMAGE))
        return WireCall("/images/generations", json=body)

    def _extras(self, request: GenerationRequest, spec: ModelSpec, mode: Mode) -> dict[str, Any]:
        """The fields beyond OpenAI's own, only where the model declared them."""
        extras: dict[str, Any] = {}
        if spec.seed is not None and request.seed != 0:  # 0: let the server choose
            extras["seed"] = request.seed
        if spec.steps_for(mode) is not None:
            extras["num_inference_steps"] = request.steps
        if spec.cfg_scale is not None:
            extras[spec.wire_name("guidance", "guidance_scale")] = request.cfg_scale
        if spec.supports_negative_prompt and request.negative_prompt:
            extras["negative_prompt"] = request.negative_prompt
        return extras

    def _form(
        self, request: GenerationRequest, spec: ModelSpec, mode: Mode
    ) -> list[tuple[str, str]]:
        fields: list[tuple[str, object]] = [
            ("model", request.model),
            ("prompt", request.prompt),
            ("n", 1),
        ]
        if request.size:
            fields.append(("size", request.size))
        fields += list(chosen_options(request, spec, mode).items())
        fields += list(self._extras(request, spec, mode).items())
        return [(name, form_value(value)) for name, value in fields]

    def _edit(
        self, request: GenerationRequest, spec: ModelSpec, images: list[ReferenceImage]
    ) -> WireCall:
        files = [
            Upload(
                "image[]",
                f"image-{index}.{_EXTENSIONS.get(image.mime, 'png')}",
                image.data,
                image.mime,
            )
            for index, image in enumerate(images, start=1)
        ]
        if request.mask is not None:
            files.append(Upload("mask", "mask.png", request.mask.data, request.mask.mime))
        return WireCall(
            "/images/edits",
            form=tuple(self._form(request, spec, Mode.EDIT)),
            files=tuple(files),
        )

    def _redraw(self, request: GenerationRequest, spec: ModelSpec) -> WireCall:
        source = request.source
        if source is None:
            raise ValueError("a redraw needs request.source")
        form = self._form(request, spec, Mode.REDRAW)
        if spec.has_source_weight:
            form.append(("strength", form_value(request.source_weight)))
        extension = _EXTENSIONS.get(source.mime, "png")
        return WireCall(
            "/images/edits",
            form=tuple(form),
            files=(Upload("image", f"image.{extension}", source.data, source.mime),),
        )

    # -- reading -----------------------------------------------------------------------------

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
        # OpenAI never says which seed it used; a compatible server may (in the item or beside).
        seed = int_or_none(item.get("seed"))
        if seed is None:
            seed = int_or_none(body.get("seed"))
        b64_json, url = item.get("b64_json"), item.get("url")
        if isinstance(b64_json, str) and b64_json:
            data = decode_b64(b64_json, trace_id=trace_id, provider=self.label)
            picture = Picture(data=data, seed=seed)
        elif isinstance(url, str) and url:  # some compatible servers answer a link
            picture = Picture(url=url, seed=seed)
        else:
            raise self.bad_response("the answer has no b64_json", trace_id)
        return Answer((picture,), created=int_or_none(body.get("created")), usage=usage_of(body))

    def cost(
        self, request: GenerationRequest, spec: ModelSpec | None, answer: Answer
    ) -> tuple[float | None, str | None]:
        if spec is not None and spec.price is not None:
            from_tokens = spec.price.for_usage(dict(answer.usage))
            if from_tokens is not None:
                return from_tokens, spec.price.currency
        return super().cost(request, spec, answer)

    # -- errors ------------------------------------------------------------------------------

    def map_error(
        self, reply: ErrorReply, request: GenerationRequest | None, spec: ModelSpec | None
    ) -> AppError:
        envelope = _envelope(reply.body)
        words = _text(envelope.get("message")) or _text(reply.body)
        code = " ".join(_text(envelope.get(key)) or "" for key in ("code", "type")).lower()
        provider = self.provider
        if any(word in code for word in _MODERATION_CODES):
            return messages.blocked(provider, reply, words)
        if any(word in code for word in _QUOTA_CODES):
            return messages.no_balance(provider, reply, words)
        if reply.status in (400, 422) and messages.mentions_size(words, envelope.get("param")):
            size = request.size if request is not None else None
            return messages.size_refused(provider, reply, words, spec, size)
        if reply.status in (400, 404) and "model_not_found" in code:
            return messages.unknown_model(
                provider, reply, words, request.model if request else None
            )
        return messages.by_status(provider, reply, words)


def _envelope(body: object) -> Mapping[str, Any]:
    """The inner object of `{"error": {...}}` (or of a bare `{...}` some servers send)."""
    if isinstance(body, Mapping):
        inner = body.get("error", body)
        if isinstance(inner, Mapping):
            return inner
        if isinstance(inner, str):  # `{"error": "text"}`, as some compatible servers answer
            return {"message": inner}
    return {}


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None
