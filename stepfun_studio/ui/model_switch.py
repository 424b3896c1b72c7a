"""Moving the request being edited from one model to another, and where a first start begins.

Three moments change the model under a request: a first start (the settings' default provider
and model), the user picking another model, and "reuse parameters" of a picture made with a model
no longer offered. Within one provider a switch keeps everything (the fields a model lacks wait in
the `RequestModel`); across providers the request is moved with `core.adapt.adapt_request`, and
what it left out is told. Only values the user chose count as lost: one left at the old model's
default is not news.
"""

from __future__ import annotations

from stepfun_studio.core.adapt import adapt_request
from stepfun_studio.core.model_table import ModelSpec, ModelTable
from stepfun_studio.core.request import GenerationRequest, Mode
from stepfun_studio.ui.model_picker import initial_model
from stepfun_studio.ui.parameter_fields import nearest_size
from stepfun_studio.ui.request_model import RequestModel


def initial_request(
    table: ModelTable, defaults: GenerationRequest | None, default_provider: str | None
) -> GenerationRequest:
    """What a first start opens on: `defaults` where their model fits the default provider,
    else those values moved to that provider's first model still offered, at its defaults."""
    name = initial_model(table, default_provider, defaults.model if defaults else None)
    spec = table.require(name)
    if defaults is not None and defaults.model == name:
        # Taken as they are: the settings dialog only saves values the model accepts.
        return defaults
    request, _dropped = adapt_request(defaults or GenerationRequest(), spec)
    steps, cfg = default_steps(spec, request.mode), spec.cfg_scale
    return request.with_changes(
        size=nearest_size(spec, request.size),
        steps=steps if steps is not None else request.steps,
        cfg_scale=cfg.default if cfg and cfg.default is not None else request.cfg_scale,
    )


def follow_model(model: RequestModel, before: GenerationRequest) -> list[str]:
    """After the user picked another model: moves the request there; returns what a move to
    another provider left out that the user had chosen (English names, for
    `dock_texts.dropped_text`)."""
    new = model.spec()
    old = model.table.get(before.model)
    if new is None:
        return []
    # Values the user left at the old model's defaults: not the user's choice, so neither news
    # when they go nor worth keeping over the new model's defaults.
    steps_left = old is None or before.steps == default_steps(old, before.mode)
    cfg_left = old is None or old.cfg_scale is None or before.cfg_scale == old.cfg_scale.default
    defaults = {o.name: o.default for o in old.options} if old is not None else {}
    unchosen = {
        name.replace("_", " ") for name, value in before.options if defaults.get(name) == value
    }
    if steps_left:
        unchosen.add("steps")
    if cfg_left:
        unchosen.update(("guidance", "CFG scale", "cfg scale"))
    dropped: list[str] = []
    with model.batch():
        if old is not None and old.provider != new.provider:
            adapted, dropped = adapt_request(before, new)
            model.apply(adapted.with_changes(prompt=model.prompt))
            # The size box shows the new size; the message is for what the user loses.
            dropped = [n for n in dropped if n not in unchosen and not n.startswith("size")]
        model.size = nearest_size(new, model.size)
        steps = default_steps(new, model.mode())
        if steps is not None and (steps_left or old is None or old.steps_for(before.mode) is None):
            model.steps = steps
        cfg = new.cfg_scale
        if (
            cfg is not None
            and cfg.default is not None
            and (cfg_left or old is None or old.cfg_scale is None)
        ):
            model.cfg_scale = cfg.default
    return dropped


def default_steps(spec: ModelSpec, mode: Mode) -> int | None:
    """The model's default steps in `mode`; a redraw range without its own default (StepFun's
    1–100) has the model's."""
    for steps in (spec.steps_for(mode), spec.steps):
        if steps is not None and steps.default is not None:
            return int(steps.default)
    return None


def reuse_target(
    table: ModelTable, request: GenerationRequest, current: ModelSpec | None
) -> ModelSpec | None:
    """The model to move a reused request to, or None to take it as it is.

    Moved only off a model the user cannot use now (unknown here, or retired) onto the chosen
    one that works; someone working with a retired model (a StepFun-compatible server) keeps
    getting its pictures' parameters as they were.
    """
    own = table.get(request.model)
    if current is None:
        return None
    if own is None or (own.is_retired() and not current.is_retired()):
        return current
    return None
