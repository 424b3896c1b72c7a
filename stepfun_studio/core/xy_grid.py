"""X/Y grids: two axes of values over one request, every combination one picture.

An axis is a parameter and its values, written as people write them on a command line or in the
dialog: `cfg=3,7.5`, `seed=1,2`, `steps=20,40`, `weight=0.3,0.7`, `model=a,b`, or a prompt
search-and-replace `prompt=red,blue,green` (as A1111's "Prompt S/R": the first value is the word
searched for in the prompt; each value in turn replaces it, the first leaving the prompt as it
is). Which axes a model can take is read from its ModelSpec (a model with no seed has no seed
axis), so the CLI and the dialog offer and refuse the same things.

Core only: no I/O. The picture with the axis labels is drawn in `library/xy_sheet.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stepfun_studio.core.adapt import adapt_request
from stepfun_studio.core.cost import sums_by_currency, table_price
from stepfun_studio.core.model_table import ModelSpec, ModelTable, model_table
from stepfun_studio.core.request import MAX_SEED, GenerationRequest, Mode
from stepfun_studio.core.text import tr
from stepfun_studio.core.validation import validate

# A grid is a paid run of every combination: beyond this it is a mistake more often than a plan.
MAX_CELLS = 64
MAX_VALUES = 16


class AxisKind(StrEnum):
    """What an axis varies; the value is the word used on the command line."""

    SEED = "seed"
    STEPS = "steps"
    CFG = "cfg"
    WEIGHT = "weight"
    MODEL = "model"
    PROMPT = "prompt"

    def label(self) -> str:
        """The axis's name as a person reads it, in the interface language."""
        return {
            AxisKind.SEED: tr("XYGrid", "Seed"),
            AxisKind.STEPS: tr("XYGrid", "Steps"),
            AxisKind.CFG: tr("XYGrid", "CFG scale"),
            AxisKind.WEIGHT: tr("XYGrid", "Source weight"),
            AxisKind.MODEL: tr("XYGrid", "Model"),
            AxisKind.PROMPT: tr("XYGrid", "Prompt search/replace"),
        }[self]


class GridError(ValueError):
    """An axis that cannot be used, in words (already translated)."""


@dataclass(frozen=True)
class Axis:
    kind: AxisKind
    values: tuple[str, ...]

    def text(self) -> str:
        return f"{self.kind.value}={','.join(self.values)}"


@dataclass(frozen=True)
class GridCell:
    """One picture of the grid: its column (x) and row (y), and the request that makes it."""

    column: int
    row: int
    request: GenerationRequest


@dataclass(frozen=True)
class GridPlan:
    x: Axis
    y: Axis | None
    cells: tuple[GridCell, ...]

    @property
    def columns(self) -> int:
        return len(self.x.values)

    @property
    def rows(self) -> int:
        return len(self.y.values) if self.y else 1

    def title(self) -> str:
        """ "CFG scale × Seed": the axis names, columns first."""
        return " × ".join(axis.kind.label() for axis in (self.x, self.y) if axis is not None)

    def axes_text(self) -> str:
        """ "cfg=3,7.5 seed=1,2", as the command line writes them."""
        return " ".join(axis.text() for axis in (self.x, self.y) if axis is not None)

    def cost(self, table: ModelTable | None = None) -> dict[str, float]:
        """The estimated price of the whole grid, per currency (unpriced models add nothing)."""
        prices = (table_price(cell.request, table) for cell in self.cells)
        return sums_by_currency(price for price in prices if price is not None)


def axes_for(spec: ModelSpec, mode: Mode) -> list[AxisKind]:
    """The axes a model can take in a mode, read from its capabilities."""
    kinds = [AxisKind.PROMPT, AxisKind.MODEL]
    if spec.seed is not None:
        kinds.insert(0, AxisKind.SEED)
    if spec.steps is not None:
        kinds.append(AxisKind.STEPS)
    if spec.cfg_scale is not None:
        kinds.append(AxisKind.CFG)
    if spec.has_source_weight and mode is Mode.REDRAW:
        kinds.append(AxisKind.WEIGHT)
    return kinds


def parse_axis(text: str) -> Axis:
    """`"cfg=3,7.5"` → Axis(CFG, ("3", "7.5")); GridError for anything else."""
    name, equals, rest = text.partition("=")
    try:
        kind = AxisKind(name.strip().lower())
    except ValueError:
        raise GridError(
            tr("XYGrid", "“{name}” is not an axis. Use one of: {axes}.").format(
                name=name.strip(), axes=", ".join(kind.value for kind in AxisKind)
            )
        ) from None
    values = tuple(value.strip() for value in rest.split(",") if value.strip())
    if not equals or not values:
        raise GridError(
            tr("XYGrid", "Give the {axis} axis its values, e.g. {example}.").format(
                axis=kind.value, example=f"{kind.value}={_EXAMPLES[kind]}"
            )
        )
    if len(values) > MAX_VALUES:
        raise GridError(
            tr("XYGrid", "The {axis} axis has {count} values; at most {most} are allowed.").format(
                axis=kind.value, count=len(values), most=MAX_VALUES
            )
        )
    if len(set(values)) != len(values):
        raise GridError(
            tr("XYGrid", "The {axis} axis repeats a value; each value once, please.").format(
                axis=kind.value
            )
        )
    return Axis(kind, values)


_EXAMPLES = {
    AxisKind.SEED: "1,2,3",
    AxisKind.STEPS: "20,40",
    AxisKind.CFG: "3,7.5",
    AxisKind.WEIGHT: "0.3,0.7",
    AxisKind.MODEL: "gpt-image-1,gpt-image-1-mini",
    AxisKind.PROMPT: "red,blue",
}


def plan_grid(
    base: GenerationRequest,
    x: Axis,
    y: Axis | None,
    table: ModelTable | None = None,
    *,
    shared_seed: int | None = None,
) -> GridPlan:
    """Every combination of `x` and `y` over `base`, each request checked against its model.

    `shared_seed` replaces a random seed (0) in every cell when no axis varies the seed, so
    the cells differ only by what the axes vary (as A1111's X/Y plot does).
    GridError names the first thing that cannot be sent (an axis the model does not take, a
    value out of range, a model of another provider), before anything is sent.
    """
    table = table or model_table()
    spec = table.get(base.model)
    varies_seed = AxisKind.SEED in (x.kind, y.kind if y else None)
    if shared_seed is not None and base.seed == 0 and not varies_seed and spec and spec.seed:
        base = base.with_changes(seed=min(max(shared_seed, spec.seed.minimum), spec.seed.maximum))
    if y is not None and y.kind is x.kind:
        raise GridError(
            tr("XYGrid", "The two axes vary the same thing; choose two different ones.")
        )
    count = len(x.values) * (len(y.values) if y else 1)
    if count > MAX_CELLS:
        raise GridError(
            tr("XYGrid", "{count} pictures is more than a grid may make ({most}).").format(
                count=count, most=MAX_CELLS
            )
        )
    one = base.with_changes(n=1)
    cells: list[GridCell] = []
    for row, y_value in enumerate(y.values if y else ("",)):
        row_request = _apply(one, y, y_value, base, table) if y else one
        for column, x_value in enumerate(x.values):
            request = _apply(row_request, x, x_value, base, table)
            _check(request, table)
            cells.append(GridCell(column, row, request))
    return GridPlan(x, y, tuple(cells))


def _apply(
    request: GenerationRequest,
    axis: Axis,
    value: str,
    base: GenerationRequest,
    table: ModelTable,
) -> GenerationRequest:
    spec = table.get(request.model)
    if spec is None:
        raise GridError(tr("XYGrid", "Unknown model “{model}”.").format(model=request.model))
    if axis.kind is not AxisKind.MODEL and axis.kind not in axes_for(spec, request.mode):
        raise GridError(
            tr("XYGrid", "{model} has no {axis} to vary.").format(
                model=spec.name, axis=axis.kind.label()
            )
        )
    kind = axis.kind
    if kind is AxisKind.SEED:
        seed = _integer(axis, value)
        if not 0 <= seed <= MAX_SEED:
            raise GridError(
                tr("XYGrid", "Seed {value} is outside 0–{most}.").format(value=value, most=MAX_SEED)
            )
        return request.with_changes(seed=seed)
    if kind is AxisKind.STEPS:
        return request.with_changes(steps=_integer(axis, value))
    if kind is AxisKind.CFG:
        return request.with_changes(cfg_scale=_number(axis, value))
    if kind is AxisKind.WEIGHT:
        return request.with_changes(source_weight=_number(axis, value))
    if kind is AxisKind.PROMPT:
        searched = axis.values[0]
        if searched not in base.prompt:
            raise GridError(
                tr(
                    "XYGrid", "“{word}” is not in the prompt, so there is nothing to replace."
                ).format(word=searched)
            )
        return request.with_changes(prompt=request.prompt.replace(searched, value))
    target = table.get(value)
    if target is None:
        raise GridError(tr("XYGrid", "Unknown model “{model}”.").format(model=value))
    if target.provider != request.provider:
        raise GridError(
            tr(
                "XYGrid",
                "{model} is another provider's model; a grid compares models of one provider.",
            ).format(model=value)
        )
    moved, _dropped = adapt_request(request, target)
    return moved


def _check(request: GenerationRequest, table: ModelTable) -> None:
    problems = validate(request, table)
    if problems:
        raise GridError(f"{request.model}: {problems[0].message}")


def _integer(axis: Axis, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise GridError(
            tr("XYGrid", "“{value}” is not a whole number ({axis} axis).").format(
                value=value, axis=axis.kind.value
            )
        ) from None


def _number(axis: Axis, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise GridError(
            tr("XYGrid", "“{value}” is not a number ({axis} axis).").format(
                value=value, axis=axis.kind.value
            )
        ) from None
