"""The parameter dock: the controls of one generation, built from what the chosen model takes.

The request itself lives in a `RequestModel` (the dock's `request_model`), bound both ways to the
fields of `parameter_form`; the prompt editor binds to the same model. A control shows only where
the model has the field (steps, CFG and seed where the table gives ranges; quality, background,
format or watermark where it lists options; the reference strip where it takes references; the
style slot where it has one), so nothing here asks which provider a model belongs to.

The mode follows from the model and the pictures given, so there is no mode switch to get wrong.
Every change is validated (`core.validation`); each problem shows at its field, and the footer
names the first one next to the disabled Generate. Switching to a model of another provider moves
the request with `core.adapt.adapt_request` and says what it left out. The last values come back
at the next start (`dock_memory`); the seed, fixed or random, is `dock_seed`'s.

The form (every field, the reference slots and strip) is the costliest part of the window to
make: the main window asks for it after its first paint (`build_form_later`), so the first frame
shows the dock's frame and footer at their places (`dock_frame`) and the fields fill in a moment
later. The request model, validation and the footer work from the start, without the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QDockWidget, QPushButton, QWidget

from stepfun_studio.core.adapt import adapt_request
from stepfun_studio.core.model_table import ModelSpec, ModelTable, model_table
from stepfun_studio.core.presets import (
    FAST,
    QUALITY,
    SOURCE_WEIGHT_INTENTS,
    SPEED_PRESETS,
    SourceWeightIntent,
    SpeedPreset,
)
from stepfun_studio.core.request import MAX_SEED, GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.validation import FieldProblem, problems_by_field, validate
from stepfun_studio.ui.dock_frame import dock_frame
from stepfun_studio.ui.dock_memory import DockMemory
from stepfun_studio.ui.dock_seed import DockSeed
from stepfun_studio.ui.dock_texts import dropped_text
from stepfun_studio.ui.generate_footer import GenerateFooter, estimate_text, short_reason
from stepfun_studio.ui.model_picker import initial_model
from stepfun_studio.ui.model_switch import follow_model, initial_request, reuse_target
from stepfun_studio.ui.parameter_fields import fill_size_combo, nearest_size, size_label
from stepfun_studio.ui.request_model import RequestModel, bind
from stepfun_studio.ui.widget_state import ui_state_settings

if TYPE_CHECKING:
    from stepfun_studio.ui.parameter_form import ParameterForm
    from stepfun_studio.ui.prompt_editor import PromptEditor
    from stepfun_studio.ui.size_advice import SizeAdvice

# Problems of fields outside the dock (the prompt lives in the prompt editor) come first in the
# footer: they have no red mark in sight.
_UNMARKED_FIELDS = ("prompt", "negative_prompt", "mode")


class ParameterDock(QDockWidget):
    """Model, size and what the model takes besides, the pictures to use, and Generate."""

    request_changed = Signal(object)  # GenerationRequest
    validation_changed = Signal(list)  # list[FieldProblem]
    generate_requested = Signal()
    message = Signal(str)  # for the status line: what a model switch or a reuse left out

    def __init__(
        self,
        parent: QWidget | None = None,
        defaults: GenerationRequest | None = None,
        *,
        default_provider: str | None = None,
        table: ModelTable | None = None,
        build_form_later: bool = False,
    ) -> None:
        """`defaults` (the settings' default model and parameters) and `default_provider` (the
        settings' provider) fill a first start; later starts restore the last values. With
        `build_form_later`, the fields are made by `build_form()` (or on first need)."""
        super().__init__(parent)
        self.setObjectName("parameterDock")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self._table = table or model_table()
        self._default_provider = default_provider
        self.request_model = RequestModel(self._table, self)
        self._settings = ui_state_settings()
        self._memory = DockMemory(self._settings)
        self._seed = DockSeed(self.request_model)
        self._intent_key: str | None = None
        self._problems: list[FieldProblem] = []
        # The request as last shown: what a model switch moves from.
        self._last_request: GenerationRequest | None = None
        self._shown_shape: tuple[str, Mode] | None = None
        self._marked: list[QWidget] = []
        self._applying = False
        self._form_widget: ParameterForm | None = None
        self._form_waiters: list[Callable[[], object]] = []
        self._advanced_open = False
        self._build_frame()
        model = self.request_model
        # First, so the size list and the options are ready before the bindings select in them.
        model.changed.connect(self._on_field_changed)
        model.request_changed.connect(self._on_request_changed)
        self._start(defaults, default_provider)
        self._retranslate()
        if not build_form_later:
            self.build_form()

    # --- construction ---------------------------------------------------------------------------

    @property
    def _form(self) -> ParameterForm:
        return self.build_form()

    def form_built(self) -> bool:
        return self._form_widget is not None

    def when_form_built(self, callback: Callable[[], object]) -> None:
        """Runs `callback` once the form exists (now, if it does)."""
        if self._form_widget is not None:
            callback()
        else:
            self._form_waiters.append(callback)

    def build_form(self) -> ParameterForm:
        """Makes the fields and binds them to the request model, once; returns the form."""
        if self._form_widget is not None:
            return self._form_widget
        # Imported here: the form's modules (slots, strip, fields) are a good part of start-up.
        from stepfun_studio.ui.parameter_form import ParameterForm
        from stepfun_studio.ui.size_advice import SizeAdvice

        form = self._form_widget = ParameterForm(self._table)
        for preset in SPEED_PRESETS:
            form.preset_buttons[preset.key].clicked.connect(
                lambda _=False, p=preset: self.apply_preset(p)
            )
        for intent in SOURCE_WEIGHT_INTENTS:
            form.intent_buttons[intent.key].clicked.connect(
                lambda _=False, i=intent: self.apply_intent(i)
            )
        form.dice.clicked.connect(self.roll_seed)
        form.last_seed_button.clicked.connect(self.use_last_seed)
        form.advanced.toggled.connect(self._on_advanced_toggled)
        self.size_advice: SizeAdvice = SizeAdvice(self.request_model)
        form.size_notes_layout.addWidget(self.size_advice)
        self._scroll.setWidget(form)
        form.show()  # made after the dock was shown: a scroll area does not show it itself
        self._bind()
        if self._advanced_open:
            form.advanced.set_open(True)
        self._retranslate_form()
        self._refresh()
        # The new rows widen the form: the dock's minimum follows.
        self._scroll.updateGeometry()
        # Once laid out and styled: the room it takes, for the next start's first frame.
        QTimer.singleShot(0, self, lambda: self._scroll.remember_hints(self._settings))
        waiters, self._form_waiters = self._form_waiters, []
        for callback in waiters:
            callback()
        return form

    def _build_frame(self) -> None:
        """The dock's frame: the scroll area the form goes in, the footer, the window's keys."""
        self._actions: dict[str, QAction] = {}
        # Window-wide keys, so the Help menu's list (built from the window's actions) has them.
        # Never Ctrl+Alt+letter: that is AltGr on Windows, and typing "@" on a German keyboard
        # would apply a preset. Shift+letter rather than Shift+digit: digits need Shift on AZERTY.
        for name, keys, slot in (
            ("presetFastAction", "Ctrl+Shift+F", lambda: self.apply_preset(FAST)),
            ("presetQualityAction", "Ctrl+Shift+Q", lambda: self.apply_preset(QUALITY)),
            ("rollSeedAction", "Ctrl+Shift+D", self.roll_seed),
            ("useLastSeedAction", "Ctrl+Shift+L", self.use_last_seed),
        ):
            action = QAction(self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, run=slot: run())
            self.addAction(action)
            self._actions[name] = action

        self._footer = GenerateFooter()
        self._generate = self._footer.button
        self._generate.clicked.connect(self.request_generate)
        self._footer.show_problem_requested.connect(self.show_first_problem)

        body, self._scroll = dock_frame(self._settings, self._footer)
        self.setWidget(body)

    def _bind(self) -> None:
        model, form = self.request_model, self._form
        self._fill_sizes()
        for prop, widget in (
            ("model", form.model),
            ("size", form.size_combo),
            ("steps", form.steps),
            ("cfg_scale", form.cfg),
            ("text_mode", form.text_mode),
            ("n", form.count),
            ("response_format", form.response_format),
            ("source", form.source),
            ("source_weight", form.source_weight),
            ("style", form.style_slot),
            ("style_weight", form.style_weight),
            ("references", form.references),
        ):
            bind(model, prop, widget)
        for name, combo in form.option_combos.items():
            self._bind_option(name, combo)
        self._seed.attach(form)

    def _bind_option(self, name: str, combo: QComboBox) -> None:
        model = self.request_model

        def read() -> object:
            return model.option(name)

        def write(value: object) -> None:
            model.set_option(name, str(value))

        bind(model, "options", combo, read=read, write=write)

    def _start(self, defaults: GenerationRequest | None, default_provider: str | None) -> None:
        model = self.request_model
        restored = self._memory.restore()
        if restored is not None:
            request, seed_fixed, advanced_open = restored
            self._advanced_open = advanced_open
            self.apply_request(request)
            with model.batch():
                model.seed = max(0, min(MAX_SEED, request.seed))
                model.seed_fixed = seed_fixed
            if self._form_widget is not None:
                self._form_widget.advanced.set_open(advanced_open)
            return
        self.apply_request(initial_request(self._table, defaults, default_provider))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Parameters"))
        self._footer.retranslate()
        texts = {
            "presetFastAction": self.tr("Fast preset"),
            "presetQualityAction": self.tr("Quality preset"),
            "rollSeedAction": self.tr("New random seed"),
            "useLastSeedAction": self.tr("Use the last returned seed"),
        }
        for name, text in texts.items():
            self._actions[name].setText(text)
        if self._form_widget is not None:
            self._retranslate_form()
        self._refresh()

    def _retranslate_form(self) -> None:
        from stepfun_studio.ui.model_picker import retranslate_model_combo

        self._form.retranslate()
        # The form's fixed tooltip for the last-seed button has no number: once a seed came
        # back, the button says which (in the new language).
        self._seed.show_last()
        retranslate_model_combo(self._form.model, self._table)
        # The size items carry a translated shape word ("1024 × 1024 · Square").
        size = self._form.size_combo
        for index in range(size.count()):
            size.setItemText(index, size_label(str(size.itemData(index))))
        native = QKeySequence.SequenceFormat.NativeText
        for button, name in (
            (self._form.preset_buttons["fast"], "presetFastAction"),
            (self._form.preset_buttons["quality"], "presetQualityAction"),
            (self._form.dice, "rollSeedAction"),
        ):
            keys = self._actions[name].shortcut().toString(native)
            button.setToolTip(f"{button.toolTip()} ({keys})")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            # Longer labels may widen the form; the dock's minimum follows.
            self._scroll.updateGeometry()
        super().changeEvent(event)

    # --- the prompt, which the prompt editor shows ----------------------------------------------

    def set_prompt(self, text: str) -> None:
        self.request_model.prompt = text

    def set_negative_prompt(self, text: str) -> None:
        self.request_model.negative_prompt = text

    def attach_prompt_editor(self, editor: PromptEditor) -> None:
        """Shows this dock's request in `editor` (prompt, negative prompt, limits); Ctrl+Enter
        there asks this dock to generate."""
        editor.attach(self.request_model)
        editor.generate_requested.connect(self.request_generate)

    # --- public API -----------------------------------------------------------------------------

    def spec(self) -> ModelSpec | None:
        return self.request_model.spec()

    def follow_settings(self, table: ModelTable, default_provider: str | None) -> None:
        """Settings changed: declared models appear in the picker, and a provider chosen now
        (the first-start chooser, the Generation tab) moves the dock to its first model."""
        if table is not self._table:
            self._table = table
            self.request_model.use_table(table)
            if self._form_widget is not None:
                self._form_widget.use_table(table, self.request_model.model)
        if default_provider and default_provider != self._default_provider:
            self._default_provider = default_provider
            spec = self.spec()
            if spec is None or spec.provider != default_provider:
                self.request_model.model = initial_model(table, default_provider, None)

    def mode(self) -> Mode:
        return self.request_model.mode()

    def current_request(self) -> GenerationRequest:
        return self.request_model.request()

    def apply_request(self, request: GenerationRequest) -> None:
        """Takes every value of `request` as it is, the pictures too."""
        self._applying = True
        try:
            self._intent_key = None  # its advice was for the weight before this request
            self.request_model.apply(request)
        finally:
            self._applying = False
        self._refresh()

    def reuse_request(self, request: GenerationRequest) -> list[str]:
        """ "Reuse parameters": the picture's own model while it is available; a retired or
        unknown one is moved to the model chosen now. Returns (and says) what was left out."""
        current = reuse_target(self._table, request, self.spec())
        if current is None:
            self.apply_request(request)
            return []
        adapted, dropped = adapt_request(request, current)
        self.apply_request(adapted)
        self.message.emit(
            self.tr("Parameters reused on {model}.").format(model=current.label)
            if not dropped
            else self.tr("Parameters reused on {model}, which takes no {dropped}.").format(
                model=current.label, dropped=dropped_text(dropped)
            )
        )
        return dropped

    def apply_preset(self, preset: SpeedPreset) -> None:
        spec = self.spec()
        model = self.request_model
        if spec is None:
            return
        with model.batch():
            model.size = nearest_size(spec, preset.size)
            steps = spec.steps_for(model.mode())
            if steps is not None:
                model.steps = int(min(max(preset.steps, steps.minimum), steps.maximum))
            if spec.cfg_scale is not None:
                cfg = spec.cfg_scale
                model.cfg_scale = min(max(preset.cfg_scale, cfg.minimum), cfg.maximum)

    def apply_intent(self, intent: SourceWeightIntent) -> None:
        self._intent_key = intent.key
        self.request_model.source_weight = intent.suggested
        self._refresh()

    def set_source_image(self, image: ReferenceImage | None) -> None:
        self.request_model.source = image

    def set_style_image(self, image: ReferenceImage | None) -> None:
        self.request_model.style = image

    def use_as_style(self, image: ReferenceImage) -> str:
        """A picture to draw the style from (the gallery's and the detail view's "Use as style"):
        the style slot where the model has one, else one more reference picture where it takes
        them. Returns what happened, for the status line."""
        spec = self.spec()
        model = self.request_model
        if spec is not None and not spec.supports_style_reference and spec.max_references:
            if len(model.references) >= spec.max_references:
                return self.tr("The reference pictures are full ({count} / {limit}).").format(
                    count=len(model.references), limit=spec.max_references
                )
            if image not in model.references:
                model.references = (*model.references, image)
            return self.tr("The picture is now reference picture {number}.").format(
                number=model.references.index(image) + 1
            )
        model.style = image
        if spec is not None and not spec.supports_style_reference:
            return self.tr(
                "{model} takes no style reference; the picture waits in the style slot."
            ).format(model=spec.label)
        return self.tr("The picture is now the style reference.")

    def set_seed(self, seed: int) -> None:
        """Fixes the seed to `seed` (0 goes back to random)."""
        self._seed.set(seed)

    def set_last_returned_seed(self, seed: int) -> None:
        self._seed.returned(seed)

    def use_last_seed(self) -> None:
        self._seed.use_last()

    def roll_seed(self) -> None:
        self._seed.roll()

    def problems(self) -> list[FieldProblem]:
        return list(self._problems)

    def is_valid(self) -> bool:
        return not self._problems

    def request_generate(self) -> bool:
        """Emits `generate_requested` if the request can be sent; Ctrl+Enter lands here too."""
        if not self.is_valid():
            return False
        self.generate_requested.emit()
        return True

    def generate_button(self) -> QPushButton:
        return self._generate

    def show_first_problem(self) -> None:
        """Scrolls the form to the first field marked in red and puts the cursor there."""
        self.build_form()
        if self._marked:
            widget = self._marked[0]
            self._scroll.ensureWidgetVisible(widget, 0, 40)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- reacting to changes --------------------------------------------------------------------

    def _on_field_changed(self, name: str, _value: object) -> None:
        model = self.request_model
        if name == "model":
            self._fill_sizes()
            if not self._applying:
                self._follow_model()
        elif name == "size":
            self._fill_sizes()
        elif name in ("seed", "seed_fixed"):
            self._seed.show()
        elif name == "source_weight" and self._intent_key is not None:
            # The intent stays chosen while the weight is still in its range; a weight typed
            # outside it is no longer that intent, and its advice would mislead.
            intent = next(i for i in SOURCE_WEIGHT_INTENTS if i.key == self._intent_key)
            if not intent.low <= model.source_weight <= intent.high:
                self._intent_key = None

    def _follow_model(self) -> None:
        """After the user picks another model: move the request there, say what it lost."""
        before, new = self._last_request, self.spec()
        if before is None or new is None:
            return
        dropped = follow_model(self.request_model, before)
        if dropped:
            self.message.emit(
                self.tr("{model} takes no {dropped}; left out.").format(
                    model=new.label, dropped=dropped_text(dropped)
                )
            )

    def _fill_sizes(self) -> None:
        if self._form_widget is not None:
            fill_size_combo(self._form_widget.size_combo, self.spec(), self.request_model.size)

    def _on_advanced_toggled(self, is_open: bool) -> None:
        self._advanced_open = is_open
        self._save()
        if is_open:
            # The opened rows are at the foot of the form: bring them into sight, or they seem
            # to hide behind the footer.
            QTimer.singleShot(
                0, lambda: self._scroll.ensureWidgetVisible(self._form.response_format, 0, 20)
            )

    def _on_request_changed(self, request: object) -> None:
        self._refresh()

    def _refresh(self) -> None:
        model = self.request_model
        request = model.request()
        self._last_request = request
        spec = model.spec()
        problems = validate(request, self._table)
        if self._form_widget is not None:
            self._show_form(request, problems)
        by_field = problems_by_field(problems)
        unmarked = [m for f in _UNMARKED_FIELDS for m in by_field.get(f, [])]
        marked = [short_reason(p.message) for p in problems if p.field not in _UNMARKED_FIELDS]
        self._footer.show_state(
            estimate=estimate_text(spec, request),
            reasons=unmarked + marked,
            ok=not problems,
            gentle=bool(problems)
            and not request.prompt.strip()
            and all(p.field == "prompt" for p in problems),
            can_show=bool(self._marked),
        )
        self._save()
        self.request_changed.emit(request)
        if problems != self._problems:
            self._problems = problems
            self.validation_changed.emit(problems)

    def _show_form(self, request: GenerationRequest, problems: list[FieldProblem]) -> None:
        """The rows, hints and red marks of `request` in the form."""
        model, form = self.request_model, self._form
        spec = model.spec()
        has_source = model.source is not None
        form.show_rows(spec, request.mode, has_source=has_source, has_style=model.style is not None)
        # A value kept from a model whose list differed shows as what is sent: the default.
        for name, value in request.options:
            combo = form.option_combos[name]
            index = combo.findData(value)
            if index >= 0 and index != combo.currentIndex():
                blocked = combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(blocked)
        form.show_hints(spec, request.mode, intent_key=self._intent_key, has_source=has_source)
        shape = (request.model, request.mode)
        if shape != self._shown_shape:
            # Other rows, other widths: the dock's minimum follows the form it now holds.
            self._shown_shape = shape
            self._scroll.updateGeometry()
        for key, button in form.intent_buttons.items():
            button.setChecked(key == self._intent_key)
        if self._intent_key is None:
            self._uncheck_intents()
        self._marked = form.show_problems(problems_by_field(problems))

    def _uncheck_intents(self) -> None:
        group = self._form.intent_group
        # An exclusive group refuses to uncheck its last checked button.
        group.setExclusive(False)
        for button in group.buttons():
            button.setChecked(False)
        group.setExclusive(True)

    def _save(self) -> None:
        if not self._applying:
            self._memory.save(self.request_model, advanced_open=self._advanced_open)
