"""`ProviderOnboarding`: the first start with no key anywhere asks which provider to use.

Its own module: the window makes it at start-up, and the chooser dialog's module is imported
when the question is asked (after the first paint, when the studio starts).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from stepfun_studio.core.errors import AppError

if TYPE_CHECKING:
    from stepfun_studio.ui.provider_chooser import ProviderChooser
    from stepfun_studio.ui.studio import Studio

log = logging.getLogger(__name__)


class ProviderOnboarding(QObject):
    """Connects the studio and the chooser for one window.

    It keeps no Python reference to the window (its Qt parent), and reaches the window's
    settings through a signal: the window holds this object, and a reference back would make a
    cycle that Python's collector may break on another thread.
    """

    settings_wanted = Signal()

    def __init__(
        self,
        window: QWidget,
        studio: Studio,
        open_settings: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._studio = studio
        self.settings_wanted.connect(open_settings)
        self.chooser: ProviderChooser | None = None
        studio.provider_choice_needed.connect(self.ask)

    def ask(self) -> None:
        """Opens the chooser (window-modal, not blocking); the choice is saved when made."""
        if self.chooser is not None and self.chooser.isVisible():
            return
        from stepfun_studio.ui.provider_chooser import ProviderChooser

        window = self.parent()
        parent = window if isinstance(window, QWidget) else None
        self.chooser = ProviderChooser(self._studio.settings.values.model_table(), parent)
        self.chooser.accepted.connect(self._chosen)
        self.chooser.open()

    def _chosen(self) -> None:
        chooser = self.chooser
        if chooser is None:
            return
        settings = self._studio.settings
        try:
            settings.save(chooser.apply_to(settings.values))
        except AppError as error:
            # An unwritable settings file still holds the choice for this session.
            log.warning("the provider choice was not saved: %s", error.message)
        if chooser.wants_key():
            self.settings_wanted.emit()
