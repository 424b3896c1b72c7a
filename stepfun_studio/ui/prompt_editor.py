"""The prompt editor: prompt and negative prompt, a live character count, history, Ctrl+Enter.

The count follows the model table's limit for the current model and mode (512, or 1024 for a
redraw) and turns red past it. The negative prompt shows only for models that take one, and says
so when the CFG scale leaves it without effect. The last prompts are one key away (Ctrl+Up /
Ctrl+Down, or the history menu) and survive a restart.

Attached to the dock's `RequestModel` (`attach`), the two fields are bound to its prompt and
negative prompt: the text is kept there, once. A prompt enters the history when it is sent (the
main window's `generate`), not when a key is pressed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.model_table import ModelSpec, model_table
from stepfun_studio.core.request import GenerationRequest, Mode
from stepfun_studio.ui.request_model import RequestModel, bind
from stepfun_studio.ui.retranslated import Retranslated
from stepfun_studio.ui.widget_state import (
    PROMPT_HISTORY_LIMIT,
    load_prompt_history,
    save_prompt_history,
    ui_state_settings,
)

OVER_LIMIT_COLOR = "#e5484d"  # readable on the light and the dark theme alike
_MENU_ENTRY_CHARS = 70


class PromptEditor(Retranslated, QWidget):
    """Prompt and negative prompt for one generation."""

    prompt_changed = Signal(str)
    negative_prompt_changed = Signal(str)
    generate_requested = Signal()
    # The prompt assistant: ("polish", style key), ("translate", ""), ("describe", "").
    assist_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptEditorPanel")
        self._settings = ui_state_settings()
        self._history = load_prompt_history(self._settings)
        # -1 is the user's own draft; 0.. walk back through the history.
        self._history_index = -1
        self._draft = ""
        self._model = model_table().models[0].name
        self._mode = Mode.TEXT_TO_IMAGE
        self._cfg_scale: float | None = None
        self._limit_override: int | None = None
        self._walking_history = False
        self._request_model: RequestModel | None = None

        self._prompt_label = QLabel()
        self._prompt_label.setStyleSheet("font-weight: 600;")
        self._history_button = QToolButton()
        self._history_button.setObjectName("promptHistoryButton")
        self._history_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._history_button.setAutoRaise(True)
        self._history_menu = QMenu(self._history_button)
        self._history_menu.aboutToShow.connect(self._fill_history_menu)
        self._history_button.setMenu(self._history_menu)
        self._count_label = QLabel()
        self._count_label.setObjectName("promptCharCount")
        # The prompt assistant: Polish in a style, Translate, Describe a picture.
        self._assist_button = QToolButton()
        self._assist_button.setObjectName("promptAssistButton")
        self._assist_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._assist_button.setAutoRaise(True)
        self._assist_menu = QMenu(self._assist_button)
        self._assist_menu.aboutToShow.connect(self._fill_assist_menu)
        self._assist_button.setMenu(self._assist_menu)

        self._prompt = QPlainTextEdit()
        self._prompt.setObjectName("promptEditor")
        self._prompt.setTabChangesFocus(True)
        self._prompt.setMinimumHeight(72)
        self._prompt.installEventFilter(self)
        self._prompt.textChanged.connect(self._on_prompt_edited)

        self._negative_label = QLabel()
        self._negative_label.setStyleSheet("font-weight: 600;")
        self._negative_count = QLabel()
        self._negative_count.setObjectName("negativePromptCharCount")
        self._negative = QPlainTextEdit()
        self._negative.setObjectName("negativePromptEditor")
        self._negative.setTabChangesFocus(True)
        self._negative.setFixedHeight(54)
        self._negative.installEventFilter(self)
        self._negative.textChanged.connect(self._on_negative_edited)
        # Said where the user looks while typing it: at CFG 1 a negative prompt changes nothing.
        self._negative_warning = QLabel()
        self._negative_warning.setObjectName("negativePromptWarning")
        self._negative_warning.setWordWrap(True)
        self._negative_warning.setStyleSheet(f"color: {OVER_LIMIT_COLOR};")
        self._negative_warning.hide()

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self._prompt_label)
        header.addStretch(1)
        header.addWidget(self._count_label)
        header.addWidget(self._assist_button)
        header.addWidget(self._history_button)

        self._negative_box = QWidget()
        negative_layout = QVBoxLayout(self._negative_box)
        negative_layout.setContentsMargins(0, 4, 0, 0)
        negative_layout.setSpacing(3)
        negative_header = QHBoxLayout()
        negative_header.addWidget(self._negative_label)
        negative_header.addStretch(1)
        negative_header.addWidget(self._negative_count)
        negative_layout.addLayout(negative_header)
        negative_layout.addWidget(self._negative)
        negative_layout.addWidget(self._negative_warning)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addLayout(header)
        layout.addWidget(self._prompt, 1)
        layout.addWidget(self._negative_box)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.retranslate()

    def _fill_assist_menu(self) -> None:
        # Imported when the menu first opens: the assistant is no part of the first frame.
        from stepfun_studio.core.assistant import POLISH_STYLES

        menu = self._assist_menu
        menu.clear()
        polish = menu.addMenu(self.tr("Polish"))
        for style in POLISH_STYLES:
            action = polish.addAction(style.label())
            action.triggered.connect(lambda _=False, k=style.key: self.assist_requested.emit(
                "polish", k))  # fmt: skip
        translate = menu.addAction(self.tr("Translate 中 ↔ EN"))
        translate.triggered.connect(lambda: self.assist_requested.emit("translate", ""))
        menu.addSeparator()
        describe = menu.addAction(self.tr("Describe the Picture Shown…"))
        describe.triggered.connect(lambda: self.assist_requested.emit("describe", ""))
        empty = not self.prompt().strip()
        polish.setEnabled(not empty)
        translate.setEnabled(not empty)

    def retranslate(self) -> None:
        self._assist_button.setText(self.tr("Assistant"))
        self._assist_button.setToolTip(
            self.tr("Polish or translate the prompt, or describe a picture, with a chat model")
        )
        self._prompt_label.setText(self.tr("Prompt"))
        self._history_button.setText(self.tr("History"))
        self._history_button.setToolTip(
            self.tr("Earlier prompts (Ctrl+Up / Ctrl+Down steps through them)")
        )
        self._prompt.setPlaceholderText(
            self.tr("Describe the picture… (Ctrl+Enter generates, Ctrl+Up recalls earlier prompts)")
        )
        self._negative_label.setText(self.tr("Negative prompt"))
        self._negative.setPlaceholderText(
            self.tr("What the picture should not show (used when CFG scale is above 1)")
        )
        self._refresh()

    # --- public API -----------------------------------------------------------------------

    def prompt(self) -> str:
        return self._prompt.toPlainText()

    def negative_prompt(self) -> str:
        # A hidden field must not send text the model would refuse.
        return self._negative.toPlainText() if self._negative_box.isVisibleTo(self) else ""

    def set_prompt(self, text: str) -> None:
        if text != self.prompt():
            self._prompt.setPlainText(text)
            self._prompt.moveCursor(self._prompt.textCursor().MoveOperation.End)

    def set_negative_prompt(self, text: str) -> None:
        if text != self._negative.toPlainText():
            self._negative.setPlainText(text)

    def set_model(self, model: str) -> None:
        self._model = model
        self._refresh()

    def set_mode(self, mode: Mode) -> None:
        self._mode = mode
        self._refresh()

    def set_limit(self, limit: int | None) -> None:
        """Overrides the model table's limit; None goes back to the table."""
        self._limit_override = limit
        self._refresh()

    def sync_with_request(self, request: object) -> None:
        """Follows the request being edited: its model, mode and CFG scale."""
        if isinstance(request, GenerationRequest):
            self._model = request.model
            self._mode = request.mode
            self._cfg_scale = request.cfg_scale
            self._refresh()

    def attach(self, model: RequestModel) -> None:
        """Binds the prompt and the negative prompt to `model`, and follows its request."""
        self._request_model = model
        bind(model, "prompt", self._prompt)
        bind(model, "negative_prompt", self._negative)
        model.request_changed.connect(self.sync_with_request)
        self.sync_with_request(model.request())

    def limit(self) -> int:
        if self._limit_override is not None:
            return self._limit_override
        spec = model_table().get(self._model)
        return spec.prompt_limit_for(self._mode) if spec else 512

    def history(self) -> list[str]:
        """Newest first."""
        return list(self._history)

    def remember_prompt(self, text: str | None = None) -> None:
        """Puts a prompt at the top of the history (once) and stores the history."""
        text = (self.prompt() if text is None else text).strip()
        if not text:
            return
        self._history = [text, *(item for item in self._history if item != text)]
        del self._history[PROMPT_HISTORY_LIMIT:]
        self._history_index = -1
        save_prompt_history(self._settings, self._history)

    def focus_prompt(self) -> None:
        self._prompt.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- keys -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            # Qt maps macOS's Cmd to ControlModifier, so this is Cmd+Enter there.
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.generate_requested.emit()
                return True
            if ctrl and watched is self._prompt and event.key() == Qt.Key.Key_Up:
                self.history_back()
                return True
            if ctrl and watched is self._prompt and event.key() == Qt.Key.Key_Down:
                self.history_forward()
                return True
        return super().eventFilter(watched, event)

    def history_back(self) -> None:
        """One prompt older; the draft is kept so Ctrl+Down can return to it."""
        if self._history_index + 1 >= len(self._history):
            return
        if self._history_index == -1:
            self._draft = self.prompt()
        self._history_index += 1
        self._show_history_entry()

    def history_forward(self) -> None:
        if self._history_index < 0:
            return
        self._history_index -= 1
        self._show_history_entry()

    def _show_history_entry(self) -> None:
        index = self._history_index
        text = self._draft if index < 0 else self._history[index]
        self._walking_history = True
        try:
            self._prompt.setPlainText(text)
        finally:
            self._walking_history = False
        self._prompt.moveCursor(self._prompt.textCursor().MoveOperation.End)

    def _fill_history_menu(self) -> None:
        self._history_menu.clear()
        if not self._history:
            empty = self._history_menu.addAction(self.tr("No earlier prompts yet"))
            empty.setEnabled(False)
            return
        for text in self._history:
            one_line = " ".join(text.split())
            if len(one_line) > _MENU_ENTRY_CHARS:
                one_line = one_line[: _MENU_ENTRY_CHARS - 1] + "…"
            action = QAction(one_line, self._history_menu)
            action.setToolTip(text)
            action.triggered.connect(lambda _=False, t=text: self._pick_from_history(t))
            self._history_menu.addAction(action)
        self._history_menu.addSeparator()
        clear = self._history_menu.addAction(self.tr("Clear history"))
        clear.triggered.connect(self._clear_history)

    def _pick_from_history(self, text: str) -> None:
        self._history_index = -1
        self.set_prompt(text)
        self.focus_prompt()

    def _clear_history(self) -> None:
        self._history = []
        self._history_index = -1
        save_prompt_history(self._settings, self._history)

    # --- live state -----------------------------------------------------------------------

    def _on_prompt_edited(self) -> None:
        if not self._walking_history:
            self._history_index = -1
        self._refresh()
        self.prompt_changed.emit(self.prompt())

    def _on_negative_edited(self) -> None:
        self._refresh()
        self.negative_prompt_changed.emit(self.negative_prompt())

    def _refresh(self) -> None:
        spec = model_table().get(self._model)
        limit = self.limit()
        self._set_count(self._count_label, len(self.prompt()), limit)
        self._mark_overflow(self._prompt, limit)
        shows_negative = bool(spec and spec.supports_negative_prompt)
        if shows_negative != self._negative_box.isVisibleTo(self):
            self._negative_box.setVisible(shows_negative)
            self.negative_prompt_changed.emit(self.negative_prompt())
        if spec and spec.supports_negative_prompt:
            negative_limit = spec.negative_prompt_limit
            self._set_count(self._negative_count, len(self._negative.toPlainText()), negative_limit)
            self._mark_overflow(self._negative, negative_limit)
        self._show_negative_warning(spec)

    def _show_negative_warning(self, spec: ModelSpec | None) -> None:
        cfg = self._cfg_scale
        ignored = (
            spec is not None
            and spec.supports_negative_prompt
            and spec.cfg_scale is not None
            and cfg is not None
            and cfg <= 1
            and bool(self._negative.toPlainText().strip())
        )
        self._negative_warning.setText(
            self.tr(
                "At CFG scale {cfg:g} the negative prompt has no effect: raise the CFG scale "
                "above 1 to use it."
            ).format(cfg=cfg or 0)
            if ignored
            else ""
        )
        self._negative_warning.setVisible(ignored)

    @staticmethod
    def _mark_overflow(field: QPlainTextEdit, limit: int) -> None:
        """Tints the characters past the limit, so the user sees exactly what would not fit."""
        selections: list[QTextEdit.ExtraSelection] = []
        length = len(field.toPlainText())
        if length > limit:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(field.document())
            cursor.setPosition(limit)
            cursor.setPosition(length, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            tint = QColor(OVER_LIMIT_COLOR)
            tint.setAlpha(60)
            selection.format.setBackground(tint)
            selections.append(selection)
        field.setExtraSelections(selections)

    def _set_count(self, label: QLabel, count: int, limit: int) -> None:
        label.setText(self.tr("{count} / {limit}").format(count=count, limit=limit))
        over = count > limit
        label.setProperty("overLimit", over)
        label.setStyleSheet(
            f"color: {OVER_LIMIT_COLOR}; font-weight: 600;"
            if over
            else "color: palette(placeholder-text);"
        )
        label.setToolTip(
            self.tr("{over} characters over the limit of {limit}").format(
                over=count - limit, limit=limit
            )
            if over
            else self.tr("{left} characters left").format(left=limit - count)
        )
