"""The gallery grid on a real library of a few thousand drawn images (pytest-qt, offscreen)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import ImageQuery, Library
from stepfun_studio.library.samples import fill_library, sample_result
from stepfun_studio.ui.drag_out import IMAGE_IDS_MIME, decode_ids
from stepfun_studio.ui.gallery import GalleryPanel
from stepfun_studio.ui.gallery.context_menu import build_context_menu
from stepfun_studio.ui.gallery.sidebar import KindRole, Scope

IMAGES = 2000


@pytest.fixture(scope="session")
def library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per session through the library's own ingest; each test gets a copy."""
    home = tmp_path_factory.mktemp("gallery-template")
    library = Library.open(AppPaths.under(home))
    fill_library(library, IMAGES, max_side=96)
    library.close()
    return home


@pytest.fixture
def library(library_template: Path, isolated_home: Path) -> Iterator[Library]:
    shutil.copytree(library_template, isolated_home, dirs_exist_ok=True)
    opened = Library.open(AppPaths.under(isolated_home))
    yield opened
    opened.close()


@pytest.fixture
def panel(qtbot: QtBot, library: Library) -> Iterator[GalleryPanel]:
    widget = GalleryPanel()
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_library(library)
    listed(qtbot, widget)
    yield widget
    # The pool must be quiet before the library closes under it.
    widget.shutdown()
    QApplication.processEvents()


def listed(qtbot: QtBot, panel: GalleryPanel) -> None:
    """Wait for the query's list: the library is read on worker threads, never here."""
    qtbot.waitUntil(lambda: panel.model.total_known, timeout=5000)


def written(qtbot: QtBot, panel: GalleryPanel) -> None:
    """Culling writes the library off the GUI thread, in order: wait for every outcome."""
    qtbot.waitUntil(lambda: panel.culling.writing == 0, timeout=10_000)


def select_rows(panel: GalleryPanel, rows: list[int]) -> None:
    selection = panel.view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(panel.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    selection.setCurrentIndex(
        panel.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    panel.view.setFocus()


def type_text(widget: QWidget, text: str) -> None:
    """Key events carrying each character (QTest's keyClicks only knows ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def visible_ids(panel: GalleryPanel) -> list[int]:
    first, last = panel.view.visible_rows()
    return [panel.model.image_id(r) for r in range(first, last + 1)]


def wait_for_thumbnails(qtbot: QtBot, panel: GalleryPanel) -> None:
    size_px = round(panel.delegate.cell_size * panel.view.devicePixelRatioF())
    ids = visible_ids(panel)
    assert ids
    qtbot.waitUntil(
        lambda: all(panel.loader.cached(i, size_px) is not None for i in ids), timeout=10_000
    )


def test_newest_first_and_count(qtbot: QtBot, panel: GalleryPanel, library: Library) -> None:
    with qtbot.waitSignal(panel.model.modelReset):  # the first page, read on a worker
        panel.model.set_query(ImageQuery())
        assert not panel.model.total_known
    assert panel.model.rowCount() < IMAGES  # a first page at once, not everything
    listed(qtbot, panel)
    assert panel.model.total == library.count(ImageQuery()) == IMAGES
    # Once counted, every row is loaded (in one insert, from the list the count read).
    assert panel.model.rowCount() == IMAGES
    newest = library.query_ids(ImageQuery(sort="newest"), 0, IMAGES)
    assert panel.model.loaded_ids() == newest
    assert str(IMAGES) in panel.count_label.text().replace(",", "")


def test_scroll_end_to_end_loads_every_row_and_drops_far_requests(
    qtbot: QtBot, panel: GalleryPanel
) -> None:
    wait_for_thumbnails(qtbot, panel)
    bar = panel.view.verticalScrollBar()
    # A jump far down right after asking for a few screens: the waiting requests must go.
    bar.setValue(bar.value() + 3 * panel.view.viewport().height())
    panel.prefetch()
    asked = panel.loader.pending_ids()
    bar.setValue(bar.maximum())
    panel.prefetch()
    assert panel.loader.requests_dropped > 0
    assert len(asked & panel.loader.pending_ids()) <= 2  # only those already being decoded
    bar.setValue(0)
    step = panel.view.viewport().height()
    window_violations = []
    for _ in range(2000):
        bar.setValue(bar.value() + step)
        QApplication.processEvents()
        first, last = panel.view.visible_rows()
        span = last - first + 1
        window = {
            panel.model.image_id(r)
            for r in range(max(0, first - span), min(panel.model.rowCount(), last + 1 + span))
        }
        # Only jobs already running (at most one per pool thread) may be outside the window.
        stray = panel.loader.pending_ids() - window
        if len(stray) > 2:
            window_violations.append(len(stray))
        if bar.value() >= bar.maximum() and panel.model.total_known:
            break
    assert panel.model.rowCount() == IMAGES
    assert len(set(panel.model.loaded_ids())) == IMAGES
    assert not window_violations
    wait_for_thumbnails(qtbot, panel)
    qtbot.waitUntil(lambda: panel.loader.pending_count() == 0, timeout=10_000)
    last_id = panel.model.image_id(IMAGES - 1)
    assert last_id in visible_ids(panel)


@pytest.mark.parametrize("text", ["猫", "樱花", "lighthouse", "雪山日出"])
def test_search_narrows_the_grid(
    qtbot: QtBot, panel: GalleryPanel, library: Library, text: str
) -> None:
    type_text(panel.search, text)
    expected = library.count(ImageQuery(text=text))
    assert 0 < expected < IMAGES
    qtbot.waitUntil(lambda: panel.model.total == expected, timeout=2000)
    assert panel.model.rowCount() == expected
    for summary in library.summaries(panel.model.loaded_ids()).values():
        assert text in summary.prompt
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.model.total == IMAGES, timeout=2000)


def test_keyboard_culling_writes_to_the_database(
    qtbot: QtBot, panel: GalleryPanel, library: Library
) -> None:
    select_rows(panel, [0])
    first = panel.current_id()
    assert first is not None
    # Its marks are read ahead of painting, off the GUI thread: shown once they are in.
    qtbot.waitUntil(lambda: panel.model.cached_summary(first) is not None)
    qtbot.keyClick(panel.view, Qt.Key.Key_4)
    assert panel.model.cached_summary(first).rating == 4  # type: ignore[union-attr]  # at once
    written(qtbot, panel)
    assert (record := library.get(first)) is not None and record.rating == 4
    # Shift+Right extends the selection to three images; every action works on all of them.
    qtbot.keyClick(panel.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(panel.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    ids = panel.selected_ids()
    assert len(ids) == 3 and ids[0] == first
    qtbot.keyClick(panel.view, Qt.Key.Key_F)
    qtbot.keyClick(panel.view, Qt.Key.Key_X)
    qtbot.keyClick(panel.view, Qt.Key.Key_2)
    written(qtbot, panel)
    summaries = library.summaries(ids)
    assert all(s.favourite and s.rejected and s.rating == 2 for s in summaries.values())
    assert panel.model.cached_summary(ids[1]) == summaries[ids[1]]  # the cells show it too
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    written(qtbot, panel)
    assert all(s.rating == 0 for s in library.summaries(ids[1:]).values())
    assert library.summaries([first])[first].rating == 4
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    written(qtbot, panel)
    assert not any(s.rejected for s in library.summaries(ids).values())
    # F on an all-favourite selection clears all; on a mixed one it sets all.
    qtbot.keyClick(panel.view, Qt.Key.Key_F)
    written(qtbot, panel)
    assert not any(s.favourite for s in library.summaries(ids).values())
    select_rows(panel, [0, 5])
    qtbot.keyClick(panel.view, Qt.Key.Key_F)
    select_rows(panel, [0, 1, 5])
    qtbot.keyClick(panel.view, Qt.Key.Key_F)
    mixed = panel.selected_ids()
    written(qtbot, panel)
    assert all(s.favourite for s in library.summaries(mixed).values())


def test_enter_opens_and_space_previews(qtbot: QtBot, panel: GalleryPanel) -> None:
    select_rows(panel, [5])
    expected = panel.current_id()
    with qtbot.waitSignal(panel.image_activated) as opened:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert opened.args == [expected]
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    assert panel.preview.isVisible()
    qtbot.keyClick(panel.preview, Qt.Key.Key_Right)
    assert panel.current_id() == panel.model.image_id(6)
    qtbot.keyClick(panel.preview, Qt.Key.Key_Space)
    assert not panel.preview.isVisible()


def test_hide_rejected_removes_rejected_rows(qtbot: QtBot, panel: GalleryPanel) -> None:
    panel.filters.hide_rejected.setChecked(True)
    listed(qtbot, panel)
    select_rows(panel, [0, 1])
    ids = panel.selected_ids()
    qtbot.keyClick(panel.view, Qt.Key.Key_X)
    assert panel.model.row_of(ids[0]) is None and panel.model.row_of(ids[1]) is None
    assert panel.model.total == IMAGES - 2


def test_trash_and_undo(qtbot: QtBot, panel: GalleryPanel, library: Library) -> None:
    select_rows(panel, [2, 3, 4])
    ids = panel.selected_ids()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    # The rows leave at once, the cursor stays in place; the library follows.
    assert all(panel.model.row_of(i) is None for i in ids)
    assert panel.model.total == IMAGES - 3
    assert panel.current_id() == panel.model.image_id(2)
    written(qtbot, panel)
    assert all((r := library.get(i)) is not None and r.trashed_at is not None for i in ids)
    assert panel.current_id() == panel.model.image_id(2)
    assert library.count(ImageQuery(trash=True)) == 3

    panel.sidebar.select(Scope.TRASH)
    listed(qtbot, panel)
    assert sorted(panel.model.loaded_ids()) == sorted(ids)
    panel.sidebar.select(Scope.ALL)
    listed(qtbot, panel)

    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    written(qtbot, panel)
    assert all((r := library.get(i)) is not None and r.trashed_at is None for i in ids)
    listed(qtbot, panel)
    assert panel.model.total == IMAGES
    assert all(panel.model.row_of(i) == row for i, row in zip(ids, [2, 3, 4], strict=True))

    # In the trash, Delete restores; emptying the trash removes files for good.
    listed(qtbot, panel)
    select_rows(panel, [0])
    doomed = panel.current_id()
    assert doomed is not None
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    written(qtbot, panel)
    original = library.original_path(doomed)
    with qtbot.waitSignal(panel.culling.status_message) as said:
        panel.culling.empty_trash()
    # "image(s)" untranslated, "image" once an English translator is installed (test order).
    assert said.args[0].startswith("Deleted 1 image") and "for good" in said.args[0]
    assert library.get(doomed) is None and not original.exists()


def test_new_images_appear_on_top_together_when_they_match(
    qtbot: QtBot, panel: GalleryPanel, library: Library
) -> None:
    assert panel.model.total == IMAGES
    inserts: list[tuple[int, int]] = []
    panel.model.rowsInserted.connect(lambda _parent, first, last: inserts.append((first, last)))
    # A batch finishing at once: three pictures, one insert (one relayout of the grid).
    new_ids = [library.ingest_result(sample_result(IMAGES + n, max_side=64)) for n in (1, 2, 3)]
    for image_id in new_ids:
        panel.add_image(image_id)
    qtbot.waitUntil(lambda: panel.model.total == IMAGES + 3, timeout=2000)
    assert panel.model.ids_in(0, 2) == new_ids[::-1]  # newest first
    assert inserts == [(0, 0)] * 3
    panel.search.setText("no-such-words-anywhere")
    panel.apply_query()
    listed(qtbot, panel)
    other = library.ingest_result(sample_result(IMAGES + 4, max_side=64))
    panel.add_image(other)
    qtbot.wait(50)
    assert panel.model.row_of(other) is None and panel.model.total == 0


def test_the_whole_list_arrives_off_the_gui_thread(
    qtbot: QtBot, panel: GalleryPanel, library: Library
) -> None:
    with qtbot.waitSignal(panel.model.modelReset):  # a first page soon, the rest from the lister
        panel.model.set_query(ImageQuery())
    assert not panel.model.total_known
    first_page = panel.model.loaded_ids()
    # An image arriving while the list is read must not be lost or doubled when it lands.
    new_id = library.ingest_result(sample_result(IMAGES + 3, max_side=64))
    panel.add_image(new_id)
    qtbot.waitUntil(
        lambda: panel.model.total_known and panel.model.image_id(0) == new_id, timeout=5000
    )
    ids = panel.model.loaded_ids()
    assert ids == library.query_ids(ImageQuery(), 0, IMAGES + 10)
    assert ids[0] == new_id and ids[1 : len(first_page) + 1] == first_page
    assert panel.model.rowCount() == panel.model.total == IMAGES + 1
    assert str(IMAGES + 1) in panel.count_label.text().replace(",", "")


def test_a_large_reload_keeps_rows_and_place_until_the_new_list_is_read(
    qtbot: QtBot, panel: GalleryPanel, library: Library
) -> None:
    # Past RELOAD_AT_ONCE loaded rows a reload reads the list off the GUI thread; 2,000 rows
    # are over a lowered limit here, so the path a 100,000-image library takes runs for real.
    panel.model.RELOAD_AT_ONCE = 100
    assert panel.model.total == IMAGES
    qtbot.wait(50)
    bar = panel.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    first, _last = panel.view.visible_rows()
    select_rows(panel, [first + 2])
    kept = panel.current_id()
    gone = panel.model.image_id(first + 1)
    library.move_to_trash([gone])  # changed elsewhere (the detail view, say)
    scrolled_to = bar.value()

    panel.refresh()
    assert not panel.model.total_known  # the rows on screen stay while the list is read
    assert panel.model.row_of(gone) == first + 1
    qtbot.waitUntil(lambda: panel.model.total_known, timeout=5000)
    assert panel.model.row_of(gone) is None
    assert panel.model.loaded_ids() == library.query_ids(ImageQuery(), 0, IMAGES)
    assert panel.model.total == IMAGES - 1
    assert panel.current_id() == kept and panel.selected_ids() == [kept]
    assert abs(bar.value() - scrolled_to) <= panel.view.gridSize().height()


def test_drag_out_carries_files_pixels_and_ids(
    qtbot: QtBot, panel: GalleryPanel, library: Library
) -> None:
    indexes = [panel.model.index(r) for r in (0, 1)]
    ids = [panel.model.image_id(0), panel.model.image_id(1)]
    # The files are named from the cells' summaries (read ahead of painting), not a query.
    qtbot.waitUntil(lambda: all(panel.model.cached_summary(i) is not None for i in ids))
    mime = panel.model.mimeData(indexes)
    assert decode_ids(mime) == ids
    assert [Path(u.toLocalFile()) for u in mime.urls()] == [library.original_path(i) for i in ids]
    assert mime.hasImage()


def test_dropping_images_on_a_collection_adds_them(
    qtbot: QtBot, panel: GalleryPanel, library: Library
) -> None:
    with qtbot.waitSignal(panel.sidebar.collection_created) as created:
        panel.sidebar.create_collection("月度精选 picks")
    collection = created.args[0]
    indexes = [panel.model.index(r) for r in (0, 1, 2)]
    ids = [panel.model.image_id(r) for r in (0, 1, 2)]
    mime = panel.model.mimeData(indexes)
    target = panel.sidebar.list
    item = panel.sidebar.item_for_collection(collection)
    assert item is not None
    pos = QPointF(target.visualItemRect(item).center())
    actions = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = target.viewport()
    enter = QDragEnterEvent(pos, actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    with qtbot.waitSignal(panel.status_message) as said:  # written on the culling lane
        QApplication.sendEvent(viewport, QDropEvent(pos, actions, mime, buttons, mods))
    # "image(s)" or "images": an earlier test in the run may have left the English plurals on.
    assert said.args[0].startswith("Added 3 image") and said.args[0].endswith("“月度精选 picks”")
    in_collection = library.query_ids(ImageQuery(collection_id=collection), 0, 10)
    assert sorted(in_collection) == sorted(ids)
    infos = {c.id: c for c in library.list_collections()}
    assert infos[collection].count == 3
    panel.sidebar.select(Scope.COLLECTION, collection)
    listed(qtbot, panel)
    assert sorted(panel.model.loaded_ids()) == sorted(ids)

    # A drop on "All images" or of foreign data is refused.
    all_item = next(
        target.item(r) for r in range(target.count()) if target.item(r).data(KindRole) == Scope.ALL
    )
    refused = QDragMoveEvent(
        QPointF(target.visualItemRect(all_item).center()), actions, mime, buttons, mods
    )
    QApplication.sendEvent(viewport, refused)
    assert not refused.isAccepted()
    assert mime.hasFormat(IMAGE_IDS_MIME)


def drop_on(panel: GalleryPanel, kind: Scope, rows: list[int]) -> None:
    """A drag of these rows from the grid, entering, moving over and dropped on the sidebar's
    `kind` row; each step accepted."""
    mime = panel.model.mimeData([panel.model.index(r) for r in rows])
    target = panel.sidebar.list
    item = next(
        target.item(r) for r in range(target.count()) if target.item(r).data(KindRole) == kind
    )
    pos = QPointF(target.visualItemRect(item).center())
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for make in (QDragEnterEvent, QDragMoveEvent, QDropEvent):
        event = make(pos, Qt.DropAction.CopyAction, mime, buttons, mods)
        QApplication.sendEvent(target.viewport(), event)
        assert event.isAccepted()


@pytest.mark.parametrize("kind", [Scope.FAVOURITES, Scope.TRASH])
def test_a_drop_on_favourites_or_trash_is_handed_to_the_panel(
    qtbot: QtBot, panel: GalleryPanel, kind: Scope
) -> None:
    sidebar = panel.sidebar
    signal = sidebar.favourites_dropped if kind == Scope.FAVOURITES else sidebar.trash_dropped
    ids = [panel.model.image_id(0), panel.model.image_id(1)]
    with qtbot.waitSignal(signal) as dropped:
        drop_on(panel, kind, [0, 1])
    assert dropped.args == [ids]


def test_a_drop_on_favourites_or_trash_is_undone_by_ctrl_z(
    qtbot: QtBot, panel: GalleryPanel, library: Library
) -> None:
    rows = [r for r in range(20) if not library.get(panel.model.image_id(r)).favourite][:2]  # type: ignore[union-attr]
    ids = [panel.model.image_id(r) for r in rows]
    undo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    drop_on(panel, Scope.FAVOURITES, rows)
    qtbot.waitUntil(lambda: panel.culling.undo_stack.count() == 1, timeout=2000)
    written(qtbot, panel)
    assert all(library.get(i).favourite for i in ids)  # type: ignore[union-attr]
    qtbot.keyClick(panel.view, *undo)
    written(qtbot, panel)
    assert not any(library.get(i).favourite for i in ids)  # type: ignore[union-attr]

    drop_on(panel, Scope.TRASH, rows)
    written(qtbot, panel)
    assert library.count(ImageQuery(trash=True)) == 2
    assert not set(ids) & set(panel.model.loaded_ids())  # left the grid at once
    qtbot.keyClick(panel.view, *undo)
    written(qtbot, panel)
    assert library.count(ImageQuery(trash=True)) == 0
    listed(qtbot, panel)
    qtbot.waitUntil(lambda: set(ids) <= set(panel.model.loaded_ids()), timeout=5000)


def test_filters_and_sort(qtbot: QtBot, panel: GalleryPanel, library: Library) -> None:
    select_rows(panel, [7])
    qtbot.keyClick(panel.view, Qt.Key.Key_5)
    written(qtbot, panel)
    best = panel.current_id()
    panel.filters.sort.setCurrentIndex(panel.filters.sort.findData("rating"))
    listed(qtbot, panel)
    assert panel.model.image_id(0) == best
    panel.filters.min_rating.setCurrentIndex(panel.filters.min_rating.findData(5))
    listed(qtbot, panel)
    assert panel.model.loaded_ids() == [best]
    panel.filters.min_rating.setCurrentIndex(0)
    panel.filters.sort.setCurrentIndex(panel.filters.sort.findData("oldest"))
    listed(qtbot, panel)
    assert panel.model.loaded_ids()[:5] == library.query_ids(ImageQuery(sort="oldest"), 0, 5)
    model_index = panel.filters.drop_down().model_filter.findData("step-2x-large")
    panel.filters.drop_down().model_filter.setCurrentIndex(model_index)
    listed(qtbot, panel)
    assert panel.model.total == library.count(ImageQuery(model="step-2x-large")) > 0


def test_thumbnail_size_and_ctrl_wheel(qtbot: QtBot, panel: GalleryPanel) -> None:
    start = panel.delegate.cell_size
    panel.size_slider.setValue(start + 64)
    assert panel.view.gridSize().width() > start + 64
    wait_for_thumbnails(qtbot, panel)
    pixmap = panel.loader.cached(panel.model.image_id(0), start + 64)
    assert pixmap is not None and max(pixmap.width(), pixmap.height()) <= start + 64


def test_compare_side_by_side_moves_in_step(qtbot: QtBot, panel: GalleryPanel) -> None:
    select_rows(panel, [0, 1, 2])
    dialog = panel.compare_selection()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.panes) == 3)  # decoded off the GUI thread
    before = [p.image_rect() for p in dialog.panes]
    dialog.zoom = 2.0
    dialog.pan = QPointF(30, 10)
    dialog.changed()
    after = [p.image_rect() for p in dialog.panes]
    assert all(
        a.width() == pytest.approx(b.width() * 2) for a, b in zip(after, before, strict=True)
    )


def test_compare_with_source_has_a_wipe(
    qtbot: QtBot, panel: GalleryPanel, library: Library
) -> None:
    summaries = library.summaries(panel.model.loaded_ids())
    row = next(r for r, i in enumerate(panel.model.loaded_ids()) if summaries[i].has_source)
    select_rows(panel, [row])
    dialog = panel.compare_with_source()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.wipe_slider is not None)  # decoded off the GUI thread
    assert dialog.wipe_slider is not None
    pane = dialog.panes[0]
    assert pane.under is not None and not pane.under.isNull()
    dialog.wipe_slider.setValue(250)
    assert pane.wipe == pytest.approx(0.25)


def test_context_menu_acts_on_the_selection(
    qtbot: QtBot, panel: GalleryPanel, library: Library
) -> None:
    with qtbot.waitSignal(panel.sidebar.collection_created) as created:
        panel.sidebar.create_collection("Posters")  # the menu lists what the sidebar read
    collection = created.args[0]
    select_rows(panel, [0, 1])
    ids = panel.selected_ids()
    menu = build_context_menu(panel, panel)
    actions = {a.text().split("\t")[0]: a for a in menu.actions()}
    for name in ("Reuse parameters", "Use as source", "Use as style", "Export…", "Copy"):
        assert name in actions
    assert not actions["Reuse parameters"].isEnabled()  # one image only
    assert actions["Compare side by side"].isEnabled()
    rate = actions["Rate"].menu()
    assert rate is not None
    rate.actions()[3].trigger()
    written(qtbot, panel)
    assert all(s.rating == 3 for s in library.summaries(ids).values())
    into = actions["Add to collection"].menu()
    assert into is not None
    next(a for a in into.actions() if a.text() == "Posters").trigger()
    written(qtbot, panel)
    assert sorted(library.query_ids(ImageQuery(collection_id=collection), 0, 10)) == sorted(ids)
    with qtbot.waitSignal(panel.use_as_style_requested) as wanted:
        actions["Use as style"].trigger()
    assert wanted.args == [panel.current_id()]
    actions["Move to trash"].trigger()
    written(qtbot, panel)
    assert library.count(ImageQuery(trash=True)) == 2


def test_filter_by_provider_offers_the_providers_present(
    qtbot: QtBot, panel: GalleryPanel, library: Library
) -> None:
    combo = panel.filters.drop_down().provider_filter
    # The library is asked off the GUI thread; until then every provider of the table is listed.
    qtbot.waitUntil(lambda: combo.findData("compatible") < 0, timeout=5000)
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == ["", "stepfun", "openai", "ark", "siliconflow"]
    assert combo.itemText(combo.findData("openai")) == "OpenAI"
    combo.setCurrentIndex(combo.findData("openai"))
    expected = library.count(ImageQuery(provider="openai"))
    assert 0 < expected < IMAGES
    qtbot.waitUntil(lambda: panel.model.total == expected, timeout=5000)
    assert panel.filters.more_button.text() == "Filters (1)"
    assert panel.query().provider == "openai"
    # The summary behind the tip is read on the worker (painting never reads the library).
    first = panel.model.index(0, 0)
    qtbot.waitUntil(lambda: panel.model.data(first, Qt.ItemDataRole.ToolTipRole) is not None)
    tip = panel.model.data(first, Qt.ItemDataRole.ToolTipRole)
    assert "gpt-image-1 · OpenAI" in tip
