"""`JobJournal`: every read and write of the library's job table, off the GUI thread.

A state change is one small SQLite write, but a write waits its turn behind any other writer (the
ingest thread committing a picture, another process holding the database), and the GUI thread
must never wait. So the start-up read, new jobs (their rows and reference files, fsynced) and
state changes go, in order, to one background thread; `close()` writes what is left before the
app quits, so the next start sees exactly where every job stood.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.core.text import tr
from stepfun_studio.library.jobs import JobRecord, JobState, JobStore

log = logging.getLogger(__name__)

# Told when a write the user should know about failed (new jobs not saved, say); called on the
# journal's thread, so the receiver must hand it to its own thread (a queued signal does).
Complaint = Callable[[AppError], None]


@dataclass(frozen=True)
class Restored:
    """What the job table held at start: jobs to show again, and the highest id ever used."""

    records: list[JobRecord]
    last_id: int


class JobJournal:
    def __init__(self, store: JobStore, complain: Complaint | None = None) -> None:
        self._store = store
        self._complain = complain
        # One thread: changes to a job land in the order they were made.
        self._pool: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="job-journal"
        )
        self._last: Future[None] | None = None

    def restore(
        self,
        states: tuple[JobState, ...],
        limit: int,
        done: Callable[[Restored | None, AppError | None], None],
    ) -> None:
        """Marks jobs of a crashed run interrupted and reads what to show; `done` is called on
        the journal's thread."""

        def run() -> None:
            try:
                self._store.mark_interrupted()
                restored = Restored(
                    self._store.list_jobs(states, limit=limit), self._store.last_id()
                )
            except AppError as failure:
                log.error("the job table could not be read: %s", failure.message)
                done(None, failure)
            except Exception as bug:  # the queue must still hear back, or it never starts
                log.exception("reading the job table failed")
                message = tr(
                    "Jobs",
                    "The list of jobs could not be read ({reason}); Studio tries again in a "
                    "moment. This is a bug in Studio; the details are in the log.",
                ).format(reason=type(bug).__name__)
                done(None, AppError(ErrorKind.INTERNAL, message))
            else:
                done(restored, None)

        self._submit(run)

    def add(self, job_ids: list[int], requests: list[GenerationRequest]) -> None:
        """Stores new waiting jobs under the ids the queue gave them (and their references)."""

        def run() -> None:
            try:
                self._store.add(requests, ids=job_ids)
            except Exception as failure:
                # The jobs still run (their pictures are spooled); only the restart memory of
                # them is lost, and the user is told.
                log.error("jobs %s not saved", job_ids, exc_info=failure)
                reason = (
                    failure.message if isinstance(failure, AppError) else type(failure).__name__
                )
                kind = failure.kind if isinstance(failure, AppError) else ErrorKind.INTERNAL
                message = tr(
                    "Jobs",
                    "The new jobs could not be saved ({reason}). They are being made all the "
                    "same, but quitting now forgets them.",
                ).format(reason=reason)
                if self._complain is not None:
                    self._complain(AppError(kind, message))

        self._submit(run)

    def record(
        self,
        job_id: int,
        state: JobState,
        *,
        error: AppError | None = None,
        image_id: int | None = None,
    ) -> None:
        self._submit(lambda: self._write(job_id, state, error, image_id))

    def remove_finished(self) -> None:
        """Forgets every finished job in the table, after the changes already queued."""
        self._submit(self._remove_finished)

    def _submit(self, work: Callable[[], None]) -> None:
        if self._pool is not None:
            self._last = self._pool.submit(work)

    def _remove_finished(self) -> None:
        try:
            self._store.remove_finished()
        except AppError as failure:
            log.error("finished jobs not removed: %s", failure.message)

    def flush(self) -> None:
        """Waits until every change made so far is written (tests; never the GUI at work)."""
        if self._last is not None:
            self._last.result()

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)

    def _write(
        self, job_id: int, state: JobState, error: AppError | None, image_id: int | None
    ) -> None:
        try:
            self._store.set_state(
                job_id,
                state,
                error_kind=error.kind if error is not None else None,
                error_message=error.message if error is not None else None,
                image_id=image_id,
            )
        except AppError as failure:
            # The disk refused (full, locked): the job still runs; the log says what was lost.
            log.error("job %d: state %s not saved: %s", job_id, state.value, failure.message)
