"""Saves screenshots of the real main window to docs/screenshots/ (light/dark, English/Chinese).

Runs the app's own window in demo mode against the built-in stand-in, in a throwaway home,
generates a few pictures so the gallery and the queue have something to show, then grabs the
window once per scheme and language.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/take_screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"

PROMPTS = (
    "采菊东篱下，悠然见南山。田园风格，水墨质感，淡雅色调",
    "a lighthouse on a cliff at dusk, warm light, oil painting",
    "a red fox in fresh snow, morning light, photograph",
    "cyberpunk street market in the rain, neon signs",
    "a bowl of ramen, studio lighting, top view",
    "watercolor hills with cherry blossoms",
)


def main() -> int:
    """One process per language, so every widget is built in it (as at a real start)."""
    home = Path(tempfile.mkdtemp(prefix="studio-shots-"))
    for language in ("en", "zh_CN"):
        subprocess.run([sys.executable, __file__, str(home), language], check=True)
    return 0


def shoot(home: Path, language: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["STEPFUN_STUDIO_HOME"] = str(home)
    for variable in ("STEPFUN_API_KEY", "OPENAI_API_KEY", "ARK_API_KEY", "SILICONFLOW_API_KEY"):
        os.environ.pop(variable, None)
    sys.path.insert(0, str(ROOT))

    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from stepfun_studio.core.paths import AppPaths
    from stepfun_studio.core.request import GenerationRequest
    from stepfun_studio.library.records import ImageQuery
    from stepfun_studio.ui.application import create_application
    from stepfun_studio.ui.i18n import LanguageSwitcher
    from stepfun_studio.ui.main_window import MainWindow
    from stepfun_studio.ui.studio import Studio, StudioOptions
    from stepfun_studio.ui.theme import Theme

    app = create_application([])
    app.setFont(QFont(["Noto Sans", "DejaVu Sans", "WenQuanYi Micro Hei"], 10))
    theme = Theme(app, force="light")
    languages = LanguageSwitcher()
    languages.apply(language)
    studio = Studio(StudioOptions(paths=AppPaths.from_environment(), per_minute=100))
    # The first-start chooser has its own shot below; the window opens as on a later start.
    studio.settings.update(provider_chosen=True, default_provider="openai")
    window = MainWindow(studio, languages, theme)
    window.resize(2240, 1200)
    window.show()
    studio.start(None)

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    # The queue restores its jobs off the GUI thread; submissions wait for that.
    while not studio.started:
        pump(0.05)
    first_run = studio.library.count(ImageQuery()) == 0
    if first_run:
        # The empty library says what to do (issue 15): the first language's run sees it.
        window.resize(1366, 768)
        pump(1.0)
        path = OUT / f"empty-library-light-{language}.png"
        window.grab().save(str(path))
        print(path.relative_to(ROOT))
        window.resize(2240, 1200)
    for index, prompt in enumerate(PROMPTS if first_run else ()):
        model, provider, size = MODELS[index % len(MODELS)]
        request = GenerationRequest(
            prompt=prompt, provider=provider, model=model, size=size, steps=20, cfg_scale=7.0
        )
        studio.queue.submit(request.with_changes(n=2))
    deadline = time.monotonic() + 90
    while studio.queue.active_count() and time.monotonic() < deadline:
        pump(0.1)
    window.prompt_editor.set_prompt(PROMPTS[0] if language == "zh_CN" else PROMPTS[1])
    newest = studio.library.query_ids(ImageQuery(), 0, 1)
    if newest:
        window.detail.show_image(newest[0])
    pump(1.0)

    OUT.mkdir(parents=True, exist_ok=True)

    def save(widget: Any, name: str) -> None:
        path = OUT / f"{name}-{language}.png"
        widget.grab().save(str(path))
        print(path.relative_to(ROOT))

    for scheme in ("light", "dark"):
        theme.force(scheme)
        pump(0.6)
        save(window, f"main-window-{scheme}")
    # The smallest screen we design for, a 1366 x 768 laptop: every provider's dock, the
    # Providers page, the Spend view and the first-start chooser, light and dark.
    window.resize(1366, 768)
    # A search that matches nothing: the message and the way back.
    theme.force("dark")
    window.gallery.search.setText("zz-no-such-picture")
    pump(1.5)
    save(window, "no-match-dark")
    window.gallery.search.setText("")
    pump(1.0)
    for scheme in ("light", "dark"):
        theme.force(scheme)
        pump(0.6)
        if scheme == "light":
            save(window, "main-window-laptop")
        shoot_docks(window, studio, pump, lambda name, s=scheme: save(window, f"{name}-{s}"))
        shoot_dialogs(
            window, studio, pump, lambda widget, name, s=scheme: save(widget, f"{name}-{s}")
        )
    theme.force("light")
    shoot_gallery(window, studio, pump, save, language)
    __import__("tools.shots.bg", fromlist=["shoot"]).shoot(window, studio, pump, save, language)
    from tools.shots.spool import shoot as shoot_quit  # quitting with pictures on their way

    shoot_quit(window, studio, pump, save, language)
    from tools.shots import journal

    journal.shoot(window, studio, pump, save, language)  # File ▸ Check Library…
    from tools.shots.grid import shoot as shoot_grid  # the job placeholder cell (issue 14)

    shoot_grid(window, studio, pump, save, language)
    from tools.shots.loop import shoot as shoot_loop

    shoot_loop(window, studio, pump, save, language)
    from tools.shots.batch import shoot as shoot_batch

    shoot_batch(window, studio, pump, save, language)
    from tools.shots import xy as xy_shots

    xy_shots.shoot(window, studio, pump, save, theme=theme, language=language)
    xy_shots.shoot_assistant(window, studio, pump, save, theme=theme, language=language)
    window.close()
    QApplication.processEvents()
    return 0


# Pictures for the gallery, the detail view and the Spend view: several providers, so the
# provider filter, the costs and the per-provider sums have something to show.
MODELS = (
    ("gpt-image-1", "openai", "1024x1024"),
    ("doubao-seedream-4-0-250828", "ark", "2048x2048"),
    ("Kwai-Kolors/Kolors", "siliconflow", "1024x1024"),
    ("step-2x-large", "stepfun", "1024x1024"),
)


def shoot_docks(
    window: Any, studio: Any, pump: Callable[[float], None], save: Callable[[str], None]
) -> None:
    """The whole window with the dock set to one model of each kind (references included)."""
    from stepfun_studio.core.request import ReferenceImage
    from stepfun_studio.library.records import ImageQuery

    dock = window.parameter_dock
    before = dock.current_request()
    pictures = []
    for image_id in studio.library.query_ids(ImageQuery(), 0, 3):
        record = studio.library.get(image_id)
        data = studio.library.original_path(image_id).read_bytes()
        pictures.append(
            ReferenceImage(data, "image/png", record.width, record.height, name=f"{image_id}.png")
        )
    shots = (
        ("dock-gpt-image", "gpt-image-1", "1024x1536", "a lighthouse at dusk, oil painting", ()),
        (
            "dock-seedream-references",
            "doubao-seedream-4-5-251128",
            "2K",
            "the boat from picture 1 on the hills of picture 3",
            tuple(pictures),
        ),
        ("dock-siliconflow", "Kwai-Kolors/Kolors", "960x1280", "a red fox in fresh snow", ()),
    )
    for name, model, size, prompt, references in shots:
        request = before.with_changes(model=model, size=size, prompt=prompt, n=2, seed=0)
        dock.apply_request(request.with_changes(steps=20) if "Kolors" in model else request)
        dock.request_model.references = references
        dock.set_negative_prompt("blurry, text" if "Kolors" in model else "")
        pump(0.6)
        save(name)
    # The overlay for a picture dropped while a source is set (issue 15: only what combines).
    from stepfun_studio.ui.image_drop import DropPayload, PayloadKind

    dock.apply_request(before.with_changes(model="step-1x-medium", source=pictures[0]))
    pump(0.6)
    window.drops.offer(DropPayload(PayloadKind.RAW, raw=pictures[1].data, name="sunset.png"))
    pump(0.6)
    save("drop-overlay-source-set")
    window.drops.overlay.cancel()
    dock.apply_request(before)
    pump(0.3)


def shoot_dialogs(
    window: Any, studio: Any, pump: Callable[[float], None], save: Callable[[Any, str], None]
) -> None:
    """Settings ▸ Providers, the Spend view and the first-start provider chooser."""
    from stepfun_studio.ui.provider_chooser import ProviderChooser
    from stepfun_studio.ui.spend_view import show_spend_view

    window.show_settings()
    dialog = window._settings_dialog
    dialog.tabs.setCurrentWidget(dialog.providers)
    dialog.providers.select("openai")
    pump(0.6)
    save(dialog, "settings-providers")
    dialog.reject()
    spend = show_spend_view(window, studio.library)
    pump(1.5)
    save(spend, "spend-view")
    spend.close()
    chooser = ProviderChooser(studio.settings.values.model_table(), window)
    chooser.show()
    pump(0.6)
    save(chooser, "first-start-chooser")
    chooser.close()
    chooser.deleteLater()
    pump(0.2)


def grab_modal(pump: Callable[[float], None], save: Callable[[Any, str], None], name: str) -> None:
    """Saves the modal dialog a static QInputDialog/QMessageBox call is showing, then closes it.

    Called through a timer from inside the dialog's own event loop, so the dialogs are shot
    exactly as the gallery opens them.
    """
    from PySide6.QtWidgets import QApplication, QDialog

    dialog = QApplication.activeModalWidget()
    if dialog is None:
        print(f"{name}: no dialog to grab", file=sys.stderr)
        return
    pump(0.4)
    save(dialog, name)
    if isinstance(dialog, QDialog):
        dialog.reject()
    else:
        dialog.close()


def shoot_gallery(
    window: Any,
    studio: Any,
    pump: Callable[[float], None],
    save: Callable[[Any, str], None],
    language: str,
) -> None:
    """Light theme: the grid's context menu, the Tags / Note / Check library dialogs, the
    lightbox, and the whole window at 2560 x 1440 (issue 15)."""
    from PySide6.QtCore import QItemSelectionModel, QTimer

    from stepfun_studio.library.records import ImageQuery
    from stepfun_studio.ui.gallery import organise
    from stepfun_studio.ui.gallery.context_menu import build_context_menu

    gallery = window.gallery
    ids = studio.library.query_ids(ImageQuery(), 0, 4)
    if ids and not studio.library.list_tags():
        # Tags, so the Tags dialog lists the known ones as it does in a used library.
        studio.library.add_tags(ids[:2], ["sunset", "风景", "draft"])
    window.resize(1600, 1000)
    gallery.refresh()
    pump(1.0)
    selection = gallery.view.selectionModel()
    selection.setCurrentIndex(
        gallery.model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    pump(0.4)
    rect = gallery.view.visualRect(gallery.model.index(1, 0))
    menu = build_context_menu(gallery, gallery)
    menu.popup(gallery.view.viewport().mapToGlobal(rect.center()))
    pump(0.6)
    save(menu, "gallery-context-menu-light")
    menu.close()
    menu.deleteLater()
    current = gallery.current_id()
    if current is not None:
        # The user's own words, in the language of the shot.
        note = "留着打印，下次试试更暖的光。" if language == "zh_CN" else "Keep for the print."
        studio.library.set_note(current, note)
    for name, open_dialog in (
        ("gallery-tags-dialog-light", lambda: organise.edit_tags(gallery, [current])),
        ("gallery-note-dialog-light", lambda: gallery.edit_note(current)),
    ):
        QTimer.singleShot(300, lambda n=name: grab_modal(pump, save, n))
        open_dialog()
        pump(0.2)
    gallery.view.setFocus()
    gallery.preview.toggle()
    lightbox = gallery.preview
    deadline = time.monotonic() + 10
    while (lightbox.is_loading() or not lightbox.isVisible()) and time.monotonic() < deadline:
        pump(0.1)
    pump(0.6)
    save(window, "lightbox-light")
    gallery.preview.toggle()
    window.resize(2560, 1440)
    pump(1.5)
    save(window, "main-window-2560-light")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        raise SystemExit(shoot(Path(sys.argv[1]), sys.argv[2]))
    raise SystemExit(main())
