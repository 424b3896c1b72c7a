"""The table of StepFun image models, loaded once from `models.json` in this package.

StepFun changes its models, sizes and ranges; keeping them as data means a change is an edit to
one JSON file, not to code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from stepfun_studio.core.request import Mode


@dataclass(frozen=True)
class NumberRange:
    """An inclusive range with a default; `default` is None where the table gives none."""

    minimum: float
    maximum: float
    default: float | None = None

    def contains(self, value: float) -> bool:
        return self.minimum <= value <= self.maximum


@dataclass(frozen=True)
class ModelSpec:
    """What one model accepts, per the model table."""

    name: str
    label: str
    modes: tuple[Mode, ...]
    sizes: tuple[str, ...]
    steps: NumberRange
    image2image_steps: NumberRange | None
    cfg_scale: NumberRange
    prompt_limit: int
    image2image_prompt_limit: int
    negative_prompt_limit: int
    extras: frozenset[str]
    price_cny: float | None

    @property
    def supports_style_reference(self) -> bool:
        return "style_reference" in self.extras

    @property
    def supports_negative_prompt(self) -> bool:
        return "negative_prompt" in self.extras

    @property
    def supports_text_mode(self) -> bool:
        return "text_mode" in self.extras

    def supports(self, mode: Mode) -> bool:
        return mode in self.modes

    def steps_for(self, mode: Mode) -> NumberRange:
        if mode is Mode.REDRAW and self.image2image_steps is not None:
            return self.image2image_steps
        return self.steps

    def prompt_limit_for(self, mode: Mode) -> int:
        return self.image2image_prompt_limit if mode is Mode.REDRAW else self.prompt_limit


@dataclass(frozen=True)
class ModelTable:
    models: tuple[ModelSpec, ...]
    # How step-image-edit-2's sizes are written: the reference says height x width, projects
    # disagree, so it stays a setting of the table rather than an assumption in code.
    edit_size_orientation: str

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


def _range(data: dict[str, Any]) -> NumberRange:
    default = data.get("default")
    return NumberRange(
        minimum=float(data["min"]),
        maximum=float(data["max"]),
        default=None if default is None else float(default),
    )


def _model(data: dict[str, Any]) -> ModelSpec:
    i2i = data.get("image2image_steps")
    return ModelSpec(
        name=data["name"],
        label=data.get("label", data["name"]),
        modes=tuple(Mode(endpoint) for endpoint in data["endpoints"]),
        sizes=tuple(data["sizes"]),
        steps=_range(data["steps"]),
        image2image_steps=_range(i2i) if i2i else None,
        cfg_scale=_range(data["cfg_scale"]),
        prompt_limit=int(data["prompt_limit"]),
        image2image_prompt_limit=int(data.get("image2image_prompt_limit", data["prompt_limit"])),
        negative_prompt_limit=int(data.get("negative_prompt_limit", 0)),
        extras=frozenset(data.get("extras", [])),
        price_cny=data.get("price_cny"),
    )


def parse_model_table(text: str) -> ModelTable:
    raw = json.loads(text)
    return ModelTable(
        models=tuple(_model(entry) for entry in raw["models"]),
        edit_size_orientation=raw.get("edit_size_orientation", "height_x_width"),
    )


@cache
def model_table() -> ModelTable:
    """The packaged model table, parsed on first use and shared afterwards."""
    text = resources.files("stepfun_studio.core").joinpath("models.json").read_text("utf-8")
    return parse_model_table(text)
