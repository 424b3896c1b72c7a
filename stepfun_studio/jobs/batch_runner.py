"""`BatchRunner`: feeds one batch's pictures to the `JobQueue`, a few at a time, and remembers.

At most the provider's "at once" limit of a batch's jobs is in the queue at any moment, so a
pause takes effect within those few pictures and a 500-picture batch never floods the queue.
Each step that matters for billing is written before the next is taken, in order, on one
background thread: an item is `submitting` before its job is handed to the queue and `queued`
(with its job id) after, so whatever moment the app stops at, the next start knows which items
may have reached the server. Those are never sent again by themselves: `resend_uncertain()` is
the user's say-so. Finished pictures are added to the batch's collection as they land.

The GUI thread never touches the database here: every read and write goes to the writer thread,
and its outcome comes back as a queued signal.
"""

from __future__ import annotations

import collections
import heapq
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from stepfun_studio.core.batch import BudgetGuard, estimate, may_be_billed, request_for
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.model_table import ModelTable, model_table
from stepfun_studio.core.request import ReferenceImage
from stepfun_studio.core.text import tr
from stepfun_studio.jobs.queue import JobQueue
from stepfun_studio.library.batches import (
    CHARGED_STATES,
    Batch,
    BatchItem,
    BatchSettings,
    BatchState,
    ItemState,
    NewItem,
    interrupted_message,
)
from stepfun_studio.library.jobs import JobState
from stepfun_studio.library.library import Library

log = logging.getLogger(__name__)

Done = Callable[[Any, BaseException | None], None]
# (at once, per minute) for a provider, as the worker paces it.
Limits = Callable[[str], tuple[int, int]]
UNCERTAIN = frozenset({ItemState.MAYBE_BILLED, ItemState.FAILED, ItemState.CANCELLED})


class _Relay(QObject):
    """Carries a writer result to the GUI thread; lives as long as the application."""

    delivered = Signal(object, object, object)  # callback, result, error

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.delivered.connect(self._deliver)

    def _deliver(self, callback: Done, result: object, error: object) -> None:
        callback(result, error if isinstance(error, BaseException) else None)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay  # noqa: PLW0603 - one relay for the process, made on the GUI thread
    if _relay is None or not shiboken6.isValid(_relay):
        _relay = _Relay()
    return _relay


class BatchRunner(QObject):
    """Runs one batch at a time through the queue; `batch` is what the dialog shows."""

    changed = Signal()  # the batch, its state or an item changed
    problem = Signal(str)  # something the user should read (a write that failed, the budget)

    def __init__(
        self,
        queue: JobQueue,
        library: Library,
        limits: Limits,
        table: Callable[[], ModelTable] = model_table,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchRunner")
        self._queue = queue
        self._library = library
        self._limits = limits
        self._table = table
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-writer")
        self._relay = _the_relay()
        self.batch: Batch | None = None
        self._items: dict[int, BatchItem] = {}  # by position
        # Kept with `_items` (by `_keep`), so a picture landing costs the same at the 500th
        # picture as at the first: how many items are in each state, and the pending positions
        # (a heap, lowest first; an entry no longer pending is skipped when it comes up).
        self._counts: collections.Counter[ItemState] = collections.Counter()
        self._pending: list[int] = []
        # The queue shows this run's pictures as one group: the first job's id (0: none yet).
        self._group = 0
        self._jobs: dict[int, int] = {}  # job id -> position, for every job of this batch
        self._in_flight: set[int] = set()  # positions handed (or being handed) to the queue
        self._started_jobs: set[int] = set()
        self._guard = BudgetGuard(None, None)
        self._start_when_open = False
        self._closed = False
        queue.image_ready.connect(self._on_image_ready)
        queue.job_failed.connect(self._on_job_failed)
        queue.job_changed.connect(self._on_job_changed)

    # --- the writer thread ---------------------------------------------------------------------

    def _write(self, work: Callable[[], Any], done: Done | None = None) -> None:
        """`work()` on the writer thread, after every earlier write; then `done` back here."""
        if self._closed:
            return
        relay = self._relay

        def deliver(result: Any, error: BaseException | None) -> None:
            if self._closed or not shiboken6.isValid(self):
                return
            if error is not None and done is None:
                log.error("batch write failed: %r", error)
                self.problem.emit(_words(error))
                return
            if done is not None:
                done(result, error)

        def run() -> None:
            result: Any = None
            error: BaseException | None = None
            try:
                result = work()
            except Exception as exc:  # handed to `deliver`, which tells the user in words
                error = exc
            if shiboken6.isValid(relay):
                relay.delivered.emit(deliver, result, error)

        self._writer.submit(run)

    def close(self) -> None:
        """Stops feeding the queue and writes what is left; jobs in the queue run on."""
        if self._closed:
            return
        self._closed = True
        self._writer.shutdown(wait=True)

    def flush(self) -> None:
        """Waits for every write so far (tests)."""
        self._writer.submit(lambda: None).result()

    # --- opening and creating ------------------------------------------------------------------

    def create(
        self, name: str, settings: BatchSettings, items: list[NewItem], *, start: bool = False
    ) -> None:
        """Stores a new batch with a collection of its name, then opens it (and runs it)."""
        library = self._library
        self._start_when_open = start

        def work() -> int:
            collection = library.create_collection(name)
            return library.batches.create(name, settings, items, collection)

        self._write(work, self._on_created)

    def _on_created(self, batch_id: object, error: BaseException | None) -> None:
        if error is not None:
            self.problem.emit(_words(error))
            return
        assert isinstance(batch_id, int)
        self.open(batch_id)

    def open(self, batch_id: int) -> None:
        """Loads the batch; items handed over in an earlier session take their jobs' outcome."""
        live = frozenset(
            info.job_id
            for info in self._queue.jobs()
            if info.state in (JobState.WAITING, JobState.RUNNING)
        )
        library = self._library

        def work() -> Batch | None:
            batch = library.batches.reconcile(batch_id, live)
            if batch is None:
                return None
            if batch.state is BatchState.RUNNING:
                # Studio stopped while it ran: it waits for the user's Resume.
                library.batches.set_state(batch_id, BatchState.PAUSED)
            _collect_done(library, batch)
            return library.batches.get(batch_id)

        self._write(work, self._on_loaded)

    def _on_loaded(self, batch: object, error: BaseException | None) -> None:
        if error is not None or not isinstance(batch, Batch):
            self.problem.emit(_words(error) if error else tr("Batch", "That batch is gone."))
            return
        self.batch = batch
        self._items, self._counts, self._pending, self._group = {}, collections.Counter(), [], 0
        for item in batch.items:
            self._keep(item)
        self._jobs = {item.job_id: item.position for item in batch.items if item.job_id is not None}
        self._in_flight = {i.position for i in batch.items if i.state is ItemState.QUEUED}
        plan = estimate(
            batch.settings.template, 1, concurrency=1, per_minute=1, table=self._table()
        )
        self._guard = BudgetGuard(batch.settings.budget, plan.price_each)
        for item in batch.items:
            if item.state in CHARGED_STATES:
                self._guard.charge(item.cost)
        for job_id in list(self._jobs):
            self._sync_from_queue(job_id)
        self.changed.emit()
        if self._start_when_open:
            self._start_when_open = False
            self.start()

    # --- what the user does --------------------------------------------------------------------

    @property
    def state(self) -> BatchState | None:
        return None if self.batch is None else self.batch.state

    def items(self) -> list[BatchItem]:
        return [self._items[position] for position in sorted(self._items)]

    def total(self) -> int:
        """How many pictures the open batch has."""
        return len(self._items)

    def count(self, *states: ItemState) -> int:
        return sum(self._counts[state] for state in states)

    def _keep(self, item: BatchItem) -> None:
        old = self._items.get(item.position)
        if old is not None:
            self._counts[old.state] -= 1
        self._counts[item.state] += 1
        self._items[item.position] = item
        if item.state is ItemState.PENDING:
            heapq.heappush(self._pending, item.position)

    def start(self) -> None:
        """Runs (or resumes) the batch: pending pictures are sent, a few at a time."""
        if self.batch is None or self._closed:
            return
        self._set_state(BatchState.RUNNING)
        self._fill()

    resume = start

    def pause(self) -> None:
        """No more pictures are handed to the queue; those already there finish."""
        if self.state is BatchState.RUNNING:
            self._set_state(BatchState.PAUSED)

    def cancel(self) -> None:
        """Stops the batch and cancels its jobs in the queue (a running one may be billed)."""
        if self.batch is None:
            return
        self._set_state(BatchState.CANCELLED)
        for job_id, position in list(self._jobs.items()):
            if position in self._in_flight:
                self._queue.cancel(job_id)

    def set_budget(self, budget: float | None) -> None:
        """A new cap for the rest of the batch (None: none); Resume carries on under it."""
        if self.batch is None or budget == self.batch.settings.budget:
            return
        settings = replace(self.batch.settings, budget=budget)
        self.batch = replace(self.batch, settings=settings)
        self._guard.budget = budget
        store, batch_id = self._library.batches, self.batch.id
        self._write(lambda: store.set_settings(batch_id, settings))
        self.changed.emit()

    def resend_uncertain(self) -> int:
        """The user's say-so: pictures that may have been billed, failed or were cancelled are
        sent again (each may be billed twice). Returns how many; Resume sends them."""
        if self.batch is None:
            return 0
        again = [item for item in self.items() if item.state in UNCERTAIN]
        for item in again:
            # A picture that may have been billed stays counted: sent again, it counts twice.
            self._update(item, ItemState.PENDING, error="")
        return len(again)

    # --- feeding the queue ---------------------------------------------------------------------

    def _set_state(self, state: BatchState) -> None:
        assert self.batch is not None
        self.batch = replace(self.batch, state=state)
        store, batch_id = self._library.batches, self.batch.id
        self._write(lambda: store.set_state(batch_id, state))
        self.changed.emit()

    def _update(self, item: BatchItem, state: ItemState, **changes: Any) -> BatchItem:
        """The item in memory now, and in the table after the writes before it."""
        updated = replace(item, state=state, **changes)
        self._keep(updated)
        store = self._library.batches
        self._write(
            lambda: store.set_item(
                item.batch_id,
                item.position,
                state,
                job_id=updated.job_id,
                image_id=updated.image_id,
                cost=updated.cost,
                error=updated.error,
            )
        )
        self.changed.emit()
        return updated

    def _fill(self) -> None:
        batch = self.batch
        if batch is None or batch.state is not BatchState.RUNNING or self._closed:
            return
        at_once = max(1, self._limits(batch.settings.template.provider)[0])
        while self._pending and len(self._in_flight) < at_once:
            item = self._items[self._pending[0]]
            if item.state is not ItemState.PENDING or item.position in self._in_flight:
                heapq.heappop(self._pending)  # sent meanwhile, or pushed twice: not pending
                continue
            if not self._guard.allows_next():
                self._set_state(BatchState.OVER_BUDGET)
                self.problem.emit(
                    tr(
                        "Batch",
                        "The batch stopped at its budget; {count} pictures were not sent. Raise "
                        "the budget to send them.",
                    ).format(count=self.count(ItemState.PENDING))
                )
                return
            self._guard.charge()
            self._in_flight.add(item.position)
            heapq.heappop(self._pending)
            self._hand_over(self._update(item, ItemState.SUBMITTING))
        if not self._in_flight:
            self._set_state(BatchState.DONE)

    def _hand_over(self, item: BatchItem) -> None:
        store = self._library.batches
        # The `submitting` mark is written (queued before this read) before the job exists.
        self._write(
            lambda: store.picture(item), lambda picture, error: self._submit(item, picture, error)
        )

    def _submit(self, item: BatchItem, picture: object, error: BaseException | None) -> None:
        batch = self.batch
        assert batch is not None
        if error is not None or not isinstance(picture, ReferenceImage):
            self._in_flight.discard(item.position)
            self._guard.refund()
            reason = _words(error) if error else tr("Batch", "The picture could not be read.")
            self._update(item, ItemState.FAILED, error=reason)
            self._fill()
            return
        if batch.state is not BatchState.RUNNING:
            # Paused or cancelled while the picture was read: it never left, so it waits again.
            self._in_flight.discard(item.position)
            self._guard.refund()
            self._update(item, ItemState.PENDING)
            return
        settings = batch.settings
        spec = self._table().get(settings.template.model)
        if spec is None:
            self._in_flight.discard(item.position)
            self._guard.refund()
            self._update(
                item,
                ItemState.FAILED,
                error=tr("Batch", "Unknown model “{model}”.").format(model=settings.template.model),
            )
            return
        request = request_for(settings.template, spec, settings.mode, picture, item.prompt)
        ids = self._queue.submit(request, group=self._group)
        if not ids:  # the queue has shut down (the app is quitting): nothing was sent
            self._in_flight.discard(item.position)
            self._guard.refund()
            self._update(item, ItemState.PENDING)
            return
        self._group = self._group or ids[0]
        self._jobs[ids[0]] = item.position
        self._update(item, ItemState.QUEUED, job_id=ids[0])
        self._sync_from_queue(ids[0])

    # --- from the queue ------------------------------------------------------------------------

    def _item_of(self, job_id: int) -> BatchItem | None:
        position = self._jobs.get(job_id)
        return None if position is None else self._items.get(position)

    def _settled(self, item: BatchItem) -> None:
        self._in_flight.discard(item.position)
        if self.state is BatchState.PAUSED and not self._in_flight:
            if not self.count(ItemState.PENDING):
                self._set_state(BatchState.DONE)  # paused with nothing left: it is finished
            return
        self._fill()

    def _on_image_ready(self, job_id: int, image_id: int) -> None:
        item = self._item_of(job_id)
        if item is None or item.state is ItemState.DONE or self.batch is None:
            return
        done = self._update(item, ItemState.DONE, image_id=image_id, error="")
        library, collection = self._library, self.batch.collection_id

        def work() -> float | None:
            if collection is not None:
                library.add_to_collection([image_id], collection)
            record = library.get(image_id)
            return None if record is None else record.cost

        self._write(work, lambda cost, error: self._on_cost(done, cost, error))
        self._settled(done)

    def _on_cost(self, item: BatchItem, cost: object, error: BaseException | None) -> None:
        if error is not None:
            self.problem.emit(_words(error))
            return
        if isinstance(cost, float):
            self._guard.settle(cost)
            self._update(self._items[item.position], ItemState.DONE, cost=cost)

    def _on_job_failed(self, job_id: int, error: AppError) -> None:
        item = self._item_of(job_id)
        if item is None or item.state not in (ItemState.QUEUED, ItemState.SUBMITTING):
            return
        billed = may_be_billed(error)
        if not billed:
            self._guard.refund()
        state = ItemState.MAYBE_BILLED if billed else ItemState.FAILED
        self._settled(self._update(item, state, error=error.message))

    def _on_job_changed(self, job_id: int) -> None:
        if job_id in self._jobs:
            self._sync_from_queue(job_id)

    def _sync_from_queue(self, job_id: int) -> None:
        """The item takes what the queue knows of its job (running, cancelled, interrupted)."""
        item, info = self._item_of(job_id), self._queue.get(job_id)
        if item is None or info is None or item.state is not ItemState.QUEUED:
            return
        if info.state is JobState.RUNNING:
            self._started_jobs.add(job_id)
        elif info.state is JobState.DONE and info.image_id is not None:
            self._on_image_ready(job_id, info.image_id)
        elif info.state is JobState.FAILED and info.error is not None:
            self._on_job_failed(job_id, info.error)
        elif info.state is JobState.INTERRUPTED or (
            info.state is JobState.CANCELLED and job_id in self._started_jobs
        ):
            # It may have reached the server: it is the user's to send again.
            self._settled(self._update(item, ItemState.MAYBE_BILLED, error=interrupted_message()))
        elif info.state is JobState.CANCELLED:
            self._guard.refund()
            self._settled(self._update(item, ItemState.CANCELLED))


def _collect_done(library: Library, batch: Batch) -> None:
    """Done pictures are in the batch's collection and carry their cost (after a restart)."""
    done = [item for item in batch.items if item.state is ItemState.DONE and item.image_id]
    if batch.collection_id is not None and done:
        library.add_to_collection([item.image_id for item in done if item.image_id],
                                  batch.collection_id)  # fmt: skip
    for item in done:
        if item.cost is None and item.image_id is not None:
            record = library.get(item.image_id)
            if record is not None and record.cost is not None:
                library.batches.set_item(batch.id, item.position, ItemState.DONE, cost=record.cost)


def _words(error: BaseException | None) -> str:
    if isinstance(error, AppError):
        return error.message
    return tr("Batch", "Studio failed on its side ({error}); the log has the details.").format(
        error=type(error).__name__
    )
