"""Caption Pictures for Search (`captionDialog`): an opt-in run that asks a vision model what each
picture shows and stores the answer, so search finds pictures nobody wrote a prompt for.

The cost is estimated before it starts and summed as it goes. The run is a loop on a thread of
its own; Stop ends it after the picture in hand, and since a picture without a caption is simply
the next one to caption, starting again (now or after a restart) goes on where it stopped and
never captions a picture twice. A refused key or an empty balance ends the run at once.
"""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.cost import format_sums
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import model_table
from stepfun_studio.ui.background import run_in_background
from stepfun_studio.ui.provider_names import provider_label

if TYPE_CHECKING:
    from stepfun_studio.library.library import Library
    from stepfun_studio.ui.studio import Studio

# What one caption call takes, roughly: the instruction, a 1024-px picture, a two-line answer.
TOKENS_IN_PER_PICTURE = 900
TOKENS_OUT_PER_PICTURE = 80
STOPPING_KINDS = frozenset({ErrorKind.AUTH, ErrorKind.BALANCE, ErrorKind.CONFIG})
BATCH = 20


class CaptionRun(QObject):
    """The loop; it belongs to the application so a closed dialog cannot strand it."""

    progressed = Signal(int, int, str, object)  # done, failed, last caption, cost per currency
    ended = Signal(str)  # why it ended, in words ("" when every picture has a caption)

    def __init__(self, studio: Studio) -> None:
        super().__init__(QCoreApplication.instance())
        self.provider, self._key, self._base_url, self.demo = studio.assistant_target()
        self._library = studio.library
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def start(self) -> None:
        run_in_background(self, self._loop, self._finished, "caption-run")

    def _loop(self) -> str:
        return asyncio.run(self._captions(self._library))

    async def _captions(self, library: Library) -> str:
        from stepfun_studio.api.assistant_client import open_assistant_client

        client = open_assistant_client(
            self.provider, api_key=self._key, base_url=self._base_url, demo=self.demo
        )
        done = failed = 0
        spent: dict[str, float] = {}
        skipped: set[int] = set()  # failed this run: not asked again until the next
        try:
            while not self._stop.is_set():
                ids = [i for i in library.uncaptioned_ids(BATCH + len(skipped)) if i not in skipped]
                if not ids:
                    return ""
                for image_id in ids[:BATCH]:
                    if self._stop.is_set():
                        break
                    try:
                        path = library.original_path(image_id)
                        data = await asyncio.to_thread(path.read_bytes)
                        answer = await client.caption(data, path.name)
                    except AppError as error:
                        failed += 1
                        skipped.add(image_id)
                        if error.kind in STOPPING_KINDS:
                            return error.message
                        continue
                    except OSError:
                        failed += 1
                        skipped.add(image_id)
                        continue
                    library.set_caption(image_id, answer.text)
                    library.record_assistant_call(self.provider, "caption", answer)
                    done += 1
                    if answer.cost is not None and answer.currency:
                        spent[answer.currency] = spent.get(answer.currency, 0.0) + answer.cost
                    self.progressed.emit(done, failed, answer.text, dict(spent))
            return QCoreApplication.translate("CaptionDialog", "Stopped; start again to go on.")
        finally:
            await client.aclose()

    def _finished(self, message: object, error: BaseException | None) -> None:
        if error is not None:
            message = error.message if isinstance(error, AppError) else repr(error)
        self.ended.emit(str(message))
        self.deleteLater()


class CaptionDialog(QDialog):
    captioned = Signal(int)  # how many captions this run made

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captionDialog")
        self.setWindowTitle(self.tr("Caption Pictures for Search"))
        self._studio = studio
        self._run: CaptionRun | None = None
        self._waiting = 0
        self._done = 0
        self.summary = QLabel(self.tr("Counting the pictures without a caption…"), self)
        self.summary.setObjectName("captionSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.last = QLabel(self)
        self.last.setWordWrap(True)
        self.spent = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.start_button = QPushButton(self.tr("Start"), self)
        self.start_button.setObjectName("captionStart")
        self.start_button.setEnabled(False)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setEnabled(False)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.start_button.clicked.connect(self.start_run)
        self.stop_button.clicked.connect(self.stop_run)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.progress, self.last, self.spent):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, 260)
        self.count()

    def count(self) -> None:
        library = self._studio.library
        run_in_background(self, library.uncaptioned_count, self._counted, "caption-count")

    def _counted(self, count: object, error: BaseException | None) -> None:
        if error is not None or not isinstance(count, int):
            self.summary.setText(str(error))
            return
        self._waiting = count
        provider, _key, _url, demo = self._studio.assistant_target()
        spec = model_table().provider(provider)
        assistant = spec.assistant if spec else None
        if count == 0:
            self.summary.setText(self.tr("Every picture has a caption; search already sees them."))
            return
        estimate = ""
        if assistant is not None:
            each = assistant.cost(
                assistant.vision_model, TOKENS_IN_PER_PICTURE, TOKENS_OUT_PER_PICTURE
            )
            if each is not None:
                estimate = format_sums({assistant.currency: each * count})
        who = provider_label(provider) + (self.tr(" (demo: nothing is billed)") if demo else "")
        self.summary.setText(
            self.tr(
                "%n picture(s) have no caption (imported ones are done first). {who} will "
                "describe each for search; estimated cost {cost}.",
                "",
                count,
            ).format(who=who, cost=estimate or self.tr("unknown"))
        )
        self.start_button.setEnabled(True)

    def start_run(self) -> None:
        if self._run is not None:
            return
        self._run = CaptionRun(self._studio)
        self._run.progressed.connect(self._on_progress)
        self._run.ended.connect(self._on_ended)
        self.progress.setRange(0, max(1, self._waiting))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self._run.start()

    def stop_run(self) -> None:
        if self._run is not None:
            self._run.stop()
            self.stop_button.setEnabled(False)

    def _on_progress(self, done: int, failed: int, caption: str, spent: dict[str, float]) -> None:
        self._done = done
        self.progress.setValue(done + failed)
        self.last.setText(caption.splitlines()[0] if caption else "")
        self.spent.setText(
            self.tr("{done} captioned, {failed} failed, spent {cost}").format(
                done=done, failed=failed, cost=format_sums(spent) if spent else "—"
            )
        )

    def _on_ended(self, message: str) -> None:
        self._run = None
        self.stop_button.setEnabled(False)
        self.last.setText(message or self.tr("Every picture has a caption now."))
        self.captioned.emit(self._done)
        self.count()
