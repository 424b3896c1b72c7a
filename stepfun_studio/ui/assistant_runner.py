"""`AssistantRun`: one prompt-assistant call off the GUI thread, its text streamed back.

The call runs on a thread of its own (its own event loop); each piece of text arrives on the GUI
thread through `text_arrived`, the end through `finished` or `failed`. The run object belongs to
the application, not to the dialog that asked, so a dialog closed mid-answer cannot leave a
thread emitting on a deleted object: the dialog's connections simply end with it. The call's cost
is recorded in the library on the worker thread (never the database on the GUI thread).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from stepfun_studio.core.assistant import AssistantAnswer
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.text import tr
from stepfun_studio.ui.background import run_in_background

if TYPE_CHECKING:
    from stepfun_studio.api.assistant_client import AssistantClient
    from stepfun_studio.ui.studio import Studio

log = logging.getLogger(__name__)

Task = Callable[["AssistantClient", Callable[[str], None]], Coroutine[Any, Any, AssistantAnswer]]


class AssistantRun(QObject):
    text_arrived = Signal(str)
    finished = Signal(object)  # AssistantAnswer
    failed = Signal(object)  # AppError

    def __init__(self, studio: Studio, task_name: str) -> None:
        super().__init__(QCoreApplication.instance())
        self._studio = studio
        self.task_name = task_name
        self.provider, self._key, self._base_url, self.demo = studio.assistant_target()

    def start(self, task: Task) -> None:
        """Runs `task(client, on_text)` and reports; the run deletes itself after."""
        provider, key, base_url, demo = self.provider, self._key, self._base_url, self.demo
        library, name, emit = self._studio.library, self.task_name, self.text_arrived.emit

        def work() -> AssistantAnswer:
            from stepfun_studio.api.assistant_client import open_assistant_client

            async def call() -> AssistantAnswer:
                client = open_assistant_client(provider, api_key=key, base_url=base_url, demo=demo)
                try:
                    return await task(client, emit)
                finally:
                    await client.aclose()

            answer = asyncio.run(call())
            try:
                library.record_assistant_call(provider, name, answer)
            except AppError as error:  # the answer is still worth showing
                log.warning("the assistant call's cost was not recorded: %s", error.message)
            return answer

        run_in_background(self, work, self._done, f"assistant-{name}")

    def _done(self, answer: object, error: BaseException | None) -> None:
        if isinstance(error, AppError):
            self.failed.emit(error)
        elif error is not None:
            log.error("the prompt assistant failed: %r", error)
            self.failed.emit(
                AppError(
                    ErrorKind.INTERNAL,
                    tr("Assistant", "The assistant failed on Studio's side ({error}).").format(
                        error=type(error).__name__
                    ),
                )
            )
        else:
            self.finished.emit(answer)
        self.deleteLater()
