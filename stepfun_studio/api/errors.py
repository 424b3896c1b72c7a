"""Turns every failure on the wire into an `AppError` a person can act on.

An answer can be an HTTP error status, a transport failure (refused, cut off, timed out), or
well-formed HTTP that is still useless (a filtered image, bytes that are not a picture). Each
case becomes one `AppError` with: a message saying what to do, the status, the server's own
words (`error.message` of the envelope), the trace id for support, and `retry_safe`, which is
True only when sending again cannot pay twice for one picture.

The status texts here are StepFun's; the other providers' adapters word theirs in
`api.providers.messages`, with these same kinds and rules.

The API key never appears here: server messages and exception texts are passed through
`clean_server_text` (control characters out, then `core.redaction.redact`) before they are kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.redaction import redact
from stepfun_studio.core.text import tr

TRACE_HEADER = "x-trace-id"

# Terminal escapes (CSI, OSC, and other ESC sequences, in their 7- and 8-bit forms): a server's
# words end up in a log a person may `cat`, and in a terminal under the CLI.
_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -/]*[0-~]?"
)
# What is left of the control characters, and the invisible ones that reorder or hide text.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+")


def clean_server_text(text: str, *, limit: int = 500) -> str:
    """A server's words fit to show: escapes and control characters out, secrets redacted.

    Whitespace runs (newlines included) become one space: it is shown on one line.
    """
    text = _ESCAPES.sub("", text)
    text = " ".join(_CONTROLS.sub(" ", text).split())
    return redact(text)[:limit]


def trace_id_of(headers: Mapping[str, str] | Any) -> str | None:
    """The `X-Trace-Id` header, case-insensitively, or None."""
    try:
        value = headers.get(TRACE_HEADER) or headers.get("X-Trace-Id")
    except AttributeError:
        return None
    return str(value) if value else None


def server_message_of(body: object) -> str | None:
    """`message` of the error envelope; the SDK already unwrapped `{"error": …}` into `body`."""
    if isinstance(body, Mapping):
        inner = body.get("error", body)
        if isinstance(inner, Mapping) and inner.get("message"):
            return clean_server_text(str(inner["message"])) or None
    if isinstance(body, str) and body.strip():
        return clean_server_text(body) or None
    return None


def retry_after_of(headers: Mapping[str, str] | Any) -> float | None:
    """Seconds from `Retry-After` (or `retry-after-ms`); None when absent or unreadable."""
    try:
        millis = headers.get("retry-after-ms")
        if millis:
            return max(0.0, float(millis) / 1000.0)
        seconds = headers.get("retry-after")
        if seconds:
            return max(0.0, float(seconds))
    except (AttributeError, ValueError):
        return None
    return None


def _status_message(status: int) -> tuple[ErrorKind, str, bool]:
    """Kind, message and retry-safety for an HTTP status the server answered with."""
    if status == 400:
        return (
            ErrorKind.BAD_REQUEST,
            tr("ApiError", "The server refused a parameter. Change it and try again."),
            True,
        )
    if status in (401, 403):
        return (
            ErrorKind.AUTH,
            tr(
                "ApiError",
                "The API key was not accepted by StepFun. Check the key in Settings (or the "
                "STEPFUN_API_KEY environment variable), and that the region matches it (a key "
                "from api.stepfun.com does not work on api.stepfun.ai).",
            ),
            True,
        )
    if status == 402:
        return (
            ErrorKind.BALANCE,
            tr("ApiError", "Your StepFun balance is used up. Top it up on the StepFun platform."),
            True,
        )
    if status == 404:
        return (
            ErrorKind.NOT_FOUND,
            tr("ApiError", "The server does not know this address. Check the server address."),
            True,
        )
    if status == 429:
        return (
            ErrorKind.RATE_LIMIT,
            tr(
                "ApiError",
                "Too many requests for your account tier. Wait a moment, or lower the number "
                "of images at once.",
            ),
            True,
        )
    if status == 451:
        return (
            ErrorKind.MODERATION,
            tr(
                "ApiError",
                "The prompt or the picture was blocked by moderation. Change the prompt.",
            ),
            True,
        )
    if status >= 500:
        return (
            ErrorKind.SERVER,
            tr(
                "ApiError",
                "StepFun's server had trouble (HTTP {status}). Try again later; this image may "
                "already have been billed.",
            ).format(status=status),
            False,
        )
    return (
        ErrorKind.BAD_RESPONSE,
        tr("ApiError", "The server answered with an unexpected HTTP status {status}.").format(
            status=status
        ),
        False,
    )


def from_status(
    status: int,
    body: object,
    *,
    trace_id: str | None,
    retry_after: float | None = None,
) -> AppError:
    kind, message, retry_safe = _status_message(status)
    return AppError(
        kind,
        message,
        status=status,
        server_message=server_message_of(body),
        trace_id=trace_id,
        retry_safe=retry_safe,
        retry_after=retry_after,
        warns_of_billing=kind is ErrorKind.SERVER,
    )


def standin_failure(error: AppError) -> AppError:
    """`error` as told when the built-in stand-in played the provider (demo mode).

    The stand-in bills nothing, so "this image may have been billed" (`warns_of_billing`) would
    contradict the demo banner; the words say what failed instead. `retry_safe` stays as it
    was: a demo job is not re-sent behind the user's back either, as with the real service.
    """
    if error.status is not None:
        message = tr(
            "ApiError",
            "The built-in stand-in failed (HTTP {status}). Nothing was billed: it is a local "
            "demo. Try again.",
        ).format(status=error.status)
    else:
        message = tr(
            "ApiError",
            "The built-in stand-in failed. Nothing was billed: it is a local demo. Try again.",
        )
    return AppError(
        error.kind,
        message,
        status=error.status,
        server_message=error.server_message,
        trace_id=error.trace_id,
        retry_safe=error.retry_safe,
        retry_after=error.retry_after,
    )


def from_http_error(exc: BaseException) -> AppError:
    """Maps an httpx2 transport error (raised by our own sends) to an `AppError`.

    A timeout while connecting or waiting for a pooled connection never reached the server, so
    sending again is safe; any later timeout may have reached it, and may have been billed.
    """
    name = type(exc).__name__
    if name in ("ConnectTimeout", "PoolTimeout"):
        return AppError(
            ErrorKind.TIMEOUT,
            tr("ApiError", "Could not reach the server in time. Check your connection."),
            retry_safe=True,
        )
    if name.endswith("Timeout") or name == "TimeoutException":
        return AppError(
            ErrorKind.TIMEOUT,
            tr(
                "ApiError",
                "The server took too long to answer. Check your connection and try again; "
                "if the request reached the server, the image may have been billed.",
            ),
            retry_safe=False,
            warns_of_billing=True,
        )
    return from_transport_failure(exc)


def deadline_passed(seconds: float) -> AppError:
    """The whole request outlived its deadline; the server may have done (and billed) the work."""
    return AppError(
        ErrorKind.TIMEOUT,
        tr(
            "ApiError",
            "The server took longer than {seconds} seconds in all. Try again later; if the "
            "request reached the server, the image may have been billed.",
        ).format(seconds=f"{seconds:g}"),
        retry_safe=False,
        warns_of_billing=True,
    )


def from_transport_failure(exc: BaseException) -> AppError:
    """A connection that failed: never opened (safe to resend), or broken mid-answer (not).

    `exc` is the httpx2 error itself, or an error wrapping one (as the openai SDK's do).
    """
    failure = exc
    if not type(exc).__module__.startswith("httpx"):
        failure = exc.__cause__ or exc.__context__ or exc
    failure_name = type(failure).__name__
    detail = clean_server_text(str(failure), limit=300) or None
    if failure_name == "ConnectError":
        return AppError(
            ErrorKind.NETWORK,
            tr(
                "ApiError",
                "Could not connect to the server. Check your internet connection and the "
                "server address.",
            ),
            server_message=detail,
            retry_safe=True,
        )
    # httpx2 says "peer closed connection without sending complete message body" for a cut-off
    # answer, and "Server disconnected without sending a response" for none at all.
    if failure_name == "RemoteProtocolError" and "message body" in str(failure):
        return AppError(
            ErrorKind.BAD_RESPONSE,
            tr(
                "ApiError",
                "The server's answer was cut off. Try again; the image may have been billed.",
            ),
            server_message=detail,
            warns_of_billing=True,
        )
    return AppError(
        ErrorKind.NETWORK,
        tr(
            "ApiError",
            "The connection broke before the answer arrived. Check your connection and try "
            "again; the image may have been billed.",
        ),
        server_message=detail,
        warns_of_billing=True,
    )


def bad_response(
    detail: str, *, trace_id: str | None = None, provider: str | None = None
) -> AppError:
    """A 200 answer that cannot be used (not JSON, no image, wrong shape).

    `provider` is the label of whose support to write to; None is StepFun.
    """
    if provider is None:
        message = tr(
            "ApiError",
            "The server's answer could not be read. Try again; if it keeps happening, send the "
            "trace id to StepFun support.",
        )
    else:
        message = tr(
            "ApiError",
            "The server's answer could not be read. Try again; if it keeps happening, send the "
            "trace id to {provider} support.",
        ).format(provider=provider)
    return AppError(
        ErrorKind.BAD_RESPONSE,
        message,
        server_message=clean_server_text(detail),
        trace_id=trace_id,
    )


def bad_image(detail: str, *, trace_id: str | None = None, provider: str | None = None) -> AppError:
    """The answer carried bytes that are not the picture that was asked for."""
    if provider is None:
        message = tr(
            "ApiError",
            "The server sent something that is not a usable picture. Try again; if it keeps "
            "happening, send the trace id to StepFun support.",
        )
    else:
        message = tr(
            "ApiError",
            "The server sent something that is not a usable picture. Try again; if it keeps "
            "happening, send the trace id to {provider} support.",
        ).format(provider=provider)
    return AppError(
        ErrorKind.BAD_IMAGE,
        message,
        server_message=clean_server_text(detail),
        trace_id=trace_id,
    )


def moderation_blocked(*, trace_id: str | None) -> AppError:
    """`finish_reason: content_filtered`: a blank is not a result."""
    return AppError(
        ErrorKind.MODERATION,
        tr(
            "ApiError",
            "The picture was blocked by moderation. Change the prompt and try again.",
        ),
        server_message="finish_reason: content_filtered",
        trace_id=trace_id,
        retry_safe=True,
    )


def expired_link(status: int, *, trace_id: str | None = None) -> AppError:
    return AppError(
        ErrorKind.EXPIRED_LINK,
        tr(
            "ApiError",
            "The picture's download link had already expired. Generate it again.",
        ),
        status=status,
        server_message=tr("ApiError", "The download link answered HTTP {status}.").format(
            status=status
        ),
        trace_id=trace_id,
    )


def download_failed(detail: str, *, timeout: bool = False) -> AppError:
    return AppError(
        ErrorKind.TIMEOUT if timeout else ErrorKind.NETWORK,
        tr(
            "ApiError",
            "The finished picture could not be downloaded. Check your connection and try again.",
        ),
        server_message=clean_server_text(detail, limit=300) or None,
    )


def config_error(message: str) -> AppError:
    return AppError(ErrorKind.CONFIG, message, retry_safe=True)
