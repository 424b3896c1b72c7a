"""The look: Fusion with a calm palette that follows the system's light or dark scheme.

Qt 6 reports the scheme through `styleHints().colorScheme()` and signals when it changes; we build
a palette for each and a short style sheet for the few things a palette cannot say (the demo
banner, the Generate button, rounded fields). `force` lets tests and screenshots pick a scheme.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from stepfun_studio.ui.app_icon import icons_folder


@dataclass(frozen=True)
class Colors:
    window: str
    base: str
    alternate: str
    text: str
    muted: str
    button: str
    accent: str
    accent_text: str
    border: str
    banner: str
    banner_text: str
    error: str
    # The outline of an unchecked check box: Fusion derives it from the window colour, which
    # in the dark scheme left the box at about 1.1:1 against its background (invisible).
    control_border: str
    check_mark: str  # the icon file drawn on a checked box, in accent_text's colour
    radio_dot: str  # the same for a chosen radio button


LIGHT = Colors(
    window="#f4f5f7",
    base="#ffffff",
    alternate="#f0f1f4",
    text="#1d1f24",
    muted="#6b7080",
    button="#ffffff",
    accent="#4f5bd5",
    accent_text="#ffffff",
    border="#d9dce3",
    banner="#fff4d6",
    banner_text="#5a4300",
    error="#c62f3a",
    control_border="#8a8fa0",
    check_mark="check-mark-light.svg",
    radio_dot="radio-dot-light.svg",
)

DARK = Colors(
    window="#1e1f24",
    base="#26282e",
    alternate="#2c2e35",
    text="#e6e7ea",
    muted="#9a9ead",
    button="#30323a",
    accent="#7c86f2",
    accent_text="#10121a",
    border="#3a3d46",
    banner="#3d3420",
    banner_text="#f5dd9a",
    error="#ff7a85",
    control_border="#8d92a3",
    check_mark="check-mark-dark.svg",
    radio_dot="radio-dot-dark.svg",
)


def system_is_dark() -> bool:
    scheme = QGuiApplication.styleHints().colorScheme()
    return scheme == Qt.ColorScheme.Dark


def palette_for(colors: Colors) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: colors.window,
        role.WindowText: colors.text,
        role.Base: colors.base,
        role.AlternateBase: colors.alternate,
        role.Text: colors.text,
        role.Button: colors.button,
        role.ButtonText: colors.text,
        role.Highlight: colors.accent,
        role.HighlightedText: colors.accent_text,
        role.ToolTipBase: colors.base,
        role.ToolTipText: colors.text,
        role.PlaceholderText: colors.muted,
        role.Link: colors.accent,
        role.Mid: colors.border,
        role.Midlight: colors.alternate,
        role.Dark: colors.border,
    }
    for color_role, value in pairs.items():
        palette.setColor(color_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for color_role in (role.Text, role.ButtonText, role.WindowText):
        palette.setColor(disabled, color_role, QColor(colors.muted))
    return palette


def _icon_url(name: str) -> str:
    # A plain file path (resources are plain files, see README): style sheets take url(path).
    folder = icons_folder()
    if folder is None:
        from importlib import resources

        return str(resources.files("stepfun_studio.resources") / "icons" / name).replace("\\", "/")
    return str(folder / name).replace("\\", "/")


def style_sheet(colors: Colors) -> str:
    c = colors
    check = _icon_url(c.check_mark)
    dot = _icon_url(c.radio_dot)
    return f"""
    QCheckBox::indicator {{ width: 14px; height: 14px; border-radius: 4px;
        border: 1px solid {c.control_border}; background: {c.base}; }}
    QCheckBox::indicator:hover {{ border-color: {c.accent}; }}
    QCheckBox::indicator:checked {{ background: {c.accent}; border-color: {c.accent};
        image: url({check}); }}
    QCheckBox::indicator:disabled {{ border-color: {c.border}; background: {c.alternate}; }}
    QCheckBox::indicator:checked:disabled {{ background: {c.border}; }}
    QRadioButton::indicator {{ width: 14px; height: 14px; border-radius: 8px;
        border: 1px solid {c.control_border}; background: {c.base}; }}
    QRadioButton::indicator:hover {{ border-color: {c.accent}; }}
    QRadioButton::indicator:checked {{ background: {c.accent}; border-color: {c.accent};
        image: url({dot}); }}
    QRadioButton::indicator:disabled {{ border-color: {c.border}; background: {c.alternate}; }}
    QToolTip {{ color: {c.text}; background: {c.base}; border: 1px solid {c.border}; }}
    QPlainTextEdit, QTextEdit, QLineEdit, QListView, QTreeView, QTableView {{
        border: 1px solid {c.border}; border-radius: 6px; background: {c.base};
    }}
    QPlainTextEdit:focus, QTextEdit:focus, QLineEdit:focus {{ border-color: {c.accent}; }}
    QDockWidget::title {{ padding: 6px 8px; font-weight: 600; }}
    QPushButton {{ padding: 5px 12px; border-radius: 6px; border: 1px solid {c.border};
        background: {c.button}; }}
    QPushButton:hover {{ border-color: {c.accent}; }}
    QPushButton#generateButton {{ background: {c.accent}; color: {c.accent_text}; border: none;
        font-weight: 600; padding: 8px 22px; }}
    QPushButton#generateButton:disabled {{ background: {c.border}; color: {c.muted}; }}
    QFrame#demoBanner {{ background: {c.banner}; border-radius: 6px; }}
    QFrame#demoBanner QLabel {{ color: {c.banner_text}; }}
    QLabel[role="error"] {{ color: {c.error}; }}
    QLabel[role="muted"] {{ color: {c.muted}; }}
    QStatusBar QLabel {{ color: {c.muted}; }}
    """


class Theme:
    """Applies the scheme now and again whenever the system changes it (unless forced)."""

    def __init__(self, app: QApplication, force: str | None = None) -> None:
        self._app = app
        self._force = force
        app.setStyle("Fusion")
        app.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)
        self.apply()

    @property
    def is_dark(self) -> bool:
        if self._force is not None:
            return self._force == "dark"
        return system_is_dark()

    @property
    def colors(self) -> Colors:
        return DARK if self.is_dark else LIGHT

    def force(self, scheme: str | None) -> None:
        """ "light", "dark", or None to follow the system again."""
        self._force = scheme
        self.apply()

    def apply(self) -> None:
        colors = self.colors
        self._app.setPalette(palette_for(colors))
        self._app.setStyleSheet(style_sheet(colors))

    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._force is None:
            self.apply()
