"""The app icon at every size it was drawn at (resources/icons, made by make_icons.py).

Its own small module: the application sets the icon before the first paint, and the About
dialog's module (versions, platform, metadata) is not needed for that.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

ICON_STEM = "stepfun-studio"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icons_folder() -> Path | None:
    """The package's icons folder, found without importlib.resources (a few ms to import on the
    way to the window); None inside a zip (a frozen bundle)."""
    spec = importlib.util.find_spec("stepfun_studio.resources")
    places = list(spec.submodule_search_locations or []) if spec is not None else []
    return next((Path(p) / "icons" for p in places if (Path(p) / "icons").is_dir()), None)


def application_icon() -> QIcon:
    """Files are added by path, so Qt reads only the size a window actually asks for, when it
    asks: setting the icon costs nothing on the way to the first painted window."""
    icon = QIcon()
    folder = icons_folder()
    if folder is not None:
        for size in ICON_SIZES:
            entry = folder / f"{ICON_STEM}-{size}.png"
            if entry.is_file():
                icon.addFile(str(entry), QSize(size, size))
        return icon
    # Inside a zip (a frozen bundle): no path to hand to Qt, so decode now.
    from importlib import resources

    icons = resources.files("stepfun_studio.resources") / "icons"
    for size in ICON_SIZES:
        packed = icons / f"{ICON_STEM}-{size}.png"
        if packed.is_file():
            pixmap = QPixmap()
            pixmap.loadFromData(packed.read_bytes(), "PNG")
            icon.addPixmap(pixmap)
    return icon
