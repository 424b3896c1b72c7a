"""Languages: our `.qm` files and Qt's own, chosen from the system locale and switchable live.

`LanguageSwitcher.apply(code)` swaps the installed translators; Qt then sends every widget a
`LanguageChange` event, and each part of the window re-sets its texts in `retranslate()`. The same
translator also serves `core.text.tr()`, so messages from core, api and library follow the choice.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from stepfun_studio.core import text
from stepfun_studio.settings.store import AppSettings

log = logging.getLogger(__name__)

# Code -> the language's own name, so a person who cannot read the current language finds theirs.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"


def translations_dir() -> Path:
    """Where the built `.qm` files live: `resources/translations` (mapped into the package)."""
    spec = importlib.util.find_spec("stepfun_studio.resources")
    if spec is not None and spec.origin:
        return Path(spec.origin).resolve().parent / "translations"
    # A source checkout without the mapped package.
    return Path(__file__).resolve().parents[2] / "resources" / "translations"


def system_language(locale: QLocale | None = None) -> str:
    """zh_CN for any Chinese system locale, English otherwise."""
    locale = locale or QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"
    return DEFAULT_LANGUAGE


def _qt_translate(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


class LanguageSwitcher(QObject):
    """Owns the installed translators; one per application."""

    def __init__(self, settings: AppSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._installed: list[QTranslator] = []
        self.current = DEFAULT_LANGUAGE
        text.install_translator(_qt_translate)

    def saved_or_system(self) -> str:
        saved = self._settings.values.language if self._settings is not None else "system"
        return saved if saved in LANGUAGES else system_language()

    def apply(self, code: str, *, remember: bool = False) -> None:
        if code not in LANGUAGES:
            code = DEFAULT_LANGUAGE
        app = QCoreApplication.instance()
        if app is None:
            return
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt's own strings (buttons of standard dialogs, context menus), then ours on top.
        for name, folder in ((f"qtbase_{code}", qt_dir), (f"stepfun_studio_{code}", None)):
            translator = QTranslator(self)
            path = str(translations_dir()) if folder is None else folder
            if translator.load(name, path):
                QCoreApplication.installTranslator(translator)
                self._installed.append(translator)
            elif code != DEFAULT_LANGUAGE:
                log.warning("translation %s not found in %s", name, path)
        self.current = code
        QLocale.setDefault(QLocale("zh_CN" if code == "zh_CN" else "en_US"))
        if remember and self._settings is not None:
            self._settings.update(language=code)
