"""`stepfun-studio providers`: every provider, its models and what each takes, from the table.

Plain text for people (grouped by provider: modes, sizes or the size rule, seed/steps/guidance
ranges, references, options, price with currency, lifecycle), `--json` for scripts. All of it is
read from `models.json` through the `ModelTable`, so the listing is what the app enforces.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from stepfun_studio.cli.connection import keyring_holds_key
from stepfun_studio.cli.output import EXIT_OK, say
from stepfun_studio.cli.parsing import SERVER_FIELDS, CliParser
from stepfun_studio.core.model_table import (
    ModelSpec,
    ModelTable,
    NumberRange,
    Price,
    ProviderSpec,
    model_table,
)
from stepfun_studio.core.request import Mode
from stepfun_studio.core.text import tr

CURRENCY_SIGNS = {"USD": "$", "CNY": "¥", "EUR": "€"}


def _number(value: float) -> str:
    return f"{value:g}"


def _range(value: NumberRange) -> str:
    text = f"{_number(value.minimum)}–{_number(value.maximum)}"
    if value.default is not None:
        text += " " + tr("Cli", "(default {value})").format(value=_number(value.default))
    return text


def _money(currency: str, amount: float) -> str:
    # Cents as cents ($0.04, ¥0.10), finer prices to the tenth of a cent ($0.042).
    digits = f"{amount:.2f}" if round(amount, 2) == amount else f"{amount:.3f}"
    sign = CURRENCY_SIGNS.get(currency)
    return f"{sign}{digits}" if sign else f"{digits} {currency}"


def _price(price: Price | None) -> str:
    if price is None:
        return tr("Cli", "not known")
    if price.per_image == 0 and not price.by_option:
        return tr("Cli", "free")
    amount = _money(price.currency, price.per_image)
    if price.estimate:
        amount = "≈ " + amount
    text = tr("Cli", "{amount} a picture").format(amount=amount)
    for option, amounts in price.by_option:
        listed = ", ".join(f"{value} {_money(price.currency, amount)}" for value, amount in amounts)
        text += " " + tr("Cli", "(by {option}: {listed})").format(option=option, listed=listed)
    return text


def _modes(spec: ModelSpec) -> str:
    words = []
    for mode in spec.modes:
        if mode is Mode.TEXT_TO_IMAGE:
            words.append(tr("Cli", "text to image"))
        elif mode is Mode.REDRAW:
            words.append(
                tr("Cli", "redraw with a weight") if spec.has_source_weight else tr("Cli", "redraw")
            )
        else:
            words.append(tr("Cli", "edit"))
    return ", ".join(words)


def _sizes(spec: ModelSpec) -> str:
    text = ", ".join(spec.sizes) if spec.sizes else tr("Cli", "the input's size")
    rule = spec.size_rule
    if rule is not None:
        parts = []
        if rule.multiple_of > 1:
            parts.append(tr("Cli", "sides multiples of {n}").format(n=rule.multiple_of))
        if rule.min_pixels is not None or rule.max_pixels is not None:
            parts.append(
                tr("Cli", "{low}–{high} pixels").format(
                    low=f"{rule.min_pixels or 1:,}", high=f"{rule.max_pixels or 0:,}"
                )
            )
        if rule.max_side is not None:
            parts.append(tr("Cli", "no side over {n}").format(n=rule.max_side))
        if rule.max_ratio is not None:
            parts.append(tr("Cli", "at most {ratio}:1").format(ratio=_number(rule.max_ratio)))
        text += "; " + tr("Cli", "or any WxH with {rule}").format(rule=", ".join(parts))
    return text


def _lifecycle(spec: ModelSpec) -> str:
    life = spec.lifecycle
    if life.status != "retired":
        return tr("Cli", "available")
    text = tr("Cli", "retired {date}").format(date=life.date or "?")
    if life.replacement:
        text += " " + tr("Cli", "(replacement {model})").format(model=life.replacement)
    return text


def _controls(spec: ModelSpec) -> list[str]:
    lines = []
    if spec.seed is not None:
        echoed = tr("Cli", "echoed") if spec.seed.echoed else tr("Cli", "not echoed")
        lines.append(
            tr("Cli", "seed {low}–{high} ({echoed})").format(
                low=spec.seed.minimum, high=spec.seed.maximum, echoed=echoed
            )
        )
    if spec.steps is not None:
        text = tr("Cli", "steps {range}").format(range=_range(spec.steps))
        if spec.image2image_steps is not None:
            text += "; " + tr("Cli", "redraw {range}").format(range=_range(spec.image2image_steps))
        lines.append(text)
    if spec.cfg_scale is not None:
        lines.append(tr("Cli", "cfg {range}").format(range=_range(spec.cfg_scale)))
    if spec.supports_negative_prompt:
        lines.append(tr("Cli", "negative prompt"))
    if spec.supports_text_mode:
        lines.append(tr("Cli", "text mode"))
    return lines


def _references(spec: ModelSpec) -> str:
    parts = []
    if spec.max_references:
        parts.append(tr("Cli", "up to {n} reference pictures").format(n=spec.max_references))
    if spec.supports_style_reference:
        parts.append(tr("Cli", "a style reference with a weight"))
    if spec.supports_mask:
        parts.append(tr("Cli", "a mask (edits)"))
    return ", ".join(parts) or tr("Cli", "none")


def _options(spec: ModelSpec) -> str:
    parts = []
    for option in spec.options:
        text = f"{option.name} {'|'.join(option.values)} ({option.default})"
        if option.modes is not None:
            text += " " + tr("Cli", "for {modes}").format(modes=", ".join(option.modes))
        parts.append(text)
    return "; ".join(parts) or tr("Cli", "none")


def _takes(spec: ModelSpec, note: str) -> str:
    text = " · ".join(_controls(spec)) or tr("Cli", "no seed, steps or cfg")
    return f"{text} {note}" if note else text


def model_lines(spec: ModelSpec, takes_note: str = "") -> list[str]:
    lines = [f"  {spec.name}  ·  {spec.label}  ·  {_lifecycle(spec)}"]
    facts = [
        (tr("Cli", "modes"), _modes(spec)),
        (tr("Cli", "sizes"), _sizes(spec)),
        (tr("Cli", "takes"), _takes(spec, takes_note)),
        (tr("Cli", "references"), _references(spec)),
        (tr("Cli", "options"), _options(spec)),
        (tr("Cli", "pictures"), tr("Cli", "{n} per request").format(n=spec.n_per_request)),
        (tr("Cli", "price"), _price(spec.price)),
    ]
    lines += [f"      {label}: {value}" for label, value in facts]
    return lines


def _key_words(provider: ProviderSpec) -> str:
    if keyring_holds_key(provider):
        return tr("Cli", "key: {variable} or the keyring").format(variable=provider.key_env)
    return tr("Cli", "key: {variable}").format(variable=provider.key_env)


def provider_lines(provider: ProviderSpec, table: ModelTable) -> list[str]:
    regions = ", ".join(f"{url} ({name})" for name, url in provider.regions)
    lines = [
        f"{provider.label} (--provider {provider.id})",
        "    " + _key_words(provider),
        "    "
        + tr("Cli", "server: {where}").format(where=regions or tr("Cli", "yours (--base-url)")),
    ]
    if provider.custom_models:
        lines.append(
            "    "
            + tr(
                "Cli",
                "models: any your server serves (--model NAME); say which extra fields it "
                "takes with --server-fields {fields}",
            ).format(fields=",".join(SERVER_FIELDS))
        )
        marked = tr("Cli", "(each only when named in --server-fields)")
        every = table.compatible_model("NAME", fields=frozenset(SERVER_FIELDS))
        lines += model_lines(every, takes_note=marked)[1:]
    for spec in table.models_of(provider.id):
        lines += model_lines(spec)
    return lines


def _range_json(value: NumberRange | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"min": value.minimum, "max": value.maximum, "default": value.default}


def model_json(spec: ModelSpec) -> dict[str, Any]:
    price = spec.price
    return {
        "name": spec.name,
        "label": spec.label,
        "modes": [mode.value for mode in spec.modes],
        "sizes": list(spec.sizes),
        "size_rule": None if spec.size_rule is None else vars(spec.size_rule),
        "seed": None if spec.seed is None else vars(spec.seed),
        "steps": _range_json(spec.steps),
        "image2image_steps": _range_json(spec.image2image_steps),
        "cfg_scale": _range_json(spec.cfg_scale),
        "negative_prompt": spec.supports_negative_prompt,
        "text_mode": spec.supports_text_mode,
        "style_reference": spec.supports_style_reference,
        "mask": spec.supports_mask,
        "max_references": spec.max_references,
        "source_weight": spec.has_source_weight,
        "options": {
            o.name: {"values": list(o.values), "default": o.default, "modes": o.modes}
            for o in spec.options
        },
        "n_per_request": spec.n_per_request,
        "formats": list(spec.formats),
        "price": None
        if price is None
        else {
            "currency": price.currency,
            "per_image": price.per_image,
            "estimate": price.estimate,
            "by_option": {name: dict(amounts) for name, amounts in price.by_option},
        },
        "lifecycle": vars(spec.lifecycle),
        "retired": spec.is_retired(),
    }


def provider_json(provider: ProviderSpec, table: ModelTable) -> dict[str, Any]:
    return {
        "id": provider.id,
        "label": provider.label,
        "protocol": provider.protocol,
        "key_env": provider.key_env,
        "base_url_env": provider.base_url_env,
        "regions": dict(provider.regions),
        "default_region": provider.default_region,
        "custom_models": provider.custom_models,
        "models": [model_json(spec) for spec in table.models_of(provider.id)],
    }


def run(argv: Sequence[str]) -> int:
    table = model_table()
    parser = CliParser(
        prog="stepfun-studio providers",
        description=tr("Cli", "The image APIs Studio speaks, their models and what they take."),
    )
    parser.add_argument("--json", action="store_true", help=tr("Cli", "as JSON, for scripts"))
    parser.add_argument(
        "--provider", choices=table.provider_ids(), help=tr("Cli", "only this provider")
    )
    args = parser.parse_args(list(argv))
    providers = [p for p in table.providers if args.provider in (None, p.id)]
    if args.json:
        say(json.dumps([provider_json(p, table) for p in providers], ensure_ascii=False, indent=2))
        return EXIT_OK
    blocks = ["\n".join(provider_lines(p, table)) for p in providers]
    say("\n\n".join(blocks))
    return EXIT_OK
