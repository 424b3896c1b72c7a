"""The look, measured on real rendered widgets: controls stay visible in both schemes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from stepfun_studio.ui.theme import Theme


def _luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def restore_look() -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet = app.palette(), app.styleSheet()
    yield app
    app.setPalette(palette)
    app.setStyleSheet(sheet)


def _strongest_contrast_with_background(widget: QWidget) -> float:
    image: QImage = widget.grab().toImage()
    background = widget.palette().color(widget.backgroundRole())
    best = 1.0
    # The indicator sits at the left edge: look at the first 24 px of every row.
    for y in range(image.height()):
        for x in range(min(24, image.width())):
            best = max(best, contrast(image.pixelColor(x, y), background))
    return best


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_unchecked_check_box_or_radio_button_is_visible(
    qtbot: QtBot, restore_look: QApplication, scheme: str, kind: type[QCheckBox]
) -> None:
    Theme(restore_look, force=scheme)
    box = kind("")  # no text: every dark pixel at the left is the indicator itself
    qtbot.addWidget(box)
    box.resize(40, 24)
    box.show()
    # WCAG asks 3:1 for the parts of a control a person needs to see; it was 1.1:1 in dark.
    assert _strongest_contrast_with_background(box) >= 3.0


def test_sidebar_headings_follow_a_live_switch_to_dark(
    qtbot: QtBot, restore_look: QApplication
) -> None:
    from stepfun_studio.ui.gallery.sidebar import CollectionsSidebar

    theme = Theme(restore_look, force="light")
    sidebar = CollectionsSidebar()
    qtbot.addWidget(sidebar)
    sidebar.reload()
    sidebar.show()
    heading = sidebar.list.item(0)
    light_text = heading.foreground().color()
    theme.force("dark")
    qtbot.waitUntil(lambda: heading.foreground().color() != light_text)
    background = sidebar.list.palette().color(sidebar.list.backgroundRole())
    assert contrast(heading.foreground().color(), background) >= 4.5
