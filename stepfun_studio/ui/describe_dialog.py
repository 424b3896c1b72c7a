"""Describe (`describeDialog`): a prompt for a picture like this one, in Chinese and English,
written by a vision model as you watch, editable, then used as the prompt or appended to it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.assistant import AssistantAnswer, split_description
from stepfun_studio.core.cost import format_money
from stepfun_studio.core.errors import AppError
from stepfun_studio.ui.assistant_runner import AssistantRun
from stepfun_studio.ui.provider_names import provider_label
from stepfun_studio.ui.studio import Studio


def cost_words(answer: AssistantAnswer) -> str:
    """ "step-1o-turbo-vision · 1,203 tokens · ≈¥0.004" (the cost where it is known)."""
    tokens = f"{answer.input_tokens + answer.output_tokens:,}"
    if answer.cost is None or not answer.currency:
        money = "?"
    elif 0 < answer.cost < 0.001:
        # A short chat call costs a fraction of a cent: "≈$0.000" would read as free.
        money = "< " + format_money(0.001, answer.currency)
    else:
        money = "≈" + format_money(answer.cost, answer.currency)
    return f"{answer.model} · {tokens} tokens · {money}"


class DescribeDialog(QDialog):
    """Describes one picture (its bytes) and offers the result to the prompt."""

    prompt_offered = Signal(str, bool)  # the text, True to replace the prompt (else append)

    def __init__(
        self,
        studio: Studio,
        picture: bytes,
        name: str,
        chinese_first: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("describeDialog")
        self.setWindowTitle(self.tr("Describe Picture"))
        self._studio = studio
        self._streamed = ""
        self.status = QLabel(self)
        self.status.setObjectName("describeStatus")
        self.status.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.chinese = QPlainTextEdit(self)
        self.english = QPlainTextEdit(self)
        self.tabs.addTab(self.chinese, self.tr("Chinese"))
        self.tabs.addTab(self.english, self.tr("English"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.use_button = QPushButton(self.tr("Use as Prompt"), self)
        self.append_button = QPushButton(self.tr("Append to Prompt"), self)
        for button, replace in ((self.use_button, True), (self.append_button, False)):
            button.setEnabled(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _=False, r=replace: self._offer(r))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(620, 360)
        self.tabs.setCurrentIndex(0 if chinese_first else 1)
        self.run = AssistantRun(studio, "describe")
        self.status.setText(
            self.tr("{provider} is looking at {name}…").format(
                provider=provider_label(self.run.provider), name=name
            )
            + (self.tr(" (demo: the local stand-in answers)") if self.run.demo else "")
        )
        self.run.text_arrived.connect(self._on_text)
        self.run.finished.connect(self._on_finished)
        self.run.failed.connect(self._on_failed)
        self.run.start(lambda client, on_text: client.describe(picture, name, "both", on_text))

    def _on_text(self, piece: str) -> None:
        self._streamed += piece
        self._show(self._streamed)

    def _show(self, text: str) -> None:
        chinese, english = split_description(text)
        self.chinese.setPlainText(chinese)
        self.english.setPlainText(english)

    def _on_finished(self, answer: AssistantAnswer) -> None:
        self._show(answer.text)
        self.status.setText(cost_words(answer))
        for button in (self.use_button, self.append_button):
            button.setEnabled(True)

    def _on_failed(self, error: AppError) -> None:
        self.status.setText(error.message)

    def _offer(self, replace: bool) -> None:
        editor = self.tabs.currentWidget()
        if isinstance(editor, QPlainTextEdit) and editor.toPlainText().strip():
            self.prompt_offered.emit(editor.toPlainText().strip(), replace)
            self.accept()
