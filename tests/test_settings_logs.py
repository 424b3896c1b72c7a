"""Redaction rules and the rotating log file: no secret survives into the log."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.redaction import REDACTED, forget_secrets, redact, remember_secret
from stepfun_studio.settings.logs import LOG_FILE, RedactingFilter, rotate_from_now, setup_logging


@pytest.fixture(autouse=True)
def clean_logging() -> Iterator[None]:
    root = logging.getLogger()
    before = list(root.handlers), root.level
    forget_secrets()
    yield
    for handler in list(root.handlers):
        if handler not in before[0]:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(before[1])
    forget_secrets()
    logging.captureWarnings(False)


def secret() -> str:
    # Lower-case hex only on purpose: not key-shaped, so only the "known secret" net catches it.
    return "stepfunkey" + uuid.uuid4().hex


@pytest.mark.parametrize(
    "text",
    [
        "Authorization: Bearer abc.def-ghi",
        "{'authorization': 'Bearer abc123'}",
        '{"Authorization": "Bearer abc123"}',
        "headers=[('authorization', 'Bearer zzz')]",
        "curl -H 'Authorization: Token q1w2e3'",
        "sent bearer 0123456789abcdef",
        "key sk-abcdefgh12345678 was rejected",
        "https://example.com/v1?api_key=hunter2xyz&x=1",
        'api-key: "v4lue"',
        "token=abcd1234",
        "tok 9fQ2x7LmPzR4sT8vW1yB3nC6kD0hJ5gA2e in the middle",
    ],
)
def test_key_shaped_text_is_redacted(text: str) -> None:
    out = redact(text)
    assert REDACTED in out
    for word in (
        "abc.def-ghi",
        "abc123",
        "zzz",
        "q1w2e3",
        "0123456789abcdef",
        "sk-abcdefgh",
        "hunter2xyz",
        "v4lue",
        "abcd1234",
        "9fQ2x7LmPzR4sT8vW1yB3nC6kD0hJ5gA2e",
    ):
        assert word not in out


@pytest.mark.parametrize(
    "text",
    [
        "saved /data/images/3f2a9c0e4b1d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f.png",
        "trace id 2bc5aa4361e54b4b8a3f9d7c1e0f2a43.efa4b2c1d0e9f8a7b6c5d4e3f2a1b0c9",
        "Request param: size is invalid, recommended val is: must be 256x256,512x512",
        "POST http://127.0.0.1:8080/v1/images/generations HTTP/1.1 200 OK",
        "密钥测试：一只猫",
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert redact(text) == text


def test_known_secrets_go_even_when_not_key_shaped() -> None:
    key = secret()
    assert redact(f"x{key}y") == f"x{key}y"
    assert redact(f"x{key}y", [key]) == f"x{REDACTED}y"
    remember_secret(key)
    assert redact(f"a {key} b {key}") == f"a {REDACTED} b {REDACTED}"
    remember_secret("short")  # too short to search for; ignored rather than shredding text
    assert redact("a short note") == "a short note"


def test_log_file_gets_the_marker_not_the_key(app_paths: AppPaths) -> None:
    key = secret()
    remember_secret(key)
    log_path = setup_logging(app_paths)
    assert log_path == app_paths.log_dir / LOG_FILE
    log = logging.getLogger("stepfun_studio.test")
    log.info("calling with key %s", key)
    log.warning("headers: %r", {"Authorization": f"Bearer {key}", "X-Trace-Id": "abc"})
    try:
        raise RuntimeError(f"server echoed {key}")
    except RuntimeError:
        log.exception("request failed")
    log.info("stack", stack_info=True)
    logging.getLogger("openai").debug("Request options: Bearer %s", key)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_path.read_text("utf-8")
    assert key not in text
    assert text.count(REDACTED) >= 3
    assert "RuntimeError: server echoed [REDACTED]" in text
    assert "X-Trace-Id" in text


def test_setup_twice_does_not_double_lines(app_paths: AppPaths) -> None:
    setup_logging(app_paths)
    log_path = setup_logging(app_paths)
    logging.getLogger("stepfun_studio.test").warning("once")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert log_path.read_text("utf-8").count("once") == 1


def test_log_rotates(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("stepfun_studio.settings.logs.MAX_BYTES", 2_000)
    log_path = setup_logging(app_paths)
    for i in range(200):
        logging.getLogger("stepfun_studio.test").warning("line %d %s", i, "x" * 50)
    files = sorted(p.name for p in log_path.parent.iterdir())
    assert files == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2", f"{LOG_FILE}.3"]
    assert all(p.stat().st_size <= 2_200 for p in log_path.parent.iterdir())


def test_a_log_started_without_rotating_rotates_once_told(
    app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's start: a plain handler until the first paint, then the rotating one, on the
    same file, redacting the same, with no line lost or doubled."""
    monkeypatch.setattr("stepfun_studio.settings.logs.MAX_BYTES", 2_000)
    key = secret()
    remember_secret(key)
    log_path = setup_logging(app_paths, rotate_later=True)
    log = logging.getLogger("stepfun_studio.test")
    log.warning("before the paint, key %s", key)
    rotate_from_now()
    rotate_from_now()  # a second call finds nothing left to swap
    kinds = [type(handler).__name__ for handler in logging.getLogger().handlers]
    assert kinds.count("RotatingFileHandler") == 1
    assert kinds.count("FileHandler") == 0
    log.warning("after the swap")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_path.read_text("utf-8")
    assert text.count("before the paint, key [REDACTED]") == 1
    assert text.count("after the swap") == 1
    for i in range(200):
        log.warning("line %d %s", i, "x" * 50)
    files = sorted(p.name for p in log_path.parent.iterdir())
    assert files == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2", f"{LOG_FILE}.3"]
    every = "".join(p.read_text("utf-8") for p in log_path.parent.iterdir())
    assert key not in every
    assert every.count("line 199 ") == 1


def test_filter_copes_with_bad_format_args(tmp_path: Path) -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%d items", ("many",), None)
    assert RedactingFilter().filter(record)
    assert "many" in record.getMessage()
