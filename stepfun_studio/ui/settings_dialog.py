"""The settings dialog (objectName `settingsDialog`): providers, defaults, library, looks.

Three tabs. "Providers" (`ProvidersPage`) holds per provider the API key (kept in the keyring,
never in the settings file), the region or a custom server address (checked as it is typed:
https, or http only to this machine), Test connection and the balance; StepFun's account tier
sits with StepFun. "Generation" (`GenerationTab`) holds the default provider, model and
parameters. "General" holds the library's location, the language and the theme.

Nothing applies before OK or Apply: they check every field and every typed key, then save the
keys to their stores and the rest through `AppSettings`; a refused field keeps the dialog open
with the reason shown. Cancel leaves keys and settings as they were. The window listens to
`settings_applied` (language, theme, limits) and `connection_changed` (a key saved or removed,
or another server: resolve the connections again).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.api.credentials import KeyStore, ProviderKeys
from stepfun_studio.api.limits import TIERS
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.settings.store import AppSettings
from stepfun_studio.settings.values import LANGUAGES, THEMES, StudioSettings, problems_with
from stepfun_studio.ui.api_key_panel import ApiKeyPanel
from stepfun_studio.ui.provider_names import provider_title
from stepfun_studio.ui.providers_page import ProvidersPage
from stepfun_studio.ui.retranslated import Retranslated
from stepfun_studio.ui.settings_generation_tab import GenerationTab

# Whose account tiers (`api.limits.TIERS`) the tier setting describes.
TIERED_PROVIDER = "stepfun"


def _combo(name: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


class SettingsDialog(Retranslated, QDialog):
    """Edits `AppSettings` and the providers' key stores. Open it with `open()` or `exec()`."""

    settings_applied = Signal(object)  # StudioSettings, after a successful save
    connection_changed = Signal()  # a key, a region or a server address changed

    def __init__(
        self,
        settings: AppSettings,
        keys: ProviderKeys | KeyStore,
        parent: QWidget | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._settings = settings
        self._shown = settings.values
        self._env = os.environ if env is None else env
        if isinstance(keys, KeyStore):  # one store given: the others beside it, same keyring
            keys = ProviderKeys.around(keys)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settingsTabs")
        self.providers = ProvidersPage(keys, self._env, self)
        self.providers.edited.connect(self._on_providers_edited)
        self.tabs.addTab(self.providers, "")
        self.generation = GenerationTab(self)
        self.tabs.addTab(self.generation, "")
        self._build_tier_row()
        self._build_general_tab()
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("settingsProblem")
        self.problem_label.setProperty("role", "error")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        self.buttons.setObjectName("settingsButtons")
        self.buttons.clicked.connect(self._on_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.show_values(settings.values)
        self.resize(880, 640)

    # -- building -------------------------------------------------------------------------

    def _build_tier_row(self) -> None:
        panel = self.providers.panels.get(TIERED_PROVIDER)
        self.tier_combo = _combo("tierCombo", self)
        for tier in TIERS:
            self.tier_combo.addItem("", tier)
        self.tier_label = QLabel(self)
        self.tier_note = QLabel(self)
        self.tier_note.setObjectName("tierNote")
        self.tier_note.setProperty("role", "muted")
        self.tier_note.setWordWrap(True)
        if panel is not None:
            panel.add_row(self.tier_label, self.tier_combo)
            panel.add_row(QLabel(self), self.tier_note)

    def _build_general_tab(self) -> None:
        page = QWidget(self)
        self.library_field = QLineEdit(page)
        self.library_field.setObjectName("libraryLocationField")
        self.browse_button = QPushButton(page)
        self.browse_button.setObjectName("libraryBrowseButton")
        self.browse_button.clicked.connect(self._browse_library)
        library_row = QHBoxLayout()
        library_row.addWidget(self.library_field, 1)
        library_row.addWidget(self.browse_button)
        self.library_note = QLabel(page)
        self.library_note.setProperty("role", "muted")
        self.library_note.setWordWrap(True)
        self.language_combo = _combo("languageCombo", page)
        for language in LANGUAGES:
            self.language_combo.addItem("", language)
        self.theme_combo = _combo("themeCombo", page)
        for theme in THEMES:
            self.theme_combo.addItem("", theme)
        form = QFormLayout(page)
        self.general_labels: list[QLabel] = []
        for field in (library_row, self.library_note, self.language_combo, self.theme_combo):
            label = QLabel(page)
            form.addRow(label, field)
            self.general_labels.append(label)
        self.tabs.addTab(page, "")

    # -- values in and out ----------------------------------------------------------------

    def show_values(self, values: StudioSettings) -> None:
        """Show `values` and the key stores as they are now; anything staged is dropped."""
        self._shown = values
        self.problem_label.hide()
        self.providers.show_values(values)
        self.providers.select(values.default_provider)
        self.generation.show_values(values)
        _select(self.tier_combo, values.tier)
        self.library_field.setText(values.library_location)
        _select(self.language_combo, values.language)
        _select(self.theme_combo, values.theme)

    def current_values(self) -> StudioSettings:
        """What OK would save (keys aside)."""
        values = self.generation.values_into(self.providers.values_into(self._shown))
        return values.with_changes(
            tier=str(self.tier_combo.currentData()),
            library_location=self.library_field.text().strip(),
            language=str(self.language_combo.currentData()),
            theme=str(self.theme_combo.currentData()),
        )

    def key_panel_of(self, provider_id: str) -> ApiKeyPanel:
        """The `ApiKeyPanel` of one provider."""
        return self.providers.panel(provider_id).key_panel

    def _on_providers_edited(self) -> None:
        declared = self.providers.values_into(self._shown).compatible_models
        self.generation.set_declared_models(declared)

    def _browse_library(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Library folder"), self.library_field.text()
        )
        if folder:
            self.library_field.setText(folder)

    # -- applying -------------------------------------------------------------------------

    def apply(self) -> bool:
        """Save keys and settings; False (with the reason shown) when something was refused.

        Everything is checked before anything is saved, so a refused field leaves the keys as
        they were too.
        """
        key_problem = self.providers.key_problem()
        if key_problem is not None:
            provider_id, message = key_problem
            return self._refuse(message, provider_id)
        before = self._settings.values
        values = self.current_values()
        bad = problems_with(values)
        if bad:
            return self._refuse(next(iter(bad.values())), self._page_of(next(iter(bad))))
        keys_changed = self.providers.has_staged_keys()
        refused = self.providers.apply_keys()
        if refused is not None:
            label = provider_title(self.providers.panel(refused).provider)
            message = self.tr("A key was not saved; see {provider}.").format(provider=label)
            return self._refuse(message, refused)
        try:
            self._settings.save(values)
        except AppError as error:
            self._show_problem(error.message)
            if error.kind is not ErrorKind.STORAGE:
                return False
        else:
            self.problem_label.hide()
        self._shown = values
        self.settings_applied.emit(values)
        if keys_changed or before.connections != values.connections:
            self.connection_changed.emit()
        return True

    def _page_of(self, problem_key: str) -> str | None:
        """The provider whose panel shows the field a problem key names, if any."""
        parts = problem_key.split("/")
        if parts[0] == "connection" and len(parts) == 3:
            return parts[1]
        if parts[0] == "compatible_models":
            return next((pid for pid, p in self.providers.panels.items() if p.models_editor), None)
        return None

    def _refuse(self, message: str, provider_id: str | None) -> bool:
        if provider_id is not None:
            self.tabs.setCurrentWidget(self.providers)
            self.providers.select(provider_id)
        self._show_problem(message)
        return False

    def _show_problem(self, message: str) -> None:
        self.problem_label.setText(message)
        self.problem_label.show()

    def _on_button(self, button: QAbstractButton) -> None:
        role = self.buttons.buttonRole(button)
        if role == QDialogButtonBox.ButtonRole.AcceptRole:
            if self.apply():
                self.accept()
        elif role == QDialogButtonBox.ButtonRole.ApplyRole:
            self.apply()
        else:
            self.reject()

    def reject(self) -> None:
        # Cancel (or Escape, or the window's close button): typed keys are dropped, so the
        # next opening shows the stores as they are.
        self.providers.show_values(self._settings.values)
        super().reject()

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("Providers"))
        self.tabs.setTabText(1, self.tr("Generation"))
        self.tabs.setTabText(2, self.tr("General"))
        for index in range(self.tier_combo.count()):
            tier = TIERS[str(self.tier_combo.itemData(index))]
            self.tier_combo.setItemText(
                index,
                self.tr("{tier}: {concurrent} at once, {per_minute} per minute").format(
                    tier=tier.name, concurrent=tier.concurrent, per_minute=tier.per_minute
                ),
            )
        self.tier_label.setText(self.tr("Account tier"))
        self.tier_note.setText(
            self.tr("Your tier follows what you have topped up in total; see your StepFun account.")
        )
        self.browse_button.setText(self.tr("Browse…"))
        self.library_field.setPlaceholderText(self.tr("Empty: the app's data folder"))
        self.library_note.setText(self.tr("A new library location applies at the next start."))
        texts = [self.tr("Library"), "", self.tr("Language"), self.tr("Theme")]
        for label, text in zip(self.general_labels, texts, strict=True):
            label.setText(text)
        languages = {
            "system": self.tr("Follow the system"),
            "en": "English",
            "zh_CN": "中文（简体）",
        }
        for index, language in enumerate(LANGUAGES):
            self.language_combo.setItemText(index, languages[language])
        themes = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for index, theme in enumerate(THEMES):
            self.theme_combo.setItemText(index, themes[theme])
