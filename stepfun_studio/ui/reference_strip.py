"""`ReferenceStrip`: the reference pictures of a model that takes several (Seedream, gpt-image).

Pictures come in by drop (files, links, raw data, gallery pictures), paste (Ctrl+V on the
strip) or the Add button, up to the model's maximum, which the count shows ("3 / 14"). The order
is what the server gets (a prompt may say "the dress from picture 2"), so each tile shows its
number, and tiles can be dragged into another order or moved with the buttons. Each picture is
read and prepared through `api.reference_image.prepare_reference` off the GUI thread, as the slots
do; several dropped together land in the order they were dropped, whatever order they finish in.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
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
    start_loading,
)
from stepfun_studio.ui.reference_slot import FILE_FILTER_SUFFIXES
from stepfun_studio.ui.retranslated import Retranslated

TILE = QSize(64, 64)
CELL = QSize(74, 74)
_KEY_ROLE = Qt.ItemDataRole.UserRole


class _TileList(QListWidget):
    """The tiles: reordered by dragging inside; pictures from elsewhere go to the strip."""

    def __init__(self, strip: ReferenceStrip) -> None:
        super().__init__(strip)
        self._strip = strip
        self.setObjectName("referenceList")
        # List mode flowing left to right: an icon grid whose drag moves reorder the rows
        # (icon mode would only move the tiles around on the canvas).
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(TILE)
        self.setGridSize(CELL)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.source() is self:
            super().dragEnterEvent(event)
        elif payload_kind(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.source() is self:
            super().dragMoveEvent(event)
        else:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if event.source() is self:
            super().dropEvent(event)  # moves the row; the strip follows `rowsMoved`
            return
        if self._strip.load_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def heightForWidth(self, width: int) -> int:
        per_row = max(1, (width - 4) // CELL.width())
        rows = max(1, -(-self.count() // per_row))
        return rows * CELL.height() + 6

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        return QSize(CELL.width() * 3, self.heightForWidth(CELL.width() * 3))

    def minimumSizeHint(self) -> QSize:
        return QSize(CELL.width() * 2, self.heightForWidth(max(self.width(), CELL.width() * 2)))


class ReferenceStrip(Retranslated, QFrame):
    """The references, in order: `value()`, `set_value()`, `value_changed` (for `bind`)."""

    value_changed = Signal(object)  # tuple[ReferenceImage, ...]
    error = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referenceStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._images: list[ReferenceImage] = []
        self._thumbnails: dict[str, QPixmap] = {}
        self._limit = 0
        self._library: OriginalSource | None = None
        # Loads in flight, in the order they were asked for; results wait here for the ones
        # before them, so several dropped at once keep their order.
        self._generation = 0
        self._waiting: list[int] = []
        self._arrived: dict[int, ReferenceImage | None] = {}
        self._loaders: dict[int, Worker] = {}
        self._next_token = 0
        self._build()
        self.retranslate()
        self._show()

    def _build(self) -> None:
        self._count = QLabel()
        self._count.setObjectName("referenceCount")
        self._add = QToolButton()
        self._add.setObjectName("referenceAddButton")
        self._add.clicked.connect(self.choose_files)
        self._earlier = QToolButton()
        self._earlier.setObjectName("referenceEarlierButton")
        self._earlier.setText("◀")
        self._earlier.clicked.connect(lambda: self.move_selected(-1))
        self._later = QToolButton()
        self._later.setObjectName("referenceLaterButton")
        self._later.setText("▶")
        self._later.clicked.connect(lambda: self.move_selected(1))
        self._remove = QToolButton()
        self._remove.setObjectName("referenceRemoveButton")
        self._remove.setText("×")
        self._remove.clicked.connect(self.remove_selected)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(2)
        header.addWidget(self._count)
        header.addStretch(1)
        for button in (self._earlier, self._later, self._remove, self._add):
            button.setAutoRaise(True)
            header.addWidget(button)
        self._tiles = _TileList(self)
        self._tiles.itemSelectionChanged.connect(self._show_buttons)
        # A tile dragged to another place moves its row; the order of the pictures follows.
        # Later, not inside the move: the view is still busy with its drop.
        self._tiles.model().rowsMoved.connect(
            lambda *_args: QTimer.singleShot(0, self._order_from_tiles)
        )
        self._empty = QLabel()
        self._empty.setObjectName("referenceEmpty")
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setMinimumHeight(56)
        self._empty.setStyleSheet(
            "QLabel#referenceEmpty { border: 1px dashed palette(mid); border-radius: 4px;"
            " color: palette(placeholder-text); padding: 6px; }"
        )
        self._message = QLabel()
        self._message.setObjectName("referenceMessage")
        self._message.setWordWrap(True)
        self._message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self._tiles)
        layout.addWidget(self._empty)
        layout.addWidget(self._message)

    def retranslate(self) -> None:
        self._add.setText(self.tr("Add…"))
        self._add.setToolTip(self.tr("Choose pictures to add (or drop or paste them here)"))
        self._earlier.setToolTip(self.tr("Move the chosen picture earlier"))
        self._later.setToolTip(self.tr("Move the chosen picture later"))
        self._remove.setToolTip(self.tr("Remove the chosen picture"))
        self._earlier.setAccessibleName(self._earlier.toolTip())
        self._later.setAccessibleName(self._later.toolTip())
        self._remove.setAccessibleName(self._remove.toolTip())
        self.setAccessibleName(self.tr("Reference pictures"))
        self._show()

    # --- the public face ----------------------------------------------------------------------

    def value(self) -> tuple[ReferenceImage, ...]:
        return tuple(self._images)

    def set_value(self, images: tuple[ReferenceImage, ...]) -> None:
        """Shows `images` (from the request model); pictures still loading are forgotten."""
        self._generation += 1
        self._waiting.clear()
        self._arrived.clear()
        self._images = list(images)
        self._show()

    def set_limit(self, limit: int) -> None:
        if limit != self._limit:
            self._limit = limit
            self._show()

    def limit(self) -> int:
        return self._limit

    def set_library(self, library: OriginalSource | None) -> None:
        self._library = library

    def is_busy(self) -> bool:
        return bool(self._waiting)

    def room(self) -> int:
        return max(0, self._limit - len(self._images) - len(self._waiting))

    def message(self) -> str:
        return self._message.text() if self._message.isVisibleTo(self) else ""

    def load_payload(self, payload: DropPayload) -> int:
        """Prepares as many of the payload's pictures as fit, in the pool; returns how many."""
        wanted = payload.count
        taken = min(wanted, self.room())
        if taken < wanted:
            self._say(
                self.tr("{limit} pictures at most: {left} left out.").format(
                    limit=self._limit, left=wanted - taken
                )
            )
        else:
            self._say("")
        for index in range(taken):
            self._next_token += 1
            token = self._next_token
            self._waiting.append(token)
            self._loaders[token] = start_loading(
                self,
                payload,
                ReferencePurpose.EDIT,
                self._library,
                partial(self._on_loaded, token),
                index=index,
            )
        self._show()
        return taken

    def load_mime(self, mime: QMimeData | None) -> bool:
        payload = read_payload(mime)
        if payload is None:
            return False
        self.load_payload(payload)
        return True

    def paste(self) -> bool:
        ok = self.load_mime(QGuiApplication.clipboard().mimeData())
        if not ok:
            self._say(self.tr("The clipboard holds no image."))
        return ok

    def choose_files(self) -> QFileDialog:
        """A window-modal, non-blocking file dialog for several pictures; returned for tests."""
        dialog = QFileDialog(self, self.tr("Choose reference pictures"))
        dialog.setObjectName("referenceFilesDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [
                self.tr("Images ({suffixes})").format(suffixes=FILE_FILTER_SUFFIXES),
                self.tr("All files (*)"),
            ]
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(self._load_files)
        dialog.open()
        return dialog

    def _load_files(self, paths: list[str]) -> None:
        if paths:
            self.load_payload(DropPayload(PayloadKind.FILES, paths=tuple(Path(p) for p in paths)))

    def selected(self) -> int:
        rows = [index.row() for index in self._tiles.selectedIndexes()]
        return rows[0] if rows else -1

    def select(self, index: int) -> None:
        self._tiles.setCurrentRow(index)

    def move_picture(self, index: int, step: int) -> None:
        target = index + step
        if not (0 <= index < len(self._images) and 0 <= target < len(self._images)):
            return
        images = list(self._images)
        images.insert(target, images.pop(index))
        self._change(images)
        self.select(target)

    def move_selected(self, step: int) -> None:
        self.move_picture(self.selected(), step)

    def remove(self, index: int) -> None:
        if 0 <= index < len(self._images):
            images = list(self._images)
            del images[index]
            self._change(images)
            self.select(min(index, len(images) - 1))

    def remove_selected(self) -> None:
        self.remove(self.selected())

    # --- results from the background ----------------------------------------------------------

    def _on_loaded(self, token: int, loaded: LoadedReference | None, message: str | None) -> None:
        if loaded is not None:
            self._on_prepared(token, loaded.prepared, loaded.fetched, loaded.thumbnail)
        else:
            self._on_failed(token, message or "")

    def _on_prepared(
        self, token: int, prepared: PreparedReference, _fetched: FetchedImage, thumbnail: QImage
    ) -> None:
        self._loaders.pop(token, None)
        if token not in self._waiting:
            return  # forgotten by set_value
        if not thumbnail.isNull():
            self._thumbnails[prepared.image.sha256] = _tile_pixmap(thumbnail)
        self._arrived[token] = prepared.image
        self._land()

    def _on_failed(self, token: int, message: str) -> None:
        self._loaders.pop(token, None)
        if token not in self._waiting:
            return
        self._arrived[token] = None
        self._say(message)
        self.error.emit(message)
        self._land()

    def _land(self) -> None:
        """Appends the finished loads that no earlier one is still waiting for."""
        images = list(self._images)
        known = {image.sha256 for image in images}
        while self._waiting and self._waiting[0] in self._arrived:
            image = self._arrived.pop(self._waiting.pop(0))
            if image is not None and image.sha256 not in known:
                images.append(image)
                known.add(image.sha256)
        if images != self._images:
            self._change(images)
        else:
            self._show()

    def _change(self, images: list[ReferenceImage]) -> None:
        self._images = images
        self._show()
        self.value_changed.emit(tuple(images))

    def _order_from_tiles(self) -> None:
        by_key = {image.sha256: image for image in self._images}
        order = [str(self._tiles.item(row).data(_KEY_ROLE)) for row in range(self._tiles.count())]
        images = [by_key[key] for key in order if key in by_key]
        if images != self._images:
            self._change(images)

    # --- showing ------------------------------------------------------------------------------

    def _show(self) -> None:
        current = self.selected()
        self._tiles.blockSignals(True)
        self._tiles.clear()
        for number, image in enumerate(self._images, start=1):
            item = QListWidgetItem(QIcon(_numbered(self._thumbnail(image), number)), "")
            item.setSizeHint(CELL)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, str(number))
            item.setData(_KEY_ROLE, image.sha256)
            item.setToolTip(
                self.tr("{number}. {name}, {width}×{height}").format(
                    number=number, name=image.name, width=image.width, height=image.height
                )
            )
            self._tiles.addItem(item)
        if 0 <= current < self._tiles.count():
            self._tiles.setCurrentRow(current)
        self._tiles.blockSignals(False)
        self._tiles.setVisible(bool(self._images))
        self._tiles.updateGeometry()
        self._empty.setVisible(not self._images)
        self._empty.setText(
            self.tr("Drop, paste or add up to {limit} pictures the model should draw from.").format(
                limit=self._limit
            )
            if not self._waiting
            else self.tr("Preparing the pictures…")
        )
        count = len(self._images)
        text = self.tr("{count} / {limit}").format(count=count, limit=self._limit)
        if self._waiting:
            text += " " + self.tr("(+{n} preparing)").format(n=len(self._waiting))
        self._count.setText(text)
        over = count > self._limit
        self._count.setProperty("overLimit", over)
        self._count.setStyleSheet("color: #e5484d; font-weight: 600;" if over else "")
        self._add.setEnabled(self.room() > 0)
        self._show_buttons()

    def _show_buttons(self) -> None:
        index = self.selected()
        self._earlier.setEnabled(index > 0)
        self._later.setEnabled(0 <= index < len(self._images) - 1)
        self._remove.setEnabled(index >= 0)

    def _thumbnail(self, image: ReferenceImage) -> QPixmap:
        pixmap = self._thumbnails.get(image.sha256)
        if pixmap is None:
            # A picture set from elsewhere (reuse parameters): its tile is decoded off the GUI
            # thread; an empty tile (with its number) stands in until then.
            pixmap = self._thumbnails[image.sha256] = QPixmap()
            data, sha = image.data, image.sha256
            run_in_background(
                self,
                lambda: make_thumbnail(data),
                lambda thumbnail, _error: self._tile_ready(sha, thumbnail),
                "strip-thumbnail",
            )
        return pixmap

    def _tile_ready(self, sha: str, thumbnail: object) -> None:
        if isinstance(thumbnail, QImage) and not thumbnail.isNull():
            self._thumbnails[sha] = _tile_pixmap(thumbnail)
            if any(image.sha256 == sha for image in self._images):
                self._show()

    def _say(self, message: str) -> None:
        self._message.setText(message)
        self._message.setStyleSheet("color: #d1242f;" if message else "")
        self._message.setVisible(bool(message))

    # --- input --------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Ctrl+V on the strip fills the strip, before the window's paste shortcut sees it.
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
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected() >= 0:
            self.remove_selected()
            event.accept()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if payload_kind(event.mimeData()) is not None and self.room() > 0:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.load_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()


def _numbered(thumbnail: QPixmap, number: int) -> QPixmap:
    """The thumbnail centred on a tile, with its place in the order in a corner badge."""
    tile = QPixmap(TILE * 2)  # drawn at 2x so it stays sharp on high-DPI screens
    tile.setDevicePixelRatio(2.0)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if not thumbnail.isNull():
        size = thumbnail.size()
        painter.drawPixmap(
            (TILE.width() - size.width()) // 2, (TILE.height() - size.height()) // 2, thumbnail
        )
    badge = QRectF(1, 1, 20, 18)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 170))
    painter.drawRoundedRect(badge, 5, 5)
    painter.setPen(QColor("white"))
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(12)
    painter.setFont(font)
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(number))
    painter.end()
    return tile


def _tile_pixmap(image: QImage) -> QPixmap:
    if image.isNull():
        return QPixmap()
    return QPixmap.fromImage(image).scaled(
        TILE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
