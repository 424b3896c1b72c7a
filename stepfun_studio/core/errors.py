"""`AppError`: the one error type for everything that can go wrong on the way to a picture.

Every failure the user can meet (a bad key, a rate limit, a broken server answer, a full disk, a
file that is not an image) arrives as an `AppError` carrying a message a person can act on, plus
what support needs: the HTTP status, the server's own words and the trace id.
"""

from __future__ import annotations

from enum import StrEnum

from stepfun_studio.core.text import tr


class ErrorKind(StrEnum):
    AUTH = "auth"
    BAD_REQUEST = "bad_request"
    BALANCE = "balance"
    RATE_LIMIT = "rate_limit"
    MODERATION = "moderation"
    SERVER = "server"
    NETWORK = "network"
    TIMEOUT = "timeout"
    BAD_RESPONSE = "bad_response"
    EXPIRED_LINK = "expired_link"
    CANCELLED = "cancelled"
    NOT_FOUND = "not_found"
    BAD_IMAGE = "bad_image"
    STORAGE = "storage"
    KEYRING = "keyring"
    CONFIG = "config"
    INTERNAL = "internal"  # a bug in Studio itself, not the server's answer nor the user's input


class AppError(Exception):
    """A failure with a message for a person and the facts for support.

    `retry_safe` is True only where sending the same request again cannot pay twice for one
    picture (the request never reached the server, or the server refused it outright).
    `warns_of_billing` marks a message that says the picture may have been billed, so a caller
    that knows nothing was (the built-in stand-in) can say so instead.
    """

    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        *,
        status: int | None = None,
        server_message: str | None = None,
        trace_id: str | None = None,
        retry_safe: bool = False,
        retry_after: float | None = None,
        warns_of_billing: bool = False,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.server_message = server_message
        self.trace_id = trace_id
        self.retry_safe = retry_safe
        self.retry_after = retry_after
        self.warns_of_billing = warns_of_billing

    def details(self) -> str:
        """The support line: status, server message, trace id; empty parts left out."""
        parts = []
        if self.status is not None:
            parts.append(f"HTTP {self.status}")
        if self.server_message:
            parts.append(self.server_message)
        if self.trace_id:
            parts.append(tr("AppError", "trace id {trace_id}").format(trace_id=self.trace_id))
        return " · ".join(parts)

    def __repr__(self) -> str:
        return (
            f"AppError(kind={self.kind.value!r}, status={self.status!r}, "
            f"message={self.message!r}, trace_id={self.trace_id!r})"
        )
