"""Presets from the notebook guide: sizes, "Fast" and "Quality", and the source-weight intents."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stepfun_studio.core.request import GenerationRequest, parse_size
from stepfun_studio.core.text import tr

# The six sizes of step-1x-medium and step-2x-large, in the guide's order.
GUIDE_SIZES = ("256x256", "512x512", "768x768", "1024x1024", "1280x800", "800x1280")

# The guide's advice, shown as hints beside the fields (the model table holds the hard limits).
ADVISED_STEPS = (30, 80)
ADVISED_CFG = (1.0, 15.0)
ADVISED_STYLE_WEIGHT = (0.5, 1.5)


class Shape(StrEnum):
    SQUARE = "square"
    LANDSCAPE = "landscape"
    PORTRAIT = "portrait"


def size_shape(size: str) -> Shape:
    width, height = parse_size(size)
    if width == height:
        return Shape.SQUARE
    return Shape.LANDSCAPE if width > height else Shape.PORTRAIT


@dataclass(frozen=True)
class SpeedPreset:
    key: str
    size: str
    steps: int
    cfg_scale: float

    def label(self) -> str:
        return {"fast": tr("Presets", "Fast"), "quality": tr("Presets", "Quality")}[self.key]

    def apply(self, request: GenerationRequest) -> GenerationRequest:
        return request.with_changes(size=self.size, steps=self.steps, cfg_scale=self.cfg_scale)


# "Fast" is the guide's cell 6.2 word for word; "Quality" is the guide's defaults (cell 3.1).
FAST = SpeedPreset("fast", "512x512", 30, 7.0)
QUALITY = SpeedPreset("quality", "1024x1024", 50, 7.5)
SPEED_PRESETS = (FAST, QUALITY)


@dataclass(frozen=True)
class SourceWeightIntent:
    """One row of the guide's table for choosing `source_weight`."""

    key: str
    low: float
    high: float
    suggested: float

    def label(self) -> str:
        return {
            "regenerate": tr("Presets", "Random re-generation"),
            "enhance": tr("Presets", "Detail enhancement"),
            "modify": tr("Presets", "Small modification"),
        }[self.key]

    def prompt_advice(self) -> str:
        return {
            "regenerate": tr("Presets", "Describe the original as closely as you can."),
            "enhance": tr(
                "Presets",
                "Describe the original and add quality words, such as “finely detailed”.",
            ),
            "modify": tr(
                "Presets",
                "State the change clearly. This often goes wrong; for large changes use "
                "Image Edit (step-image-edit-2).",
            ),
        }[self.key]


# The API's weight must be above 0, so the guide's "0 – 0.5" starts at the smallest step.
SOURCE_WEIGHT_INTENTS = (
    SourceWeightIntent("regenerate", 0.8, 1.0, 0.9),
    SourceWeightIntent("enhance", 0.01, 0.5, 0.3),
    SourceWeightIntent("modify", 0.3, 0.8, 0.5),
)
