"""Screenshots of quitting with pictures on their way: the question, then the grace wait."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton

from stepfun_studio.core.request import GenerationRequest


def shoot(
    window: Any,
    studio: Any,
    pump: Callable[[float], None],
    save: Callable[[Any, str], None],
    language: str,
) -> None:
    from stepfun_studio.ui.quit_grace import QuitGrace

    standin = studio.standin
    if standin is None:
        return
    standin.latency_s = 30.0  # two pictures stay on their way while the shots are taken
    prompt = "两盏灯笼" if language == "zh_CN" else "two lanterns"
    request: GenerationRequest = window.current_request()
    studio.queue.submit(request.with_changes(prompt=prompt, n=2))
    pump(1.5)
    box = window.quit_question(studio.queue.active_count())
    box.show()
    pump(0.5)
    save(box, "quit-question-light")
    box.close()
    grace = QuitGrace(window, studio.queue, studio.options.quit_grace_s)
    pump(1.2)
    save(grace.dialog, "quit-grace-light")
    quit_now = grace.dialog.findChild(QPushButton)
    if quit_now is not None:
        quit_now.click()
    pump(0.2)
    studio.queue.cancel_all()
    standin.latency_s = 0.0
