"""The window fits a 1366 px laptop screen, and the gallery and parameters follow a live
language switch (filter bar, sidebar, match count, size labels), on the real window."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.ui.gallery.filter_bar import FilterBar
from stepfun_studio.ui.i18n import LanguageSwitcher, translations_dir
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.studio import Studio, StudioOptions
from stepfun_studio.ui.theme import Theme

ROOT = Path(__file__).resolve().parent.parent
LAPTOP_WIDTH_PX = 1366


@pytest.fixture(scope="module", autouse=True)
def built_translations() -> None:
    if not (translations_dir() / "stepfun_studio_zh_CN.qm").exists():
        subprocess.run([sys.executable, str(ROOT / "tools" / "build_translations.py")], check=True)


@pytest.fixture
def languages() -> Iterator[LanguageSwitcher]:
    switcher = LanguageSwitcher()
    switcher.apply("en")
    yield switcher
    switcher.apply("en")


def _window(
    app_paths: AppPaths, qtbot: QtBot, languages: LanguageSwitcher, show: bool = True
) -> MainWindow:
    studio = Studio(StudioOptions(paths=app_paths))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    built = MainWindow(studio, languages, Theme(app, force="light"))
    qtbot.addWidget(built)
    if show:
        built.show()
    return built


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_fits_a_1366_px_screen(
    app_paths: AppPaths, qtbot: QtBot, languages: LanguageSwitcher, language: str
) -> None:
    languages.apply(language)
    window = _window(app_paths, qtbot, languages, show=False)
    window.parameter_dock.build_form()  # the real form's width, not the frame's before it
    assert window.minimumSizeHint().width() <= LAPTOP_WIDTH_PX
    window.resize(LAPTOP_WIDTH_PX, 768)
    window.show()
    qtbot.waitUntil(lambda: window.width() == LAPTOP_WIDTH_PX)
    # The docks take their first-start sizes an event-loop turn or two after the window shows
    # (later on a busy machine): wait for the layout to settle, then check it.
    panel = window.gallery
    # The search field stays the widest part of the gallery's top row.
    qtbot.waitUntil(lambda: panel.search.width() >= 180, timeout=3000)
    assert panel.filters.width() <= panel.view.width() + 2
    window.close()


def test_a_language_switch_retranslates_the_gallery_and_size_labels(
    app_paths: AppPaths, qtbot: QtBot, languages: LanguageSwitcher
) -> None:
    window = _window(app_paths, qtbot, languages)
    # The dock makes its fields after the window's first paint.
    qtbot.waitUntil(window.parameter_dock.form_built)
    bar = window.gallery.filters
    sidebar = window.gallery.sidebar
    size_combo = window.parameter_dock.findChild(QComboBox, "sizeCombo")
    assert bar.hide_rejected.text() == "Hide rejected"
    assert bar.sort.itemText(0) == "Newest first"
    assert bar.more_button.text() == "Filters"
    english_count = window.gallery.count_label.text()
    english_heading = sidebar.list.item(0).text()
    english_size = size_combo.currentText() if size_combo is not None else ""

    languages.apply("zh_CN")
    # Qt posts the LanguageChange events; each widget re-sets its texts when they arrive.
    expected = QCoreApplication.translate("FilterBar", "Hide rejected")
    assert expected != "Hide rejected"
    qtbot.waitUntil(lambda: bar.hide_rejected.text() == expected)
    assert bar.sort.itemText(0) == QCoreApplication.translate("FilterBar", "Newest first")
    assert bar.min_rating.itemText(0) == QCoreApplication.translate("FilterBar", "Any rating")
    assert bar.drop_down().model_filter.itemText(0) == QCoreApplication.translate(
        "FilterBar", "Any model"
    )
    assert bar.more_button.text() == QCoreApplication.translate("FilterBar", "Filters")
    assert sidebar.list.item(0).text() != english_heading
    assert window.gallery.count_label.text() != english_count
    if size_combo is not None:
        assert size_combo.currentText() != english_size

    languages.apply("en")
    qtbot.waitUntil(lambda: bar.hide_rejected.text() == "Hide rejected")
    assert sidebar.list.item(0).text() == english_heading
    assert window.gallery.count_label.text() == english_count
    window.close()


def test_the_filters_button_counts_the_filters_it_hides(qtbot: QtBot) -> None:
    bar = FilterBar()
    qtbot.addWidget(bar)
    assert bar.active_hidden_filters() == 0
    bar.drop_down().size_filter.setCurrentIndex(1)
    bar.drop_down().use_dates.setChecked(True)
    assert bar.active_hidden_filters() == 2
    assert bar.more_button.text().endswith("(2)")
    query = bar.apply_to(ImageQuery())
    assert (
        query.size == bar.drop_down().size_filter.currentData() and query.created_from is not None
    )


def test_the_filters_form_is_made_when_first_opened_with_the_choices_read_before(
    qtbot: QtBot,
) -> None:
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.show()
    # The library's choices arrive before anyone opened the drop-down: kept, not shown.
    bar.set_tags([("sunset", 3), ("cat", 1)])
    bar.set_providers(["openai"])
    assert bar.findChild(QWidget, "moreFiltersPanel") is None
    assert bar.known_tags() == ["sunset", "cat"]
    assert bar.apply_to(ImageQuery()).tag is None and not bar.is_filtering()
    # A click's menu says it is about to show before it sizes itself (a real popup here would
    # grab the keyboard, which the offscreen platform warns about).
    bar.more_button.menu().aboutToShow.emit()
    assert bar.findChild(QWidget, "moreFiltersPanel") is bar.drop_down()  # found: made then
    more = bar.drop_down()
    assert [more.tag.itemData(i) for i in range(more.tag.count())] == ["", "sunset", "cat"]
    offered = [more.provider_filter.itemData(i) for i in range(more.provider_filter.count())]
    assert offered == ["", "openai"]
    with qtbot.waitSignal(bar.changed):
        more.tag.setCurrentIndex(1)
    assert bar.apply_to(ImageQuery()).tag == "sunset" and bar.more_button.text() == "Filters (1)"
    bar.reset()
    assert more.tag.currentIndex() == 0 and not bar.is_filtering()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_queue_buttons_show_their_whole_text_at_1366_px(
    app_paths: AppPaths, qtbot: QtBot, languages: LanguageSwitcher, language: str
) -> None:
    languages.apply(language)
    window = _window(app_paths, qtbot, languages, show=False)
    window.resize(LAPTOP_WIDTH_PX, 768)
    window.show()
    qtbot.waitUntil(lambda: window.width() == LAPTOP_WIDTH_PX)
    qtbot.wait(50)
    view = window.queue_view
    for button in (
        view.cancel_button,
        view.retry_button,
        view.clear_button,
        view.cancel_all_button,
    ):
        text_px = button.fontMetrics().horizontalAdvance(button.text())
        # The theme pads a button by 12 px each side: anything narrower clips its text.
        assert button.width() >= text_px + 24, (button.text(), button.width(), text_px)
    window.close()
