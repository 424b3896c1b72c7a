"""The parameter dock's last values: saved as they change, given back at the next start.

What is kept is the user's values, hidden ones too, and whether the Advanced section was open;
never the prompt and never the pictures, so typing a prompt writes nothing to disk. The values
go to the UI state settings through `widget_state`.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.ui.request_model import RequestModel
from stepfun_studio.ui.widget_state import load_dock_values, save_dock_values


class DockMemory:
    """Saves a request model's values to `settings`, writing only when they differ."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings
        self._saved: tuple[GenerationRequest, bool, bool] | None = None

    def restore(self) -> tuple[GenerationRequest, bool, bool] | None:
        """(request, seed_fixed, advanced_open) as last saved, or None on a first start."""
        return load_dock_values(self._settings)

    def save(self, model: RequestModel, *, advanced_open: bool) -> None:
        # The user's values, hidden ones too; not the prompt and not the pictures, so typing a
        # prompt writes nothing to disk.
        request = GenerationRequest(
            model=model.model,
            size=model.size,
            steps=model.steps,
            cfg_scale=model.cfg_scale,
            seed=model.seed,
            n=model.n,
            response_format=model.response_format,
            text_mode=model.text_mode,
            source_weight=model.source_weight,
            style_weight=model.style_weight,
            options=model.options,
        )
        state = (request, model.seed_fixed, advanced_open)
        if state == self._saved:
            return
        self._saved = state
        save_dock_values(self._settings, request, seed_fixed=state[1], advanced_open=state[2])
