"""The Spend view: what the pictures in the library cost, by day, by provider and by collection.

The sums come from one library query (`Library.spend_report`) run on a worker thread, never on
the GUI thread; the view shows "Reading the library…" until the answer arrives. Money in
different currencies is never added: a row that holds yuan and dollars reads "¥0.30 + $0.08".
Costs are the provider's own figures where it reported them, else the model table's list price.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.cost import format_sums
from stepfun_studio.library.records import SpendLine, SpendReport
from stepfun_studio.ui.library_reads import LibraryReads
from stepfun_studio.ui.provider_names import provider_label


class SpendSource(Protocol):
    """The part of `library.Library` the Spend view reads."""

    def spend_report(self) -> SpendReport: ...


def _grouped(lines: Iterable[SpendLine]) -> list[tuple[str, int, dict[str, float]]]:
    """(key, pictures, amount per currency) per key, in the order the lines came."""
    grouped: dict[str, tuple[int, dict[str, float]]] = {}
    for line in lines:
        pictures, sums = grouped.get(line.key, (0, {}))
        sums[line.currency] = sums.get(line.currency, 0.0) + line.amount
        grouped[line.key] = (pictures + line.pictures, sums)
    return [(key, pictures, sums) for key, (pictures, sums) in grouped.items()]


class SpendView(QDialog):
    """Totals per currency above three tables: by day, by provider, by collection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spendView")
        self.resize(560, 480)
        self._library: SpendSource | None = None
        self._report: SpendReport | None = None
        self._reads = LibraryReads(self)

        self.total_label = QLabel(self)
        self.total_label.setObjectName("spendTotal")
        self.total_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.total_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.total_label.setFont(font)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("spendNote")
        self.note_label.setWordWrap(True)
        self.note_label.setProperty("role", "muted")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("spendStatus")

        self.tabs = QTabWidget(self)
        self.by_day = self._table("spendByDay")
        self.by_provider = self._table("spendByProvider")
        self.by_collection = self._table("spendByCollection")
        for tree in (self.by_day, self.by_provider, self.by_collection):
            self.tabs.addTab(tree, "")

        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("spendRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.total_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.retranslate()

    def _table(self, name: str) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName(name)
        tree.setRootIsDecorated(False)
        tree.setColumnCount(3)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        return tree

    # -- reading ---------------------------------------------------------------------------

    def set_library(self, library: SpendSource | None) -> None:
        self._library = library
        self._reads.cancel_all()
        self._show(SpendReport() if library is None else None)
        if library is not None:
            self.refresh()

    def refresh(self) -> None:
        """Reads the sums again, on the worker; the tables keep their rows until then."""
        library = self._library
        if library is None:
            return
        self._reads.cancel_all()
        self.status_label.setText(self.tr("Reading the library…"))
        self.refresh_button.setEnabled(False)
        self._reads.submit(library.spend_report, self._on_report, "reading the spend")

    def loading(self) -> bool:
        return self._reads.busy()

    def report(self) -> SpendReport | None:
        return self._report

    def _on_report(self, report: SpendReport) -> None:
        self.status_label.clear()
        self.refresh_button.setEnabled(True)
        self._show(report)

    # -- showing ---------------------------------------------------------------------------

    def _show(self, report: SpendReport | None) -> None:
        self._report = report
        if report is None:
            return
        totals = {line.currency: line.amount for line in report.totals}
        for line in report.assistant:  # the prompt assistant's calls are money spent too
            totals[line.currency] = totals.get(line.currency, 0.0) + line.amount
        pictures = sum(line.pictures for line in report.totals)
        if totals:
            self.total_label.setText(
                self.tr("Total: {money} for %n picture(s)", "", pictures).format(
                    money=format_sums(totals)
                )
            )
        else:
            self.total_label.setText(self.tr("Nothing spent yet."))
        note = self.tr(
            "Costs are what the provider reported, else the model's list price. Currencies are "
            "never added together."
        )
        if report.unpriced:
            note += " " + self.tr(
                "Not counted: %n picture(s) made with a model that has no known price.",
                "",
                report.unpriced,
            )
        if report.assistant:
            calls = sum(line.pictures for line in report.assistant)
            spent = {line.currency: line.amount for line in report.assistant}
            note += " " + self.tr(
                "Includes {money} for %n prompt assistant call(s).", "", calls
            ).format(money=format_sums(spent))
        self.note_label.setText(note)
        self._fill(self.by_day, report.by_day, str)
        self._fill(self.by_provider, report.by_provider, provider_label)
        self._add_assistant_rows(report.assistant)
        self._fill(self.by_collection, report.by_collection, str)

    def _fill(
        self, tree: QTreeWidget, lines: Iterable[SpendLine], name_of: Callable[[str], str]
    ) -> None:
        tree.clear()
        for key, pictures, sums in _grouped(lines):
            # Days are ISO dates: sortable and read the same in both languages.
            item = QTreeWidgetItem([name_of(key), str(pictures), format_sums(sums)])
            item.setData(0, Qt.ItemDataRole.UserRole, key)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tree.addTopLevelItem(item)
        tree.resizeColumnToContents(0)

    def _add_assistant_rows(self, lines: Iterable[SpendLine]) -> None:
        for key, calls, sums in _grouped(lines):
            name = self.tr("{provider} prompt assistant").format(provider=provider_label(key))
            item = QTreeWidgetItem([name, str(calls), format_sums(sums)])
            item.setToolTip(1, self.tr("Chat calls, not pictures"))
            for column in (1, 2):
                item.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            self.by_provider.addTopLevelItem(item)

    # -- language, closing -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Spend"))
        self.tabs.setTabText(0, self.tr("By day"))
        self.tabs.setTabText(1, self.tr("By provider"))
        self.tabs.setTabText(2, self.tr("By collection"))
        pictures, cost = self.tr("Pictures"), self.tr("Cost")
        self.by_day.setHeaderLabels([self.tr("Day"), pictures, cost])
        self.by_provider.setHeaderLabels([self.tr("Provider"), pictures, cost])
        self.by_collection.setHeaderLabels([self.tr("Collection"), pictures, cost])
        # Numbers sit right, under headings that sit right too.
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for tree in (self.by_day, self.by_provider, self.by_collection):
            header = tree.headerItem()
            header.setTextAlignment(1, right)
            header.setTextAlignment(2, right)
        self.refresh_button.setText(self.tr("Refresh"))
        if self.loading():
            self.status_label.setText(self.tr("Reading the library…"))
        self._show(self._report)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "by_collection"):
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._reads.cancel_all()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stops the worker; the main window calls this before the library closes."""
        self._reads.shutdown()


def show_spend_view(window: QWidget, library: SpendSource) -> SpendView:
    """Opens the window's Spend view (one at most), reading the sums afresh."""
    view = window.findChild(SpendView)
    if view is None:
        view = SpendView(window)
    view.set_library(library)
    view.show()
    view.raise_()
    view.activateWindow()
    return view


def shut_down_spend_views(window: QWidget) -> None:
    """Stops the Spend view's worker before the library closes (a read may be running)."""
    for view in window.findChildren(SpendView):
        view.shutdown()
