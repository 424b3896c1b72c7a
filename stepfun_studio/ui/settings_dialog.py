"""The settings dialog (objectName `settingsDialog`): key, server, tier, defaults, library, looks.

Three tabs. "Account" holds the API key (`ApiKeyPanel`: saved to the keyring at once, never to
the settings file), the region, an optional custom base URL (checked as it is typed: https, or
http only to this machine) and the account tier. "Generation" holds the default model and
parameters. "General" holds the library's location, the language and the theme.

OK and Apply check every field and save through `AppSettings`; a refused field keeps the dialog
open with the reason shown. The window listens to `settings_applied` (language, theme, limits)
and `connection_changed` (a key saved or removed, or another server: resolve the connection
again).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.api.config import ENV_BASE_URL, REGIONS, check_base_url, resolve_base_url
from stepfun_studio.api.credentials import KeyStore
from stepfun_studio.api.limits import TIERS
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import model_table
from stepfun_studio.settings.store import AppSettings
from stepfun_studio.settings.values import LANGUAGES, THEMES, StudioSettings, defaults_for_model
from stepfun_studio.ui.api_key_panel import ApiKeyPanel


def _combo(name: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    return combo


def _form_rows(form: QFormLayout, rows: list[QWidget | QHBoxLayout]) -> list[QLabel]:
    """Adds one row per entry with a label widget kept for retranslation."""
    labels = []
    for field in rows:
        label = QLabel(form.parentWidget())
        form.addRow(label, field)
        labels.append(label)
    return labels


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class SettingsDialog(QDialog):
    """Edits `AppSettings` and the `KeyStore`. Open it with `open()` or `exec()`."""

    settings_applied = Signal(object)  # StudioSettings, after a successful save
    connection_changed = Signal()  # the key, the region or the base URL changed

    def __init__(
        self,
        settings: AppSettings,
        key_store: KeyStore,
        parent: QWidget | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._settings = settings
        self._env = os.environ if env is None else env
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settingsTabs")
        self.key_panel = ApiKeyPanel(key_store, "", self)
        self.key_panel.key_changed.connect(self.connection_changed)
        self._build_account_tab()
        self._build_generation_tab()
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
        self.resize(620, 520)

    # -- building -------------------------------------------------------------------------

    def _build_account_tab(self) -> None:
        page = QWidget(self)
        self.region_combo = _combo("regionCombo", page)
        for region in REGIONS:
            self.region_combo.addItem("", region)
        self.region_combo.currentIndexChanged.connect(self._check_base_url)
        self.base_url_field = QLineEdit(page)
        self.base_url_field.setObjectName("customBaseUrlField")
        self.base_url_field.textChanged.connect(self._check_base_url)
        self.base_url_note = QLabel(page)
        self.base_url_note.setObjectName("baseUrlNote")
        self.base_url_note.setWordWrap(True)
        self.tier_combo = _combo("tierCombo", page)
        for tier in TIERS:
            self.tier_combo.addItem("", tier)
        self.tier_note = QLabel(page)
        self.tier_note.setObjectName("tierNote")
        self.tier_note.setProperty("role", "muted")
        self.tier_note.setWordWrap(True)
        self.server_box = QGroupBox(page)
        self.server_box.setObjectName("serverBox")
        server_form = QFormLayout(self.server_box)
        self.server_labels = _form_rows(
            server_form,
            [
                self.region_combo,
                self.base_url_field,
                self.base_url_note,
                self.tier_combo,
                self.tier_note,
            ],
        )
        layout = QVBoxLayout(page)
        layout.addWidget(self.key_panel)
        layout.addWidget(self.server_box)
        layout.addStretch(1)
        self.tabs.addTab(page, "")

    def _build_generation_tab(self) -> None:
        page = QWidget(self)
        self.model_combo = _combo("defaultModelCombo", page)
        for spec in model_table().models:
            self.model_combo.addItem(spec.label, spec.name)
        self.model_combo.currentIndexChanged.connect(self._on_model_changed)
        self.size_combo = _combo("defaultSizeCombo", page)
        self.steps_spin = QSpinBox(page)
        self.steps_spin.setObjectName("defaultStepsSpin")
        self.cfg_spin = QDoubleSpinBox(page)
        self.cfg_spin.setObjectName("defaultCfgSpin")
        self.cfg_spin.setDecimals(1)
        self.cfg_spin.setSingleStep(0.5)
        self.format_combo = _combo("responseFormatCombo", page)
        for value in ("b64_json", "url"):
            self.format_combo.addItem("", value)
        self.defaults_labels = _form_rows(
            QFormLayout(page),
            [self.model_combo, self.size_combo, self.steps_spin, self.cfg_spin, self.format_combo],
        )
        self.tabs.addTab(page, "")

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
        self.general_labels = _form_rows(
            QFormLayout(page),
            [library_row, self.library_note, self.language_combo, self.theme_combo],
        )
        self.tabs.addTab(page, "")

    # -- values in and out ----------------------------------------------------------------

    def show_values(self, values: StudioSettings) -> None:
        """Show `values` (and the key store's state, which may have changed since)."""
        self.key_panel.reload()
        _select(self.region_combo, values.region)
        self.base_url_field.setText(values.custom_base_url)
        _select(self.tier_combo, values.tier)
        _select(self.model_combo, values.default_model)
        self._fill_model_ranges(values)
        _select(self.format_combo, values.default_response_format)
        self.library_field.setText(values.library_location)
        _select(self.language_combo, values.language)
        _select(self.theme_combo, values.theme)
        self._check_base_url()

    def current_values(self) -> StudioSettings:
        return StudioSettings(
            region=str(self.region_combo.currentData()),
            custom_base_url=self.base_url_field.text().strip(),
            tier=str(self.tier_combo.currentData()),
            default_model=str(self.model_combo.currentData()),
            default_size=self.size_combo.currentText(),
            default_steps=self.steps_spin.value(),
            default_cfg_scale=round(self.cfg_spin.value(), 1),
            default_response_format=str(self.format_combo.currentData()),
            library_location=self.library_field.text().strip(),
            language=str(self.language_combo.currentData()),
            theme=str(self.theme_combo.currentData()),
        )

    def base_url(self) -> str:
        """The server a request would go to with what the dialog shows now."""
        custom = self.base_url_field.text().strip() or None
        return resolve_base_url(str(self.region_combo.currentData()), custom, self._env)

    def _fill_model_ranges(self, values: StudioSettings) -> None:
        spec = model_table().require(values.default_model)
        self.size_combo.clear()
        self.size_combo.addItems(list(spec.sizes))
        self.size_combo.setCurrentText(values.default_size)
        self.steps_spin.setRange(int(spec.steps.minimum), int(spec.steps.maximum))
        self.steps_spin.setValue(values.default_steps)
        self.cfg_spin.setRange(spec.cfg_scale.minimum, spec.cfg_scale.maximum)
        self.cfg_spin.setValue(values.default_cfg_scale)

    def _on_model_changed(self) -> None:
        model = str(self.model_combo.currentData())
        # The size, steps and cfg widgets still hold the old model's values: pull them in range.
        self._fill_model_ranges(defaults_for_model(self.current_values(), model))

    def _check_base_url(self) -> None:
        self.key_panel.set_base_url(self.base_url())
        env_url = self._env.get(ENV_BASE_URL, "").strip()
        url = self.base_url_field.text().strip()
        problem = check_base_url(url) if url else None
        if problem:
            text, role = problem, "error"
        elif env_url:
            text = self.tr("{variable} is set, so requests go to {url} for this run.").format(
                variable=ENV_BASE_URL, url=env_url
            )
            role = "muted"
        else:
            text = self.tr("Requests go to {url}").format(url=self.base_url())
            role = "muted"
        self.base_url_note.setText(text)
        self.base_url_note.setProperty("role", role)
        self.base_url_note.style().unpolish(self.base_url_note)
        self.base_url_note.style().polish(self.base_url_note)

    def _browse_library(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Library folder"), self.library_field.text()
        )
        if folder:
            self.library_field.setText(folder)

    # -- applying -------------------------------------------------------------------------

    def apply(self) -> bool:
        """Save everything; False (with the reason shown) when something was refused."""
        if self.key_panel.has_unsaved_key() and not self.key_panel.save_key():
            self._show_problem(self.tr("The API key was not saved; see above."))
            return False
        before = self._settings.values
        values = self.current_values()
        try:
            self._settings.save(values)
        except AppError as error:
            self._show_problem(error.message)
            if error.kind is not ErrorKind.STORAGE:
                return False
        else:
            self.problem_label.hide()
        self.settings_applied.emit(values)
        if (before.region, before.custom_base_url) != (values.region, values.custom_base_url):
            self.connection_changed.emit()
        return True

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

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("Account"))
        self.tabs.setTabText(1, self.tr("Generation"))
        self.tabs.setTabText(2, self.tr("General"))
        regions = {"cn": self.tr("Mainland China"), "intl": self.tr("International")}
        for index in range(self.region_combo.count()):
            region = str(self.region_combo.itemData(index))
            host = REGIONS[region].split("//", 1)[-1].split("/", 1)[0]
            self.region_combo.setItemText(index, f"{regions[region]} ({host})")
        self.base_url_field.setPlaceholderText(
            self.tr("Optional, e.g. a proxy: https://… (empty: the region's server)")
        )
        for index in range(self.tier_combo.count()):
            tier = TIERS[str(self.tier_combo.itemData(index))]
            self.tier_combo.setItemText(
                index,
                self.tr("{tier}: {concurrent} at once, {per_minute} per minute").format(
                    tier=tier.name, concurrent=tier.concurrent, per_minute=tier.per_minute
                ),
            )
        self.tier_note.setText(
            self.tr("Your tier follows what you have topped up in total; see your StepFun account.")
        )
        self.server_box.setTitle(self.tr("Server and account"))
        self._set_labels(
            self.server_labels,
            [self.tr("Region"), self.tr("Custom server"), "", self.tr("Account tier"), ""],
        )
        self._set_labels(
            self.defaults_labels,
            [
                self.tr("Model"),
                self.tr("Size"),
                self.tr("Steps"),
                self.tr("CFG scale"),
                self.tr("Result as"),
            ],
        )
        self.format_combo.setItemText(0, self.tr("Image data in the answer (b64_json)"))
        self.format_combo.setItemText(1, self.tr("Download link (url)"))
        self.browse_button.setText(self.tr("Browse…"))
        self.library_field.setPlaceholderText(self.tr("Empty: the app's data folder"))
        self.library_note.setText(self.tr("A new library location applies at the next start."))
        self._set_labels(
            self.general_labels,
            [self.tr("Library"), "", self.tr("Language"), self.tr("Theme")],
        )
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

    @staticmethod
    def _set_labels(labels: list[QLabel], texts: list[str]) -> None:
        for label, text in zip(labels, texts, strict=True):
            label.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._check_base_url()
        super().changeEvent(event)
