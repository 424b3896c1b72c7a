"""Results where you look: the auto-open rule (alone, and on the real window) and the queue's
groups with thumbnails, newest first, against the stand-in."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QPixmap
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.jobs import JobState
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.auto_open import QUIET_AFTER_PICK_S, AutoOpenRule
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.studio import Studio, StudioOptions

KEY = "test-key-results"
WAIT_MS = 20_000
LONG_PROMPT = (
    "a long winding mountain road at dawn, mist in the valleys below, one red car far away, "
    "painted in the manner of a Chinese landscape scroll"
)

WindowFactory = Callable[..., MainWindow]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --- the rule alone ------------------------------------------------------------------------


def test_the_rule_opens_into_an_empty_view_and_follows_the_newest() -> None:
    rule = AutoOpenRule(Clock())
    assert rule.should_open(1, None)
    assert rule.should_open(2, 1)  # showing the previous newest: follow along
    assert rule.should_open(3, 2)


def test_the_rule_leaves_a_picture_the_user_opened() -> None:
    clock = Clock()
    rule = AutoOpenRule(clock)
    assert rule.should_open(1, None)
    rule.user_picked(7)  # an older picture, opened by hand
    assert not rule.should_open(2, 7)
    clock.now += QUIET_AFTER_PICK_S * 10
    assert not rule.should_open(3, 7)  # still not the previous newest: still looked at


def test_the_rule_waits_after_any_pick_even_of_the_newest() -> None:
    clock = Clock()
    rule = AutoOpenRule(clock)
    assert rule.should_open(1, None)
    rule.user_picked(1)  # the user clicked the newest picture itself
    clock.now += QUIET_AFTER_PICK_S / 2
    assert not rule.should_open(2, 1)  # too soon: it would jump under their hand
    clock.now += QUIET_AFTER_PICK_S
    rule.user_picked(2)
    clock.now += QUIET_AFTER_PICK_S + 0.1
    assert rule.should_open(3, 2)  # left alone on the newest: follow again
    rule.user_picked(None)  # the view was cleared: nothing is looked at
    assert rule.should_open(4, None)


# --- on the window -------------------------------------------------------------------------


@pytest.fixture
def open_window(
    app_paths: AppPaths, standin: StandinServer, qtbot: QtBot
) -> Iterator[WindowFactory]:
    windows: list[MainWindow] = []

    def factory(concurrency: int = 5) -> MainWindow:
        studio = Studio(
            StudioOptions(paths=app_paths, concurrency=concurrency, rate_backoff_s=0.05)
        )
        window = MainWindow(studio, LanguageSwitcher())
        windows.append(window)
        qtbot.addWidget(window)
        window.show()
        studio.start(KEY, standin.base_url)
        # The queue reads the last run's jobs off the GUI thread first; Generate waits.
        qtbot.waitUntil(lambda: studio.started, timeout=10_000)
        window.parameter_dock.request_model.model = "step-1x-medium"
        return window

    yield factory
    for window in windows:
        window.close()


def done_images(window: MainWindow) -> list[int]:
    return [i.image_id for i in window.studio.queue.jobs() if i.image_id is not None]


def make(window: MainWindow, qtbot: QtBot, prompt: str, count: int = 1) -> list[int]:
    before = len(done_images(window))
    window.parameter_dock.set_prompt(prompt)
    window.parameter_dock.request_model.n = count
    ids = window.generate()
    assert len(ids) == count
    qtbot.waitUntil(lambda: len(done_images(window)) == before + count, timeout=WAIT_MS)
    return done_images(window)[before:]


def pick_in_gallery(window: MainWindow, qtbot: QtBot, image_id: int) -> None:
    gallery = window.gallery
    qtbot.waitUntil(lambda: gallery.model.row_of(image_id) is not None, timeout=WAIT_MS)
    row = gallery.model.row_of(image_id)
    assert row is not None
    gallery.view.selectionModel().setCurrentIndex(
        gallery.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def test_the_newest_picture_opens_unless_the_user_looks_at_another(
    open_window: WindowFactory, qtbot: QtBot
) -> None:
    window = open_window()
    clock = Clock()
    window.results.rule = AutoOpenRule(clock)
    detail = window.detail
    [first] = make(window, qtbot, "first")
    # The detail view reads the picture off the GUI thread: it shows it a moment later.
    qtbot.waitUntil(lambda: detail.image_id() == first, timeout=WAIT_MS)  # nothing shown: opened
    [second] = make(window, qtbot, "second")
    qtbot.waitUntil(lambda: detail.image_id() == second, timeout=WAIT_MS)  # it followed

    pick_in_gallery(window, qtbot, first)  # the user goes back to the first picture
    qtbot.waitUntil(lambda: detail.image_id() == first, timeout=WAIT_MS)
    clock.now += QUIET_AFTER_PICK_S * 3
    make(window, qtbot, "third")
    qtbot.wait(300)  # time for a wrong switch to show
    assert detail.image_id() == first  # they are looking at it: it stays

    # From the queue, the user opens the newest one and leaves it a while: follow again.
    newest = done_images(window)[-1]
    window.queue_view.image_requested.emit(newest)
    qtbot.waitUntil(lambda: detail.image_id() == newest, timeout=WAIT_MS)
    clock.now += 1
    make(window, qtbot, "fourth, too soon after the pick")
    qtbot.wait(300)  # time for a wrong switch to show
    assert detail.image_id() == newest  # picked a moment ago: it stays
    window.queue_view.image_requested.emit(done_images(window)[-1])
    clock.now += QUIET_AFTER_PICK_S + 1
    [fifth] = make(window, qtbot, "fifth")
    qtbot.waitUntil(lambda: detail.image_id() == fifth, timeout=WAIT_MS)


def test_the_queue_groups_each_submit_newest_first_with_thumbnails(
    open_window: WindowFactory, qtbot: QtBot
) -> None:
    window = open_window()
    model = window.queue_view.model
    make(window, qtbot, LONG_PROMPT, count=3)
    make(window, qtbot, "a single pear")
    assert model.group_sizes() == [1, 3]  # newest first, like the gallery

    alone, group = model.index(0, 0), model.index(1, 0)
    assert model.rowCount(alone) == 0 and model.rowCount(group) == 3
    assert alone.data() == "a single pear"
    title = group.data()
    assert title.startswith(LONG_PROMPT[:30]) and "…" in title and "3 pictures" in title
    assert group.data(Qt.ItemDataRole.ToolTipRole) == LONG_PROMPT  # the whole prompt on hover
    assert model.index(1, 1).data() == "3 done"
    child = model.index(2, 0, group)
    assert child.data() == "Picture 3 of 3"  # the header says the prompt once
    assert child.data(Qt.ItemDataRole.ToolTipRole) == LONG_PROMPT
    assert window.queue_view.table.isExpanded(group)

    # Thumbnails are read by the gallery's loader off the GUI thread, then shown.
    def thumbnail_shown() -> bool:
        pixmap = child.data(Qt.ItemDataRole.DecorationRole)
        return isinstance(pixmap, QPixmap) and not pixmap.isNull()

    qtbot.waitUntil(thumbnail_shown, timeout=WAIT_MS)
    assert isinstance(group.data(Qt.ItemDataRole.DecorationRole), QPixmap)

    # Selecting the header acts on its whole group; activating it opens its newest picture.
    window.queue_view.table.setCurrentIndex(group)
    assert [info.prompt for info in window.queue_view.selected_jobs()] == [LONG_PROMPT] * 3
    with qtbot.waitSignal(window.queue_view.image_requested) as opened:
        window.queue_view.table.activated.emit(group)
    assert opened.args == [done_images(window)[2]]


def test_a_group_left_with_one_job_becomes_that_job(
    open_window: WindowFactory, qtbot: QtBot, standin: StandinServer
) -> None:
    standin.latency_s = 2.0
    window = open_window(concurrency=1)
    model = window.queue_view.model
    window.parameter_dock.set_prompt("two, one at a time")
    window.parameter_dock.request_model.n = 2
    qtbot.waitUntil(lambda: window.studio.started, timeout=WAIT_MS)
    first, second = window.generate()

    def states() -> list[JobState]:
        return [info.state for info in window.studio.queue.jobs()]

    qtbot.waitUntil(lambda: states() == [JobState.DONE, JobState.RUNNING], timeout=WAIT_MS)
    assert model.group_sizes() == [2]
    window.studio.queue.clear_finished()
    assert model.group_sizes() == [1]
    row = model.index_of(second)
    assert not row.parent().isValid() and model.rowCount(row) == 0
    assert model.job_for(row) is not None and model.job_for(row).job_id == second  # type: ignore[union-attr]
    assert not model.index_of(first).isValid()
    window.studio.queue.cancel(second)
    assert model.index(0, 1).data() == "Cancelled"


def test_a_later_submit_can_join_an_earlier_group(
    open_window: WindowFactory, qtbot: QtBot, standin: StandinServer
) -> None:
    """A batch run queues picture by picture into one group (`submit(..., group=first)`)."""
    standin.latency_s = 5.0
    window = open_window()
    qtbot.waitUntil(lambda: window.studio.started, timeout=WAIT_MS)
    queue = window.studio.queue
    request = window.parameter_dock.current_request().with_changes(prompt="batch picture 1")
    [first] = queue.submit(request)
    assert window.queue_view.model.group_sizes() == [1]
    queue.submit(request.with_changes(prompt="batch picture 2"), group=first)
    queue.submit(request.with_changes(prompt="batch picture 3"), group=first)
    model = window.queue_view.model
    assert model.group_sizes() == [3]
    header = model.index(0, 0)
    assert window.queue_view.table.isExpanded(header)
    # Different prompts: each row says its own, the header's tooltip lists them all.
    assert [model.index(row, 0, header).data() for row in range(3)] == [
        "batch picture 1",
        "batch picture 2",
        "batch picture 3",
    ]
    assert header.data(Qt.ItemDataRole.ToolTipRole).count("batch picture") == 3
    queue.cancel_all()
