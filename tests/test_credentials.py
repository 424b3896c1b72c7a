"""KeyStore against a real Secret Service, keyring's own fail backend, and the environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, fail, null
from keyring_support import fake_key, real_secret_service, unique_service

from stepfun_studio.api.credentials import (
    ENV_VARIABLE,
    KeyringState,
    KeySource,
    KeyStore,
    ProviderKeys,
    normalise_key,
)
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ProviderSpec, model_table


@pytest.fixture
def secret_service() -> SecretService.Keyring:
    return real_secret_service()


@pytest.fixture
def keyring_service() -> str:
    return unique_service()


def test_set_read_replace_remove_in_the_real_keyring(
    secret_service: SecretService.Keyring,
    keyring_service: str,
) -> None:
    store = KeyStore(env={}, backend=secret_service, service=keyring_service)
    assert store.get_key() is None
    assert store.status.state is KeyringState.AVAILABLE

    first = fake_key()
    assert store.set_key(first) is KeySource.KEYRING
    # A fresh store (a new run of the app) finds it in the keyring itself.
    assert secret_service.get_password(keyring_service, "api-key") == first
    reread = KeyStore(env={}, backend=secret_service, service=keyring_service).get_key()
    assert reread is not None
    assert (reread.value, reread.source) == (first, KeySource.KEYRING)

    second = fake_key()
    store.set_key(second)
    assert secret_service.get_password(keyring_service, "api-key") == second

    store.remove_key()
    assert secret_service.get_password(keyring_service, "api-key") is None
    assert KeyStore(env={}, backend=secret_service, service=keyring_service).get_key() is None
    # Removing twice is not an error: the key is gone either way.
    store.remove_key()


def test_default_backend_is_the_secret_service_in_the_test_session(
    secret_service: SecretService.Keyring,
    keyring_service: str,
) -> None:
    # Without an override the store uses keyring's own choice, which must find the real service.
    store = KeyStore(env={}, service=keyring_service)
    key = fake_key()
    assert store.set_key(key) is KeySource.KEYRING
    assert store.status.backend
    assert secret_service.get_password(keyring_service, "api-key") == key
    store.remove_key()


def test_environment_wins_and_says_so(
    secret_service: SecretService.Keyring,
    keyring_service: str,
) -> None:
    stored, from_env = fake_key(), fake_key()
    KeyStore(env={}, backend=secret_service, service=keyring_service).set_key(stored)
    store = KeyStore(
        env={ENV_VARIABLE: f"  {from_env}\n"}, backend=secret_service, service=keyring_service
    )
    key = store.get_key()
    assert key is not None
    assert (key.value, key.source) == (from_env, KeySource.ENVIRONMENT)
    stored_key = store.stored_key()
    assert stored_key is not None and stored_key.value == stored
    store.remove_key()
    # The environment still wins after the stored key is gone.
    after = store.get_key()
    assert after is not None and after.source is KeySource.ENVIRONMENT


def test_environment_key_needs_no_keyring_at_all() -> None:
    key = fake_key()
    store = KeyStore(env={ENV_VARIABLE: key}, backend=fail.Keyring())
    found = store.get_key()
    assert found is not None and found.source is KeySource.ENVIRONMENT
    # Using the environment key does not even ask the keyring.
    assert store.status.state is KeyringState.UNKNOWN


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_no_backend_keeps_the_key_for_the_session_only(backend: object, tmp_path: Path) -> None:
    store = KeyStore(env={}, backend=backend)
    assert store.get_key() is None
    assert store.status.state is KeyringState.NO_BACKEND
    assert "STEPFUN_API_KEY" in store.status.message()

    key = fake_key()
    assert store.set_key(key) is KeySource.SESSION
    found = store.get_key()
    assert found is not None and (found.value, found.source) == (key, KeySource.SESSION)
    assert key not in store.status.message()
    # A new store (the next run) does not have it: nothing was kept anywhere.
    assert KeyStore(env={}, backend=backend).get_key() is None

    store.remove_key()
    assert store.get_key() is None


@pytest.mark.parametrize(
    "backend",
    ["keyring.backends.fail.Keyring", "keyring.backends.chainer.ChainerBackend"],
    ids=["fail", "empty-chainer"],
)
def test_no_usable_backend_chosen_by_environment_variable(tmp_path: Path, backend: str) -> None:
    # The real library configured the way a user without a keyring has it: PYTHON_KEYRING_BACKEND
    # naming the fail backend, or a chainer with nothing to chain (no D-Bus session to reach).
    script = (
        "from stepfun_studio.api.credentials import KeyStore\n"
        "s = KeyStore(env={})\n"
        "print(s.set_key('sk-SUBPROCESS0123456789abcdefXYZ').value)\n"
        "print(s.status.state.value)\n"
        "print(s.get_key().source.value)\n"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in (ENV_VARIABLE, "DBUS_SESSION_BUS_ADDRESS", "STEPFUN_TEST_KEYRING")
    }
    env["PYTHON_KEYRING_BACKEND"] = backend
    env["HOME"] = str(tmp_path)
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == ["session", "no_backend", "session"]
    assert "sk-SUBPROCESS" not in done.stderr
    # Nothing was written into the (fake) home folder.
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


LOCKED_SCRIPT = """
import secretstorage
from stepfun_studio.api.credentials import KeyStore
collection = secretstorage.get_default_collection(secretstorage.dbus_init())
collection.lock()
store = KeyStore(env={}, timeout_s=5.0)
print(store.set_key("sk-LOCKEDTEST0123456789abcdefXYZ").value)
print(store.status.state.value)
print(store.get_key().source.value)
print(store.status.message())
"""


def test_locked_keyring_is_reported_and_the_key_kept_for_the_session(tmp_path: Path) -> None:
    # Locking the keyring cannot be undone without a person at an unlock prompt, so this runs in
    # its own private D-Bus session with its own gnome-keyring, not the suite's shared one.
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        pytest.skip("dbus-run-session and gnome-keyring-daemon are needed for a locked keyring")
    (tmp_path / "data").mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k not in (ENV_VARIABLE, "DISPLAY")}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "data")
    shell = (
        'eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"; '
        'exec "$0" -c "$1"'
    )
    done = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", shell, sys.executable, LOCKED_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stderr[-2000:]
    assert lines[:3] == ["session", "locked", "session"]
    assert "locked" in lines[3] and "STEPFUN_API_KEY" in lines[3]
    assert "sk-LOCKEDTEST" not in done.stderr


@pytest.mark.parametrize("bad", ["", "   ", "two words", "sk-abc\nX-Other: 1", "ключ"])
def test_malformed_keys_are_refused(bad: str) -> None:
    with pytest.raises(AppError) as caught:
        normalise_key(bad)
    assert caught.value.kind is ErrorKind.CONFIG
    if bad.strip():
        assert bad.strip() not in caught.value.message


def test_key_never_in_repr() -> None:
    key = fake_key()
    store = KeyStore(env={ENV_VARIABLE: key})
    assert key not in repr(store.get_key())


# --- one key per provider ---------------------------------------------------------------------

PROVIDERS = model_table().providers


def test_each_provider_has_its_own_keyring_entry_and_stepfun_keeps_its_old_one(
    secret_service: SecretService.Keyring, keyring_service: str
) -> None:
    keys = ProviderKeys(env={}, backend=secret_service, service=keyring_service)
    stepfun_key, openai_key = fake_key(), fake_key("sk-OPENAI")
    keys.store("stepfun").set_key(stepfun_key)
    keys.store("openai").set_key(openai_key)
    # StepFun's entry is where every earlier version kept it, so existing users keep their key.
    assert secret_service.get_password(keyring_service, "api-key") == stepfun_key
    assert secret_service.get_password(keyring_service, "api-key-openai") == openai_key
    # A new run finds each key under its own provider, and no provider sees another's.
    again = ProviderKeys(env={}, backend=secret_service, service=keyring_service)
    found = {p.id: again.store(p.id).get_key() for p in PROVIDERS}
    assert found["stepfun"] is not None and found["stepfun"].value == stepfun_key
    assert found["openai"] is not None and found["openai"].value == openai_key
    assert [pid for pid, key in found.items() if key is None] == [
        "ark",
        "siliconflow",
        "compatible",
    ]
    again.store("openai").remove_key()
    assert secret_service.get_password(keyring_service, "api-key-openai") is None
    assert secret_service.get_password(keyring_service, "api-key") == stepfun_key
    again.store("stepfun").remove_key()


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.id)
def test_each_providers_environment_variable_wins(provider: ProviderSpec) -> None:
    key = fake_key()
    other = next(p for p in PROVIDERS if p.id != provider.id)
    env = {provider.key_env: key, other.key_env: fake_key("sk-OTHER")}
    store = KeyStore(provider.id, env=env, backend=fail.Keyring())
    found = store.get_key()
    assert found is not None and (found.value, found.source) == (key, KeySource.ENVIRONMENT)
    assert store.env_variable == provider.key_env
    # Another provider's variable is not this provider's key.
    assert KeyStore(provider.id, env={other.key_env: key}, backend=fail.Keyring()).get_key() is None


def test_the_keyring_message_names_the_providers_variable() -> None:
    store = KeyStore("siliconflow", env={}, backend=fail.Keyring())
    assert store.get_key() is None
    assert "SILICONFLOW_API_KEY" in store.status.message()
    assert "STEPFUN_API_KEY" not in store.status.message()


def test_an_unknown_provider_is_refused() -> None:
    with pytest.raises(AppError) as caught:
        KeyStore("dall-e", env={})
    assert caught.value.kind is ErrorKind.CONFIG


def test_provider_keys_share_one_store_per_provider() -> None:
    keys = ProviderKeys(env={}, backend=fail.Keyring())
    assert keys.store("ark") is keys["ark"]
    assert keys.store("ark") is not keys.store("openai")
    keys.store("ark").set_key(fake_key())  # session only: no keyring here
    assert keys["ark"].get_key() is not None and keys["openai"].get_key() is None
    assert keys.provider_ids() == tuple(p.id for p in PROVIDERS)


class SilentKeyring(KeyringBackend):
    """A keyring that never answers, as a locked one behind an invisible prompt does."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.calls += 1
        self.release.wait(30)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(30)

    def delete_password(self, service: str, username: str) -> None:
        self.release.wait(30)


def test_a_keyring_that_does_not_answer_is_waited_for_once_not_per_provider() -> None:
    silent = SilentKeyring()
    keys = ProviderKeys(env={}, backend=silent, timeout_s=0.5)
    started = time.monotonic()
    try:
        for provider in PROVIDERS:
            assert keys.store(provider.id).get_key() is None
            assert keys.store(provider.id).status.state is KeyringState.LOCKED
    finally:
        silent.release.set()
    # One time limit in all, not one per provider.
    assert time.monotonic() - started < 0.5 * 2.5
    assert silent.calls == 1
