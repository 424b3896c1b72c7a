"""The prompt assistant through the real window and the stand-in over HTTP: Describe streams a
prompt into its dialog and hands it to the prompt editor; Polish and Translate show a diff that
Accept applies and Reject leaves; a caption run captions every picture once, can be stopped and
started again, and makes pictures findable by words only their captions hold."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.caption_dialog import CaptionDialog
from stepfun_studio.ui.describe_dialog import DescribeDialog
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.prompt_diff_dialog import PromptDiffDialog, diff_html
from stepfun_studio.ui.studio import Studio, StudioOptions


@pytest.fixture
def window(app_paths: AppPaths, qtbot: QtBot) -> Iterator[tuple[MainWindow, StandinServer]]:
    server = StandinServer(port=0).start()
    studio = Studio(StudioOptions(paths=app_paths, concurrency=4, rate_backoff_s=0.05))
    main = MainWindow(studio, LanguageSwitcher())
    qtbot.addWidget(main)
    main.show()
    studio.start("test-key", server.base_url)  # StepFun's key: its chat models are used
    qtbot.waitUntil(lambda: studio.started, timeout=10_000)
    # The parameter dock makes its fields (the slots) after the window's first paint.
    qtbot.waitUntil(main.parameter_dock.form_built)
    yield main, server
    main.close()
    server.stop()


def _make_pictures(main: MainWindow, qtbot: QtBot, count: int) -> None:
    main.reuse_parameters(
        GenerationRequest(prompt="a lighthouse", model="step-2x-large", size="256x256", n=count)
    )
    qtbot.waitUntil(lambda: main.prompt_editor.prompt() == "a lighthouse", timeout=5_000)
    assert main.generate()
    qtbot.waitUntil(lambda: main.studio.queue.active_count() == 0, timeout=30_000)


def _chat_bodies(server: StandinServer) -> list[dict[str, object]]:
    return [r.body for r in server.requests if r.path.endswith("/chat/completions") and r.body]


def test_describe_streams_both_languages_and_offers_the_prompt(
    window: tuple[MainWindow, StandinServer], qtbot: QtBot
) -> None:
    main, server = window
    _make_pictures(main, qtbot, 1)
    image_id = main.studio.queue.jobs()[-1].image_id
    assert image_id is not None
    main.detail.show_image(image_id)
    qtbot.waitUntil(lambda: main.detail.image_id() == image_id, timeout=10_000)
    main.menus.actions["describe"].trigger()
    qtbot.waitUntil(lambda: main.findChild(DescribeDialog) is not None, timeout=10_000)
    dialog = main.findChild(DescribeDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.use_button.isEnabled, timeout=20_000)
    assert "调" in dialog.chinese.toPlainText()
    assert "tones" in dialog.english.toPlainText()
    assert "step-1o-turbo-vision" in dialog.status.text()
    body = _chat_bodies(server)[-1]
    assert body["stream"] is True and body["model"] == "step-1o-turbo-vision"
    dialog.tabs.setCurrentIndex(1)
    dialog.append_button.click()
    assert main.prompt_editor.prompt().startswith("a lighthouse, a ")
    assert "tones" in main.prompt_editor.prompt()


@pytest.mark.parametrize("kind", ["polish", "translate"])
def test_polish_and_translate_show_a_diff_that_accept_applies(
    window: tuple[MainWindow, StandinServer], qtbot: QtBot, kind: str
) -> None:
    main, server = window
    main.prompt_editor.set_prompt("a fox in the snow")
    main.prompt_editor.assist_requested.emit(kind, "ink" if kind == "polish" else "")
    qtbot.waitUntil(lambda: main.findChild(PromptDiffDialog) is not None, timeout=10_000)
    dialog = main.findChild(PromptDiffDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.accept_button.isEnabled, timeout=20_000)
    new = dialog.new_text
    assert new != "a fox in the snow" and len(new) <= main.prompt_editor.limit()
    assert "rgba(40,167,69" in dialog.view.toHtml()  # the added words are marked
    assert _chat_bodies(server)[-1]["model"] == "step-3.5-flash"
    dialog.accept_button.click()
    assert main.prompt_editor.prompt() == new


def test_reject_leaves_the_prompt_and_a_failure_is_told(
    window: tuple[MainWindow, StandinServer], qtbot: QtBot
) -> None:
    main, server = window
    main.prompt_editor.set_prompt("a fox")
    server.add_fault("402", endpoint="/chat/completions")
    main.prompt_editor.assist_requested.emit("polish", "photo")
    qtbot.waitUntil(lambda: main.findChild(PromptDiffDialog) is not None, timeout=10_000)
    dialog = main.findChild(PromptDiffDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: "balance" in dialog.status.text().lower(), timeout=20_000)
    assert not dialog.accept_button.isEnabled()
    dialog.reject()
    assert main.prompt_editor.prompt() == "a fox"
    assert server.request_count("/chat/completions") == 1  # not sent again


def test_diff_marks_removed_and_added_words() -> None:
    marked = diff_html("a red fox", "a blue fox, 水墨")
    assert "line-through" in marked and "red" in marked and "blue" in marked and "水墨" in marked


def test_caption_run_captions_each_picture_once_and_search_finds_them(
    window: tuple[MainWindow, StandinServer], qtbot: QtBot
) -> None:
    main, server = window
    _make_pictures(main, qtbot, 3)
    main.menus.actions["captions"].trigger()
    dialog = main.findChild(CaptionDialog, "captionDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=10_000)
    assert "3 picture" in dialog.summary.text() and "¥" in dialog.summary.text()
    with qtbot.waitSignal(dialog.captioned, timeout=30_000):
        dialog.start_button.click()
    qtbot.waitUntil(lambda: "Every picture has a caption" in dialog.summary.text(), timeout=10_000)
    assert server.request_count("/chat/completions") == 3
    found: list[int] = []
    library = main.studio.library
    from stepfun_studio.ui.background import run_in_background

    run_in_background(
        dialog, lambda: library.count(ImageQuery(text="tones")), lambda n, _e: found.append(n), "t"
    )
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    assert found == [3]


def test_describe_from_the_gallery_menu_and_a_caption_edited_in_the_detail_view(
    window: tuple[MainWindow, StandinServer], qtbot: QtBot
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog, QMenu

    from stepfun_studio.ui.gallery.context_menu import build_context_menu

    main, server = window
    _make_pictures(main, qtbot, 1)
    image_id = main.studio.queue.jobs()[-1].image_id
    assert image_id is not None
    gallery = main.gallery
    qtbot.waitUntil(lambda: gallery.model.rowCount() >= 1, timeout=10_000)
    gallery.view.setCurrentIndex(gallery.model.index(0, 0))
    menu = build_context_menu(gallery, gallery)
    assert isinstance(menu, QMenu)
    describe = next(a for a in menu.actions() if a.text() == "Describe…")
    describe.trigger()
    qtbot.waitUntil(lambda: main.findChild(DescribeDialog) is not None, timeout=10_000)
    dialog = main.findChild(DescribeDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.use_button.isEnabled, timeout=20_000)
    assert server.request_count("/chat/completions") == 1
    dialog.close()
    # Edit Caption… in the detail view's More menu: the words become searchable.
    main.detail.show_image(image_id)
    qtbot.waitUntil(lambda: main.detail.image_id() == image_id, timeout=10_000)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QInputDialog)
        box.setTextValue("a red umbrella on a rainy street")
        box.accept()

    QTimer.singleShot(300, answer)
    main.tools.edit_caption_action.trigger()
    qtbot.waitUntil(lambda: "Caption saved" in main.statusBar().currentMessage(), timeout=10_000)
    found: list[int] = []
    library = main.studio.library
    from stepfun_studio.ui.background import run_in_background

    run_in_background(
        main, lambda: library.count(ImageQuery(text="umbrella")), lambda n, _e: found.append(n), "t"
    )
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    assert found == [1]


def test_describe_a_picture_in_a_slot_or_among_the_references(
    window: tuple[MainWindow, StandinServer], qtbot: QtBot
) -> None:
    import io

    from PIL import Image

    from stepfun_studio.core.request import ReferenceImage
    from stepfun_studio.ui.reference_slot import ReferenceSlot

    main, server = window
    data = io.BytesIO()
    Image.new("RGB", (300, 200), (40, 160, 70)).save(data, format="PNG")
    picture = ReferenceImage(data.getvalue(), "image/png", 300, 200, name="field.png")
    slots = main.parameter_dock.findChildren(ReferenceSlot)
    assert slots
    empty = main.tools.picture_menu(slots[0], lambda: None)
    assert not empty.actions()[0].isEnabled()  # nothing in the slot: nothing to describe
    menu = main.tools.picture_menu(slots[0], lambda: picture)
    menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: main.findChild(DescribeDialog) is not None, timeout=10_000)
    dialog = main.findChild(DescribeDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.use_button.isEnabled, timeout=20_000)
    assert "green" in dialog.english.toPlainText()  # the stand-in saw this very picture
    assert server.request_count("/chat/completions") == 1
