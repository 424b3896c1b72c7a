"""The About dialog: the app's version, and the Qt, PySide6, openai and Python versions under it.

The app's version has one source, `version` in pyproject.toml, which reaches the running program
through the installed distribution's metadata (`stepfun_studio.__version__`); the bundle carries
that metadata too. openai's version is read from its metadata as well, so opening this dialog
never imports openai (half a second) on the GUI thread.

The app icon comes from `app_icon`, which the application also sets on every window.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

import stepfun_studio
from stepfun_studio.ui.app_icon import application_icon


@dataclass(frozen=True)
class ComponentVersions:
    """What a bug report needs to say about the program it came from."""

    app: str
    qt: str
    pyside: str
    openai: str
    python: str

    def as_line(self) -> str:
        return (
            f"StepFun Studio {self.app} (Qt {self.qt}, PySide6 {self.pyside}, "
            f"openai {self.openai}, Python {self.python})"
        )


def distribution_version(name: str) -> str:
    # Here, not at the top: the app icon is set from this module before the first paint.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def component_versions() -> ComponentVersions:
    return ComponentVersions(
        app=stepfun_studio.__version__,
        qt=qVersion(),  # the Qt actually loaded, which can differ from the one PySide6 built on
        pyside=PySide6.__version__,
        openai=distribution_version("openai"),
        python=platform.python_version(),
    )


class AboutDialog(QDialog):
    """Name, icon, version and the versions of what the app stands on; text can be selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About StepFun Studio"))
        self.versions = component_versions()

        icon_label = QLabel()
        icon_label.setObjectName("aboutIcon")
        icon_label.setPixmap(application_icon().pixmap(96, 96))
        icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        title = QLabel(self.tr("StepFun Studio"))
        title.setObjectName("aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        version_label = QLabel(self.tr("Version %1").replace("%1", self.versions.app))
        version_label.setObjectName("aboutVersion")
        version_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        blurb = QLabel(
            self.tr(
                "A desktop studio for StepFun's text-to-image API: prompts, redraws, "
                "style references, image edits and a local library."
            )
        )
        blurb.setWordWrap(True)
        blurb.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # Selectable, so a user can paste exactly this into a bug report.
        details = QLabel(self._details_html())
        details.setObjectName("aboutComponents")
        details.setTextFormat(Qt.TextFormat.RichText)
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details.setAlignment(Qt.AlignmentFlag.AlignCenter)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(icon_label)
        layout.addWidget(title)
        layout.addWidget(version_label)
        layout.addWidget(blurb)
        layout.addSpacing(8)
        layout.addWidget(details)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _details_html(self) -> str:
        rows = (
            (self.tr("Qt"), self.versions.qt),
            (self.tr("PySide6"), self.versions.pyside),
            (self.tr("openai SDK"), self.versions.openai),
            (self.tr("Python"), self.versions.python),
        )
        cells = "".join(
            f"<tr><td align='right'>{name}&nbsp;</td><td><b>{value}</b></td></tr>"
            for name, value in rows
        )
        return f"<table style='margin: auto'>{cells}</table>"
