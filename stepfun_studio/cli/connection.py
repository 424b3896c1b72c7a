"""Which server, which key and which client a `generate` run uses.

- The server: `--base-url`, else the provider's own variable (`STEPFUN_BASE_URL`,
  `OPENAI_BASE_URL`, …), else the region's address from the model table. Every address passes
  the same rule as the app (https, or http to this computer only, so the key never travels in
  clear text) and must not hold spaces, line breaks or control characters.
- The key: the provider's variable (`ProviderSpec.key_env`), then the OS keyring.
- No key and no server named: the built-in stand-in draws the pictures locally, nothing billed.
"""

from __future__ import annotations

import argparse
import inspect
import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

from stepfun_studio.api.config import check_base_url
from stepfun_studio.cli.output import UsageError, warn
from stepfun_studio.core.model_table import ModelTable, ProviderSpec
from stepfun_studio.core.redaction import remember_secret
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.core.text import tr

KEYRING_TIMEOUT_S = 5.0


class ImageClient(Protocol):
    """What the sender needs of `api.providers.open_image_client`'s client."""

    async def generate_one(self, request: GenerationRequest) -> GenerationResult: ...

    async def aclose(self) -> None: ...


@dataclass
class Connection:
    """The server and key for this run; `standin` is the local demo server when one runs."""

    provider: ProviderSpec
    base_url: str
    api_key: str = field(repr=False)
    standin: Any = None

    @property
    def demo(self) -> bool:
        return self.standin is not None

    def close(self) -> None:
        if self.standin is not None:
            self.standin.stop()
            self.standin = None


def _address_problem(url: str, source: str) -> str | None:
    stripped = url.strip()
    for position, character in enumerate(stripped, start=1):
        if character.isspace() or unicodedata.category(character) in ("Cc", "Cf", "Cs"):
            return tr(
                "Cli",
                "{source}: the server address holds a space, line break or control character "
                "(at character {position}). Give the address alone, e.g. "
                "https://api.example.com/v1.",
            ).format(source=source, position=position)
    problem = check_base_url(stripped)
    return f"{source}: {problem}" if problem is not None else None


def named_base_url(
    args: argparse.Namespace, provider: ProviderSpec, env: Mapping[str, str]
) -> str | None:
    """The address the user named (flag, then the provider's variable), checked; or None."""
    for value, source in (
        (args.base_url, "--base-url"),
        (
            env.get(provider.base_url_env, "") if provider.base_url_env else "",
            provider.base_url_env,
        ),
    ):
        if value is not None and value.strip():
            problem = _address_problem(value, source)
            if problem is not None:
                raise UsageError(problem)
            return value.strip().rstrip("/")
    return None


def region_base_url(args: argparse.Namespace, provider: ProviderSpec) -> str | None:
    regions = dict(provider.regions)
    if args.region is not None and args.region not in regions:
        raise UsageError(
            tr("Cli", "--region: {provider} has the regions {regions}.").format(
                provider=provider.label, regions=", ".join(regions) or "—"
            )
        )
    return provider.region_url(args.region or provider.default_region)


def _per_provider_store() -> bool:
    from stepfun_studio.api import credentials

    return "provider_id" in inspect.signature(credentials.KeyStore).parameters


def keyring_holds_key(provider: ProviderSpec) -> bool:
    """Whether this build keeps the provider's key in the keyring (else the variable only)."""
    from stepfun_studio.api import credentials

    # Without per-provider entries, the one store there is belongs to its variable's provider.
    return _per_provider_store() or provider.key_env == credentials.ENV_VARIABLE


def _key_store(provider: ProviderSpec) -> Any:
    """The provider's keyring entry, or None where this build keeps none for it."""
    from stepfun_studio.api import credentials

    if _per_provider_store():
        return cast(Any, credentials.KeyStore)(provider_id=provider.id, timeout_s=KEYRING_TIMEOUT_S)
    if keyring_holds_key(provider):
        return credentials.KeyStore(timeout_s=KEYRING_TIMEOUT_S)
    return None


def find_key(provider: ProviderSpec, env: Mapping[str, str]) -> tuple[str | None, str | None]:
    """The key (environment first, then the keyring), and a note when the keyring was not
    asked because this build keeps no key for the provider there."""
    value = env.get(provider.key_env, "").strip()
    if value:
        remember_secret(value)
        return value, None
    store = _key_store(provider)
    if store is None:
        note = tr(
            "Cli",
            "This version reads the key for {provider} from {variable} only, not the keyring.",
        ).format(provider=provider.label, variable=provider.key_env)
        return None, note
    found = store.get_key()
    return (found.value if found is not None else None), None


def key_required(provider: ProviderSpec) -> bool:
    """False for a server of the user's own (it may take no key at all)."""
    from stepfun_studio.api.providers import adapter_for

    return adapter_for(provider.id).key_required


def resolve_connection(
    args: argparse.Namespace, provider: ProviderSpec, env: Mapping[str, str] | None = None
) -> Connection:
    """Server and key for this run, or UsageError; starts the stand-in for a keyless demo."""
    env = os.environ if env is None else env
    named = named_base_url(args, provider, env)
    region_url = region_base_url(args, provider)
    key, note = find_key(provider, env)
    if key:
        base_url = named or region_url
        if base_url is None:
            raise UsageError(
                tr(
                    "Cli", "--base-url: {provider} has no address of its own; give your server's."
                ).format(provider=provider.label)
            )
        return Connection(provider, base_url, key)
    if named is not None and not key_required(provider):
        return Connection(provider, named, "")
    if named is not None:
        lines = [
            tr(
                "Cli",
                "No API key for {provider}: set {variable}.",
            ).format(provider=provider.label, variable=provider.key_env)
        ]
        raise UsageError(*lines, *([note] if note else []))
    from stepfun_studio.standin import StandinServer

    standin = StandinServer().start()
    url = standin.base_url_for(provider.id)
    warn(
        tr(
            "Cli",
            "No {variable} is set: using the local stand-in server at {url}. "
            "The pictures are drawn on this computer and nothing is billed.",
        ).format(variable=provider.key_env, url=url)
    )
    if note:
        warn(note)
    return Connection(provider, url, "standin-local-demo", standin)


def open_client(connection: Connection, table: ModelTable) -> ImageClient:
    """The provider's client (`api.providers.open_image_client`); AppError when it cannot be."""
    from stepfun_studio.api.providers import open_image_client

    return open_image_client(
        connection.provider.id,
        api_key=connection.api_key,
        base_url=connection.base_url,
        table=table,
    )
