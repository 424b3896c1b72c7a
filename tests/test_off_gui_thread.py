"""Work that used to wait on disk on the GUI thread, now off it, through the real parts: the
settings file (written in the background, coalesced, flushed at quit), the detail view (the
record, both reference files, the thumbnail and its rebuild), and the collections sidebar."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator

import pytest
from PIL import Image
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.library.library import Library
from stepfun_studio.settings.store import AppSettings
from stepfun_studio.ui.background import run_in_background, wait_until_idle
from stepfun_studio.ui.detail_view import DetailView
from stepfun_studio.ui.gallery.sidebar import CollectionsSidebar, Scope


def _png(width: int, height: int, color: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def library(app_paths: AppPaths) -> Iterator[Library]:
    opened = Library.open(app_paths)
    yield opened
    opened.close()


class WriterThreads(QObject):
    """Runs settings writes through `run_in_background` and notes the thread of each."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: list[int] = []

    def run(self, work: object, done: object) -> None:
        assert callable(work) and callable(done)

        def noted() -> None:
            self.threads.append(threading.get_ident())
            work()

        run_in_background(self, noted, lambda _r, error: done(error), "settings", lane="settings")


def test_settings_are_written_off_the_gui_thread_coalesced_and_flushed(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    settings = AppSettings.open(app_paths)
    writer = WriterThreads()
    settings.write_in_background(writer.run)
    for theme in ("dark", "light") * 10 + ("dark",):
        settings.update(theme=theme)  # returns at once: nothing written on this thread
    assert settings.values.theme == "dark"
    assert wait_until_idle(10_000)
    assert AppSettings.open(app_paths).values.theme == "dark"
    # 21 saves while writes ran: far fewer writes, none of them on the GUI thread.
    assert 1 <= settings.writes < 21
    assert writer.threads and threading.get_ident() not in writer.threads

    # A save still waiting at quit is written by flush(), on the spot.
    gate = threading.Event()
    run_in_background(writer, gate.wait, lambda _r, _e: None, "settings", lane="settings")
    settings.update(language="en")  # queued behind the blocked lane
    settings.flush()
    assert AppSettings.open(app_paths).values.language == "en"
    gate.set()
    assert wait_until_idle(10_000)


def test_a_storage_failure_of_a_background_write_is_reported(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    settings = AppSettings.open(app_paths)
    writer = WriterThreads()
    settings.write_in_background(writer.run)
    # The folder turns into a file after the start: the write fails off the GUI thread.
    app_paths.config_dir.parent.mkdir(parents=True, exist_ok=True)
    if app_paths.config_dir.exists():
        app_paths.config_dir.rmdir()
    app_paths.config_dir.write_text("not a folder")
    with qtbot.waitSignal(settings.save_failed, timeout=10_000) as failed:
        settings.update(theme="dark")
    assert "could not be saved" in failed.args[0].message
    assert settings.values.theme == "dark"  # it holds for this session


def test_the_detail_view_reads_records_references_and_thumbnails_off_the_gui_thread(
    qtbot: QtBot, library: Library
) -> None:
    source = ReferenceImage(_png(80, 80, (5, 5, 250)), "image/png", 80, 80, name="src.png")
    style = ReferenceImage(_png(70, 70, (250, 5, 5)), "image/png", 70, 70, name="style.png")
    request = GenerationRequest(
        prompt="both references",
        model="step-1x-medium",
        mode=Mode.REDRAW,
        source=source,
        style=style,
    )
    ids = [
        library.ingest_result(
            GenerationResult(request, _png(120, 90, (n * 40, 90, 9)), n + 1, "success", 120, 90)
        )
        for n in range(3)
    ]
    thumbnail = library.thumbnail_path(ids[0])
    thumbnail.unlink()  # lost: the view has it rebuilt, off the GUI thread
    view = DetailView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.set_library(library)
    view.show()
    loaded: list[int] = []
    view.image_loaded.connect(loaded.append)
    # Arrowing through: every show returns at once; the guard (conftest) fails this test if
    # any of it queries the library here. Only the last one is loaded.
    for image_id in (ids[0], ids[1], ids[2], ids[0]):
        view.show_image(image_id)
        assert view.image_id() is None  # nothing read yet on this thread
    qtbot.waitUntil(lambda: loaded == [ids[0]], timeout=10_000)
    assert thumbnail.exists()
    assert view.image_id() == ids[0]
    assert view.result_view().has_image()


def test_the_sidebar_lists_and_changes_collections_off_the_gui_thread(
    qtbot: QtBot, library: Library
) -> None:
    library.create_collection("Posters")
    sidebar = CollectionsSidebar()
    qtbot.addWidget(sidebar)
    with qtbot.waitSignal(sidebar.listed, timeout=10_000):
        sidebar.set_library(library)  # returns before the list is read
    assert sidebar.item_for_collection(library.list_collections()[0].id) is not None
    with qtbot.waitSignal(sidebar.collection_created, timeout=10_000) as created:
        sidebar.create_collection("月度精选")
    new_id = created.args[0]
    sidebar.select(Scope.COLLECTION, new_id)
    assert sidebar.current_scope() == (Scope.COLLECTION, new_id)
    assert {c.name for c in library.list_collections()} == {"Posters", "月度精选"}
