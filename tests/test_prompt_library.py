"""The prompt library through the real window and the stand-in: the history with the pictures each
prompt made, saved styles applied to the prompt, wildcards expanded at Generate (seed-stable),
and the files behind them (styles.json, wildcards/*.txt, a JSON export) on a real disk."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stepfun_studio.core.errors import AppError
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.prompt_templates import PromptStyle
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.library.prompt_library import PromptFiles
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.prompt_library_view import PromptLibraryView
from stepfun_studio.ui.studio import Studio, StudioOptions


def test_files_keep_styles_and_lists_and_round_trip_through_an_export(tmp_path: Path) -> None:
    files = PromptFiles(tmp_path / "lib")
    files.add_styles([PromptStyle("ink", "水墨 {prompt}", "photo")])
    files.save_wildcard("colour", ["red", "", " blue "])
    files.save_wildcard("people/kind", ["child", "sailor"])
    assert files.load_wildcards() == {"colour": ["red", "blue"], "people/kind": ["child", "sailor"]}
    exported = files.export_json()
    other = PromptFiles(tmp_path / "other")
    assert other.import_json(exported) == (1, 2)
    assert other.load_styles() == [PromptStyle("ink", "水墨 {prompt}", "photo")]
    assert other.load_wildcards()["people/kind"] == ["child", "sailor"]
    with pytest.raises(AppError, match="not a StepFun Studio prompt library export"):
        other.import_json(json.dumps({"styles": []}))
    with pytest.raises(AppError, match="cannot name a wildcard"):
        files.save_wildcard("../escape", ["x"])


def test_a_fifo_or_an_oversized_styles_file_is_refused_not_read(tmp_path: Path) -> None:
    files = PromptFiles(tmp_path)
    os.mkfifo(files.styles_path)
    with pytest.raises(AppError, match="not a regular file"):
        files.load_styles()
    files.styles_path.unlink()
    files.styles_path.write_bytes(b" " * (5 * 1024 * 1024))
    with pytest.raises(AppError, match="larger than"):
        files.load_styles()


@pytest.fixture
def window(app_paths: AppPaths, qtbot: QtBot) -> Iterator[tuple[MainWindow, StandinServer]]:
    server = StandinServer(port=0).start()
    studio = Studio(StudioOptions(paths=app_paths, concurrency=4, rate_backoff_s=0.05))
    main = MainWindow(studio, LanguageSwitcher())
    qtbot.addWidget(main)
    main.show()
    studio.start("test-key", server.base_url)
    qtbot.waitUntil(lambda: studio.started, timeout=10_000)
    yield main, server
    main.close()
    server.stop()


def _generate(main: MainWindow, qtbot: QtBot, prompt: str, seed: int = 0, n: int = 1) -> None:
    main.reuse_parameters(
        GenerationRequest(prompt=prompt, model="step-2x-large", size="256x256", seed=seed, n=n)
    )
    qtbot.waitUntil(lambda: main.prompt_editor.prompt() == prompt, timeout=5_000)
    assert main.generate()
    qtbot.waitUntil(lambda: main.studio.queue.active_count() == 0, timeout=30_000)


def test_history_lists_prompts_with_their_pictures_and_hands_one_back(
    window: tuple[MainWindow, StandinServer], qtbot: QtBot
) -> None:
    main, _server = window
    _generate(main, qtbot, "a lighthouse at dusk", n=2)
    _generate(main, qtbot, "采菊东篱下")
    main.menus.actions["promptLibrary"].trigger()
    view = main.findChild(PromptLibraryView, "promptLibraryView")
    assert view is not None
    qtbot.waitUntil(lambda: view.history.count() == 2, timeout=10_000)
    newest = view.history.item(0)
    assert newest.text().startswith("采菊东篱下")
    lighthouse = view.history.item(1)
    assert "2 picture" in lighthouse.text()
    assert not lighthouse.icon().isNull()  # the thumbnails it made
    view.search.setText("lighthouse")
    qtbot.waitUntil(lambda: view.history.count() == 1, timeout=10_000)
    main.prompt_editor.set_prompt("something else")
    view.history.itemActivated.emit(view.history.item(0))
    assert main.prompt_editor.prompt() == "a lighthouse at dusk"


def test_a_saved_style_applies_to_the_prompt_and_wildcards_expand_per_seed(
    window: tuple[MainWindow, StandinServer], qtbot: QtBot
) -> None:
    main, server = window
    main.menus.actions["promptLibrary"].trigger()
    view = main.findChild(PromptLibraryView, "promptLibraryView")
    assert view is not None
    view.style_name.setText("Cinematic")
    view.style_prompt.setPlainText("cinematic still of {prompt}, film grain")
    view._save_style()
    qtbot.waitUntil(lambda: view.style_list.count() == 1, timeout=10_000)
    main.prompt_editor.set_prompt("a __colour__ fox")
    view.style_list.setCurrentRow(0)
    view._apply_style()
    assert main.prompt_editor.prompt() == "cinematic still of a __colour__ fox, film grain"
    # An unknown wildcard stops Generate with words, and nothing is sent.
    main.prompt_editor.set_prompt("a __colour__ fox")
    assert main.generate() == []
    assert server.request_count("/generations") == 0
    view.tabs.setCurrentIndex(2)
    view.wildcard_name.setText("colour")
    view.wildcard_lines.setPlainText("crimson\nviridian\ncobalt\nochre")
    view._save_wildcard()
    qtbot.waitUntil(lambda: view.wildcard_list.count() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: "colour" in main.wildcards._lists, timeout=10_000)
    _generate(main, qtbot, "a __colour__ fox", seed=1234, n=2)
    _generate(main, qtbot, "a __colour__ fox", seed=1234, n=2)
    sent = [r.body["prompt"] for r in server.requests if r.body and "prompt" in r.body]
    assert len(sent) == 4 and all("__" not in prompt for prompt in sent)
    assert sorted(sent[:2]) == sorted(sent[2:])  # a fixed seed picks the same lines again
