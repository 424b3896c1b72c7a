"""The demo banner: says that, without a key, pictures are drawn locally, and offers to add one.

It sits at the top of the window while the app runs against the built-in stand-in server, so a
newcomer can try every feature and knows why the pictures look like test patterns.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class DemoBanner(QFrame):
    """objectName `demoBanner`; emits `enter_key_requested` when its button is pressed."""

    enter_key_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self._label = QLabel(self)
        self._label.setObjectName("demoBannerText")
        self._label.setWordWrap(True)
        self._button = QPushButton(self)
        self._button.setObjectName("enterKeyButton")
        self._button.clicked.connect(self.enter_key_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._button)
        self.retranslate()

    def retranslate(self) -> None:
        self._label.setText(
            self.tr(
                "<b>Demo mode.</b> No API key is set, so pictures are drawn locally by a "
                "built-in stand-in server. They are test patterns, not StepFun images, and "
                "nothing is billed."
            )
        )
        self._button.setText(self.tr("Enter API key…"))

    def text(self) -> str:
        return self._label.text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
