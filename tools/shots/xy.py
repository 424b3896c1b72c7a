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
        window.tools.show_xy_grid()
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
        window.tools.show_prompt_library()
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


def shoot_assistant(
    window: Any,
    studio: Any,
    pump: Callable[[float], None],
    save: Callable[[Any, str], None],
    *,
    theme: Any,
    language: str,
) -> None:
    """Describe (finished), Polish with its diff, and the caption run's cost preview."""
    from stepfun_studio.library.records import ImageQuery
    from stepfun_studio.ui.caption_dialog import CaptionDialog
    from stepfun_studio.ui.describe_dialog import DescribeDialog
    from stepfun_studio.ui.prompt_diff_dialog import PromptDiffDialog

    window.resize(1366, 768)
    newest = studio.library.query_ids(ImageQuery(), 0, 1)
    if newest:
        window.detail.show_image(newest[0])
    prompt = "樱花树下的红狐狸，水彩" if language == "zh_CN" else "a red fox under cherry trees"
    for scheme in ("light", "dark"):
        theme.force(scheme)
        pump(0.8)
        window.tools.describe_shown_picture()
        dialog = _wait_for(window, DescribeDialog, pump, lambda d: d.use_button.isEnabled())
        save(dialog, f"assistant-describe-{scheme}")
        dialog.close()
        window.prompt_editor.set_prompt(prompt)
        window.prompt_editor.assist_requested.emit("polish", "ink")
        diff = _wait_for(window, PromptDiffDialog, pump, lambda d: d.accept_button.isEnabled())
        save(diff, f"assistant-polish-diff-{scheme}")
        diff.reject()
        window.tools.show_caption_run()
        captions = _wait_for(window, CaptionDialog, pump, lambda d: d.start_button.isEnabled())
        save(captions, f"assistant-captions-{scheme}")
        captions.close()
        pump(0.3)
    theme.force("light")


def _wait_for(window: Any, kind: type, pump: Callable[[float], None], ready: Any) -> Any:
    deadline = time.monotonic() + 20
    found = None
    while time.monotonic() < deadline:
        found = next((w for w in window.findChildren(kind) if w.isVisible()), None)
        if found is not None and ready(found):
            break
        pump(0.1)
    pump(0.4)
    return found
