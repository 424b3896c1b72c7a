"""Small building blocks of the parameter dock: size icons, field messages, a collapsible section.

Kept apart from `parameter_dock` so the dock reads as a layout of fields and the rules between
them, not as painting and styling code.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.model_table import ModelSpec
from stepfun_studio.core.presets import Shape, size_shape
from stepfun_studio.core.request import parse_size

# Readable on the light and the dark theme alike.
ERROR_COLOR = "#e5484d"
ICON_SIZE = QSize(18, 18)

# The dock's own touches on top of the theme: the chosen intent, and section titles.
DOCK_STYLE = """
QPushButton[checkable="true"]:checked {
    border: 1px solid palette(highlight); background: palette(alternate-base); font-weight: 600;
}
QLabel[role="section"] { font-weight: 600; padding-top: 6px; }
"""


def size_icon(size: str, color: QColor | None = None) -> QIcon:
    """A small outline of the picture's shape, so square, landscape and portrait read at once.

    A named size the server resolves ("auto", "2K") gets a dashed square: its shape is not known.
    """
    dimensions = size_dimensions(size)
    width, height = dimensions or (1, 1)
    pixmap = QPixmap(ICON_SIZE * 2)  # drawn at 2x so it stays sharp on high-DPI screens
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    box = 14.0
    scale = box / max(width, height)
    w, h = width * scale, height * scale
    rect = QRectF((ICON_SIZE.width() - w) / 2, (ICON_SIZE.height() - h) / 2, w, h)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color or QColor("#8a8f98"))
    pen.setWidthF(1.5)
    if dimensions is None:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    fill = QColor(pen.color())
    fill.setAlpha(50 if dimensions is not None else 0)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect.adjusted(0.75, 0.75, -0.75, -0.75), 1.5, 1.5)
    painter.end()
    return QIcon(pixmap)


def dice_icon(color: QColor) -> QIcon:
    """A die showing five, drawn rather than an emoji, which many systems lack a font for."""
    pixmap = QPixmap(ICON_SIZE * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color)
    pen.setWidthF(1.3)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(2.5, 2.5, 13, 13), 3, 3)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    for x, y in ((6, 6), (12, 6), (9, 9), (6, 12), (12, 12)):
        painter.drawEllipse(QRectF(x - 1.2, y - 1.2, 2.4, 2.4))
    painter.end()
    return QIcon(pixmap)


def size_dimensions(size: str) -> tuple[int, int] | None:
    """(width, height), or None for a size the server resolves itself ("auto", "2K")."""
    try:
        return parse_size(size)
    except ValueError:
        return None


def shape_word(size: str) -> str:
    return {
        Shape.SQUARE: QCoreApplication.translate("ParameterFields", "Square"),
        Shape.LANDSCAPE: QCoreApplication.translate("ParameterFields", "Landscape"),
        Shape.PORTRAIT: QCoreApplication.translate("ParameterFields", "Portrait"),
    }[size_shape(size)]


def size_label(size: str) -> str:
    dimensions = size_dimensions(size)
    if dimensions is None:
        if size.lower() == "auto":
            return QCoreApplication.translate("ParameterFields", "Automatic (the model chooses)")
        return QCoreApplication.translate(
            "ParameterFields", "{size}  ·  shape from the prompt"
        ).format(size=size)
    width, height = dimensions
    return f"{width} × {height}  ·  {shape_word(size)}"


def nearest_size(spec: ModelSpec, size: str) -> str:
    """`size` if the model takes it, else the model's closest size of the same shape."""
    if not spec.sizes or spec.size_problem(size) is None:
        return size
    dimensions = size_dimensions(size)
    fixed = [s for s in spec.sizes if size_dimensions(s) is not None]
    if dimensions is None or not fixed:
        return spec.sizes[0]
    shape = size_shape(size)
    same_shape = [s for s in fixed if size_shape(s) == shape] or fixed
    area = dimensions[0] * dimensions[1]
    return min(same_shape, key=lambda s: abs(_area(s) - area))


def _area(size: str) -> int:
    width, height = parse_size(size)
    return width * height


def fill_size_combo(combo: QComboBox, spec: ModelSpec | None, wanted: str) -> None:
    """The model's sizes with their shape icons, `wanted` selected (added if foreign, so
    validation can mark it rather than the dock silently changing it)."""
    sizes = list(spec.sizes) if spec else []
    if wanted not in sizes:
        sizes.append(wanted)
    combo.blockSignals(True)
    combo.clear()
    for size in sizes:
        combo.addItem(size_icon(size), size_label(size), size)
    combo.setCurrentIndex(sizes.index(wanted))
    combo.blockSignals(False)


def option_caption(name: str) -> str:
    """The caption of a provider option's row; an option the table adds later shows its name."""
    captions = {
        "quality": QCoreApplication.translate("ParameterFields", "Quality"),
        "background": QCoreApplication.translate("ParameterFields", "Background"),
        "output_format": QCoreApplication.translate("ParameterFields", "Format"),
        "input_fidelity": QCoreApplication.translate("ParameterFields", "Input fidelity"),
        "watermark": QCoreApplication.translate("ParameterFields", "Watermark"),
    }
    return captions.get(name) or name.replace("_", " ").capitalize()


def option_tooltip(name: str) -> str:
    tips = {
        "quality": QCoreApplication.translate(
            "ParameterFields", "Higher quality takes longer and costs more per picture"
        ),
        "background": QCoreApplication.translate(
            "ParameterFields", "Transparent works with the PNG and WebP formats"
        ),
        "output_format": QCoreApplication.translate(
            "ParameterFields", "The file format the server answers with"
        ),
        "input_fidelity": QCoreApplication.translate(
            "ParameterFields", "High keeps faces and details of the given pictures closer"
        ),
        "watermark": QCoreApplication.translate(
            "ParameterFields", "On: the vendor puts its visible “AI generated” mark on the picture"
        ),
    }
    return tips.get(name, "")


def option_value_label(name: str, value: str) -> str:
    """How one value of an option reads in its combo box; the value as sent where unknown."""
    if name == "watermark":
        marks = {
            "false": QCoreApplication.translate("ParameterFields", "Off"),
            "true": QCoreApplication.translate("ParameterFields", "On"),
        }
        return marks.get(value, value)
    labels = {
        "auto": QCoreApplication.translate("ParameterFields", "Automatic"),
        "low": QCoreApplication.translate("ParameterFields", "Low"),
        "medium": QCoreApplication.translate("ParameterFields", "Medium"),
        "high": QCoreApplication.translate("ParameterFields", "High"),
        "transparent": QCoreApplication.translate("ParameterFields", "Transparent"),
        "opaque": QCoreApplication.translate("ParameterFields", "Opaque"),
        "png": "PNG",
        "jpeg": "JPEG",
        "webp": "WebP",
    }
    return labels.get(value, value)


def fill_option_combo(combo: QComboBox, name: str, values: tuple[str, ...]) -> None:
    """The option's values (data: as sent), labelled; the selection is the binding's job."""
    current = combo.currentData()
    if tuple(combo.itemData(i) for i in range(combo.count())) == values:
        for index, value in enumerate(values):
            combo.setItemText(index, option_value_label(name, value))
        return
    blocked = combo.blockSignals(True)
    combo.clear()
    for value in values:
        combo.addItem(option_value_label(name, value), value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(blocked)


class InvalidOutline(QWidget):
    """A red outline drawn over a field the model cannot take.

    Drawn on top rather than set by a stylesheet: a styled border makes Qt drop the native look
    of spin boxes and combo boxes (their arrows vanish), and the outline keeps the field's size,
    so the form does not jump while the user types.
    """

    def __init__(self, field: QWidget) -> None:
        super().__init__(field)
        self.setObjectName("invalidOutline")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        field.installEventFilter(self)
        self.setGeometry(field.rect())
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(ERROR_COLOR))
        pen.setWidthF(1.5)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.75, 0.75, -0.75, -0.75), 4, 4)
        painter.end()


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Marks `widget` (property `invalid`, for themes and tests) and outlines it in red."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    outline = widget.findChild(
        InvalidOutline, "invalidOutline", Qt.FindChildOption.FindDirectChildrenOnly
    )
    if outline is None:
        outline = InvalidOutline(widget)
    outline.setVisible(invalid)
    outline.raise_()


def hint_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "muted")  # the theme colours these
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


def error_label(object_name: str) -> QLabel:
    """The line under a field that says what is wrong with it; hidden while nothing is."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.hide()
    return label


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "section")
    return label


class CollapsibleSection(QWidget):
    """A header with a disclosure arrow and a body that opens and closes under it."""

    toggled = Signal(bool)

    def __init__(self, title: str, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._button = QToolButton()
        self._button.setText(title)
        self._button.setCheckable(True)
        self._button.setAutoRaise(True)
        self._button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._button.setArrowType(Qt.ArrowType.RightArrow)
        self._button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._button.setStyleSheet("QToolButton { font-weight: 600; border: none; }")
        self._button.toggled.connect(self._on_toggled)
        self._body = body
        self._body.hide()
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self._button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self._body)

    def set_title(self, title: str) -> None:
        self._button.setText(title)

    def toggle_button(self) -> QToolButton:
        return self._button

    def is_open(self) -> bool:
        return self._button.isChecked()

    def set_open(self, is_open: bool) -> None:
        self._button.setChecked(is_open)

    def _on_toggled(self, is_open: bool) -> None:
        self._button.setArrowType(Qt.ArrowType.DownArrow if is_open else Qt.ArrowType.RightArrow)
        self._body.setVisible(is_open)
        self.toggled.emit(is_open)
