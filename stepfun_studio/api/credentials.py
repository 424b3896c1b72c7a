"""`KeyStore`: where one provider's API key lives. The OS keyring, the environment, or memory.

- One store per provider (`KeyStore("openai")`), each with its own keyring entry: StepFun's keeps
  the entry it always had (service "StepFun Studio", user "api-key"), so existing users keep
  their key; another provider's is user "api-key-<provider>". `ProviderKeys` holds one store
  per provider.
- The provider's environment variable (`ProviderSpec.key_env`: `STEPFUN_API_KEY`,
  `OPENAI_API_KEY`, `ARK_API_KEY`, `SILICONFLOW_API_KEY`, `COMPATIBLE_API_KEY`), when set, wins
  for the run and is reported as coming from the environment.
- Otherwise the key is read from the OS keyring (the `keyring` package: Keychain, Credential
  Manager, Secret Service), lazily on first use: importing and asking the keyring can take a
  moment, and nothing about it is needed to paint the window.
- When no keyring works (no backend at all, keyring's `fail`/`null` backends, an empty chainer,
  a locked or refusing keyring, one that does not answer), the key is kept in memory for this
  session only and the status says so and points to the provider's environment variable.
- It never falls back to a file, and refuses keyring backends that are files in disguise
  (`keyrings.alt`).

Every key this store sees is registered with `core.redaction`, so logs and messages drop it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ModelTable, model_table
from stepfun_studio.core.redaction import redact, remember_secret
from stepfun_studio.core.text import tr

ENV_VARIABLE = "STEPFUN_API_KEY"  # StepFun's; other providers' come from the model table
SERVICE = "StepFun Studio"
USERNAME = "api-key"
DEFAULT_PROVIDER = "stepfun"
DEFAULT_TIMEOUT_S = 10.0

_log = logging.getLogger(__name__)
_T = TypeVar("_T")


class KeySource(StrEnum):
    ENVIRONMENT = "environment"
    KEYRING = "keyring"
    SESSION = "session"


class KeyringState(StrEnum):
    UNKNOWN = "unknown"  # not asked yet: asking is lazy
    AVAILABLE = "available"
    NO_BACKEND = "no_backend"
    LOCKED = "locked"
    FAILED = "failed"


@dataclass(frozen=True)
class KeyringStatus:
    """How the keyring answered last time; `detail` is a short technical reason, secret-free."""

    state: KeyringState
    backend: str = ""
    detail: str = ""
    env_variable: str = ENV_VARIABLE

    @property
    def usable(self) -> bool:
        return self.state in (KeyringState.AVAILABLE, KeyringState.UNKNOWN)

    def message(self) -> str:
        """What to tell a person, or "" while the keyring works."""
        session = tr(
            "KeyStore",
            "A key you enter is kept in memory for this session only. To use a key every "
            "time without a keyring, set the {variable} environment variable.",
        ).format(variable=self.env_variable)
        if self.state is KeyringState.NO_BACKEND:
            head = tr(
                "KeyStore", "No working system keyring was found, so the key cannot be saved."
            )
        elif self.state is KeyringState.LOCKED:
            head = tr(
                "KeyStore",
                "The system keyring is locked or unlocking it was refused, so the key cannot "
                "be saved.",
            )
        elif self.state is KeyringState.FAILED:
            head = tr("KeyStore", "The system keyring refused to store the key.")
        else:
            return ""
        reason = tr("KeyStore", "Reason: {detail}").format(detail=self.detail)
        return f"{head} {session}" + (f"\n{reason}" if self.detail else "")


@dataclass(frozen=True)
class ApiKey:
    """A key and where it came from. The value never shows in a repr."""

    value: str = field(repr=False)
    source: KeySource


class _KeyringUnusableError(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def normalise_key(key: str) -> str:
    """The key as sent: stripped; raises AppError(CONFIG) on anything that cannot be a key."""
    key = key.strip()
    if not key:
        raise AppError(ErrorKind.CONFIG, tr("KeyStore", "The API key is empty."))
    if any(c.isspace() for c in key) or not key.isascii() or not key.isprintable():
        # A header value with spaces or control characters is not a key (and could smuggle a
        # second header); refuse it rather than send it.
        raise AppError(
            ErrorKind.CONFIG,
            tr("KeyStore", "An API key is one word of plain letters and digits, without spaces."),
        )
    return key


def keyring_username(provider_id: str) -> str:
    """The keyring entry's user name for a provider; StepFun's is the one it always was."""
    return USERNAME if provider_id == DEFAULT_PROVIDER else f"{USERNAME}-{provider_id}"


def _backend_name(backend: object) -> str:
    name = getattr(backend, "name", "")
    return str(name) if name else type(backend).__name__


def _usable_problem(backend: object) -> str | None:
    """Why `backend` cannot keep a key, or None when it can."""
    module = type(backend).__module__
    if module == "keyring.backends.fail":
        return tr("KeyStore", "no keyring backend is installed or reachable")
    if module == "keyring.backends.null":
        return tr("KeyStore", "the keyring is switched off")
    if module.startswith("keyrings.alt"):
        return tr("KeyStore", "the only keyring stores secrets in a file, which Studio never does")
    if module == "keyring.backends.chainer":
        chained = list(getattr(backend, "backends", []))
        if not chained or all(_usable_problem(b) is not None for b in chained):
            return tr("KeyStore", "no keyring backend is installed or reachable")
    return None


class KeyringGate:
    """Shared by the stores of one `ProviderKeys`: a keyring that did not answer one store is not
    waited for again by the next one for a while. A locked keyring would otherwise cost every
    provider the whole time limit, one after another, before the app could start."""

    RETRY_AFTER_S = 60.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stalled_at: float | None = None
        self._detail = ""

    def stalled(self) -> str | None:
        """Why the keyring is not worth asking now, or None."""
        with self._lock:
            if self._stalled_at is None:
                return None
            if time.monotonic() - self._stalled_at > self.RETRY_AFTER_S:
                self._stalled_at = None
                return None
            return self._detail

    def mark_stalled(self, detail: str) -> None:
        with self._lock:
            self._stalled_at, self._detail = time.monotonic(), detail

    def clear(self) -> None:
        with self._lock:
            self._stalled_at = None


class KeyStore:
    """One provider's API key for this run: environment, then session memory, then the keyring.

    `backend` is a keyring backend object to use instead of keyring's own choice (which honours
    `PYTHON_KEYRING_BACKEND` and keyringrc); tests pass `keyring.backends.fail.Keyring()`.
    `table` names the provider's environment variable (the packaged table by default).
    """

    def __init__(
        self,
        provider_id: str = DEFAULT_PROVIDER,
        *,
        env: Mapping[str, str] | None = None,
        backend: object | None = None,
        service: str = SERVICE,
        username: str | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        table: ModelTable | None = None,
        gate: KeyringGate | None = None,
    ) -> None:
        provider = (table or model_table()).provider(provider_id)
        if provider is None:
            raise AppError(
                ErrorKind.CONFIG,
                tr("KeyStore", "Unknown provider “{provider}”.").format(provider=provider_id),
            )
        self.provider_id = provider_id
        self.env_variable = provider.key_env
        self._env = os.environ if env is None else env
        self._backend_override = backend
        self._service = service
        self._username = username or keyring_username(provider_id)
        self._timeout_s = timeout_s
        self._gate = gate
        self._lock = threading.Lock()
        self._session_key: str | None = None
        self._keyring_key: str | None = None
        self._keyring_read = False
        self._status = self._new_status(KeyringState.UNKNOWN)

    def __repr__(self) -> str:
        return f"KeyStore({self.provider_id!r})"

    def _new_status(
        self, state: KeyringState, backend: str = "", detail: str = ""
    ) -> KeyringStatus:
        return KeyringStatus(state, backend, detail, env_variable=self.env_variable)

    # -- reading --------------------------------------------------------------------------

    def environment_key(self) -> str | None:
        value = self._env.get(self.env_variable, "").strip()
        if value:
            remember_secret(value)
        return value or None

    def get_key(self) -> ApiKey | None:
        """The key to use, asking the keyring on the first call only."""
        env_key = self.environment_key()
        if env_key:
            return ApiKey(env_key, KeySource.ENVIRONMENT)
        with self._lock:
            if self._session_key:
                return ApiKey(self._session_key, KeySource.SESSION)
            if not self._keyring_read:
                self._read_keyring()
            if self._keyring_key:
                return ApiKey(self._keyring_key, KeySource.KEYRING)
        return None

    def stored_key(self) -> ApiKey | None:
        """The key this app keeps (keyring or session), ignoring the environment."""
        with self._lock:
            if self._session_key:
                return ApiKey(self._session_key, KeySource.SESSION)
            if not self._keyring_read:
                self._read_keyring()
            if self._keyring_key:
                return ApiKey(self._keyring_key, KeySource.KEYRING)
        return None

    @property
    def status(self) -> KeyringStatus:
        """The keyring's last answer; UNKNOWN until something asked it."""
        return self._status

    def probe(self) -> KeyringStatus:
        """Ask the keyring now (one read) unless it was asked already."""
        with self._lock:
            if not self._keyring_read:
                self._read_keyring()
        return self._status

    def reload(self) -> None:
        """Ask the keyring again next time (after the user unlocked it, for instance)."""
        with self._lock:
            self._keyring_read = False
            self._keyring_key = None

    def _read_keyring(self) -> None:
        try:
            value = self._call(lambda b: b.get_password(self._service, self._username))
        except _KeyringUnusableError:
            self._keyring_read = True
            return
        self._keyring_read = True
        self._keyring_key = value if isinstance(value, str) and value else None
        remember_secret(self._keyring_key)

    # -- writing --------------------------------------------------------------------------

    def set_key(self, key: str) -> KeySource:
        """Keep `key`: in the keyring when it works, else in memory for this session.

        Returns where it went; when that is SESSION, `status.message()` says why.
        """
        key = normalise_key(key)
        remember_secret(key)
        with self._lock:
            try:
                self._call(lambda b: b.set_password(self._service, self._username, key))
            except _KeyringUnusableError:
                self._session_key = key
                self._keyring_read = True
                _log.warning(
                    "%s key kept for this session only: %s", self.provider_id, self._status.detail
                )
                return KeySource.SESSION
            self._keyring_key = key
            self._keyring_read = True
            self._session_key = None
        _log.info("%s key saved to the keyring (%s)", self.provider_id, self._status.backend)
        return KeySource.KEYRING

    def remove_key(self) -> None:
        """Forget the key here and in the keyring. Raises AppError(KEYRING) if the keyring
        holds it and refuses to let go."""
        with self._lock:
            self._session_key = None
            self._keyring_key = None
            self._keyring_read = True
            try:
                self._call(self._delete)
            except _KeyringUnusableError as exc:
                if self._status.state is KeyringState.NO_BACKEND:
                    return  # nothing can be stored there, so nothing is left behind
                raise AppError(
                    ErrorKind.KEYRING,
                    tr("KeyStore", "The key could not be removed from the system keyring.")
                    + f" ({exc.detail})",
                ) from None
        _log.info("%s key removed", self.provider_id)

    def _delete(self, backend: Any) -> None:
        from keyring.errors import PasswordDeleteError

        # No key to remove is fine: the wanted end state already holds.
        with contextlib.suppress(PasswordDeleteError):
            backend.delete_password(self._service, self._username)

    # -- talking to the keyring -----------------------------------------------------------

    def _backend(self) -> Any:
        if self._backend_override is not None:
            return self._backend_override
        import keyring

        return keyring.get_keyring()

    def _call(self, operation: Callable[[Any], _T]) -> _T:
        """Run one keyring operation with a time limit, updating `status`.

        A locked Secret Service may wait for an unlock prompt nobody can see; the time limit
        turns that into a clear LOCKED state instead of a frozen app.
        """
        stalled = self._gate.stalled() if self._gate is not None else None
        if stalled is not None:
            self._fail(KeyringState.LOCKED, "", stalled)
        outcome: dict[str, Any] = {}

        def run() -> None:
            try:
                backend = self._backend()
                outcome["backend"] = _backend_name(backend)
                problem = _usable_problem(backend)
                if problem is not None:
                    outcome["problem"] = problem
                    return
                outcome["value"] = operation(backend)
            except BaseException as exc:  # handed over to the calling thread
                outcome["error"] = exc

        worker = threading.Thread(target=run, name="keyring", daemon=True)
        worker.start()
        worker.join(self._timeout_s)
        backend = str(outcome.get("backend", ""))
        if worker.is_alive():
            detail = tr("KeyStore", "the keyring did not answer within {seconds:g} s").format(
                seconds=self._timeout_s
            )
            if self._gate is not None:
                self._gate.mark_stalled(detail)
            self._fail(KeyringState.LOCKED, backend, detail)
        if "problem" in outcome:
            self._fail(KeyringState.NO_BACKEND, backend, str(outcome["problem"]))
        if "error" in outcome:
            state, detail = self._classify(outcome["error"])
            self._fail(state, backend, detail)
        self._status = self._new_status(KeyringState.AVAILABLE, backend)
        if self._gate is not None:
            self._gate.clear()
        return outcome.get("value")  # type: ignore[return-value]

    def _classify(self, exc: BaseException) -> tuple[KeyringState, str]:
        from keyring import errors

        # The exception text comes from D-Bus or the OS; it has no business holding the key,
        # but it is redacted all the same before anyone sees it.
        detail = redact(f"{type(exc).__name__}: {exc}", (self._session_key, self._keyring_key))
        if isinstance(exc, errors.NoKeyringError):
            return KeyringState.NO_BACKEND, detail
        if isinstance(exc, errors.KeyringLocked):
            return KeyringState.LOCKED, detail
        return KeyringState.FAILED, detail

    def _fail(self, state: KeyringState, backend: str, detail: str) -> None:
        self._status = self._new_status(state, backend, detail)
        _log.warning("Keyring unusable (%s, %s): %s", state.value, backend or "?", detail)
        raise _KeyringUnusableError(detail)


class ProviderKeys:
    """One `KeyStore` per provider, made on first use, all on the same keyring and environment.

    The window and the connection resolver share one of these, so a key read (or saved) once is
    not asked of the keyring again.
    """

    def __init__(
        self,
        *,
        env: Mapping[str, str] | None = None,
        backend: object | None = None,
        service: str = SERVICE,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        table: ModelTable | None = None,
    ) -> None:
        self._table = table or model_table()
        self._options: dict[str, Any] = {
            "env": env,
            "backend": backend,
            "service": service,
            "timeout_s": timeout_s,
            "table": self._table,
            "gate": KeyringGate(),
        }
        self._lock = threading.Lock()
        self._stores: dict[str, KeyStore] = {}

    @classmethod
    def around(cls, store: KeyStore) -> ProviderKeys:
        """A collection holding `store` for its provider, and the others' stores on the same
        environment and keyring."""
        keys = cls(
            env=store._env,
            backend=store._backend_override,
            service=store._service,
            timeout_s=store._timeout_s,
        )
        keys.use(store)
        return keys

    def __repr__(self) -> str:
        return f"ProviderKeys({sorted(self._stores)!r})"

    def provider_ids(self) -> tuple[str, ...]:
        return self._table.provider_ids()

    def store(self, provider_id: str) -> KeyStore:
        with self._lock:
            found = self._stores.get(provider_id)
            if found is None:
                found = KeyStore(provider_id, **self._options)
                self._stores[provider_id] = found
            return found

    def __getitem__(self, provider_id: str) -> KeyStore:
        return self.store(provider_id)

    def use(self, store: KeyStore) -> None:
        """Put `store` in place of this collection's own for its provider (tests: a store on
        a throwaway keyring entry)."""
        with self._lock:
            self._stores[store.provider_id] = store
