"""The parameter dock: every setting of one generation, checked against the model as it changes.

The dock owns one `GenerationRequest` in the form of its fields. The mode follows from the model
and the source slot (a source image on step-1x-medium / step-2x-large is a redraw, on
step-image-edit-2 an edit), so there is no mode switch to get wrong. Every change runs
`core.validation.validate`; each problem is shown at its field with the reason, and Generate stays
disabled while there is any. The last values come back at the next start (`widget_state`).
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.api.reference_image import ReferencePurpose
from stepfun_studio.core.model_table import ModelSpec, model_table
from stepfun_studio.core.presets import (
    ADVISED_STEPS,
    ADVISED_STYLE_WEIGHT,
    SOURCE_WEIGHT_INTENTS,
    SPEED_PRESETS,
    SourceWeightIntent,
    SpeedPreset,
    size_shape,
)
from stepfun_studio.core.request import (
    MAX_IMAGE_COUNT,
    MAX_SEED,
    GenerationRequest,
    Mode,
    ReferenceImage,
    ResponseFormat,
)
from stepfun_studio.core.validation import FieldProblem, problems_by_field, validate
from stepfun_studio.ui.parameter_fields import (
    INVALID_STYLE,
    CollapsibleSection,
    dice_icon,
    error_label,
    hint_label,
    section_label,
    set_invalid,
    size_icon,
    size_label,
)
from stepfun_studio.ui.reference_slot import ReferenceSlot
from stepfun_studio.ui.widget_state import load_dock_values, save_dock_values, ui_state_settings

if TYPE_CHECKING:
    from stepfun_studio.ui.prompt_editor import PromptEditor

# Problems that belong to no field of the dock; they are listed above Generate.
_SUMMARY_FIELDS = ("prompt", "negative_prompt", "mode")


class ParameterDock(QDockWidget):
    """Model, size, steps, CFG, seed, count, reference images and Generate."""

    request_changed = Signal(object)  # GenerationRequest
    validation_changed = Signal(list)  # list[FieldProblem]
    generate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Parameters"), parent)
        self.setObjectName("parameterDock")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self._settings = ui_state_settings()
        self._prompt = ""
        self._negative_prompt = ""
        self._last_seed: int | None = None
        self._problems: list[FieldProblem] = []
        self._updating = False
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
            self._advanced.set_open(advanced_open)
        else:
            self.apply_request(GenerationRequest(model=model_table().models[0].name))
            self._on_model_chosen()
        self._refresh()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget()
        body.setObjectName("parameterDockBody")
        body.setStyleSheet(INVALID_STYLE)
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(1, 1)
        self._row = 0
        self._errors: dict[str, QLabel] = {}

        self._model = QComboBox()
        self._model.setObjectName("modelCombo")
        for spec in model_table().models:
            self._model.addItem(spec.label, spec.name)
            self._model.setItemData(self._model.count() - 1, spec.name, Qt.ItemDataRole.ToolTipRole)
        self._model.currentIndexChanged.connect(self._on_model_chosen)
        self._mode_label = hint_label()
        self._mode_label.setObjectName("modeLabel")
        self._add_field("model", self.tr("Model"), self._model, self._mode_label)

        presets = QHBoxLayout()
        presets.setSpacing(6)
        self._preset_buttons: dict[str, QPushButton] = {}
        for preset in SPEED_PRESETS:
            button = QPushButton(preset.label())
            button.setObjectName(f"preset_{preset.key}")
            button.setToolTip(
                self.tr("{size}, {steps} steps, CFG {cfg:g}").format(
                    size=preset.size, steps=preset.steps, cfg=preset.cfg_scale
                )
            )
            button.clicked.connect(lambda _=False, p=preset: self.apply_preset(p))
            presets.addWidget(button)
            self._preset_buttons[preset.key] = button
        self._add_field("preset", self.tr("Preset"), presets)

        self._size = QComboBox()
        self._size.setObjectName("sizeCombo")
        self._size.currentIndexChanged.connect(self._changed)
        self._size_hint = hint_label()
        self._add_field("size", self.tr("Size"), self._size, self._size_hint)

        self._steps = QSpinBox()
        self._steps.setObjectName("stepsSpin")
        # Wider than any model takes, so the notebook's "80" can be typed and then explained.
        self._steps.setRange(1, 150)
        self._steps.valueChanged.connect(self._changed)
        self._steps_hint = hint_label()
        self._add_field("steps", self.tr("Steps"), self._steps, self._steps_hint)

        self._cfg = QDoubleSpinBox()
        self._cfg.setObjectName("cfgSpin")
        self._cfg.setRange(0.0, 20.0)
        self._cfg.setDecimals(1)
        self._cfg.setSingleStep(0.5)
        self._cfg.valueChanged.connect(self._changed)
        self._cfg_hint = hint_label()
        self._add_field("cfg_scale", self.tr("CFG scale"), self._cfg, self._cfg_hint)

        self._text_mode = QCheckBox(self.tr("Text mode (render lettering precisely)"))
        self._text_mode.setObjectName("textModeCheck")
        self._text_mode.toggled.connect(self._changed)
        self._text_mode_row = self._add_field("text_mode", "", self._text_mode)

        self._seed_fixed = QCheckBox(self.tr("Fixed"))
        self._seed_fixed.setObjectName("seedFixedCheck")
        self._seed_fixed.setToolTip(self.tr("Off: the server picks a new seed for every image"))
        self._seed_fixed.toggled.connect(self._changed)
        self._seed = QSpinBox()
        self._seed.setObjectName("seedSpin")
        self._seed.setRange(0, MAX_SEED)
        self._seed.setSpecialValueText(self.tr("random"))
        self._seed.valueChanged.connect(self._on_seed_typed)
        dice = QToolButton()
        dice.setObjectName("seedDiceButton")
        dice.setIcon(dice_icon(self.palette().buttonText().color()))
        dice.setToolTip(self.tr("A new random seed, kept fixed"))
        dice.clicked.connect(self.roll_seed)
        self._last_seed_button = QToolButton()
        self._last_seed_button.setObjectName("useLastSeedButton")
        self._last_seed_button.setText("↺")
        self._last_seed_button.setToolTip(self.tr("Use the last returned seed"))
        self._last_seed_button.setEnabled(False)
        self._last_seed_button.clicked.connect(self.use_last_seed)
        seed_row = QHBoxLayout()
        seed_row.setSpacing(4)
        seed_row.addWidget(self._seed_fixed)
        seed_row.addWidget(self._seed, 1)
        seed_row.addWidget(dice)
        seed_row.addWidget(self._last_seed_button)
        self._add_field("seed", self.tr("Seed"), seed_row)

        self._count = QSpinBox()
        self._count.setObjectName("countSpin")
        self._count.setRange(1, MAX_IMAGE_COUNT)
        self._count.setToolTip(self.tr("Each image is a separate request, billed separately"))
        self._count.valueChanged.connect(self._changed)
        self._add_field("n", self.tr("Images"), self._count)

        self._build_source_section()
        self._build_style_section()

        self._advanced = CollapsibleSection(self.tr("Advanced"), QWidget())
        self._advanced.setObjectName("advancedSection")
        self._grid.addWidget(self._advanced, self._row, 0, 1, 2)
        self._row += 1
        self._format = QComboBox()
        self._format.setObjectName("responseFormatCombo")
        self._format.addItem(self.tr("Image data in the answer (b64_json)"), "b64_json")
        self._format.addItem(self.tr("Download link (url)"), "url")
        self._format.setToolTip(
            self.tr("Either way the picture is stored at once; a link would expire")
        )
        self._format.currentIndexChanged.connect(self._changed)
        # The Advanced rows sit in the same grid, so their labels line up with the others.
        advanced_rows = self._add_field("response_format", self.tr("Response"), self._format)
        for widget in advanced_rows:
            widget.setVisible(False)

        def open_advanced(is_open: bool) -> None:
            advanced_rows[0].setVisible(is_open)
            advanced_rows[1].setVisible(is_open)
            self._save()

        self._advanced.toggled.connect(open_advanced)
        # Spare height goes below the fields, not between them.
        self._grid.setRowStretch(self._row, 1)

        self._summary = QLabel()
        self._summary.setObjectName("problemSummary")
        self._summary.setProperty("role", "fieldError")
        self._summary.setWordWrap(True)
        self._summary.hide()
        self._generate = QPushButton(self.tr("Generate"))
        self._generate.setObjectName("generateButton")
        self._generate.setDefault(True)
        self._generate.setMinimumHeight(34)
        self._generate.clicked.connect(self.request_generate)

        fields = QWidget()
        fields.setLayout(self._grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(10, 8, 10, 10)
        outer.setSpacing(6)
        outer.addWidget(scroll, 1)
        outer.addWidget(self._summary)
        outer.addWidget(self._generate)
        self.setWidget(body)
        self.setMinimumWidth(300)

    def _build_source_section(self) -> None:
        self._source_title = section_label(self.tr("Source image"))
        self._grid.addWidget(self._source_title, self._row, 0, 1, 2)
        self._row += 1
        self._source = ReferenceSlot("source")
        self._source.setObjectName("sourceSlot")
        self._source.image_changed.connect(self._changed)
        self._source_hint = hint_label()
        self._add_field("source", "", self._source, self._source_hint, span=True)

        self._source_weight = QDoubleSpinBox()
        self._source_weight.setObjectName("sourceWeightSpin")
        self._source_weight.setRange(0.0, 1.0)
        self._source_weight.setDecimals(2)
        self._source_weight.setSingleStep(0.05)
        self._source_weight.setToolTip(
            self.tr("Smaller stays closer to the source; at 1 the source is ignored")
        )
        self._source_weight.valueChanged.connect(self._changed)
        # Stacked, because the guide's three intents do not fit side by side in a narrow dock.
        intents = QVBoxLayout()
        intents.setSpacing(3)
        self._intent_group = QButtonGroup(self)
        self._intent_group.setExclusive(True)
        for intent in SOURCE_WEIGHT_INTENTS:
            button = QPushButton(intent.label())
            button.setObjectName(f"sourceIntent_{intent.key}")
            button.setCheckable(True)
            button.setToolTip(
                self.tr("Weight {low:g}–{high:g}. {advice}").format(
                    low=intent.low, high=intent.high, advice=intent.prompt_advice()
                )
            )
            button.clicked.connect(lambda _=False, i=intent: self.apply_intent(i))
            self._intent_group.addButton(button)
            intents.addWidget(button)
        self._intent_advice = hint_label()
        self._intent_advice.setObjectName("sourceIntentAdvice")
        self._source_weight_row = self._add_field(
            "source_weight", self.tr("Weight"), self._source_weight
        )
        self._intent_row = self._add_field(
            "intent", self.tr("Intent"), intents, self._intent_advice
        )

    def _build_style_section(self) -> None:
        self._style_title = section_label(self.tr("Style reference"))
        self._grid.addWidget(self._style_title, self._row, 0, 1, 2)
        self._row += 1
        self._style = ReferenceSlot("style")
        self._style.setObjectName("styleSlot")
        self._style.image_changed.connect(self._changed)
        self._style_row = self._add_field("style", "", self._style, span=True)
        self._style_weight = QDoubleSpinBox()
        self._style_weight.setObjectName("styleWeightSpin")
        self._style_weight.setRange(0.0, 2.0)
        self._style_weight.setDecimals(2)
        self._style_weight.setSingleStep(0.1)
        self._style_weight.valueChanged.connect(self._changed)
        low, high = ADVISED_STYLE_WEIGHT
        self._style_weight_row = self._add_field(
            "style_weight",
            self.tr("Weight"),
            self._style_weight,
            hint_label(
                self.tr(
                    "0–2; the guide advises {low:g}–{high:g}. Higher leaks the reference's"
                ).format(low=low, high=high)
                + " "
                + self.tr("content into the picture.")
            ),
        )

    def _add_field(
        self,
        field: str,
        label: str,
        widget: QWidget | QBoxLayout,
        hint: QLabel | None = None,
        *,
        span: bool = False,
    ) -> list[QWidget]:
        """One labelled row, its hint and its error line; returns the widgets to hide together."""
        row_widgets: list[QWidget] = []
        column, width = (0, 2) if span else (1, 1)
        if not span:
            caption = QLabel(label)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(caption, self._row, 0)
            row_widgets.append(caption)
        if isinstance(widget, QBoxLayout):
            holder = QWidget()
            widget.setContentsMargins(0, 0, 0, 0)
            holder.setLayout(widget)
            widget_item: QWidget = holder
        else:
            widget_item = widget
        self._grid.addWidget(widget_item, self._row, column, 1, width)
        row_widgets.append(widget_item)
        self._row += 1
        for extra in (hint, error_label(f"{field}Error")):
            if extra is None:
                continue
            self._grid.addWidget(extra, self._row, column, 1, width)
            self._row += 1
            row_widgets.append(extra)
            if extra.property("role") == "fieldError":
                self._errors[field] = extra
        return row_widgets

    # --- the prompt, which lives in the prompt editor ----------------------------------------

    def set_prompt(self, text: str) -> None:
        self._prompt = text
        self._refresh()

    def set_negative_prompt(self, text: str) -> None:
        self._negative_prompt = text
        self._refresh()

    def attach_prompt_editor(self, editor: PromptEditor) -> None:
        """Wires a prompt editor both ways: its text in, the model's limit out, Ctrl+Enter."""
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
            self._seed_fixed.setChecked(request.seed != 0)
            if request.seed != 0:
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
        finally:
            self._updating = False
        self._refresh()

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
        for button in self._intent_group.buttons():
            button.setChecked(button.objectName() == f"sourceIntent_{intent.key}")
        self._intent_advice.setText(
            self.tr("Weight {low:g}–{high:g}. {advice}").format(
                low=intent.low, high=intent.high, advice=intent.prompt_advice()
            )
        )
        self._source_weight.setValue(intent.suggested)
        self._refresh()

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
        self._last_seed_button.setEnabled(True)
        self._last_seed_button.setToolTip(
            self.tr("Use the last returned seed ({seed})").format(seed=seed)
        )

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
        """The wanted size if the model has it, else its closest size of the same shape."""
        spec = self.spec()
        if spec is None or size in spec.sizes:
            return size
        shape = size_shape(size)
        same_shape = [s for s in spec.sizes if size_shape(s) == shape] or list(spec.sizes)
        area = _area(size)
        return min(same_shape, key=lambda s: abs(_area(s) - area))

    def _fill_sizes(self, wanted: str) -> None:
        spec = self.spec()
        sizes = list(spec.sizes) if spec else []
        if wanted not in sizes:
            sizes.append(wanted)  # shown, and marked invalid by validation
        self._size.blockSignals(True)
        self._size.clear()
        for size in sizes:
            self._size.addItem(size_icon(size), size_label(size), size)
        self._size.setCurrentIndex(sizes.index(wanted))
        self._size.blockSignals(False)

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
        self._update_visibility(spec, request.mode)
        self._update_hints(spec, request.mode)
        problems = validate(request)
        self._show_problems(problems)
        count = request.n
        self._generate.setText(
            self.tr("Generate") if count == 1 else self.tr("Generate {n} images").format(n=count)
        )
        self._generate.setToolTip(self.tr("Generate (Ctrl+Enter)"))
        self._save()
        self.request_changed.emit(request)
        if problems != self._problems:
            self._problems = problems
            self.validation_changed.emit(problems)
        self._problems = problems

    def _update_visibility(self, spec: ModelSpec | None, mode: Mode) -> None:
        redraw_model = spec is not None and spec.supports(Mode.REDRAW)
        edit_model = spec is not None and spec.supports(Mode.EDIT)
        self._source_title.setText(
            self.tr("Image to edit") if edit_model else self.tr("Source image (redraw)")
        )
        # Weight and intents mean something only once there is a source to weigh.
        has_source = self._source.image() is not None
        for widget in (*self._source_weight_row, *self._intent_row):
            widget.setVisible(redraw_model and has_source)
        self._intent_advice.setVisible(
            redraw_model and has_source and bool(self._intent_advice.text())
        )
        style = spec is not None and spec.supports_style_reference
        for widget in (self._style_title, *self._style_row, *self._style_weight_row):
            widget.setVisible(style)
        for widget in self._text_mode_row:
            widget.setVisible(spec is not None and spec.supports_text_mode)
        self._size.setEnabled(mode is not Mode.EDIT)
        # The slot checks a new image against the limit of what it will be used for.
        self._source.set_purpose(ReferencePurpose.EDIT if edit_model else ReferencePurpose.REDRAW)

    def _update_hints(self, spec: ModelSpec | None, mode: Mode) -> None:
        self._mode_label.setText(
            {
                Mode.TEXT_TO_IMAGE: self.tr("Text to image"),
                Mode.REDRAW: self.tr("Redraw from the source image"),
                Mode.EDIT: self.tr("Edit the image"),
            }[mode]
        )
        if spec is None:
            return
        steps = spec.steps_for(mode)
        hint = self.tr("{low:g}–{high:g} for this model").format(
            low=steps.minimum, high=steps.maximum
        )
        if not spec.supports(Mode.EDIT):
            hint += self.tr("; the guide advises {low}–{high}").format(
                low=ADVISED_STEPS[0], high=ADVISED_STEPS[1]
            )
        self._steps_hint.setText(hint)
        cfg_hint = self.tr("{low:g}–{high:g}; higher follows the prompt more closely").format(
            low=spec.cfg_scale.minimum, high=spec.cfg_scale.maximum
        )
        if spec.supports_negative_prompt:
            cfg_hint += self.tr(". At 1 the negative prompt is ignored")
        self._cfg_hint.setText(cfg_hint)
        self._size_hint.setText(
            self.tr("Image Edit keeps the input's size") if mode is Mode.EDIT else ""
        )
        self._size_hint.setVisible(mode is Mode.EDIT)
        if spec.supports(Mode.EDIT):
            source_hint = self.tr("Add an image to edit it; large changes and faces work well")
        else:
            source_hint = self.tr("Add a picture to redraw it; without one, text to image")
        self._source_hint.setText(source_hint)
        self._source_hint.setVisible(self._source.image() is None)

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        by_field = problems_by_field(problems)
        widgets: dict[str, QWidget] = {
            "model": self._model,
            "size": self._size,
            "steps": self._steps,
            "cfg_scale": self._cfg,
            "seed": self._seed,
            "n": self._count,
            "source": self._source,
            "source_weight": self._source_weight,
            "style": self._style,
            "style_weight": self._style_weight,
        }
        for field, widget in widgets.items():
            messages = by_field.get(field, [])
            set_invalid(widget, bool(messages))
            label = self._errors.get(field)
            if label is not None:
                label.setText("\n".join(messages))
                label.setVisible(bool(messages))
        summary = [m for f in _SUMMARY_FIELDS for m in by_field.get(f, [])]
        self._summary.setText("\n".join(summary))
        self._summary.setVisible(bool(summary))
        self._generate.setEnabled(not problems)

    def _save(self) -> None:
        if self._updating:
            return
        request = self.current_request().with_changes(seed=self._seed.value())
        save_dock_values(
            self._settings,
            request,
            seed_fixed=self._seed_fixed.isChecked(),
            advanced_open=self._advanced.is_open(),
        )


def _area(size: str) -> int:
    width, height = (int(part) for part in size.split("x"))
    return width * height
