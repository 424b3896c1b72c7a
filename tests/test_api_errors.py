"""The error mapping as plain functions: statuses, envelopes, Retry-After, and no secrets."""

from __future__ import annotations

import pytest

from stepfun_studio.api.errors import (
    from_status,
    retry_after_of,
    server_message_of,
    trace_id_of,
)
from stepfun_studio.core.errors import ErrorKind

KEY = "sk-Secret1234567890abcdefXYZ"


@pytest.mark.parametrize(
    ("status", "kind", "words", "retry_safe"),
    [
        (400, ErrorKind.BAD_REQUEST, "Change it", True),
        (401, ErrorKind.AUTH, "region", True),
        (402, ErrorKind.BALANCE, "Top it up", True),
        (404, ErrorKind.NOT_FOUND, "server address", True),
        (429, ErrorKind.RATE_LIMIT, "Wait", True),
        (451, ErrorKind.MODERATION, "Change the prompt", True),
        (500, ErrorKind.SERVER, "billed", False),
        (502, ErrorKind.SERVER, "HTTP 502", False),
        (418, ErrorKind.BAD_RESPONSE, "418", False),
    ],
)
def test_each_status_gets_a_kind_and_an_actionable_message(
    status: int, kind: ErrorKind, words: str, retry_safe: bool
) -> None:
    error = from_status(status, {"message": "server words", "type": "t"}, trace_id="abc")
    assert error.kind is kind
    assert words in error.message
    assert error.retry_safe is retry_safe
    assert error.status == status
    assert error.server_message == "server words"
    assert error.trace_id == "abc"
    assert error.details() == f"HTTP {status} · server words · trace id abc"


def test_server_message_from_envelope_inner_object_or_text() -> None:
    assert server_message_of({"error": {"message": "outer"}}) == "outer"
    assert server_message_of({"message": "inner", "type": "x"}) == "inner"
    assert server_message_of("<html>502</html>") == "<html>502</html>"
    assert server_message_of(None) is None
    assert server_message_of({"type": "only"}) is None


def test_server_message_never_keeps_a_key() -> None:
    message = server_message_of({"message": f"Incorrect API key provided: {KEY}"})
    assert message is not None and KEY not in message
    assert message.startswith("Incorrect API key provided")


def test_retry_after_in_seconds_or_milliseconds() -> None:
    assert retry_after_of({"retry-after": "2.5"}) == 2.5
    assert retry_after_of({"retry-after-ms": "1500"}) == 1.5
    assert retry_after_of({"retry-after": "Wed, 21 Oct 2026 07:28:00 GMT"}) is None
    assert retry_after_of({}) is None


def test_trace_id_header_any_case() -> None:
    assert trace_id_of({"x-trace-id": "t1"}) == "t1"
    assert trace_id_of({"X-Trace-Id": "t2"}) == "t2"
    assert trace_id_of({}) is None
    assert trace_id_of(object()) is None
