"""The parameter dock's form: its fields laid out in one aligned grid, and their fixed texts.

This module builds widgets, shows the rows the chosen model takes, and (re)translates captions;
the rules between the fields and the request they edit live in `parameter_dock` and
`request_model`. Every row a model may need is built once (one per provider option found in the
model table too); `show_rows` shows those the chosen model takes in the current mode, so a
control exists for the user only where the model has the field.
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
from stepfun_studio.core.model_table import ModelSpec, ModelTable
from stepfun_studio.core.presets import ADVISED_STYLE_WEIGHT, SOURCE_WEIGHT_INTENTS, SPEED_PRESETS
from stepfun_studio.core.request import MAX_IMAGE_COUNT, MAX_SEED, Mode
from stepfun_studio.ui.model_picker import fill_model_combo
from stepfun_studio.ui.parameter_fields import (
    CollapsibleSection,
    dice_icon,
    error_label,
    fill_option_combo,
    hint_label,
    option_caption,
    option_tooltip,
    section_label,
    set_invalid,
)
from stepfun_studio.ui.provider_names import provider_title
from stepfun_studio.ui.reference_slot import ReferenceSlot
from stepfun_studio.ui.reference_strip import ReferenceStrip

# Wider than any model takes, so an out-of-range value can be typed and then explained.
_STEPS_CEILING = 150
_CFG_CEILING = 20.0


class ParameterForm(QWidget):
    """Every field of the dock, public so the dock can bind and check them."""

    def __init__(self, table: ModelTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parameterForm")
        self._table = table
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
        fill_model_combo(self.model, table)
        self.mode_label = hint_label()
        self.mode_label.setObjectName("modeLabel")
        self.model_notice = hint_label()
        self.model_notice.setObjectName("modelNotice")
        self._add_field("model", self.model, self.mode_label)
        self.grid.addWidget(self.model_notice, self._row, 1)
        self.rows["model"].append(self.model_notice)
        self._row += 1

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
        self.size_hint.setObjectName("sizeHint")
        # The size's notes: its hint, and below it what the dock adds (the source-shape advice).
        self.size_notes = QWidget()
        self.size_notes_layout = QVBoxLayout(self.size_notes)
        self.size_notes_layout.setContentsMargins(0, 0, 0, 0)
        self.size_notes_layout.setSpacing(2)
        self.size_notes_layout.addWidget(self.size_hint)
        self._add_field("size", self.size_combo, self.size_notes)

        self.steps = QSpinBox()
        self.steps.setObjectName("stepsSpin")
        self.steps.setRange(1, _STEPS_CEILING)
        self.steps_hint = hint_label()
        self.steps_hint.setObjectName("stepsHint")
        self._add_field("steps", self.steps, self.steps_hint)

        self.cfg = QDoubleSpinBox()
        self.cfg.setObjectName("cfgSpin")
        self.cfg.setRange(0.0, _CFG_CEILING)
        self.cfg.setDecimals(1)
        self.cfg.setSingleStep(0.5)
        self.cfg_hint = hint_label()
        self.cfg_hint.setObjectName("cfgHint")
        self._add_field("cfg_scale", self.cfg, self.cfg_hint)

        self.text_mode = QCheckBox()
        self.text_mode.setObjectName("textModeCheck")
        self._add_field("text_mode", self.text_mode)

        self._build_seed()
        self._build_options()

        self.count = QSpinBox()
        self.count.setObjectName("countSpin")
        self.count.setRange(1, MAX_IMAGE_COUNT)
        self._add_field("n", self.count)

        self._build_source()
        self._build_references()
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

    def _build_seed(self) -> None:
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

    def use_table(self, table: ModelTable, current_model: str) -> None:
        """Lists `table`'s models (declared ones included), keeping `current_model` chosen."""
        self._table = table
        blocked = self.model.blockSignals(True)
        try:
            fill_model_combo(self.model, table)
            self.model.setCurrentIndex(self.model.findData(current_model))
        finally:
            self.model.blockSignals(blocked)

    def _build_options(self) -> None:
        """A row per provider option any model of the table has (quality, watermark…)."""
        self.option_combos: dict[str, QComboBox] = {}
        for spec in self._table.models:
            for option in spec.options:
                if option.name in self.option_combos:
                    continue
                combo = QComboBox()
                combo.setObjectName(f"option_{option.name}")
                fill_option_combo(combo, option.name, option.values)
                self.option_combos[option.name] = combo
                self._add_field(f"option_{option.name}", combo)

    def _build_source(self) -> None:
        self.source_title = section_label("")
        self.grid.addWidget(self.source_title, self._row, 0, 1, 2)
        self._row += 1
        self.source = ReferenceSlot("source")
        self.source.setObjectName("sourceSlot")
        self.source_hint = hint_label()
        self._add_field("source", self.source, self.source_hint, span=True)
        self.rows["source"].insert(0, self.source_title)

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

    def _build_references(self) -> None:
        self.references_title = section_label("")
        self.grid.addWidget(self.references_title, self._row, 0, 1, 2)
        self._row += 1
        self.references = ReferenceStrip()
        self.references_hint = hint_label()
        self.references_hint.setObjectName("referencesHint")
        self._add_field("references", self.references, self.references_hint, span=True)
        self.rows["references"].insert(0, self.references_title)

    def _build_style(self) -> None:
        self.style_title = section_label("")
        self.grid.addWidget(self.style_title, self._row, 0, 1, 2)
        self._row += 1
        self.style_slot = ReferenceSlot("style")
        self.style_slot.setObjectName("styleSlot")
        self._add_field("style", self.style_slot, span=True)
        self.rows["style"].insert(0, self.style_title)
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
        hint: QWidget | None = None,
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

    def _show_row(self, field: str, visible: bool) -> None:
        """Shows or hides a whole row; an error line shows only while it has a message."""
        error = self.errors.get(field)
        for widget in self.rows[field]:
            if widget is error:
                widget.setVisible(visible and bool(widget.text()))
            else:
                widget.setVisible(visible)

    def show_rows(
        self, spec: ModelSpec | None, mode: Mode, *, has_source: bool, has_style: bool
    ) -> None:
        """Shows the rows the model takes in this mode, hides the rest."""
        known = spec is not None
        for field, takes in (
            ("preset", known and spec is not None and spec.steps is not None),
            ("size", known and spec is not None and (bool(spec.sizes) or mode is not Mode.EDIT)),
            ("steps", spec is not None and spec.steps_for(mode) is not None),
            ("cfg_scale", spec is not None and spec.cfg_scale is not None),
            ("text_mode", spec is not None and spec.supports_text_mode),
            ("seed", spec is not None and spec.seed is not None),
        ):
            self._show_row(field, takes)
        options = {option.name for option in spec.options_for(mode)} if spec else set()
        for name in self.option_combos:
            self._show_row(f"option_{name}", name in options)
        redraws = spec is not None and spec.supports(Mode.REDRAW)
        edits = spec is not None and spec.supports(Mode.EDIT)
        self._show_row("source", redraws or edits)
        weighs = spec is not None and spec.has_source_weight and has_source
        self._show_row("source_weight", weighs and mode is Mode.REDRAW)
        self._show_row("intent", weighs and mode is Mode.REDRAW)
        self._show_row("references", spec is not None and spec.max_references > 0)
        # A style reference goes with text to image only; an empty style slot would be clutter
        # while redrawing, but one holding an image stays, with validation saying why.
        style = (
            spec is not None
            and spec.supports_style_reference
            and (mode is Mode.TEXT_TO_IMAGE or has_style)
        )
        self._show_row("style", style)
        self._show_row("style_weight", style)
        self.source_title.setText(
            self.tr("Source image (redraw)")
            if redraws and (spec is None or spec.has_source_weight or not edits)
            else self.tr("Image to edit")
        )
        # The slot checks a new image against the limit of what it will be used for.
        self.source.set_purpose(
            ReferencePurpose.EDIT if mode is Mode.EDIT or not redraws else ReferencePurpose.REDRAW
        )
        if spec is not None:
            self.references.set_limit(spec.max_references)
            steps = spec.steps_for(mode)
            self.steps.setMaximum(max(_STEPS_CEILING, int(steps.maximum) if steps else 0))
            if spec.cfg_scale is not None:
                self.cfg.setMaximum(max(_CFG_CEILING, spec.cfg_scale.maximum))
            for option in spec.options_for(mode):
                fill_option_combo(self.option_combos[option.name], option.name, option.values)

    def show_hints(
        self,
        spec: ModelSpec | None,
        mode: Mode,
        *,
        intent_key: str | None,
        has_source: bool,
    ) -> None:
        """The texts that follow the model, the mode and the chosen intent."""
        advice = ""
        for intent in SOURCE_WEIGHT_INTENTS:
            if intent.key == intent_key:
                advice = self.tr("Weight {low:g}–{high:g}. {advice}").format(
                    low=intent.low, high=intent.high, advice=intent.prompt_advice()
                )
        self.intent_advice.setText(advice)
        self.intent_advice.setVisible(bool(advice) and self.source_weight.isVisibleTo(self))
        mode_text = {
            Mode.TEXT_TO_IMAGE: self.tr("Text to image"),
            Mode.REDRAW: self.tr("Redraw from the source image"),
            Mode.EDIT: self.tr("Edit the image")
            if has_source
            else self.tr("Draw from the reference pictures"),
        }[mode]
        if spec is None:
            self.mode_label.setText(mode_text)
            self.model_notice.hide()
            return
        provider = self._table.provider(spec.provider)
        label = provider_title(provider) if provider is not None else spec.provider
        self.mode_label.setText(
            self.tr("{provider} · {mode}").format(provider=label, mode=mode_text)
        )
        lifecycle = spec.lifecycle
        retired = lifecycle.status == "retired" and lifecycle.date is not None
        self.model_notice.setText(
            self.tr(
                "Retired by its vendor on {date}; it works only on a server that still serves it."
            ).format(date=lifecycle.date)
            if retired
            else ""
        )
        self.model_notice.setVisible(retired)
        steps = spec.steps_for(mode)
        # One statement of what the model takes (the guide's older advice contradicted it).
        self.steps_hint.setText(
            self.tr("{low:g}–{high:g} for this model").format(low=steps.minimum, high=steps.maximum)
            if steps is not None
            else ""
        )
        cfg = spec.cfg_scale
        if cfg is not None:
            cfg_text = (
                self.tr(
                    "{low:g}–{high:g}; higher follows the prompt more closely. "
                    "At 1 the negative prompt is ignored."
                )
                if spec.supports_negative_prompt
                else self.tr("{low:g}–{high:g}; higher follows the prompt more closely")
            )
            self.cfg_hint.setText(cfg_text.format(low=cfg.minimum, high=cfg.maximum))
        self.size_hint.setText(
            self.tr("The output has the input's size")
            if mode is Mode.EDIT and not spec.sizes
            else ""
        )
        self.size_hint.setVisible(bool(self.size_hint.text()) and self.size_combo.isVisibleTo(self))
        redraws = spec.supports(Mode.REDRAW) and (
            spec.has_source_weight or not spec.supports(Mode.EDIT)
        )
        if redraws:
            source_hint = self.tr("Add a picture to redraw it; without one, text to image")
        elif spec.supports(Mode.TEXT_TO_IMAGE):
            source_hint = self.tr("Add a picture to edit it; without one, text to image")
        else:
            source_hint = self.tr("This model edits: add the picture to change")
        self.source_hint.setText(source_hint)
        self.source_hint.setVisible(not has_source and self.source.isVisibleTo(self))

    def show_problems(self, by_field: dict[str, list[str]]) -> list[QWidget]:
        """Marks each field the model cannot take and writes the reason under it; returns the
        marked fields, in the order of the form, that are on screen."""
        widgets: dict[str, QWidget] = {
            "model": self.model,
            "size": self.size_combo,
            "steps": self.steps,
            "cfg_scale": self.cfg,
            "seed": self.seed,
            "n": self.count,
            "source": self.source,
            "source_weight": self.source_weight,
            "references": self.references,
            "style": self.style_slot,
            "style_weight": self.style_weight,
        }
        for name, combo in self.option_combos.items():
            widgets[name] = combo
        marked: list[QWidget] = []
        for field, widget in widgets.items():
            messages = by_field.get(field, [])
            set_invalid(widget, bool(messages))
            label = self.errors[f"option_{field}" if field in self.option_combos else field]
            label.setText("\n".join(messages))
            label.setVisible(bool(messages) and widget.isVisibleTo(self))
            if messages and widget.isVisibleTo(self):
                marked.append(widget)
        return marked

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
        for name in self.option_combos:
            captions[f"option_{name}"] = option_caption(name)
            self.option_combos[name].setToolTip(option_tooltip(name))
            values = tuple(
                str(self.option_combos[name].itemData(i))
                for i in range(self.option_combos[name].count())
            )
            fill_option_combo(self.option_combos[name], name, values)
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
        self.count.setToolTip(self.tr("How many pictures to make; each one is billed"))
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
        self.references_title.setText(self.tr("Reference pictures"))
        self.references_hint.setText(
            self.tr("Sent in this order; the prompt can name them (“the dress in picture 2”).")
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
