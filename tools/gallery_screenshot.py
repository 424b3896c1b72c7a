"""Renders docs/screenshots/gallery.png: the gallery over a library of drawn sample images.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/gallery_screenshot.py [PATH]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import Library
from stepfun_studio.library.samples import fill_library
from stepfun_studio.ui.gallery.panel import GalleryPanel
from stepfun_studio.ui.theme import Theme

DEFAULT_PATH = Path("docs/screenshots/gallery.png")


def organise(library: Library, ids: list[int]) -> None:
    """Ratings, favourites, a few rejects, tags and collections, as after a culling session."""
    rng = random.Random(3)
    for image_id in ids:
        roll = rng.random()
        if roll < 0.45:
            library.set_rating([image_id], rng.choice((2, 3, 3, 4, 4, 5)))
    newest = ids[-20:]  # the first screen, newest first
    library.set_favourite(rng.sample(newest, 5), True)
    library.set_rejected(rng.sample(newest, 2), True)
    library.add_tags(rng.sample(ids, 12), ["海报"])
    library.add_tags(rng.sample(ids, 8), ["client"])
    for name, size in (("客户提案 Client picks", 14), ("Moodboard 灵感", 22), ("Posters", 9)):
        collection = library.create_collection(name)
        library.add_to_collection(rng.sample(ids, size), collection)


def render(path: Path) -> Path:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    Theme(app, force="dark")
    home = Path(tempfile.mkdtemp(prefix="stepfun-gallery-shot-"))
    library = Library.open(AppPaths.under(home))
    ids = fill_library(library, 64, max_side=512)
    organise(library, ids)
    panel = GalleryPanel()
    panel.resize(1440, 900)
    panel.show()
    panel.set_library(library)
    panel.set_thumbnail_size(192)
    selection = panel.view.selectionModel()
    for row in (1, 2, 8):
        selection.select(panel.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    selection.setCurrentIndex(panel.model.index(2, 0), QItemSelectionModel.SelectionFlag.Select)
    panel.view.setFocus()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        app.processEvents()
        if panel.loader.pending_count() == 0 and all(
            panel.loader.cached(panel.model.image_id(r), 192) is not None
            for r in range(*panel.view.visible_rows())
        ):
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(path))
    panel.shutdown()
    library.close()
    return path


if __name__ == "__main__":
    print(render(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH))
