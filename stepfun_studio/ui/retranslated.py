"""`Retranslated`: a widget's texts follow a live language switch.

`LanguageSwitcher.apply` swaps the translators and Qt sends every widget a `LanguageChange`
event. A widget that mixes this in (before its Qt class) re-sets its words in `retranslate()`
then, instead of each widget overriding `changeEvent` with the same four lines.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslated:
    """Mixed in before a Qt widget class; the widget defines `retranslate()`."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # the widget's Qt class has it
