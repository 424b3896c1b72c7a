"""The hint under the size field when the source picture has another shape than the size.

A 3:2 photo redrawn at 1024 × 1024 comes back squeezed or cropped, and nothing said so. When a
source is set and the chosen size's shape differs from it, `SizeAdvice` names the model's listed
size nearest to the source's shape and offers it with one click ("Use 1280 × 800"); it never
changes the size by itself, since the user may want the square. Everything comes from the
ModelSpec's `sizes`, so no model is named here.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from stepfun_studio.core.model_table import ModelSpec
from stepfun_studio.core.request import Mode, ReferenceImage
from stepfun_studio.ui.parameter_fields import hint_label, size_dimensions
from stepfun_studio.ui.request_model import RequestModel
from stepfun_studio.ui.retranslated import Retranslated

# Shapes closer than this (in log of width/height, about 4 %) count as the same shape: 1280 × 800
# (1.6) is not worth a hint for a 1.57 source, but is for a 1.5 one if a 1.5 size is listed.
SAME_SHAPE = 0.04


def _aspect(width: int, height: int) -> float:
    return math.log(width / height)


def size_for_source(spec: ModelSpec | None, size: str, source: ReferenceImage) -> str | None:
    """The listed size of `spec` nearest the source's shape, when it fits that shape clearly
    better than `size`; None when `size` already fits (or is chosen by the server)."""
    current = size_dimensions(size)
    if spec is None or current is None or source.width <= 0 or source.height <= 0:
        return None
    target = _aspect(source.width, source.height)
    listed = [(s, d) for s in spec.sizes if (d := size_dimensions(s)) is not None]
    if not listed:
        return None
    area = current[0] * current[1]
    # Nearest shape first; among near-equal shapes, the one nearest the chosen size's area, so
    # the hint keeps the detail (and price) the user picked.
    best, dims = min(
        listed,
        key=lambda item: (
            round(abs(_aspect(*item[1]) - target), 2),
            abs(item[1][0] * item[1][1] - area),
        ),
    )
    now = abs(_aspect(*current) - target)
    if best == size or now - abs(_aspect(*dims) - target) <= SAME_SHAPE:
        return None
    return best


class SizeAdvice(Retranslated, QWidget):
    """objectName `sizeAdvice`: the hint (`sizeAdviceText`) and its button (`useSourceSizeButton`).

    Follows `model` itself: shown while a source is set whose shape a listed size fits better.
    """

    size_chosen = Signal(str)

    def __init__(self, model: RequestModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sizeAdvice")
        self._model = model
        self._offer: str | None = None
        self.text = hint_label()
        self.text.setObjectName("sizeAdviceText")
        self.button = QPushButton()
        self.button.setObjectName("useSourceSizeButton")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.button.clicked.connect(self._use)
        model.request_changed.connect(self.refresh)
        self.setVisible(False)

    @property
    def offer(self) -> str | None:
        """The size offered now, or None while there is no hint."""
        return self._offer

    def refresh(self, *_args: object) -> None:
        model = self._model
        source = model.source
        uses_size = model.mode() in (Mode.REDRAW, Mode.EDIT)
        self._offer = (
            size_for_source(model.spec(), model.size, source)
            if source is not None and uses_size
            else None
        )
        self.retranslate()
        self.setVisible(self._offer is not None)

    def retranslate(self) -> None:
        if self._offer is None or self._model.source is None:
            return
        source = self._model.source
        width, height = size_dimensions(self._offer) or (0, 0)
        self.text.setText(
            self.tr(
                "The source is {width} × {height}, another shape than this size; the picture "
                "may come back squeezed or cropped."
            ).format(width=source.width, height=source.height)
        )
        self.button.setText(self.tr("Use {width} × {height}").format(width=width, height=height))

    def _use(self) -> None:
        if self._offer is not None:
            offer = self._offer
            self._model.size = offer
            self.size_chosen.emit(offer)
