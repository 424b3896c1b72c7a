"""The `generate` command's flags, and which model capability each one needs.

Every flag that only some models take defaults to None, so "given" can be told from "left at
the default": a flag the chosen model cannot take is refused before anything is sent, naming
what the model does take. Which capability a flag needs is read from the `ModelSpec`
(`CAPABILITY_FLAGS`), never from the provider's or the model's name.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from stepfun_studio.api.limits import DEFAULT_TIER, TIERS
from stepfun_studio.cli.output import EXIT_USAGE, clean
from stepfun_studio.core.model_table import ModelSpec, model_table
from stepfun_studio.core.request import Mode
from stepfun_studio.core.text import tr

# What `--server-fields` may name: the extra fields an OpenAI-compatible server can take.
SERVER_FIELDS = ("seed", "steps", "guidance", "negative_prompt", "strength")
DEFAULT_TIMEOUT_S = 600.0


class CliParser(argparse.ArgumentParser):
    """argparse, with its messages cleaned (they quote what was typed) and exit status 2."""

    def _print_message(self, message: str, file: Any = None) -> None:
        super()._print_message(clean(message), file)

    def error(self, message: str) -> NoReturn:
        self.print_usage()
        self.exit(EXIT_USAGE, f"{self.prog}: {clean(message)}\n")


def _option_takes(name: str) -> Callable[[ModelSpec, Mode], bool]:
    def takes(spec: ModelSpec, mode: Mode) -> bool:
        option = spec.option(name)
        return option is not None and option.applies_to(mode)

    return takes


@dataclass(frozen=True)
class CapabilityFlag:
    """A flag only some models take: its name, its argparse dest, and the test on the model."""

    flag: str
    dest: str
    takes: Callable[[ModelSpec, Mode], bool]


CAPABILITY_FLAGS: tuple[CapabilityFlag, ...] = (
    CapabilityFlag("--seed", "seed", lambda spec, mode: spec.seed is not None),
    CapabilityFlag("--steps", "steps", lambda spec, mode: spec.steps_for(mode) is not None),
    CapabilityFlag("--cfg", "cfg", lambda spec, mode: spec.cfg_scale is not None),
    CapabilityFlag(
        "--negative-prompt", "negative_prompt", lambda spec, mode: spec.supports_negative_prompt
    ),
    CapabilityFlag("--text-mode", "text_mode", lambda spec, mode: spec.supports_text_mode),
    CapabilityFlag("--source", "source", lambda spec, mode: spec.supports(Mode.REDRAW)),
    CapabilityFlag(
        "--source-weight",
        "source_weight",
        lambda spec, mode: spec.has_source_weight and spec.supports(Mode.REDRAW),
    ),
    CapabilityFlag("--style", "style", lambda spec, mode: spec.supports_style_reference),
    CapabilityFlag(
        "--style-weight", "style_weight", lambda spec, mode: spec.supports_style_reference
    ),
    CapabilityFlag("--edit", "edit", lambda spec, mode: spec.supports(Mode.EDIT)),
    CapabilityFlag("--reference", "reference", lambda spec, mode: spec.max_references > 0),
    CapabilityFlag("--quality", "quality", _option_takes("quality")),
    CapabilityFlag("--background", "background", _option_takes("background")),
    CapabilityFlag("--output-format", "output_format", _option_takes("output_format")),
    CapabilityFlag("--input-fidelity", "input_fidelity", _option_takes("input_fidelity")),
    CapabilityFlag("--watermark", "watermark", _option_takes("watermark")),
)
# The provider options the flags above set, by option name in the model table.
OPTION_DESTS = ("quality", "background", "output_format", "input_fidelity")

# Validation reports by request field; the person typed flags.
FIELD_FLAGS = {
    "cfg_scale": "--cfg",
    "source": "--source/--edit",
    "references": "--reference",
    "model": "--model",
    "mode": "--model",
    "prompt": "prompt",
}


def flag_given(args: argparse.Namespace, dest: str) -> bool:
    value = getattr(args, dest, None)
    return value not in (None, False, [])


def field_flag(field_name: str) -> str:
    return FIELD_FLAGS.get(field_name, "--" + field_name.replace("_", "-"))


def _server_fields(text: str) -> frozenset[str]:
    names = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = sorted(names - set(SERVER_FIELDS))
    if unknown:
        raise argparse.ArgumentTypeError(
            tr("Cli", "unknown field {fields}; the fields are {known}").format(
                fields=", ".join(unknown), known=",".join(SERVER_FIELDS)
            )
        )
    return names


def _regions() -> list[str]:
    return sorted({name for p in model_table().providers for name, _url in p.regions})


def generate_parser() -> CliParser:
    parser = CliParser(
        prog="stepfun-studio generate",
        description=tr("Cli", "Generate pictures with an image API, and keep them."),
    )
    add = parser.add_argument
    add("prompt", help=tr("Cli", "what to draw"))
    where = parser.add_argument_group(tr("Cli", "where to send it"))
    where.add_argument(
        "--provider",
        choices=model_table().provider_ids(),
        help=tr("Cli", "the image API (default: the model's, or stepfun)"),
    )
    where.add_argument(
        "--model",
        help=tr(
            "Cli",
            "model (default: the provider's first model for the mode); any name with "
            "--provider compatible",
        ),
    )
    where.add_argument(
        "--base-url",
        metavar="URL",
        help=tr("Cli", "another server address: https://, or http:// to this computer only"),
    )
    where.add_argument("--region", choices=_regions(), help=tr("Cli", "the provider's region"))
    where.add_argument(
        "--server-fields",
        type=_server_fields,
        metavar="LIST",
        help=tr(
            "Cli",
            "with --provider compatible: the extra fields your server takes, from {fields}",
        ).format(fields=",".join(SERVER_FIELDS)),
    )
    where.add_argument(
        "--tier", choices=sorted(TIERS), default=DEFAULT_TIER, help=tr("Cli", "account tier")
    )
    where.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        metavar="S",
        help=tr("Cli", "give up on a picture after this many seconds (default 600)"),
    )
    _picture_flags(parser)
    _image_flags(parser)
    out = parser.add_argument_group(tr("Cli", "where the pictures go"))
    out.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help=tr("Cli", "folder"))
    out.add_argument(
        "--no-library",
        action="store_true",
        help=tr("Cli", "do not add the pictures to Studio's library"),
    )
    out.add_argument(
        "--format",
        choices=["url", "b64_json"],
        default="b64_json",
        dest="response_format",
        help=tr("Cli", "how the picture travels (a url is downloaded at once)"),
    )
    return parser


def _picture_flags(parser: CliParser) -> None:
    group = parser.add_argument_group(tr("Cli", "the picture (only what the model takes)"))
    add = group.add_argument
    add(
        "--size",
        metavar="WxH",
        help=tr("Cli", "WIDTHxHEIGHT, e.g. 1024x1536 (default: the model's)"),
    )
    add("--n", type=int, default=1, help=tr("Cli", "how many pictures"))
    add("--seed", type=int, metavar="S", help=tr("Cli", "0 = random; N pictures use S, S+1, …"))
    add("--steps", type=int, metavar="N", help=tr("Cli", "sampling steps (default: the model's)"))
    add(
        "--cfg",
        type=float,
        metavar="X",
        help=tr("Cli", "guidance (CFG) scale (default: the model's)"),
    )
    add("--negative-prompt", metavar="TEXT", help=tr("Cli", "what to avoid"))
    add("--text-mode", action="store_true", help=tr("Cli", "render text well (Image Edit)"))
    add("--quality", metavar="VALUE", help=tr("Cli", "e.g. low, medium, high, auto"))
    add("--background", metavar="VALUE", help=tr("Cli", "e.g. transparent, opaque, auto"))
    add("--output-format", metavar="VALUE", help=tr("Cli", "png, jpeg or webp"))
    add("--input-fidelity", metavar="VALUE", help=tr("Cli", "low or high (edits)"))
    add(
        "--watermark",
        action=argparse.BooleanOptionalAction,
        help=tr("Cli", "the provider's mark on the picture (off unless asked for)"),
    )


def _image_flags(parser: CliParser) -> None:
    group = parser.add_argument_group(tr("Cli", "pictures to start from"))
    add = group.add_argument
    add(
        "--source",
        type=Path,
        metavar="FILE",
        help=tr("Cli", "redraw from this picture (image2image)"),
    )
    add(
        "--source-weight",
        type=float,
        metavar="W",
        help=tr("Cli", "0–1; small stays close (default 0.5)"),
    )
    add(
        "--style",
        type=Path,
        metavar="FILE",
        help=tr("Cli", "borrow the colours and style of this picture"),
    )
    add("--style-weight", type=float, metavar="W", help=tr("Cli", "style weight, 0–2 (default 1)"))
    add("--edit", type=Path, metavar="FILE", help=tr("Cli", "edit this picture"))
    add(
        "--reference",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help=tr("Cli", "a reference picture (repeat for several, in order)"),
    )


def parse_generate(argv: Sequence[str]) -> argparse.Namespace:
    return generate_parser().parse_args(list(argv))
