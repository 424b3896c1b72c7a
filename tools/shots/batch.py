"""Screenshots of the Batch dialog (issue 14): its cost preview, a refused budget, a finished run.

Called from `tools/take_screenshots.py`; the pictures are copies of the library's own, under
names a designer would give them, in a folder of their own.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

NAMES = ("lighthouse", "fox", "market", "ramen", "hills", "garden")


def _folder(studio: Any) -> Path:
    from stepfun_studio.library.records import ImageQuery

    folder = Path(tempfile.mkdtemp(prefix="batch-shots-")) / "moodboard"
    folder.mkdir()
    ids = studio.library.query_ids(ImageQuery(), 0, len(NAMES))
    for name, image_id in zip(NAMES, ids, strict=False):
        (folder / f"{name}.png").write_bytes(studio.library.original_path(image_id).read_bytes())
    (folder / "fox.txt").write_text("the fox as a paper cut-out, layered", encoding="utf-8")
    return folder


def shoot(
    window: Any,
    studio: Any,
    pump: Callable[[float], None],
    save: Callable[[Any, str], None],
    language: str,
) -> None:
    from stepfun_studio.library.batches import BatchState
    from stepfun_studio.ui.batch_dialog import show_batch_dialog

    folder = _folder(studio)
    dialog = show_batch_dialog(window, [folder])
    pump(1.0)

    def choose(model: str) -> None:
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData(model))

    for scheme in ("light", "dark"):
        window.theme.force(scheme)
        choose("gpt-image-1")
        dialog.prompt_edit.setPlainText("a watercolour of the {filename}, soft paper texture")
        dialog.sidecar_check.setChecked(True)
        dialog.budget_check.setChecked(True)
        dialog.budget_spin.setValue(1.0)
        pump(0.6)
        save(dialog, f"batch-dialog-{scheme}")
    window.theme.force("light")
    dialog.budget_spin.setValue(0.1)
    pump(0.4)
    save(dialog, "batch-dialog-over-budget-light")
    # A redraw with a weight, run against the demo's stand-in to the end.
    choose("step-2x-large")
    dialog.weight_spin.setValue(0.4)
    dialog.budget_check.setChecked(False)
    dialog.start()
    for _ in range(300):
        pump(0.1)
        if dialog.runner.state is BatchState.DONE:
            break
    pump(0.6)
    save(dialog, "batch-dialog-done-light")
    dialog.close()
