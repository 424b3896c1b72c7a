"""Drops and pastes anywhere on the main window: offer the choices, then carry the chosen one out.

`install_window_drops(window, dock, library, reuse)` makes the whole window a drop target (the
reference slots and the strip keep their own drops) and binds Ctrl+V (Cmd+V). An image arriving
there opens the `DropOverlay` with what the chosen model can do with it now (`drop_choices`):
redraw from it, edit it, add it to the reference pictures, use its style, restore the parameters
a PNG carries (ours or A1111's), or, for several files, add them as references or import them
into the library; what it cannot is listed with the reason. Reading metadata and importing run
off the GUI thread (`ui.background`); the chosen image goes into the dock's slot or strip, which
prepare it off the GUI thread too (`image_drop.start_loading`).

`use_picture(image_id, as_source)` is the gallery's and the detail view's "Use as source/style":
the same road as a drop of that picture on the slot.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from stepfun_studio.api.reference_image import ReferencePurpose
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.library import Library, read_png_parameters
from stepfun_studio.ui.background import run_in_background
from stepfun_studio.ui.drop_choices import DropChoice, DropOffer, DropTarget, offer_for
from stepfun_studio.ui.drop_overlay import DropOverlay
from stepfun_studio.ui.image_drop import (
    DropPayload,
    LoadedReference,
    PayloadKind,
    fetch_one,
    payload_kind,
    read_payload,
    start_loading,
)

if TYPE_CHECKING:
    from stepfun_studio.library.records import ImportReport
    from stepfun_studio.ui.reference_slot import ReferenceSlot
    from stepfun_studio.ui.reference_strip import ReferenceStrip

log = logging.getLogger(__name__)
T = TypeVar("T")


class WindowDrops(QObject):
    """Owns the overlay; decides the choices; carries out the one taken."""

    message = Signal(str)  # for the status bar
    imported = Signal(object)  # library ImportReport

    def __init__(
        self,
        window: QWidget,
        dock: Any,
        library: Library | None,
        reuse: Callable[[GenerationRequest], None] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._dock = dock
        self._library = library
        self._reuse = reuse or dock.reuse_request
        self._payload: DropPayload | None = None
        self._restore: GenerationRequest | None = None
        self._token = 0
        self.overlay = DropOverlay(window)
        self.overlay.chosen.connect(self._on_chosen)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self._text_targets: set[QObject] = set()
        self._watch_text_fields()
        # The dock makes its fields after the window's first paint: its slots, strip and text
        # fields are taken in then.
        dock.when_form_built(self._take_in_form)
        self.paste_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), window)
        self.paste_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.paste_shortcut.activated.connect(self.paste)

    def _take_in_form(self) -> None:
        for slot in self._slots():
            slot.set_library(self._library)
        self._strip().set_library(self._library)
        self._watch_text_fields()

    # --- where images arrive ------------------------------------------------------------------

    def _watch_text_fields(self) -> None:
        """Text fields take drops of their own (a dropped file becomes its path as text). A
        picture dropped on one is meant for the window, so we look at their drops first and
        leave them text, links and our gallery's ids."""
        for edit in self._window.findChildren(QAbstractScrollArea):
            if isinstance(edit, (QPlainTextEdit, QTextEdit)):
                edit.viewport().installEventFilter(self)
                self._text_targets.add(edit.viewport())
        for line in self._window.findChildren(QLineEdit):
            line.installEventFilter(self)
            self._text_targets.add(line)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        if watched is not self._window and watched not in self._text_targets:
            return False
        assert isinstance(event, QDropEvent)  # drag-enter and drag-move derive from it
        held = payload_kind(event.mimeData())
        if watched is not self._window and held not in (PayloadKind.FILES, PayloadKind.RAW):
            return False  # the text field's own business
        if held is None:
            event.ignore()
            return True
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            payload = read_payload(event.mimeData())
            if payload is not None:
                self.offer(payload)
        return True

    def paste(self) -> None:
        """Ctrl+V outside text fields: into the focused slot, else the drop choices."""
        from stepfun_studio.ui.clipboard import clipboard_payload
        from stepfun_studio.ui.reference_slot import ReferenceSlot
        from stepfun_studio.ui.reference_strip import ReferenceStrip

        focus = QApplication.focusWidget()
        if isinstance(focus, (ReferenceSlot, ReferenceStrip)):
            focus.paste()
            return
        payload = clipboard_payload()
        if payload is None:
            self.message.emit(self.tr("The clipboard holds no image."))
            return
        self.offer(payload)

    # --- the choices --------------------------------------------------------------------------

    def offer_for(self, payload: DropPayload) -> DropOffer:
        """What the chosen model can do with `payload` now, and why not the rest."""
        model = self._dock.request_model
        target = DropTarget(
            spec=model.spec(),
            has_source=model.source is not None,
            references=len(model.references),
        )
        importable = self._library is not None and payload.kind is PayloadKind.FILES
        return offer_for(target, pictures=payload.count, can_import=importable)

    def choices_for(self, payload: DropPayload) -> tuple[DropChoice, ...]:
        return self.offer_for(payload).offered

    def offer(self, payload: DropPayload) -> None:
        self._token += 1
        self._payload = payload
        self._restore = None
        offer = self.offer_for(payload)
        choices = offer.offered
        single = payload.count == 1
        if not choices and not single:
            self.message.emit(self.tr("Drop one image at a time here."))
            return
        self.overlay.show_choices(self._title(payload), choices, offer.missing)
        if single and payload.kind is not PayloadKind.LINK:
            self._start(
                lambda: self._read_parameters(payload), self._on_parameters, latest_only=True
            )

    def _title(self, payload: DropPayload) -> str:
        if payload.count > 1:
            return self.tr("%n image(s) dropped.", "", payload.count)
        if payload.kind is PayloadKind.FILES:
            name = payload.paths[0].name
        elif payload.kind is PayloadKind.GALLERY:
            name = self.tr("image #{id}").format(id=payload.ids[0])
        elif payload.kind is PayloadKind.LINK:
            name = payload.links[0].rsplit("/", 1)[-1] or payload.links[0]
        else:
            name = self.tr("the pasted image")
        return self.tr("What should Studio do with “{name}”?").format(name=name)

    def _read_parameters(self, payload: DropPayload) -> GenerationRequest | None:
        """Off the GUI thread: the parameters the image carries, or None."""
        if payload.kind is PayloadKind.GALLERY:
            if self._library is None:
                return None
            record = self._library.get(payload.ids[0])
            if record is None or not record.prompt:
                return None
            return self._library.request_for(payload.ids[0])
        fetched = fetch_one(payload, 0, self._library)
        return read_png_parameters(fetched.data)

    def _on_parameters(self, result: object) -> None:
        if isinstance(result, GenerationRequest):
            self._restore = result
            self.overlay.add_choice(DropChoice.RESTORE)

    # --- carrying out -------------------------------------------------------------------------

    def _on_chosen(self, value: str) -> None:
        payload = self._payload
        if payload is None:
            return
        choice = DropChoice(value)
        source, style = self._slots()
        if choice in (DropChoice.REDRAW, DropChoice.EDIT):
            source.load_payload(payload)
        elif choice is DropChoice.STYLE:
            style.load_payload(payload)
        elif choice is DropChoice.REFERENCE:
            self._strip().load_payload(payload)
        elif choice is DropChoice.RESTORE and self._restore is not None:
            self._reuse(self._restore)
            self.message.emit(self.tr("Parameters restored from the image."))
        elif choice is DropChoice.IMPORT and self._library is not None:
            library = self._library
            paths = payload.paths
            self._start(lambda: library.import_files(paths), self._on_imported, latest_only=False)

    def use_picture(self, image_id: int, *, source: bool) -> None:
        """A gallery picture into the source slot (`source`) or as the style: read and prepared
        off the GUI thread by `load_reference`, as a drop of it would be, then handed to the
        dock, which says where it went."""
        dock = self._dock
        spec = dock.spec()
        if source:
            purpose = self._slots()[0].purpose()
        elif spec is not None and not spec.supports_style_reference and spec.max_references:
            purpose = ReferencePurpose.EDIT  # it becomes one more reference picture
        else:
            purpose = ReferencePurpose.STYLE
        payload = DropPayload(PayloadKind.GALLERY, ids=(image_id,))

        def loaded(result: LoadedReference | None, message: str | None) -> None:
            if result is None:
                self.message.emit(message or "")
            elif source:
                dock.set_source_image(result.prepared.image)
                # The main window's words (and their translation) from before this road moved.
                self.message.emit(
                    QCoreApplication.translate("MainWindow", "The picture is now the source image.")
                )
            else:
                self.message.emit(dock.use_as_style(result.prepared.image))

        start_loading(self, payload, purpose, self._library, loaded)

    def _on_imported(self, report: ImportReport) -> None:
        from stepfun_studio.ui.gallery.organise import import_report_text  # the gallery's words

        text = import_report_text(report)
        if report.failures:
            text += f" ({report.failures[0].path.name}: {report.failures[0].reason})"
        self.message.emit(text)
        self.imported.emit(report)

    def _slots(self) -> tuple[ReferenceSlot, ReferenceSlot]:
        from stepfun_studio.ui.reference_slot import ReferenceSlot

        self._dock.build_form()  # the dock makes its fields after the window's first paint
        source = self._dock.findChild(ReferenceSlot, "sourceSlot")
        style = self._dock.findChild(ReferenceSlot, "styleSlot")
        assert isinstance(source, ReferenceSlot) and isinstance(style, ReferenceSlot)
        return source, style

    def _strip(self) -> ReferenceStrip:
        from stepfun_studio.ui.reference_strip import ReferenceStrip

        self._dock.build_form()
        strip = self._dock.findChild(ReferenceStrip, "referenceStrip")
        assert isinstance(strip, ReferenceStrip)
        return strip

    # --- in the background ------------------------------------------------------------------

    def _start(
        self, work: Callable[[], T], done: Callable[[T], None], *, latest_only: bool
    ) -> None:
        """Runs `work` off the GUI thread, then `done(result)` here; with `latest_only`, only if
        no newer drop came meanwhile (an import's report is shown whatever came since)."""
        token = self._token if latest_only else None

        def finished(result: Any, error: BaseException | None) -> None:
            if token not in (None, self._token):
                return
            if error is None:
                done(result)
                return
            if not isinstance(error, AppError):
                log.error("background work for a drop failed", exc_info=error)
            self.message.emit(error.message if isinstance(error, AppError) else str(error))

        run_in_background(self, work, finished, "window-drop")


def install_window_drops(
    window: QWidget,
    dock: Any,
    library: Library | None,
    reuse: Callable[[GenerationRequest], None] | None = None,
) -> WindowDrops:
    """Makes `window` take image drops and Ctrl+V; `dock` (a ParameterDock) holds the slots,
    the reference strip and the request model."""
    return WindowDrops(window, dock, library, reuse)
