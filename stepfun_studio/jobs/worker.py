"""`GenerationWorker`: the QThread that talks to the API, so the GUI thread never waits on it.

The thread owns one asyncio loop and one async client per provider (the job's
`request.provider` picks it; the factory builds it on first use). Jobs arrive from the GUI thread
through `enqueue()`, run up to their provider's concurrency inside its per-minute budget, and are
ingested into the library off the GUI thread (in a one-thread pool, so a slow disk never holds
up the sockets).
Cancelling a job cancels its task on this loop, which drops its socket at once.

Everything the GUI needs to know travels back as a signal; after `stop()` returns, nothing more is
emitted.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QThread, Signal, SignalInstance

from stepfun_studio.api.limits import RateLimiter
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.core.text import tr

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)


class ImageClient(Protocol):
    """What the worker needs of a provider's client (`api.providers.open_image_client`)."""

    async def generate_one(self, request: GenerationRequest) -> GenerationResult: ...

    async def aclose(self) -> None: ...


# Builds one provider's client (the argument is the provider id) inside the worker thread, so the
# openai import never runs on the GUI thread.
ClientFactory = Callable[[str], ImageClient]
# Stores one result and returns the new image id; runs in the ingest thread.
Ingest = Callable[[GenerationResult], int]

# How often a refused-for-rate (429) job is tried again before it fails, and the first wait.
RATE_LIMIT_RETRIES = 3
# The longest Retry-After a job sleeps through. A server asking for more (999999 s was seen from
# a hostile one) fails the job with its words and the wait it asked for; Retry is the user's.
MAX_RATE_WAIT_S = 120.0


def log_file_path() -> str:
    """Where the app's log is written (its rotating file handler), for messages about bugs."""
    for handler in logging.getLogger().handlers:
        filename = getattr(handler, "baseFilename", None)
        if isinstance(filename, str):
            return filename
    return tr("Jobs", "the app's log folder")


class GenerationWorker(QThread):
    """Runs generation jobs on its own asyncio loop; reports through signals only."""

    job_started = Signal(int)
    job_succeeded = Signal(int, int)  # job id, image id
    job_failed = Signal(int, object)  # job id, AppError
    job_cancelled = Signal(int)
    job_waiting_for_rate = Signal(int, object)  # job id, the 429 AppError; it will retry
    side_work_done = Signal(object, object)  # result, exception (None) of run_on_ingest_thread

    def __init__(
        self,
        client_factory: ClientFactory,
        ingest: Ingest,
        *,
        concurrency: int = 5,
        per_minute: int = 10,
        rate_backoff_s: float = 2.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("generationWorker")
        self._client_factory = client_factory
        self._ingest = ingest
        # (at once, per minute): for every provider, unless one has limits of its own.
        self._default_limits = (concurrency, per_minute)
        self._provider_limits: dict[str, tuple[int, int]] = {}
        self._rate_backoff_s = rate_backoff_s
        self._lock = threading.RLock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pending: list[Callable[[], None]] = []
        self._tasks: dict[int, asyncio.Task[None]] = {}
        # Jobs whose request has been handed to the client (on the loop's thread only).
        self._sending: set[int] = set()
        self._closed = False
        self._clients: dict[str, ImageClient] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._limiters: dict[str, RateLimiter] = {}
        self._shutdown_task: asyncio.Future[None] | None = None
        self._retired_clients: list[ImageClient] = []

    # --- called from the GUI thread -----------------------------------------------------------

    def enqueue(self, job_id: int, request: GenerationRequest) -> None:
        self._call_in_loop(lambda: self._start_job(job_id, request))

    def cancel(self, job_id: int) -> None:
        self._call_in_loop(lambda: self._cancel_job(job_id))

    def hold_unsent(self, job_ids: list[int]) -> None:
        """Stops those of `job_ids` whose request has not gone out yet (they emit
        `job_cancelled`); one already sent runs on, since its answer may be billed."""
        self._call_in_loop(lambda: self._hold(job_ids))

    def run_on_ingest_thread(self, work: Callable[[], object]) -> None:
        """Runs `work` on the ingest thread, between pictures (recovery of the spool, say);
        `side_work_done(result, error)` tells how it went. `stop()` waits for it."""
        self._call_in_loop(lambda: self._submit_side_work(work))

    def set_client_factory(self, factory: ClientFactory) -> None:
        """A new key or server: the next job of every provider uses a client built by `factory`."""
        self._call_in_loop(lambda: self._replace_client(factory))

    def set_limits(self, concurrency: int, per_minute: int, provider: str | None = None) -> None:
        """Pacing for `provider`'s jobs; None: for every provider without limits of its own."""
        self._call_in_loop(lambda: self._replace_limits(provider, concurrency, per_minute))

    def stop(self, timeout_ms: int = 5000) -> None:
        """Cancels every job, closes the client and joins the thread. Idempotent."""
        with self._lock:
            self._closed = True
            loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._begin_shutdown)
        if self.isRunning() and not self.wait(timeout_ms):
            log.warning("generation worker did not stop within %d ms", timeout_ms)

    # --- the thread ---------------------------------------------------------------------------

    def run(self) -> None:
        # Imported here, on the worker's thread: the way to the first painted window has no
        # use for asyncio (every method that needs it imports it the same way).
        import asyncio

        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")
        with self._lock:
            self._loop = loop
            pending, self._pending = self._pending, []
            closed = self._closed
        for call in pending:
            loop.call_soon(call)
        if closed:
            loop.call_soon(self._begin_shutdown)
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            self._pool.shutdown(wait=True)

    def _call_in_loop(self, call: Callable[[], None]) -> None:
        with self._lock:
            if self._closed:
                return
            loop = self._loop
            if loop is None:
                self._pending.append(call)
                return
        loop.call_soon_threadsafe(call)

    def _emit(self, signal: SignalInstance, *args: object) -> None:
        # Emitted under the lock stop() takes: once stop() has set _closed, no signal leaves.
        # (Queued to the GUI thread, so emitting is only posting an event.)
        with self._lock:
            if not self._closed:
                signal.emit(*args)

    def _begin_shutdown(self) -> None:
        import asyncio

        for task in self._tasks.values():
            task.cancel()
        self._shutdown_task = asyncio.ensure_future(self._finish_shutdown())

    async def _finish_shutdown(self) -> None:
        import asyncio

        tasks = list(self._tasks.values())
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        await self._close_client()
        asyncio.get_running_loop().stop()

    async def _close_client(self) -> None:
        clients = [*self._retired_clients, *self._clients.values()]
        self._clients, self._retired_clients = {}, []
        for client in clients:
            try:
                await client.aclose()
            except Exception:  # closing must never stop the shutdown; the reason goes to the log
                log.exception("closing the API client failed")

    def _hold(self, job_ids: list[int]) -> None:
        for job_id in job_ids:
            task = self._tasks.get(job_id)
            if task is not None and job_id not in self._sending:
                task.cancel()

    def _submit_side_work(self, work: Callable[[], object]) -> None:
        assert self._pool is not None

        def run() -> None:
            try:
                outcome = work()
            except Exception as error:  # handed on; the receiver tells the user and logs it
                self._emit(self.side_work_done, None, error)
            else:
                self._emit(self.side_work_done, outcome, None)

        self._pool.submit(run)

    def _replace_client(self, factory: ClientFactory) -> None:
        self._client_factory = factory
        # Requests already in flight on the old clients finish on them; they close at shutdown.
        self._retired_clients.extend(self._clients.values())
        self._clients = {}

    def _limits_of(self, provider: str) -> tuple[int, int]:
        return self._provider_limits.get(provider, self._default_limits)

    def _replace_limits(self, provider: str | None, concurrency: int, per_minute: int) -> None:
        before = {name: self._limits_of(name) for name in self._limiters}
        if provider is None:
            self._default_limits = (concurrency, per_minute)
        else:
            self._provider_limits[provider] = (concurrency, per_minute)
        for name, old in before.items():
            # Same limits: keep the limiter, whose memory of this minute's starts must not be
            # lost; a provider's next job builds a new one otherwise.
            if self._limits_of(name) != old:
                del self._limiters[name]

    def _limiter_for(self, provider: str) -> RateLimiter:
        limiter = self._limiters.get(provider)
        if limiter is None:
            limiter = RateLimiter(*self._limits_of(provider))
            self._limiters[provider] = limiter
        return limiter

    def _start_job(self, job_id: int, request: GenerationRequest) -> None:
        import asyncio

        if job_id in self._tasks:
            return
        task = asyncio.ensure_future(self._run_job(job_id, request))
        self._tasks[job_id] = task
        task.add_done_callback(lambda done: self._forget(job_id, done))

    def _forget(self, job_id: int, task: object) -> None:
        # Only this task: a retry may already have started a new one under the same id.
        if self._tasks.get(job_id) is task:
            del self._tasks[job_id]
            self._sending.discard(job_id)

    def _cancel_job(self, job_id: int) -> None:
        task = self._tasks.get(job_id)
        if task is not None:
            task.cancel()

    def _client_for(self, provider: str) -> ImageClient:
        client = self._clients.get(provider)
        if client is None:
            client = self._client_factory(provider)
            self._clients[provider] = client
        return client

    async def _run_job(self, job_id: int, request: GenerationRequest) -> None:
        import asyncio

        # The task leaves `_tasks` before its outcome is told: the GUI may answer a failure
        # with Retry at once, and that new task must not be mistaken for this one.
        current = asyncio.current_task()
        try:
            image_id = await self._generate_and_store(job_id, request)
        except asyncio.CancelledError:
            self._forget(job_id, current)
            self._emit(self.job_cancelled, job_id)
            raise
        except AppError as error:
            self._forget(job_id, current)
            self._emit(self.job_failed, job_id, error)
        except Exception as error:  # a bug; the user gets words, the log gets the traceback
            log.exception("job %d failed unexpectedly", job_id)
            # Studio's own fault, said so: calling it the server's bad answer sent people to
            # the provider with a bug of ours.
            wrapped = AppError(
                ErrorKind.INTERNAL,
                tr(
                    "Jobs",
                    "Studio failed on its own side ({reason}); this is a bug in Studio, not the "
                    "server's answer. The details are in the log: {log}",
                ).format(reason=type(error).__name__, log=log_file_path()),
            )
            self._forget(job_id, current)
            self._emit(self.job_failed, job_id, wrapped)
        else:
            self._forget(job_id, current)
            self._emit(self.job_succeeded, job_id, image_id)

    async def _generate_and_store(self, job_id: int, request: GenerationRequest) -> int:
        import asyncio

        result = await self._generate_with_rate_retries(job_id, request)
        assert self._pool is not None
        loop = asyncio.get_running_loop()
        store: asyncio.Future[int] = loop.run_in_executor(self._pool, self._ingest, result)
        try:
            return await asyncio.shield(store)
        except asyncio.CancelledError:
            # The picture is paid for and half written: let the write finish, report the image,
            # and only then let the cancel through.
            image_id = await store
            self._emit(self.job_succeeded, job_id, image_id)
            raise

    async def _generate_with_rate_retries(
        self, job_id: int, request: GenerationRequest
    ) -> GenerationResult:
        import asyncio

        attempt = 0
        while True:
            limiter = self._limiter_for(request.provider)
            async with limiter:
                self._sending.add(job_id)
                self._emit(self.job_started, job_id)
                started = time.monotonic()
                try:
                    return await self._client_for(request.provider).generate_one(request)
                except AppError as error:
                    self._sending.discard(job_id)  # refused: nothing of it is on its way
                    # A 429 was refused before any work was done, so trying again cannot pay
                    # twice; anything else is the user's call (retry button).
                    if error.kind is not ErrorKind.RATE_LIMIT or attempt >= RATE_LIMIT_RETRIES:
                        raise
                    log.info("job %d rate limited after %.1fs", job_id, time.monotonic() - started)
                    wait_s = error.retry_after or self._rate_backoff_s * (2**attempt)
                    if wait_s > MAX_RATE_WAIT_S:
                        raise
                    attempt += 1
                    self._emit(self.job_waiting_for_rate, job_id, error)
            await asyncio.sleep(wait_s)
