"""The `AppError`s every non-StepFun adapter gives, worded with the provider's name.

Each protocol says "bad key", "no balance" or "blocked" in its own body shape; the adapters read
the shape and come here for the words, so a person meets the same sentence for the same trouble
whichever provider they use. The kinds and `retry_safe` follow `api.errors` (StepFun's texts):
only a refusal the server made before doing any work is safe to send again; a 5xx may have been
billed. Server words are cleaned (`clean_server_text`) before they are kept.
"""

from __future__ import annotations

import re

from stepfun_studio.api.errors import clean_server_text
from stepfun_studio.api.providers.base import ErrorReply
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ModelSpec, ProviderSpec
from stepfun_studio.core.text import tr


def _error(
    kind: ErrorKind, message: str, reply: ErrorReply, server_words: str | None, *, safe: bool
) -> AppError:
    # Only a 5xx's words say the picture may have been billed (`server_trouble`).
    return AppError(
        kind,
        message,
        status=reply.status,
        server_message=clean_server_text(server_words) if server_words else None,
        trace_id=reply.trace_id,
        retry_safe=safe,
        retry_after=reply.retry_after,
        warns_of_billing=kind is ErrorKind.SERVER,
    )


def bad_key(provider: ProviderSpec, reply: ErrorReply, words: str | None) -> AppError:
    return _error(
        ErrorKind.AUTH,
        tr(
            "ApiError",
            "{provider} did not accept the API key. Check the key in Settings, or the "
            "{env} environment variable, and that it belongs to this server.",
        ).format(provider=provider.label, env=provider.key_env),
        reply,
        words,
        safe=True,
    )


def forbidden(provider: ProviderSpec, reply: ErrorReply, words: str | None) -> AppError:
    return _error(
        ErrorKind.AUTH,
        tr(
            "ApiError",
            "{provider} refused this request for your account (HTTP 403). Check on the "
            "provider's website that the key may use this model.",
        ).format(provider=provider.label),
        reply,
        words,
        safe=True,
    )


def no_balance(provider: ProviderSpec, reply: ErrorReply, words: str | None) -> AppError:
    return _error(
        ErrorKind.BALANCE,
        tr(
            "ApiError",
            "{provider}: the balance or quota of this account is used up. Top it up on the "
            "provider's website, then try again.",
        ).format(provider=provider.label),
        reply,
        words,
        safe=True,
    )


def blocked(provider: ProviderSpec, reply: ErrorReply, words: str | None) -> AppError:
    return _error(
        ErrorKind.MODERATION,
        tr(
            "ApiError",
            "{provider} blocked the prompt or a picture (moderation). Change the prompt or the "
            "pictures and try again.",
        ).format(provider=provider.label),
        reply,
        words,
        safe=True,
    )


def rate_limited(provider: ProviderSpec, reply: ErrorReply, words: str | None) -> AppError:
    return _error(
        ErrorKind.RATE_LIMIT,
        tr(
            "ApiError",
            "{provider}: too many requests for this account. Wait a moment, or lower the number "
            "of images at once.",
        ).format(provider=provider.label),
        reply,
        words,
        safe=True,
    )


def server_trouble(provider: ProviderSpec, reply: ErrorReply, words: str | None) -> AppError:
    return _error(
        ErrorKind.SERVER,
        tr(
            "ApiError",
            "{provider}: the server had trouble (HTTP {status}). Try again later; this image may "
            "already have been billed.",
        ).format(provider=provider.label, status=reply.status),
        reply,
        words,
        safe=False,
    )


def refused_parameter(provider: ProviderSpec, reply: ErrorReply, words: str | None) -> AppError:
    return _error(
        ErrorKind.BAD_REQUEST,
        tr("ApiError", "{provider} refused a parameter. Change it and try again.").format(
            provider=provider.label
        ),
        reply,
        words,
        safe=True,
    )


def size_refused(
    provider: ProviderSpec,
    reply: ErrorReply,
    words: str | None,
    spec: ModelSpec | None,
    size: str | None,
) -> AppError:
    """A refused size, naming the sizes the model takes (from the table)."""
    if spec is None or not spec.sizes:
        return refused_parameter(provider, reply, words)
    return _error(
        ErrorKind.BAD_REQUEST,
        tr("ApiError", "{model} does not take the size {size}. It takes: {sizes}.").format(
            model=spec.name, size=size or "?", sizes=", ".join(spec.sizes)
        ),
        reply,
        words,
        safe=True,
    )


def unknown_model(
    provider: ProviderSpec, reply: ErrorReply, words: str | None, model: str | None
) -> AppError:
    return _error(
        ErrorKind.NOT_FOUND,
        tr(
            "ApiError",
            "{provider} does not offer the model {model} to this key. Choose another model, or "
            "check on the provider's website that the model is enabled for your account.",
        ).format(provider=provider.label, model=model or "?"),
        reply,
        words,
        safe=True,
    )


def unknown_address(provider: ProviderSpec, reply: ErrorReply, words: str | None) -> AppError:
    return _error(
        ErrorKind.NOT_FOUND,
        tr(
            "ApiError",
            "{provider}: the server does not know this address. Check the server address in "
            "Settings.",
        ).format(provider=provider.label),
        reply,
        words,
        safe=True,
    )


def unexpected_status(provider: ProviderSpec, reply: ErrorReply, words: str | None) -> AppError:
    return _error(
        ErrorKind.BAD_RESPONSE,
        tr("ApiError", "The server answered with an unexpected HTTP status {status}.").format(
            status=reply.status
        ),
        reply,
        words,
        safe=False,
    )


def by_status(provider: ProviderSpec, reply: ErrorReply, words: str | None) -> AppError:
    """The plain reading of a status, when the body named nothing more precise."""
    status = reply.status
    if status in (400, 422):
        return refused_parameter(provider, reply, words)
    if status == 401:
        return bad_key(provider, reply, words)
    if status == 402:
        return no_balance(provider, reply, words)
    if status == 403:
        return forbidden(provider, reply, words)
    if status == 404:
        return unknown_address(provider, reply, words)
    if status == 429:
        return rate_limited(provider, reply, words)
    if status == 451:
        return blocked(provider, reply, words)
    if status >= 500:
        return server_trouble(provider, reply, words)
    return unexpected_status(provider, reply, words)


def picture_failed(provider: ProviderSpec, words: str | None, *, trace_id: str | None) -> AppError:
    """One picture of a 200 answer failed (Ark's `{"error": …}` item)."""
    return AppError(
        ErrorKind.BAD_RESPONSE,
        tr(
            "ApiError",
            "{provider} could not make this picture. Try again, or change the prompt.",
        ).format(provider=provider.label),
        server_message=clean_server_text(words) if words else None,
        trace_id=trace_id,
        retry_safe=False,
    )


def missing_key(provider: ProviderSpec) -> AppError:
    return AppError(
        ErrorKind.AUTH,
        tr(
            "ApiError",
            "No API key is set for {provider}. Enter it in Settings, or set the {env} "
            "environment variable.",
        ).format(provider=provider.label, env=provider.key_env),
        retry_safe=True,
    )


# "size is invalid", "image_size must be one of", "Invalid size": the picture's size, not an
# upload's ("image file size must be below 10 MB" says "file size" and stays a plain refusal).
_SIZE_REFUSAL = re.compile(
    r"(?<!file )\b(?:image_)?size\b[^.;]*?\b(?:invalid|not supported|unsupported|must be|"
    r"should be|recommended|supported values|one of)"
    r"|\b(?:invalid|unsupported)\s+(?:image_)?size\b",
    re.IGNORECASE,
)


def mentions_size(words: str | None, param: object = None) -> bool:
    """Whether a refusal is about the picture's size (`param`, or the words naming it)."""
    if isinstance(param, str) and param.lower() in ("size", "image_size"):
        return True
    return bool(words) and _SIZE_REFUSAL.search(words or "") is not None
