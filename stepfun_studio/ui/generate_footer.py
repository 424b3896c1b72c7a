"""The foot of the parameter dock: what still stands in the way, what the batch costs, Generate.

Problems that belong to no field of the dock (the prompt, which lives in the prompt editor, and
the mode) are listed here, right above the button they keep disabled.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class GenerateFooter(QWidget):
    """Problem summary, batch price and the Generate button (objectName generateButton)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("problemSummary")
        self.summary.setProperty("role", "error")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.cost = QLabel()
        self.cost.setObjectName("costLabel")
        self.cost.setProperty("role", "muted")
        self.cost.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton()
        self.button.setObjectName("generateButton")
        self.button.setDefault(True)
        self.button.setMinimumHeight(34)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.summary)
        layout.addWidget(self.cost)
        layout.addWidget(self.button)

    def show_state(
        self, count: int, price: float | None, problems: list[str], *, ok: bool, gentle: bool
    ) -> None:
        """`count` images at `price` each (None: not listed); `problems` without a field.

        `gentle`: the only thing missing is a prompt not yet written, which is how every session
        starts, so it reads as a hint, not in red.
        """
        self.summary.setText("\n".join(problems))
        self.summary.setVisible(bool(problems))
        role = "muted" if gentle else "error"
        if self.summary.property("role") != role:
            self.summary.setProperty("role", role)
            self.summary.style().unpolish(self.summary)
            self.summary.style().polish(self.summary)
        self.button.setEnabled(ok)
        self.button.setText(
            self.tr("Generate") if count == 1 else self.tr("Generate {n} images").format(n=count)
        )
        self.button.setToolTip(self.tr("Generate (Ctrl+Enter)"))
        # Every image is billed, so the price of the whole batch is in sight before sending.
        # Whole sentences rather than "%n request(s)": right in English without a plural table,
        # and each is one thing to translate.
        if price is None:
            text = (
                self.tr("1 request; this model's price is not listed")
                if count == 1
                else self.tr("{n} requests; this model's price is not listed")
            )
        else:
            text = (
                self.tr("1 request, about ¥{total:.2f}")
                if count == 1
                else self.tr("{n} requests, about ¥{total:.2f}")
            )
        self.cost.setText(text.format(n=count, total=(price or 0.0) * count))
