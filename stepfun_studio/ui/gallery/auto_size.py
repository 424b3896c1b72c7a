"""`auto_cell`: thumbnails sized to the grid's width until the user picks a size.

At 2560 px a fixed 176 px cell left most of the grid empty. While the size slider has not been
moved, the cell is the grid's width shared among `AUTO_COLUMNS` (five) columns, kept between the
panel's default and largest sizes and rounded down to the slider's step (so a window being
dragged wider changes the size, and re-decodes thumbnails, only every step, not every pixel);
`GalleryView.set_cell` then spreads the spare pixels so whole columns fill the row. Any other
change of the slider (a drag, the keyboard, Ctrl+wheel, code) is the user's choice and wins
from then on (`GalleryPanel.auto_size` is None). The work is one division per resize of the
view: nothing per row.
"""

from __future__ import annotations

# How many columns a wide grid aims at: about 270 px cells in a 2560 px window's gallery.
AUTO_COLUMNS = 5


def auto_cell(width: int, smallest: int, largest: int, step: int) -> int:
    """The cell size for a grid `width` px wide: `AUTO_COLUMNS` columns, within the bounds."""
    wanted = max(smallest, min(largest, width // AUTO_COLUMNS))
    return max(smallest, wanted - (wanted - smallest) % step)
