"""`resolve_connection`: which key, which server, and whether the run is a demo."""

from __future__ import annotations

import pytest
from keyring.backends import fail
from keyring_support import fake_key

from stepfun_studio.api.config import REGIONS
from stepfun_studio.api.credentials import KeyStore
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.settings.connection import resolve_connection
from stepfun_studio.settings.values import StudioSettings


def test_no_key_means_demo_mode() -> None:
    connection = resolve_connection(StudioSettings(), KeyStore(env={}, backend=fail.Keyring()), {})
    assert (connection.api_key, connection.base_url, connection.demo, connection.key_source) == (
        None,
        "",
        True,
        None,
    )


@pytest.mark.parametrize("region", sorted(REGIONS))
def test_region_picks_the_host(region: str) -> None:
    key = fake_key()
    store = KeyStore(env={"STEPFUN_API_KEY": key})
    connection = resolve_connection(StudioSettings(region=region), store, {})
    assert connection.base_url == REGIONS[region]
    assert (connection.api_key, connection.demo, connection.key_source) == (
        key,
        False,
        "environment",
    )
    assert key not in repr(connection)


def test_session_key_and_custom_address() -> None:
    store = KeyStore(env={}, backend=fail.Keyring())
    key = fake_key()
    store.set_key(key)
    settings = StudioSettings(custom_base_url="https://proxy.example.com/v1/")
    connection = resolve_connection(settings, store, {})
    assert (connection.base_url, connection.key_source) == (
        "https://proxy.example.com/v1",
        "session",
    )


def test_environment_base_url_wins_and_is_checked() -> None:
    store = KeyStore(env={"STEPFUN_API_KEY": fake_key()})
    env = {"STEPFUN_BASE_URL": "http://127.0.0.1:9999/v1"}
    settings = StudioSettings(custom_base_url="https://proxy.example.com/v1")
    assert resolve_connection(settings, store, env).base_url == "http://127.0.0.1:9999/v1"
    with pytest.raises(AppError) as caught:
        resolve_connection(settings, store, {"STEPFUN_BASE_URL": "http://10.1.2.3/v1"})
    assert caught.value.kind is ErrorKind.CONFIG
    assert "http" in caught.value.message
