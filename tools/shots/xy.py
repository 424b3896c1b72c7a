"""Screenshots of the X/Y grid dialog with its cost preview, a finished grid in the detail view, and
the prompt library (history and styles), light and dark, at 1366 x 768.

Called from tools/take_screenshots.py with the running window; saves through its `save`.
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
    *,
    theme: Any,
    language: str,
) -> None:
    from stepfun_studio.core.prompt_templates import PromptStyle
    from stepfun_studio.core.request import GenerationRequest
    from stepfun_studio.library.prompt_library import PromptFiles
    from stepfun_studio.ui.prompt_library_view import PromptLibraryView
    from stepfun_studio.ui.xy_grid_dialog import XYGridDialog

    window.resize(1366, 768)
    before = window.current_request()
    prompt = "樱花树下的红狐狸，水彩" if language == "zh_CN" else "a red fox under cherry trees"
    window.reuse_parameters(
        GenerationRequest(
            prompt=prompt, provider="siliconflow", model="Kwai-Kolors/Kolors", size="1024x1024"
        )
    )
    pump(0.5)
    files = PromptFiles(studio.library.paths.library_dir)
    files.add_styles(
        [
            PromptStyle("Cinematic", "cinematic still of {prompt}, shallow depth of field"),
            PromptStyle("水墨", "{prompt}，水墨画，留白，宣纸质感", "照片，3D"),
        ]
    )
    files.save_wildcard("colour", ["crimson", "cobalt", "ochre"])
    stored: list[int] = []
    for scheme in ("light", "dark"):
        theme.force(scheme)
        window.show_xy_grid()
        dialog = window.findChild(XYGridDialog, "xyGridDialog")
        for row, kind, values in ((dialog.x_row, "cfg", "3, 7.5"), (dialog.y_row, "seed", "1, 2")):
            row.kind.setCurrentIndex(row.kind.findData(kind))
            row.values.setText(values)
        pump(0.6)
        save(dialog, f"xy-grid-dialog-{scheme}")
        if not stored:
            dialog.grid_stored.connect(stored.append)
            dialog.run_grid()
            deadline = time.monotonic() + 60
            while not stored and time.monotonic() < deadline:
                pump(0.2)
        dialog.close()
        pump(1.5)
        save(window, f"xy-grid-result-{scheme}")
        window.show_prompt_library()
        view = window.findChild(PromptLibraryView, "promptLibraryView")
        view.resize(900, 560)
        pump(1.5)
        save(view, f"prompt-library-{scheme}")
        view.tabs.setCurrentIndex(1)
        view.style_list.setCurrentRow(1)
        pump(0.5)
        save(view, f"prompt-library-styles-{scheme}")
        view.close()
        pump(0.3)
    window.reuse_parameters(before)
    theme.force("light")
