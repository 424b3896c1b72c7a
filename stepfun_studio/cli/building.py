"""From the parsed flags to the requests to send: model, mode, checks, files, fan-out.

Everything here happens before the first byte is sent, and every refusal is a `UsageError`
(exit status 2): an unknown model, a flag the model cannot take (named with what it does take),
a value out of range, an input file that is not a usable picture, text that is not text.
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from stepfun_studio.api.reference_image import ReferencePurpose, prepare_reference_file
from stepfun_studio.cli.output import UsageError, join_or, warn
from stepfun_studio.cli.parsing import (
    CAPABILITY_FLAGS,
    OPTION_DESTS,
    field_flag,
    flag_given,
)
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.model_table import ModelSpec, ModelTable, ProviderSpec, model_table
from stepfun_studio.core.request import (
    MAX_SEED,
    GenerationRequest,
    Mode,
    ReferenceImage,
    ResponseFormat,
)
from stepfun_studio.core.text import tr
from stepfun_studio.core.validation import validate

DEFAULT_PROVIDER = "stepfun"
PREFERRED_SIZE = "1024x1024"
# Request defaults for models that have no such field (never sent; kept for the record).
FALLBACK = GenerationRequest()


@dataclass(frozen=True)
class Plan:
    """What will be sent: the table (with a declared server model), the model, the requests."""

    table: ModelTable
    spec: ModelSpec
    provider: ProviderSpec
    request: GenerationRequest
    requests: tuple[GenerationRequest, ...]


def mode_of(args: argparse.Namespace) -> Mode:
    if args.edit is not None:
        return Mode.EDIT
    if args.source is not None:
        return Mode.REDRAW
    return Mode.TEXT_TO_IMAGE


def _model_names(models: tuple[ModelSpec, ...]) -> str:
    return ", ".join(model.name for model in models)


def _custom_provider_ids(table: ModelTable) -> str:
    return ", ".join(p.id for p in table.providers if p.custom_models)


def choose_model(args: argparse.Namespace, table: ModelTable) -> tuple[ModelTable, ModelSpec]:
    """The model the flags name (or the provider's default for the mode), and its table."""
    provider = table.provider(args.provider) if args.provider else None
    if args.server_fields is not None and (provider is None or not provider.custom_models):
        raise UsageError(
            tr(
                "Cli",
                "--server-fields describes a server whose models you name; use it with "
                "--provider {providers}.",
            ).format(providers=_custom_provider_ids(table))
        )
    if provider is not None and provider.custom_models:
        if not args.model:
            raise UsageError(
                tr(
                    "Cli", "--provider {provider} needs --model: the name your server knows."
                ).format(provider=provider.id)
            )
        custom = table.compatible_model(args.model, fields=args.server_fields or frozenset())
        return table.with_models((custom,)), custom
    if args.model is not None:
        spec = table.get(args.model)
        if provider is not None and (spec is None or spec.provider != provider.id):
            message = tr("Cli", "{provider} has no model “{model}”; its models: {models}.").format(
                provider=provider.label,
                model=args.model,
                models=_model_names(table.models_of(provider.id)),
            )
            if spec is not None:
                message += " " + tr("Cli", "{model} is a model of --provider {other}.").format(
                    model=spec.name, other=spec.provider
                )
            raise UsageError(message)
        if spec is None:
            raise UsageError(
                tr(
                    "Cli",
                    "Unknown model “{model}”. `stepfun-studio providers` lists the models; for "
                    "a model on your own server use --provider {custom} --model {model}.",
                ).format(model=args.model, custom=_custom_provider_ids(table))
            )
        return table, spec
    provider = provider or table.require_provider(DEFAULT_PROVIDER)
    mode = mode_of(args)
    wanted = len(args.reference)
    for spec in table.models_of(provider.id):
        if spec.supports(mode) and spec.max_references >= wanted:
            return table, spec
    raise UsageError(
        tr("Cli", "None of {provider}'s models can do this; its models: {models}.").format(
            provider=provider.label, models=_model_names(table.models_of(provider.id))
        )
    )


def refuse_unsupported(args: argparse.Namespace, spec: ModelSpec, table: ModelTable) -> None:
    """UsageError naming every given flag the model cannot take, and the ones it can."""
    mode = mode_of(args)
    refused = [
        f.flag for f in CAPABILITY_FLAGS if flag_given(args, f.dest) and not f.takes(spec, mode)
    ]
    if not refused:
        return
    takes = [f.flag for f in CAPABILITY_FLAGS if f.takes(spec, mode)]
    if takes:
        message = tr("Cli", "{model} takes no {refused}; it takes {takes}.").format(
            model=spec.name, refused=join_or(refused), takes=", ".join(takes)
        )
    else:
        message = tr(
            "Cli", "{model} takes no {refused}; it takes only a prompt and a size."
        ).format(model=spec.name, refused=join_or(refused))
    lines = [message]
    if table.provider_of(spec).custom_models:
        lines.append(
            tr(
                "Cli",
                "If your server takes them, say so: --server-fields seed,steps,guidance,"
                "negative_prompt,strength (the ones it takes).",
            )
        )
    raise UsageError(*lines)


def _text_problem(flag: str, text: str) -> str | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return tr(
            "Cli",
            "{flag}: character {position} is not valid text (bytes that are not UTF-8 reached "
            "the command line). Check the terminal's encoding.",
        ).format(flag=flag, position=error.start + 1)
    return None


def _default_size(spec: ModelSpec) -> str:
    if PREFERRED_SIZE in spec.sizes or not spec.sizes:
        return PREFERRED_SIZE
    return spec.sizes[0]


def _read(path: Path, purpose: ReferencePurpose) -> ReferenceImage:
    try:
        prepared = prepare_reference_file(path, purpose)
    except AppError as error:
        raise UsageError(error.message) from None
    for change in prepared.changes:
        warn(f"{path.name}: {change}")
    return prepared.image


def _options(args: argparse.Namespace, spec: ModelSpec, mode: Mode) -> tuple[tuple[str, str], ...]:
    """Every option the model takes in this mode: the given value, else the table's default."""
    given = {name: getattr(args, name) for name in OPTION_DESTS if getattr(args, name)}
    if args.watermark is not None:
        given["watermark"] = "true" if args.watermark else "false"
    return tuple(
        (option.name, given.get(option.name, option.default)) for option in spec.options_for(mode)
    )


def build_request(args: argparse.Namespace, spec: ModelSpec) -> GenerationRequest:
    """The request the flags describe; the model's defaults fill what was not given."""
    mode = mode_of(args)
    problems = [
        problem
        for problem in (
            _text_problem("prompt", args.prompt),
            _text_problem("--negative-prompt", args.negative_prompt or ""),
        )
        if problem
    ]
    if problems:
        raise UsageError(*problems)
    source = None
    if args.edit is not None:
        source = _read(args.edit, ReferencePurpose.EDIT)
    elif args.source is not None:
        source = _read(args.source, ReferencePurpose.REDRAW)
    style = _read(args.style, ReferencePurpose.STYLE) if args.style is not None else None
    references = tuple(_read(path, ReferencePurpose.EDIT) for path in args.reference)
    steps_range = spec.steps_for(mode)
    steps = args.steps
    if steps is None:
        steps = int(steps_range.default or steps_range.maximum) if steps_range else FALLBACK.steps
    cfg = args.cfg
    if cfg is None:
        cfg_range = spec.cfg_scale
        cfg = (cfg_range.default or cfg_range.minimum) if cfg_range else FALLBACK.cfg_scale
    return GenerationRequest(
        prompt=args.prompt,
        model=spec.name,
        provider=spec.provider,
        mode=mode,
        size=args.size or _default_size(spec),
        steps=steps,
        cfg_scale=cfg,
        seed=args.seed if args.seed is not None else 0,
        n=args.n,
        response_format=ResponseFormat(args.response_format),
        negative_prompt=args.negative_prompt or "",
        text_mode=args.text_mode,
        source=source,
        source_weight=args.source_weight if args.source_weight is not None else 0.5,
        style=style,
        style_weight=args.style_weight if args.style_weight is not None else 1.0,
        references=references,
        options=_options(args, spec, mode),
    )


def fan_out(request: GenerationRequest, spec: ModelSpec) -> tuple[GenerationRequest, ...]:
    """One single-picture request per picture, seeds within the model's own range."""
    return tuple(request.fan_out(spec.seed.maximum if spec.seed is not None else MAX_SEED))


def build_plan(args: argparse.Namespace, table: ModelTable | None = None) -> Plan:
    """Checks everything that can be checked before sending; UsageError when it fails."""
    table, spec = choose_model(args, table or model_table())
    refuse_unsupported(args, spec, table)
    request = build_request(args, spec)
    problems = validate(request, table)
    if problems:
        raise UsageError(*(f"{field_flag(p.field)}: {p.message}" for p in problems))
    return Plan(table, spec, table.provider_of(spec), request, fan_out(request, spec))


def retirement_note(
    spec: ModelSpec,
    table: ModelTable,
    today: dt.date | None = None,
    *,
    only_way_out: bool = False,
) -> str | None:
    """Words for a model its vendor retired and the flags to use instead; None if it is not.

    `only_way_out`: the date was told already (the API's message does), give the flags only.
    """
    lifecycle = spec.lifecycle
    if lifecycle.status != "retired" or lifecycle.date is None:
        return None
    parts = []
    if not only_way_out:
        if spec.is_retired(today):
            told = tr("Cli", "{provider} retired {model} on {date}.")
        else:
            told = tr("Cli", "{provider} retires {model} on {date}.")
        provider = table.provider_of(spec)
        parts.append(told.format(provider=provider.label, model=spec.name, date=lifecycle.date))
        if lifecycle.replacement:
            parts.append(
                tr("Cli", "It names {replacement} as the replacement.").format(
                    replacement=lifecycle.replacement
                )
            )
    working = [
        p.id
        for p in table.providers
        if p.custom_models or any(not m.is_retired(today) for m in table.models_of(p.id))
    ]
    if working:
        parts.append(
            tr(
                "Cli",
                "Providers that work: --provider {providers} (`stepfun-studio providers` "
                "lists their models).",
            ).format(providers=" | ".join(working))
        )
    return " ".join(parts)
