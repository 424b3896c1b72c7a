"""The first start with no key: which provider to use, asked rather than assumed.

The window still opens in demo mode (the built-in stand-in plays every provider), and this small
dialog lists the providers of the model table, each with one line on what it is; a provider
whose image API is retired says so (StepFun: "image API retired on 2026-10-10, works with
StepFun-compatible servers"). The choice becomes `settings.default_provider`, which the dock
starts from. For a server whose models the user declares (OpenAI-compatible), the dialog asks
for one model's name and, optionally, the server's address, so the choice is usable at once.

`provider_onboarding.ProviderOnboarding` ties it to the window: it opens the chooser when the
studio asks and opens Settings when the user wants to enter a key. The demo banner is the
window's (it names the provider the dock sends to).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.model_table import ModelTable, ProviderSpec, model_table
from stepfun_studio.settings.values import (
    DeclaredModel,
    StudioSettings,
    base_url_problem,
    with_default_provider,
)
from stepfun_studio.ui.provider_names import provider_title
from stepfun_studio.ui.provider_texts import provider_summary, retirement_note
from stepfun_studio.ui.retranslated import Retranslated

CHOOSER_WIDTH = 640


class ProviderChooser(Retranslated, QDialog):
    """objectName `providerChooser`. After `accepted`, `choice()` is the provider id and
    `wants_key()` says whether the user asked to enter a key now."""

    def __init__(self, table: ModelTable | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("providerChooser")
        self._table = table or model_table()
        self._wants_key = False
        self.heading = QLabel(self)
        self.heading.setObjectName("providerChooserHeading")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        self.summaries: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        for provider in self._table.providers:
            radio = QRadioButton(self)
            radio.setObjectName(f"chooseProvider_{provider.id}")
            self.group.addButton(radio)
            self.radios[provider.id] = radio
            summary = QLabel(self)
            summary.setObjectName(f"providerSummary_{provider.id}")
            summary.setWordWrap(True)
            summary.setProperty("role", "muted")
            summary.setContentsMargins(24, 0, 0, 6)
            self.summaries[provider.id] = summary
            layout.addWidget(radio)
            layout.addWidget(summary)
        self.server_box = QWidget(self)
        self.model_field = QLineEdit(self.server_box)
        self.model_field.setObjectName("chooserModelName")
        self.address_field = QLineEdit(self.server_box)
        self.address_field.setObjectName("chooserServerAddress")
        self.model_label, self.address_label = QLabel(), QLabel()
        form = QFormLayout(self.server_box)
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.model_label, self.model_field)
        form.addRow(self.address_label, self.address_field)
        layout.addWidget(self.server_box)
        self.problem = QLabel(self)
        self.problem.setObjectName("chooserProblem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(self)
        self.key_button = QPushButton(self)
        self.key_button.setObjectName("chooserEnterKeyButton")
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("chooserDemoButton")
        self.buttons.addButton(self.key_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.key_button.clicked.connect(self._finish_with_key)
        self.demo_button.clicked.connect(self._finish_with_demo)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(CHOOSER_WIDTH)
        self.group.buttonToggled.connect(self._update)
        self.model_field.textChanged.connect(self._update)
        self.address_field.textChanged.connect(self._update)
        self.retranslate()
        self._update()

    def _fit(self) -> None:
        # Wrapped lines only know their height for a width: ask the layout for that height.
        layout = self.layout()
        height = layout.heightForWidth(CHOOSER_WIDTH) if layout is not None else -1
        self.resize(CHOOSER_WIDTH, max(height + 16, self.sizeHint().height()))

    def choice(self) -> str | None:
        return next((pid for pid, radio in self.radios.items() if radio.isChecked()), None)

    def wants_key(self) -> bool:
        return self._wants_key

    def _chosen_spec(self) -> ProviderSpec | None:
        choice = self.choice()
        return self._table.provider(choice) if choice else None

    def _needs_model(self) -> bool:
        spec = self._chosen_spec()
        return spec is not None and spec.custom_models and not self._table.models_of(spec.id)

    def _problem(self) -> str:
        if self.choice() is None:
            return ""
        if self._needs_model():
            name = self.model_field.text().strip()
            if not name or any(c.isspace() for c in name):
                return self.tr("Enter the name of one model your server offers.")
            if self._table.get(name) is not None:
                return self.tr("“{name}” is a model of another provider.").format(name=name)
        return base_url_problem(self.address_field.text()) or ""

    def _update(self) -> None:
        needs_model = self._needs_model()
        if needs_model != self.server_box.isVisibleTo(self):
            self.server_box.setVisible(needs_model)
            self._fit()
        problem = self._problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        ready = self.choice() is not None and not problem
        self.key_button.setEnabled(ready)
        self.demo_button.setEnabled(ready)

    def _finish_with_key(self) -> None:
        self._finish(wants_key=True)

    def _finish_with_demo(self) -> None:
        self._finish(wants_key=False)

    def _finish(self, *, wants_key: bool) -> None:
        if self.choice() is None or self._problem():
            return
        self._wants_key = wants_key
        self.accept()

    def apply_to(self, values: StudioSettings) -> StudioSettings:
        """`values` with the choice made: the default provider, its first model, and for a
        declared-models server the model and address entered here."""
        choice = self.choice()
        if choice is None:
            return values
        if self._needs_model():
            declared = DeclaredModel(self.model_field.text().strip())
            values = values.with_changes(compatible_models=(*values.compatible_models, declared))
            address = self.address_field.text().strip()
            if address:
                connection = values.connection(choice)
                values = values.with_connection(
                    choice, type(connection)(connection.region, address)
                )
        return with_default_provider(values, choice)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Choose an image service"))
        self.heading.setText("<b>" + self.tr("Which image service do you want to use?") + "</b>")
        self.intro.setText(
            self.tr(
                "Studio runs as a demo until you enter a key: pictures are drawn on this "
                "computer and nothing is billed. Choose the service you have a key for (or "
                "want to try); you can change it any time in Settings."
            )
        )
        for provider in self._table.providers:
            note = retirement_note(self._table, provider, short=True)
            label = provider_title(provider) + (f" ({note})" if note else "")
            self.radios[provider.id].setText(label)
            self.summaries[provider.id].setText(provider_summary(provider))
        self.model_label.setText(self.tr("Model name"))
        self.address_label.setText(self.tr("Server address"))
        self.model_field.setPlaceholderText(
            self.tr("As the server names it, e.g. black-forest-labs/FLUX.1-dev")
        )
        self.address_field.setPlaceholderText(
            self.tr("Optional now, e.g. http://127.0.0.1:8000/v1")
        )
        self.key_button.setText(self.tr("Enter a key…"))
        self.demo_button.setText(self.tr("Try the demo first"))
        self._update()
        self._fit()
