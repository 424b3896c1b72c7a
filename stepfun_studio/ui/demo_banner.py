"""The demo banner: says that, without a key, pictures are drawn locally, and offers to add one.

It sits at the top of the window while the default provider has no key and the built-in stand-in
plays it, so a newcomer can try every feature and knows why the pictures look like test
patterns. It names the provider (`set_provider`), since the demo can play any of them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from stepfun_studio.ui.retranslated import Retranslated


class DemoBanner(Retranslated, QFrame):
    """objectName `demoBanner`; emits `enter_key_requested` when its button is pressed."""

    enter_key_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self._provider = ""
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

    def set_provider(self, label: str) -> None:
        """The provider the demo stands in for (the default provider's name)."""
        self._provider = label
        self.retranslate()

    def retranslate(self) -> None:
        if self._provider:
            text = self.tr(
                "<b>Demo mode.</b> No {provider} key is set, so pictures are drawn locally by "
                "a built-in stand-in server. They are test patterns, not {provider} images, and "
                "nothing is billed."
            ).format(provider=self._provider)
        else:
            text = self.tr(
                "<b>Demo mode.</b> No API key is set, so pictures are drawn locally by a "
                "built-in stand-in server. They are test patterns, and nothing is billed."
            )
        self._label.setText(text)
        self._button.setText(self.tr("Enter API key…"))

    def text(self) -> str:
        return self._label.text()
