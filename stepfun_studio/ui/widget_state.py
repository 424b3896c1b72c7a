"""Remembering the editing widgets' last values between runs, in one INI file under config_dir.

The parameter dock and the prompt editor keep what the user last chose (model, size, steps, seed
mode, weights, the Advanced section's state, the prompt history) so the app opens where the user
left it. Only plain values are stored here; reference images and, above all, the API key never are.
The file lives under `AppPaths.config_dir`, so tests (which set STEPFUN_STUDIO_HOME) get their own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, ResponseFormat

UI_STATE_FILE = "ui-state.ini"
PROMPT_HISTORY_LIMIT = 50

_DOCK_GROUP = "parameterDock"
_HISTORY_KEY = "promptEditor/history"


def ui_state_settings(paths: AppPaths | None = None) -> QSettings:
    """The settings object every editing widget shares; created folders on demand."""
    paths = paths or AppPaths.from_environment()
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.config_dir / UI_STATE_FILE), QSettings.Format.IniFormat)


def _as_int(value: Any, fallback: int) -> int:
    # INI files hand every value back as a string; a hand-edited file may hold anything.
    try:
        return int(value)
    except (TypeError, ValueError):
        return fallback


def _as_float(value: Any, fallback: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return fallback


def _as_bool(value: Any, fallback: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return fallback


def _as_options(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, str):
        return ()
    pairs = (item.partition("=") for item in value.split(";"))
    return tuple((key, option) for key, sep, option in pairs if sep and key)


def save_dock_values(
    settings: QSettings, request: GenerationRequest, *, seed_fixed: bool, advanced_open: bool
) -> None:
    """Store the dock's scalar values and option choices (not the prompt, not the images)."""
    settings.beginGroup(_DOCK_GROUP)
    try:
        settings.setValue("model", request.model)
        settings.setValue("size", request.size)
        settings.setValue("steps", request.steps)
        settings.setValue("cfg_scale", request.cfg_scale)
        settings.setValue("seed", request.seed)
        settings.setValue("seed_fixed", seed_fixed)
        settings.setValue("n", request.n)
        settings.setValue("response_format", request.response_format.value)
        settings.setValue("text_mode", request.text_mode)
        settings.setValue("source_weight", request.source_weight)
        settings.setValue("style_weight", request.style_weight)
        # "quality=high;watermark=false": one plain string, as INI files keep them best.
        settings.setValue("options", ";".join(f"{k}={v}" for k, v in request.options))
        settings.setValue("advanced_open", advanced_open)
    finally:
        settings.endGroup()


def load_dock_values(settings: QSettings) -> tuple[GenerationRequest, bool, bool] | None:
    """(request, seed_fixed, advanced_open) as last saved, or None on a first start."""
    settings.beginGroup(_DOCK_GROUP)
    try:
        if not settings.contains("model"):
            return None
        base = GenerationRequest()
        try:
            response_format = ResponseFormat(str(settings.value("response_format")))
        except ValueError:
            response_format = base.response_format
        request = base.with_changes(
            model=str(settings.value("model", base.model)),
            size=str(settings.value("size", base.size)),
            steps=_as_int(settings.value("steps"), base.steps),
            cfg_scale=_as_float(settings.value("cfg_scale"), base.cfg_scale),
            seed=_as_int(settings.value("seed"), base.seed),
            n=_as_int(settings.value("n"), base.n),
            response_format=response_format,
            text_mode=_as_bool(settings.value("text_mode"), base.text_mode),
            source_weight=_as_float(settings.value("source_weight"), base.source_weight),
            style_weight=_as_float(settings.value("style_weight"), base.style_weight),
            options=_as_options(settings.value("options")),
        )
        seed_fixed = _as_bool(settings.value("seed_fixed"), False)
        advanced_open = _as_bool(settings.value("advanced_open"), False)
        return request, seed_fixed, advanced_open
    finally:
        settings.endGroup()


def load_prompt_history(settings: QSettings) -> list[str]:
    """Newest first."""
    value = settings.value(_HISTORY_KEY, [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    if not isinstance(value, list):
        return []
    return [str(item) for item in value if str(item).strip()][:PROMPT_HISTORY_LIMIT]


def save_prompt_history(settings: QSettings, history: list[str]) -> None:
    settings.setValue(_HISTORY_KEY, history[:PROMPT_HISTORY_LIMIT])
