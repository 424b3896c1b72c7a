"""The detail view's panes: the result and its source side by side, their zoom bar, the facts.

Made apart from the view's toolbar (`DetailView.build_views`), so the main window's first frame,
which shows no picture, needs neither these widgets nor the modules behind them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QToolButton, QVBoxLayout, QWidget

from stepfun_studio.ui.detail_info import DetailInfo
from stepfun_studio.ui.zoomable_image_view import ZoomableImageView, link_views

ZOOM_ACTIONS = ("zoomFitAction", "zoomActualAction", "zoomOutAction", "zoomInAction")


class DetailPanes:
    """The widgets; `splitter` holds them all. The source pane starts hidden, the facts say that
    no image is selected."""

    def __init__(self, actions: dict[str, QAction]) -> None:
        self.result = ZoomableImageView()
        self.result.setObjectName("detailResultView")
        self.source = ZoomableImageView()
        self.source.setObjectName("detailSourceView")
        self.source_caption = QLabel()
        self.result_caption = QLabel()
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("detailZoomLabel")
        self.zoom_label.setProperty("role", "muted")
        link_views(self.source, self.result)

        self.source_panel = _captioned(self.source_caption, self.source)
        self.source_panel.hide()
        self.images = QSplitter(Qt.Orientation.Horizontal)
        self.images.setObjectName("detailImages")
        self.images.addWidget(self.source_panel)
        self.images.addWidget(_captioned(self.result_caption, self.result))
        self.images.setChildrenCollapsible(False)
        # Source and result share the width equally, so the two are compared at one scale.
        self.images.setStretchFactor(0, 1)
        self.images.setStretchFactor(1, 1)

        self.info = DetailInfo()
        self.info.show_nothing()

        zoom_bar = QHBoxLayout()
        zoom_bar.setContentsMargins(4, 2, 4, 2)
        zoom_bar.setSpacing(2)
        for name in ZOOM_ACTIONS:
            button = QToolButton()
            button.setDefaultAction(actions[name])
            button.setAutoRaise(True)
            zoom_bar.addWidget(button)
        zoom_bar.addWidget(self.zoom_label)
        zoom_bar.addStretch(1)
        image_column = QWidget()
        column = QVBoxLayout(image_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.images, 1)
        column.addLayout(zoom_bar)

        # Images beside the facts when the view is wide, above them when it is narrow (a dock).
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("detailSplitter")
        self.splitter.addWidget(image_column)
        self.splitter.addWidget(self.info)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)


def _captioned(caption: QLabel, view: QWidget) -> QWidget:
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.setSpacing(2)
    caption.setStyleSheet("color: gray;")
    layout.addWidget(caption)
    layout.addWidget(view, 1)
    return panel
