"""Pictures landing fast (issue 14, the batch's GUI thread): a burst opens only its newest
picture in the detail view, a pick made meanwhile is kept, a batch run's pictures are one group
in the queue with the right header, the queue's counts follow every change, and a submit's
jobs are one group again after a restart."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from stepfun_studio.core.batch import BatchMode
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, ReferenceImage
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.jobs.batch_runner import BatchRunner
from stepfun_studio.jobs.queue import JobInfo
from stepfun_studio.library.batches import BatchSettings, BatchState, NewItem
from stepfun_studio.library.jobs import JobState
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageRecord
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.auto_open import FOLLOW_MS, AutoOpenRule, ResultFollower
from stepfun_studio.ui.detail_view import BLANK_AFTER_MS, DetailView
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.queue_model import QueueModel
from stepfun_studio.ui.queue_tally import GroupTally
from stepfun_studio.ui.studio import Studio, StudioOptions

KEY = "test-key-arrive"
WAIT_MS = 20_000


def png(colour: tuple[int, int, int], size: tuple[int, int] = (96, 64)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def library(app_paths: AppPaths) -> Iterator[Library]:
    lib = Library.open(app_paths)
    yield lib
    lib.close()


def ingest(library: Library, count: int) -> list[int]:
    request = GenerationRequest(prompt="landing", model="step-2x-large")
    return [
        library.ingest_result(
            GenerationResult(request, png((n * 60, 200, 9)), n + 1, "success", 96, 64)
        )
        for n in range(count)
    ]


def follow(qtbot: QtBot, library: Library) -> tuple[DetailView, ResultFollower, list[int]]:
    view = DetailView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.set_library(library)
    view.show()
    follower = ResultFollower(view.image_id, view.show_image, view, AutoOpenRule())
    loaded: list[int] = []
    view.image_loaded.connect(loaded.append)
    return view, follower, loaded


def test_a_burst_of_arrivals_loads_only_the_newest_full_picture(
    qtbot: QtBot, library: Library
) -> None:
    ids = ingest(library, 4)
    view, follower, loaded = follow(qtbot, library)
    # Pictures landing a few milliseconds apart, as a batch's do.
    for image_id in ids:
        assert follower.picture_ready(image_id)
        qtbot.wait(10)
    assert view.image_id() is None and loaded == []  # nothing opened yet: a newer may land
    qtbot.waitUntil(lambda: loaded == [ids[-1]], timeout=10_000)
    qtbot.wait(FOLLOW_MS + 200)  # time for a wrong, older load to show
    assert loaded == [ids[-1]]
    assert view.image_id() == ids[-1]
    pixmap = view.result_view().pixmap()
    assert (pixmap.width(), pixmap.height()) == (96, 64)
    assert pixmap.toImage().pixelColor(5, 5).red() == 180  # the newest one's colour

    # Later pictures follow along from it (it is the previous newest, left alone).
    [later] = ingest(library, 1)
    assert follower.picture_ready(later)
    qtbot.waitUntil(lambda: loaded[-1:] == [later], timeout=10_000)


def test_a_pick_while_a_picture_waits_to_open_is_kept(qtbot: QtBot, library: Library) -> None:
    first, second, third = ingest(library, 3)
    view, follower, loaded = follow(qtbot, library)
    follower.picture_ready(first)
    qtbot.waitUntil(lambda: loaded == [first], timeout=10_000)
    assert follower.picture_ready(second)  # it follows the newest ...
    assert follower.pending == second
    # ... but the user opens another picture before it does: theirs stays.
    follower.user_picked(third)
    view.show_image(third)
    assert follower.pending is None
    qtbot.waitUntil(lambda: loaded == [first, third], timeout=10_000)
    qtbot.wait(FOLLOW_MS + 200)
    assert view.image_id() == third


def test_a_batch_run_is_one_queue_group_with_its_newest_thumbnail(
    app_paths: AppPaths, standin: StandinServer, qtbot: QtBot
) -> None:
    studio = Studio(StudioOptions(paths=app_paths, concurrency=2, per_minute=200))
    window = MainWindow(studio, LanguageSwitcher())
    qtbot.addWidget(window)
    window.show()
    studio.start(KEY, standin.base_url)
    qtbot.waitUntil(lambda: studio.started, timeout=10_000)
    try:
        runner = BatchRunner(studio.queue, studio.library, studio.limits_for, parent=studio)
        items = [
            NewItem(
                ReferenceImage(png((n * 40, 90, 200), (256, 192)), "image/png", 256, 192),
                f"{n}.png",
                f"picture {n}",
            )
            for n in range(5)
        ]
        template = GenerationRequest(model="step-2x-large", provider="stepfun", size="512x512")
        settings = BatchSettings(template, BatchMode.REDRAW, "{filename}")
        runner.create("Five", settings, items, start=True)
        qtbot.waitUntil(lambda: runner.state is BatchState.DONE, timeout=WAIT_MS)

        queue, model = studio.queue, window.queue_view.model
        assert model.group_sizes() == [5]  # one group, fed two at a time
        # The status bar's counts follow within a tenth of a second, not at every change.
        counts = window.findChild(QLabel, "queueCountsLabel")
        assert isinstance(counts, QLabel)
        qtbot.waitUntil(lambda: counts.text() == "Queue idle", timeout=1_000)
        assert queue.count(JobState.DONE) == 5 and queue.active_count() == 0
        header = model.index(0, 0)
        assert "5 pictures" in header.data()
        assert model.index(0, 1).data() == "5 done"
        assert model.index(0, 2).data() != ""  # the longest picture's time
        assert [model.index(row, 0, header).data() for row in range(5)] == [
            f"picture {n}" for n in range(5)
        ]
        newest = max(info.image_id or 0 for info in queue.jobs())

        def header_thumbnail() -> bool:
            pixmap = header.data(Qt.ItemDataRole.DecorationRole)
            return isinstance(pixmap, QPixmap) and not pixmap.isNull()

        qtbot.waitUntil(header_thumbnail, timeout=WAIT_MS)

        def every_thumbnail() -> bool:
            decorations = [model.index(row, 0, header).data(1) for row in range(5)]
            return all(isinstance(pixmap, QPixmap) for pixmap in decorations)

        qtbot.waitUntil(every_thumbnail, timeout=WAIT_MS)
        # Nothing runs and every thumbnail is here: the twice-a-second tick changes no row.
        model.tick()  # the first one sees the thumbnails have come
        model.flush_changes()  # what changed so far is told
        changed: list[object] = []
        model.dataChanged.connect(lambda *args: changed.append(args))
        model.tick()
        model.flush_changes()
        assert changed == []
        jobs = model.jobs_for(header)
        assert [info.image_id for info in jobs][-1] == newest

        # The header stands for its five done jobs: nothing to cancel or retry, some to clear.
        view = window.queue_view
        view.table.setCurrentIndex(header)
        assert len(view.selected_jobs()) == 5
        assert not view.cancel_button.isEnabled() and not view.retry_button.isEnabled()
        assert view.clear_button.isEnabled()

        # Cleared, the counts follow.
        studio.queue.clear_finished()
        assert model.group_count() == 0 and queue.count(JobState.DONE) == 0
    finally:
        window.close()


def test_queue_groups_come_back_after_a_restart(app_paths: AppPaths, qtbot: QtBot) -> None:
    # Slow and one at a time: when the app stops, one picture is on its way, the rest wait.
    with StandinServer(port=0, latency_s=5.0) as server:
        studio = Studio(StudioOptions(paths=app_paths, concurrency=1, per_minute=200))
        studio.start(KEY, server.base_url)
        qtbot.waitUntil(lambda: studio.started, timeout=10_000)
        request = GenerationRequest(prompt="three pears", model="step-2x-large", n=3)
        three = studio.queue.submit(request)
        studio.queue.submit(request.with_changes(prompt="one apple", n=1))
        assert QueueModel(studio.queue).group_sizes() == [1, 3]
        qtbot.waitUntil(lambda: studio.queue.count(JobState.RUNNING) == 1, timeout=10_000)
        studio.close()

        again = Studio(StudioOptions(paths=app_paths, concurrency=1, per_minute=200))
        again.start(KEY, server.base_url)
        try:
            qtbot.waitUntil(lambda: again.started, timeout=10_000)
            model = QueueModel(again.queue)
            assert model.group_sizes() == [1, 3]  # the three pears are one group again
            header = model.index(1, 0)
            assert [model.job_for(model.index(row, 0, header)) for row in range(3)] == [
                again.queue.get(job_id) for job_id in three
            ]
            # The one on its way may have been billed: interrupted, not sent again.
            assert "1 interrupted" in model.index(1, 1).data()
        finally:
            again.close()


def test_a_group_tally_follows_each_change_without_a_walk() -> None:
    waiting = [JobInfo(job_id, "p", JobState.WAITING, group=1) for job_id in (1, 2, 3)]
    tally = GroupTally()
    tally.rebuild(waiting)
    assert tally.counts[JobState.WAITING] == 3 and tally.elapsed_s() is None

    def change(old: JobInfo, **new: object) -> JobInfo:
        changed = replace(old, **new)  # type: ignore[arg-type]
        tally.remove(old)
        tally.add(changed)
        return changed

    running = change(waiting[0], state=JobState.RUNNING, started_at=time.monotonic() - 2)
    assert 1.9 < (tally.elapsed_s() or 0) < 5  # the running one's time so far
    done = change(running, state=JobState.DONE, finished_after_s=7.5, image_id=70)
    later = change(waiting[2], state=JobState.DONE, finished_after_s=1.0, image_id=90)
    assert tally.newest_done == (3, 90) and tally.elapsed_s() == 7.5
    assert tally.counts == {JobState.DONE: 2, JobState.WAITING: 1, JobState.RUNNING: 0}
    assert not tally.stale
    tally.remove(later)  # the newest picture's job is cleared: read again once
    assert tally.stale
    tally.rebuild([done, waiting[1]])
    assert tally.newest_done == (1, 70) and not tally.stale


class SlowDisk:
    """The library as a slow disk serves it: each record read waits until `gate` opens."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.gate = threading.Event()
        self.gate.set()

    def get(self, image_id: int) -> ImageRecord | None:
        self.gate.wait(10)
        return self.library.get(image_id)

    def __getattr__(self, name: str) -> object:
        return getattr(self.library, name)


def test_the_last_picture_stays_while_the_next_is_read_unless_that_takes_long(
    qtbot: QtBot, library: Library
) -> None:
    first, second = ingest(library, 2)
    disk = SlowDisk(library)
    view = DetailView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.set_library(disk)  # type: ignore[arg-type]  # the DetailLibrary protocol, slower
    view.show()
    with qtbot.waitSignal(view.image_loaded, timeout=10_000):
        view.show_image(first)
    disk.gate.clear()
    view.show_image(second)
    # No blank frame between two pictures: the first stays, its actions doing nothing.
    assert view.result_view().has_image() and view.image_id() is None
    qtbot.wait(BLANK_AFTER_MS // 3)
    assert view.result_view().has_image()
    # The read takes long (a locked or slow library): blanked, not taken for the one chosen.
    qtbot.waitUntil(lambda: not view.result_view().has_image(), timeout=BLANK_AFTER_MS * 3)
    with qtbot.waitSignal(view.image_loaded, timeout=10_000) as loaded:
        disk.gate.set()
    assert loaded.args == [second] and view.image_id() == second
