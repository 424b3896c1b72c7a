"""`LibraryNotice`: a line that says what is wrong with the library, with a Retry button.

A locked database (another program holds it), a full disk or a read-only folder make a read or a
write fail after its wait, off the GUI thread. The view that asked shows the library's own words
(`AppError.message`, in the user's language) here, keeps what it showed before, and Retry runs
the same work again once the user has fixed the cause. Never a modal dialog: the rest of the
window keeps working meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.ui.retranslated import Retranslated


class LibraryNotice(Retranslated, QFrame):
    """Hidden until `show_problem(message, retry)`; Retry hides it and calls `retry`."""

    def __init__(self, parent: QWidget | None = None, *, stacked: bool = False) -> None:
        """`stacked`: the buttons under the text, for a narrow place (the sidebar)."""
        super().__init__(parent)
        self.setObjectName("libraryNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("role", "warning")
        self._retry: Callable[[], None] | None = None
        self.text = QLabel(self)
        self.text.setObjectName("libraryNoticeText")
        self.text.setWordWrap(True)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("libraryNoticeRetry")
        self.retry_button.clicked.connect(self.retry)
        self._close = QToolButton(self)
        self._close.setObjectName("libraryNoticeClose")
        self._close.setText("×")
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.dismiss)
        row = QHBoxLayout()
        if stacked:
            column = QVBoxLayout(self)
            column.setContentsMargins(6, 4, 4, 4)
            column.addWidget(self.text)
            column.addLayout(row)
            row.addStretch(1)
        else:
            self.setLayout(row)
            row.setContentsMargins(8, 4, 4, 4)
            row.addWidget(self.text, 1)
        row.addWidget(self.retry_button)
        row.addWidget(self._close)
        self.retranslate()
        self.hide()

    def show_problem(self, message: str, retry: Callable[[], None] | None) -> None:
        self._retry = retry
        self.text.setText(message)
        self.retry_button.setVisible(retry is not None)
        self.show()

    def retry(self) -> None:
        again, self._retry = self._retry, None
        self.hide()
        if again is not None:
            again()

    def dismiss(self) -> None:
        self._retry = None
        self.hide()

    def retranslate(self) -> None:
        self.retry_button.setText(self.tr("Retry"))
        self._close.setToolTip(self.tr("Dismiss"))
