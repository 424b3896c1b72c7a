"""`GalleryDelegate`: paints a grid cell: thumbnail, stars, favourite, rejected, reference badges.

No widgets per cell: everything is drawn here from the model's `ImageSummary` and the loader's
pixmap cache. A missing pixmap is requested from the `ThumbnailLoader` and a placeholder drawn;
the panel repaints the cell when the picture arrives.

Scrolling paints a whole screen of new cells per frame from Python, so the parts that repeat
(the rounded cell background, the stars strip, the pills) are drawn once into small pixmaps and
stamped after that: one `drawPixmap` instead of antialiased paths and text per cell.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from stepfun_studio.library.records import ImageSummary
from stepfun_studio.ui.gallery.model import ImageIdRole, SummaryRole
from stepfun_studio.ui.gallery.placeholders import paint_placeholder
from stepfun_studio.ui.gallery.thumbnails import ThumbnailLoader
from stepfun_studio.ui.gallery.view import AnyIndex

MARGIN = 4
PADDING = 6
RADIUS = 6.0
STAR_GOLD = QColor("#f5c342")
FAVOURITE_RED = QColor("#ff4d6d")
REJECT_RED = QColor("#e5484d")
BADGE_BLUE = QColor("#3e8ef7")
BADGE_VIOLET = QColor("#9b6cf2")
# Cached stamps: a few per cell size and state, and marks per picture size (aspect ratio).
STAMP_CACHE_LIMIT = 512
# A job's placeholder cell: its progress share (None: waiting) and words.
Progress = Callable[[int], tuple[float | None, str]]
Draw = Callable[[QPainter, QRectF], None]  # paints a stamp, given its rectangle


def thumbnail_pixels(cell: int, device_pixel_ratio: float) -> int:
    """The physical pixel size asked of the loader: sharp on high-DPI screens."""
    return max(16, round(cell * device_pixel_ratio))


class GalleryDelegate(QStyledItemDelegate):
    def __init__(self, loader: ThumbnailLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self.cell_size = 160  # set_cell_size changes it (and drops the stamps)
        self._source_text = self.tr("SRC")
        self._style_text = self.tr("STYLE")
        self._stamps: dict[tuple[object, ...], QPixmap] = {}
        # The panel hands in `JobPlaceholders.progress`.
        self.placeholder_progress: Progress = lambda _job: (None, "")

    def set_cell_size(self, size: int) -> None:
        self.cell_size = size
        self._stamps.clear()

    def grid_size(self) -> QSize:
        side = self.cell_size + 2 * (MARGIN + PADDING)
        return QSize(side, side)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        # No copy and no initStyleOption: that asks the model for a dozen roles per cell
        # through Python, and nothing here draws what they answer.
        state, content = option.state, (index.data(ImageIdRole), index.data(SummaryRole))
        flags = (
            bool(state & QStyle.StateFlag.State_Selected),
            bool(state & QStyle.StateFlag.State_MouseOver),
            bool(state & QStyle.StateFlag.State_HasFocus),
        )
        look = (option.palette, painter.device().devicePixelRatioF())  # Qt's drag pixmap's
        self.paint_cell(painter, option.rect, look, content, flags)

    def paint_cell(
        self,
        painter: QPainter,
        rect: QRect,
        look: tuple[QPalette, float],
        content: tuple[int, ImageSummary | None],
        flags: tuple[bool, bool, bool],
    ) -> None:
        """One cell: `look` is (palette, device pixel ratio), `content` (image id, summary),
        `flags` (selected, hovered, current). The grid calls this straight, with what it knows,
        rather than through `paint` and a dozen calls into the model per cell."""
        (palette, dpr), (image_id, summary) = look, content
        selected, hovered, current = flags
        cell = rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        if image_id < 0:
            share, words = self.placeholder_progress(-image_id)
            paint_placeholder(painter, palette, QRectF(cell), share, words)
            return
        # No painter state saved per cell: what sets a pen or a brush sets both (the grid turns
        # antialiasing on once per paint).
        size = cell.size()
        background = self._stamp(
            ("background", size, selected, hovered, palette.cacheKey()),
            size,
            dpr,
            lambda p, at: self._paint_background(p, palette, at, selected, hovered),
        )
        painter.drawPixmap(cell.topLeft(), background)
        inner = cell.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        rejected = summary is not None and summary.rejected
        picture = self._paint_thumbnail(painter, look, image_id, inner, rejected)
        if summary is not None:
            # Marks sit on the picture itself, not on the cell around a portrait image.
            emphasised = selected or hovered
            marks = (
                summary.rating,
                emphasised and summary.rating == 0,
                summary.favourite,
                summary.rejected,
                summary.has_source,
                summary.has_style,
            )
            if any(marks):
                stamp = self._stamp(
                    ("marks", picture.size(), marks),
                    picture.size(),
                    dpr,
                    lambda p, at: self._paint_marks(p, painter.font(), summary, at, emphasised),
                )
                painter.drawPixmap(picture.topLeft(), stamp)
        if current and selected:
            pen = QPen(palette.color(QPalette.ColorRole.HighlightedText), 1, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(cell).adjusted(3, 3, -3, -3), RADIUS - 2, RADIUS - 2)

    def _stamp(self, key: tuple[object, ...], size: QSize, dpr: float, draw: Draw) -> QPixmap:
        """A transparent pixmap of `size` that `draw` painted once; cached under `key`."""
        full_key = (*key, dpr)
        found = self._stamps.get(full_key)
        if found is not None:
            return found
        if len(self._stamps) >= STAMP_CACHE_LIMIT:
            self._stamps.clear()
        pixmap = QPixmap(max(1, round(size.width() * dpr)), max(1, round(size.height() * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        draw(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        self._stamps[full_key] = pixmap
        return pixmap

    def _paint_background(
        self, painter: QPainter, palette: QPalette, cell: QRectF, selected: bool, hovered: bool
    ) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        fill = base.lighter(135) if base.lightness() < 128 else base.darker(108)
        if hovered:
            fill = fill.lighter(115) if base.lightness() < 128 else fill.darker(104)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(cell, RADIUS, RADIUS)
        if selected:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(cell.adjusted(1, 1, -1, -1), RADIUS, RADIUS)

    def _paint_thumbnail(
        self,
        painter: QPainter,
        look: tuple[QPalette, float],
        image_id: int,
        inner: QRect,
        dim: bool,
    ) -> QRect:
        """Draws the picture (or a placeholder) centred in `inner`; returns where it went."""
        palette, dpr = look
        size_px = thumbnail_pixels(self.cell_size, dpr)
        pixmap = self._loader.cached(image_id, size_px)
        if pixmap is None:
            self._loader.request(image_id, size_px, dpr)  # unless it could not be read
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Mid).darker(130))
            painter.drawRoundedRect(QRectF(inner), 3, 3)
            return inner
        logical = pixmap.deviceIndependentSize().toSize()
        if logical.width() > inner.width() or logical.height() > inner.height():
            logical.scale(inner.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, logical.width(), logical.height())
        target.moveCenter(inner.center())
        # The corners were rounded by the loader's thread: a clip path here costs ten times more.
        painter.setOpacity(0.35 if dim else 1.0)
        painter.drawPixmap(target, pixmap)
        painter.setOpacity(1.0)
        return target

    def _paint_marks(
        self, painter: QPainter, base: QFont, summary: ImageSummary, at: QRectF, emphasised: bool
    ) -> None:
        # Drawn once per stamp (see `_stamp`), so the fonts are made here, from the grid's.
        font, inner = QFont(base), at.toRect()
        font.setPixelSize(max(11, min(16, self.cell_size // 10)))
        font.setBold(True)
        small = QFont(font)
        small.setPixelSize(max(9, font.pixelSize() - 3))
        painter.setFont(font)
        line = font.pixelSize() + 8
        if summary.rating > 0 or emphasised:
            strip = QRectF(inner.left(), inner.bottom() - line - 4, inner.width(), line + 5)
            shade = QLinearGradient(strip.topLeft(), strip.bottomLeft())
            shade.setColorAt(0.0, QColor(0, 0, 0, 0))
            shade.setColorAt(1.0, QColor(0, 0, 0, 170))
            painter.fillRect(strip, shade)
            stars = "★" * summary.rating + "☆" * (5 - summary.rating)
            painter.setPen(STAR_GOLD if summary.rating else QColor(255, 255, 255, 150))
            painter.drawText(
                strip.adjusted(6, 0, 0, -2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                stars,
            )
        top = inner.top() + 5
        if summary.favourite:
            self._pill(painter, QRectF(inner.left() + 5, top, line, line), "♥", FAVOURITE_RED)
        if summary.rejected:
            self._pill(painter, QRectF(inner.right() - line - 5, top, line, line), "✕", REJECT_RED)
        right = float(inner.right() - 5)
        painter.setFont(small)
        for text, colour, shown in (
            (self._source_text, BADGE_BLUE, summary.has_source),
            (self._style_text, BADGE_VIOLET, summary.has_style),
        ):
            if shown:
                width = painter.fontMetrics().horizontalAdvance(text) + 10
                right -= width
                at = QRectF(right, inner.bottom() - line - 1, width, line - 4)
                self._pill(painter, at, text, colour)
                right -= 4

    @staticmethod
    def _pill(painter: QPainter, rect: QRectF, text: str, colour: QColor) -> None:
        height = rect.height()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
