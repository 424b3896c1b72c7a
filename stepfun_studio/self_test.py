"""`stepfun-studio --self-test`: proves that this build of the app works, end to end, in seconds.

It drives the real main window, offscreen: types a prompt, clicks Generate, and waits until the
job queue reports the image stored. The picture comes from the built-in stand-in (demo mode), so
the test needs no network and no key, and never bills anyone: any `STEPFUN_API_KEY` is ignored.
Everything it writes goes to a temporary STEPFUN_STUDIO_HOME that is deleted afterwards, so the
user's library, settings and keyring are never touched.

It exists for the packaged program above all (`make package` runs it on the bundle): a missing
Qt plugin, data file, translation or lazily imported module shows up here, not on a user's
machine. It prints one line saying what passed and exits 0, or the reason and exits non-zero.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stepfun_studio.core.errors import AppError
from stepfun_studio.core.paths import HOME_VARIABLE, AppPaths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from stepfun_studio.ui.i18n import LanguageSwitcher
    from stepfun_studio.ui.studio import Studio

TIMEOUT_S = 60.0
PROMPT = "self-test: a lighthouse on a cliff at dusk, 灯塔"
# Names a stand-in fault (see stepfun_studio/standin/faults.py) that every request then meets:
# how the tests prove the self-test fails, and says why, when generation breaks.
FAULT_VARIABLE = "STEPFUN_SELF_TEST_FAULT"
# Variables that would send the test to a real server or into the user's own folders.
CLEARED_VARIABLES = ("STEPFUN_API_KEY", "STEPFUN_BASE_URL", "STEPFUN_STUDIO_THEME")


class SelfTestError(Exception):
    """A check did not pass; the message says which and why."""


@dataclass(frozen=True)
class SelfTestReport:
    image_id: int
    size: str
    seed: int
    file_bytes: int
    platform: str
    translations: str
    elapsed_s: float

    def line(self, version: str) -> str:
        return (
            f"StepFun Studio {version} self-test passed: main window opened ({self.platform}), "
            f"Generate made 1 image with the built-in stand-in ({self.size}, seed {self.seed}), "
            f"stored in a temporary library (image #{self.image_id}, {self.file_bytes} bytes), "
            f"{self.translations}, in {self.elapsed_s:.1f} s"
        )


def run_self_test() -> int:
    """Runs the whole check; returns the process exit code."""
    import stepfun_studio

    failed = f"StepFun Studio {stepfun_studio.__version__} self-test FAILED"
    started = time.monotonic()
    with captured_messages() as messages:
        try:
            with isolated_environment():
                report = drive_main_window(started)
            if messages.errors:
                raise SelfTestError(f"the app logged an error: {messages.errors[0]}")
        except SelfTestError as failure:
            _say("\n".join(messages.lines), error=True)
            _say(f"{failed}: {failure}", error=True)
            return 1
        except Exception as error:  # a bug or a broken bundle: say what, never a silent crash
            import traceback

            _say("\n".join([*messages.lines, traceback.format_exc()]), error=True)
            _say(f"{failed}: {type(error).__name__}: {error}", error=True)
            return 2
    _say(report.line(stepfun_studio.__version__))
    return 0


class CapturedMessages(logging.Handler):
    """Keeps the app's log records and Qt's warnings, to be shown only if the test fails; the
    app's errors (not Qt's warnings, which offscreen Qt emits for harmless reasons) fail it."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = f"{record.levelname} {record.name}: {record.getMessage()}"
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.lines.append(text)
        if record.levelno >= logging.ERROR:
            self.errors.append(text)

    def qt_message(self, kind: object, context: object, text: str) -> None:
        self.lines.append(f"Qt {getattr(kind, 'name', kind)}: {text}")


@contextmanager
def captured_messages() -> Iterator[CapturedMessages]:
    from PySide6.QtCore import qInstallMessageHandler

    handler = CapturedMessages()
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(min(previous_level or logging.WARNING, logging.INFO))
    previous_qt = qInstallMessageHandler(handler.qt_message)
    try:
        yield handler
    finally:
        qInstallMessageHandler(previous_qt)
        root.removeHandler(handler)
        root.setLevel(previous_level)


def _say(text: str, *, error: bool = False) -> None:
    # A windowed Windows program has no stdout at all; the console twin is for this.
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(text, file=stream, flush=True)


@contextmanager
def isolated_environment() -> Iterator[Path]:
    """A throwaway home, no key, offscreen Qt; the previous environment is restored after."""
    saved = {name: os.environ.get(name) for name in (*CLEARED_VARIABLES, HOME_VARIABLE)}
    saved_platform = os.environ.get("QT_QPA_PLATFORM")
    with tempfile.TemporaryDirectory(prefix="stepfun-studio-self-test-") as home:
        for name in CLEARED_VARIABLES:
            os.environ.pop(name, None)
        os.environ[HOME_VARIABLE] = home
        # Offscreen unless the caller chose a platform: the test must run on a server with no
        # display and must not flash a window on a desktop.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        try:
            yield Path(home)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
            if saved_platform is None:
                os.environ.pop("QT_QPA_PLATFORM", None)


def drive_main_window(started: float) -> SelfTestReport:
    """Opens the real window on a fresh Studio, generates one image, and checks it was stored."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QPlainTextEdit, QPushButton

    from stepfun_studio.library.database import allow_here
    from stepfun_studio.settings.store import AppSettings
    from stepfun_studio.ui.application import create_application
    from stepfun_studio.ui.i18n import LanguageSwitcher
    from stepfun_studio.ui.main_window import MainWindow
    from stepfun_studio.ui.studio import Studio, StudioOptions
    from stepfun_studio.ui.theme import Theme

    app = create_application([])
    paths = AppPaths.from_environment()
    settings = AppSettings.open(paths)
    theme = Theme(app)
    languages = LanguageSwitcher(settings, app)
    languages.apply("en")  # the one line of output is English whatever the system says
    studio = Studio(StudioOptions(paths=paths))
    window = MainWindow(studio, languages, theme)
    try:
        window.show()
        app.processEvents()
        if not window.isVisible():
            raise SelfTestError("the main window did not open")
        if window.windowIcon().availableSizes() == []:
            raise SelfTestError("the window has no icon: resources/icons is missing")
        studio.start(None)  # no key: demo mode, the built-in stand-in draws the picture
        # The queue reads the last run's jobs off the GUI thread before it takes new ones.
        deadline = time.monotonic() + TIMEOUT_S
        while not studio.started and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.01)
        if not studio.started:
            raise SelfTestError(f"the job queue did not start within {TIMEOUT_S:.0f} s")
        fault = os.environ.get(FAULT_VARIABLE)
        if fault and studio.standin is not None:
            studio.standin.add_fault(fault, times=None)

        prompt = window.findChild(QPlainTextEdit, "promptEditor")
        button = window.findChild(QPushButton, "generateButton")
        if prompt is None or button is None:
            raise SelfTestError("the window has no promptEditor or no generateButton")
        prompt.setPlainText(PROMPT)
        app.processEvents()
        if not button.isEnabled():
            raise SelfTestError(f"Generate is disabled: {button.toolTip()}")

        outcome: dict[str, object] = {}
        loop = QEventLoop()

        def on_ready(job_id: int, image_id: int) -> None:
            outcome["image_id"] = image_id
            loop.quit()

        def on_failed(job_id: int, error: object) -> None:
            outcome["error"] = error
            loop.quit()

        studio.queue.image_ready.connect(on_ready)
        studio.queue.job_failed.connect(on_failed)
        QTimer.singleShot(int(TIMEOUT_S * 1000), loop.quit)
        button.click()
        loop.exec()

        if "error" in outcome:
            raise SelfTestError(f"the job failed: {_describe(outcome['error'])}")
        image_id = outcome.get("image_id")
        if not isinstance(image_id, int):
            raise SelfTestError(f"no image arrived within {TIMEOUT_S:.0f} s")
        settle(window)
        translations = check_translations(window, languages)
        # Checking what was stored, as a test body does: the window's own work is done.
        with allow_here():
            report = check_stored_image(studio, image_id, started, app.platformName(), translations)
    finally:
        window.close()  # closing the window closes the Studio: queue, stand-in, library
        studio.close()
        app.processEvents()
    return report


def settle(window: QWidget) -> None:
    """Lets the gallery draw the new picture and its thumbnail threads finish before the window
    closes, as a person would see it before quitting."""
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

    from stepfun_studio.ui.gallery.thumbnails import ThumbnailLoader

    deadline = QDeadlineTimer(500)
    while not deadline.hasExpired():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    for loader in window.findChildren(ThumbnailLoader):
        loader.wait_idle()
    QCoreApplication.processEvents()


def check_translations(window: QWidget, languages: LanguageSwitcher) -> str:
    """Every catalogue of ours and Qt's own Chinese one are in the build, and switching to
    Chinese reaches the window. Returns what was checked, for the report line."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    from stepfun_studio.ui.i18n import LANGUAGES, translations_dir

    directory = str(translations_dir())
    catalogues: dict[str, QTranslator] = {}
    for code in LANGUAGES:
        translator = QTranslator(window)
        if not translator.load(f"stepfun_studio_{code}", directory):
            raise SelfTestError(f"the {code} translation is missing from {directory}")
        catalogues[code] = translator
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator(window).load("qtbase_zh_CN", qt_translations):
        raise SelfTestError(f"Qt's own Chinese translation is missing from {qt_translations}")
    if catalogues["zh_CN"].isEmpty():
        return "translation files present"  # nothing translated yet, so nothing to see change

    english = visible_texts(window)
    languages.apply("zh_CN")
    QCoreApplication.processEvents()
    chinese = visible_texts(window)
    changed = sum(1 for key, text in english.items() if chinese.get(key, text) != text)
    if changed == 0:
        raise SelfTestError("switched to Chinese, but not one text in the window changed")
    return f"Chinese UI checked ({changed} of {len(english)} texts changed)"


def visible_texts(window: QWidget) -> dict[tuple[str, int], str]:
    """The texts of the window's buttons, labels, menus, actions and docks, by object."""
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QDockWidget, QLabel, QMenu

    found: list[tuple[str, QObject, str]] = []
    found += [("button", b, b.text()) for b in window.findChildren(QAbstractButton)]
    found += [("label", label, label.text()) for label in window.findChildren(QLabel)]
    found += [("action", a, a.text()) for a in window.findChildren(QAction)]
    found += [("menu", m, m.title()) for m in window.findChildren(QMenu)]
    found += [("dock", d, d.windowTitle()) for d in window.findChildren(QDockWidget)]
    texts = {(kind, id(item)): text for kind, item, text in found if text}
    texts[("title", id(window))] = window.windowTitle()
    return texts


def check_stored_image(
    studio: Studio, image_id: int, started: float, platform: str, translations: str
) -> SelfTestReport:
    """The image is in the library's database and on disk, decodes, and is the size recorded,
    and the stand-in was asked exactly once (nothing sent twice)."""
    from PIL import Image

    record = studio.library.get(image_id)
    if record is None:
        raise SelfTestError(f"image #{image_id} was reported stored but is not in the library")
    if record.prompt != PROMPT:
        raise SelfTestError(f"the stored prompt is {record.prompt!r}, not the one typed")
    path = studio.library.original_path(image_id)
    if not path.is_file():
        raise SelfTestError(f"the image file is missing: {path}")
    data = path.read_bytes()
    with Image.open(io.BytesIO(data)) as picture:
        picture.load()
        if picture.size != (record.width, record.height):
            raise SelfTestError(
                f"the stored picture is {picture.size}, the library says "
                f"{(record.width, record.height)}"
            )
    requests = studio.standin.request_count("/generations") if studio.standin else None
    if requests != 1:
        raise SelfTestError(f"the stand-in received {requests} requests for one image")
    return SelfTestReport(
        image_id=image_id,
        size=f"{record.width}x{record.height}",
        seed=record.returned_seed if record.returned_seed is not None else record.seed,
        file_bytes=len(data),
        platform=platform,
        translations=translations,
        elapsed_s=time.monotonic() - started,
    )


def _describe(error: object) -> str:
    if isinstance(error, AppError):
        details = error.details()
        return f"{error.message} ({details})" if details else error.message
    return str(error)
