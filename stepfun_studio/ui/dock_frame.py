"""The parameter dock's frame: the scroll area its form goes in, and the footer under a rule.

The frame is what the window's first frame shows of the dock; the form (`parameter_form`) is made
after the first paint and set into the scroll area then. So that nothing moves when it fills in,
the scroll area asks, until then, for the room the form took last time (remembered in the UI state
settings under `FORM_HINTS_KEY`).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from stepfun_studio.ui.parameter_fields import DOCK_STYLE

# The form's size hints as last made (width and height of the scroll area's hint, then of its
# minimum), so the dock takes in the first frame, before the form is made, the place the form
# will take: nothing moves when it fills in. A first start uses the English form's.
FORM_HINTS_KEY = "parameterDock/formHints"
DEFAULT_FORM_HINTS = (353, 336, 305, 68)


def read_hints(value: object) -> tuple[int, int, int, int]:
    try:
        numbers = tuple(int(part) for part in str(value).split())
    except ValueError:
        return DEFAULT_FORM_HINTS
    if len(numbers) != 4 or not all(0 < n < 10_000 for n in numbers):
        return DEFAULT_FORM_HINTS
    return numbers[0], numbers[1], numbers[2], numbers[3]


class FormScrollArea(QScrollArea):
    """Scrolls up and down only, and is never narrower than its form.

    Without this the dock can be dragged (or laid out on a 1366 px screen) narrower than the
    form, and the form's right edge, with the preset buttons and the hints, is cut off. Until
    the form is made, it asks for the room the form took last time (`stand_in_hints`).
    """

    def __init__(self, stand_in_hints: tuple[int, int, int, int]) -> None:
        super().__init__()
        width, height, min_width, min_height = stand_in_hints
        self._stand_in = (QSize(width, height), QSize(min_width, min_height))

    def hints(self) -> tuple[int, int, int, int]:
        hint, minimum = self.sizeHint(), self.minimumSizeHint()
        return hint.width(), hint.height(), minimum.width(), minimum.height()

    def remember_hints(self, settings: QSettings) -> None:
        """Stores the room the form takes now, for the next start's first frame."""
        hints = self.hints()
        if read_hints(settings.value(FORM_HINTS_KEY)) != hints:
            settings.setValue(FORM_HINTS_KEY, " ".join(str(n) for n in hints))

    def sizeHint(self) -> QSize:
        return self._stand_in[0] if self.widget() is None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return self._stand_in[1]
        hint = super().minimumSizeHint()
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        width = content.minimumSizeHint().width() + scroll_bar + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())


def dock_frame(settings: QSettings, footer: QWidget) -> tuple[QWidget, FormScrollArea]:
    """The dock's body: the (still empty) form's scroll area above `footer`; and the scroll area."""
    scroll = FormScrollArea(read_hints(settings.value(FORM_HINTS_KEY)))
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    body = QWidget()
    body.setObjectName("parameterDockBody")
    body.setStyleSheet(DOCK_STYLE)
    outer = QVBoxLayout(body)
    outer.setContentsMargins(10, 8, 10, 10)
    outer.setSpacing(6)
    outer.addWidget(scroll, 1)
    # A line between what scrolls and what stays, so nothing looks hidden behind the foot.
    rule = QFrame()
    rule.setFrameShape(QFrame.Shape.HLine)
    rule.setFrameShadow(QFrame.Shadow.Sunken)
    outer.addWidget(rule)
    outer.addWidget(footer)
    return body, scroll
