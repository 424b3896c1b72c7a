"""What the first frame does not show is neither imported nor read before it (issue 16, start-up).

A fresh process runs `run_gui()` on a library with a few pictures. At the main window's first
paint it notes which modules are loaded, whether the gallery has rows and whether the parameter
form exists; then, once the window has made what it left for later, that the gallery shows its
pictures and the form its fields.
"""

from __future__ import annotations

from first_paint_child import run_to_first_paint

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import Library
from stepfun_studio.library.samples import fill_library

PICTURES = 3

# Each of these has a first use after the first frame: the API client and its SDKs (the first
# job), the key's keyring (on its own thread), the stand-in (demo mode), asyncio (the worker's
# thread), Pillow (decoding and ingest, on worker threads), downloads, QtNetwork (the server a
# later launch hands its files to, made after the paint), logging.handlers (the rotating log,
# after the paint), importlib.resources (the model table, the icons and the translations are
# read as plain files beside the code), the parameter form and its slots and the detail view's
# picture views and facts (made after the paint), the prompt assistant (its menu fills when it
# opens), the batches (the Batch dialog, a batch's run), the dialogs (opened from the menus),
# and the gallery's context menu, lightbox, compare dialog and organising dialogs (opened by the
# user).
NOT_FOR_THE_FIRST_FRAME = (
    "openai",
    "httpx",
    "keyring",
    "asyncio",
    "PIL",
    "urllib.request",
    "http.client",
    "PySide6.QtNetwork",
    "logging.handlers",
    "importlib.resources",
    "stepfun_studio.standin",
    "stepfun_studio.api.client",
    "stepfun_studio.api.providers.client",
    "stepfun_studio.core.assistant",
    "stepfun_studio.core.batch",
    "stepfun_studio.library.batches",
    "stepfun_studio.ui.parameter_form",
    "stepfun_studio.ui.reference_slot",
    "stepfun_studio.ui.reference_strip",
    "stepfun_studio.ui.size_advice",
    "stepfun_studio.ui.detail_panes",
    "stepfun_studio.ui.detail_info",
    "stepfun_studio.ui.zoomable_image_view",
    "stepfun_studio.ui.about_dialog",
    "stepfun_studio.ui.batch_dialog",
    "stepfun_studio.ui.settings_dialog",
    "stepfun_studio.ui.spend_view",
    "stepfun_studio.ui.clipboard",
    "stepfun_studio.ui.xy_grid_dialog",
    "stepfun_studio.ui.prompt_library_view",
    "stepfun_studio.ui.caption_dialog",
    "stepfun_studio.ui.describe_dialog",
    "stepfun_studio.ui.gallery.organise",
    "stepfun_studio.ui.gallery.compare",
    "stepfun_studio.ui.gallery.context_menu",
    "stepfun_studio.ui.gallery.lightbox",
    "stepfun_studio.ui.library_check",
)

CHILD_BODY = r"""
import logging
from PySide6.QtWidgets import QWidget

def log_rotates():
    kinds = [type(handler).__name__ for handler in logging.getLogger().handlers]
    return "RotatingFileHandler" in kinds

def detail_views(window):
    return window.detail.findChild(QWidget, "detailResultView") is not None

def at_paint(window):
    seen["modules"] = sorted(sys.modules)
    seen["rows_at_paint"] = window.gallery.model.rowCount()
    seen["form_at_paint"] = window.parameter_dock.form_built()
    seen["views_at_paint"] = detail_views(window)
    seen["rotating_at_paint"] = log_rotates()

def finished(window):
    seen["rows_later"] = window.gallery.model.rowCount()
    seen["form_later"] = window.parameter_dock.form_built()
    seen["views_later"] = detail_views(window)
    seen["rotating_later"] = log_rotates()
    return all(seen[name] for name in ("rows_later", "form_later", "views_later", "rotating_later"))
"""


def test_the_first_frame_imports_and_reads_only_what_it_shows(app_paths: AppPaths) -> None:
    library = Library.open(app_paths)
    try:
        fill_library(library, PICTURES)
    finally:
        library.close()
    result = run_to_first_paint(CHILD_BODY)
    loaded = set(result["modules"])
    assert "stepfun_studio.ui.main_window" in loaded  # the list is the real one
    assert sorted(name for name in NOT_FOR_THE_FIRST_FRAME if name in loaded) == []
    # The gallery's list is read after the first frame, the form and the detail view's picture
    # views are made after it too...
    assert result["rows_at_paint"] == 0
    assert result["form_at_paint"] is False
    assert result["views_at_paint"] is False
    assert result["rotating_at_paint"] is False  # the log is written, by a plain handler
    # ...and all are there a moment later.
    assert result["rows_later"] == PICTURES
    assert result["form_later"] is True
    assert result["views_later"] is True
    assert result["rotating_later"] is True
    assert result["code"] == 0
