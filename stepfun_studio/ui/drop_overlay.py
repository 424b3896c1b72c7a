"""`DropOverlay`: what to do with an image dropped (or pasted) anywhere but a slot.

It covers the window with a dimmed layer and a card of choices: redraw from it, edit it, add it
to the reference pictures, use its style, restore the parameters it carries, or import several
files into the library. Which are offered, and why the others are not, is decided by
`drop_choices.offer_for` from the chosen model; this widget shows the choices with the reasons
under them and reports the one taken. Escape or a click beside the card cancels.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from stepfun_studio.ui.drop_choices import DropChoice
from stepfun_studio.ui.retranslated import Retranslated

__all__ = ["DropChoice", "DropOverlay"]

_OBJECT_NAMES = {
    DropChoice.REDRAW: "dropRedrawButton",
    DropChoice.STYLE: "dropStyleButton",
    DropChoice.EDIT: "dropEditButton",
    DropChoice.REFERENCE: "dropReferenceButton",
    DropChoice.RESTORE: "dropRestoreButton",
    DropChoice.IMPORT: "dropImportButton",
}


class DropOverlay(Retranslated, QWidget):
    """A window-covering layer with one button per offered choice; `chosen(str)` or `cancelled`."""

    chosen = Signal(str)  # a DropChoice value
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("dropOverlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self._offered: tuple[DropChoice, ...] = ()
        self._missing: tuple[tuple[DropChoice, str], ...] = ()
        self._card = QFrame(self)
        self._card.setObjectName("dropOverlayCard")
        self._card.setFrameShape(QFrame.Shape.StyledPanel)
        self._card.setAutoFillBackground(True)
        self._title = QLabel(self._card)
        self._title.setObjectName("dropOverlayTitle")
        self._title.setWordWrap(True)
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._buttons: dict[DropChoice, QPushButton] = {}
        layout = QVBoxLayout(self._card)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(8)
        layout.addWidget(self._title)
        for choice in DropChoice:
            button = QPushButton(self._card)
            button.setObjectName(_OBJECT_NAMES[choice])
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            layout.addWidget(button)
            self._buttons[choice] = button
        # Why a choice the user may expect is not there ("This model takes no style reference").
        self._missing_label = QLabel(self._card)
        self._missing_label.setObjectName("dropOverlayMissing")
        self._missing_label.setProperty("role", "muted")
        self._missing_label.setWordWrap(True)
        layout.addWidget(self._missing_label)
        self._cancel = QPushButton(self._card)
        self._cancel.setObjectName("dropCancelButton")
        self._cancel.clicked.connect(self.cancel)
        layout.addWidget(self._cancel)
        self.retranslate()
        parent.installEventFilter(self)
        self.hide()

    def retranslate(self) -> None:
        texts = {
            DropChoice.REDRAW: self.tr("Redraw from this"),
            DropChoice.STYLE: self.tr("Use its style"),
            DropChoice.EDIT: self.tr("Edit this image"),
            DropChoice.REFERENCE: self.tr("Add as a reference picture"),
            DropChoice.RESTORE: self.tr("Restore its parameters"),
            DropChoice.IMPORT: self.tr("Import into the library"),
        }
        tips = {
            DropChoice.REDRAW: self.tr("Use it as the source image and redraw from it."),
            DropChoice.STYLE: self.tr("Use it as the style reference."),
            DropChoice.EDIT: self.tr("Use it as the picture to edit."),
            DropChoice.REFERENCE: self.tr("Add it to the reference pictures the model draws from."),
            DropChoice.RESTORE: self.tr("Fill the prompt and settings from the image's metadata."),
            DropChoice.IMPORT: self.tr("Add the dropped pictures to the library."),
        }
        for choice, button in self._buttons.items():
            button.setText(texts[choice])
            button.setToolTip(tips[choice])
        self._cancel.setText(self.tr("Cancel"))

    def offered(self) -> tuple[DropChoice, ...]:
        return self._offered if self.isVisible() else ()

    def button(self, choice: DropChoice) -> QPushButton:
        return self._buttons[choice]

    def missing(self) -> dict[DropChoice, str]:
        """Why each choice left out is not offered, while showing."""
        return dict(self._missing) if self.isVisible() else {}

    def show_choices(
        self,
        title: str,
        choices: tuple[DropChoice, ...],
        missing: tuple[tuple[DropChoice, str], ...] = (),
    ) -> None:
        self._title.setText(title)
        self._offered = choices
        self._missing = missing
        self._missing_label.setText("\n".join(reason for _choice, reason in missing))
        self._missing_label.setVisible(bool(missing))
        for choice, button in self._buttons.items():
            button.setVisible(choice in choices)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self._place_card()
        self.show()
        self.raise_()
        self.setFocus()
        first = next((self._buttons[c] for c in DropChoice if c in choices), self._cancel)
        first.setDefault(True)
        first.setFocus()

    def add_choice(self, choice: DropChoice) -> None:
        """Offers one more choice while showing (e.g. once the file's metadata has been read)."""
        if not self.isVisible() or choice in self._offered:
            return
        self._offered = tuple(c for c in DropChoice if c in (*self._offered, choice))
        self._buttons[choice].show()
        self._place_card()

    def cancel(self) -> None:
        if self.isVisible():
            self.hide()
            self.cancelled.emit()

    def _choose(self, choice: DropChoice) -> None:
        self.hide()
        self.chosen.emit(choice.value)

    def _place_card(self) -> None:
        self._card.adjustSize()
        width = min(max(self._card.sizeHint().width(), 320), max(200, self.width() - 40))
        self._card.resize(width, self._card.sizeHint().height())
        self._card.move(
            (self.width() - width) // 2, max(0, (self.height() - self._card.height()) // 2)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.parentWidget()
            and event.type() == QEvent.Type.Resize
            and self.isVisible()
        ):
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
                self._place_card()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 110))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self._card.geometry().contains(event.position().toPoint()):
            self.cancel()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        super().keyPressEvent(event)
