"""Each adapter's error mapping on real bodies, the StepFun retirement message, the link rule.

Bodies are the shapes providers.md documents (and what the strict test server sends): OpenAI's
`{"error": {message, type, param, code}}`, Ark's `{"error": {code, message, param, type}}`,
SiliconFlow's `{code, message, data}` or plain text.
"""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from stepfun_studio.api.errors import clean_server_text
from stepfun_studio.api.providers import adapter_for, open_image_client
from stepfun_studio.api.providers.base import ErrorReply
from stepfun_studio.api.providers.http import link_refusal, unsafe_address
from stepfun_studio.api.providers.stepfun import retired_message, working_providers
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.request import GenerationRequest

KEY = "sk-AdapterErr1234567890abcdXYZ"


def mapped(
    provider: str,
    status: int,
    body: object,
    model: str,
    *,
    size: str = "1024x1024",
    headers: dict[str, str] | None = None,
) -> AppError:
    adapter = adapter_for(provider)
    spec = model_table().get(model)
    reply = ErrorReply(status, body, headers or {}, trace_id="trace-1", retry_after=None)
    if headers and "retry-after" in headers:
        reply = ErrorReply(status, body, headers, "trace-1", float(headers["retry-after"]))
    return adapter.map_error(reply, GenerationRequest(model=model, size=size), spec)


def openai_body(message: str, code: str | None = None, param: str | None = None) -> object:
    return {
        "error": {"message": message, "type": "invalid_request_error", "param": param, "code": code}
    }


# -- OpenAI ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "kind", "words", "safe"),
    [
        (
            400,
            openai_body("Your request was rejected", "moderation_blocked"),
            ErrorKind.MODERATION,
            "moderation",
            True,
        ),
        (401, openai_body("Incorrect API key provided"), ErrorKind.AUTH, "OPENAI_API_KEY", True),
        (403, openai_body("Your organization must be verified"), ErrorKind.AUTH, "403", True),
        (
            429,
            openai_body("You exceeded your current quota", "insufficient_quota"),
            ErrorKind.BALANCE,
            "Top it up",
            True,
        ),
        (429, openai_body("Rate limit reached"), ErrorKind.RATE_LIMIT, "Wait a moment", True),
        (
            404,
            openai_body("The model does not exist", "model_not_found"),
            ErrorKind.NOT_FOUND,
            "does not offer the model gpt-image-1",
            True,
        ),
        (500, openai_body("The server had an error"), ErrorKind.SERVER, "may already", False),
        (502, "<html>Bad gateway</html>", ErrorKind.SERVER, "HTTP 502", False),
        (
            400,
            openai_body("Invalid prompt", "invalid_value", "prompt"),
            ErrorKind.BAD_REQUEST,
            "refused a parameter",
            True,
        ),
    ],
)
def test_openai_errors(status: int, body: object, kind: ErrorKind, words: str, safe: bool) -> None:
    error = mapped("openai", status, body, "gpt-image-1")
    assert error.kind is kind
    assert words in error.message
    assert error.retry_safe is safe
    assert error.status == status and error.trace_id == "trace-1"
    assert error.server_message


def test_openai_bad_size_names_the_models_sizes() -> None:
    body = openai_body(
        "Invalid value: '512x512'. Supported values are: '1024x1024', '1024x1536', "
        "'1536x1024', and 'auto'.",
        "invalid_value",
        "size",
    )
    error = mapped("openai", 400, body, "gpt-image-1", size="512x512")
    assert error.kind is ErrorKind.BAD_REQUEST
    assert error.message == (
        "gpt-image-1 does not take the size 512x512. "
        "It takes: 1024x1024, 1536x1024, 1024x1536, auto."
    )
    assert error.retry_safe is True


def test_openai_rate_limit_keeps_retry_after() -> None:
    error = mapped(
        "openai", 429, openai_body("slow down"), "gpt-image-1", headers={"retry-after": "3"}
    )
    assert error.retry_after == 3.0


def test_compatible_server_bad_key_names_its_own_env_var() -> None:
    error = mapped("compatible", 401, {"error": "Unauthorized"}, "my-model")
    assert error.kind is ErrorKind.AUTH
    assert "OpenAI-compatible server" in error.message and "COMPATIBLE_API_KEY" in error.message
    assert error.server_message == "Unauthorized"


# -- Ark ------------------------------------------------------------------------------------


def ark_body(code: str, message: str, param: str = "") -> object:
    return {"error": {"code": code, "message": message, "param": param, "type": "BadRequest"}}


@pytest.mark.parametrize(
    ("status", "code", "kind", "words", "safe"),
    [
        (400, "InputTextSensitiveContentDetected", ErrorKind.MODERATION, "moderation", True),
        (401, "AuthenticationError", ErrorKind.AUTH, "ARK_API_KEY", True),
        (403, "AccountOverdueError", ErrorKind.BALANCE, "Volcengine Ark", True),
        (404, "InvalidEndpointOrModel.NotFound", ErrorKind.NOT_FOUND, "does not offer", True),
        (429, "RateLimitExceeded.EndpointIPMExceeded", ErrorKind.RATE_LIMIT, "Wait", True),
        (500, "InternalServiceError", ErrorKind.SERVER, "may already have been billed", False),
        (400, "InvalidParameter", ErrorKind.BAD_REQUEST, "refused a parameter", True),
    ],
)
def test_ark_errors(status: int, code: str, kind: ErrorKind, words: str, safe: bool) -> None:
    error = mapped(
        "ark", status, ark_body(code, "words. Request id: 0217"), "doubao-seedream-4-0-250828"
    )
    assert (error.kind, error.retry_safe) == (kind, safe)
    assert words in error.message
    assert error.server_message == "words. Request id: 0217"


def test_ark_bad_size_names_the_models_sizes() -> None:
    body = ark_body(
        "InvalidParameter", "The parameter `size` specified in the request is not valid", "size"
    )
    error = mapped("ark", 400, body, "doubao-seedream-5-0-pro-260628", size="4K")
    assert error.message == (
        "doubao-seedream-5-0-pro-260628 does not take the size 4K. "
        "It takes: 1K, 2K, 1024x1024, 2048x2048."
    )


# -- SiliconFlow ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "kind", "words", "safe"),
    [
        (
            400,
            {
                "code": 20012,
                "message": "Model does not exist. Please check it carefully.",
                "data": None,
            },
            ErrorKind.NOT_FOUND,
            "Kwai-Kolors/Kolors",
            True,
        ),
        (
            403,
            {"code": 30011, "message": "The model is not available for your balance", "data": None},
            ErrorKind.BALANCE,
            "SiliconFlow",
            True,
        ),
        (401, "Invalid token", ErrorKind.AUTH, "SILICONFLOW_API_KEY", True),
        (
            429,
            {"code": 50603, "message": "Rate limit", "data": None},
            ErrorKind.RATE_LIMIT,
            "Wait",
            True,
        ),
        (
            503,
            {"code": 50505, "message": "Model service overloaded", "data": None},
            ErrorKind.SERVER,
            "HTTP 503",
            False,
        ),
    ],
)
def test_siliconflow_errors(
    status: int, body: object, kind: ErrorKind, words: str, safe: bool
) -> None:
    error = mapped("siliconflow", status, body, "Kwai-Kolors/Kolors")
    assert (error.kind, error.retry_safe) == (kind, safe)
    assert words in error.message
    assert error.server_message


def test_siliconflow_bad_image_size_names_the_models_sizes() -> None:
    body = {"code": 20015, "message": "image_size must be one of the listed sizes", "data": None}
    error = mapped("siliconflow", 400, body, "Kwai-Kolors/Kolors", size="1000x1000")
    assert "It takes: 1024x1024, 960x1280, 768x1024, 720x1440, 720x1280." in error.message


# -- server words are shown cleaned ---------------------------------------------------------


def test_server_words_lose_terminal_escapes_and_keys() -> None:
    words = f"\x1b[31mbad\x1b[0m key {KEY} \x1b]8;;http://evil\x07click\x1b]8;;\x07\r\n\u202eok"
    error = mapped("openai", 401, openai_body(words), "gpt-image-1")
    assert error.server_message is not None
    assert "\x1b" not in error.server_message and "\u202e" not in error.server_message
    assert KEY not in error.server_message
    assert error.server_message.startswith("bad key [REDACTED] click ok")
    assert clean_server_text("a\x9b31mb\x00c") == "ab c"


# -- StepFun's retired models ---------------------------------------------------------------


def test_retired_model_answered_404_says_when_and_what_works() -> None:
    error = mapped("stepfun", 404, {"error": {"message": "model not found"}}, "step-2x-large")
    assert error.kind is ErrorKind.NOT_FOUND
    assert error.message.startswith(
        "step-2x-large was retired by StepFun on 2026-10-10 (the server answered HTTP 404)."
    )
    assert "OpenAI, Volcengine Ark (Seedream), SiliconFlow, OpenAI-compatible server" in (
        error.message
    )
    assert error.server_message == "model not found"


def test_retired_model_names_its_replacement_and_says_it_is_gone_too() -> None:
    error = mapped("stepfun", 400, {"message": "Model does not exist"}, "step-1x-medium")
    assert error.kind is ErrorKind.BAD_REQUEST
    assert "retired by StepFun on 2026-07-08" in error.message
    assert "StepFun named step-2x-large as its replacement, which was retired too" in (
        error.message
    )


def test_retired_model_answered_503_stays_a_server_error_that_is_not_resent() -> None:
    error = mapped(
        "stepfun", 503, {"message": "Service temporarily unavailable"}, "step-image-edit-2"
    )
    assert (error.kind, error.retry_safe) == (ErrorKind.SERVER, False)
    assert "step-image-edit-2 was retired by StepFun on 2026-10-10" in error.message
    assert "HTTP 503" in error.message


def test_other_refusals_of_a_retired_model_keep_their_own_message() -> None:
    error = mapped("stepfun", 400, {"message": "Request param: prompt is invalid"}, "step-2x-large")
    assert "retired" not in error.message
    assert "refused a parameter" in error.message
    size = mapped(
        "stepfun",
        400,
        {"message": "Request param: size is invalid"},
        "step-2x-large",
        size="300x300",
    )
    assert size.message.startswith("step-2x-large does not take the size 300x300. It takes:")


def test_retirement_announced_for_a_later_date_is_worded_so() -> None:
    spec = model_table().require("step-2x-large")
    text = retired_message(spec, model_table(), 503, today=dt.date(2026, 9, 1))
    assert text.startswith("step-2x-large is being retired by StepFun on 2026-10-10")


def test_working_providers_come_from_the_table() -> None:
    assert "StepFun" not in working_providers(model_table())
    assert "OpenAI" in working_providers(model_table())


# -- which result links may be fetched ------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "unsafe"),
    [
        ("10.1.2.3", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),
        ("127.0.0.1", True),
        ("::1", True),
        ("fe80::1%eth0", True),
        ("::ffff:10.0.0.1", True),
        ("100.64.0.1", True),
        ("224.0.0.1", True),
        ("93.184.216.34", False),
        ("2606:4700::1111", False),
    ],
)
def test_unsafe_addresses(address: str, unsafe: bool) -> None:
    assert unsafe_address(address) is unsafe


def test_link_to_a_private_host_is_refused_unless_the_api_is_local() -> None:
    async def refusals() -> list[str | None]:
        return [
            await link_refusal("http://169.254.169.254/latest/meta-data", allow_private=False),
            await link_refusal("http://localhost:8080/x.png", allow_private=False),
            await link_refusal("https://93.184.216.34/x.png", allow_private=False),
            await link_refusal("http://10.0.0.1/x.png", allow_private=True),
            await link_refusal("file:///etc/passwd", allow_private=True),
        ]

    metadata, localhost, public, local_api, not_http = asyncio.run(refusals())
    assert metadata is not None and "169.254.169.254" in metadata
    assert localhost is not None and "localhost" in localhost
    assert public is None and local_api is None
    assert not_http is not None and "not http" in not_http


# -- opening a client -----------------------------------------------------------------------


def test_open_image_client_refuses_before_connecting() -> None:
    with pytest.raises(AppError) as unknown:
        open_image_client("dall-e", api_key=KEY, base_url="https://api.openai.com/v1")
    assert unknown.value.kind is ErrorKind.CONFIG and "openai" in unknown.value.message
    with pytest.raises(AppError) as no_key:
        open_image_client("openai", api_key="", base_url="https://api.openai.com/v1")
    assert no_key.value.kind is ErrorKind.AUTH and "OPENAI_API_KEY" in no_key.value.message
    with pytest.raises(AppError) as clear_text:
        open_image_client("ark", api_key=KEY, base_url="http://ark.example.com/api/v3")
    assert clear_text.value.kind is ErrorKind.CONFIG
    # A team's own server may take no key.
    client = open_image_client("compatible", api_key="", base_url="http://127.0.0.1:9/v1")
    assert client.provider_id == "compatible" and KEY not in repr(client)


def test_stepfun_bad_key_names_stepfun_and_its_env_var() -> None:
    error = mapped("stepfun", 401, {"message": "Incorrect API key provided"}, "step-2x-large")
    assert error.kind is ErrorKind.AUTH
    assert "StepFun" in error.message and "STEPFUN_API_KEY" in error.message
    assert "region" in error.message  # a cn key does not work on the intl host
