"""`Studio`: everything below the window, put together once: library, stand-in, worker, queue.

The window shows a `Studio`; tests build one against a temporary home and a real stand-in server.
Each provider has its own connection (key and server, `settings.connection`); a provider with no
key is played by the built-in stand-in, which runs inside the app on a thread of its own and
speaks every provider's protocol under its own prefix. The worker keeps one client per provider,
made from these connections when its first job runs (so the openai SDK is imported by the worker
thread, never on the way to the first painted window).

`demo` is the state of the default provider (`settings.default_provider`), which is what the
banner speaks of; `is_demo(provider)` answers for any other.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.core.text import tr
from stepfun_studio.jobs.queue import JobQueue
from stepfun_studio.jobs.worker import GenerationWorker, ImageClient
from stepfun_studio.library.library import Library
from stepfun_studio.library.spool import Recovery, Spool
from stepfun_studio.settings.store import AppSettings
from stepfun_studio.ui.background import create_worker, run_in_background

if TYPE_CHECKING:
    from stepfun_studio.api.credentials import ProviderKeys
    from stepfun_studio.settings.connection import Connection

# The keys, the connections and the batch runner are first needed after the window's first paint
# (the keys are looked up then): their modules are imported where used, not on the way to it.

log = logging.getLogger(__name__)

# The stand-in accepts any non-empty key; this one says in logs what it is.
DEMO_KEY = "demo-key-local-standin"
# (at once, per minute) against the built-in stand-in.
DEMO_LIMITS = (8, 600)
# Providers other than StepFun publish no tier table we could follow; their 429s are waited out
# by the worker, and these keep a burst of n pictures from starting all at once.
OTHER_PROVIDER_LIMITS = (5, 60)
# Whose account tiers (`api.limits.TIERS`) the settings' tier describes.
TIERED_PROVIDER = "stepfun"


@dataclass(frozen=True)
class StudioOptions:
    paths: AppPaths
    concurrency: int = 5
    per_minute: int = 10
    rate_backoff_s: float = 2.0
    standin_latency_s: float = 0.0
    # Quitting waits up to this long for answers already on their way (they may be billed).
    quit_grace_s: float = 20.0


class Studio(QObject):
    """Owns the library, the optional stand-in, the worker and the queue; `close()` ends all."""

    demo_changed = Signal(bool)  # the default provider's demo state
    connection_problem = Signal(object)  # AppError: a configured server was refused
    connections_changed = Signal()  # any provider's key or server
    # The first start with no key anywhere: the window asks which provider to use.
    provider_choice_needed = Signal()
    # Pictures kept in the spool by an earlier session were added: (their ids, words to show).
    pictures_recovered = Signal(list, str)
    # The library could not be opened (an AppError: a newer schema, a full or read-only disk).
    library_failed = Signal(object)

    def __init__(self, options: StudioOptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.options = options
        # The settings file is a small INI read; the keyring is asked only when a key is.
        self.settings = AppSettings.open(options.paths)
        self.settings.write_in_background(_settings_runner(self.settings))
        # Settings ▸ General may put the library elsewhere; read once, so a change there
        # applies at the next start (the dialog says so), never under an open database.
        self.paths = replace(
            options.paths, library_override=self.settings.values.library_dir(options.paths)
        )
        # Opened on a worker: the schema upgrade of a large library, the full check of one that
        # reported damage or a file another program holds locked can each take seconds, and the
        # window paints meanwhile. Reads made before it is open wait for it on their threads.
        self.library = Library.unopened(self.paths)
        self._library_open = False
        self._when_open: list[Callable[[], object]] = []
        opening = create_worker(self.library.finish_opening, _name="open-library")
        opening.returned.connect(self._on_library_opened)
        opening.errored.connect(self._on_library_failed)
        opening.start()
        self._keys: ProviderKeys | None = None
        self.standin: Any = None
        self._connections: dict[str, Connection] = {}
        self._started = False
        self._closed = False
        self._account_limits = (options.concurrency, options.per_minute)
        # Every answer is kept here before its ingest, so a failed ingest loses nothing.
        self.spool = Spool.for_library(self.paths)
        self.last_recovery: Recovery | None = None
        self.worker = GenerationWorker(
            _weakly(self, Studio._make_client),
            _weakly(self, Studio._ingest),
            concurrency=options.concurrency,
            per_minute=options.per_minute,
            rate_backoff_s=options.rate_backoff_s,
        )
        self.queue = JobQueue(self.library.jobs, self.worker, self)
        self.worker.side_work_done.connect(self._on_spool_recovered)
        self._default_provider = self.settings.values.default_provider
        self._declared = self.settings.values.compatible_models
        self._servers = self.settings.values.connections
        self.settings.changed.connect(self._on_settings_changed)

    # --- the library's opening ---------------------------------------------------------------

    def when_library_open(self, callback: Callable[[], object]) -> None:
        """Calls `callback` on the GUI thread once the library is open (now, if it is); never
        if it cannot be opened (`library_failed` says so)."""
        if self._library_open:
            callback()
        else:
            self._when_open.append(callback)

    def _on_library_opened(self, _result: object) -> None:
        self._library_open = True
        waiting, self._when_open = self._when_open, []
        for callback in waiting:
            callback()

    def _on_library_failed(self, error: BaseException) -> None:
        self._when_open = []
        if self._closed:
            return  # closed while it opened (a window closed at once): nothing to tell
        log.error("cannot open the library: %r", error)
        self.library_failed.emit(error)

    @property
    def keys(self) -> ProviderKeys:
        """One key store per provider, shared with the settings dialog."""
        if self._keys is None:
            from stepfun_studio.api.credentials import ProviderKeys

            self._keys = ProviderKeys()
        return self._keys

    @property
    def key_store(self) -> ProviderKeys:
        """The same as `keys` (the name the window has always used)."""
        return self.keys

    def use_keys(self, keys: ProviderKeys) -> None:
        """Key stores of the caller's making (tests: throwaway keyring entries). Before start."""
        self._keys = keys

    # --- starting and connecting ------------------------------------------------------------

    def resolve_and_start(self) -> None:
        """Starts with each provider's key and server; a provider without a key: demo.

        The keys are looked up on a thread of its own: a keyring can take seconds to answer (or
        ask the user to unlock it), and the window must not freeze meanwhile. A refused server
        address is reported by `connection_problem`, and that provider runs as a demo.
        """
        keys, values = self.keys, self.settings.values  # taken here, on the GUI thread

        from stepfun_studio.settings.connection import resolve_all

        def resolve() -> object:
            # Every store reads its keyring entry now, so the settings dialog later finds them
            # all known and never waits on the keyring on the GUI thread.
            for provider_id in keys.provider_ids():
                keys.store(provider_id).probe()
            return resolve_all(values, keys)

        run_in_background(self, resolve, self._on_resolved, "resolve-connection")

    def _on_resolved(self, outcome: Any, error: BaseException | None) -> None:
        if self._closed:
            return
        if error is not None:  # a bug in resolving; the demo still runs, the log has it
            log.error("resolving the connections failed: %r", error)
            outcome = ({}, {})
        connections, problems = outcome
        self._start_with(connections)
        for problem in problems.values():
            self.connection_problem.emit(problem)
        values = self.settings.values
        if not values.provider_chosen and all(c.demo for c in connections.values()):
            self.provider_choice_needed.emit()

    def reconnect(self) -> AppError | None:
        """After a key or server changed in Settings: later jobs use the new connections.

        Returns the default provider's problem, if it has one (others are logged; they run as
        demos until fixed). The stores hold what the dialog just saved, so this asks no keyring
        for those; a store not read yet is read here.
        """
        from stepfun_studio.settings.connection import resolve_all

        connections, problems = resolve_all(self.settings.values, self.keys)
        for provider_id, problem in problems.items():
            log.warning("%s cannot be used: %s", provider_id, problem.message)
        self._use(connections)
        return problems.get(self.settings.values.default_provider)

    def start(
        self, api_key: str | None, base_url: str | None = None, provider: str = TIERED_PROVIDER
    ) -> None:
        """Starts the queue with `provider` on this key and server, every other provider a
        demo (no key: all demos, stand-in started).

        Called once the keys are known, after the window has painted: the waiting jobs of the
        last session must not be sent before we know where to.
        """
        self._start_with(_only(provider, api_key, base_url))

    def _start_with(self, connections: dict[str, Connection]) -> None:
        if self._started or self._closed:
            return
        self._started = True
        self._connections = dict(connections)
        self._after_change()
        self.queue.start()
        self.demo_changed.emit(self.demo)
        # What an earlier session kept but could not add: added now, on the worker's ingest
        # thread (one ingest at a time, and the worker's stop waits for it).
        recover = _weakly(self, Studio._recover_spool)
        self.worker.run_on_ingest_thread(lambda: recover(None))

    def _recover_spool(self, _: object = None) -> Recovery:
        return self.spool.recover(self._ingest_only)

    def _on_spool_recovered(self, outcome: object, error: object) -> None:
        if isinstance(error, BaseException):  # a bug: the entries stay for the next start
            log.error("spool recovery failed: %r", error)
            return
        if not isinstance(outcome, Recovery):
            return  # other work on the ingest thread, not ours
        self.last_recovery = outcome
        message = outcome.message()
        if message and not self._closed:
            self.pictures_recovered.emit(outcome.image_ids, message)

    def use_key(
        self, api_key: str | None, base_url: str | None = None, provider: str = TIERED_PROVIDER
    ) -> None:
        """A key was entered (or removed) for `provider`: its later jobs use it."""
        connections = dict(self._connections)
        connections.update(_only(provider, api_key, base_url, others=False))
        self._use(connections)

    def _use(self, connections: dict[str, Connection]) -> None:
        was_demo = self.demo
        self._connections = dict(connections)
        self._after_change()
        self.worker.set_client_factory(_weakly(self, Studio._make_client))
        self.connections_changed.emit()
        if was_demo != self.demo:
            self.demo_changed.emit(self.demo)

    def _after_change(self) -> None:
        if any(self.is_demo(provider) for provider in model_table().provider_ids()):
            self._ensure_standin()
        self._push_limits()

    def _on_settings_changed(self, values: object) -> None:
        now = self.settings.values
        if now.compatible_models != self._declared:
            # The compatible server's clients know its models from the table they were made
            # with: make them again.
            self._declared = now.compatible_models
            self.worker.set_client_factory(_weakly(self, Studio._make_client))
        if self._started and now.connections != self._servers:
            # Another server address (the first-start chooser may set one): connect anew.
            self._servers = now.connections
            self.reconnect()
        if now.default_provider != self._default_provider:
            # Another default provider: the banner speaks of it, and it may have a key or not.
            self._default_provider = now.default_provider
            if self._started:
                self.demo_changed.emit(self.demo)

    def apply_limits(self) -> None:
        """The account tier from the settings becomes StepFun's pacing (outside demo mode)."""
        values = self.settings.values
        self._account_limits = (values.concurrency, values.per_minute)
        self._push_limits()

    def limits_for(self, provider: str) -> tuple[int, int]:
        """(at once, per minute) the worker keeps for `provider`'s jobs (batch estimates)."""
        # The built-in stand-in has no tier: a newcomer's 16 demo pictures need not wait
        # for V0's 10-a-minute budget.
        if self.is_demo(provider):
            return DEMO_LIMITS
        if provider == TIERED_PROVIDER:
            return self._account_limits
        return OTHER_PROVIDER_LIMITS

    def _push_limits(self) -> None:
        for provider in model_table().provider_ids():
            self.worker.set_limits(*self.limits_for(provider), provider=provider)

    # --- state --------------------------------------------------------------------------------

    def is_demo(self, provider: str) -> bool:
        """True while `provider` has no key here and the stand-in plays it."""
        connection = self._connections.get(provider)
        return connection is None or connection.api_key is None

    @property
    def demo(self) -> bool:
        return self.is_demo(self.settings.values.default_provider)

    @property
    def connections_known(self) -> bool:
        """True once every provider's key was looked up (the keyring answers after the paint)."""
        return self._started

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def started(self) -> bool:
        """True once the queue is up (its jobs restored, off the GUI thread)."""
        return self._started and self.queue.ready

    def base_url_for(self, provider: str) -> str:
        """Where `provider`'s requests go: its server, or the stand-in's address for it."""
        if self.is_demo(provider):
            from stepfun_studio.settings.connection import standin_base_url

            return standin_base_url(self._ensure_standin(), provider)
        return self._connections[provider].base_url

    @property
    def base_url(self) -> str:
        return self.base_url_for(self.settings.values.default_provider)

    def assistant_target(self) -> tuple[str, str, str, bool]:
        """(provider, key, server, demo) for the prompt assistant: the default provider when it
        has chat models and a key, else the first such provider with a key; with no key at
        all, the stand-in plays one (the default provider's if it has chat models)."""
        table = model_table()
        able = [p.id for p in table.providers if p.assistant is not None]
        default = self.settings.values.default_provider
        ordered = sorted(able, key=lambda provider: provider != default)
        for provider in ordered:
            if not self.is_demo(provider):
                key = self._connections[provider].api_key or ""
                return provider, key, self.base_url_for(provider), False
        provider = ordered[0] if ordered else "stepfun"
        return provider, DEMO_KEY, self.base_url_for(provider), True

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.settings.flush()
        from stepfun_studio.jobs.batch_runner import BatchRunner

        for runner in self.findChildren(BatchRunner):  # batches write their last state first
            runner.close()
        self.queue.shutdown()
        if self.standin is not None:
            self.standin.stop()
            self.standin = None
        self.library.close()

    # --- used from the worker's threads -------------------------------------------------------

    def _ensure_standin(self) -> Any:
        if self.standin is None:
            from stepfun_studio.standin import StandinServer

            self.standin = StandinServer(port=0, latency_s=self.options.standin_latency_s)
            self.standin.start()
        return self.standin

    def _make_client(self, provider: str) -> ImageClient:
        # A server of the user's own may take no key: its connection's key is "" then.
        demo = self.is_demo(provider)
        key = DEMO_KEY if demo else self._connections[provider].api_key or ""
        from stepfun_studio.settings.connection import open_client

        # The worker retries a 429 itself, where the user can see it; the client must not too.
        client: ImageClient = open_client(
            provider,
            api_key=key,
            base_url=self.base_url_for(provider),
            settings=self.settings.values,
            max_rate_limit_retries=0,
            demo=demo,
        )
        return client

    def _ingest(self, result: GenerationResult) -> int:
        # Spooled first: a failed ingest leaves the picture there, and the error says where.
        return self.spool.store(result, self._ingest_only)

    def _ingest_only(self, result: GenerationResult) -> int:
        # The library gives each thread its own SQLite connection, so this is safe off the GUI.
        image_id = self.library.ingest_result(result)
        # The thumbnail is made here too, so the gallery shows the new cell without decoding
        # the full picture on the GUI thread. The picture is stored by now: a thumbnail that
        # fails must not make the spool keep (and re-add) it; the gallery asks again.
        try:
            self.library.ensure_thumbnail(image_id)
        except Exception:
            log.exception("thumbnail of image %d not made", image_id)
        return image_id


def _settings_runner(settings: AppSettings) -> Callable[..., None]:
    """Settings writes on their own lane, off the GUI thread (`AppSettings.write_in_background`)."""

    def run(work: Callable[[], None], done: Callable[[BaseException | None], None]) -> None:
        run_in_background(
            settings, work, lambda _r, error: done(error), "settings", lane="settings"
        )

    return run


def _only(
    provider: str, api_key: str | None, base_url: str | None, *, others: bool = True
) -> dict[str, Connection]:
    """`provider` on this key and server; with `others`, every other provider as a demo."""
    from stepfun_studio.settings.connection import Connection

    connections = {
        pid: Connection(None, "", demo=True, key_source=None, provider=pid)
        for pid in (model_table().provider_ids() if others else ())
    }
    if api_key is not None:
        url = base_url or model_table().require_provider(provider).region_url("") or ""
        connections[provider] = Connection(api_key, url, False, None, provider)
    else:
        connections[provider] = Connection(None, "", demo=True, key_source=None, provider=provider)
    return connections


_A = TypeVar("_A")
_R = TypeVar("_R")


def _weakly(studio: Studio, method: Callable[[Studio, _A], _R]) -> Callable[[_A], _R]:
    """`method` of `studio` for the worker, holding the studio weakly.

    The studio holds the worker; a worker holding the studio's bound methods would make a cycle,
    and Python's collector may break a cycle on any thread, deleting Qt objects off theirs.
    """
    ref = weakref.ref(studio)

    def call(argument: _A) -> _R:
        owner = ref()
        if owner is None:
            raise AppError(
                ErrorKind.CONFIG,
                tr("Studio", "Studio closed while this picture was waiting; try it again."),
            )
        return method(owner, argument)

    return call
