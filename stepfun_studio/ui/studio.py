"""`Studio`: everything below the window, put together once: library, stand-in, worker, queue.

The window shows a `Studio`; tests build one against a temporary home and a real stand-in server.
In demo mode (no key) the stand-in runs inside the app, on a thread of its own, and the worker's
client talks to it like to StepFun. The openai SDK is imported by the worker thread when the
first job runs, never on the way to the first painted window.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from stepfun_studio.api.credentials import KeyStore
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.jobs.queue import JobQueue
from stepfun_studio.jobs.worker import GenerationWorker, ImageClient
from stepfun_studio.library.library import Library
from stepfun_studio.settings.connection import resolve_connection
from stepfun_studio.settings.store import AppSettings

log = logging.getLogger(__name__)

# The stand-in accepts any non-empty key; this one says in logs what it is.
DEMO_KEY = "demo-key-local-standin"
# (at once, per minute) against the built-in stand-in.
DEMO_LIMITS = (8, 600)


@dataclass(frozen=True)
class StudioOptions:
    paths: AppPaths
    concurrency: int = 5
    per_minute: int = 10
    rate_backoff_s: float = 2.0
    standin_latency_s: float = 0.0


class Studio(QObject):
    """Owns the library, the optional stand-in, the worker and the queue; `close()` ends all."""

    demo_changed = Signal(bool)
    connection_problem = Signal(object)  # AppError: the configured server was refused
    # From the key lookup thread to this object's (the GUI) thread; queued by Qt.
    _resolved = Signal(object)

    def __init__(self, options: StudioOptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.options = options
        # The settings file is a small INI read; the keyring is asked only when the key is.
        self.settings = AppSettings.open(options.paths)
        # Settings ▸ General may put the library elsewhere; read once, so a change there
        # applies at the next start (the dialog says so), never under an open database.
        self.paths = replace(
            options.paths, library_override=self.settings.values.library_dir(options.paths)
        )
        self.library = Library.open(self.paths)
        self._key_store: KeyStore | None = None
        self.standin: Any = None
        self._api_key: str | None = None
        self._base_url: str | None = None
        self._started = False
        self._closed = False
        self._account_limits = (options.concurrency, options.per_minute)
        self.worker = GenerationWorker(
            self._make_client,
            self._ingest,
            concurrency=options.concurrency,
            per_minute=options.per_minute,
            rate_backoff_s=options.rate_backoff_s,
        )
        self.queue = JobQueue(self.library.jobs, self.worker, self)
        self._resolved.connect(self._on_resolved)

    @property
    def key_store(self) -> KeyStore:
        if self._key_store is None:
            self._key_store = KeyStore()
        return self._key_store

    def resolve_and_start(self) -> None:
        """Starts with the key and server from the key store and settings; no key: demo.

        The key is looked up on a thread of its own: a keyring can take seconds to answer (or
        ask the user to unlock it), and the window must not freeze meanwhile. A refused server
        address is reported by `connection_problem`, and the demo runs instead.
        """
        key_store, values = self.key_store, self.settings.values  # made here, on the GUI thread

        def resolve() -> None:
            try:
                connection = resolve_connection(values, key_store)
            except AppError as error:
                self._resolved.emit((None, None, error))
                return
            self._resolved.emit((connection.api_key, connection.base_url or None, None))

        threading.Thread(target=resolve, name="resolve-connection", daemon=True).start()

    def _on_resolved(self, result: tuple[str | None, str | None, AppError | None]) -> None:
        api_key, base_url, problem = result
        self.start(api_key, base_url)
        if problem is not None:
            self.connection_problem.emit(problem)

    def reconnect(self) -> AppError | None:
        """After the key or server changed in Settings: later jobs use the new connection."""
        try:
            connection = resolve_connection(self.settings.values, self.key_store)
        except AppError as error:
            return error
        self.use_key(connection.api_key, connection.base_url or None)
        return None

    def apply_limits(self) -> None:
        """The account tier from the settings becomes the worker's pacing (outside demo mode)."""
        values = self.settings.values
        self._account_limits = (values.concurrency, values.per_minute)
        self._push_limits()

    def _push_limits(self) -> None:
        # The built-in stand-in has no tier: a newcomer's 16 demo pictures need not wait
        # for V0's 10-a-minute budget.
        self.worker.set_limits(*(DEMO_LIMITS if self.demo else self._account_limits))

    @property
    def demo(self) -> bool:
        return self._api_key is None

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def started(self) -> bool:
        return self._started

    @property
    def base_url(self) -> str:
        if self.demo:
            return self._ensure_standin()
        return self._base_url or "https://api.stepfun.com/v1"

    def start(self, api_key: str | None, base_url: str | None = None) -> None:
        """Starts the queue with this key and server (no key: demo mode, stand-in started).

        Called once the key is known, after the window has painted: the waiting jobs of the
        last session must not be sent before we know where to.
        """
        if self._started or self._closed:
            return
        self._started = True
        self._api_key, self._base_url = api_key, base_url
        if self.demo:
            self._ensure_standin()
        self._push_limits()
        self.queue.start()
        self.demo_changed.emit(self.demo)

    def use_key(self, api_key: str | None, base_url: str | None = None) -> None:
        """A key was entered (or removed): later jobs use it; demo mode follows."""
        was_demo = self.demo
        self._api_key, self._base_url = api_key, base_url
        if self.demo:
            self._ensure_standin()
        self._push_limits()
        self.worker.set_client_factory(self._make_client)
        if was_demo != self.demo:
            self.demo_changed.emit(self.demo)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.queue.shutdown()
        if self.standin is not None:
            self.standin.stop()
            self.standin = None
        self.library.close()

    # --- used from the worker's threads -------------------------------------------------------

    def _ensure_standin(self) -> str:
        if self.standin is None:
            from stepfun_studio.standin import StandinServer

            self.standin = StandinServer(port=0, latency_s=self.options.standin_latency_s)
            self.standin.start()
        return str(self.standin.base_url)

    def _make_client(self) -> ImageClient:
        from stepfun_studio.api.client import StepFunClient

        key = self._api_key or DEMO_KEY
        # The worker retries a 429 itself, where the user can see it; the client must not too.
        client: ImageClient = StepFunClient(key, self.base_url, max_rate_limit_retries=0)
        return client

    def _ingest(self, result: GenerationResult) -> int:
        # The library gives each thread its own SQLite connection, so this is safe off the GUI.
        image_id = self.library.ingest_result(result)
        # The thumbnail is made here too, so the gallery shows the new cell without decoding
        # the full picture on the GUI thread.
        self.library.ensure_thumbnail(image_id)
        return image_id
