"""The shape every protocol adapter has: build a call, read an answer, map an error.

An adapter knows one protocol's wire format and nothing about sockets: `build` turns a
`GenerationRequest` and the model's `ModelSpec` into a `WireCall` (path, JSON or multipart body,
only the fields the model takes), `parse` turns a 200 answer's JSON into `Answer` pictures
(decoded bytes, or a link the shared client fetches at once), and `map_error` turns a refusal
(status, body, headers) into an `AppError`. So each adapter can be tested as plain functions on
real dicts and bytes, and the rules that must hold for every provider (deadlines, size caps,
which links may be fetched, no resend of a maybe-billed request, 429 retries) live once, in
`providers.client.ImageClient`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from stepfun_studio.api.errors import bad_response, trace_id_of
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ModelSpec, ModelTable, ProviderSpec
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.text import tr


@dataclass(frozen=True)
class Upload:
    """One file part of a multipart body (`name` is the form field's name)."""

    name: str
    filename: str
    data: bytes = field(repr=False)
    mime: str


@dataclass(frozen=True)
class WireCall:
    """One HTTP request to the API, relative to the base URL.

    `json` for a JSON body; otherwise `form` and `files` make a multipart body (fields in order,
    a name may repeat, as `image[]` does).
    """

    path: str
    json: dict[str, Any] | None = None
    form: tuple[tuple[str, str], ...] = ()
    files: tuple[Upload, ...] = ()
    method: str = "POST"

    @property
    def is_multipart(self) -> bool:
        return self.json is None and bool(self.form or self.files)


@dataclass(frozen=True)
class Picture:
    """One picture of an answer: its bytes, or a link to fetch at once; or why it failed."""

    data: bytes | None = field(default=None, repr=False)
    url: str | None = None
    seed: int | None = None
    finish_reason: str = "success"
    failure: AppError | None = None


@dataclass(frozen=True)
class Answer:
    """A 200 answer read into pictures, with the provider's usage figures."""

    pictures: tuple[Picture, ...]
    created: int | None = None
    usage: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class ErrorReply:
    """A refusal as it arrived: the status, the body (JSON, or text, or None), the headers."""

    status: int
    body: object
    headers: Mapping[str, str]
    trace_id: str | None = None
    retry_after: float | None = None


@dataclass(frozen=True)
class Balance:
    """What is left on the account, where the provider says (StepFun `GET /accounts`)."""

    amount: float
    currency: str


class ProviderAdapter(ABC):
    """One protocol. Subclasses implement `build`, `parse` and `map_error`; the rest is shared.

    `needs_spec`: False only where the protocol can be spoken for a model the table does not
    know (StepFun's, as before providers existed); then `spec` may be None.
    """

    needs_spec = True
    # Response headers that carry the request id support asks for, first found wins.
    trace_headers: tuple[str, ...] = ("x-request-id", "x-trace-id")

    def __init__(self, provider: ProviderSpec, table: ModelTable) -> None:
        self.provider = provider
        self.table = table

    @property
    def label(self) -> str:
        return self.provider.label

    @property
    def support_label(self) -> str | None:
        """Whose support a "could not be read" message names (None: StepFun's own wording)."""
        return self.provider.label

    @property
    def key_required(self) -> bool:
        # A team's own server (custom models) may well take no key at all.
        return not self.provider.custom_models

    def missing_key(self) -> AppError:
        from stepfun_studio.api.providers.messages import missing_key

        return missing_key(self.provider)

    @abstractmethod
    def build(self, request: GenerationRequest, spec: ModelSpec | None) -> WireCall:
        """The call for one picture; raises AppError for what cannot be sent (nothing sent)."""

    @abstractmethod
    def parse(
        self,
        body: object,
        request: GenerationRequest,
        spec: ModelSpec | None,
        *,
        trace_id: str | None,
    ) -> Answer:
        """A 200 answer's JSON as pictures; raises AppError when it is unusable."""

    @abstractmethod
    def map_error(
        self, reply: ErrorReply, request: GenerationRequest | None, spec: ModelSpec | None
    ) -> AppError:
        """The `AppError` for a refusal; `request` is None for the model list or the balance."""

    # -- shared defaults ----------------------------------------------------------------------

    def trace_id(self, headers: Mapping[str, str]) -> str | None:
        for name in self.trace_headers:
            value = headers.get(name)
            if value:
                return str(value)
        return trace_id_of(headers)

    def expected_size(
        self, request: GenerationRequest, spec: ModelSpec | None
    ) -> tuple[int, int] | None:
        """The size the picture must have, where the model promises one exactly."""
        if spec is None or not spec.result_size_exact or request.mode is Mode.EDIT:
            return None
        return (request.width, request.height) if request.has_fixed_size else None

    def cost(
        self, request: GenerationRequest, spec: ModelSpec | None, answer: Answer
    ) -> tuple[float | None, str | None]:
        """What the picture cost: the table's price for the request's options."""
        if spec is None or spec.price is None:
            return None, None
        return spec.price.for_options(dict(request.options)), spec.price.currency

    def parse_models(self, body: object, *, trace_id: str | None) -> list[str]:
        """`{"data": [{"id": …}, …]}`, the OpenAI shape most providers answer `/models` in."""
        items = body.get("data") if isinstance(body, Mapping) else None
        if not isinstance(items, list):
            raise self.bad_response("the model list has no `data` list", trace_id)
        return [str(item["id"]) for item in items if isinstance(item, Mapping) and "id" in item]

    def parse_balance(self, body: object, *, trace_id: str | None) -> Balance | None:
        return None

    def bad_response(self, detail: str, trace_id: str | None) -> AppError:
        return bad_response(detail, trace_id=trace_id, provider=self.support_label)


# -- helpers the adapters share ---------------------------------------------------------------


def images_of(request: GenerationRequest) -> list[ReferenceImage]:
    """The pictures a request sends: the source first, then the references in order."""
    images = [request.source] if request.source is not None else []
    return images + list(request.references)


def pictures_within_limits(
    request: GenerationRequest, spec: ModelSpec, wire_limit: int | None = None
) -> list[ReferenceImage]:
    """`images_of(request)`, or the AppError (before anything is sent) when there are too many.

    The model takes its source plus `max_references`; `wire_limit` is the protocol's own cap on
    all pictures of one request (Ark 14, OpenAI 16, SiliconFlow 3).
    """
    images = images_of(request)
    allowed = spec.max_references + (1 if request.source is not None else 0)
    if wire_limit is not None:
        allowed = min(allowed, wire_limit)
    if len(images) > allowed:
        raise AppError(
            ErrorKind.BAD_REQUEST,
            tr(
                "ApiError",
                "{model} takes at most {allowed} pictures in one request; this one has {count}. "
                "Remove some references.",
            ).format(model=spec.name, allowed=allowed, count=len(images)),
            retry_safe=True,
        )
    return images


def int_or_none(value: object) -> int | None:
    """An integer from JSON (an int, or digits in a string); None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def first_item(
    body: object, key: str, label: str | None, trace_id: str | None
) -> Mapping[str, Any]:
    """`body[key][0]` as a mapping, or the AppError a malformed answer deserves."""
    if not isinstance(body, Mapping):
        raise bad_response("the answer is not a JSON object", trace_id=trace_id, provider=label)
    items = body.get(key)
    if not isinstance(items, list):
        raise bad_response(
            f"the answer is not an image response (no `{key}` list)",
            trace_id=trace_id,
            provider=label,
        )
    if not items:
        raise bad_response("the answer holds no image", trace_id=trace_id, provider=label)
    item = items[0]
    if not isinstance(item, Mapping):
        raise bad_response("the image entry is not an object", trace_id=trace_id, provider=label)
    return item


def usage_of(body: object) -> tuple[tuple[str, int], ...]:
    """`usage` as flat (name, count) pairs; nested details become `input_text_tokens` etc."""
    usage = body.get("usage") if isinstance(body, Mapping) else None
    if not isinstance(usage, Mapping):
        return ()
    pairs: list[tuple[str, int]] = []
    for name, value in usage.items():
        count = int_or_none(value)
        if count is not None:
            pairs.append((str(name), count))
        elif isinstance(value, Mapping) and str(name).endswith("_tokens_details"):
            prefix = str(name).removesuffix("_tokens_details")
            for part, inner in value.items():
                inner_count = int_or_none(inner)
                if inner_count is not None:
                    pairs.append((f"{prefix}_{part}", inner_count))
    return tuple(pairs)


def form_value(value: object) -> str:
    """A multipart field's text: JSON's true/false for booleans, as the SDKs send them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
