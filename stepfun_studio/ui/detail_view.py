"""The detail view: one library image large, beside its source, with every fact and action.

The picture is fitted or at any zoom (`ZoomableImageView`); a redraw or edit shows its source
image beside it. Every parameter, the returned seed, model, time taken and trace id are listed as
selectable text. The actions that concern other parts of the window (reuse parameters, reuse the
seed, use as source or style) are signals for the main window to connect; the ones that concern
only this image (copy, save as, show in folder, move to trash) are done here.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.errors import AppError
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.library.database import LibraryClosedError
from stepfun_studio.library.records import ImageRecord
from stepfun_studio.ui.background import Worker, run_in_background
from stepfun_studio.ui.drag_out import image_drag_mime
from stepfun_studio.ui.image_decoding import ImageDecoder, decode
from stepfun_studio.ui.library_notice import LibraryNotice
from stepfun_studio.ui.library_writes import change_library

if TYPE_CHECKING:
    from stepfun_studio.ui.detail_info import DetailInfo
    from stepfun_studio.ui.zoomable_image_view import ZoomableImageView

# How long the last picture may stay on screen while the next one's facts are read.
BLANK_AFTER_MS = 300


class DetailLibrary(Protocol):
    """The part of `library.Library` the detail view uses."""

    def get(self, image_id: int) -> ImageRecord | None: ...
    def request_for(self, image_id: int) -> GenerationRequest: ...
    def original_path(self, image_id: int) -> Path: ...
    def move_to_trash(self, ids: Iterable[int]) -> Any: ...
    def thumbnail_path(self, image_id: int, size: int = 256) -> Path: ...


@dataclass(frozen=True)
class _Facts:
    """What the view shows of one image, read off the GUI thread."""

    record: ImageRecord | None
    request: GenerationRequest | None
    original: Path | None
    thumbnail: QImage
    problem: str = ""  # why the original cannot be found, for the status bar


def _read_facts(library: DetailLibrary, image_id: int) -> _Facts:
    """Off the GUI thread: the record, its request (its reference files read whole), where the
    original is, and the thumbnail (rebuilt by the library if it was lost)."""
    record = library.get(image_id)
    if record is None:
        return _Facts(None, None, None, QImage())
    request = library.request_for(image_id)
    problem = ""
    try:
        original: Path | None = library.original_path(image_id)
    except (AppError, KeyError) as error:
        original, problem = None, _message(error)
    try:
        thumbnail = QImage(str(library.thumbnail_path(image_id)))
    except (AppError, KeyError, OSError):
        thumbnail = QImage()  # only a preview: the full picture follows, or says why it cannot
    return _Facts(record, request, original, thumbnail, problem)


class DetailView(QWidget):
    """The selected image, its source, its parameters and what can be done with it.

    With `build_views_later`, the toolbar is made now and the picture views and the facts (and
    their modules) by `build_views()` or when first needed: the main window's first frame shows
    no picture, so they wait for its first paint.
    """

    reuse_parameters_requested = Signal(object)  # GenerationRequest, slots included
    reuse_seed_requested = Signal(int)
    use_as_source_requested = Signal(int)  # image id: the window prepares it off the GUI thread
    use_as_style_requested = Signal(int)  # image id
    moved_to_trash = Signal(list)  # [image_id]
    image_loaded = Signal(int)  # the full-size picture (and its source) is on screen
    status_message = Signal(str)  # for the status bar: what an action did, or why it failed
    saved = Signal(str)  # "Save as" has copied the file there

    # Made by build_views().
    _result: ZoomableImageView
    _source: ZoomableImageView
    _info: DetailInfo
    _images: QSplitter
    _splitter: QSplitter
    _source_panel: QWidget
    _source_caption: QLabel
    _result_caption: QLabel
    _zoom_label: QLabel

    def __init__(self, parent: QWidget | None = None, *, build_views_later: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("detailView")
        self._library: DetailLibrary | None = None
        self._record: ImageRecord | None = None
        self._request: GenerationRequest | None = None
        self._retranslators: list[Callable[[], None]] = []
        self._token = 0
        self._original: Path | None = None
        self._facts_worker: Worker | None = None
        self._decoder = ImageDecoder(self)
        self._decoder.decoded.connect(self._on_decoded)

        # A row of the most used actions and a "More" menu for the rest: a QToolBar hid half of
        # them behind its "»" chevron at every width the dock takes (issue 15).
        self.toolbar = QWidget()
        self.toolbar.setObjectName("detailToolbar")
        self._toolbar_row = QHBoxLayout(self.toolbar)
        self._toolbar_row.setContentsMargins(4, 2, 4, 2)
        self._toolbar_row.setSpacing(2)
        self.more_menu = QMenu(self)
        self.more_menu.setObjectName("detailMoreMenu")
        self._actions: dict[str, QAction] = {}
        self._build_actions()
        self.notice = LibraryNotice(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.notice)
        self._views_built = False
        self._views_room: QWidget | None = None
        if build_views_later:
            self._views_room = QWidget()  # holds their place in the layout until then
            layout.addWidget(self._views_room, 1)
        else:
            self.build_views()
        self._retranslate()
        self.show_image(None)

    def build_views(self) -> None:
        """Makes the picture views, the zoom bar and the facts (once)."""
        if self._views_built:
            return
        from stepfun_studio.ui.detail_panes import DetailPanes

        self._views_built = True
        panes = DetailPanes(self._actions)
        panes.result.zoom_changed.connect(self._show_zoom)
        self._result, self._source, self._info = panes.result, panes.source, panes.info
        self._images, self._splitter, self._source_panel = (
            panes.images,
            panes.splitter,
            panes.source_panel,
        )
        self._source_caption, self._result_caption = panes.source_caption, panes.result_caption
        self._zoom_label = panes.zoom_label
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self._splitter, 1)
        if self._views_room is not None:
            layout.removeWidget(self._views_room)
            self._views_room.deleteLater()
            self._views_room = None
        self._retranslate_views()
        self._orient(self.size())

    # --- actions --------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def add(
            name: str,
            text: Callable[[], str],
            slot: Callable[[], object],
            keys: str = "",
            *,
            place: str = "menu",
        ) -> None:
            action = QAction(self)
            action.setObjectName(name)
            action.triggered.connect(lambda _=False: slot())
            if keys:
                action.setShortcut(QKeySequence(keys))
                # Only while the detail view has focus, so Ctrl+C in the prompt still copies text.
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            # On the view itself, so the shortcut works wherever the action is shown.
            self.addAction(action)
            if place == "button":
                self._toolbar_row.addWidget(_tool_button(action))
            elif place == "menu":
                self.more_menu.addAction(action)
            self._actions[name] = action
            self._retranslators.append(lambda: action.setText(text()))

        # Zoom lives in a small bar under the pictures; the toolbar holds what acts on the image.
        add("zoomFitAction", lambda: self.tr("Fit"), self.fit, "0", place="zoom")
        add("zoomActualAction", lambda: self.tr("100%"), self.actual_size, "1", place="zoom")
        add("zoomOutAction", lambda: "−", self.zoom_out, "-", place="zoom")
        add("zoomInAction", lambda: "+", self.zoom_in, "+", place="zoom")
        # The three used most stay buttons (they fit the dock's narrowest width in both
        # languages); the rest, with their shortcuts shown, are one click away in "More".
        add(
            "reuseParametersAction",
            lambda: self.tr("Reuse all"),
            self.reuse_parameters,
            "R",
            place="button",
        )
        add(
            "useAsSourceAction",
            lambda: self.tr("Use as source"),
            self.use_as_source,
            "S",
            place="button",
        )
        add(
            "copyImageAction",
            lambda: self.tr("Copy image"),
            self.copy_image,
            "Ctrl+C",
            place="button",
        )
        self.more_button = QToolButton()
        self.more_button.setObjectName("detailMoreButton")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setMenu(self.more_menu)
        self.more_button.setAutoRaise(True)
        self._toolbar_row.addWidget(self.more_button)
        self._toolbar_row.addStretch(1)
        self._retranslators.append(lambda: self.more_button.setText(self.tr("More")))
        add("useAsStyleAction", lambda: self.tr("Use as style"), self.use_as_style, "Shift+S")
        add("reuseSeedAction", lambda: self.tr("Reuse seed"), self.reuse_seed, "Shift+R")
        self.more_menu.addSeparator()
        add("copyPromptAction", lambda: self.tr("Copy prompt"), self.copy_prompt, "Ctrl+Shift+C")
        add("saveAsAction", lambda: self.tr("Save as…"), self.save_as, "Ctrl+Shift+S")
        add("showInFolderAction", lambda: self.tr("Show in folder"), self.show_in_folder)
        self.more_menu.addSeparator()
        add("moveToTrashAction", lambda: self.tr("Move to trash"), self.move_to_trash, "Delete")

    def action(self, name: str) -> QAction:
        return self._actions[name]

    # --- showing --------------------------------------------------------------------------

    def set_library(self, library: DetailLibrary | None) -> None:
        self._library = library
        self.show_image(None)

    def image_id(self) -> int | None:
        return self._record.id if self._record else None

    def show_image(self, image_id: int | None) -> None:
        """Shows the facts and a thumbnail once they are read, then the full picture (and its
        source) once decoded; `image_loaded` says when. All of the reading (the record, the
        request with its reference files, the thumbnail, the pixels) happens off the GUI
        thread, so arrowing through the gallery never waits on the disk or the database."""
        self._token += 1
        if self._facts_worker is not None:
            self._facts_worker.cancel()  # a selection the user already left: never read
            self._facts_worker = None
        library = self._library
        if image_id is None or library is None:
            self._show_facts(None)
            return
        # Until the new picture's facts are read (milliseconds), the last one stays on screen
        # and its actions do nothing (`_record` is None). Blanking it and greying a dozen
        # actions, to undo both a moment later, laid out and repainted the whole view twice
        # per picture while a batch landed. A read that takes longer (a locked library)
        # blanks it after all, so it is not taken for the picture chosen.
        self.build_views()
        self._record, self._request, self._original = None, None, None
        self._result.set_drag_out(None)
        token = self._token
        QTimer.singleShot(BLANK_AFTER_MS, self, partial(self._blank_if_waiting, token))

        def done(facts: object, error: BaseException | None) -> None:
            if token != self._token:
                return
            self._facts_worker = None
            if isinstance(error, LibraryClosedError):
                return  # the window is closing
            if error is not None:
                if not isinstance(error, (AppError, KeyError)):
                    raise error
                self._show_facts(None)
                # A locked or unreadable library: say so, and read again when asked.
                self.notice.show_problem(_message(error), partial(self.show_image, image_id))
                self.status_message.emit(_message(error))
                return
            assert isinstance(facts, _Facts) or facts is None
            self._show_facts(facts)

        self._facts_worker = run_in_background(
            self, partial(_read_facts, library, image_id), done, "detail-facts", lane="detail"
        )

    def _blank_if_waiting(self, token: int) -> None:
        if token == self._token and self._record is None:
            self._show_facts(None)

    def _show_facts(self, facts: _Facts | None) -> None:
        record = facts.record if facts else None
        request = facts.request if facts else None
        self._record, self._request = record, request
        self._original = facts.original if facts else None
        for action in self._actions.values():
            action.setEnabled(record is not None)
        if (facts is None or record is None) and not self._views_built:
            return  # nothing shown yet: the views are made empty
        if facts is None or record is None:
            self._result.set_drag_out(None)
            self._result.set_pixmap(None)
            self._source.set_pixmap(None)
            self._source_panel.hide()
            self._info.show_nothing()
            return
        self._actions["reuseSeedAction"].setEnabled(_seed_of(record) != 0)
        self._actions["moveToTrashAction"].setEnabled(record.trashed_at is None)
        self._info.show_record(record, request is not None and request.style is not None)
        thumbnail = None if facts.thumbnail.isNull() else QPixmap.fromImage(facts.thumbnail)
        self._result.set_pixmap(thumbnail, QSize(record.width, record.height))
        source = request.source if request else None
        self._source.set_pixmap(None)
        if self._source_panel.isVisibleTo(self) != (source is not None):
            self._source_panel.setVisible(source is not None)
            half = max(1, self._images.width() // 2)
            self._images.setSizes([half, half])
            self.fit()
        original = facts.original
        if facts.problem:
            self.status_message.emit(facts.problem)
        # Dragging the picture out carries the original file (ui/drag_out.py).
        self._result.set_drag_out(
            partial(image_drag_mime, [original], [record.id]) if original else None
        )
        self._decoder.start(self._token, original, source.data if source else None)

    def _on_decoded(self, token: int, result: QImage, source: QImage) -> None:
        if token != self._token or self._record is None:
            return  # the user has moved on to another image
        if result.isNull():
            self.status_message.emit(
                self.tr("The image file of image {id} could not be read.").format(
                    id=self._record.id
                )
            )
        else:
            self._result.set_pixmap(QPixmap.fromImage(result), keep_zoom=True)
        if not source.isNull():
            self._source.set_pixmap(QPixmap.fromImage(source))
            self._source.follow(self._result)
        self.image_loaded.emit(self._record.id)

    # --- zoom -------------------------------------------------------------------------------

    def fit(self) -> None:
        self.build_views()
        self._result.fit()
        self._source.fit()

    def actual_size(self) -> None:
        # The source follows at the same relative zoom, through the link.
        self.build_views()
        self._result.actual_size()

    def zoom_in(self) -> None:
        self.build_views()
        self._result.zoom_in()

    def zoom_out(self) -> None:
        self.build_views()
        self._result.zoom_out()

    def result_view(self) -> ZoomableImageView:
        self.build_views()
        return self._result

    def _show_zoom(self, scale: float) -> None:
        self._zoom_label.setText(f" {scale * 100:.0f}% ")

    # --- what the actions do ----------------------------------------------------------------

    def reuse_parameters(self) -> None:
        if self._request is not None:
            self.reuse_parameters_requested.emit(self._request)

    def reuse_seed(self) -> None:
        if self._record is not None and _seed_of(self._record):
            self.reuse_seed_requested.emit(_seed_of(self._record))

    def use_as_source(self) -> None:
        # The window reads and prepares it off the GUI thread, as a drop of it on the slot.
        if self._record is not None:
            self.use_as_source_requested.emit(self._record.id)

    def use_as_style(self) -> None:
        if self._record is not None:
            self.use_as_style_requested.emit(self._record.id)

    def copy_image(self) -> None:
        """Pixels and the file both, so an image editor and a file manager can each paste it."""
        record, path = self._record, self._original
        if record is None or path is None:
            return
        shown = self._result.pixmap()
        if shown.width() == record.width and shown.height() == record.height:
            self._put_on_clipboard(shown.toImage(), path)
            return
        # Clicked before the decoded picture arrived: decode it off the GUI thread first.
        run_in_background(
            self,
            partial(decode, path),
            lambda image, _error: (
                self._put_on_clipboard(image, path)
                if isinstance(image, QImage) and not image.isNull()
                else None
            ),
            "copy-image",
        )

    def _put_on_clipboard(self, pixels: QImage, path: Path) -> None:
        mime = QMimeData()
        mime.setImageData(pixels)
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        QGuiApplication.clipboard().setMimeData(mime)
        self.status_message.emit(self.tr("Image copied."))

    def copy_prompt(self) -> None:
        if self._record is not None:
            QGuiApplication.clipboard().setText(self._record.prompt)
            self.status_message.emit(self.tr("Prompt copied."))

    def save_as(self, target: Path | None = None) -> Path | None:
        """Copies the original file, off the GUI thread; asks where unless `target` is given.
        Returns where it is being copied; `saved` says when it is there."""
        if self._record is None:
            return None
        path = self._original
        if path is None:
            return None
        if target is None:
            from PySide6.QtWidgets import QFileDialog  # its Python type costs start-up time

            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save image as"),
                str(Path.home() / f"stepfun-{self._record.id}{path.suffix}"),
                self.tr("Images (*{suffix})").format(suffix=path.suffix),
            )
            if not chosen:
                return None
            target = Path(chosen)
        chosen_target = target

        def copied(_result: object, error: BaseException | None) -> None:
            if isinstance(error, OSError):
                self.status_message.emit(
                    self.tr("Could not save to {path}: {reason}").format(
                        path=chosen_target, reason=error.strerror
                    )
                )
                return
            if error is not None:
                raise error
            self.status_message.emit(self.tr("Saved to {path}.").format(path=chosen_target))
            self.saved.emit(str(chosen_target))

        run_in_background(self, partial(shutil.copyfile, path, target), copied, "save-as")
        return target

    def show_in_folder(self) -> None:
        path = self._original
        if self._record is not None and path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def move_to_trash(self) -> None:
        if self._record is not None:
            self._trash(self._record.id)

    def _trash(self, image_id: int) -> None:
        library = self._library
        if library is None:
            return

        def moved(_result: object) -> None:
            if self.image_id() == image_id:
                self.show_image(None)
            self.moved_to_trash.emit([image_id])
            self.status_message.emit(self.tr("Moved to the trash."))

        def failed(error: AppError) -> None:
            # Locked by another program, a full disk: say so; Retry trashes it then.
            self.notice.show_problem(error.message, partial(self._trash, image_id))
            self.status_message.emit(error.message)

        change_library(self, lambda: library.move_to_trash([image_id]), moved, failed, "trash")

    # --- language ---------------------------------------------------------------------------

    def _retranslate(self) -> None:
        for apply in self._retranslators:
            apply()
        if self._views_built:
            self._retranslate_views()

    def _retranslate_views(self) -> None:
        self._source_caption.setText(self.tr("Source"))
        self._result_caption.setText(self.tr("Result"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._views_built:
            self._orient(event.size())

    def _orient(self, size: QSize) -> None:
        wide = size.width() >= 1.3 * size.height()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self._splitter.orientation() != orientation:
            self._splitter.setOrientation(orientation)
            # In a narrow dock the source stacks above the result as well.
            self._images.setOrientation(orientation)
            total = self._splitter.width() if wide else self._splitter.height()
            self._splitter.setSizes([total * 7 // 10, total * 3 // 10])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self._record is not None:
                has_style = self._request is not None and self._request.style is not None
                self._info.show_record(self._record, has_style)
        super().changeEvent(event)


def _tool_button(action: QAction) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setAutoRaise(True)
    return button


def _seed_of(record: ImageRecord) -> int:
    """The seed that makes this picture again: the returned one, else the one asked for."""
    return record.returned_seed if record.returned_seed else record.seed


def _message(error: BaseException) -> str:
    return error.message if isinstance(error, AppError) else str(error)
