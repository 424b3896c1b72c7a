"""Polish and Translate (`promptDiffDialog`): the assistant's new prompt shown as a diff against
the old one (removed words struck out, added words marked), written as you watch; Accept puts
it in the prompt editor, Reject leaves the prompt as it was."""

from __future__ import annotations

import difflib
import html
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.assistant import AssistantAnswer
from stepfun_studio.core.errors import AppError
from stepfun_studio.ui.assistant_runner import AssistantRun, Task
from stepfun_studio.ui.describe_dialog import cost_words
from stepfun_studio.ui.studio import Studio

# A Chinese character is a word of its own; elsewhere words, spaces and marks.
_TOKENS = re.compile(r"[\u3400-\u9fff]|\w+|\s+|[^\w\s]")
# Translucent marks read on light and dark themes alike, the text keeping the theme's colour.
REMOVED = "background-color: rgba(220, 53, 69, 0.30); text-decoration: line-through;"
ADDED = "background-color: rgba(40, 167, 69, 0.35);"


def diff_html(old: str, new: str) -> str:
    """`new` against `old` as HTML: removed tokens struck through, added ones marked."""
    before, after = _TOKENS.findall(old), _TOKENS.findall(new)
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            parts.append(f'<span style="{REMOVED}">{html.escape("".join(before[a1:a2]))}</span>')
        if op in ("insert", "replace"):
            parts.append(f'<span style="{ADDED}">{html.escape("".join(after[b1:b2]))}</span>')
        if op == "equal":
            parts.append(html.escape("".join(after[b1:b2])))
    return "<p>" + "".join(parts).replace("\n", "<br>") + "</p>"


class PromptDiffDialog(QDialog):
    """Runs one Polish or Translate of `prompt` and offers the result."""

    accepted_text = Signal(str)

    def __init__(
        self,
        studio: Studio,
        title: str,
        prompt: str,
        task: Task,
        task_name: str,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("promptDiffDialog")
        self.setWindowTitle(title)
        self._old = prompt
        self._new = ""
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.view = QTextBrowser(self)
        self.view.setObjectName("promptDiffView")
        buttons = QDialogButtonBox(self)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setEnabled(False)
        reject = QPushButton(self.tr("Reject"), self)
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(reject, QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_button.clicked.connect(self._accept)
        reject.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(640, 340)
        self.run = AssistantRun(studio, task_name)
        self.status.setText(self.tr("Writing…"))
        self.run.text_arrived.connect(self._on_text)
        self.run.finished.connect(self._on_finished)
        self.run.failed.connect(self._on_failed)
        self.run.start(task)

    def _on_text(self, piece: str) -> None:
        self._new += piece
        self.view.setHtml(diff_html(self._old, self._new))

    def _on_finished(self, answer: AssistantAnswer) -> None:
        self._new = answer.text
        self.view.setHtml(diff_html(self._old, self._new))
        self.status.setText(cost_words(answer))
        self.accept_button.setEnabled(bool(self._new.strip()))

    def _on_failed(self, error: AppError) -> None:
        self.status.setText(error.message)

    def _accept(self) -> None:
        self.accepted_text.emit(self._new)
        self.accept()

    @property
    def new_text(self) -> str:
        return self._new
