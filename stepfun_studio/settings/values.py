"""`StudioSettings`: the user's settings as one frozen value, and the rules each field obeys.

Kept apart from the file that stores them (`store.py`), so the dialog, the connection resolver and
the tests can build and check settings without touching disk or Qt.

Per provider the settings hold a region and a custom server address (`ProviderConnection`); for
the OpenAI-compatible server also the models the user declared (`DeclaredModel`: a name, the
extra fields the server takes, its sizes), which `effective_model_table()` turns into ModelSpecs
beside the packaged ones. Keys never live here: they are in the OS keyring.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path

from stepfun_studio.api.config import check_base_url
from stepfun_studio.api.limits import DEFAULT_TIER, TIERS
from stepfun_studio.core.model_table import ModelSpec, ModelTable, model_table
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.redaction import redact
from stepfun_studio.core.request import GenerationRequest, Mode, ResponseFormat, parse_size
from stepfun_studio.core.text import tr

LANGUAGES = ("system", "en", "zh_CN")
THEMES = ("system", "light", "dark")
# What an OpenAI-compatible server may take beyond OpenAI's own fields (`compatible_model`).
COMPATIBLE_FIELDS = ("seed", "steps", "guidance", "negative_prompt", "strength")
DEFAULT_PROVIDER = "stepfun"

_DEFAULT_REQUEST = GenerationRequest()


@dataclass(frozen=True)
class ProviderConnection:
    """Where one provider is reached: "" means its default region, and the region's server."""

    region: str = ""
    base_url: str = ""


@dataclass(frozen=True)
class DeclaredModel:
    """A model on the user's OpenAI-compatible server, as they described it in Settings."""

    name: str
    fields: tuple[str, ...] = ()
    sizes: tuple[str, ...] = ()


@dataclass(frozen=True)
class StudioSettings:
    """Everything the settings dialog edits, except the API keys (those live in the keyring).

    `connections` holds (provider id, ProviderConnection) pairs, sorted, only where the user
    changed something; `library_location` is "" when unset (the folder under the data dir).
    `provider_chosen` turns True once the user picked a provider (the first-start chooser).
    """

    connections: tuple[tuple[str, ProviderConnection], ...] = ()
    compatible_models: tuple[DeclaredModel, ...] = ()
    default_provider: str = DEFAULT_PROVIDER
    provider_chosen: bool = False
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

    # -- per provider -------------------------------------------------------------------------

    def connection(self, provider_id: str) -> ProviderConnection:
        return dict(self.connections).get(provider_id, ProviderConnection())

    def with_connection(self, provider_id: str, connection: ProviderConnection) -> StudioSettings:
        kept = {pid: c for pid, c in self.connections if pid != provider_id}
        spec = model_table().provider(provider_id)
        if spec is not None and connection.region == spec.default_region:
            # The default region is not a choice worth remembering: "" follows the table.
            connection = replace(connection, region="")
        if connection != ProviderConnection():
            kept[provider_id] = connection
        return replace(self, connections=tuple(sorted(kept.items())))

    def region(self, provider_id: str) -> str:
        """The region in use: the chosen one, else the provider's default."""
        chosen = self.connection(provider_id).region
        if chosen:
            return chosen
        spec = model_table().provider(provider_id)
        return spec.default_region if spec else ""

    # -- derived ------------------------------------------------------------------------------

    def model_table(self) -> ModelTable:
        return effective_model_table(self)

    def default_request(self) -> GenerationRequest:
        """A text-to-image request with the user's default model and parameters."""
        spec = self.model_table().get(self.default_model)
        return GenerationRequest(
            model=self.default_model,
            provider=spec.provider if spec else self.default_provider,
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


def effective_model_table(settings: StudioSettings | None = None) -> ModelTable:
    """The packaged model table plus the models declared for the OpenAI-compatible server.

    Everything that lists or checks models (the dock, validation, the worker's clients) should
    ask this rather than `model_table()`, so declared models are known everywhere.
    """
    if settings is None or not settings.compatible_models:
        return model_table()
    return _table_with(settings.compatible_models)


@lru_cache(maxsize=8)
def _table_with(declared: tuple[DeclaredModel, ...]) -> ModelTable:
    base = model_table()
    extra = tuple(
        base.compatible_model(model.name, fields=frozenset(model.fields), sizes=model.sizes)
        for model in declared
    )
    return base.with_models(extra)


def first_model_of(table: ModelTable, provider_id: str) -> ModelSpec | None:
    """The provider's first model still offered, else its first model at all."""
    models = table.models_of(provider_id)
    available = [model for model in models if not model.is_retired()]
    chosen = available or list(models)
    return chosen[0] if chosen else None


def provider_retirement(table: ModelTable, provider_id: str) -> str | None:
    """The date (ISO) the provider's last image model was retired, when all of them are."""
    models = table.models_of(provider_id)
    if not models or not all(model.lifecycle.status == "retired" for model in models):
        return None
    dates = [model.lifecycle.date for model in models if model.lifecycle.date]
    return max(dates) if dates else None


# -- rules ------------------------------------------------------------------------------------


def problems_with(settings: StudioSettings) -> dict[str, str]:
    """Problem key -> what is wrong, in words; empty when every field is fine.

    The key is a field name, or `connection/<provider>/region|base_url` for one provider's
    server, or `compatible_models/<index>` for one declared model (`without_problems` resets
    exactly that part).
    """
    problems: dict[str, str] = {}
    table = model_table()
    for provider_id, connection in settings.connections:
        problems.update(_connection_problems(table, provider_id, connection))
    for index, declared in enumerate(settings.compatible_models):
        reason = _declared_problem(table, settings.compatible_models, index, declared)
        if reason:
            problems[f"compatible_models/{index}"] = reason
    default_provider = table.provider(settings.default_provider)
    if default_provider is None:
        problems["default_provider"] = tr("Settings", "Unknown provider “{value}”.").format(
            value=settings.default_provider
        )
    elif not effective_model_table(settings).models_of(default_provider.id):
        problems["default_provider"] = tr(
            "Settings", "{provider} has no models yet: add one in Settings ▸ Providers."
        ).format(provider=default_provider.label)
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


def base_url_problem(url: str) -> str | None:
    """None when `url` may be saved as a server address, else why not."""
    url = url.strip()
    if not url:
        return None
    reason = check_base_url(url)
    if reason is not None:
        return reason
    if redact(url) != url or "@" in url:
        # The key belongs in the keyring, not smuggled into an address that gets saved.
        return tr("Settings", "The server address must not contain a key or a password.")
    return None


def _connection_problems(
    table: ModelTable, provider_id: str, connection: ProviderConnection
) -> dict[str, str]:
    problems: dict[str, str] = {}
    spec = table.provider(provider_id)
    if spec is None:
        problems[f"connection/{provider_id}/region"] = tr(
            "Settings", "Unknown provider “{value}”."
        ).format(value=provider_id)
        return problems
    if connection.region and connection.region not in dict(spec.regions):
        problems[f"connection/{provider_id}/region"] = tr(
            "Settings", "Unknown region “{value}”."
        ).format(value=connection.region)
    reason = base_url_problem(connection.base_url)
    if reason is not None:
        problems[f"connection/{provider_id}/base_url"] = reason
    return problems


def _declared_problem(
    table: ModelTable, declared: tuple[DeclaredModel, ...], index: int, model: DeclaredModel
) -> str | None:
    name = model.name.strip()
    if not name or name != model.name or any(c.isspace() for c in name):
        return tr("Settings", "A model name is one word without spaces (it is “{name}”).").format(
            name=model.name
        )
    if table.get(name) is not None:
        return tr(
            "Settings", "“{name}” is already a model of another provider; use another name."
        ).format(name=name)
    if any(other.name == name for other in declared[:index]):
        return tr("Settings", "The model “{name}” is declared twice.").format(name=name)
    unknown = [field for field in model.fields if field not in COMPATIBLE_FIELDS]
    if unknown:
        return tr("Settings", "Unknown field “{field}” for the model {name}.").format(
            field=unknown[0], name=name
        )
    for size in model.sizes:
        try:
            width, height = parse_size(size)
        except ValueError:
            width = height = 0
        if width <= 0 or height <= 0:
            return tr(
                "Settings", "“{size}” is not a size; write sizes as 1024x1024, one after another."
            ).format(size=size)
    return None


def _default_parameter_problems(settings: StudioSettings) -> dict[str, str]:
    problems: dict[str, str] = {}
    spec = effective_model_table(settings).get(settings.default_model)
    if spec is None:
        problems["default_model"] = tr("Settings", "Unknown model “{value}”.").format(
            value=settings.default_model
        )
        return problems
    if spec.sizes and spec.size_problem(settings.default_size) is not None:
        problems["default_size"] = tr("Settings", "{model} does not offer the size {size}.").format(
            model=spec.name, size=settings.default_size
        )
    if spec.steps is not None and not spec.steps.contains(settings.default_steps):
        problems["default_steps"] = tr("Settings", "Steps must be {low:g}–{high:g}.").format(
            low=spec.steps.minimum, high=spec.steps.maximum
        )
    if spec.cfg_scale is not None and not spec.cfg_scale.contains(settings.default_cfg_scale):
        problems["default_cfg_scale"] = tr(
            "Settings", "CFG scale must be {low:g}–{high:g}."
        ).format(low=spec.cfg_scale.minimum, high=spec.cfg_scale.maximum)
    if settings.default_response_format not in {f.value for f in ResponseFormat}:
        problems["default_response_format"] = tr(
            "Settings", "Unknown response format “{value}”."
        ).format(value=settings.default_response_format)
    return problems


def without_problems(settings: StudioSettings, keys: list[str] | set[str]) -> StudioSettings:
    """`settings` with each named problem put back to its default, and nothing else."""
    defaults = StudioSettings()
    values = settings
    dropped: set[int] = set()
    for key in keys:
        parts = key.split("/")
        if parts[0] == "connection" and len(parts) == 3:
            current = values.connection(parts[1])
            fixed = replace(current, **{parts[2]: ""})
            values = values.with_connection(parts[1], fixed)
        elif parts[0] == "compatible_models" and len(parts) == 2:
            dropped.add(int(parts[1]))
        elif parts[0] in field_names():
            values = values.with_changes(**{parts[0]: getattr(defaults, parts[0])})
    if dropped:
        kept = tuple(m for i, m in enumerate(values.compatible_models) if i not in dropped)
        values = values.with_changes(compatible_models=kept)
    return values


def defaults_for_model(settings: StudioSettings, model: str) -> StudioSettings:
    """`settings` with `model` as the default and its parameters pulled into the model's range."""
    spec = effective_model_table(settings).require(model)
    size = settings.default_size
    if spec.sizes and spec.size_problem(size) is not None:
        size = spec.sizes[0]
    steps = settings.default_steps
    if spec.steps is not None and not spec.steps.contains(steps):
        steps = int(spec.steps.default or spec.steps.maximum)
    cfg = settings.default_cfg_scale
    if spec.cfg_scale is not None and not spec.cfg_scale.contains(cfg):
        cfg = float(spec.cfg_scale.default or spec.cfg_scale.minimum)
    return settings.with_changes(
        default_model=model, default_size=size, default_steps=steps, default_cfg_scale=cfg
    )


def with_default_provider(settings: StudioSettings, provider_id: str) -> StudioSettings:
    """`settings` with `provider_id` chosen, and its first model as the default model (unless
    the default model is already one of its own)."""
    table = effective_model_table(settings)
    values = settings.with_changes(default_provider=provider_id, provider_chosen=True)
    current = table.get(settings.default_model)
    if current is not None and current.provider == provider_id:
        return values
    first = first_model_of(table, provider_id)
    return values if first is None else defaults_for_model(values, first.name)
