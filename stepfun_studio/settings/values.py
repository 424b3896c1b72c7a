"""`StudioSettings`: the user's settings as one frozen value, and the rules each field obeys.

Kept apart from the file that stores them (`store.py`), so the dialog, the connection resolver and
the tests can build and check settings without touching disk or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

from stepfun_studio.api.config import REGIONS, check_base_url
from stepfun_studio.api.limits import DEFAULT_TIER, TIERS
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.redaction import redact
from stepfun_studio.core.request import GenerationRequest, Mode, ResponseFormat
from stepfun_studio.core.text import tr

LANGUAGES = ("system", "en", "zh_CN")
THEMES = ("system", "light", "dark")

_DEFAULT_REQUEST = GenerationRequest()


@dataclass(frozen=True)
class StudioSettings:
    """Everything the settings dialog edits, except the API key (that lives in the keyring).

    `custom_base_url` and `library_location` are "" when unset: the region's host and the
    library folder under the data dir.
    """

    region: str = "cn"
    custom_base_url: str = ""
    tier: str = DEFAULT_TIER
    default_model: str = _DEFAULT_REQUEST.model
    default_size: str = _DEFAULT_REQUEST.size
    default_steps: int = _DEFAULT_REQUEST.steps
    default_cfg_scale: float = _DEFAULT_REQUEST.cfg_scale
    default_response_format: str = _DEFAULT_REQUEST.response_format.value
    library_location: str = ""
    language: str = "system"
    theme: str = "system"

    def with_changes(self, **changes: object) -> StudioSettings:
        return replace(self, **changes)  # type: ignore[arg-type]

    def default_request(self) -> GenerationRequest:
        """A text-to-image request with the user's default model and parameters."""
        return GenerationRequest(
            model=self.default_model,
            mode=Mode.TEXT_TO_IMAGE,
            size=self.default_size,
            steps=self.default_steps,
            cfg_scale=self.default_cfg_scale,
            response_format=ResponseFormat(self.default_response_format),
        )

    def library_dir(self, paths: AppPaths) -> Path:
        if self.library_location.strip():
            return Path(self.library_location.strip()).expanduser()
        return paths.library_dir

    @property
    def concurrency(self) -> int:
        return TIERS[self.tier].concurrent

    @property
    def per_minute(self) -> int:
        return TIERS[self.tier].per_minute


def field_names() -> tuple[str, ...]:
    return tuple(f.name for f in fields(StudioSettings))


def problems_with(settings: StudioSettings) -> dict[str, str]:
    """Field name -> what is wrong with it, in words; empty when every field is fine."""
    problems: dict[str, str] = {}
    if settings.region not in REGIONS:
        problems["region"] = tr("Settings", "Unknown region “{value}”.").format(
            value=settings.region
        )
    url = settings.custom_base_url.strip()
    if url:
        reason = check_base_url(url)
        if reason is not None:
            problems["custom_base_url"] = reason
        elif redact(url) != url or "@" in url:
            # The key belongs in the keyring, not smuggled into an address that gets saved.
            problems["custom_base_url"] = tr(
                "Settings", "The server address must not contain a key or a password."
            )
    if settings.tier not in TIERS:
        problems["tier"] = tr("Settings", "Unknown account tier “{value}”.").format(
            value=settings.tier
        )
    problems.update(_default_parameter_problems(settings))
    if settings.language not in LANGUAGES:
        problems["language"] = tr("Settings", "Unknown language “{value}”.").format(
            value=settings.language
        )
    if settings.theme not in THEMES:
        problems["theme"] = tr("Settings", "Unknown theme “{value}”.").format(value=settings.theme)
    return problems


def _default_parameter_problems(settings: StudioSettings) -> dict[str, str]:
    problems: dict[str, str] = {}
    spec = model_table().get(settings.default_model)
    if spec is None:
        problems["default_model"] = tr("Settings", "Unknown model “{value}”.").format(
            value=settings.default_model
        )
        return problems
    if settings.default_size not in spec.sizes:
        problems["default_size"] = tr("Settings", "{model} does not offer the size {size}.").format(
            model=spec.name, size=settings.default_size
        )
    if not spec.steps.contains(settings.default_steps):
        problems["default_steps"] = tr("Settings", "Steps must be {low:g}–{high:g}.").format(
            low=spec.steps.minimum, high=spec.steps.maximum
        )
    if not spec.cfg_scale.contains(settings.default_cfg_scale):
        problems["default_cfg_scale"] = tr(
            "Settings", "CFG scale must be {low:g}–{high:g}."
        ).format(low=spec.cfg_scale.minimum, high=spec.cfg_scale.maximum)
    if settings.default_response_format not in {f.value for f in ResponseFormat}:
        problems["default_response_format"] = tr(
            "Settings", "Unknown response format “{value}”."
        ).format(value=settings.default_response_format)
    return problems


def defaults_for_model(settings: StudioSettings, model: str) -> StudioSettings:
    """`settings` with `model` as the default and its parameters pulled into the model's range."""
    spec = model_table().require(model)
    size = settings.default_size if settings.default_size in spec.sizes else spec.sizes[0]
    steps = settings.default_steps
    if not spec.steps.contains(steps):
        steps = int(spec.steps.default or spec.steps.maximum)
    cfg = settings.default_cfg_scale
    if not spec.cfg_scale.contains(cfg):
        cfg = float(spec.cfg_scale.default or spec.cfg_scale.minimum)
    return settings.with_changes(
        default_model=model, default_size=size, default_steps=steps, default_cfg_scale=cfg
    )
