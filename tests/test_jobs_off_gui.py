"""The queue never waits on the database: with another process holding it, `start`, `submit`,
`cancel`, `retry` and `clear_finished` return at once and the queue's state changes at once;
the rows land when the other process lets go."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from pytestqt.qtbot import QtBot
from test_jobs import Rig, request, start

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.jobs import JobState
from stepfun_studio.standin import StandinServer

# Far below SQLite's 10 s busy wait, far above a Python call on a busy two-core machine.
AT_ONCE_S = 0.5

HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
"""


class Holder:
    """Another process with the database's write lock, until `release()`."""

    def __init__(self, database: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(database)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("\n")
            self.process.stdin.flush()
            self.process.wait(10)


def timed(call: object) -> float:
    began = time.perf_counter()
    call()  # type: ignore[operator]
    return time.perf_counter() - began


def test_submit_cancel_and_clear_do_not_wait_for_a_locked_database(
    app_paths: AppPaths, standin: StandinServer, qtbot: QtBot
) -> None:
    rig = Rig(app_paths, standin, concurrency=1)
    holder: Holder | None = None
    try:
        start(rig.queue, qtbot)
        standin.latency_s = 0.3
        holder = Holder(app_paths.database_path)
        ids: list[int] = []
        assert timed(lambda: ids.extend(rig.queue.submit(request(n=2)))) < AT_ONCE_S
        assert len(ids) == 2
        assert [info.state for info in rig.queue.jobs()] == [JobState.WAITING] * 2
        assert timed(lambda: rig.queue.cancel(ids[1])) < AT_ONCE_S
        assert rig.queue.get(ids[1]).state is JobState.CANCELLED  # type: ignore[union-attr]
        assert timed(rig.queue.clear_finished) < AT_ONCE_S
        assert rig.queue.get(ids[1]) is None
        qtbot.waitUntil(lambda: standin.request_count() == 1, timeout=10_000)
        qtbot.wait(400)  # the picture is back and its ingest waits for the lock
        assert rig.images == []
        holder.release()
        qtbot.waitUntil(lambda: len(rig.images) == 1, timeout=15_000)
        rig.queue.flush()
        stored = rig.library.jobs.get(ids[0])
        assert stored is not None and stored.state is JobState.DONE
        assert rig.library.jobs.get(ids[1]) is None  # cleared, in order after its insert
        assert standin.request_count() == 1
    finally:
        if holder is not None:
            holder.release()
        rig.close()


def test_start_returns_at_once_and_holds_submissions_until_the_jobs_are_back(
    app_paths: AppPaths, standin: StandinServer, qtbot: QtBot
) -> None:
    # A job of the last session, waiting: it must come back and run.
    first = Rig(app_paths, standin)
    first.library.jobs.add([request("from last time")])
    first.close()

    rig = Rig(app_paths, standin)
    holder = Holder(app_paths.database_path)
    try:
        assert timed(rig.queue.start) < AT_ONCE_S
        assert not rig.queue.ready
        assert rig.queue.submit(request("asked during start-up")) == []
        qtbot.wait(300)
        assert not rig.queue.ready  # still held by the other process
        holder.release()
        qtbot.waitUntil(lambda: rig.queue.ready, timeout=15_000)
        qtbot.waitUntil(lambda: len(rig.images) == 2, timeout=15_000)
        prompts = sorted(info.prompt for info in rig.queue.jobs())
        assert prompts == ["asked during start-up", "from last time"]
        ids = sorted(info.job_id for info in rig.queue.jobs())
        assert ids[1] == ids[0] + 1  # new ids follow the table's
        rig.queue.flush()
        assert all(
            rig.library.jobs.get(job_id).state is JobState.DONE  # type: ignore[union-attr]
            for job_id in ids
        )
    finally:
        holder.release()
        rig.close()


def test_retry_of_a_failed_job_does_not_wait_for_a_locked_database(
    app_paths: AppPaths, standin: StandinServer, qtbot: QtBot
) -> None:
    rig = Rig(app_paths, standin)
    holder: Holder | None = None
    try:
        start(rig.queue, qtbot)
        standin.add_fault("500")
        [job_id] = rig.queue.submit(request())
        qtbot.waitUntil(lambda: len(rig.failures) == 1, timeout=15_000)
        holder = Holder(app_paths.database_path)
        assert timed(lambda: rig.queue.retry(job_id)) < AT_ONCE_S
        assert rig.queue.get(job_id).state in (JobState.WAITING, JobState.RUNNING)  # type: ignore[union-attr]
        holder.release()
        qtbot.waitUntil(lambda: len(rig.images) == 1, timeout=15_000)
    finally:
        if holder is not None:
            holder.release()
        rig.close()


def test_a_job_table_that_refuses_at_start_is_reported_and_tried_again(
    app_paths: AppPaths, standin: StandinServer, qtbot: QtBot
) -> None:
    import contextlib
    import sqlite3

    first = Rig(app_paths, standin)
    [job_id] = first.library.jobs.add([request("left running")])
    first.library.jobs.set_state(job_id, JobState.RUNNING)
    first.close()
    with contextlib.closing(sqlite3.connect(app_paths.database_path)) as connection:
        connection.execute(
            "CREATE TRIGGER refuse_jobs BEFORE UPDATE ON jobs "
            "BEGIN SELECT RAISE(ABORT, 'the job table refuses'); END"
        )
        connection.commit()

    rig = Rig(app_paths, standin)
    problems: list[object] = []
    rig.queue.storage_problem.connect(problems.append)
    try:
        rig.queue.start()
        qtbot.waitUntil(lambda: len(problems) == 1, timeout=10_000)
        assert "tries again" in problems[0].message  # type: ignore[attr-defined]
        assert not rig.queue.ready
        with contextlib.closing(sqlite3.connect(app_paths.database_path)) as connection:
            connection.execute("DROP TRIGGER refuse_jobs")
            connection.commit()
        qtbot.waitUntil(lambda: rig.queue.ready, timeout=10_000)
        restored = rig.queue.get(job_id)
        assert restored is not None and restored.state is JobState.INTERRUPTED
        assert len(problems) == 1  # said once, not at every try
        assert standin.request_count() == 0
    finally:
        rig.close()


def test_new_jobs_the_table_refuses_still_run_and_the_user_is_told(
    app_paths: AppPaths, standin: StandinServer, qtbot: QtBot
) -> None:
    import contextlib
    import sqlite3

    rig = Rig(app_paths, standin)
    problems: list[object] = []
    rig.queue.storage_problem.connect(problems.append)
    try:
        start(rig.queue, qtbot)
        with contextlib.closing(sqlite3.connect(app_paths.database_path)) as connection:
            connection.execute(
                "CREATE TRIGGER refuse_new_jobs BEFORE INSERT ON jobs "
                "BEGIN SELECT RAISE(ABORT, 'no new jobs'); END"
            )
            connection.commit()
        [job_id] = rig.queue.submit(request("made all the same"))
        qtbot.waitUntil(lambda: len(problems) == 1, timeout=10_000)
        assert "quitting now forgets them" in problems[0].message  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: len(rig.images) == 1, timeout=15_000)
        assert rig.queue.get(job_id).state is JobState.DONE  # type: ignore[union-attr]
        record = rig.library.get(rig.images[0][1])
        assert record is not None and record.prompt == "made all the same"
    finally:
        rig.close()
