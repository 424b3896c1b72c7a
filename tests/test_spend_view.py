"""The Spend view over a real library file with pictures of two providers in two currencies."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QTreeWidget
from pytestqt.qtbot import QtBot
from test_library_support import provider_request, result_for

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.library import Library
from stepfun_studio.library.records import SpendReport
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.spend_view import SpendView
from stepfun_studio.ui.studio import Studio, StudioOptions


class WatchedLibrary(Library):
    """The real library, noting which thread asked for the spend."""

    threads: list[str]

    def spend_report(self) -> SpendReport:
        self.threads.append(threading.current_thread().name)
        return super().spend_report()


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """English with its plural forms, whatever language an earlier test left installed."""
    switcher = LanguageSwitcher()
    switcher.apply("en")
    yield
    switcher.apply("en")


@pytest.fixture
def library(app_paths: AppPaths) -> Iterator[WatchedLibrary]:
    opened = WatchedLibrary.open(app_paths)
    opened.threads = []
    openai = [
        opened.ingest_result(result_for(provider_request(f"poster {n}"), pixels=n))
        for n in range(2)
    ]  # gpt-image-1 at quality high: $0.167 each, from the table
    stepfun = opened.ingest_result(
        result_for(GenerationRequest(prompt="旧图", model="step-2x-large"), pixels=9)
    )  # ¥0.10
    client = opened.create_collection("Client A")
    opened.add_to_collection([openai[0], stepfun], client)
    yield opened
    opened.close()


def rows(tree: QTreeWidget) -> list[tuple[str, str, str]]:
    return [
        (item.text(0), item.text(1), item.text(2))
        for item in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
        if item is not None
    ]


def open_view(qtbot: QtBot, library: Library) -> SpendView:
    view = SpendView()
    qtbot.addWidget(view)
    view.set_library(library)
    return view


def test_sums_by_day_provider_and_collection_never_mixing_currencies(
    qtbot: QtBot, library: WatchedLibrary
) -> None:
    view = open_view(qtbot, library)
    # Asked, not answered yet: the query runs on the worker while the window goes on.
    assert view.loading() and view.status_label.text() == "Reading the library…"
    qtbot.waitUntil(lambda: view.report() is not None and not view.loading(), timeout=5000)
    assert library.threads and library.threads[0] != threading.main_thread().name
    assert view.total_label.text() == "Total: ¥0.10 + $0.334 for 3 pictures"
    assert rows(view.by_provider) == [("OpenAI", "2", "$0.334"), ("StepFun", "1", "¥0.10")]
    assert rows(view.by_collection) == [("Client A", "2", "¥0.10 + $0.167")]
    assert rows(view.by_day) == [(date.today().isoformat(), "3", "¥0.10 + $0.334")]
    assert view.status_label.text() == "" and view.refresh_button.isEnabled()


def test_refresh_reads_new_pictures_and_unpriced_ones_are_counted_apart(
    qtbot: QtBot, library: WatchedLibrary
) -> None:
    view = open_view(qtbot, library)
    qtbot.waitUntil(lambda: view.report() is not None, timeout=5000)
    library.ingest_result(
        result_for(
            GenerationRequest(prompt="free", provider="siliconflow", model="Kwai-Kolors/Kolors"),
            pixels=30,
        )
    )
    library.ingest_result(result_for(GenerationRequest(prompt="no price"), pixels=31))
    view.refresh_button.click()
    qtbot.waitUntil(lambda: len(library.threads) == 2 and not view.loading(), timeout=5000)
    assert ("SiliconFlow", "1", "¥0.00") in rows(view.by_provider)
    assert view.total_label.text() == "Total: ¥0.10 + $0.334 for 4 pictures"
    assert (
        "Not counted: 1 picture made with a model that has no known price."
        in view.note_label.text()
    )


def test_an_empty_library_says_nothing_was_spent(qtbot: QtBot, app_paths: AppPaths) -> None:
    with Library.open(app_paths) as empty:
        view = open_view(qtbot, empty)
        qtbot.waitUntil(lambda: view.report() is not None, timeout=5000)
        assert view.total_label.text() == "Nothing spent yet."
        assert rows(view.by_day) == []
        view.shutdown()


def test_the_view_menu_opens_it(qtbot: QtBot, app_paths: AppPaths) -> None:
    with WatchedLibrary.open(app_paths) as seeded:
        seeded.ingest_result(result_for(provider_request(), pixels=1))
    window = MainWindow(Studio(StudioOptions(paths=app_paths)), LanguageSwitcher())
    qtbot.addWidget(window)
    action = window.menus.actions["spend"]
    assert action in window.menus.view_menu.actions() and action.text() == "S&pend…"
    action.trigger()
    view = window.findChild(SpendView)
    assert view is not None and view.isVisible()
    qtbot.waitUntil(lambda: view.report() is not None, timeout=5000)
    assert rows(view.by_provider) == [("OpenAI", "1", "$0.167")]
    action.trigger()  # a second time: the same view, read again
    assert window.findChildren(SpendView) == [view]
    window.shutdown()
    QApplication.processEvents()
