"""`StepFunClient`: one image per call from StepFun (or the stand-in), as a `GenerationResult`.

It speaks the three endpoints through the openai SDK's async client with `max_retries=0`: every
image is billed, so nothing is resent behind the user's back. The one exception is a 429, which
the server refused before doing any work; it is retried here with backoff, honouring
`Retry-After` within a bound. Everything that goes wrong leaves as an `AppError`.

`import openai` costs about half a second, so it happens on first use, not on import: the GUI can
import this module for free and build the client on its worker thread.

Cancelling the task that awaits `generate_one` drops the socket at once (the async client's
cancellation); the server may still finish, and bill, that image.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from stepfun_studio.api.config import check_base_url
from stepfun_studio.api.errors import (
    bad_response,
    config_error,
    from_sdk_exception,
    moderation_blocked,
    trace_id_of,
)
from stepfun_studio.api.images import decode_b64, download, inspect_image, is_png
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.redaction import remember_secret
from stepfun_studio.core.request import GenerationRequest, Mode
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.core.text import tr

if TYPE_CHECKING:
    import httpx2
    from openai import AsyncOpenAI
    from openai.types import ImagesResponse


class StepFunClient:
    """Async client for StepFun's image endpoints; one instance per event loop."""

    def __init__(
        self,
        api_key: str,
        base_url: str,
        *,
        connect_timeout_s: float = 10.0,
        request_timeout_s: float = 180.0,
        download_timeout_s: float = 60.0,
        download_cap_bytes: int = 64 * 1024 * 1024,
        max_rate_limit_retries: int = 3,
        max_retry_after_s: float = 30.0,
        rate_limit_backoff_s: float = 1.0,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        problem = check_base_url(base_url)
        if problem is not None:
            raise config_error(problem)
        if not api_key:
            raise AppError(
                ErrorKind.AUTH,
                tr("ApiError", "No API key is set. Enter your StepFun API key in Settings."),
                retry_safe=True,
            )
        remember_secret(api_key)
        self._api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.connect_timeout_s = connect_timeout_s
        self.request_timeout_s = request_timeout_s
        self.download_timeout_s = download_timeout_s
        self.download_cap_bytes = download_cap_bytes
        self.max_rate_limit_retries = max_rate_limit_retries
        self.max_retry_after_s = max_retry_after_s
        self.rate_limit_backoff_s = rate_limit_backoff_s
        self._default_headers = dict(default_headers or {})
        self._sdk: AsyncOpenAI | None = None
        self._downloader: httpx2.AsyncClient | None = None

    def __repr__(self) -> str:
        return f"StepFunClient(base_url={self.base_url!r})"

    # -- the SDK and the download client, built on first use ---------------------------------

    def _client(self) -> AsyncOpenAI:
        if self._sdk is None:
            import httpx2
            from openai import AsyncOpenAI

            self._sdk = AsyncOpenAI(
                api_key=self._api_key,
                base_url=self.base_url,
                max_retries=0,
                timeout=httpx2.Timeout(self.request_timeout_s, connect=self.connect_timeout_s),
                default_headers=self._default_headers or None,
            )
        return self._sdk

    def _download_client(self) -> httpx2.AsyncClient:
        # A separate client with no Authorization header: result links live on another host.
        if self._downloader is None:
            import httpx2

            self._downloader = httpx2.AsyncClient(
                timeout=httpx2.Timeout(self.download_timeout_s, connect=self.connect_timeout_s),
                follow_redirects=True,
            )
        return self._downloader

    async def aclose(self) -> None:
        if self._sdk is not None:
            await self._sdk.close()
            self._sdk = None
        if self._downloader is not None:
            await self._downloader.aclose()
            self._downloader = None

    async def __aenter__(self) -> StepFunClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # -- calls -------------------------------------------------------------------------------

    async def list_models(self) -> list[str]:
        """The model ids the key may use (GET /v1/models); the cheapest way to test a key."""
        import openai

        try:
            page = await self._client().models.list()
        except openai.OpenAIError as error:
            raise from_sdk_exception(error) from None
        return [model.id for model in page.data]

    async def generate_one(self, request: GenerationRequest) -> GenerationResult:
        """One picture for a single-image request; raises AppError, or CancelledError."""
        if request.n != 1:
            raise ValueError("generate_one takes a single-image request; use fan_out() first")
        started = time.monotonic()
        response, trace_id = await self._send_with_rate_retries(request)
        items = response.data or []
        if not items:
            raise bad_response("the answer holds no image", trace_id=trace_id)
        item = items[0]
        finish_reason = str(getattr(item, "finish_reason", None) or "success")
        if finish_reason == "content_filtered":
            raise moderation_blocked(trace_id=trace_id)
        # getattr: a malformed answer may carry something other than an image object here.
        b64_json, url = getattr(item, "b64_json", None), getattr(item, "url", None)
        if isinstance(b64_json, str) and b64_json:
            data = decode_b64(b64_json, trace_id=trace_id)
        elif isinstance(url, str) and url:
            data = await download(
                self._download_client(),
                url,
                cap_bytes=self.download_cap_bytes,
                trace_id=trace_id,
            )
        else:
            raise bad_response("the answer has neither url nor b64_json", trace_id=trace_id)
        expected = _expected_size(request)
        if is_png(data):
            # A PNG is checked chunk by chunk without decoding: well under a millisecond.
            width, height, mime = inspect_image(data, expected, trace_id=trace_id)
        else:
            # Other formats are decoded to be checked; that takes tens of milliseconds for a
            # large picture, so it runs off the event loop.
            width, height, mime = await asyncio.to_thread(
                inspect_image, data, expected, trace_id=trace_id
            )
        return GenerationResult(
            request=request,
            image_bytes=data,
            seed=_returned_seed(getattr(item, "seed", None), request.seed),
            finish_reason=finish_reason,
            width=width,
            height=height,
            mime=mime,
            trace_id=trace_id,
            elapsed_s=time.monotonic() - started,
            created=getattr(response, "created", None),
        )

    async def _send_with_rate_retries(
        self, request: GenerationRequest
    ) -> tuple[ImagesResponse, str | None]:
        attempt = 0
        while True:
            try:
                return await self._send(request)
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

    async def _send(self, request: GenerationRequest) -> tuple[ImagesResponse, str | None]:
        """One HTTP request for `request`; the parsed answer and its trace id."""
        import openai

        try:
            raw = await self._post(request)
            trace_id = trace_id_of(raw.headers)
            try:
                parsed = raw.parse()
            except (ValueError, openai.APIResponseValidationError) as error:
                raise bad_response(
                    f"the answer is not valid JSON: {error}", trace_id=trace_id
                ) from None
        except openai.OpenAIError as error:
            raise from_sdk_exception(error) from None
        if not hasattr(parsed, "data"):
            raise bad_response("the answer is not an image response", trace_id=trace_id)
        return cast("ImagesResponse", parsed), trace_id

    async def _post(self, request: GenerationRequest) -> Any:
        """The raw SDK response (`LegacyAPIResponse`), so the trace id header can be read."""
        sdk = self._client()
        if request.mode is Mode.EDIT:
            return await sdk.images.with_raw_response.edit(**_edit_arguments(request))
        if request.mode is Mode.REDRAW:
            from openai._constants import RAW_RESPONSE_HEADER
            from openai.types import ImagesResponse

            # The SDK has no method for image2image; a plain post with the SDK's own auth,
            # parsing and raw-response switch does the same job.
            return await sdk.post(
                "/images/image2image",
                body=_image2image_body(request),
                cast_to=ImagesResponse,
                options={
                    "headers": {RAW_RESPONSE_HEADER: "true"},
                    "security": {"bearer_auth": True},
                },
            )
        return await sdk.images.with_raw_response.generate(
            model=request.model,
            prompt=request.prompt,
            size=request.size,
            n=1,
            response_format=request.response_format.value,
            extra_body=_generation_extras(request),
        )


def _returned_seed(value: object, asked: int) -> int:
    # The server returns the seed it used, even a random one; keep that, not the one asked for.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return asked


def _expected_size(request: GenerationRequest) -> tuple[int, int] | None:
    # Image Edit ignores `size`: the result has the input's size.
    if request.mode is Mode.EDIT:
        source = request.source
        return (source.width, source.height) if source is not None else None
    return request.width, request.height


def _generation_extras(request: GenerationRequest) -> dict[str, object]:
    extras: dict[str, object] = {
        "seed": request.seed,
        "steps": request.steps,
        "cfg_scale": request.cfg_scale,
    }
    if request.style is not None:
        extras["style_reference"] = {
            "source_url": request.style.data_uri,
            "weight": request.style_weight,
        }
    return extras


def _image2image_body(request: GenerationRequest) -> dict[str, object]:
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


def _edit_arguments(request: GenerationRequest) -> dict[str, Any]:
    source = request.source
    if source is None:
        raise ValueError("an edit needs request.source")
    extension = "jpg" if source.mime == "image/jpeg" else "png"
    extras: dict[str, object] = {
        "seed": request.seed,
        "steps": request.steps,
        "cfg_scale": request.cfg_scale,
        "text_mode": request.text_mode,
    }
    if request.negative_prompt:
        extras["negative_prompt"] = request.negative_prompt
    return {
        "image": (f"image.{extension}", source.data, source.mime),
        "prompt": request.prompt,
        "model": request.model,
        "response_format": request.response_format.value,
        "extra_body": extras,
    }
