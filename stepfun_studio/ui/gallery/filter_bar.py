"""`FilterBar`: the row of filters above the grid; it turns widget state into an `ImageQuery`.

The search text and the collection/trash scope belong to the panel and the sidebar; this bar owns
favourites only, minimum rating, hide rejected, tag, model, provider, size, date range and sort
order. The less-used filters (tag, model, provider, size, dates) sit in a "Filters" drop-down so
the bar stays narrow enough for a 1366 px laptop screen; the button shows how many are active.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import cast

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from stepfun_studio.core.model_table import model_table
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery, Sort
from stepfun_studio.ui.library_reads import LibraryReads
from stepfun_studio.ui.provider_names import provider_title

# Combos size to this many characters instead of their longest item, so long model labels or
# translations do not widen the whole window.
_COMBO_CHARS = 6


def _combo(parent: QWidget, name: str, values: Iterable[object] = ()) -> QComboBox:
    """A compact combo holding `values`; `retranslate` gives them their words."""
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(_COMBO_CHARS)
    for value in values:
        combo.addItem("", value)
    return combo


def _refill(combo: QComboBox, anything: str, choices: Iterable[tuple[str, str]]) -> None:
    """New choices after "any"; the current one stays if offered, and no change is signalled."""
    current = combo.currentData() or ""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(anything, "")
    for text, value in choices:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


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
        self.favourites.setCheckable(True)

        self.min_rating = _combo(self, "minRating", range(6))

        self.hide_rejected = QCheckBox(self)
        self.hide_rejected.setObjectName("hideRejected")

        # The drop-down: a menu holding one form, so it opens and closes like any menu.
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("moreFilters")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self.more_button)
        self._panel = QWidget(self._menu)
        self._panel.setObjectName("moreFiltersPanel")
        form = QFormLayout(self._panel)
        form.setContentsMargins(10, 8, 10, 8)

        self.tag = _combo(self._panel, "tagFilter", [""])
        self.model_filter = _combo(self._panel, "modelFilter", [""])
        sizes: list[str] = []
        for name in model_table().names():
            spec = model_table().require(name)
            self.model_filter.addItem(spec.label or name, name)
            sizes.extend(s for s in spec.sizes if s not in sizes)
        # Every provider of the table until the library says which made pictures here.
        self.provider_filter = _combo(self._panel, "providerFilter", [""])
        self.set_providers(model_table().provider_ids())
        self.size_filter = _combo(self._panel, "sizeFilter", [""])
        for size in sizes:
            self.size_filter.addItem(size.replace("x", "×"), size)
        # The drop-down's filters, in the form's order; each has "any" first.
        self._hidden = (self.tag, self.provider_filter, self.model_filter, self.size_filter)

        self.use_dates = QCheckBox(self._panel)
        self.use_dates.setObjectName("dateRangeEnabled")
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1), self._panel)
        self.date_to = QDateEdit(today, self._panel)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self.changed)
            self.use_dates.toggled.connect(edit.setEnabled)
        self._to_label = QLabel(self._panel)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self._to_label)
        dates.addWidget(self.date_to)

        self._labels = [QLabel(self._panel) for _ in self._hidden]
        for label, combo in zip(self._labels, self._hidden, strict=True):
            form.addRow(label, combo)
        form.addRow(self.use_dates, dates)
        action = QWidgetAction(self._menu)
        action.setDefaultWidget(self._panel)
        self._menu.addAction(action)
        self.more_button.setMenu(self._menu)

        self.sort = _combo(self, "sortOrder", ("newest", "oldest", "rating"))

        layout.addWidget(self.favourites)
        layout.addWidget(self.min_rating)
        layout.addWidget(self.hide_rejected)
        layout.addWidget(self.more_button)
        layout.addStretch(1)
        layout.addWidget(self.sort)

        for box in (self.favourites, self.hide_rejected, self.use_dates):
            box.toggled.connect(self.changed)
        for combo in (self.min_rating, *self._hidden, self.sort):
            combo.currentIndexChanged.connect(self.changed)
        # The button's count follows every change of the filters inside the drop-down.
        self.changed.connect(self._show_active_count)
        self.retranslate()

    def retranslate(self) -> None:
        """Re-sets every text; called at build time and on each language switch."""
        # The heart alone, like the marks on the cells: the word cost the 1366 px window its fit.
        self.favourites.setText("♥")
        self.favourites.setToolTip(self.tr("Show favourites only"))
        self.min_rating.setItemText(0, self.tr("Any rating"))
        for stars in range(1, 6):
            self.min_rating.setItemText(stars, "★" * stars + self.tr(" or more"))
        self.hide_rejected.setText(self.tr("Hide rejected"))
        self.more_button.setToolTip(self.tr("Filter by tag, provider, model, size and date"))
        labels = (self.tr("Tag"), self.tr("Provider"), self.tr("Model"), self.tr("Size"))
        anything = (self.tr("Any tag"), self.tr("Any provider"), self.tr("Any model"))
        words = zip(labels, (*anything, self.tr("Any size")), strict=True)
        for label, combo, (name, any_one) in zip(self._labels, self._hidden, words, strict=True):
            label.setText(name)
            combo.setItemText(0, any_one)
        self.use_dates.setText(self.tr("From"))
        self._to_label.setText(self.tr("to"))
        for index, text in enumerate(
            (self.tr("Newest first"), self.tr("Oldest first"), self.tr("Best rated"))
        ):
            self.sort.setItemText(index, text)
        self._show_active_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def active_hidden_filters(self) -> int:
        """How many of the drop-down's filters narrow the view (shown on its button)."""
        active = sum(1 for combo in self._hidden if combo.currentIndex() > 0)
        return active + int(self.use_dates.isChecked())

    def _show_active_count(self) -> None:
        active = self.active_hidden_filters()
        label = self.tr("Filters")
        self.more_button.setText(f"{label} ({active})" if active else label)

    def set_tags(self, tags: list[tuple[str, int]]) -> None:
        """Offer the library's tags, keeping the current choice when it still exists."""
        _refill(self.tag, self.tr("Any tag"), ((f"#{tag} ({count})", tag) for tag, count in tags))

    def load_choices(self, library: Library | None, reads: LibraryReads) -> None:
        """Reads the library's tags and the providers that made its pictures, off this thread."""
        if library is None:
            self.set_tags([])
            return
        candidates = model_table().provider_ids()
        reads.submit(
            lambda: (library.list_tags(), library.providers_present(candidates)),
            self._take_choices,
            "reading the gallery's tags and providers",
        )

    def _take_choices(self, choices: tuple[list[tuple[str, int]], list[str]]) -> None:
        tags, providers = choices
        self.set_tags(tags)
        self.set_providers(providers)

    def set_providers(self, provider_ids: Iterable[str]) -> None:
        """Offer these providers (the table's, or those that made pictures in the library).

        Listed in the table's order with the table's names; the current choice stays, even
        when the library no longer holds its pictures, so a filter never changes on its own.
        """
        wanted = {*provider_ids, self.provider_filter.currentData() or ""}
        choices = [(provider_title(p), p.id) for p in model_table().providers if p.id in wanted]
        _refill(self.provider_filter, self.tr("Any provider"), choices)

    def apply_to(self, query: ImageQuery) -> ImageQuery:
        created_from = created_to = None
        if self.use_dates.isChecked():
            start = datetime.combine(cast(date, self.date_from.date().toPython()), time.min)
            end = datetime.combine(cast(date, self.date_to.date().toPython()), time.max)
            created_from, created_to = start.timestamp(), end.timestamp()
        return dataclasses.replace(
            query,
            favourites_only=self.favourites.isChecked(),
            min_rating=int(self.min_rating.currentData()),
            hide_rejected=self.hide_rejected.isChecked(),
            tag=self.tag.currentData() or None,
            model=self.model_filter.currentData() or None,
            provider=self.provider_filter.currentData() or None,
            size=self.size_filter.currentData() or None,
            created_from=created_from,
            created_to=created_to,
            sort=self._sort(),
        )

    def is_filtering(self) -> bool:
        """Whether any filter narrows the view (the sort order does not)."""
        defaults = dataclasses.replace(ImageQuery(), sort=self._sort())
        return self.apply_to(ImageQuery()) != defaults

    def reset(self) -> None:
        """Every filter back to "any" (the sort order stays), with one `changed`."""
        self.blockSignals(True)  # the widgets' changes reach `changed` through this bar
        for box in (self.favourites, self.hide_rejected, self.use_dates):
            box.setChecked(False)
        for combo in (self.min_rating, *self._hidden):
            combo.setCurrentIndex(0)
        self.blockSignals(False)
        self.changed.emit()

    def _sort(self) -> Sort:
        return cast(Sort, self.sort.currentData())  # one of the values the combo was built with
