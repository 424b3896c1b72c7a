"""The parameter dock's form: its fields laid out in one aligned grid, and their fixed texts.

This module only builds widgets and (re)translates their captions; the rules between the fields
(what the model allows, which rows show, what is wrong) live in `parameter_dock`. Keeping the two
apart keeps each file readable, and `retranslate()` here is the one place a language switch
touches.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
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
)
from stepfun_studio.core.request import MAX_IMAGE_COUNT, MAX_SEED, Mode
from stepfun_studio.ui.parameter_fields import (
    CollapsibleSection,
    dice_icon,
    error_label,
    hint_label,
    section_label,
    set_invalid,
)
from stepfun_studio.ui.reference_slot import ReferenceSlot


class ParameterForm(QWidget):
    """Every field of the dock, public so the dock can wire and check them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parameterForm")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(1, 1)
        self._row = 0
        self.errors: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self.rows: dict[str, list[QWidget]] = {}

        self.model = QComboBox()
        self.model.setObjectName("modelCombo")
        for spec in model_table().models:
            self.model.addItem(spec.label, spec.name)
            self.model.setItemData(self.model.count() - 1, spec.name, Qt.ItemDataRole.ToolTipRole)
        self.mode_label = hint_label()
        self.mode_label.setObjectName("modeLabel")
        self._add_field("model", self.model, self.mode_label)

        presets = QHBoxLayout()
        presets.setSpacing(6)
        self.preset_buttons: dict[str, QPushButton] = {}
        for preset in SPEED_PRESETS:
            button = QPushButton()
            button.setObjectName(f"preset_{preset.key}")
            presets.addWidget(button)
            self.preset_buttons[preset.key] = button
        self._add_field("preset", presets)

        self.size_combo = QComboBox()
        self.size_combo.setObjectName("sizeCombo")
        self.size_hint = hint_label()
        self._add_field("size", self.size_combo, self.size_hint)

        self.steps = QSpinBox()
        self.steps.setObjectName("stepsSpin")
        # Wider than any model takes, so the notebook's "80" can be typed and then explained.
        self.steps.setRange(1, 150)
        self.steps_hint = hint_label()
        self._add_field("steps", self.steps, self.steps_hint)

        self.cfg = QDoubleSpinBox()
        self.cfg.setObjectName("cfgSpin")
        self.cfg.setRange(0.0, 20.0)
        self.cfg.setDecimals(1)
        self.cfg.setSingleStep(0.5)
        self.cfg_hint = hint_label()
        self._add_field("cfg_scale", self.cfg, self.cfg_hint)

        self.text_mode = QCheckBox()
        self.text_mode.setObjectName("textModeCheck")
        self._add_field("text_mode", self.text_mode)

        self.seed_fixed = QCheckBox()
        self.seed_fixed.setObjectName("seedFixedCheck")
        self.seed = QSpinBox()
        self.seed.setObjectName("seedSpin")
        self.seed.setRange(0, MAX_SEED)
        self.dice = QToolButton()
        self.dice.setObjectName("seedDiceButton")
        self.dice.setIcon(dice_icon(self.palette().buttonText().color()))
        self.last_seed_button = QToolButton()
        self.last_seed_button.setObjectName("useLastSeedButton")
        self.last_seed_button.setText("↺")
        self.last_seed_button.setEnabled(False)
        seed_row = QHBoxLayout()
        seed_row.setSpacing(4)
        seed_row.addWidget(self.seed_fixed)
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.dice)
        seed_row.addWidget(self.last_seed_button)
        self._add_field("seed", seed_row)

        self.count = QSpinBox()
        self.count.setObjectName("countSpin")
        self.count.setRange(1, MAX_IMAGE_COUNT)
        self._add_field("n", self.count)

        self._build_source()
        self._build_style()

        self.advanced = CollapsibleSection("", QWidget())
        self.advanced.setObjectName("advancedSection")
        self.grid.addWidget(self.advanced, self._row, 0, 1, 2)
        self._row += 1
        self.response_format = QComboBox()
        self.response_format.setObjectName("responseFormatCombo")
        self.response_format.addItem("", "b64_json")
        self.response_format.addItem("", "url")
        # The Advanced rows sit in the same grid, so their labels line up with the others.
        self._add_field("response_format", self.response_format)
        self.advanced.toggled.connect(self._open_advanced)
        self._open_advanced(False)
        # Spare height goes below the fields, not between them.
        self.grid.setRowStretch(self._row, 1)
        self.retranslate()

    def _build_source(self) -> None:
        self.source_title = section_label("")
        self.grid.addWidget(self.source_title, self._row, 0, 1, 2)
        self._row += 1
        self.source = ReferenceSlot("source")
        self.source.setObjectName("sourceSlot")
        self.source_hint = hint_label()
        self._add_field("source", self.source, self.source_hint, span=True)

        self.source_weight = QDoubleSpinBox()
        self.source_weight.setObjectName("sourceWeightSpin")
        self.source_weight.setRange(0.0, 1.0)
        self.source_weight.setDecimals(2)
        self.source_weight.setSingleStep(0.05)
        self._add_field("source_weight", self.source_weight)
        # Stacked, because the guide's three intents do not fit side by side in a narrow dock.
        intents = QVBoxLayout()
        intents.setSpacing(3)
        self.intent_group = QButtonGroup(self)
        self.intent_group.setExclusive(True)
        self.intent_buttons: dict[str, QPushButton] = {}
        for intent in SOURCE_WEIGHT_INTENTS:
            button = QPushButton()
            button.setObjectName(f"sourceIntent_{intent.key}")
            button.setCheckable(True)
            self.intent_group.addButton(button)
            intents.addWidget(button)
            self.intent_buttons[intent.key] = button
        self.intent_advice = hint_label()
        self.intent_advice.setObjectName("sourceIntentAdvice")
        self._add_field("intent", intents, self.intent_advice)

    def _build_style(self) -> None:
        self.style_title = section_label("")
        self.grid.addWidget(self.style_title, self._row, 0, 1, 2)
        self._row += 1
        self.style_slot = ReferenceSlot("style")
        self.style_slot.setObjectName("styleSlot")
        self._add_field("style", self.style_slot, span=True)
        self.style_weight = QDoubleSpinBox()
        self.style_weight.setObjectName("styleWeightSpin")
        self.style_weight.setRange(0.0, 2.0)
        self.style_weight.setDecimals(2)
        self.style_weight.setSingleStep(0.1)
        self.style_weight_hint = hint_label()
        self._add_field("style_weight", self.style_weight, self.style_weight_hint)

    def _add_field(
        self,
        field: str,
        widget: QWidget | QBoxLayout,
        hint: QLabel | None = None,
        *,
        span: bool = False,
    ) -> None:
        """One row: caption, field, hint and error line; `rows[field]` hides them together."""
        row_widgets: list[QWidget] = []
        column, width = (0, 2) if span else (1, 1)
        if not span:
            caption = QLabel()
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(caption, self._row, 0)
            row_widgets.append(caption)
            self.captions[field] = caption
        if isinstance(widget, QBoxLayout):
            holder = QWidget()
            widget.setContentsMargins(0, 0, 0, 0)
            holder.setLayout(widget)
            widget = holder
        self.grid.addWidget(widget, self._row, column, 1, width)
        row_widgets.append(widget)
        self._row += 1
        error = error_label(f"{field}Error")
        self.errors[field] = error
        for extra in (hint, error):
            if extra is not None:
                self.grid.addWidget(extra, self._row, column, 1, width)
                self._row += 1
                row_widgets.append(extra)
        self.rows[field] = row_widgets

    def _open_advanced(self, is_open: bool) -> None:
        caption, field, _error = self.rows["response_format"]
        caption.setVisible(is_open)
        field.setVisible(is_open)

    def show_hints(
        self, spec: ModelSpec | None, mode: Mode, intent_key: str | None, *, has_source: bool
    ) -> None:
        """The texts that follow the model, the mode and the chosen intent."""
        form = self
        for intent in SOURCE_WEIGHT_INTENTS:
            if intent.key == intent_key:
                form.intent_advice.setText(
                    self.tr("Weight {low:g}–{high:g}. {advice}").format(
                        low=intent.low, high=intent.high, advice=intent.prompt_advice()
                    )
                )
        form.mode_label.setText(
            {
                Mode.TEXT_TO_IMAGE: self.tr("Text to image"),
                Mode.REDRAW: self.tr("Redraw from the source image"),
                Mode.EDIT: self.tr("Edit the image"),
            }[mode]
        )
        if spec is None:
            return
        steps = spec.steps_for(mode)
        if spec.supports(Mode.EDIT):
            hint = self.tr("{low:g}–{high:g} for this model").format(
                low=steps.minimum, high=steps.maximum
            )
        else:
            hint = self.tr("{low:g}–{high:g} for this model; the guide advises {a}–{b}").format(
                low=steps.minimum, high=steps.maximum, a=ADVISED_STEPS[0], b=ADVISED_STEPS[1]
            )
        form.steps_hint.setText(hint)
        if spec.supports_negative_prompt:
            cfg_text = self.tr(
                "{low:g}–{high:g}; higher follows the prompt more closely. "
                "At 1 the negative prompt is ignored."
            )
        else:
            cfg_text = self.tr("{low:g}–{high:g}; higher follows the prompt more closely")
        cfg_hint = cfg_text.format(low=spec.cfg_scale.minimum, high=spec.cfg_scale.maximum)
        form.cfg_hint.setText(cfg_hint)
        form.size_hint.setText(
            self.tr("Image Edit keeps the input's size") if mode is Mode.EDIT else ""
        )
        form.size_hint.setVisible(mode is Mode.EDIT)
        if spec.supports(Mode.EDIT):
            source_hint = self.tr("Add an image to edit it; large changes and faces work well")
        else:
            source_hint = self.tr("Add a picture to redraw it; without one, text to image")
        form.source_hint.setText(source_hint)
        form.source_hint.setVisible(not has_source)

    def show_mode(
        self, spec: ModelSpec | None, mode: Mode, *, has_source: bool, intent: str | None
    ) -> None:
        """Shows the rows that mean something for this model and mode, hides the rest."""
        redraw_model = spec is not None and spec.supports(Mode.REDRAW)
        edit_model = spec is not None and spec.supports(Mode.EDIT)
        self.source_title.setText(
            self.tr("Image to edit") if edit_model else self.tr("Source image (redraw)")
        )
        # Weight and intents mean something only once there is a source to weigh.
        for widget in (*self.rows["source_weight"], *self.rows["intent"]):
            widget.setVisible(redraw_model and has_source)
        self.intent_advice.setVisible(redraw_model and has_source and intent is not None)
        # A style reference goes with text to image only; an empty style slot would be clutter
        # while redrawing, but one holding an image stays, with validation saying why it is wrong.
        style = (
            spec is not None
            and spec.supports_style_reference
            and (mode is Mode.TEXT_TO_IMAGE or self.style_slot.image() is not None)
        )
        for widget in (self.style_title, *self.rows["style"], *self.rows["style_weight"]):
            widget.setVisible(style)
        for widget in self.rows["text_mode"]:
            widget.setVisible(spec is not None and spec.supports_text_mode)
        self.size_combo.setEnabled(mode is not Mode.EDIT)
        # The slot checks a new image against the limit of what it will be used for.
        self.source.set_purpose(ReferencePurpose.EDIT if edit_model else ReferencePurpose.REDRAW)

    def show_problems(self, by_field: dict[str, list[str]]) -> None:
        """Marks each field the model cannot take and writes the reason under it."""
        widgets: dict[str, QWidget] = {
            "model": self.model,
            "size": self.size_combo,
            "steps": self.steps,
            "cfg_scale": self.cfg,
            "seed": self.seed,
            "n": self.count,
            "source": self.source,
            "source_weight": self.source_weight,
            "style": self.style_slot,
            "style_weight": self.style_weight,
        }
        for field, widget in widgets.items():
            messages = by_field.get(field, [])
            set_invalid(widget, bool(messages))
            label = self.errors[field]
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))

    def retranslate(self) -> None:
        """Every fixed text; texts that depend on the model are set by the dock's refresh."""
        captions = {
            "model": self.tr("Model"),
            "preset": self.tr("Preset"),
            "size": self.tr("Size"),
            "steps": self.tr("Steps"),
            "cfg_scale": self.tr("CFG scale"),
            "text_mode": "",
            "seed": self.tr("Seed"),
            "n": self.tr("Images"),
            "source_weight": self.tr("Weight"),
            "intent": self.tr("Intent"),
            "style_weight": self.tr("Weight"),
            "response_format": self.tr("Response"),
        }
        for field, text in captions.items():
            self.captions[field].setText(text)
        for preset in SPEED_PRESETS:
            button = self.preset_buttons[preset.key]
            button.setText(preset.label())
            button.setToolTip(
                self.tr("{size}, {steps} steps, CFG {cfg:g}").format(
                    size=preset.size, steps=preset.steps, cfg=preset.cfg_scale
                )
            )
        self.text_mode.setText(self.tr("Text mode (render lettering precisely)"))
        self.seed_fixed.setText(self.tr("Fixed"))
        self.seed_fixed.setToolTip(self.tr("Off: the server picks a new seed for every image"))
        self.seed.setSpecialValueText(self.tr("random"))
        self.dice.setToolTip(self.tr("A new random seed, kept fixed"))
        self.last_seed_button.setToolTip(self.tr("Use the last returned seed"))
        self.count.setToolTip(self.tr("Each image is a separate request, billed separately"))
        self.source_weight.setToolTip(
            self.tr("Smaller stays closer to the source; at 1 the source is ignored")
        )
        for intent in SOURCE_WEIGHT_INTENTS:
            button = self.intent_buttons[intent.key]
            button.setText(intent.label())
            button.setToolTip(
                self.tr("Weight {low:g}–{high:g}. {advice}").format(
                    low=intent.low, high=intent.high, advice=intent.prompt_advice()
                )
            )
        self.style_title.setText(self.tr("Style reference"))
        low, high = ADVISED_STYLE_WEIGHT
        self.style_weight_hint.setText(
            self.tr(
                "0–2; the guide advises {low:g}–{high:g}. Higher leaks the reference's content "
                "into the picture."
            ).format(low=low, high=high)
        )
        self.advanced.set_title(self.tr("Advanced"))
        self.response_format.setItemText(0, self.tr("Image data in the answer (b64_json)"))
        self.response_format.setItemText(1, self.tr("Download link (url)"))
        self.response_format.setToolTip(
            self.tr("Either way the picture is stored at once; a link would expire")
        )
