"""`JobQueue`: the GUI thread's side of generation: persist, hand to the worker, track, report.

A request for n images becomes n jobs in the library's job table (so the queue survives a quit),
each handed to the `GenerationWorker`. The worker's signals come back here, are written to the
table, and are passed on as signals the window listens to. Nothing here touches the disk: the
state lives here, on the GUI thread, so the window changes at once, and every read and write of the
table (and of the reference files a new job keeps) runs in order on the journal's thread. Job ids
are handed out here, from the highest id the table held at start.

On start, a job that was running when the app last stopped is marked interrupted (it may have
been billed, so it is not sent again unless the user presses Retry); waiting jobs wait again.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import time
import weakref
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QTimer, Signal

from stepfun_studio.core.errors import AppError
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.jobs.journal import JobJournal, Restored
from stepfun_studio.jobs.worker import GenerationWorker
from stepfun_studio.library.jobs import JobState, JobStore

log = logging.getLogger(__name__)

ACTIVE = frozenset({JobState.WAITING, JobState.RUNNING})
RETRYABLE = frozenset({JobState.FAILED, JobState.CANCELLED, JobState.INTERRUPTED})
SHOWN_AFTER_RESTART = (JobState.WAITING, JobState.INTERRUPTED, JobState.FAILED)
RESTORED_JOBS_LIMIT = 1000
# A job table another process holds (or a full disk) is asked again after this long.
RESTORE_RETRY_MS = 2000


@dataclass(frozen=True)
class JobInfo:
    """What the queue view shows of one job."""

    job_id: int
    prompt: str
    state: JobState
    request: GenerationRequest | None = None
    error: AppError | None = None
    error_text: str = ""
    image_id: int | None = None
    started_at: float | None = None  # time.monotonic() when it started running, this session
    finished_after_s: float | None = None
    # The jobs of one submit (a Generate of n pictures, one batch or grid run) share the first
    # one's id, so the queue view can show them as one group; 0 for a job alone.
    group: int = 0

    @property
    def group_id(self) -> int:
        return self.group or self.job_id

    def elapsed_s(self, now: float | None = None) -> float | None:
        if self.finished_after_s is not None:
            return self.finished_after_s
        if self.started_at is None:
            return None
        return (now if now is not None else time.monotonic()) - self.started_at


class JobQueue(QObject):
    """Submit, cancel and retry generation jobs; the single source of job state for the UI."""

    job_changed = Signal(int)
    image_ready = Signal(int, int)  # job id, image id
    job_failed = Signal(int, object)  # job id, AppError
    job_waiting_for_rate = Signal(int, object)  # job id, AppError (it will retry by itself)
    started = Signal()  # the last run's jobs are back; `submit` hands out ids from now on
    storage_problem = Signal(object)  # AppError: the job table refused a read or a write
    # From the journal's thread to this object's (queued): the restore's outcome, a complaint.
    _restored = Signal(object, object)
    _complaint = Signal(object)

    def __init__(
        self, table: JobStore, worker: GenerationWorker, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("jobQueue")
        self._table = table
        # Held weakly: the journal's thread outlives nothing, but a cycle through a bound method
        # would let Python's collector free this QObject on whatever thread it runs.
        me = weakref.ref(self)

        def complain(error: AppError) -> None:
            queue = me()
            if queue is not None:
                queue._complain(error)

        self._journal = JobJournal(table, complain)
        self._worker = worker
        self._jobs: dict[int, JobInfo] = {}
        # How many jobs are in each state, kept with `_jobs` (by `_put` and `_drop`): the window
        # asks on every job change, and counting a 1,000-job queue each time is not free.
        self._counts: collections.Counter[JobState] = collections.Counter()
        self._closed = False
        self._starting = False
        self._ready = False
        self._restore_failed = False
        self._next_id = 1
        self._held: list[tuple[GenerationRequest, int]] = []  # (request, group)
        self._held_for_quit: set[int] = set()
        self._restored.connect(self._on_restored)
        self._complaint.connect(self._on_complaint)
        worker.job_started.connect(self._on_started)
        worker.job_succeeded.connect(self._on_succeeded)
        worker.job_failed.connect(self._on_failed)
        worker.job_cancelled.connect(self._on_cancelled)
        worker.job_waiting_for_rate.connect(self._on_rate_wait)

    # --- start and stop -----------------------------------------------------------------------

    def start(self) -> None:
        """Recovers the table from the last run, starts the worker, re-queues waiting jobs.

        The table is read on the journal's thread (another process may hold the database for
        seconds); `ready` turns True, and `started` is emitted, when the restored jobs are here.
        """
        if self._starting or self._closed:
            return
        self._starting = True
        self._restore()

    def _restore(self) -> None:
        def done(restored: Restored | None, error: AppError | None) -> None:
            # On the journal's thread: handed to the GUI thread by a queued signal.
            with contextlib.suppress(RuntimeError):  # the queue is gone: nobody to tell
                self._restored.emit(restored, error)

        self._journal.restore(SHOWN_AFTER_RESTART, RESTORED_JOBS_LIMIT, done)

    def _on_restored(self, restored: Restored | None, error: AppError | None) -> None:
        if self._closed or self._ready:
            return
        if restored is None:
            # Locked or unreadable for now: said once, tried again, the window stays usable.
            if error is not None and not self._restore_failed:
                self._restore_failed = True
                self.storage_problem.emit(error)
            QTimer.singleShot(RESTORE_RETRY_MS, self, self._restore)
            return
        self._next_id = restored.last_id + 1
        # The jobs of one submit were written in one go, with one `created_at`: they are one
        # group again (the first one's id), as they were before the restart. (A batch run's
        # pictures were submitted one by one: they come back as jobs of their own.)
        first_at: dict[float, int] = {}
        # What the user can act on; finished pictures of earlier sessions live in the gallery.
        for record in restored.records:
            first = first_at.setdefault(record.created_at, record.id)
            self._put(
                JobInfo(
                    job_id=record.id,
                    prompt=record.request.prompt,
                    state=record.state,
                    request=record.request,
                    error_text=record.error_message or "",
                    image_id=record.image_id,
                    group=first if first != record.id else 0,
                )
            )
        self._ready = True
        self._worker.start()
        for info in self.jobs():
            if info.state is JobState.WAITING and info.request is not None:
                self._worker.enqueue(info.job_id, info.request)
            self.job_changed.emit(info.job_id)
        held, self._held = self._held, []
        for request, group in held:
            self.submit(request, group=group)
        self.started.emit()

    @property
    def ready(self) -> bool:
        """True once the last run's jobs are restored and new ones get their ids at once."""
        return self._ready

    def shutdown(self) -> None:
        """Stops the worker; jobs still running stay "running" in the table, so the next start
        marks them interrupted. Nothing is emitted after this returns."""
        if self._closed:
            return
        self._closed = True
        self._worker.stop()
        self._journal.close()

    def _complain(self, error: AppError) -> None:
        with contextlib.suppress(RuntimeError):  # on the journal's thread; the queue may be gone
            self._complaint.emit(error)

    def _on_complaint(self, error: AppError) -> None:
        if not self._closed:
            self.storage_problem.emit(error)

    # --- what the user does -------------------------------------------------------------------

    def submit(self, request: GenerationRequest, *, group: int = 0) -> list[int]:
        """Queues the request's n pictures as one group; returns their job ids at once ([]
        before `ready`: they are queued the moment it is). `group` (an earlier job's id) adds
        them to that group instead (a batch run submitting picture by picture). The rows are
        written on the journal's thread."""
        if self._closed:
            return []
        if not self._ready:
            self._held.append((request, group))
            return []
        singles = request.fan_out()
        ids = list(range(self._next_id, self._next_id + len(singles)))
        self._next_id += len(singles)
        # The row (and the reference files) go first in the journal's order, so the state
        # changes that follow find it.
        self._journal.add(ids, singles)
        group = group or (ids[0] if ids else 0)
        for job_id, single in zip(ids, singles, strict=True):
            self._put(JobInfo(job_id, single.prompt, JobState.WAITING, single, group=group))
            self._worker.enqueue(job_id, single)
            self.job_changed.emit(job_id)
        return ids

    def cancel(self, job_id: int) -> None:
        info = self._jobs.get(job_id)
        if info is None or info.state not in ACTIVE:
            return
        self._worker.cancel(job_id)
        # Marked at once: the user sees it stop now, even if the socket closes a moment later.
        self._set(job_id, JobState.CANCELLED, finished=True)

    def cancel_all(self) -> None:
        for info in self.jobs():
            if info.state in ACTIVE:
                self.cancel(info.job_id)

    def retry(self, job_id: int) -> bool:
        info = self._jobs.get(job_id)
        if info is None or info.state not in RETRYABLE or info.request is None:
            return False
        self._put(
            replace(
                info,
                state=JobState.WAITING,
                error=None,
                error_text="",
                started_at=None,
                finished_after_s=None,
            )
        )
        self._journal.record(job_id, JobState.WAITING)
        self._worker.enqueue(job_id, info.request)
        self.job_changed.emit(job_id)
        return True

    def hold_waiting(self) -> int:
        """Before a quit: no waiting job is sent any more; they stay waiting (in the table too)
        and go at the next start. Jobs already sent run on. Returns how many were held."""
        waiting = [i.job_id for i in self._jobs.values() if i.state is JobState.WAITING]
        self._held_for_quit.update(waiting)
        self._worker.hold_unsent(waiting)
        return len(waiting)

    def in_flight_count(self) -> int:
        """Jobs whose answer may still arrive: sent, or waiting and not held."""
        return sum(
            1
            for info in self._jobs.values()
            if info.state is JobState.RUNNING
            or (info.state is JobState.WAITING and info.job_id not in self._held_for_quit)
        )

    def retry_failed(self) -> int:
        return sum(self.retry(i.job_id) for i in self.jobs() if i.state is JobState.FAILED)

    def clear_finished(self) -> None:
        """Forgets finished jobs, here and in the table, so they do not return at the next
        start; their pictures stay in the library."""
        for info in self.jobs():
            if info.state not in ACTIVE:
                self._drop(info.job_id)
                self.job_changed.emit(info.job_id)
        self._journal.remove_finished()

    # --- reading ------------------------------------------------------------------------------

    def flush(self) -> None:
        """Waits until every state change so far is in the job table (for tests and quit)."""
        self._journal.flush()

    def jobs(self) -> list[JobInfo]:
        return sorted(self._jobs.values(), key=lambda info: info.job_id)

    def get(self, job_id: int) -> JobInfo | None:
        return self._jobs.get(job_id)

    def active_count(self) -> int:
        return self._counts[JobState.WAITING] + self._counts[JobState.RUNNING]

    def count(self, state: JobState) -> int:
        """How many jobs are in `state` (at once: no walk over the jobs)."""
        return self._counts[state]

    def _put(self, info: JobInfo) -> None:
        old = self._jobs.get(info.job_id)
        if old is not None:
            self._counts[old.state] -= 1
        self._counts[info.state] += 1
        self._jobs[info.job_id] = info

    def _drop(self, job_id: int) -> None:
        old = self._jobs.pop(job_id, None)
        if old is not None:
            self._counts[old.state] -= 1

    # --- from the worker ----------------------------------------------------------------------

    def _set(
        self,
        job_id: int,
        state: JobState,
        *,
        finished: bool = False,
        error: AppError | None = None,
        image_id: int | None = None,
    ) -> None:
        info = self._jobs.get(job_id)
        if info is None:
            return
        changes: dict[str, object] = {"state": state}
        if state is JobState.RUNNING:
            changes["started_at"] = time.monotonic()
        if finished:
            changes["finished_after_s"] = info.elapsed_s()
        if error is not None:
            changes["error"] = error
            changes["error_text"] = error.message
        if image_id is not None:
            changes["image_id"] = image_id
        self._put(replace(info, **changes))  # type: ignore[arg-type]
        self._journal.record(job_id, state, error=error, image_id=image_id)
        self.job_changed.emit(job_id)

    def _is_live(self, job_id: int) -> bool:
        # A late signal for a job the user already cancelled (or after shutdown) changes nothing.
        info = self._jobs.get(job_id)
        return not self._closed and info is not None and info.state in ACTIVE

    def _on_started(self, job_id: int) -> None:
        if self._is_live(job_id):
            # Sent before the hold reached the worker: it is on its way, and waited for.
            self._held_for_quit.discard(job_id)
            self._set(job_id, JobState.RUNNING)

    def _on_succeeded(self, job_id: int, image_id: int) -> None:
        if self._closed:
            return
        info = self._jobs.get(job_id)
        if info is None:
            return
        if info.state is JobState.CANCELLED:
            # Paid for and stored before the cancel landed: keep the picture, say so on the job.
            self._put(replace(info, image_id=image_id))
            self.job_changed.emit(job_id)
        else:
            self._set(job_id, JobState.DONE, finished=True, image_id=image_id)
        self.image_ready.emit(job_id, image_id)

    def _on_failed(self, job_id: int, error: AppError) -> None:
        if not self._is_live(job_id):
            return
        log.info("job %d failed: %r", job_id, error)
        self._set(job_id, JobState.FAILED, finished=True, error=error)
        self.job_failed.emit(job_id, error)

    def _on_cancelled(self, job_id: int) -> None:
        if job_id in self._held_for_quit:
            return  # held for the quit, not cancelled: it stays waiting for the next start
        if self._is_live(job_id):
            self._set(job_id, JobState.CANCELLED, finished=True)

    def _on_rate_wait(self, job_id: int, error: AppError) -> None:
        if self._is_live(job_id):
            self.job_waiting_for_rate.emit(job_id, error)
