"""`JobJournal`: writes job state changes to the library's job table off the GUI thread.

A state change is one small SQLite write, but a write waits its turn behind any other writer (the
ingest thread committing a picture), and the GUI thread must never wait. So changes go, in
order, to one background thread; `close()` writes what is left before the app quits, so the next
start sees exactly where every job stood.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor

from stepfun_studio.core.errors import AppError
from stepfun_studio.library.jobs import JobState, JobStore

log = logging.getLogger(__name__)


class JobJournal:
    def __init__(self, store: JobStore) -> None:
        self._store = store
        # One thread: changes to a job land in the order they were made.
        self._pool: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="job-journal"
        )
        self._last: Future[None] | None = None

    def record(
        self,
        job_id: int,
        state: JobState,
        *,
        error: AppError | None = None,
        image_id: int | None = None,
    ) -> None:
        if self._pool is None:
            return
        self._last = self._pool.submit(self._write, job_id, state, error, image_id)

    def remove_finished(self) -> None:
        """Forgets every finished job in the table, after the changes already queued."""
        if self._pool is not None:
            self._last = self._pool.submit(self._remove_finished)

    def _remove_finished(self) -> None:
        try:
            self._store.remove_finished()
        except AppError as failure:
            log.error("finished jobs not removed: %s", failure.message)

    def flush(self) -> None:
        """Waits until every change made so far is written."""
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
