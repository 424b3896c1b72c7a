"""`FilterBar`: the row of filters above the grid; it turns widget state into an `ImageQuery`.

The search text and the collection/trash scope belong to the panel and the sidebar; this bar owns
favourites only, minimum rating, hide rejected, tag, model, size, date range and sort order.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)

from stepfun_studio.core.model_table import model_table
from stepfun_studio.library.records import ImageQuery, Sort


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("galleryFilterBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        self.favourites = QToolButton(self)
        self.favourites.setObjectName("favouritesOnly")
        self.favourites.setText(self.tr("♥ Favourites"))
        self.favourites.setCheckable(True)
        self.favourites.setToolTip(self.tr("Show favourites only"))

        self.min_rating = QComboBox(self)
        self.min_rating.setObjectName("minRating")
        self.min_rating.addItem(self.tr("Any rating"), 0)
        for stars in range(1, 6):
            self.min_rating.addItem("★" * stars + self.tr(" or more"), stars)

        self.hide_rejected = QCheckBox(self.tr("Hide rejected"), self)
        self.hide_rejected.setObjectName("hideRejected")

        self.tag = QComboBox(self)
        self.tag.setObjectName("tagFilter")
        self.model_filter = QComboBox(self)
        self.model_filter.setObjectName("modelFilter")
        self.model_filter.addItem(self.tr("Any model"), "")
        sizes: list[str] = []
        for name in model_table().names():
            spec = model_table().require(name)
            self.model_filter.addItem(spec.label or name, name)
            sizes.extend(s for s in spec.sizes if s not in sizes)
        self.size_filter = QComboBox(self)
        self.size_filter.setObjectName("sizeFilter")
        self.size_filter.addItem(self.tr("Any size"), "")
        for size in sizes:
            self.size_filter.addItem(size.replace("x", "×"), size)
        self.set_tags([])

        self.use_dates = QCheckBox(self.tr("From"), self)
        self.use_dates.setObjectName("dateRangeEnabled")
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1), self)
        self.date_to = QDateEdit(today, self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self.changed)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)

        self.sort = QComboBox(self)
        self.sort.setObjectName("sortOrder")
        self.sort.addItem(self.tr("Newest first"), "newest")
        self.sort.addItem(self.tr("Oldest first"), "oldest")
        self.sort.addItem(self.tr("Best rated"), "rating")

        for widget in (
            self.favourites,
            self.min_rating,
            self.hide_rejected,
            self.tag,
            self.model_filter,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.size_filter)
        layout.addWidget(self.use_dates)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel(self.tr("to"), self))
        layout.addWidget(self.date_to)
        layout.addStretch(1)
        layout.addWidget(self.sort)

        self.favourites.toggled.connect(self.changed)
        self.hide_rejected.toggled.connect(self.changed)
        self.use_dates.toggled.connect(self.changed)
        for combo in (self.min_rating, self.tag, self.model_filter, self.size_filter, self.sort):
            combo.currentIndexChanged.connect(self.changed)

    def set_tags(self, tags: list[tuple[str, int]]) -> None:
        """Offer the library's tags, keeping the current choice when it still exists."""
        current = self.tag.currentData() or ""
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("Any tag"), "")
        for tag, count in tags:
            self.tag.addItem(f"#{tag} ({count})", tag)
        found = self.tag.findData(current)
        self.tag.setCurrentIndex(max(0, found))
        self.tag.blockSignals(False)

    def apply_to(self, query: ImageQuery) -> ImageQuery:
        created_from = created_to = None
        if self.use_dates.isChecked():
            start = datetime.combine(_date(self.date_from), time.min)
            end = datetime.combine(_date(self.date_to), time.max)
            created_from, created_to = start.timestamp(), end.timestamp()
        return dataclasses.replace(
            query,
            favourites_only=self.favourites.isChecked(),
            min_rating=int(self.min_rating.currentData()),
            hide_rejected=self.hide_rejected.isChecked(),
            tag=self.tag.currentData() or None,
            model=self.model_filter.currentData() or None,
            size=self.size_filter.currentData() or None,
            created_from=created_from,
            created_to=created_to,
            sort=self._sort(),
        )

    def _sort(self) -> Sort:
        value = self.sort.currentData()
        return "oldest" if value == "oldest" else "rating" if value == "rating" else "newest"

    def set_sort(self, sort: str) -> None:
        self.sort.setCurrentIndex(max(0, self.sort.findData(sort)))


def _date(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())
