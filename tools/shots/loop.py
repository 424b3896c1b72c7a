"""Screenshots of issue 14's first two items (engineer "loop"): the queue with its pictures in
groups and thumbnails, and the detail view's iteration actions, light and dark.

Called from `tools/take_screenshots.py` with the running window; each language's run makes its
own iterations (the queue shows only this session's jobs), on the built-in stand-in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def shoot(
    window: Any,
    studio: Any,
    pump: Callable[[float], None],
    save: Callable[[Any, str], None],
    language: str,
) -> None:
    from PySide6.QtCore import QPoint, Qt

    from stepfun_studio.core.iterate import IterationKind
    from stepfun_studio.library.records import ImageQuery

    window.resize(1366, 768)
    pump(1.0)
    newest = studio.library.query_ids(ImageQuery(), 0, 1)
    if not newest:
        return
    # A plain Generate of two, four more like the newest picture and a vary of it: three
    # groups, newest first; the status bar says which road the vary took.
    prompt = "窗台上的一盆多肉植物，晨光" if language == "zh_CN" else "a succulent on a sunny sill"
    window.parameter_dock.set_prompt(prompt)
    window.parameter_dock.request_model.n = 2
    window.generate()
    window.parameter_dock.request_model.n = 1
    pump(1.0)
    window.iterate.run(IterationKind.MORE_LIKE_THIS, newest[0])
    pump(1.0)
    window.iterate.run(IterationKind.VARY_SUBTLE, newest[0])
    deadline = time.monotonic() + 60
    while studio.queue.active_count() and time.monotonic() < deadline:
        pump(0.1)
    pump(1.0)
    vertical = Qt.Orientation.Vertical
    window.resizeDocks([window.detail_dock, window.queue_dock], [330, 390], vertical)
    table = window.queue_view.table
    table.setCurrentIndex(window.queue_view.model.index(1, 0))
    table.scrollToTop()
    pump(1.0)
    for scheme in ("light", "dark"):
        window.theme.force(scheme)
        pump(0.8)
        save(window, f"loop-window-{scheme}")
        save(window.queue_dock, f"loop-queue-{scheme}")
        button = window.iterate.vary_button
        menu = button.menu()
        menu.popup(button.mapToGlobal(QPoint(0, button.height())))
        pump(0.6)
        save(window.detail_dock, f"loop-detail-{scheme}")
        save(menu, f"loop-vary-menu-{scheme}")
        menu.close()
        window.detail.more_menu.popup(
            window.detail.more_button.mapToGlobal(QPoint(0, window.detail.more_button.height()))
        )
        pump(0.6)
        save(window.detail.more_menu, f"loop-more-menu-{scheme}")
        window.detail.more_menu.close()
    window.theme.force("light")
