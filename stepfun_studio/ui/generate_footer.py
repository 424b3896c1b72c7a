"""The foot of the parameter dock: why Generate is disabled, what the batch costs, Generate.

The reason sits right above the button it keeps disabled, whatever field it belongs to: a field
marked in red may be scrolled out of sight, so the footer names the first problem and offers to
show it. The estimate ("2 pictures · ≈ $0.08") comes from the model table's price for the
chosen options; "≈" where the table says the price is an estimate, nothing where it is unknown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from stepfun_studio.core.model_table import ModelSpec
from stepfun_studio.core.request import GenerationRequest

_SYMBOLS = {"USD": "$", "CNY": "¥", "EUR": "€", "GBP": "£"}


def format_money(amount: float, currency: str) -> str:
    """$0.08, ¥0.20; small amounts keep a third decimal so a cheap picture is not "$0.00"."""
    digits = 2 if amount == 0 or amount >= 0.1 else 3
    symbol = _SYMBOLS.get(currency.upper())
    number = f"{amount:.{digits}f}"
    return f"{symbol}{number}" if symbol else f"{number} {currency.upper()}"


def pictures_text(count: int) -> str:
    # Whole phrases rather than "%n picture(s)": right in English without a plural table.
    if count == 1:
        return QCoreApplication.translate("GenerateFooter", "1 picture")
    return QCoreApplication.translate("GenerateFooter", "{n} pictures").format(n=count)


def estimate_text(spec: ModelSpec | None, request: GenerationRequest) -> str:
    """ "2 pictures · ≈ $0.08"; just "2 pictures" where the price is not known."""
    count = max(1, request.n)
    pictures = pictures_text(count)
    if spec is None or spec.price is None:
        return pictures
    price = spec.price
    total = price.for_options(dict(request.options)) * count
    money = format_money(total, price.currency)
    if price.estimate:
        money = QCoreApplication.translate("GenerateFooter", "≈ {amount}").format(amount=money)
    return f"{pictures} · {money}"


def short_reason(message: str) -> str:
    """A field's message up to its first full stop, bracket or semicolon: the field itself says
    the rest (the sizes to choose from), and the footer has the room of one or two lines."""
    cut = len(message)
    for mark in (". ", "; ", " (", "。", "；", "（"):
        found = message.find(mark)
        if 0 < found < cut:
            cut = found
    short = message[:cut].rstrip(" .;")
    if cut == len(message):
        return message
    return short + ("。" if message[cut] in "。；（" else ".")


class GenerateFooter(QWidget):
    """Reason (objectName problemSummary), estimate (costLabel) and generateButton."""

    show_problem_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("problemSummary")
        self.summary.setProperty("role", "error")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.hide()
        self.show_problem = QPushButton()
        self.show_problem.setObjectName("showProblemButton")
        self.show_problem.setFlat(True)
        self.show_problem.setCursor(Qt.CursorShape.PointingHandCursor)
        self.show_problem.clicked.connect(self.show_problem_requested)
        self.show_problem.hide()
        self.cost = QLabel()
        self.cost.setObjectName("costLabel")
        self.cost.setProperty("role", "muted")
        self.cost.setWordWrap(True)
        self.cost.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.button = QPushButton()
        self.button.setObjectName("generateButton")
        self.button.setDefault(True)
        self.button.setMinimumHeight(34)
        reason_row = QHBoxLayout()
        reason_row.setContentsMargins(0, 0, 0, 0)
        reason_row.addWidget(self.summary, 1)
        reason_row.addWidget(self.show_problem, 0, Qt.AlignmentFlag.AlignTop)
        action_row = QHBoxLayout()
        action_row.setContentsMargins(0, 0, 0, 0)
        action_row.setSpacing(8)
        action_row.addWidget(self.cost, 1)
        action_row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(reason_row)
        layout.addLayout(action_row)
        self.retranslate()

    def retranslate(self) -> None:
        self.show_problem.setText(self.tr("Show"))
        self.show_problem.setToolTip(self.tr("Scroll to the field that needs a change"))
        self.button.setText(self.tr("Generate"))
        self.button.setToolTip(self.tr("Generate (Ctrl+Enter)"))

    def show_state(
        self,
        *,
        estimate: str,
        reasons: list[str],
        ok: bool,
        gentle: bool,
        can_show: bool,
    ) -> None:
        """`reasons`: why Generate is disabled, first first; `can_show`: a marked field exists.

        `gentle`: the only thing missing is a prompt not yet written, which is how every session
        starts, so it reads as a hint, not in red.
        """
        if len(reasons) > 1:
            text = self.tr("{reason} (and {more} more)").format(
                reason=reasons[0], more=len(reasons) - 1
            )
        else:
            text = reasons[0] if reasons else ""
        self.summary.setText(text)
        self.summary.setVisible(bool(text))
        self.show_problem.setVisible(bool(text) and can_show)
        role = "muted" if gentle else "error"
        if self.summary.property("role") != role:
            self.summary.setProperty("role", role)
            self.summary.style().unpolish(self.summary)
            self.summary.style().polish(self.summary)
        self.button.setEnabled(ok)
        self.cost.setText(estimate)
