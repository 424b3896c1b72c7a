"""One-click iteration on a picture: what *Vary*, *More like this* and *Use as reference* send.

Each action maps to what the model can do, asked of its `ModelSpec` (no provider is named here):

- *Vary (subtle / strong)*: a redraw from the picture at source weight 0.3 / 0.7 where the model
  has a weight (the weight is how much is drawn anew: 0.3 stays close, 0.7 wanders); else the
  picture as a reference where the model takes references; else an instruction edit of the
  picture where it edits; else a plain redraw where it redraws without a weight; else the same
  parameters with a new seed only.
- *More like this*: the same parameters (the picture's own source and references included) with
  new seeds, four pictures.
- *Use as reference*: the picture goes into the dock's next request (not sent): as a reference
  where the chosen model takes them, else as its source (a redraw or an edit).

The picture itself is not in the plan: the UI reads and prepares it off the GUI thread
(`api.reference_image.prepare_reference` with `plan.purpose`) and puts it in with
`plan.with_picture`. `plan.describe()` says which road was taken, for the status bar.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from stepfun_studio.core.adapt import adapt_request
from stepfun_studio.core.model_table import ModelSpec, ModelTable
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.text import tr


class IterationKind(StrEnum):
    VARY_SUBTLE = "vary_subtle"
    VARY_STRONG = "vary_strong"
    MORE_LIKE_THIS = "more_like_this"
    USE_AS_REFERENCE = "use_as_reference"

    @property
    def sends(self) -> bool:
        """True for the actions that queue pictures at once; Use as reference fills the dock."""
        return self is not IterationKind.USE_AS_REFERENCE

    def label(self) -> str:
        return {
            IterationKind.VARY_SUBTLE: tr("Iterate", "Vary (subtle)"),
            IterationKind.VARY_STRONG: tr("Iterate", "Vary (strong)"),
            IterationKind.MORE_LIKE_THIS: tr("Iterate", "More like this"),
            IterationKind.USE_AS_REFERENCE: tr("Iterate", "Use as reference"),
        }[self]


class How(StrEnum):
    """The road a plan takes, from closest to the user's intent to the last resort."""

    REDRAW_WEIGHTED = "redraw_weighted"  # the picture as the source, with a weight
    REFERENCE = "reference"  # the picture as a reference picture
    EDIT = "edit"  # the picture as the image to edit, the prompt as the instruction
    REDRAW = "redraw"  # the picture as the source, on a model that takes no weight
    NEW_SEEDS = "new_seeds"  # the same parameters, another seed; no picture
    NOTHING = "nothing"  # Use as reference on a model that takes no picture at all


# The weight is the share drawn anew (the notebook guide: 0.8-1.0 regenerates, up to 0.5
# enhances details), so a subtle variation keeps 70 % of the picture and a strong one 30 %.
VARY_WEIGHTS = {IterationKind.VARY_SUBTLE: 0.3, IterationKind.VARY_STRONG: 0.7}
VARY_COUNT = 1
MORE_LIKE_THIS_COUNT = 4
# Where the picture goes for each road, and the limits `prepare_reference` must fit it into
# (`api.reference_image.ReferencePurpose` values: a reference is held to the edit limits).
_PURPOSES = {
    How.REDRAW_WEIGHTED: "redraw",
    How.REDRAW: "redraw",
    How.EDIT: "edit",
    How.REFERENCE: "edit",
}


@dataclass(frozen=True)
class IterationPlan:
    """What to send (or put in the dock) and how it was chosen."""

    request: GenerationRequest
    how: How
    kind: IterationKind
    model: ModelSpec
    dropped: tuple[str, ...] = ()  # what moving to `model` left out (English names)

    @property
    def purpose(self) -> str | None:
        """The `ReferencePurpose` the picture is prepared for, or None when it is not sent."""
        return _PURPOSES.get(self.how)

    @property
    def slot(self) -> str | None:
        """ "source", "reference" or None: where the picture goes in the request."""
        if self.how is How.REFERENCE:
            return "reference"
        return "source" if self.purpose is not None else None

    def with_picture(self, picture: ReferenceImage) -> GenerationRequest:
        """The request with the prepared picture in its slot (unchanged when none is sent)."""
        if self.slot == "source":
            return replace(self.request, source=picture)
        if self.slot == "reference":
            kept = tuple(r for r in self.request.references if r.sha256 != picture.sha256)
            room = max(0, self.model.max_references - 1)
            return replace(self.request, references=(*kept[:room], picture))
        return self.request

    def describe(self) -> str:
        """One line for the status bar, naming the road and the model."""
        action, model = self.kind.label(), self.model.name
        if self.how is How.REDRAW_WEIGHTED:
            text = tr("Iterate", "{action}: redraw at weight {weight:g} with {model}")
        elif self.how is How.REFERENCE:
            text = tr("Iterate", "{action}: the picture as a reference for {model}")
        elif self.how is How.EDIT:
            text = tr(
                "Iterate", "{action}: an instruction edit with {model} (the prompt says what)"
            )
        elif self.how is How.REDRAW:
            text = tr("Iterate", "{action}: a redraw with {model}, which takes no weight")
        elif self.how is How.NOTHING:
            text = tr("Iterate", "{action}: {model} takes no pictures; choose a model that does")
        elif self.kind is IterationKind.MORE_LIKE_THIS:
            text = tr("Iterate", "{action}: {count} pictures with new seeds on {model}")
        else:
            text = tr("Iterate", "{action}: new seeds only, as {model} takes no pictures")
        return text.format(
            action=action,
            model=model,
            weight=self.request.source_weight,
            count=self.request.n,
        )


def picture_road(model: ModelSpec) -> How:
    """How `model` can vary a given picture, best first (see the module docstring)."""
    if model.has_source_weight and model.supports(Mode.REDRAW):
        return How.REDRAW_WEIGHTED
    if model.max_references > 0:
        return How.REFERENCE
    if model.supports(Mode.EDIT):
        return How.EDIT
    if model.supports(Mode.REDRAW):
        return How.REDRAW
    return How.NEW_SEEDS


def iteration_model(
    table: ModelTable,
    picture_request: GenerationRequest,
    kind: IterationKind,
    chosen: ModelSpec | None,
) -> ModelSpec | None:
    """The model to iterate with: the picture's own where it can do `kind`, else the chosen
    one (the dock's). Use as reference always fills the dock for its chosen model.

    The picture's own model "can" when the table knows it, it is not retired while the chosen
    one works (as "Reuse parameters" decides), and for a variation it takes a picture at all.
    """
    if kind is IterationKind.USE_AS_REFERENCE:
        return chosen
    own = table.get(picture_request.model)
    if own is None:
        return chosen
    if chosen is not None and own.is_retired() and not chosen.is_retired():
        return chosen
    if kind is IterationKind.MORE_LIKE_THIS or chosen is None:
        return own
    if picture_road(own) is How.NEW_SEEDS and picture_road(chosen) is not How.NEW_SEEDS:
        return chosen
    return own


def new_seed(model: ModelSpec, entropy: int) -> int:
    """A seed in `model`'s range from any integer (the UI passes a random one); 0 (the server
    chooses) for a model without seeds."""
    if model.seed is None or entropy <= 0:
        return 0
    low = max(1, model.seed.minimum)
    return low + entropy % (model.seed.maximum - low + 1)


def plan_iteration(
    base: GenerationRequest, kind: IterationKind, model: ModelSpec, *, entropy: int = 0
) -> IterationPlan:
    """The plan for `kind` on `model`.

    `base` is the picture's own request for the variations and More like this, and the dock's
    request for Use as reference. `entropy` seeds the new seed (see `new_seed`).
    """
    dropped: tuple[str, ...] = ()
    if base.model != model.name:
        base, names = adapt_request(base, model)
        dropped = tuple(names)
    if kind is IterationKind.USE_AS_REFERENCE:
        return _as_reference(base, model, dropped)
    seed = new_seed(model, entropy)
    if kind is IterationKind.MORE_LIKE_THIS:
        request = replace(base, seed=seed, n=MORE_LIKE_THIS_COUNT)
        return IterationPlan(request, How.NEW_SEEDS, kind, model, dropped)
    how = picture_road(model)
    request = replace(base, seed=seed, n=VARY_COUNT, mask=None)
    if how is How.REDRAW_WEIGHTED:
        request = replace(request, mode=Mode.REDRAW, source_weight=VARY_WEIGHTS[kind], style=None)
    elif how is How.REFERENCE:
        # The picture alone stands for what it was made from: its own source is not sent again.
        mode = Mode.EDIT if model.supports(Mode.EDIT) else _text_or_first(model)
        request = replace(request, mode=mode, source=None, references=(), style=None)
    elif how in (How.EDIT, How.REDRAW):
        mode = Mode.EDIT if how is How.EDIT else Mode.REDRAW
        request = replace(request, mode=mode, references=(), style=None)
    return IterationPlan(request, how, kind, model, dropped)


def _as_reference(
    base: GenerationRequest, model: ModelSpec, dropped: tuple[str, ...]
) -> IterationPlan:
    kind = IterationKind.USE_AS_REFERENCE
    if model.max_references > 0:
        # Added to the pictures already there, as the dock's reference strip would.
        mode = Mode.EDIT if model.supports(Mode.EDIT) and base.source is None else base.mode
        if not model.supports(mode):
            mode = _text_or_first(model)
        return IterationPlan(replace(base, mode=mode), How.REFERENCE, kind, model, dropped)
    how = picture_road(model)
    if how is How.NEW_SEEDS:
        return IterationPlan(base, How.NOTHING, kind, model, dropped)
    mode = {How.REDRAW_WEIGHTED: Mode.REDRAW, How.EDIT: Mode.EDIT}.get(how, Mode.REDRAW)
    return IterationPlan(replace(base, mode=mode, style=None), how, kind, model, dropped)


def _text_or_first(model: ModelSpec) -> Mode:
    return Mode.TEXT_TO_IMAGE if model.supports(Mode.TEXT_TO_IMAGE) else model.modes[0]
