"""`ReferenceSlot`: the box that holds a source or style image, filled by click, drop or paste.

It shows a thumbnail, the image's name and what was changed to make it fit the API. While
something is dragged over it, its border says whether it will take it. Reading and converting
the image runs off the GUI thread (`image_drop.start_loading`, through `prepare_reference`), so
a 12-megapixel photo never stalls the window; the result lands here on the GUI thread. A refused
image never replaces the current one: the slot keeps it and shows why the new one was refused.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.api.reference_image import PreparedReference, ReferencePurpose
from stepfun_studio.core.request import ReferenceImage
from stepfun_studio.ui.background import Worker, run_in_background
from stepfun_studio.ui.image_drop import (
    DropPayload,
    FetchedImage,
    LoadedReference,
    OriginalSource,
    PayloadKind,
    make_thumbnail,
    payload_kind,
    read_payload,
    refused_file_name,
    start_loading,
)
from stepfun_studio.ui.retranslated import Retranslated
from stepfun_studio.ui.timers import single_shot

FILE_FILTER_SUFFIXES = "*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.avif"
MESSAGE_SHOWN_MS = 8000


class DropState:
    """Values of the slot's `dropState` property (themes may style on it)."""

    IDLE = ""
    ACCEPT = "accept"
    REFUSE = "refuse"
    BUSY = "busy"


class ReferenceSlot(Retranslated, QFrame):
    """One reference image (or none): `image()`, `set_image()`, and `image_changed` on change."""

    image_changed = Signal(object)  # ReferenceImage | None
    error = Signal(str)

    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self._image: ReferenceImage | None = None
        self._purpose = ReferencePurpose.STYLE if role == "style" else ReferencePurpose.REDRAW
        self._library: OriginalSource | None = None
        self._token = 0
        self._loaders: dict[int, Worker] = {}
        self._drop_state = DropState.IDLE
        self._message_timer = single_shot(self, MESSAGE_SHOWN_MS, lambda: self._show_message(""))
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(QSize(200, 120))
        # Grows with its text (a refusal message can take three lines in a narrow dock).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._build()
        self.retranslate()
        self._show_image(None, (), None)

    def _build(self) -> None:
        self._thumbnail = QLabel(self)
        self._thumbnail.setObjectName("slotThumbnail")
        self._thumbnail.setFixedSize(QSize(96, 96))
        self._thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The dashed box invites a drop while empty; a picture needs no frame.
        self._thumbnail.setStyleSheet(
            'QLabel#slotThumbnail[empty="true"] { border: 1px dashed palette(mid);'
            " border-radius: 4px; font-size: 28px; color: palette(mid); }"
        )
        self._title = QLabel(self)
        self._title.setObjectName("slotTitle")
        self._title.setWordWrap(True)
        self._details = QLabel(self)
        self._details.setObjectName("slotDetails")
        self._details.setWordWrap(True)
        self._message = QLabel(self)
        self._message.setObjectName("slotMessage")
        self._message.setWordWrap(True)
        self._message.hide()
        # Said in words too, not only by the border's colour, while something is dragged over.
        self._drag_hint = QLabel(self)
        self._drag_hint.setObjectName("slotDragHint")
        self._drag_hint.setWordWrap(True)
        self._drag_hint.hide()
        self._clear = QToolButton(self)
        self._clear.setObjectName("slotClear")
        self._clear.setAutoRaise(True)
        self._clear.clicked.connect(self.clear)
        text_column = QVBoxLayout()
        text_column.addWidget(self._title)
        text_column.addWidget(self._details)
        text_column.addWidget(self._message)
        text_column.addWidget(self._drag_hint)
        text_column.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 8, 8, 8)
        row.addWidget(self._thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text_column, 1)
        row.addWidget(self._clear, 0, Qt.AlignmentFlag.AlignTop)

    def retranslate(self) -> None:
        self._clear.setText("×")
        self._clear.setToolTip(self.tr("Remove this image"))
        self._clear.setAccessibleName(self.tr("Remove this image"))
        self.setToolTip(self.tr("Click to choose an image, or drop or paste one here."))
        self.setAccessibleName(
            self.tr("Style reference") if self.role == "style" else self.tr("Source image")
        )
        if self._image is None:
            self._title.setText(self._empty_text())
            self.setAccessibleDescription(self._empty_text())

    def _empty_text(self) -> str:
        if self.role == "style":
            return self.tr("Style reference: click, drop or paste an image")
        if self._purpose is ReferencePurpose.EDIT:
            return self.tr("Picture to edit: click, drop or paste an image")
        return self.tr("Source image: click, drop or paste an image")

    # The public face -------------------------------------------------------------------------

    def image(self) -> ReferenceImage | None:
        return self._image

    def set_image(self, image: ReferenceImage | None) -> None:
        """Shows `image` (e.g. from "reuse parameters"); cancels a conversion still running."""
        self._token += 1
        token = self._token
        self._set(image, (), None)
        if image is None:
            return
        # Its thumbnail is decoded off the GUI thread (a 4096 px picture takes a while).
        self._thumbnail.setPixmap(QPixmap())
        data = image.data
        run_in_background(
            self,
            lambda: make_thumbnail(data),
            lambda thumbnail, _error: self._thumbnail_ready(token, thumbnail),
            "slot-thumbnail",
        )

    def _thumbnail_ready(self, token: int, thumbnail: object) -> None:
        if token != self._token or not isinstance(thumbnail, QImage) or thumbnail.isNull():
            return
        self._thumbnail.setPixmap(
            QPixmap.fromImage(thumbnail).scaled(
                self._thumbnail.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def clear(self) -> None:
        self.set_image(None)
        self._show_message("")

    def set_library(self, library: OriginalSource | None) -> None:
        self._library = library

    def purpose(self) -> ReferencePurpose:
        return self._purpose

    def set_purpose(self, purpose: ReferencePurpose) -> None:
        """A new limit for the next image; a current image beyond it is prepared again (e.g. a
        4096 px edit input when the model changes to one that redraws from at most 2048 px)."""
        purpose = ReferencePurpose(purpose)
        if purpose is self._purpose:
            return
        self._purpose = purpose
        if self._image is None:
            self._title.setText(self._empty_text())
            self.setAccessibleDescription(self._empty_text())
        image = self._image
        if image is not None and max(image.width, image.height) > purpose.max_side:
            self.load_payload(DropPayload(PayloadKind.RAW, raw=image.data, name=image.name))

    def is_busy(self) -> bool:
        return bool(self._loaders)

    def load_payload(self, payload: DropPayload, index: int = 0) -> None:
        """Fetches and prepares the payload's `index`-th image off the GUI thread."""
        self._token += 1
        token = self._token
        self._set_drop_state(DropState.BUSY)
        self._show_message(self.tr("Preparing the image…"), is_error=False)
        self._loaders[token] = start_loading(
            self,
            payload,
            self._purpose,
            self._library,
            lambda loaded, message: self._on_loaded(token, loaded, message),
            index=index,
        )

    def _on_loaded(self, token: int, loaded: LoadedReference | None, message: str | None) -> None:
        if loaded is not None:
            self._on_prepared(token, loaded.prepared, loaded.fetched, loaded.thumbnail)
        else:
            self._on_failed(token, message or "")

    def load_file(self, path: str) -> None:
        if path:
            self.load_payload(DropPayload(PayloadKind.FILES, paths=(Path(path),)))

    def load_mime(self, mime: QMimeData | None) -> bool:
        """Takes an image from a drop or the clipboard; False when it holds none."""
        payload = read_payload(mime)
        if payload is None:
            return False
        self.load_payload(payload)
        return True

    def paste(self) -> bool:
        ok = self.load_mime(QGuiApplication.clipboard().mimeData())
        if not ok:
            self._show_message(self.tr("The clipboard holds no image."))
            self.error.emit(self._message.text())
        return ok

    def choose_file(self) -> QFileDialog:
        """Opens a (window-modal, non-blocking) file dialog; returns it so tests can drive it."""
        dialog = QFileDialog(self, self.tr("Choose an image"))
        dialog.setObjectName("referenceFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [
                self.tr("Images ({suffixes})").format(suffixes=FILE_FILTER_SUFFIXES),
                self.tr("All files (*)"),
            ]
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.load_file)
        dialog.open()
        return dialog

    # Results from the pool -------------------------------------------------------------------

    def _on_prepared(
        self, token: int, prepared: PreparedReference, fetched: FetchedImage, thumbnail: QImage
    ) -> None:
        self._loaders.pop(token, None)
        if token != self._token:
            return  # superseded by a newer drop, a clear or set_image
        self._set_drop_state(DropState.BUSY if self._loaders else DropState.IDLE)
        self._show_message("")
        self._set(prepared.image, prepared.changes, thumbnail)

    def _on_failed(self, token: int, message: str) -> None:
        self._loaders.pop(token, None)
        if token != self._token:
            return
        self._set_drop_state(DropState.BUSY if self._loaders else DropState.IDLE)
        self._show_message(message)
        self.error.emit(message)

    def _set(
        self, image: ReferenceImage | None, changes: tuple[str, ...], thumbnail: QImage | None
    ) -> None:
        changed = image != self._image
        self._image = image
        self._show_image(image, changes, thumbnail)
        if changed:
            self.image_changed.emit(image)

    # Showing ---------------------------------------------------------------------------------

    def _show_image(
        self, image: ReferenceImage | None, changes: tuple[str, ...], thumbnail: QImage | None
    ) -> None:
        self._clear.setVisible(image is not None)
        self._thumbnail.setProperty("empty", image is None)
        self._thumbnail.style().unpolish(self._thumbnail)
        self._thumbnail.style().polish(self._thumbnail)
        if image is None:
            self._thumbnail.setPixmap(QPixmap())
            self._thumbnail.setText("+")
            self._title.setText(self._empty_text())
            self._details.setText("")
            self._details.hide()
            self.setAccessibleDescription(self._empty_text())
            return
        if thumbnail is not None and not thumbnail.isNull():
            pixmap = QPixmap.fromImage(thumbnail).scaled(
                self._thumbnail.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self._thumbnail.setPixmap(pixmap)
        self._title.setText(image.name)
        kind = "JPEG" if image.mime == "image/jpeg" else "PNG"
        lines = [
            self.tr("{width}×{height} {kind}, {kb} KB").format(
                width=image.width,
                height=image.height,
                kind=kind,
                kb=max(1, len(image.data) // 1024),
            )
        ]
        lines += [f"• {change}" for change in changes]
        self._details.setText("\n".join(lines))
        self.setAccessibleDescription(f"{image.name}. " + " ".join(lines))
        self._details.show()

    def _show_message(self, message: str, *, is_error: bool = True) -> None:
        self._message.setText(message)
        self._message.setStyleSheet("color: #d1242f;" if is_error else "")
        self._message.setVisible(bool(message))
        # A refusal is news, not a state: it goes after a while (or at the next drag), and the
        # slot shows what it holds again.
        if message and is_error:
            self._message_timer.start()
        else:
            self._message_timer.stop()

    def message(self) -> str:
        return self._message.text() if self._message.isVisible() else ""

    def details(self) -> str:
        return self._details.text()

    def drop_state(self) -> str:
        return self._drop_state

    def _set_drop_state(self, state: str) -> None:
        if state == self._drop_state:
            return
        self._drop_state = state
        hints = {
            DropState.ACCEPT: self.tr("Release to use this image."),
            DropState.REFUSE: self.tr("This is not an image; it cannot be used here."),
        }
        self._drag_hint.setText(hints.get(state, ""))
        self._drag_hint.setStyleSheet("color: #d1242f;" if state == DropState.REFUSE else "")
        self._drag_hint.setVisible(state in hints)
        self.setProperty("dropState", state)
        self.style().unpolish(self)
        self.style().polish(self)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._drop_state not in (DropState.ACCEPT, DropState.REFUSE, DropState.BUSY):
            return
        colors = {
            DropState.ACCEPT: QColor(46, 160, 67),
            DropState.REFUSE: QColor(218, 54, 51),
            DropState.BUSY: self.palette().highlight().color(),
        }
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colors[self._drop_state], 3)
        if self._drop_state is DropState.BUSY:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 6, 6)
        painter.end()

    # Input -----------------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.choose_file()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        # Claim Ctrl+V before the window-wide paste shortcut sees it: pasting into the focused
        # slot fills the slot instead of opening the window's drop choices.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.choose_file()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._image is not None:
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # Accept the enter either way so we get move and leave events and can show the refusal;
        # the move event then tells the source whether a drop would be taken.
        will_take = payload_kind(event.mimeData()) is not None
        if not self._loaders:
            self._show_message("")  # an older refusal is not about this drag
        self._set_drop_state(DropState.ACCEPT if will_take else DropState.REFUSE)
        if will_take:
            event.acceptProposedAction()
        else:
            event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._drop_state == DropState.ACCEPT:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_state(DropState.BUSY if self._loaders else DropState.IDLE)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_state(DropState.BUSY if self._loaders else DropState.IDLE)
        payload = read_payload(event.mimeData())
        if payload is None:
            event.ignore()
            name = refused_file_name(event.mimeData())
            message = (
                self.tr("“{name}” is not a picture Studio can use.").format(name=name)
                if name
                else self.tr("That is not a picture or a link to one.")
            )
            self._show_message(message)
            self.error.emit(message)
            return
        event.acceptProposedAction()
        # A slot holds one image; of several dropped files it takes the first.
        self.load_payload(payload)
