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

from PySide6.QtCore import QDate, QSignalBlocker, Signal
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
from stepfun_studio.ui.retranslated import Retranslated

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


def _refill(combo: QComboBox, choices: Iterable[tuple[str, str]]) -> None:
    """New choices after "any"; the current one stays if offered, and no change is signalled."""
    current = combo.currentData() or ""
    with QSignalBlocker(combo):
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))


class _MoreFilters(QWidget):
    """The drop-down's form: tag, provider, model, size and dates; each combo offers "any" first."""

    def __init__(self, bar: FilterBar, menu: QMenu) -> None:
        super().__init__(menu)
        self.setObjectName("moreFiltersPanel")
        form = QFormLayout(self)
        form.setContentsMargins(10, 8, 10, 8)
        self.tag = _combo(self, "tagFilter", [""])
        self.provider_filter = _combo(self, "providerFilter", [""])
        self.model_filter = _combo(self, "modelFilter", [""])
        self.size_filter = _combo(self, "sizeFilter", [""])
        models = model_table().models
        _refill(self.model_filter, ((spec.label or spec.name, spec.name) for spec in models))
        sizes = dict.fromkeys(size for spec in models for size in spec.sizes)  # once each, in order
        _refill(self.size_filter, ((size.replace("x", "×"), size) for size in sizes))
        self.combos = (self.tag, self.provider_filter, self.model_filter, self.size_filter)
        self.use_dates = QCheckBox(self)
        self.use_dates.setObjectName("dateRangeEnabled")
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1), self)
        self.date_to = QDateEdit(today, self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(bar.changed)
            self.use_dates.toggled.connect(edit.setEnabled)
        self.to_label = QLabel(self)
        dates = QHBoxLayout()
        for widget in (self.date_from, self.to_label, self.date_to):
            dates.addWidget(widget)
        self.labels = [QLabel(self) for _ in self.combos]
        for label, combo in zip(self.labels, self.combos, strict=True):
            form.addRow(label, combo)
            combo.currentIndexChanged.connect(bar.changed)
        form.addRow(self.use_dates, dates)
        self.use_dates.toggled.connect(bar.changed)


class FilterBar(Retranslated, QWidget):
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

        # The drop-down: a menu holding one form, so it opens and closes like any menu. The
        # form (some 70 widgets the first frame does not show) is made when it is first needed.
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("moreFilters")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self.more_button)
        self._menu.aboutToShow.connect(self.drop_down)
        self.more_button.setMenu(self._menu)
        self._more: _MoreFilters | None = None
        # The choices the library offers, kept until the form exists to show them.
        self._tags: list[tuple[str, int]] = []
        self._providers: set[str] = set(model_table().provider_ids())

        self.sort = _combo(self, "sortOrder", ("newest", "oldest", "rating"))

        for widget in (self.favourites, self.min_rating, self.hide_rejected, self.more_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.sort)

        for box in (self.favourites, self.hide_rejected):
            box.toggled.connect(self.changed)
        for combo in (self.min_rating, self.sort):
            combo.currentIndexChanged.connect(self.changed)
        # The button's count follows every change of the filters inside the drop-down.
        self.changed.connect(self._show_active_count)
        self.retranslate()

    def drop_down(self) -> _MoreFilters:
        """The drop-down's form, made now if this is its first use (its opening, or a caller's)."""
        if self._more is None:
            self._more = _MoreFilters(self, self._menu)
            action = QWidgetAction(self._menu)
            action.setDefaultWidget(self._more)
            self._menu.addAction(action)
            self.set_tags(self._tags)
            self.set_providers(self._providers)
            self.retranslate()
        return self._more

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
        if (more := self._more) is not None:
            for label, combo, (name, any_one) in zip(more.labels, more.combos, words, strict=True):
                label.setText(name)
                combo.setItemText(0, any_one)
            more.use_dates.setText(self.tr("From"))
            more.to_label.setText(self.tr("to"))
        orders = (self.tr("Newest first"), self.tr("Oldest first"), self.tr("Best rated"))
        for index, text in enumerate(orders):
            self.sort.setItemText(index, text)
        self._show_active_count()

    def active_hidden_filters(self) -> int:
        """How many of the drop-down's filters narrow the view (shown on its button)."""
        if (more := self._more) is None:
            return 0
        return sum(combo.currentIndex() > 0 for combo in more.combos) + more.use_dates.isChecked()

    def _show_active_count(self) -> None:
        active = self.active_hidden_filters()
        label = self.tr("Filters")
        self.more_button.setText(f"{label} ({active})" if active else label)

    def set_tags(self, tags: list[tuple[str, int]]) -> None:
        """Offer the library's tags, keeping the current choice when it still exists."""
        self._tags = tags
        if (more := self._more) is not None:
            _refill(more.tag, ((f"#{tag} ({count})", tag) for tag, count in tags))

    def known_tags(self) -> list[str]:
        """The library's tags as last read, most used first (no query, no form made)."""
        return [tag for tag, _count in self._tags]

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
        """Offer these providers (the table's, or those that made pictures in the library), in
        the table's order with its names; the current choice stays, even when the library no
        longer holds its pictures, so a filter never changes on its own."""
        self._providers = set(provider_ids)
        if (more := self._more) is not None:
            wanted = {*self._providers, more.provider_filter.currentData() or ""}
            choices = [(provider_title(p), p.id) for p in model_table().providers if p.id in wanted]
            _refill(more.provider_filter, choices)

    def apply_to(self, query: ImageQuery) -> ImageQuery:
        query = dataclasses.replace(
            query,
            favourites_only=self.favourites.isChecked(),
            min_rating=int(self.min_rating.currentData()),
            hide_rejected=self.hide_rejected.isChecked(),
            sort=cast(Sort, self.sort.currentData()),  # one of the values the combo was built with
        )
        if (more := self._more) is None:  # never opened: every one of its filters is "any"
            return query
        created_from = created_to = None
        if more.use_dates.isChecked():
            start = datetime.combine(cast(date, more.date_from.date().toPython()), time.min)
            end = datetime.combine(cast(date, more.date_to.date().toPython()), time.max)
            created_from, created_to = start.timestamp(), end.timestamp()
        return dataclasses.replace(
            query,
            tag=more.tag.currentData() or None,
            model=more.model_filter.currentData() or None,
            provider=more.provider_filter.currentData() or None,
            size=more.size_filter.currentData() or None,
            created_from=created_from,
            created_to=created_to,
        )

    def is_filtering(self) -> bool:
        """Whether any filter narrows the view (the sort order does not)."""
        chosen = self.apply_to(ImageQuery())
        return dataclasses.replace(chosen, sort=ImageQuery().sort) != ImageQuery()

    def reset(self) -> None:
        """Every filter back to "any" (the sort order stays), with one `changed`."""
        boxes, combos = [self.favourites, self.hide_rejected], [self.min_rating]
        if (more := self._more) is not None:
            boxes.append(more.use_dates)
            combos.extend(more.combos)
        with QSignalBlocker(self):  # the widgets' changes reach `changed` through this bar
            for box in boxes:
                box.setChecked(False)
            for combo in combos:
                combo.setCurrentIndex(0)
        self.changed.emit()
