"""A batch: one redraw, edit or reference job per picture, planned before anything is sent.

This is the arithmetic and the rules, with no files and no Qt: which batch modes a model takes
(asked of its `ModelSpec`), the prompt for each picture (one template with a `{filename}` slot,
or the picture's own sidecar text), the request each picture becomes, and the plan shown before
the first request: how many, what they cost at the table's price, and how long they take within
the account's limits (at once, per minute). A budget cap refuses a plan that would pass it, and
`BudgetGuard` stops a running batch before a job would.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, replace
from enum import StrEnum

from stepfun_studio.core.cost import format_money, table_price
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ModelSpec, ModelTable, model_table
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.text import tr

FILENAME_SLOT = "{filename}"
# Seconds one picture takes when nothing better is known (the stand-in answers at once; the
# cloud models take 5-40 s): the time shown is an estimate and says so.
DEFAULT_SECONDS_PER_PICTURE = 20.0
# Pictures a batch takes, by file extension (lower case).
PICTURE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff"})


class BatchMode(StrEnum):
    """What each picture is to the job: the source of a redraw, the picture edited, a reference."""

    REDRAW = "redraw"
    EDIT = "edit"
    REFERENCE = "reference"


def batch_modes(spec: ModelSpec) -> tuple[BatchMode, ...]:
    """The batch modes `spec` takes, the model's most natural first."""
    modes = []
    if spec.supports(Mode.REDRAW):
        modes.append(BatchMode.REDRAW)
    if spec.supports(Mode.EDIT):
        modes.append(BatchMode.EDIT)
    if spec.max_references > 0:
        modes.append(BatchMode.REFERENCE)
    return tuple(modes)


def takes_source_weight(spec: ModelSpec, mode: BatchMode) -> bool:
    return mode is BatchMode.REDRAW and spec.has_source_weight and spec.supports(Mode.REDRAW)


def fill_prompt(template: str, stem: str) -> str:
    """`template` with every `{filename}` replaced by `stem`; other braces are left as typed."""
    return template.replace(FILENAME_SLOT, stem)


def picture_prompt(template: str, stem: str, sidecar: str | None) -> str:
    """The prompt for one picture: its sidecar text where it has one, else the template."""
    if sidecar is not None and sidecar.strip():
        return fill_prompt(sidecar.strip(), stem)
    return fill_prompt(template, stem)


def request_for(
    template: GenerationRequest,
    spec: ModelSpec,
    mode: BatchMode,
    picture: ReferenceImage,
    prompt: str,
) -> GenerationRequest:
    """The one-picture request for `picture` in `mode`, everything else from `template`."""
    base = replace(template, prompt=prompt, n=1, model=spec.name, provider=spec.provider)
    if mode is BatchMode.REDRAW:
        return replace(base, mode=Mode.REDRAW, source=picture, references=(), style=None)
    if mode is BatchMode.EDIT:
        return replace(base, mode=Mode.EDIT, source=picture, references=(), style=None)
    # A reference: drawn from it through the edit endpoint where the model has one (as the dock
    # does), else alongside text to image (Seedream takes references there).
    reference_mode = Mode.EDIT if spec.supports(Mode.EDIT) else Mode.TEXT_TO_IMAGE
    return replace(base, mode=reference_mode, source=None, references=(picture,), style=None)


def schedule_seconds(count: int, concurrency: int, per_minute: int, each_s: float) -> float:
    """Seconds `count` pictures take with at most `concurrency` at once and `per_minute` starts
    in any rolling minute, each taking `each_s`: the same rules the worker's limiter keeps."""
    if count <= 0:
        return 0.0
    concurrency, per_minute = max(1, concurrency), max(1, per_minute)
    free_at = [0.0] * concurrency  # when each slot is free again
    starts: list[float] = []
    end = 0.0
    for index in range(count):
        start = heapq.heappop(free_at)
        if index >= per_minute:
            start = max(start, starts[index - per_minute] + 60.0)
        starts.append(start)
        finish = start + each_s
        heapq.heappush(free_at, finish)
        end = max(end, finish)
    return end


@dataclass(frozen=True)
class BatchEstimate:
    """What a batch of `count` pictures costs and takes, worked out before anything is sent."""

    count: int
    price_each: float | None  # None: the table gives no price for this model
    currency: str | None
    seconds: float
    estimate: bool = True  # the price is the table's, not a figure the provider sent

    @property
    def total(self) -> float | None:
        return None if self.price_each is None else self.price_each * self.count

    def cost_text(self) -> str:
        if self.total is None or self.currency is None:
            return tr("Batch", "cost unknown (no price in the model table)")
        return "≈ " + format_money(self.total, self.currency)


def estimate(
    template: GenerationRequest,
    count: int,
    *,
    concurrency: int,
    per_minute: int,
    seconds_each: float = DEFAULT_SECONDS_PER_PICTURE,
    table: ModelTable | None = None,
) -> BatchEstimate:
    price = table_price(template, table or model_table())
    return BatchEstimate(
        count=count,
        price_each=None if price is None else price[0],
        currency=None if price is None else price[1],
        seconds=schedule_seconds(count, concurrency, per_minute, seconds_each),
    )


def budget_problem(plan: BatchEstimate, budget: float | None) -> str | None:
    """Why the batch may not start under `budget`, or None when it may (or there is no cap)."""
    if budget is None:
        return None
    if budget <= 0:
        return tr("Batch", "The budget must be above 0, or left empty for no cap.")
    if plan.total is None or plan.price_each is None or plan.currency is None:
        return tr(
            "Batch",
            "The model table gives no price for this model, so a budget cannot be kept; "
            "remove the budget to run it anyway.",
        )
    if plan.total > budget + 1e-9:
        fits = math.floor(budget / plan.price_each + 1e-9) if plan.price_each > 0 else 0
        return tr(
            "Batch",
            "{count} pictures cost about {total}, over the budget of {budget}. Raise the "
            "budget, or choose at most {fits} pictures.",
        ).format(
            count=plan.count,
            total=format_money(plan.total, plan.currency),
            budget=format_money(budget, plan.currency),
            fits=fits,
        )
    return None


@dataclass
class BudgetGuard:
    """Keeps a running batch within its cap: what was spent (or may have been) plus the next
    job's price must not pass it. Costs in flight count at the table's price until known."""

    budget: float | None
    price_each: float | None
    spent: float = 0.0

    def allows_next(self) -> bool:
        if self.budget is None:
            return True
        if self.price_each is None:
            return False
        return self.spent + self.price_each <= self.budget + 1e-9

    def charge(self, amount: float | None = None) -> None:
        """Counts a job as sent: `amount`, or the table's price while its cost is unknown."""
        self.spent += amount if amount is not None else (self.price_each or 0.0)

    def settle(self, actual: float | None) -> None:
        """A sent job's cost became known (the provider's figure): replaces the estimate."""
        if actual is not None and self.price_each is not None:
            self.spent += actual - self.price_each

    def refund(self) -> None:
        """A job refused before any work (nothing billed): its estimate no longer counts."""
        self.spent -= self.price_each or 0.0


# Failures after which the server may have made (and billed) the picture.
_MAYBE_BILLED_KINDS = frozenset({ErrorKind.TIMEOUT, ErrorKind.EXPIRED_LINK, ErrorKind.BAD_RESPONSE})


def may_be_billed(error: AppError) -> bool:
    """True when the picture may have been made and billed although none arrived: such an item
    is sent again only when the user asks."""
    return error.warns_of_billing or error.kind in _MAYBE_BILLED_KINDS


def format_duration(seconds: float) -> str:
    """ "40 s", "3 min", "1 h 20 min": how long, as people say it."""
    if seconds < 60:
        return tr("Batch", "{n} s").format(n=max(1, round(seconds)))
    minutes = round(seconds / 60)
    if minutes < 60:
        return tr("Batch", "{n} min").format(n=minutes)
    return tr("Batch", "{h} h {m} min").format(h=minutes // 60, m=minutes % 60)


def plan_text(plan: BatchEstimate) -> str:
    """ "3 pictures · ≈ ¥0.30 · about 1 min": the line shown before a batch runs."""
    return tr("Batch", "{count} pictures · {cost} · about {time}").format(
        count=plan.count, cost=plan.cost_text(), time=format_duration(plan.seconds)
    )
