"""`run_gui(argv)`: start the app: Qt, look, language, crash handler, window, then the services.

The window is shown first and the rest (the key, the stand-in server in demo mode, the job queue)
starts on the first turn of the event loop, so the first paint never waits for the keyring, the
network or the openai import. The library opens on a worker meanwhile (`Studio`); one that cannot
be opened is explained in a dialog and the app stops. An unexpected exception is logged and
shown in a dialog instead of ending the app silently.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from stepfun_studio.core.errors import AppError
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.redaction import redact
from stepfun_studio.library.database import allow_here, forbid_thread
from stepfun_studio.ui.gui_thread_gc import GuiThreadGarbageCollector

if TYPE_CHECKING:
    from stepfun_studio.ui.main_window import MainWindow

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_excepthook(parent: Callable[[], QWidget | None]) -> ExceptHook:
    """Logs any uncaught exception and tells the user in words; returns the hook installed."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        text = redact("".join(traceback.format_exception(kind, error, tb)))
        log.error("uncaught exception:\n%s", text)
        if showing or QApplication.instance() is None:
            return
        showing = True  # one dialog at a time, even if the dialog's own loop raises again
        try:
            box = QMessageBox(parent())
            box.setObjectName("crashDialog")
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(QCoreApplication.translate("Application", "Something went wrong"))
            box.setText(
                QCoreApplication.translate(
                    "Application",
                    "StepFun Studio met an unexpected problem ({kind}). Your library and queue "
                    "are safe; you can keep working. The details were written to the log.",
                ).format(kind=kind.__name__)
            )
            box.setDetailedText(text)
            box.exec()
        finally:
            showing = False

    sys.excepthook = hook
    return hook


def paint_on_one_thread() -> None:
    """Keeps Qt from splitting fills and image conversions over its pool of GUI threads.

    Qt hands each piece of a fill taller than ~96 lines to its pool and waits for them all. A
    grid cell or a thumbnail is small work: on a busy two-core machine the GUI thread then waited
    for pool threads to be scheduled (frames of a fast scroll lost several ms), and rounding a
    thumbnail's corners took 4 times the CPU and 20 times as long. Call before Qt's first paint.
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def create_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    paint_on_one_thread()
    QApplication.setApplicationName("StepFun Studio")
    QApplication.setOrganizationName("StepFun Studio")
    QApplication.setApplicationDisplayName("StepFun Studio")
    # Wayland and the desktop match windows to packaging/linux/<id>.desktop (icon, name) by this.
    QApplication.setDesktopFileName("io.github.stepfun_studio.StepFunStudio")
    app = QApplication([sys.argv[0] if sys.argv else "stepfun-studio", *argv])
    from stepfun_studio.ui.app_icon import application_icon

    app.setWindowIcon(application_icon())
    app.aboutToQuit.connect(_release_private_clipboard)
    GuiThreadGarbageCollector(app)
    # From here on the library refuses app code's queries on this thread (the window would
    # freeze on a locked or slow disk): they go through `ui.background`.
    forbid_thread(threading.get_ident())
    return app


def _release_private_clipboard() -> None:
    # Imported at quit: the clipboard's module reads drops (urllib and all), which the first
    # frame does not need.
    from stepfun_studio.ui.clipboard import release_private_clipboard

    release_private_clipboard()


def folder_problem(error: OSError) -> str:
    """What to tell a person whose data folders cannot be made or written."""
    where = error.filename or ""
    return QCoreApplication.translate(
        "Application",
        "StepFun Studio cannot write its folder {path} ({reason}). Make the folder writable, "
        "free some space, or point STEPFUN_STUDIO_HOME at a folder you can write to.",
    ).format(path=where, reason=error.strerror or type(error).__name__)


def refuse_start(message: str) -> int:
    """Says why the app cannot start, on stderr and in a dialog, and returns the exit status."""
    title = QCoreApplication.translate("Application", "StepFun Studio cannot start")
    print(f"{title}: {message}", file=sys.stderr)
    QMessageBox.critical(None, title, message)
    return 1


def cannot_open_library(error: BaseException, window: list[QWidget]) -> None:
    """The library, opened while the window painted, cannot be opened: say why, and stop,
    rather than leave a window that cannot keep anything."""
    if isinstance(error, AppError):
        message = error.message
    elif isinstance(error, OSError):
        message = folder_problem(error)
    else:  # a bug; the log has its traceback (`Studio._on_library_failed`)
        message = f"{type(error).__name__}: {redact(str(error))}"
    for widget in window:
        widget.hide()
    code = refuse_start(message)
    QCoreApplication.exit(code)


def open_files(main: MainWindow, files: list[str]) -> None:
    """Brings the window forward and offers the drop choices for files given on launch."""
    from stepfun_studio.ui.image_drop import DropPayload, PayloadKind

    if main.isMinimized():
        main.showNormal()
    main.raise_()
    main.activateWindow()
    if files:
        main.drops.offer(
            DropPayload(kind=PayloadKind.FILES, paths=tuple(Path(name) for name in files))
        )


def run_gui(argv: list[str]) -> int:
    app = create_application(argv)

    from stepfun_studio.settings.logs import rotate_from_now, setup_logging
    from stepfun_studio.ui.i18n import LanguageSwitcher
    from stepfun_studio.ui.main_window import MainWindow
    from stepfun_studio.ui.single_instance import InstanceServer, files_in, hand_over, server_name
    from stepfun_studio.ui.studio import Studio, StudioOptions
    from stepfun_studio.ui.theme import Theme

    paths = AppPaths.from_environment()
    instance_name = server_name(paths.data_dir)
    files = files_in(argv)
    if hand_over(instance_name, files):
        # A window on this library is already open: it shows the drop choices for the files.
        return 0
    try:
        setup_logging(paths, rotate_later=True)  # rotate_from_now() after the first paint
        studio = Studio(StudioOptions(paths=paths))
    except AppError as error:
        # Something below the window refused to start: say why and stop. (The library is
        # opened while the window paints: `cannot_open_library` speaks for it.)
        log.error("cannot start: %r", error)
        return refuse_start(error.message)
    except OSError as error:
        # A read-only home, or STEPFUN_STUDIO_HOME naming a file: the log cannot even be
        # opened, so this reaches stderr and the dialog only.
        return refuse_start(folder_problem(error))
    window: list[QWidget] = []
    studio.library_failed.connect(lambda error: cannot_open_library(error, window))
    studio.apply_limits()
    scheme = os.environ.get("STEPFUN_STUDIO_THEME") or studio.settings.values.theme
    theme = Theme(app, force=None if scheme == "system" else scheme)
    languages = LanguageSwitcher(studio.settings, app)
    languages.apply(languages.saved_or_system())
    install_excepthook(lambda: window[0] if window else None)

    main = MainWindow(studio, languages, theme)
    window.append(main)
    main.show()
    if files:
        QTimer.singleShot(0, lambda: open_files(main, files))

    def listen_for_later_launches() -> None:
        # A child of the window, so it lives as long as the window does.
        instance = InstanceServer(instance_name, main)
        instance.files_received.connect(lambda handed: open_files(main, handed))

    # After the first paint and what the window makes after it: the server later launches hand
    # their files to (QtNetwork is no part of the first frame), the rotating log, the key (the
    # keyring may take a moment), then the queue; then what start-up made lives as long as the
    # app: out of the collector's sight.
    main.run_after_first_paint(
        listen_for_later_launches,
        rotate_from_now,
        main.start_studio,
        GuiThreadGarbageCollector.freeze_long_lived,
    )
    try:
        return app.exec()
    finally:
        # The event loop has ended: nothing is left to freeze, and the last writes must finish.
        with allow_here():
            main.shutdown()
