"""`Lightbox`: what Space opens over the window: one picture fitted large, a filmstrip below.

It covers the whole window, follows the gallery's current row (so it walks the gallery's query
order), and keeps the photographer's keys: Left/Right move, 0-5 rate, F favourite, X reject,
Delete trashes, Enter opens, Space or Escape closes; a click on the filmstrip jumps.

Nothing is read or decoded on the GUI thread: the filmstrip's cells come from the gallery's
`ThumbnailLoader`, and the large picture is first the grid's thumbnail (already cached), then the
original, decoded to the size shown on the gallery's lister thread (`LibraryReads`), with the
next and previous pictures read ahead so stepping through a series is instant.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from stepfun_studio.ui.gallery.delegate import thumbnail_pixels
from stepfun_studio.ui.gallery.filmstrip import Filmstrip, fitted
from stepfun_studio.ui.gallery.view import CULLING_KEYS
from stepfun_studio.ui.image_decoding import decode
from stepfun_studio.ui.library_reads import LibraryReads
from stepfun_studio.ui.timers import single_shot

if TYPE_CHECKING:
    from stepfun_studio.ui.gallery.panel import GalleryPanel

# Decoded originals kept: the one shown and a couple either side (a few tens of MB at most).
KEPT_ORIGINALS = 5
TOP_BAR = 36
CAPTION = 44
RESIZE_QUIET_MS = 150
MOVES = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -10,
    Qt.Key.Key_PageDown: 10,
}
CLOSING = {Qt.Key.Key_Space, Qt.Key.Key_Escape}
# The grid's culling keys (its Space, which opens the lightbox, closes it here), all taken with
# no modifier; the rest go to the grid.
KEYS = CULLING_KEYS | MOVES.keys() | CLOSING


class Lightbox(QWidget):
    """The full-window view of the gallery's current picture; see the module docstring."""

    closed = Signal()
    key_forwarded = Signal(QKeyEvent)  # keys the lightbox leaves to the grid (Enter, Ctrl+Z)

    def __init__(self, panel: GalleryPanel) -> None:
        super().__init__(panel)
        self.setObjectName("galleryLightbox")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._panel = panel
        self._row = -1
        self._shown_id: int | None = None
        # image id -> (decoded original, whether it was scaled down to fit)
        self._originals: OrderedDict[int, tuple[QPixmap, bool]] = OrderedDict()
        self._reads = LibraryReads(self)
        self.filmstrip = Filmstrip(panel.loader, panel.model.image_id, self)
        self.filmstrip.row_clicked.connect(self.go_to_row)
        self._resize_timer = single_shot(self, RESIZE_QUIET_MS, self._reload_if_too_small)
        # Bound methods, not lambdas: Qt drops them with the lightbox (it may outlive the panel
        # as a child of the window, or the other way round).
        panel.view.selectionModel().currentChanged.connect(self.refresh)
        panel.loader.thumbnail_ready.connect(self._on_thumbnail)
        self.hide()

    # -- showing ---------------------------------------------------------------------------

    @property
    def shown_id(self) -> int | None:
        return self._shown_id if self.isVisible() else None

    def toggle(self) -> None:
        if self.isVisible():
            self.close_lightbox()
        else:
            self.show_current()

    def refresh(self, *_current_and_previous: object) -> None:
        """Follow the gallery's current picture, if open."""
        if self.isVisible():
            self.show_current()

    def show_current(self) -> None:
        """Open on (or move to) the gallery's current picture."""
        panel = self._panel
        row = panel.view.currentIndex().row()
        if row < 0 or panel.library is None or row >= panel.model.rowCount():
            self.close_lightbox()
            return
        image_id = panel.model.image_id(row)
        moved = (row, image_id) != (self._row, self._shown_id) or not self.isVisible()
        self._row, self._shown_id = row, image_id
        if not self.isVisible():
            self._cover_window()
        self.filmstrip.set_rows(row, panel.model.rowCount())
        if moved:
            self._read_around(row)
        self.update()

    def shutdown(self) -> None:
        """Stops its reader for good (the library is about to close)."""
        self._reads.shutdown()

    def close_lightbox(self) -> None:
        was_open = self.isVisible()
        self.hide()
        self._reads.cancel_all()
        if was_open:
            self.closed.emit()

    def go_to_row(self, row: int) -> None:
        """Make `row` the gallery's current (and only selected) picture; the lightbox follows."""
        model = self._panel.model
        if model.rowCount():
            self._panel.make_current(model.index(max(0, min(model.rowCount() - 1, row)), 0))

    def _cover_window(self) -> None:
        window = self._panel.window()
        if self.parentWidget() is not window:
            self.setParent(window)
            window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

    # -- reading the originals -----------------------------------------------------------------

    def picture_rect(self) -> QRect:
        return self.rect().adjusted(24, TOP_BAR, -24, -(self.filmstrip.height() + CAPTION))

    def _bound(self) -> QSize:
        physical = self.picture_rect().size().toSizeF() * self.devicePixelRatioF()
        return physical.toSize().expandedTo(QSize(1, 1))

    def _read_around(self, row: int) -> None:
        """Read the shown original, then the next and the previous, dropping older requests."""
        library = self._panel.library
        if library is None:
            return
        self._reads.cancel_all()
        bound, count = self._bound(), self._panel.model.rowCount()
        for near in (r for r in (row, row + 1, row - 1) if 0 <= r < count):
            image_id = self._panel.model.image_id(near)
            if image_id in self._originals:
                self._originals.move_to_end(image_id)
                continue

            def read(image_id: int = image_id) -> QImage:  # on the worker: the path is a query
                return decode(library.original_path(image_id), bound)

            self._reads.submit(
                read,
                functools.partial(self._on_original, image_id, bound),
                f"reading the original of image {image_id}",
            )

    def _on_original(self, image_id: int, bound: QSize, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image)  # null for a file missing or unreadable
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        # Scaled down, it touches `bound` on one side (to the pixel): a larger window reads again.
        scaled = image.width() >= bound.width() - 1 or image.height() >= bound.height() - 1
        self._originals[image_id] = (pixmap, scaled)
        while len(self._originals) > KEPT_ORIGINALS:
            self._originals.popitem(last=False)
        if image_id == self._shown_id:
            self.update()

    def is_loading(self) -> bool:
        return self._reads.busy()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.filmstrip.setGeometry(
            0, self.height() - self.filmstrip.height(), self.width(), self.filmstrip.height()
        )
        if self.isVisible():
            self._resize_timer.start()

    def _reload_if_too_small(self) -> None:
        """After the window grew, read the shown picture again if it was decoded smaller."""
        found = self._originals.get(self._shown_id) if self._shown_id is not None else None
        if found is None or not found[1]:
            return
        size, bound = found[0].size(), self._bound()
        if size.width() < bound.width() * 0.9 and size.height() < bound.height() * 0.9:
            self._originals.clear()
            self._read_around(self._row)

    def _on_thumbnail(self, image_id: int, _size_px: int) -> None:
        if image_id == self._shown_id and image_id not in self._originals and self.isVisible():
            self.update()

    # -- keys ------------------------------------------------------------------------------

    def _handles(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return modifiers == Qt.KeyboardModifier.NoModifier and event.key() in KEYS

    def event(self, event: QEvent) -> bool:
        # The window's shortcuts must not take the lightbox's keys while it is open.
        overridden = event.type() == QEvent.Type.ShortcutOverride
        if overridden and isinstance(event, QKeyEvent) and self._handles(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handles(event):
            self.key_forwarded.emit(event)
            return
        key = Qt.Key(event.key())
        if key in CLOSING:
            self.close_lightbox()
        elif key in MOVES:
            self.go_to_row(self._row + MOVES[key])
        elif self._shown_id is not None:
            # The culling keys act on the picture shown, whatever else the grid has selected.
            self._panel.cull(key, [self._shown_id])
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if delta := event.angleDelta().y():
            self.go_to_row(self._row + (-1 if delta > 0 else 1))
        event.accept()

    # -- painting --------------------------------------------------------------------------

    def _picture(self) -> QPixmap | None:
        """The decoded original, else the largest thumbnail the loader has cached."""
        image_id, loader = self._shown_id, self._panel.loader
        if image_id is None:
            return None
        if image_id in self._originals:
            return self._originals[image_id][0]
        grid_px = thumbnail_pixels(self._panel.delegate.cell_size, self.devicePixelRatioF())
        cached = loader.cached(image_id, grid_px)
        return cached if cached is not None else loader.cached(image_id, self.filmstrip.size_px())

    def caption(self) -> str:
        shown = self._shown_id
        summary = None if shown is None else self._panel.model.cached_summary(shown)
        if summary is None:
            return ""
        marks = "★" * summary.rating + "☆" * (5 - summary.rating)
        if summary.favourite:
            marks += "  ♥"
        if summary.rejected:
            marks += "  " + self.tr("Rejected")
        return f"{marks}   {summary.prompt}"

    def position_text(self) -> str:
        return self.tr("{index} of {count}").format(
            index=f"{self._row + 1:,}", count=f"{self._panel.model.rowCount():,}"
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(12, 12, 14))  # opaque: nothing of the window behind
        area = self.picture_rect()
        pixmap = self._picture()  # null only for an original missing or unreadable
        if pixmap is not None and not pixmap.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawPixmap(fitted(pixmap, area.toRectF()).toRect(), pixmap)
        painter.setPen(QColor(230, 230, 235))
        centre = int(Qt.AlignmentFlag.AlignCenter)
        if pixmap is not None and pixmap.isNull():
            painter.drawText(area, centre, self.tr("The original file is missing."))
        caption = QRect(24, area.bottom() + 1, self.width() - 48, CAPTION)
        text = painter.fontMetrics().elidedText(
            self.caption(), Qt.TextElideMode.ElideRight, caption.width()
        )
        painter.drawText(caption, centre, text)
        top = QRect(24, 0, self.width() - 48, TOP_BAR)
        middle = int(Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(top, middle | int(Qt.AlignmentFlag.AlignLeft), self.position_text())
        painter.setPen(QColor(160, 160, 168))
        hint = self.tr("← → move · 0–5 rate · F favourite · X reject · Esc close")
        painter.drawText(top, middle | int(Qt.AlignmentFlag.AlignRight), hint)
        painter.end()
