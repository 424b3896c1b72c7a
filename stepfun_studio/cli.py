"""`stepfun-studio generate "prompt" …`: generate pictures from the command line, no GUI.

The key comes from `STEPFUN_API_KEY` and the host from `--region` or `STEPFUN_BASE_URL`. With no
key at all, an in-process stand-in server draws the pictures locally (nothing is billed), and
stderr says so. Each finished picture is written to `--out` with its parameters embedded, and one
line per picture names the file and the seed the server returned. Failures print a message a
person can act on and the exit status is non-zero.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from stepfun_studio.api.client import StepFunClient
from stepfun_studio.api.config import REGIONS, resolve_base_url
from stepfun_studio.api.limits import DEFAULT_TIER, TIERS, RateLimiter
from stepfun_studio.api.reference_image import ReferencePurpose, prepare_reference
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.metadata import JSON_KEYWORD, a1111_parameters, metadata_json
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.request import (
    GenerationRequest,
    Mode,
    ReferenceImage,
    ResponseFormat,
)
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.core.text import tr
from stepfun_studio.core.validation import validate
from stepfun_studio.library.pngchunks import with_text_chunks

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EDIT_MODEL = "step-image-edit-2"
DEFAULT_MODEL = "step-1x-medium"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stepfun-studio generate",
        description=tr("Cli", "Generate pictures with StepFun's image API."),
    )
    add = parser.add_argument
    add("prompt", help=tr("Cli", "what to draw"))
    add(
        "--model",
        help=tr("Cli", "model (default step-1x-medium; step-image-edit-2 with --edit)"),
    )
    add("--size", default="1024x1024", help=tr("Cli", "WIDTHxHEIGHT, e.g. 800x1280"))
    add("--steps", type=int, help=tr("Cli", "sampling steps (default: the model's)"))
    add("--cfg", type=float, help=tr("Cli", "CFG scale (default: the model's)"))
    add("--seed", type=int, default=0, help=tr("Cli", "0 = random; N images use S, S+1, …"))
    add("--n", type=int, default=1, help=tr("Cli", "how many pictures"))
    add(
        "--source",
        type=Path,
        metavar="FILE",
        help=tr("Cli", "redraw from this picture (image2image)"),
    )
    add("--source-weight", type=float, default=0.5, help=tr("Cli", "0–1; small stays close"))
    add(
        "--style",
        type=Path,
        metavar="FILE",
        help=tr("Cli", "borrow the colours and style of this picture"),
    )
    add("--style-weight", type=float, default=1.0, help=tr("Cli", "style weight, 0–2"))
    add("--edit", type=Path, metavar="FILE", help=tr("Cli", "edit this picture (Image Edit)"))
    add("--negative-prompt", default="", help=tr("Cli", "what to avoid (Image Edit)"))
    add("--text-mode", action="store_true", help=tr("Cli", "render text well (Image Edit)"))
    add(
        "--format",
        choices=["url", "b64_json"],
        default="b64_json",
        dest="response_format",
        help=tr("Cli", "how the picture travels (a url is downloaded at once)"),
    )
    add(
        "--out",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help=tr("Cli", "folder for the pictures"),
    )
    add("--region", choices=sorted(REGIONS), default="cn", help=tr("Cli", "API host"))
    add("--tier", choices=sorted(TIERS), default=DEFAULT_TIER, help=tr("Cli", "account tier"))
    return parser


def _reference(path: Path, purpose: ReferencePurpose) -> ReferenceImage:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AppError(
            ErrorKind.BAD_IMAGE,
            tr("Cli", "Cannot read {path}: {reason}").format(
                path=path, reason=error.strerror or error
            ),
        ) from None
    prepared = prepare_reference(data, path.name, purpose)
    for change in prepared.changes:
        print(f"{path.name}: {change}", file=sys.stderr)
    return prepared.image


def build_request(args: argparse.Namespace) -> GenerationRequest:
    """The request the arguments describe; model defaults fill what was not given."""
    mode = Mode.TEXT_TO_IMAGE
    source = None
    if args.edit is not None:
        mode, source = Mode.EDIT, _reference(args.edit, ReferencePurpose.EDIT)
    elif args.source is not None:
        mode, source = Mode.REDRAW, _reference(args.source, ReferencePurpose.REDRAW)
    style = _reference(args.style, ReferencePurpose.STYLE) if args.style is not None else None
    model = args.model or (EDIT_MODEL if mode is Mode.EDIT else DEFAULT_MODEL)
    spec = model_table().get(model)
    steps = args.steps
    cfg = args.cfg
    if spec is not None:
        steps_range = spec.steps_for(mode)
        steps = steps if steps is not None else int(steps_range.default or steps_range.maximum)
        cfg = cfg if cfg is not None else (spec.cfg_scale.default or spec.cfg_scale.minimum)
    return GenerationRequest(
        prompt=args.prompt,
        model=model,
        mode=mode,
        size=args.size,
        steps=steps if steps is not None else 50,
        cfg_scale=cfg if cfg is not None else 7.5,
        seed=args.seed,
        n=args.n,
        response_format=ResponseFormat(args.response_format),
        negative_prompt=args.negative_prompt,
        text_mode=args.text_mode,
        source=source,
        source_weight=args.source_weight,
        style=style,
        style_weight=args.style_weight,
    )


def _with_metadata(result: GenerationResult) -> bytes:
    if result.mime != "image/png":
        return result.image_bytes
    texts = {
        JSON_KEYWORD: metadata_json(result, stored_at=time.time()),
        "parameters": a1111_parameters(result.request, result.seed),
    }
    return with_text_chunks(result.image_bytes, texts)


def write_result(result: GenerationResult, out: Path, stem: str, index: int) -> Path:
    """Writes one picture under a name that never overwrites an existing file."""
    extension = "jpg" if result.mime == "image/jpeg" else "png"
    data = _with_metadata(result)
    out.mkdir(parents=True, exist_ok=True)
    attempt = 0
    while True:
        suffix = f"-{attempt}" if attempt else ""
        path = out / f"{stem}-{index + 1:02d}-seed{result.seed}{suffix}.{extension}"
        try:
            with path.open("xb") as file:
                file.write(data)
            return path
        except FileExistsError:
            attempt += 1


def _report(error: AppError, index: int | None = None) -> None:
    prefix = tr("Cli", "Image {number}: ").format(number=index + 1) if index is not None else ""
    print(f"{prefix}{error.message}", file=sys.stderr)
    details = error.details()
    if details:
        print(f"  ({details})", file=sys.stderr)


async def _run(
    requests: Sequence[GenerationRequest], client: StepFunClient, limiter: RateLimiter, out: Path
) -> int:
    stem = time.strftime("%Y%m%d-%H%M%S")

    async def one(index: int, request: GenerationRequest) -> bool:
        async with limiter:
            try:
                result = await client.generate_one(request)
            except AppError as error:
                _report(error, index)
                return False
        try:
            path = write_result(result, out, stem, index)
        except OSError as error:
            print(
                tr("Cli", "Image {number}: cannot write to {out}: {reason}").format(
                    number=index + 1, out=out, reason=error.strerror or error
                ),
                file=sys.stderr,
            )
            return False
        print(f"{path}\tseed={result.seed}", flush=True)
        return True

    try:
        results = await asyncio.gather(*(one(i, r) for i, r in enumerate(requests)))
    finally:
        await client.aclose()
    return 0 if all(results) else EXIT_FAILED


def main(argv: list[str]) -> int:
    """Runs `generate` with `argv` (without the word "generate"); returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        request = build_request(args)
    except AppError as error:
        _report(error)
        return EXIT_USAGE
    problems = validate(request)
    if problems:
        for problem in problems:
            print(f"--{problem.field.replace('_', '-')}: {problem.message}", file=sys.stderr)
        return EXIT_USAGE

    key = os.environ.get("STEPFUN_API_KEY", "").strip()
    standin = None
    if key:
        base_url = resolve_base_url(args.region, None)
    else:
        from stepfun_studio.standin import StandinServer

        standin = StandinServer().start()
        key, base_url = "standin-local-demo", standin.base_url
        print(
            tr(
                "Cli",
                "No STEPFUN_API_KEY is set: using the local stand-in server at {url}. "
                "The pictures are drawn on this computer and nothing is billed.",
            ).format(url=base_url),
            file=sys.stderr,
        )
    tier = TIERS[args.tier]
    try:
        client = StepFunClient(key, base_url)
        limiter = RateLimiter(tier.concurrent, tier.per_minute)
        return asyncio.run(_run(request.fan_out(), client, limiter, args.out))
    except AppError as error:
        _report(error)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(tr("Cli", "Interrupted."), file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if standin is not None:
            standin.stop()
