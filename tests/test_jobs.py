"""The job queue and its worker, against the real stand-in server and a real library on disk."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, ResponseFormat
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.jobs.queue import JobQueue
from stepfun_studio.jobs.worker import GenerationWorker, ImageClient
from stepfun_studio.library.jobs import JobState
from stepfun_studio.library.library import Library
from stepfun_studio.standin import StandinServer

KEY = "test-key"


class Rig:
    """A library, a worker and a queue, built the way the app builds them."""

    def __init__(
        self,
        paths: AppPaths,
        server: StandinServer,
        concurrency: int = 5,
        servers: dict[str, StandinServer] | None = None,
    ) -> None:
        self.paths = paths
        self.server = server
        # Which server plays which provider; the rest go to `server`.
        self.servers = servers or {}
        self.clients_made: list[str] = []
        self.library = Library.open(paths)
        self.worker = GenerationWorker(
            self.make_client,
            self.ingest,
            concurrency=concurrency,
            per_minute=1000,
            rate_backoff_s=0.05,
        )
        self.queue = JobQueue(self.library.jobs, self.worker)
        self.images: list[tuple[int, int]] = []
        self.failures: list[tuple[int, AppError]] = []
        self.rate_waits: list[AppError] = []
        self.queue.image_ready.connect(lambda job, image: self.images.append((job, image)))
        self.queue.job_failed.connect(lambda job, error: self.failures.append((job, error)))
        self.queue.job_waiting_for_rate.connect(lambda _job, error: self.rate_waits.append(error))

    def make_client(self, provider: str) -> ImageClient:
        from stepfun_studio.api.client import StepFunClient

        self.clients_made.append(provider)
        server = self.servers.get(provider, self.server)
        client: ImageClient = StepFunClient(KEY, server.base_url, max_rate_limit_retries=0)
        return client

    def ingest(self, result: GenerationResult) -> int:
        return self.library.ingest_result(result)

    def close(self) -> None:
        self.queue.shutdown()
        self.library.close()


@pytest.fixture
def rig(app_paths: AppPaths, standin: StandinServer, qtbot: QtBot) -> Iterator[Rig]:
    built = Rig(app_paths, standin)
    yield built
    built.close()


def start(queue: JobQueue, qtbot: QtBot) -> None:
    """Starts the queue and waits for its jobs to be restored (read off the GUI thread)."""
    queue.start()
    qtbot.waitUntil(lambda: queue.ready, timeout=10_000)


def request(prompt: str = "a lighthouse at dusk", **changes: object) -> GenerationRequest:
    base = GenerationRequest(
        prompt=prompt, size="256x256", steps=4, response_format=ResponseFormat.B64_JSON
    )
    return base.with_changes(**changes)


def test_n_three_becomes_three_stored_images_with_returned_seeds(rig: Rig, qtbot: QtBot) -> None:
    start(rig.queue, qtbot)
    ids = rig.queue.submit(request(n=3))
    assert len(ids) == 3
    assert [info.state for info in rig.queue.jobs()] == [JobState.WAITING] * 3
    qtbot.waitUntil(lambda: len(rig.images) == 3, timeout=15_000)

    assert sorted(job for job, _ in rig.images) == ids
    seeds = []
    rig.queue.flush()  # state changes are written off the GUI thread
    for job_id, image_id in rig.images:
        record = rig.library.get(image_id)
        assert record is not None
        assert record.prompt == "a lighthouse at dusk"
        assert record.returned_seed is not None and record.returned_seed > 0
        seeds.append(record.returned_seed)
        stored = rig.library.jobs.get(job_id)
        assert stored is not None
        assert stored.state is JobState.DONE
        assert stored.image_id == image_id
    assert len(set(seeds)) == 3  # seed 0 asks for a fresh random seed each time
    assert rig.server.request_count("/generations") == 3
    assert rig.failures == []


def test_cancel_drops_the_connection_at_once(rig: Rig, qtbot: QtBot) -> None:
    rig.server.latency_s = 20.0
    start(rig.queue, qtbot)
    [job_id] = rig.queue.submit(request())
    qtbot.waitUntil(lambda: rig.server.request_count() == 1, timeout=15_000)
    qtbot.waitUntil(lambda: rig.queue.get(job_id).state is JobState.RUNNING, timeout=15_000)  # type: ignore[union-attr]

    rig.queue.cancel(job_id)
    assert rig.queue.get(job_id).state is JobState.CANCELLED  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: rig.server.dropped_connections == 1, timeout=15_000)
    rig.queue.flush()
    stored = rig.library.jobs.get(job_id)
    assert stored is not None and stored.state is JobState.CANCELLED
    assert rig.images == []


@pytest.mark.parametrize(
    ("fault", "kind"),
    [("401", ErrorKind.AUTH), ("451", ErrorKind.MODERATION), ("402", ErrorKind.BALANCE)],
)
def test_a_refusal_fails_the_job_with_its_reason(
    rig: Rig, qtbot: QtBot, fault: str, kind: ErrorKind
) -> None:
    rig.server.add_fault(fault)
    start(rig.queue, qtbot)
    [job_id] = rig.queue.submit(request())
    qtbot.waitUntil(lambda: len(rig.failures) == 1, timeout=20_000)

    failed_id, error = rig.failures[0]
    assert failed_id == job_id
    assert error.kind is kind
    assert error.status == int(fault)
    info = rig.queue.get(job_id)
    assert info is not None and info.state is JobState.FAILED
    assert info.error_text == error.message
    rig.queue.flush()
    stored = rig.library.jobs.get(job_id)
    assert stored is not None and stored.error_message == error.message
    assert rig.server.request_count() == 1  # not retried: a refusal is final until the user says


def test_a_rate_limited_job_waits_and_tries_again(rig: Rig, qtbot: QtBot) -> None:
    rig.server.add_fault("429", times=2)
    start(rig.queue, qtbot)
    [job_id] = rig.queue.submit(request())
    qtbot.waitUntil(lambda: len(rig.images) == 1, timeout=20_000)

    assert [error.kind for error in rig.rate_waits] == [ErrorKind.RATE_LIMIT] * 2
    assert rig.server.request_count() == 3
    assert rig.queue.get(job_id).state is JobState.DONE  # type: ignore[union-attr]


def test_a_retry_after_beyond_reason_fails_the_job_instead_of_sleeping(
    rig: Rig, qtbot: QtBot
) -> None:
    rig.server.add_fault("429", times=1, retry_after=999999)
    start(rig.queue, qtbot)
    [job_id] = rig.queue.submit(request())
    qtbot.waitUntil(lambda: len(rig.failures) == 1, timeout=20_000)
    info = rig.queue.get(job_id)
    assert info is not None and info.state is JobState.FAILED
    assert rig.rate_waits == []  # it never went to sleep
    assert rig.server.request_count() == 1


def test_a_bug_inside_a_job_is_reported_as_studios_fault(
    app_paths: AppPaths, qtbot: QtBot, standin: StandinServer
) -> None:
    class BrokenIngestRig(Rig):
        def ingest(self, result: GenerationResult) -> int:
            raise TypeError("a programming error while storing")

    rig = BrokenIngestRig(app_paths, standin)
    try:
        start(rig.queue, qtbot)
        rig.queue.submit(request())
        qtbot.waitUntil(lambda: len(rig.failures) == 1, timeout=20_000)
        error = rig.failures[0][1]
        assert error.kind is ErrorKind.INTERNAL
        assert "bug in Studio" in error.message and "TypeError" in error.message
        assert "server" not in error.kind.value
    finally:
        rig.close()


def test_retry_sends_a_failed_job_again(rig: Rig, qtbot: QtBot) -> None:
    rig.server.add_fault("500")
    start(rig.queue, qtbot)
    [job_id] = rig.queue.submit(request())
    qtbot.waitUntil(lambda: len(rig.failures) == 1, timeout=20_000)
    assert rig.server.request_count() == 1

    assert rig.queue.retry(job_id)
    qtbot.waitUntil(lambda: len(rig.images) == 1, timeout=20_000)
    assert rig.server.request_count() == 2
    assert rig.queue.get(job_id).state is JobState.DONE  # type: ignore[union-attr]
    assert not rig.queue.retry(job_id)  # a done job is not sent again


def test_restart_interrupts_running_jobs_and_requeues_waiting_ones(
    app_paths: AppPaths, standin: StandinServer, qtbot: QtBot
) -> None:
    standin.latency_s = 20.0
    first = Rig(app_paths, standin, concurrency=1)
    start(first.queue, qtbot)
    running_id, waiting_id = first.queue.submit(request(n=2))
    qtbot.waitUntil(lambda: standin.request_count() == 1, timeout=15_000)
    qtbot.waitUntil(
        lambda: first.queue.get(running_id).state is JobState.RUNNING,  # type: ignore[union-attr]
        timeout=15_000,
    )
    first.close()  # the app quits with one job running and one waiting
    assert standin.request_count() == 1

    standin.latency_s = 0.0
    second = Rig(app_paths, standin, concurrency=1)
    try:
        start(second.queue, qtbot)
        interrupted = second.queue.get(running_id)
        assert interrupted is not None and interrupted.state is JobState.INTERRUPTED
        assert "billed" in interrupted.error_text
        qtbot.waitUntil(lambda: len(second.images) == 1, timeout=20_000)
        assert second.images[0][0] == waiting_id
        assert standin.request_count() == 2  # the interrupted one was not sent again
        stored = second.library.jobs.get(running_id)
        assert stored is not None and stored.state is JobState.INTERRUPTED
    finally:
        second.close()


def test_nothing_is_emitted_after_shutdown(rig: Rig, qtbot: QtBot) -> None:
    rig.server.latency_s = 0.5
    start(rig.queue, qtbot)
    rig.queue.submit(request(n=2))
    qtbot.waitUntil(lambda: rig.server.request_count() == 2, timeout=15_000)
    changes: list[int] = []
    rig.queue.job_changed.connect(changes.append)
    rig.worker.job_succeeded.connect(lambda *_: changes.append(-1))
    rig.queue.shutdown()
    assert not rig.worker.isRunning()
    qtbot.wait(800)
    assert changes == []


def test_the_queue_keeps_under_the_tier_limits(
    app_paths: AppPaths, standin: StandinServer, qtbot: QtBot
) -> None:
    """V0 allows 5 at once: 8 slow jobs never meet the stand-in's enforced limit (no 429)."""
    standin.enable_v0_limits()
    standin.latency_s = 0.6
    rig = Rig(app_paths, standin, concurrency=5)
    try:
        start(rig.queue, qtbot)
        rig.queue.submit(request(n=8))
        qtbot.waitUntil(lambda: len(rig.images) == 8, timeout=20_000)
        assert rig.rate_waits == []
        assert rig.failures == []
        assert standin.request_count() == 8
    finally:
        rig.close()


def test_each_provider_gets_its_own_client_and_its_own_pacing(
    app_paths: AppPaths, standin: StandinServer, qtbot: QtBot
) -> None:
    """The job's provider picks the client; one provider's budget never holds up another's."""
    other = StandinServer(port=0).start()
    rig = Rig(app_paths, standin, servers={"ark": other})
    try:
        # One a minute for the second provider: its second job must wait, the first's must not.
        rig.worker.set_limits(5, 1, provider="ark")
        start(rig.queue, qtbot)
        ark_ids = rig.queue.submit(request("ark", provider="ark", n=2))
        qtbot.waitUntil(lambda: len(rig.images) == 1, timeout=20_000)
        stepfun_ids = rig.queue.submit(request("stepfun", n=3))
        qtbot.waitUntil(lambda: len(rig.images) == 4, timeout=20_000)
        assert {job for job, _ in rig.images} == {ark_ids[0], *stepfun_ids}
        assert other.request_count("/generations") == 1
        assert standin.request_count("/generations") == 3
        waiting = rig.queue.get(ark_ids[1])
        assert waiting is not None and waiting.state is JobState.WAITING
        # One client per provider, made once each and kept for later jobs.
        assert sorted(rig.clients_made) == ["ark", "stepfun"]

        # A new key or server: every provider's next job gets a new client.
        rig.worker.set_client_factory(rig.make_client)
        rig.queue.submit(request("again"))
        qtbot.waitUntil(lambda: len(rig.images) == 5, timeout=20_000)
        assert sorted(rig.clients_made) == ["ark", "stepfun", "stepfun"]
    finally:
        rig.close()
        other.stop()
