"""The parameter dock: every setting of one generation, checked against the model as it changes.

The dock holds one `GenerationRequest` in the form of its fields (`parameter_form`). The mode
follows from the model and the source slot (a source image on step-1x-medium / step-2x-large is a
redraw, on step-image-edit-2 an edit), so there is no mode switch to get wrong. Every change runs
`core.validation.validate`; each problem is shown at its field with the reason, and Generate stays
disabled while there is any. The last values come back at the next start (`widget_state`).
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.model_table import ModelSpec, model_table
from stepfun_studio.core.presets import (
    FAST,
    QUALITY,
    SOURCE_WEIGHT_INTENTS,
    SPEED_PRESETS,
    SourceWeightIntent,
    SpeedPreset,
)
from stepfun_studio.core.request import (
    MAX_SEED,
    GenerationRequest,
    Mode,
    ReferenceImage,
    ResponseFormat,
)
from stepfun_studio.core.validation import FieldProblem, problems_by_field, validate
from stepfun_studio.ui.generate_footer import GenerateFooter
from stepfun_studio.ui.parameter_fields import (
    DOCK_STYLE,
    fill_size_combo,
    nearest_size,
    size_label,
)
from stepfun_studio.ui.parameter_form import ParameterForm
from stepfun_studio.ui.widget_state import load_dock_values, save_dock_values, ui_state_settings

if TYPE_CHECKING:
    from stepfun_studio.ui.prompt_editor import PromptEditor

# Problems that belong to no field of the dock; they are listed above Generate.
_SUMMARY_FIELDS = ("prompt", "negative_prompt", "mode")


class _FullWidthScrollArea(QScrollArea):
    """Scrolls up and down only, and is never narrower than its form.

    Without this the dock can be dragged (or laid out on a 1366 px screen) narrower than the
    form, and the form's right edge, with the preset buttons and the hints, is cut off.
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        width = content.minimumSizeHint().width() + scroll_bar + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())


class ParameterDock(QDockWidget):
    """Model, size, steps, CFG, seed, count, reference images and Generate."""

    request_changed = Signal(object)  # GenerationRequest
    validation_changed = Signal(list)  # list[FieldProblem]
    generate_requested = Signal()

    def __init__(
        self, parent: QWidget | None = None, defaults: GenerationRequest | None = None
    ) -> None:
        """`defaults` (the settings' default model and parameters) fill a first start."""
        super().__init__(parent)
        self.setObjectName("parameterDock")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self._settings = ui_state_settings()
        self._prompt = ""
        self._negative_prompt = ""
        self._last_seed: int | None = None
        self._intent_key: str | None = None
        self._stashed_seed = 0
        self._saved_state: tuple[GenerationRequest, bool, bool] | None = None
        self._editor: PromptEditor | None = None
        self._problems: list[FieldProblem] = []
        self._model_name = ""
        # Filling combos during the build fires their signals; nothing may react to those yet.
        self._updating = True
        self._build()
        self._updating = False
        restored = load_dock_values(self._settings)
        if restored is not None:
            request, seed_fixed, advanced_open = restored
            self.apply_request(request)
            self._seed_fixed.setChecked(seed_fixed)
            self._seed.setValue(max(0, min(MAX_SEED, request.seed)))
            self._form.advanced.set_open(advanced_open)
        elif defaults is not None:
            # Taken as they are: the settings dialog only saves values the model accepts.
            self.apply_request(defaults)
        else:
            self.apply_request(GenerationRequest(model=model_table().models[0].name))
            self._on_model_chosen()
        self._retranslate()

    def _build(self) -> None:
        form = self._form = ParameterForm()
        # Short names for the fields the rules below read and write.
        self._model = form.model
        self._size = form.size_combo
        self._steps = form.steps
        self._cfg = form.cfg
        self._text_mode = form.text_mode
        self._seed_fixed = form.seed_fixed
        self._seed = form.seed
        self._count = form.count
        self._format = form.response_format
        self._source = form.source
        self._source_weight = form.source_weight
        self._style = form.style_slot
        self._style_weight = form.style_weight

        self._model.currentIndexChanged.connect(self._on_model_chosen)
        for preset in SPEED_PRESETS:
            form.preset_buttons[preset.key].clicked.connect(
                lambda _=False, p=preset: self.apply_preset(p)
            )
        for intent in SOURCE_WEIGHT_INTENTS:
            form.intent_buttons[intent.key].clicked.connect(
                lambda _=False, i=intent: self.apply_intent(i)
            )
        for signal in (
            self._size.currentIndexChanged,
            self._steps.valueChanged,
            self._cfg.valueChanged,
            self._text_mode.toggled,
            self._count.valueChanged,
            self._format.currentIndexChanged,
            self._source.image_changed,
            self._source_weight.valueChanged,
            self._style.image_changed,
            self._style_weight.valueChanged,
        ):
            signal.connect(self._changed)
        self._seed.valueChanged.connect(self._on_seed_typed)
        self._seed_fixed.toggled.connect(self._on_seed_fixed)
        form.dice.clicked.connect(self.roll_seed)
        form.last_seed_button.clicked.connect(self.use_last_seed)
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
        form.advanced.toggled.connect(lambda _open: self._save())

        self._footer = GenerateFooter()
        self._generate = self._footer.button
        self._generate.clicked.connect(self.request_generate)

        scroll = _FullWidthScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("parameterDockBody")
        body.setStyleSheet(DOCK_STYLE)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(10, 8, 10, 10)
        outer.setSpacing(6)
        outer.addWidget(scroll, 1)
        outer.addWidget(self._footer)
        self.setWidget(body)
        self._scroll = scroll

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Parameters"))
        self._form.retranslate()
        # The size items carry a translated shape word ("1024 × 1024 · Square").
        for index in range(self._size.count()):
            self._size.setItemText(index, size_label(str(self._size.itemData(index))))
        texts = {
            "presetFastAction": self.tr("Fast preset"),
            "presetQualityAction": self.tr("Quality preset"),
            "rollSeedAction": self.tr("New random seed"),
            "useLastSeedAction": self.tr("Use the last returned seed"),
        }
        for name, text in texts.items():
            self._actions[name].setText(text)
        native = QKeySequence.SequenceFormat.NativeText
        for button, name in (
            (self._form.preset_buttons["fast"], "presetFastAction"),
            (self._form.preset_buttons["quality"], "presetQualityAction"),
            (self._form.dice, "rollSeedAction"),
        ):
            keys = self._actions[name].shortcut().toString(native)
            button.setToolTip(f"{button.toolTip()} ({keys})")
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            # Longer labels may widen the form; the dock's minimum follows.
            self._scroll.updateGeometry()
        super().changeEvent(event)

    # --- the prompt, which lives in the prompt editor ----------------------------------------

    def set_prompt(self, text: str) -> None:
        self._prompt = text
        self._refresh()

    def set_negative_prompt(self, text: str) -> None:
        self._negative_prompt = text
        self._refresh()

    def attach_prompt_editor(self, editor: PromptEditor) -> None:
        """Wires a prompt editor both ways: its text in, the model's limit out, Ctrl+Enter.

        Once attached, `apply_request` fills the editor's prompt and negative prompt too.
        """
        self._editor = editor
        editor.prompt_changed.connect(self.set_prompt)
        editor.negative_prompt_changed.connect(self.set_negative_prompt)
        editor.generate_requested.connect(self.request_generate)
        self.request_changed.connect(editor.sync_with_request)
        self._generate.clicked.connect(lambda _=False: editor.remember_prompt())
        editor.sync_with_request(self.current_request())
        self._prompt = editor.prompt()
        self._negative_prompt = editor.negative_prompt()
        self._refresh()

    # --- public API -----------------------------------------------------------------------

    def spec(self) -> ModelSpec | None:
        return model_table().get(str(self._model.currentData()))

    def mode(self) -> Mode:
        spec = self.spec()
        if spec is None or self._source.image() is None:
            return Mode.TEXT_TO_IMAGE
        if spec.supports(Mode.EDIT):
            return Mode.EDIT
        if spec.supports(Mode.REDRAW):
            return Mode.REDRAW
        return Mode.TEXT_TO_IMAGE

    def current_request(self) -> GenerationRequest:
        spec = self.spec()
        style: ReferenceImage | None = self._style.image()
        if spec is None or not spec.supports_style_reference:
            style = None  # kept in the hidden slot for when the user switches back
        return GenerationRequest(
            prompt=self._prompt,
            model=str(self._model.currentData()),
            mode=self.mode(),
            size=str(self._size.currentData()),
            steps=self._steps.value(),
            cfg_scale=round(self._cfg.value(), 2),
            seed=self._seed.value() if self._seed_fixed.isChecked() else 0,
            n=self._count.value(),
            response_format=ResponseFormat(str(self._format.currentData())),
            negative_prompt=self._negative_prompt
            if spec is not None and spec.supports_negative_prompt
            else "",
            text_mode=self._text_mode.isChecked() and spec is not None and spec.supports_text_mode,
            source=self._source.image(),
            source_weight=round(self._source_weight.value(), 2),
            style=style,
            style_weight=round(self._style_weight.value(), 2),
        )

    def apply_request(self, request: GenerationRequest) -> None:
        """Fills every field from `request`, the slots too; values are taken as they are."""
        self._updating = True
        try:
            self._select_model(request.model)
            self._fill_sizes(request.size)
            self._steps.setValue(request.steps)
            self._cfg.setValue(request.cfg_scale)
            if self._seed.value() != 0:
                self._stashed_seed = self._seed.value()
            self._seed_fixed.setChecked(request.seed != 0)
            self._seed.setValue(request.seed)
            self._count.setValue(request.n)
            # Library requests carry plain strings where a fresh one has enums; both work here.
            response_format = ResponseFormat(request.response_format).value
            self._format.setCurrentIndex(max(0, self._format.findData(response_format)))
            self._text_mode.setChecked(request.text_mode)
            self._source.set_image(request.source)
            self._source_weight.setValue(request.source_weight)
            self._style.set_image(request.style)
            self._style_weight.setValue(request.style_weight)
            self._prompt = request.prompt
            self._negative_prompt = request.negative_prompt
            self._clear_intent()  # its advice was for the weight before this request
        finally:
            self._updating = False
        self._refresh()
        if self._editor is not None:
            self._editor.set_prompt(request.prompt)
            self._editor.set_negative_prompt(request.negative_prompt)

    def apply_preset(self, preset: SpeedPreset) -> None:
        request = preset.apply(self.current_request())
        self._updating = True
        try:
            self._fill_sizes(self._nearest_size(request.size))
            self._steps.setValue(request.steps)
            self._cfg.setValue(request.cfg_scale)
        finally:
            self._updating = False
        self._refresh()

    def apply_intent(self, intent: SourceWeightIntent) -> None:
        self._intent_key = intent.key
        for key, button in self._form.intent_buttons.items():
            button.setChecked(key == intent.key)
        self._source_weight.setValue(intent.suggested)
        self._refresh()

    def _clear_intent(self) -> None:
        self._intent_key = None
        group = self._form.intent_group
        # An exclusive group refuses to uncheck its last checked button.
        group.setExclusive(False)
        for button in group.buttons():
            button.setChecked(False)
        group.setExclusive(True)

    def set_source_image(self, image: ReferenceImage | None) -> None:
        self._source.set_image(image)

    def set_style_image(self, image: ReferenceImage | None) -> None:
        self._style.set_image(image)

    def set_seed(self, seed: int) -> None:
        """Fixes the seed to `seed` (0 goes back to random)."""
        if seed == 0:
            self._seed_fixed.setChecked(False)
            return
        self._seed.setValue(seed)
        self._seed_fixed.setChecked(True)

    def set_last_returned_seed(self, seed: int) -> None:
        self._last_seed = seed
        button = self._form.last_seed_button
        button.setEnabled(True)
        button.setToolTip(self.tr("Use the last returned seed ({seed})").format(seed=seed))

    def use_last_seed(self) -> None:
        if self._last_seed is not None:
            self.set_seed(self._last_seed)

    def roll_seed(self) -> None:
        self.set_seed(random.randint(1, MAX_SEED))

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

    # --- reacting to the user --------------------------------------------------------------

    def _select_model(self, name: str) -> None:
        index = self._model.findData(name)
        if index < 0:
            # A request from elsewhere (an old library entry) may name a model we do not know;
            # show it, so validation can say so at the field, instead of silently replacing it.
            self._model.addItem(name, name)
            index = self._model.count() - 1
        self._model.setCurrentIndex(index)
        self._model_name = name

    def _on_model_chosen(self) -> None:
        if self._updating:
            return
        old = model_table().get(self._model_name)
        new = self.spec()
        self._model_name = str(self._model.currentData())
        if new is None:
            self._refresh()
            return
        self._updating = True
        try:
            self._fill_sizes(self._nearest_size(str(self._size.currentData() or "1024x1024")))
            # A value the user left at the old model's default moves to the new default.
            old_steps = old.steps.default if old else None
            if new.steps.default is not None and (old is None or self._steps.value() == old_steps):
                self._steps.setValue(int(new.steps.default))
            old_cfg = old.cfg_scale.default if old else None
            if new.cfg_scale.default is not None and (old is None or self._cfg.value() == old_cfg):
                self._cfg.setValue(new.cfg_scale.default)
        finally:
            self._updating = False
        self._refresh()

    def _nearest_size(self, size: str) -> str:
        spec = self.spec()
        return nearest_size(spec, size) if spec else size

    def _fill_sizes(self, wanted: str) -> None:
        fill_size_combo(self._size, self.spec(), wanted)

    def _on_seed_fixed(self, fixed: bool) -> None:
        # While random, the field says "random" rather than a number that will not be used;
        # the number comes back when the seed is fixed again.
        if not self._updating:
            self._updating = True
            try:
                if fixed and self._seed.value() == 0:
                    self._seed.setValue(self._stashed_seed or random.randint(1, MAX_SEED))
                elif not fixed and self._seed.value() != 0:
                    self._stashed_seed = self._seed.value()
                    self._seed.setValue(0)
            finally:
                self._updating = False
        self._changed()

    def _on_seed_typed(self) -> None:
        # Typing a seed means the user wants that seed.
        if not self._updating and self._seed.hasFocus():
            self._seed_fixed.setChecked(True)
        self._changed()

    def _changed(self, *_args: object) -> None:
        if not self._updating:
            self._refresh()

    def _refresh(self) -> None:
        request = self.current_request()
        spec = self.spec()
        has_source = self._source.image() is not None
        form = self._form
        form.show_mode(spec, request.mode, has_source=has_source, intent=self._intent_key)
        form.show_hints(spec, request.mode, self._intent_key, has_source=has_source)
        problems = validate(request)
        by_field = problems_by_field(problems)
        form.show_problems(by_field)
        self._footer.show_state(
            request.n,
            spec.price_cny if spec is not None else None,
            [m for f in _SUMMARY_FIELDS for m in by_field.get(f, [])],
            ok=not problems,
            gentle=bool(problems)
            and not request.prompt.strip()
            and all(p.field == "prompt" for p in problems),
        )
        self._save()
        self.request_changed.emit(request)
        if problems != self._problems:
            self._problems = problems
            self.validation_changed.emit(problems)

    def _save(self) -> None:
        if self._updating:
            return
        # The prompt and the images are not stored, so typing a prompt writes nothing to disk.
        request = self.current_request().with_changes(
            seed=self._seed.value(), prompt="", negative_prompt="", source=None, style=None
        )
        state = (request, self._seed_fixed.isChecked(), self._form.advanced.is_open())
        if state == self._saved_state:
            return
        self._saved_state = state
        save_dock_values(self._settings, request, seed_fixed=state[1], advanced_open=state[2])
