"""`RequestModel`: the one owner of the request being edited, and `bind()` to show it in widgets.

The dock, the prompt editor, "reuse parameters" and drops all write here; validation, the saved
dock values and the Generate footer listen here. Before, the request lived in the widgets and was
rebuilt from them on every call, and the prompt was kept twice (in the editor and in the dock).

Each editable value is an observable property (as krita-ai-diffusion's `Model` does it): setting
one to a new value emits `changed(name, value)`, then `request_changed(GenerationRequest)`. Several
sets inside `batch()` give one `request_changed` at the end, so listeners validate once.

The model keeps what the user chose even where the current model has no such field (the seed while
on gpt-image, the style picture while redrawing): `request()` builds what the chosen model takes,
with neutral values elsewhere, so switching back brings the user's values back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar, cast, overload

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from stepfun_studio.core.model_table import ModelSpec, ModelTable, model_table
from stepfun_studio.core.request import (
    GenerationRequest,
    Mode,
    ReferenceImage,
    ResponseFormat,
)

T = TypeVar("T")
_NEUTRAL = GenerationRequest()


class Field(Generic[T]):
    """One observable property of a `RequestModel`; its name is the attribute's name."""

    def __init__(self, default: T, convert: Callable[[Any], T] | None = None) -> None:
        self.default = default
        self.name = ""
        # Widgets hand back plain values (a combo's data is a str); the model keeps its types.
        self.convert = convert

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Field[T]: ...
    @overload
    def __get__(self, obj: RequestModel, owner: type) -> T: ...
    def __get__(self, obj: RequestModel | None, owner: type) -> Field[T] | T:
        if obj is None:
            return self
        return cast(T, obj._values.get(self.name, self.default))

    def __set__(self, obj: RequestModel, value: T) -> None:
        obj._set(self.name, self.convert(value) if self.convert is not None else value)


class RequestModel(QObject):
    """The request being edited; see the module's docstring."""

    changed = Signal(str, object)  # property name, new value
    request_changed = Signal(object)  # GenerationRequest, once per edit or batch

    prompt = Field("")
    negative_prompt = Field("")
    model = Field(_NEUTRAL.model)
    size = Field(_NEUTRAL.size)
    steps = Field(_NEUTRAL.steps)
    cfg_scale = Field(_NEUTRAL.cfg_scale)
    # The number the user keeps, and whether it is used: while not fixed the server picks one,
    # and the number waits for the seed to be fixed again.
    seed = Field(0)
    seed_fixed = Field(False)
    n = Field(_NEUTRAL.n)
    response_format = Field(_NEUTRAL.response_format, ResponseFormat)
    text_mode = Field(False)
    source: Field[ReferenceImage | None] = Field(None)
    source_weight = Field(_NEUTRAL.source_weight)
    style: Field[ReferenceImage | None] = Field(None)
    style_weight = Field(_NEUTRAL.style_weight)
    references: Field[tuple[ReferenceImage, ...]] = Field(())
    # Every option value the user chose, by option name; `request()` sends the chosen model's.
    options: Field[tuple[tuple[str, str], ...]] = Field(())

    def __init__(self, table: ModelTable | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, Any] = {}
        self._table = table or model_table()
        self._batch_depth = 0
        self._dirty = False

    # --- properties ---------------------------------------------------------------------------

    def _set(self, name: str, value: object) -> None:
        if name in self._values and self._values[name] == value:
            return
        if name not in self._values and getattr(type(self), name).default == value:
            self._values[name] = value
            return
        self._values[name] = value
        self.changed.emit(name, value)
        self._dirty = True
        if self._batch_depth == 0:
            self._flush()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Sets inside emit their `changed` at once but one `request_changed` at the end."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                self._flush()

    def _flush(self) -> None:
        if self._dirty:
            self._dirty = False
            self.request_changed.emit(self.request())

    def option(self, name: str) -> str:
        """The chosen value of option `name`, else the current model's default, else ""."""
        chosen = dict(self.options).get(name)
        if chosen is not None:
            return chosen
        spec = self.spec()
        option = spec.option(name) if spec is not None else None
        return option.default if option is not None else ""

    def set_option(self, name: str, value: str) -> None:
        kept = tuple((key, old) for key, old in self.options if key != name)
        self.options = (*kept, (name, value))

    # --- what follows from the values --------------------------------------------------------

    @property
    def table(self) -> ModelTable:
        return self._table

    def use_table(self, table: ModelTable) -> None:
        """A table with the user's declared models (OpenAI-compatible server), taken live."""
        self._table = table

    def spec(self) -> ModelSpec | None:
        return self._table.get(self.model)

    def mode(self) -> Mode:
        """Follows from the model and the pictures given, so there is no switch to get wrong."""
        spec = self.spec()
        if spec is None:
            return Mode.TEXT_TO_IMAGE
        if self.source is not None:
            if spec.has_source_weight and spec.supports(Mode.REDRAW):
                return Mode.REDRAW
            for mode in (Mode.EDIT, Mode.REDRAW):
                if spec.supports(mode):
                    return mode
        if self.references and spec.max_references and spec.supports(Mode.EDIT):
            return Mode.EDIT
        if spec.supports(Mode.TEXT_TO_IMAGE):
            return Mode.TEXT_TO_IMAGE
        # A model that only edits: asking for its picture is validation's job.
        return spec.modes[0]

    def seed_value(self) -> int:
        """The seed sent: 0 (the server chooses) unless fixed."""
        return self.seed if self.seed_fixed else 0

    def request(self) -> GenerationRequest:
        """What the chosen model takes, as one request; fields it has not are left neutral."""
        spec = self.spec()
        mode = self.mode()
        if spec is None:
            # An unknown model (an old library entry): shown as it is, so validation names it.
            return GenerationRequest(
                prompt=self.prompt,
                model=self.model,
                mode=mode,
                size=self.size,
                steps=self.steps,
                cfg_scale=round(self.cfg_scale, 2),
                seed=self.seed_value(),
                n=self.n,
                response_format=self.response_format,
            )
        takes_style = spec.supports_style_reference
        return GenerationRequest(
            prompt=self.prompt,
            model=self.model,
            provider=spec.provider,
            mode=mode,
            size=self.size,
            steps=self.steps if spec.steps_for(mode) is not None else _NEUTRAL.steps,
            cfg_scale=round(self.cfg_scale, 2)
            if spec.cfg_scale is not None
            else _NEUTRAL.cfg_scale,
            seed=self.seed_value() if spec.seed is not None else 0,
            n=self.n,
            response_format=self.response_format,
            negative_prompt=self.negative_prompt if spec.supports_negative_prompt else "",
            text_mode=self.text_mode and spec.supports_text_mode,
            source=self.source if mode is not Mode.TEXT_TO_IMAGE else None,
            source_weight=round(self.source_weight, 2)
            if spec.has_source_weight
            else _NEUTRAL.source_weight,
            style=self.style if takes_style else None,
            style_weight=round(self.style_weight, 2) if takes_style else _NEUTRAL.style_weight,
            references=self.references if spec.max_references else (),
            options=tuple(
                (option.name, self._option_value(option.name, option.values, option.default))
                for option in spec.options_for(mode)
            ),
        )

    def _option_value(self, name: str, values: tuple[str, ...], default: str) -> str:
        chosen = dict(self.options).get(name)
        return chosen if chosen in values and chosen is not None else default

    def apply(self, request: GenerationRequest) -> None:
        """Takes every value of `request` as it is (a reused or restored one, or the defaults).

        A request without a seed (0) leaves the kept number alone and unfixes it, so fixing the
        seed again brings back the one the user had.
        """
        with self.batch():
            self.model = request.model
            self.prompt = request.prompt
            self.negative_prompt = request.negative_prompt
            self.size = request.size
            self.steps = request.steps
            self.cfg_scale = request.cfg_scale
            if request.seed:
                self.seed = request.seed
            self.seed_fixed = request.seed != 0
            self.n = request.n
            self.response_format = request.response_format
            self.text_mode = request.text_mode
            self.source = request.source
            self.source_weight = request.source_weight
            self.style = request.style
            self.style_weight = request.style_weight
            self.references = tuple(request.references)
            merged = dict(self.options)
            merged.update(dict(request.options))
            self.options = tuple(merged.items())


class Binding(QObject):
    """Keeps one widget and one model property equal, both ways, until `unbind()`."""

    def __init__(
        self,
        model: RequestModel,
        prop: str,
        widget: QWidget,
        read: Callable[[], object],
        write: Callable[[object], None],
    ) -> None:
        super().__init__(widget)
        self._model = model
        self._prop = prop
        self._widget = widget
        self._read = read
        self._write = write
        self._pushing = False
        self._signal, self._get, self._set = _widget_access(widget)
        self._signal.connect(self._from_widget)
        model.changed.connect(self._on_model_changed)
        self._to_widget()

    def unbind(self) -> None:
        self._signal.disconnect(self._from_widget)
        self._model.changed.disconnect(self._on_model_changed)

    def _on_model_changed(self, name: str, _value: object) -> None:
        if name == self._prop:
            self._to_widget()

    def _to_widget(self) -> None:
        value = self._read()
        if self._get() == value:
            return
        self._pushing = True
        try:
            self._set(value)
        finally:
            self._pushing = False

    def _from_widget(self, *_args: object) -> None:
        if not self._pushing:
            self._write(self._get())


def bind(
    model: RequestModel,
    prop: str,
    widget: QWidget,
    *,
    read: Callable[[], object] | None = None,
    write: Callable[[object], None] | None = None,
) -> Binding:
    """Shows `model.<prop>` in `widget` and writes the user's edits back, from now on.

    `read`/`write` replace plain attribute access (an option, held inside `options`). Widgets:
    combo boxes (by item data), spin boxes, check boxes, text fields, and anything with
    `image_changed`/`image()`/`set_image()` (a reference slot) or `value_changed`/`value()`/
    `set_value()`.
    """
    return Binding(
        model,
        prop,
        widget,
        read or (lambda: getattr(model, prop)),
        write or (lambda value: setattr(model, prop, value)),
    )


def _widget_access(widget: QWidget) -> tuple[Any, Callable[[], object], Callable[[Any], None]]:
    """(change signal, getter, setter) for one kind of widget."""
    if isinstance(widget, QComboBox):
        combo = widget

        def select(value: object) -> None:
            index = combo.findData(value)
            if index < 0 and value is not None:
                # A value from elsewhere (an old entry) is shown, so validation can mark it.
                combo.addItem(str(value), value)
                index = combo.count() - 1
            combo.setCurrentIndex(index)

        return combo.currentIndexChanged, combo.currentData, select
    if isinstance(widget, QDoubleSpinBox):
        spin = widget
        return spin.valueChanged, lambda: round(spin.value(), spin.decimals()), spin.setValue
    if isinstance(widget, QSpinBox):
        return widget.valueChanged, widget.value, widget.setValue
    if isinstance(widget, QAbstractButton):
        return widget.toggled, widget.isChecked, widget.setChecked
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged, widget.toPlainText, widget.setPlainText
    if isinstance(widget, QLineEdit):
        return widget.textChanged, widget.text, widget.setText
    if hasattr(widget, "image_changed"):
        return widget.image_changed, widget.image, widget.set_image  # type: ignore[attr-defined]
    if hasattr(widget, "value_changed"):
        return widget.value_changed, widget.value, widget.set_value  # type: ignore[attr-defined]
    raise TypeError(f"bind() does not know {type(widget).__name__}")
