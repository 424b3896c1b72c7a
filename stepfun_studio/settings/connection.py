"""`resolve_connection`: which key and which server this run uses, and whether it is a demo.

The key comes from the `KeyStore` (environment, keyring, session); the server from the settings'
region or custom base URL, with `STEPFUN_BASE_URL` winning. With no key at all the app runs in
demo mode against the built-in stand-in, so `base_url` is "" then: the caller starts the stand-in
and uses its address.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from stepfun_studio.api.config import check_base_url, resolve_base_url
from stepfun_studio.api.credentials import KeyStore
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.settings.values import StudioSettings

KeySourceName = Literal["environment", "keyring", "session"]


@dataclass(frozen=True)
class Connection:
    """What the API client needs. `api_key` never shows in a repr or a log line."""

    api_key: str | None = field(repr=False)
    base_url: str
    demo: bool
    key_source: KeySourceName | None


def resolve_connection(
    settings: StudioSettings, key_store: KeyStore, env: Mapping[str, str] | None = None
) -> Connection:
    """The connection for this run. May ask the OS keyring (once; the store caches it).

    Raises AppError(CONFIG) when there is a key but the server address would carry it in clear
    text (non-loopback http) or is not a URL: refused before any request is made.
    """
    env = os.environ if env is None else env
    key = key_store.get_key()
    if key is None:
        return Connection(api_key=None, base_url="", demo=True, key_source=None)
    base_url = resolve_base_url(settings.region, settings.custom_base_url or None, env)
    problem = check_base_url(base_url)
    if problem is not None:
        raise AppError(ErrorKind.CONFIG, problem)
    source: KeySourceName = key.source.value
    return Connection(api_key=key.value, base_url=base_url, demo=False, key_source=source)
