"""The status line in 中文 through a picture, a failure and a rate-limit wait (demo mode).

Every text the status bar shows (the message, the queue counts, the server line) and the queue's
state texts must be Chinese: the only Latin letters allowed are tokens no translation changes
(HTTP, model names, URLs, hex trace ids) and the server's own words, which are quoted as sent.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.jobs import JobState
from stepfun_studio.ui.i18n import LanguageSwitcher, translations_dir
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.provider_names import provider_title
from stepfun_studio.ui.studio import Studio, StudioOptions

ROOT = Path(__file__).resolve().parent.parent
TOKENS = r"https?://\S+|HTTP|\bID\b|\b[0-9a-f]{16,}\b|" + "|".join(
    re.escape(spec.name) for spec in model_table().models
)


def allowed() -> re.Pattern[str]:
    """The tokens, plus the Latin words the provider names keep in Chinese ("OpenAI")."""
    titles = " ".join(provider_title(p) for p in model_table().providers)
    kept = sorted(set(re.findall(r"[A-Za-z]+", titles)), key=len, reverse=True)
    return re.compile("|".join([TOKENS, *(rf"\b{word}\b" for word in kept)]))


@pytest.fixture(scope="module", autouse=True)
def built_translations() -> None:
    if not (translations_dir() / "stepfun_studio_zh_CN.qm").exists():
        subprocess.run([sys.executable, str(ROOT / "tools" / "build_translations.py")], check=True)


@pytest.fixture
def window(app_paths: AppPaths, qtbot: QtBot) -> Iterator[MainWindow]:
    studio = Studio(StudioOptions(paths=app_paths, rate_backoff_s=0.05))
    languages = LanguageSwitcher(studio.settings)
    languages.apply("zh_CN")
    built = MainWindow(studio, languages)
    qtbot.addWidget(built)
    built.show()
    studio.start(None)  # demo mode: the stand-in plays the provider
    qtbot.waitUntil(lambda: studio.started, timeout=15_000)
    yield built
    built.close()
    languages.apply("en")


def status_texts(window: MainWindow) -> list[str]:
    bar = window.statusBar()
    labels = [label.text() for label in bar.findChildren(QLabel) if label.isVisible()]
    states = [window.queue_view.model.state_text(info) for info in window.studio.queue.jobs()]
    return [bar.currentMessage(), *labels, *states]


def english_in(texts: list[str], server_words: list[str]) -> list[str]:
    found = []
    pattern = allowed()
    for text in texts:
        rest = text
        for words in server_words:
            rest = rest.replace(words, "")
        rest = pattern.sub("", rest)
        if re.search(r"[A-Za-z]", rest):
            found.append(text)
    return found


def generate(window: MainWindow, qtbot: QtBot, prompt: str) -> None:
    editor = window.findChild(QPlainTextEdit, "promptEditor")
    assert editor is not None
    editor.setPlainText(prompt)
    button = window.findChild(QPushButton, "generateButton")
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_status_line_speaks_chinese_through_every_state(
    window: MainWindow, qtbot: QtBot
) -> None:
    standin = window.studio.standin
    assert standin is not None
    seen: list[str] = []
    server_words: list[str] = []
    window.studio.queue.job_changed.connect(lambda *_: seen.extend(status_texts(window)))
    window.statusBar().messageChanged.connect(lambda *_: seen.extend(status_texts(window)))
    seen.extend(status_texts(window))

    generate(window, qtbot, "一只猫")
    qtbot.waitUntil(lambda: window.studio.queue.jobs()[-1].state is JobState.DONE, timeout=20_000)

    failure_lines = []
    # A live model's 5xx (the stand-in failed), then a retired model's (it names the providers).
    for model in ("gpt-image-1", window.parameter_dock.current_request().model):
        window.parameter_dock.request_model.model = model
        standin.add_fault("503")
        generate(window, qtbot, "一只狗")
        qtbot.waitUntil(
            lambda: window.studio.queue.jobs()[-1].state is JobState.FAILED, timeout=20_000
        )
        failed = window.status.last_error
        assert failed is not None and failed.status == 503
        server_words.append(failed.server_message or "")
        failure_lines.append(window.statusBar().currentMessage())

    window.parameter_dock.request_model.model = "gpt-image-1"
    standin.add_fault("429", retry_after=0.2)
    generate(window, qtbot, "一只鸟")
    qtbot.waitUntil(lambda: window.studio.queue.jobs()[-1].state is JobState.DONE, timeout=20_000)
    assert window.status.last_error is not None and window.status.last_error.status == 429
    server_words.append(window.status.last_error.server_message or "")

    assert any("HTTP 429" in text for text in seen), "the rate-limit wait was shown"
    assert "演示：本地模拟服务器" in seen
    assert english_in(seen, [w for w in server_words if w]) == []
    assert "没有计费" in failure_lines[0]  # the stand-in's failure says nothing was billed
