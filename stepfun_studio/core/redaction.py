"""Scrubbing secrets out of text before it reaches a log, an error message or a file.

Pure string work, no I/O. Three nets, widest last:

1. the secrets this process knows (the API key it read or was given, registered with
   `remember_secret`), removed wherever they appear, even inside other words;
2. `Authorization` headers and `Bearer` tokens, whatever the token looks like;
3. anything shaped like a key: an `sk-…` prefix, `api_key=…` style assignments, and long
   tokens mixing upper case, lower case and digits (content hashes and trace ids are lower-case
   hex, so they stay readable in the log).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

REDACTED = "[REDACTED]"

# Secrets shorter than this are not searched for on their own: replacing "ab" everywhere would
# shred the log without protecting anything (no real API key is that short).
MIN_KNOWN_SECRET_LENGTH = 8

_AUTH_HEADER = re.compile(
    r"""(?P<name>authorization["']?\s*[:=]\s*["']?)(?P<value>[^"'\r\n,}]+)""",
    re.IGNORECASE,
)
_BEARER = re.compile(r"(?P<name>\bbearer\s+)(?P<value>[A-Za-z0-9._~+/=-]+)", re.IGNORECASE)
_ASSIGNMENT = re.compile(
    r"""(?P<name>\b(?:api[_-]?key|access[_-]?token|secret|password|token)["']?\s*[:=]\s*["']?)"""
    r"""(?P<value>[^\s"'&,;}]+)""",
    re.IGNORECASE,
)
_PREFIXED_KEY = re.compile(r"\bsk[-_][A-Za-z0-9_-]{8,}")
_LONG_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9])")

_known_lock = threading.Lock()
_known_secrets: set[str] = set()


def remember_secret(secret: str | None) -> None:
    """Register a secret this process holds, so every later `redact()` removes it."""
    if secret and len(secret) >= MIN_KNOWN_SECRET_LENGTH:
        with _known_lock:
            _known_secrets.add(secret)


def known_secrets() -> tuple[str, ...]:
    with _known_lock:
        # Longest first, so a secret that contains another is replaced whole.
        return tuple(sorted(_known_secrets, key=len, reverse=True))


def forget_secrets() -> None:
    """For tests: start with no remembered secrets."""
    with _known_lock:
        _known_secrets.clear()


def _looks_random(token: str) -> bool:
    # A key mixes cases and digits; a hex hash, a word or a path segment does not.
    return (
        any(c.islower() for c in token)
        and any(c.isupper() for c in token)
        and any(c.isdigit() for c in token)
    )


def _replace_long_token(match: re.Match[str]) -> str:
    token = match.group(0)
    return REDACTED if _looks_random(token) else token


def _keep_name(match: re.Match[str]) -> str:
    value = match.group("value")
    if value.startswith(REDACTED):
        return match.group(0)
    return match.group("name") + REDACTED


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """`text` with every known or key-shaped secret replaced by `REDACTED`."""
    if not text:
        return text
    extra = [s for s in secrets if s and len(s) >= MIN_KNOWN_SECRET_LENGTH]
    for secret in sorted({*extra, *known_secrets()}, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    text = _AUTH_HEADER.sub(_keep_name, text)
    text = _BEARER.sub(_keep_name, text)
    text = _ASSIGNMENT.sub(_keep_name, text)
    text = _PREFIXED_KEY.sub(REDACTED, text)
    return _LONG_TOKEN.sub(_replace_long_token, text)
