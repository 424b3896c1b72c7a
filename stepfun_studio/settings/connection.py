"""`resolve_connection`: which key and which server one provider uses, and whether it is a demo.

Per provider, the key comes from its `KeyStore` (its environment variable, the keyring, this
session's memory); the server from its `base_url_env` variable, else the custom address in the
settings, else the region's host from the model table. With no key the provider runs in demo mode
against the built-in stand-in, so `base_url` is "" then: the caller starts the stand-in and uses
its address for that provider (`standin_base_url`).

`open_client` turns a resolved connection into the API client for it (interface 1,
`api.providers.open_image_client`), imported when a client is first needed so the openai SDK
never loads on the way to the first painted window.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from stepfun_studio.api.config import check_base_url
from stepfun_studio.api.credentials import KeyStore, ProviderKeys
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ModelTable, ProviderSpec, model_table
from stepfun_studio.core.text import tr
from stepfun_studio.settings.values import StudioSettings, effective_model_table

if TYPE_CHECKING:
    from stepfun_studio.api.providers import ImageClient

KeySourceName = Literal["environment", "keyring", "session"]


@dataclass(frozen=True)
class Connection:
    """What the API client needs. `api_key` never shows in a repr or a log line."""

    api_key: str | None = field(repr=False)
    base_url: str
    demo: bool
    key_source: KeySourceName | None
    provider: str = "stepfun"


def provider_base_url(
    provider: ProviderSpec, settings: StudioSettings, env: Mapping[str, str] | None = None
) -> str:
    """The server `provider` is reached at: its environment variable, else the custom address,
    else its region's host. "" when it has none of these (an OpenAI-compatible server not set
    up yet)."""
    env = os.environ if env is None else env
    from_env = env.get(provider.base_url_env, "").strip() if provider.base_url_env else ""
    if from_env:
        return from_env.rstrip("/")
    custom = settings.connection(provider.id).base_url.strip()
    if custom:
        return custom.rstrip("/")
    return (provider.region_url(settings.region(provider.id)) or "").rstrip("/")


def resolve_connection(
    provider_id: str,
    settings: StudioSettings,
    keys: KeyStore | ProviderKeys | None = None,
    env: Mapping[str, str] | None = None,
) -> Connection:
    """The connection for `provider_id` in this run. May ask the OS keyring (once per provider;
    the store caches it). `keys` defaults to the provider's own store on this environment.

    Raises AppError(CONFIG) when there is a key but the server address would carry it in clear
    text (non-loopback http), is not a URL, or is not set at all: refused before any request.
    """
    env = os.environ if env is None else env
    provider = model_table().provider(provider_id)
    if provider is None:
        raise AppError(
            ErrorKind.CONFIG,
            tr("Connection", "Unknown provider “{provider}”.").format(provider=provider_id),
        )
    store = _store_for(provider_id, keys, env)
    key = store.get_key()
    base_url = provider_base_url(provider, settings, env)
    if key is None:
        if base_url and not key_required(provider_id):
            problem = check_base_url(base_url)
            if problem is not None:
                raise AppError(ErrorKind.CONFIG, problem)
            return Connection("", base_url, demo=False, key_source=None, provider=provider_id)
        return Connection(None, "", demo=True, key_source=None, provider=provider_id)
    if not base_url:
        raise AppError(
            ErrorKind.CONFIG,
            tr(
                "Connection",
                "There is a key for {provider} but no server address: enter it in Settings ▸ "
                "Providers, or set {variable}.",
            ).format(provider=provider.label, variable=provider.base_url_env),
        )
    problem = check_base_url(base_url)
    if problem is not None:
        raise AppError(ErrorKind.CONFIG, problem)
    source: KeySourceName = key.source.value
    return Connection(key.value, base_url, demo=False, key_source=source, provider=provider_id)


def key_required(provider_id: str) -> bool:
    """False for a server of the user's own, which may take no key at all."""
    from stepfun_studio.api.providers import adapter_for

    return adapter_for(provider_id).key_required


def _store_for(
    provider_id: str, keys: KeyStore | ProviderKeys | None, env: Mapping[str, str]
) -> KeyStore:
    if keys is None:
        return KeyStore(provider_id, env=env)
    if isinstance(keys, ProviderKeys):
        return keys.store(provider_id)
    if keys.provider_id != provider_id:
        # A store of another provider would send that provider's key to this one's server.
        raise ValueError(f"a {keys.provider_id} key store for {provider_id}")
    return keys


def resolve_all(
    settings: StudioSettings, keys: ProviderKeys, env: Mapping[str, str] | None = None
) -> tuple[dict[str, Connection], dict[str, AppError]]:
    """Every provider's connection, and the problem of each that could not be used (those run
    as demos, so one misconfigured provider does not stop the others)."""
    connections: dict[str, Connection] = {}
    problems: dict[str, AppError] = {}
    for provider_id in model_table().provider_ids():
        try:
            connections[provider_id] = resolve_connection(provider_id, settings, keys, env)
        except AppError as error:
            problems[provider_id] = error
            connections[provider_id] = Connection(
                None, "", demo=True, key_source=None, provider=provider_id
            )
    return connections, problems


def standin_base_url(standin: Any, provider_id: str) -> str:
    """The built-in stand-in's address for `provider_id`: each protocol under its own prefix."""
    base_url_for = getattr(standin, "base_url_for", None)
    if callable(base_url_for):
        return str(base_url_for(provider_id))
    # A stand-in from before it spoke every protocol: its origin plus the provider's prefix.
    parts = urlsplit(str(standin.base_url))
    prefix = model_table().require_provider(provider_id).standin_prefix
    return f"{parts.scheme}://{parts.netloc}{prefix}"


def open_client(
    provider_id: str,
    *,
    api_key: str,
    base_url: str,
    settings: StudioSettings | None = None,
    table: ModelTable | None = None,
    **limits: Any,
) -> ImageClient:
    """The image client for one provider (`api.providers.open_image_client`), with the models
    the user declared for an OpenAI-compatible server in its table."""
    from stepfun_studio.api.providers import open_image_client

    table = table or effective_model_table(settings)
    return open_image_client(provider_id, api_key=api_key, base_url=base_url, table=table, **limits)
