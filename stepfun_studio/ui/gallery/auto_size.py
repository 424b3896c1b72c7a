"""`AutoCellSize`: thumbnails sized to the grid's width until the user picks a size.

At 2560 px a fixed 176 px cell left most of the grid empty. While the size slider has not been
moved, the cell is the grid's width shared among `AUTO_COLUMNS` (five) columns, kept between the
panel's default and largest sizes and rounded down to the slider's step (so a window being
dragged wider changes the size, and re-decodes thumbnails, only every step, not every pixel);
`GalleryView.set_cell` then spreads the spare pixels so whole columns fill the row. Any other
change of the slider (a drag, the keyboard, Ctrl+wheel, code) is the user's choice and wins
from then on. The work is one division per resize of the view: nothing per row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from stepfun_studio.ui.gallery.panel import GalleryPanel

# How many columns a wide grid aims at: about 270 px cells in a 2560 px window's gallery.
AUTO_COLUMNS = 5


def auto_cell(width: int, smallest: int, largest: int, step: int) -> int:
    """The cell size for a grid `width` px wide: `AUTO_COLUMNS` columns, within the bounds."""
    wanted = max(smallest, min(largest, width // AUTO_COLUMNS))
    return max(smallest, wanted - (wanted - smallest) % step)


class AutoCellSize(QObject):
    """Follows the grid's width with the cell size until the slider is moved."""

    def __init__(self, panel: GalleryPanel, smallest: int, largest: int, step: int) -> None:
        super().__init__(panel)
        self._panel = panel
        self._bounds = (smallest, largest, step)
        self.active = True
        self._size = 0  # the last size set here: the slider moved to any other is the user's
        panel.size_slider.valueChanged.connect(self._on_slider)
        panel.view.resized.connect(self.follow_width)

    def _on_slider(self, value: int) -> None:
        if value != self._size:
            self.active = False  # the user's size wins from now on

    def follow_width(self) -> None:
        if not self.active:
            return
        view = self._panel.view
        width = view.viewport().width()  # the scroll bar is always shown: a stable width
        smallest, largest, step = self._bounds
        # The grid cell is the thumbnail plus its margins: size the thumbnail so cells fit.
        margins = self._panel.delegate.grid_size().width() - self._panel.delegate.cell_size
        cell = auto_cell(width - AUTO_COLUMNS * margins, smallest, largest, step)
        if cell != self._panel.delegate.cell_size:
            self._size = cell
            self._panel.set_thumbnail_size(cell)
