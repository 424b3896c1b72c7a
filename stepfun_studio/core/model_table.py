"""Providers and their image models, loaded once from `models.json` in this package.

Vendors change their models, sizes, ranges and prices, and StepFun retired its image API: keeping
all of that as data means a change is an edit to one JSON file, not to code. The dock, the CLI,
validation and the adapters ask a `ModelSpec` what a model takes; nothing asks "which provider".
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from stepfun_studio.core.request import Mode, parse_size


@dataclass(frozen=True)
class NumberRange:
    """An inclusive range with a default; `default` is None where the table gives none."""

    minimum: float
    maximum: float
    default: float | None = None

    def contains(self, value: float) -> bool:
        return self.minimum <= value <= self.maximum


@dataclass(frozen=True)
class SeedRange:
    """The seeds a model takes, and whether its answer says which seed it used."""

    minimum: int
    maximum: int
    echoed: bool


@dataclass(frozen=True)
class SizeRule:
    """Free `WxH` sizes a model takes besides its listed ones (None fields are unchecked)."""

    multiple_of: int = 1
    min_pixels: int | None = None
    max_pixels: int | None = None
    max_side: int | None = None
    max_ratio: float | None = None

    def problem(self, width: int, height: int) -> str | None:
        """None when `width`x`height` fits, else a short English reason (for messages)."""
        if width % self.multiple_of or height % self.multiple_of:
            return f"both sides must be multiples of {self.multiple_of}"
        pixels = width * height
        if self.min_pixels is not None and pixels < self.min_pixels:
            return f"at least {self.min_pixels:,} pixels in all"
        if self.max_pixels is not None and pixels > self.max_pixels:
            return f"at most {self.max_pixels:,} pixels in all"
        if self.max_side is not None and max(width, height) > self.max_side:
            return f"no side over {self.max_side}"
        if self.max_ratio is not None and max(width, height) / min(width, height) > self.max_ratio:
            return f"no more than {self.max_ratio:g}:1 between the sides"
        return None


@dataclass(frozen=True)
class OptionSpec:
    """A provider-specific choice (gpt-image `quality`, Seedream `watermark`): values as sent."""

    name: str
    values: tuple[str, ...]
    default: str
    modes: tuple[Mode, ...] | None = None  # None: every mode the model has

    def applies_to(self, mode: Mode) -> bool:
        return self.modes is None or mode in self.modes


@dataclass(frozen=True)
class Price:
    """What one picture costs; `by_option` prices by one option's value (gpt-image quality)."""

    currency: str
    per_image: float
    estimate: bool = False
    by_option: tuple[tuple[str, tuple[tuple[str, float], ...]], ...] = ()
    # Per million tokens by usage field ("input_text", "input_image", "output"), where the
    # provider bills tokens and reports them (gpt-image): the cost of a picture made.
    per_million_tokens: tuple[tuple[str, float], ...] = ()

    def for_options(self, options: dict[str, str]) -> float:
        for option_name, prices in self.by_option:
            chosen = options.get(option_name)
            for value, amount in prices:
                if value == chosen:
                    return amount
        return self.per_image

    def for_usage(self, usage: dict[str, int]) -> float | None:
        """The cost of `usage` (`input_text_tokens` …), or None without token prices or counts.

        An answer that gives only `input_tokens` (no text/image split) is priced as text.
        """
        if not self.per_million_tokens:
            return None
        counts = dict(usage)
        split = "input_text_tokens" in counts or "input_image_tokens" in counts
        if not split and "input_tokens" in counts:
            counts["input_text_tokens"] = counts["input_tokens"]
        total, found = 0.0, False
        for name, rate in self.per_million_tokens:
            count = counts.get(f"{name}_tokens")
            if count is not None:
                total += count * rate / 1_000_000
                found = True
        return total if found else None


@dataclass(frozen=True)
class Lifecycle:
    """`available`, or `retired` on `date` with the replacement the vendor names (if any)."""

    status: str = "available"
    date: str | None = None
    replacement: str | None = None
    source: str | None = None

    def is_retired(self, today: dt.date | None = None) -> bool:
        if self.status != "retired" or self.date is None:
            return False
        return dt.date.fromisoformat(self.date) <= (today or dt.date.today())


@dataclass(frozen=True)
class AssistantSpec:
    """The chat models a provider's key also reaches, for the prompt assistant: one that sees
    pictures (Describe, captions) and one for text (Polish, Translate), with token prices."""

    vision_model: str
    text_model: str
    # The request field that bounds the answer: OpenAI now names it `max_completion_tokens`.
    token_field: str
    currency: str
    # (model, price per million input tokens, per million output tokens)
    prices: tuple[tuple[str, float, float], ...] = ()
    estimate: bool = True

    def cost(self, model: str, input_tokens: int, output_tokens: int) -> float | None:
        """What a call cost from its token usage; None for a model without a price."""
        for name, per_input, per_output in self.prices:
            if name == model:
                return (input_tokens * per_input + output_tokens * per_output) / 1_000_000
        return None


@dataclass(frozen=True)
class ProviderSpec:
    """One image API: where it lives, which protocol it speaks, where its key comes from."""

    id: str
    label: str
    protocol: str
    regions: tuple[tuple[str, str], ...]
    default_region: str
    key_env: str
    base_url_env: str
    models_path: str | None
    balance_path: str | None
    standin_prefix: str
    key_page: str
    custom_models: bool
    assistant: AssistantSpec | None = None

    def region_url(self, region: str) -> str | None:
        urls = dict(self.regions)
        return urls.get(region) or urls.get(self.default_region)


@dataclass(frozen=True)
class ModelSpec:
    """What one model accepts, per the model table. A None range: the model has no such field."""

    name: str
    label: str
    provider: str
    modes: tuple[Mode, ...]
    sizes: tuple[str, ...]
    steps: NumberRange | None
    image2image_steps: NumberRange | None
    cfg_scale: NumberRange | None
    seed: SeedRange | None
    prompt_limit: int
    image2image_prompt_limit: int
    negative_prompt_limit: int
    extras: frozenset[str]
    price: Price | None
    size_rule: SizeRule | None = None
    max_references: int = 0
    has_source_weight: bool = False
    options: tuple[OptionSpec, ...] = ()
    n_per_request: int = 1
    formats: tuple[str, ...] = ("png",)
    result_size_exact: bool = True
    wire: tuple[tuple[str, str], ...] = ()
    lifecycle: Lifecycle = field(default_factory=Lifecycle)
    # How long one picture usually takes, in seconds: an estimate (public reports and our own
    # runs), shown as a placeholder's progress; never a promise or a timeout.
    typical_seconds: float = 20.0

    # -- what the model takes -----------------------------------------------------------------

    @property
    def supports_style_reference(self) -> bool:
        return "style_reference" in self.extras

    @property
    def supports_negative_prompt(self) -> bool:
        return "negative_prompt" in self.extras

    @property
    def supports_text_mode(self) -> bool:
        return "text_mode" in self.extras

    @property
    def supports_mask(self) -> bool:
        return "mask" in self.extras

    @property
    def supports_seed(self) -> bool:
        return self.seed is not None

    @property
    def price_cny(self) -> float | None:
        """The price in yuan where the table gives one in yuan (StepFun's figures)."""
        if self.price is None or self.price.currency != "CNY":
            return None
        return self.price.per_image

    def supports(self, mode: Mode) -> bool:
        return mode in self.modes

    def steps_for(self, mode: Mode) -> NumberRange | None:
        if mode is Mode.REDRAW and self.image2image_steps is not None:
            return self.image2image_steps
        return self.steps

    def prompt_limit_for(self, mode: Mode) -> int:
        return self.image2image_prompt_limit if mode is Mode.REDRAW else self.prompt_limit

    def options_for(self, mode: Mode) -> tuple[OptionSpec, ...]:
        return tuple(option for option in self.options if option.applies_to(mode))

    def option(self, name: str) -> OptionSpec | None:
        return next((option for option in self.options if option.name == name), None)

    def wire_name(self, field_name: str, default: str) -> str:
        """The protocol's name for a field where models differ (SiliconFlow `cfg`)."""
        return dict(self.wire).get(field_name, default)

    def size_problem(self, size: str) -> str | None:
        """None when the model takes `size`, else a short English reason."""
        if size in self.sizes:
            return None
        if self.size_rule is None:
            return "not one of the listed sizes"
        try:
            width, height = parse_size(size)
        except ValueError:
            return "not a size"
        return self.size_rule.problem(width, height)

    def is_retired(self, today: dt.date | None = None) -> bool:
        return self.lifecycle.is_retired(today)


@dataclass(frozen=True)
class ModelTable:
    models: tuple[ModelSpec, ...]
    # How step-image-edit-2's sizes are written: the reference says height x width, projects
    # disagree, so it stays a setting of the table rather than an assumption in code.
    edit_size_orientation: str
    providers: tuple[ProviderSpec, ...] = ()
    compatible_template: dict[str, Any] = field(default_factory=dict, compare=False)

    def names(self) -> tuple[str, ...]:
        return tuple(model.name for model in self.models)

    def get(self, name: str) -> ModelSpec | None:
        for model in self.models:
            if model.name == name:
                return model
        return None

    def require(self, name: str) -> ModelSpec:
        model = self.get(name)
        if model is None:
            raise KeyError(name)
        return model

    def provider(self, provider_id: str) -> ProviderSpec | None:
        return next((p for p in self.providers if p.id == provider_id), None)

    def require_provider(self, provider_id: str) -> ProviderSpec:
        found = self.provider(provider_id)
        if found is None:
            raise KeyError(provider_id)
        return found

    def provider_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.providers)

    def models_of(self, provider_id: str) -> tuple[ModelSpec, ...]:
        return tuple(model for model in self.models if model.provider == provider_id)

    def provider_of(self, model: ModelSpec) -> ProviderSpec:
        return self.require_provider(model.provider)

    def with_models(self, extra: tuple[ModelSpec, ...]) -> ModelTable:
        """This table plus models the user declared (OpenAI-compatible servers)."""
        known = {model.name for model in extra}
        kept = tuple(model for model in self.models if model.name not in known)
        return replace(self, models=kept + extra)

    def compatible_model(
        self, name: str, *, fields: frozenset[str], sizes: tuple[str, ...] = ()
    ) -> ModelSpec:
        """A model on an OpenAI-compatible server, from the user's words about it.

        `fields` names the extra fields the server takes: `seed`, `steps`, `guidance`,
        `negative_prompt`, `strength` (a redraw weight). Everything else is the template's.
        """
        data = dict(self.compatible_template)
        data["name"] = name
        data["label"] = name
        if sizes:
            data["sizes"] = list(sizes)
        for wanted, key in (("seed", "seed"), ("steps", "steps"), ("guidance", "cfg_scale")):
            if wanted not in fields:
                data[key] = None
        endpoints = list(data.get("endpoints", ["generations"]))
        if "strength" in fields:
            data["source_weight"] = True
            endpoints.append("image2image")
        data["endpoints"] = endpoints
        data["extras"] = ["negative_prompt"] if "negative_prompt" in fields else []
        return _model(data)


def _range(data: dict[str, Any] | None) -> NumberRange | None:
    if not data:
        return None
    default = data.get("default")
    return NumberRange(
        minimum=float(data["min"]),
        maximum=float(data["max"]),
        default=None if default is None else float(default),
    )


def _seed(data: dict[str, Any] | None) -> SeedRange | None:
    if not data:
        return None
    return SeedRange(int(data["min"]), int(data["max"]), bool(data.get("echoed", False)))


def _price(data: dict[str, Any] | None) -> Price | None:
    if not data:
        return None
    by_option = tuple(
        (name, tuple((value, float(amount)) for value, amount in prices.items()))
        for name, prices in (data.get("by_option") or {}).items()
    )
    return Price(
        currency=str(data["currency"]),
        per_image=float(data["per_image"]),
        estimate=bool(data.get("estimate", False)),
        by_option=by_option,
        per_million_tokens=tuple(
            (name, float(rate)) for name, rate in (data.get("per_million_tokens") or {}).items()
        ),
    )


def _options(data: dict[str, Any] | None) -> tuple[OptionSpec, ...]:
    options = []
    for name, entry in (data or {}).items():
        modes = entry.get("modes")
        options.append(
            OptionSpec(
                name=name,
                values=tuple(str(value) for value in entry["values"]),
                default=str(entry["default"]),
                modes=tuple(Mode(mode) for mode in modes) if modes else None,
            )
        )
    return tuple(options)


def _size_rule(data: dict[str, Any] | None) -> SizeRule | None:
    if not data:
        return None
    return SizeRule(
        multiple_of=int(data.get("multiple_of", 1)),
        min_pixels=data.get("min_pixels"),
        max_pixels=data.get("max_pixels"),
        max_side=data.get("max_side"),
        max_ratio=data.get("max_ratio"),
    )


def _model(data: dict[str, Any]) -> ModelSpec:
    prompt_limit = int(data["prompt_limit"])
    lifecycle = data.get("lifecycle") or {}
    return ModelSpec(
        name=data["name"],
        label=data.get("label", data["name"]),
        provider=data.get("provider", "stepfun"),
        modes=tuple(Mode(endpoint) for endpoint in data["endpoints"]),
        sizes=tuple(data.get("sizes", ())),
        steps=_range(data.get("steps")),
        image2image_steps=_range(data.get("image2image_steps")),
        cfg_scale=_range(data.get("cfg_scale")),
        seed=_seed(data.get("seed")),
        prompt_limit=prompt_limit,
        image2image_prompt_limit=int(data.get("image2image_prompt_limit", prompt_limit)),
        negative_prompt_limit=int(data.get("negative_prompt_limit", 0)),
        extras=frozenset(data.get("extras", [])),
        price=_price(data.get("price")),
        size_rule=_size_rule(data.get("size_rule")),
        max_references=int((data.get("references") or {}).get("max", 0)),
        has_source_weight=bool(data.get("source_weight", False)),
        options=_options(data.get("options")),
        n_per_request=int(data.get("n_per_request", 1)),
        formats=tuple(data.get("formats", ("png",))),
        result_size_exact=bool(data.get("result_size_exact", True)),
        wire=tuple(sorted((data.get("wire") or {}).items())),
        typical_seconds=float(data.get("typical_seconds", 20.0)),
        lifecycle=Lifecycle(
            status=lifecycle.get("status", "available"),
            date=lifecycle.get("date"),
            replacement=lifecycle.get("replacement"),
            source=lifecycle.get("source"),
        ),
    )


def _provider(data: dict[str, Any]) -> ProviderSpec:
    return ProviderSpec(
        id=data["id"],
        label=data.get("label", data["id"]),
        protocol=data["protocol"],
        regions=tuple((data.get("regions") or {}).items()),
        default_region=data.get("default_region", ""),
        key_env=data["key_env"],
        base_url_env=data.get("base_url_env", ""),
        models_path=data.get("models_path"),
        balance_path=data.get("balance_path"),
        standin_prefix=data.get("standin_prefix", "/v1"),
        key_page=data.get("key_page", ""),
        custom_models=bool(data.get("custom_models", False)),
        assistant=_assistant(data.get("assistant")),
    )


def _assistant(data: dict[str, Any] | None) -> AssistantSpec | None:
    if not data:
        return None
    return AssistantSpec(
        vision_model=data["vision_model"],
        text_model=data["text_model"],
        token_field=data.get("token_field", "max_tokens"),
        currency=data["currency"],
        prices=tuple(
            (name, float(pair[0]), float(pair[1]))
            for name, pair in (data.get("prices_per_million") or {}).items()
        ),
        estimate=bool(data.get("estimate", True)),
    )


def parse_model_table(text: str) -> ModelTable:
    raw = json.loads(text)
    return ModelTable(
        models=tuple(_model(entry) for entry in raw["models"]),
        edit_size_orientation=raw.get("edit_size_orientation", "height_x_width"),
        providers=tuple(_provider(entry) for entry in raw.get("providers", ())),
        compatible_template=dict(raw.get("compatible_template") or {}),
    )


@cache
def model_table() -> ModelTable:
    """The packaged model table, parsed on first use and shared afterwards."""
    # The file beside this module; importlib.resources (a few ms to import, on the way to the
    # first window) only where the package is not a folder (a zip).
    beside = Path(__file__).with_name("models.json")
    if beside.is_file():
        return parse_model_table(beside.read_text("utf-8"))
    from importlib import resources

    text = resources.files("stepfun_studio.core").joinpath("models.json").read_text("utf-8")
    return parse_model_table(text)
