"""`resolve_connection`: per provider, which key, which server, and whether it runs as a demo."""

from __future__ import annotations

import asyncio

import pytest
from keyring.backends import fail
from keyring_support import fake_key

from stepfun_studio.api.credentials import KeyStore, ProviderKeys
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ProviderSpec, model_table
from stepfun_studio.settings.connection import (
    open_client,
    provider_base_url,
    resolve_all,
    resolve_connection,
    standin_base_url,
)
from stepfun_studio.settings.values import ProviderConnection, StudioSettings
from stepfun_studio.standin import StandinServer

PROVIDERS = model_table().providers
HOSTED = [p for p in PROVIDERS if p.regions]


def stepfun_at(region: str = "", base_url: str = "") -> StudioSettings:
    return StudioSettings().with_connection("stepfun", ProviderConnection(region, base_url))


def test_no_key_means_demo_mode() -> None:
    store = KeyStore(env={}, backend=fail.Keyring())
    connection = resolve_connection("stepfun", StudioSettings(), store, {})
    assert (connection.api_key, connection.base_url, connection.demo, connection.key_source) == (
        None,
        "",
        True,
        None,
    )


@pytest.mark.parametrize(
    ("provider", "region"),
    [(p, region) for p in HOSTED for region, _url in p.regions],
    ids=lambda value: value.id if isinstance(value, ProviderSpec) else value,
)
def test_region_picks_the_host(provider: ProviderSpec, region: str) -> None:
    key = fake_key()
    store = KeyStore(provider.id, env={provider.key_env: key})
    settings = StudioSettings().with_connection(provider.id, ProviderConnection(region))
    connection = resolve_connection(provider.id, settings, store, {})
    assert connection.base_url == dict(provider.regions)[region]
    assert (connection.api_key, connection.demo, connection.key_source, connection.provider) == (
        key,
        False,
        "environment",
        provider.id,
    )
    assert key not in repr(connection)


def test_session_key_and_custom_address() -> None:
    store = KeyStore(env={}, backend=fail.Keyring())
    key = fake_key()
    store.set_key(key)
    connection = resolve_connection(
        "stepfun", stepfun_at(base_url="https://proxy.example.com/v1/"), store, {}
    )
    assert (connection.base_url, connection.key_source) == (
        "https://proxy.example.com/v1",
        "session",
    )


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.id)
def test_the_providers_base_url_variable_wins_and_is_checked(provider: ProviderSpec) -> None:
    store = KeyStore(provider.id, env={provider.key_env: fake_key()})
    settings = StudioSettings().with_connection(
        provider.id, ProviderConnection(base_url="https://proxy.example.com/v1")
    )
    env = {provider.base_url_env: "http://127.0.0.1:9999/v1"}
    assert (
        resolve_connection(provider.id, settings, store, env).base_url == env[provider.base_url_env]
    )
    # Another provider's variable changes nothing here.
    other = next(p for p in PROVIDERS if p.id != provider.id)
    moved = resolve_connection(
        provider.id, settings, store, {other.base_url_env: "http://127.0.0.1:1/v1"}
    )
    assert moved.base_url == "https://proxy.example.com/v1"
    with pytest.raises(AppError) as caught:
        resolve_connection(
            provider.id, settings, store, {provider.base_url_env: "http://10.1.2.3/v1"}
        )
    assert caught.value.kind is ErrorKind.CONFIG
    assert "http" in caught.value.message


def test_a_compatible_server_needs_an_address_before_its_key_goes_anywhere() -> None:
    key = fake_key()
    store = KeyStore("compatible", env={"COMPATIBLE_API_KEY": key})
    with pytest.raises(AppError) as caught:
        resolve_connection("compatible", StudioSettings(), store, {})
    assert caught.value.kind is ErrorKind.CONFIG
    assert "COMPATIBLE_BASE_URL" in caught.value.message and key not in caught.value.message
    settings = StudioSettings().with_connection(
        "compatible", ProviderConnection(base_url="http://localhost:8000/v1")
    )
    assert (
        resolve_connection("compatible", settings, store, {}).base_url == "http://localhost:8000/v1"
    )


def test_a_store_of_another_provider_is_never_used() -> None:
    store = KeyStore("openai", env={"OPENAI_API_KEY": fake_key()})
    with pytest.raises(ValueError, match="openai"):
        resolve_connection("ark", StudioSettings(), store, {})
    with pytest.raises(AppError):
        resolve_connection("dall-e", StudioSettings(), store, {})


def test_resolve_all_keeps_one_bad_provider_from_stopping_the_others() -> None:
    env = {
        "STEPFUN_API_KEY": fake_key(),
        "OPENAI_API_KEY": fake_key(),
        "OPENAI_BASE_URL": "http://openai.example.com/v1",  # clear text: refused
    }
    keys = ProviderKeys(env=env, backend=fail.Keyring())
    connections, problems = resolve_all(StudioSettings(), keys, env)
    assert set(connections) == {p.id for p in PROVIDERS}
    assert not connections["stepfun"].demo
    assert connections["openai"].demo and list(problems) == ["openai"]
    assert [pid for pid, c in connections.items() if c.demo] == [
        "openai",
        "ark",
        "siliconflow",
        "compatible",
    ]


def test_provider_base_url_is_empty_without_a_host() -> None:
    compatible = model_table().require_provider("compatible")
    assert provider_base_url(compatible, StudioSettings(), {}) == ""
    ark = model_table().require_provider("ark")
    assert provider_base_url(ark, StudioSettings(), {}) == dict(ark.regions)["cn"]


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.id)
def test_the_standin_plays_every_provider_under_its_prefix(
    standin: StandinServer, provider: ProviderSpec
) -> None:
    url = standin_base_url(standin, provider.id)
    assert url.startswith(f"http://127.0.0.1:{standin.port}/")
    assert url.endswith(provider.standin_prefix)


def test_a_stepfun_client_opened_from_a_connection_talks_to_the_server(
    standin: StandinServer,
) -> None:
    key = fake_key()
    store = KeyStore(env={"STEPFUN_API_KEY": key})
    connection = resolve_connection("stepfun", stepfun_at(base_url=standin.base_url), store, {})
    assert connection.api_key is not None

    async def models() -> list[str]:
        client = open_client(
            "stepfun", api_key=connection.api_key or "", base_url=connection.base_url
        )
        try:
            return list(await client.list_models())
        finally:
            await client.aclose()

    assert "step-2x-large" in asyncio.run(models())
    assert standin.request_count("/models") == 1


def test_a_server_of_ones_own_may_take_no_key_but_a_service_may_not() -> None:
    url = "http://127.0.0.1:8000/v1"
    for provider_id, expected in (("compatible", ("", url, False)), ("openai", (None, "", True))):
        store = KeyStore(provider_id, env={}, backend=fail.Keyring())
        settings = StudioSettings().with_connection(provider_id, ProviderConnection(base_url=url))
        connection = resolve_connection(provider_id, settings, store, {})
        assert (connection.api_key, connection.base_url, connection.demo) == expected, provider_id
    # Without its address, the keyless server is a demo like any provider without a key.
    store = KeyStore("compatible", env={}, backend=fail.Keyring())
    assert resolve_connection("compatible", StudioSettings(), store, {}).demo
