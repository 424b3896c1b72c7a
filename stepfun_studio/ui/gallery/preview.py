"""`PreviewOverlay`: the large preview that Space toggles over the grid.

It covers the grid, shows the original scaled to fit, and hands arrow keys back to the panel so
culling can go on image by image. Space or Escape closes it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget


class PreviewOverlay(QWidget):
    closed = Signal()
    step = Signal(int)  # -1 previous, +1 next
    key_forwarded = Signal(QKeyEvent)  # culling keys pressed while the preview is open

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("galleryPreview")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(False)
        self._pixmap = QPixmap()
        self._caption = ""
        self.hide()

    def show_image(self, path: Path, caption: str) -> None:
        image = QImage(str(path))
        self._pixmap = QPixmap.fromImage(image) if not image.isNull() else QPixmap()
        self._pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self._caption = caption if not image.isNull() else self.tr("The original file is missing.")
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Escape):
            self.hide()
            self.closed.emit()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.step.emit(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.step.emit(1)
        else:
            self.key_forwarded.emit(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(12, 12, 14, 235))
        area = self.rect().adjusted(24, 24, -24, -56)
        if not self._pixmap.isNull():
            size = self._pixmap.deviceIndependentSize().toSize()
            size.scale(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(area.center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawPixmap(target, self._pixmap)
        painter.setPen(QColor(230, 230, 235))
        caption = self.rect().adjusted(24, self.height() - 50, -24, -12)
        painter.drawText(
            caption,
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            self._caption,
        )
