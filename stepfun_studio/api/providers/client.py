"""`ImageClient`: one picture per call from any provider, through that provider's adapter.

The adapter says what to send and how to read the answer; this class holds the rules that must
be the same for every provider:

- every image may be billed, so nothing is resent behind the user's back; the one exception is a
  429, which the server refused before doing any work, retried a bounded number of times,
  honouring `Retry-After` within a bound;
- a whole-request deadline around each call and around each result download (an
  `asyncio.timeout`, besides httpx2's connect and read timeouts), and byte caps on the answer and
  on each download;
- result links to private or local addresses are not fetched unless the API is on this machine;
- the picture is checked (a real, complete image of the promised size) before it is returned;
- everything that goes wrong leaves as an `AppError`; cancelling the awaiting task drops the
  socket at once (the server may still finish, and bill, that image).

Why httpx2 directly rather than the openai SDK: the SDK reads a whole answer into memory before
we see it (no byte cap), wraps transport errors in its own classes, parses every answer into
pydantic models (which Ark's and SiliconFlow's shapes do not fit), and costs half a second to
import. With httpx2 the body is streamed and capped, the deadline wraps exactly one call, and each
adapter reads plain JSON. httpx2 is imported on first use, so the GUI can import this for free.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Mapping
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from stepfun_studio import __version__
from stepfun_studio.api.config import check_base_url, is_loopback_host
from stepfun_studio.api.errors import (
    config_error,
    deadline_passed,
    download_failed,
    from_http_error,
    retry_after_of,
    standin_failure,
)
from stepfun_studio.api.images import inspect_image, is_png
from stepfun_studio.api.providers import http
from stepfun_studio.api.providers.base import (
    Answer,
    Balance,
    ErrorReply,
    ProviderAdapter,
    WireCall,
)
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ModelSpec
from stepfun_studio.core.redaction import remember_secret
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.core.text import tr

if TYPE_CHECKING:
    import httpx2

# Answers bigger than this are parsed off the event loop (a 4K picture in base64 is ~30 MB).
PARSE_IN_THREAD_BYTES = 1024 * 1024


class ImageClient:
    """Async client for one provider's image API; one instance per event loop."""

    def __init__(
        self,
        adapter: ProviderAdapter,
        *,
        api_key: str,
        base_url: str,
        connect_timeout_s: float = 10.0,
        request_timeout_s: float = 180.0,
        download_timeout_s: float = 60.0,
        request_deadline_s: float = 300.0,
        download_deadline_s: float = 120.0,
        download_cap_bytes: int = 64 * 1024 * 1024,
        response_cap_bytes: int = 128 * 1024 * 1024,
        max_rate_limit_retries: int = 3,
        max_retry_after_s: float = 30.0,
        rate_limit_backoff_s: float = 1.0,
        default_headers: Mapping[str, str] | None = None,
        demo: bool = False,
    ) -> None:
        problem = check_base_url(base_url)
        if problem is not None:
            raise config_error(problem)
        if not api_key and adapter.key_required:
            raise adapter.missing_key()
        remember_secret(api_key)
        self._adapter = adapter
        self._api_key = api_key
        self.base_url = base_url.strip().rstrip("/")
        self.connect_timeout_s = connect_timeout_s
        self.request_timeout_s = request_timeout_s
        self.download_timeout_s = download_timeout_s
        self.request_deadline_s = request_deadline_s
        self.download_deadline_s = download_deadline_s
        self.download_cap_bytes = download_cap_bytes
        self.response_cap_bytes = response_cap_bytes
        self.max_rate_limit_retries = max_rate_limit_retries
        self.max_retry_after_s = max_retry_after_s
        self.rate_limit_backoff_s = rate_limit_backoff_s
        self._default_headers = dict(default_headers or {})
        # The built-in stand-in plays this provider: its failures cost nothing, and say so.
        self.demo = demo
        # Links to this machine or the local network are fine only when the API is here too.
        self._allow_private_links = is_loopback_host(urlsplit(self.base_url).hostname or "")
        self._http: httpx2.AsyncClient | None = None
        self._downloader: httpx2.AsyncClient | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(provider={self.provider_id!r}, base_url={self.base_url!r})"

    @property
    def provider_id(self) -> str:
        return self._adapter.provider.id

    @property
    def adapter(self) -> ProviderAdapter:
        return self._adapter

    # -- the HTTP clients, built on first use -------------------------------------------------

    def _api(self) -> httpx2.AsyncClient:
        if self._http is None:
            import httpx2

            headers = {"User-Agent": f"StepFunStudio/{__version__}", **self._default_headers}
            if self._api_key:
                headers["Authorization"] = f"Bearer {self._api_key}"
            self._http = httpx2.AsyncClient(
                base_url=self.base_url + "/",
                headers=headers,
                timeout=httpx2.Timeout(self.request_timeout_s, connect=self.connect_timeout_s),
                follow_redirects=False,
            )
        return self._http

    def _downloads(self) -> httpx2.AsyncClient:
        # A separate client with no Authorization header: result links live on another host.
        if self._downloader is None:
            import httpx2

            self._downloader = httpx2.AsyncClient(
                timeout=httpx2.Timeout(self.download_timeout_s, connect=self.connect_timeout_s),
                follow_redirects=False,  # http.fetch_link follows them, checking each hop
            )
        return self._downloader

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None
        if self._downloader is not None:
            await self._downloader.aclose()
            self._downloader = None

    async def __aenter__(self) -> ImageClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # -- calls -------------------------------------------------------------------------------

    async def generate_one(self, request: GenerationRequest) -> GenerationResult:
        """One picture for a single-image request; raises AppError, or CancelledError.

        On a demo client a failure whose words warn of billing says the stand-in failed.
        """
        try:
            return await self._generate_one(request)
        except AppError as error:
            if self.demo and error.warns_of_billing:
                raise standin_failure(error) from None
            raise

    async def _generate_one(self, request: GenerationRequest) -> GenerationResult:
        if request.n != 1:
            raise ValueError("generate_one takes a single-image request; use fan_out() first")
        spec = self._spec(request.model)
        call = self._adapter.build(request, spec)
        started = time.monotonic()
        answer, trace_id = await self._send_with_rate_retries(call, request, spec)
        label = self._adapter.support_label
        if not answer.pictures:
            raise self._adapter.bad_response("the answer holds no image", trace_id)
        picture = answer.pictures[0]
        if picture.failure is not None:
            raise picture.failure
        if picture.data is not None:
            data = picture.data
        elif picture.url:
            data = await self._download(picture.url, trace_id)
        else:
            raise self._adapter.bad_response("the answer has neither url nor b64_json", trace_id)
        expected = self._adapter.expected_size(request, spec)
        if is_png(data):
            # A PNG is checked chunk by chunk without decoding: well under a millisecond.
            width, height, mime = inspect_image(data, expected, trace_id=trace_id, provider=label)
        else:
            # Other formats are decoded to be checked; that takes tens of milliseconds for a
            # large picture, so it runs off the event loop.
            width, height, mime = await asyncio.to_thread(
                inspect_image, data, expected, trace_id=trace_id, provider=label
            )
        cost, currency = self._adapter.cost(request, spec, answer)
        return GenerationResult(
            request=request,
            image_bytes=data,
            seed=picture.seed if picture.seed is not None else request.seed,
            finish_reason=picture.finish_reason,
            width=width,
            height=height,
            mime=mime,
            trace_id=trace_id,
            elapsed_s=time.monotonic() - started,
            created=answer.created,
            cost=cost,
            currency=currency,
            usage=answer.usage,
        )

    async def list_models(self) -> list[str]:
        """The model ids the key may use: the free way to test a key, where there is one."""
        path = self._adapter.provider.models_path
        if not path:
            raise AppError(
                ErrorKind.CONFIG,
                tr(
                    "ApiError",
                    "{provider} has no free way to test a key. Generate one picture to check "
                    "it (that picture is billed).",
                ).format(provider=self._adapter.label),
                retry_safe=True,
            )
        body, trace_id = await self._exchange(WireCall(path, method="GET"), None, None)
        return self._adapter.parse_models(self._json(body, trace_id), trace_id=trace_id)

    async def balance(self) -> Balance | None:
        """What is left on the account; None where the provider has no balance endpoint."""
        path = self._adapter.provider.balance_path
        if not path:
            return None
        body, trace_id = await self._exchange(WireCall(path, method="GET"), None, None)
        return self._adapter.parse_balance(self._json(body, trace_id), trace_id=trace_id)

    async def post_json(self, path: str, body: dict[str, object]) -> object:
        """One JSON call to another endpoint of this API (the prompt assistant's chat), under
        the same deadline, cap and error mapping as a picture; never retried."""
        raw, trace_id = await self._exchange(WireCall(path, json=body), None, None)
        return self._json(raw, trace_id)

    async def post_events(self, path: str, body: dict[str, object]) -> AsyncIterator[object]:
        """A streamed JSON call: each server-sent `data:` event, parsed, as it arrives.

        The byte cap counts the whole stream; the caller puts the deadline around the loop. A
        server that answers with plain JSON instead of a stream gives that one object.
        """
        import httpx2

        content = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
        try:
            async with self._api().stream(
                "POST", path.lstrip("/"), content=content, headers=headers
            ) as response:
                trace_id = self._adapter.trace_id(response.headers)
                if not 200 <= response.status_code < 300:
                    raw = await http.read_error_body(response)
                    reply = ErrorReply(
                        status=response.status_code,
                        body=http.parse_body(raw),
                        headers=response.headers,
                        trace_id=trace_id,
                        retry_after=retry_after_of(response.headers),
                    )
                    raise self._adapter.map_error(reply, None, None)
                async for event in http.server_events(response, self.response_cap_bytes):
                    yield self._json(event, trace_id)
        except httpx2.HTTPError as error:
            raise from_http_error(error) from None
        except http.CapExceededError as over:
            raise self._adapter.bad_response(str(over), None) from None

    # -- the pieces --------------------------------------------------------------------------

    def _spec(self, model: str) -> ModelSpec | None:
        spec = self._adapter.table.get(model)
        # Only this provider's entry counts: a team's server may serve "Qwen/Qwen-Image" too,
        # but takes other fields than SiliconFlow's model of that name.
        if spec is not None and spec.provider == self.provider_id:
            return spec
        if self._adapter.provider.custom_models:
            # A model the user has not described: send only what every such server takes.
            return self._adapter.table.compatible_model(model, fields=frozenset())
        if not self._adapter.needs_spec:
            return None
        raise AppError(
            ErrorKind.CONFIG,
            tr(
                "ApiError", "{provider} has no model called {model}. Choose one of: {models}."
            ).format(
                provider=self._adapter.label,
                model=model,
                models=", ".join(m.name for m in self._adapter.table.models_of(self.provider_id)),
            ),
            retry_safe=True,
        )

    async def _send_with_rate_retries(
        self, call: WireCall, request: GenerationRequest, spec: ModelSpec | None
    ) -> tuple[Answer, str | None]:
        attempt = 0
        while True:
            try:
                body, trace_id = await self._exchange(call, request, spec)
            except AppError as error:
                if error.kind is not ErrorKind.RATE_LIMIT or attempt >= self.max_rate_limit_retries:
                    raise
                wait = error.retry_after
                if wait is None:
                    wait = self.rate_limit_backoff_s * (2**attempt)
                if wait > self.max_retry_after_s:
                    raise
                attempt += 1
                await asyncio.sleep(wait)
                continue
            if len(body) > PARSE_IN_THREAD_BYTES:
                answer = await asyncio.to_thread(self._answer, body, request, spec, trace_id)
            else:
                answer = self._answer(body, request, spec, trace_id)
            return answer, trace_id

    async def _exchange(
        self, call: WireCall, request: GenerationRequest | None, spec: ModelSpec | None
    ) -> tuple[bytes, str | None]:
        """One HTTP request within the deadline: the 2xx body, or the mapped AppError."""
        import httpx2

        try:
            async with asyncio.timeout(self.request_deadline_s) as deadline:
                raw = await http.send(
                    self._api(),
                    call,
                    cap=self.response_cap_bytes,
                    trace_id_of=self._adapter.trace_id,
                    provider=self._adapter.support_label,
                )
        except TimeoutError:
            if deadline.expired():
                raise deadline_passed(self.request_deadline_s) from None
            raise
        except httpx2.HTTPError as error:
            raise from_http_error(error) from None
        trace_id = self._adapter.trace_id(raw.headers)
        if 200 <= raw.status < 300:
            return raw.body, trace_id
        reply = ErrorReply(
            status=raw.status,
            body=http.parse_body(raw.body),
            headers=raw.headers,
            trace_id=trace_id,
            retry_after=retry_after_of(raw.headers),
        )
        raise self._adapter.map_error(reply, request, spec)

    def _json(self, body: bytes, trace_id: str | None) -> object:
        try:
            return json.loads(body)
        except ValueError as error:
            raise self._adapter.bad_response(
                f"the answer is not valid JSON: {error}", trace_id
            ) from None

    def _answer(
        self, body: bytes, request: GenerationRequest, spec: ModelSpec | None, trace_id: str | None
    ) -> Answer:
        return self._adapter.parse(self._json(body, trace_id), request, spec, trace_id=trace_id)

    async def _download(self, url: str, trace_id: str | None) -> bytes:
        try:
            async with asyncio.timeout(self.download_deadline_s) as deadline:
                return await http.fetch_link(
                    self._downloads(),
                    url,
                    cap=self.download_cap_bytes,
                    allow_private=self._allow_private_links,
                    trace_id=trace_id,
                    provider=self._adapter.support_label,
                )
        except TimeoutError:
            if deadline.expired():
                raise download_failed(
                    f"no picture within {self.download_deadline_s:g} s", timeout=True
                ) from None
            raise
