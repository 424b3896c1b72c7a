"""`EmptyState`: a short, centred message over the gallery's grid when it has no rows.

A bare box says nothing; the message says why the grid is empty and what to do: an empty library
(generate or drop pictures), a search or filters that match nothing (with a button that clears
them), an empty trash, no favourites yet, an empty collection. Which one is read from the panel's
widgets (search text, filter bar, sidebar scope), never from the library: the grid's own row count
says whether it is empty, so the GUI thread reads nothing from disk for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from stepfun_studio.ui.gallery.sidebar import Scope

if TYPE_CHECKING:
    from stepfun_studio.ui.gallery.panel import GalleryPanel

# Wide enough for two or three short lines, narrow enough to sit inside a 1366 px window's grid.
MESSAGE_WIDTH = 340


class EmptyState(QWidget):
    """Shown centred on the grid's viewport while the grid has no rows, hidden otherwise."""

    def __init__(self, panel: GalleryPanel) -> None:
        super().__init__(panel.view.viewport())
        self.setObjectName("galleryEmptyState")
        self._panel = panel
        self.message = QLabel(self)
        self.message.setObjectName("galleryEmptyMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setProperty("role", "muted")
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("clearSearchAndFilters")
        self.clear_button.clicked.connect(self.clear_search_and_filters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(self.message)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setFixedWidth(MESSAGE_WIDTH)

        model = panel.model
        rows = (model.rowsInserted, model.rowsRemoved, model.modelReset, model.total_changed)
        # While empty, what the message says follows the search, the filters and the scope.
        asked = (panel.search.textChanged, panel.filters.changed, panel.sidebar.scope_changed)
        for signal in (*rows, *asked):
            signal.connect(self.refresh)
        panel.view.resized.connect(self._centre)
        self.refresh()

    def emptiness(self) -> Scope | None:
        """Why the grid has no rows: its scope is empty, or (None) nothing matches the search
        and filters. Each has its own message."""
        panel = self._panel
        if panel.search.text().strip() or panel.filters.is_filtering():
            return None
        return panel.sidebar.current_scope()[0]

    def text_for(self, emptiness: Scope | None) -> str:
        return {
            Scope.ALL: self.tr(
                "No pictures yet. Write a prompt and press Generate, or drop pictures here to "
                "import them."
            ),
            None: self.tr("No picture matches these filters."),
            Scope.TRASH: self.tr("The trash is empty."),
            Scope.FAVOURITES: self.tr(
                "No favourites yet. Select a picture and press F to mark it as a favourite."
            ),
            Scope.COLLECTION: self.tr(
                "This collection is empty. Drag pictures onto its name on the left to add them."
            ),
        }[emptiness]

    def refresh(self, *_args: object) -> None:
        panel = self._panel
        # Said only once the grid knows it is empty: not before the library's first page is read
        # (a big library would flash "No pictures yet" at start-up).
        known = panel.library is not None and panel.model.total_known
        if panel.view.model().rowCount() > 0 or not known:
            self.hide()
            return
        emptiness = self.emptiness()
        self.message.setText(self.text_for(emptiness))
        self.clear_button.setText(self.tr("Clear search and filters"))
        self.clear_button.setVisible(emptiness is None)
        self.adjustSize()
        self._centre()
        self.show()
        self.raise_()

    def clear_search_and_filters(self) -> None:
        """Empties the search field and sets every filter to "any"; the scope stays."""
        panel = self._panel
        panel.filters.reset()
        panel.search.clear()
        panel.apply_query()  # at once, even when the search's quiet period would delay it

    def _centre(self) -> None:
        viewport = self._panel.view.viewport()
        self.move(
            max(0, (viewport.width() - self.width()) // 2),
            max(0, (viewport.height() - self.height()) // 3),
        )
