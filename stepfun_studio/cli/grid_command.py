"""`stepfun-studio grid "prompt" --x cfg=3,7.5 --y seed=1,2 …`: an X/Y grid from the command line.

Every combination of the two axes is one picture (exactly those, nothing more is sent), made
with `generate`'s flags and rules: everything is checked, `--out` proved writable and the
library opened before the first request. Each picture is kept as `generate` keeps it; then one
labelled picture of the whole grid is written beside them and added to the library, and all of
them are put in a collection named after the grid.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from stepfun_studio.cli.building import Plan, build_plan
from stepfun_studio.cli.connection import open_client, resolve_connection
from stepfun_studio.cli.generate import Sender
from stepfun_studio.cli.keeping import PictureKeeper, open_library
from stepfun_studio.cli.output import (
    EXIT_FAILED,
    UsageError,
    check_out_folder,
    picture_bytes,
    warn,
)
from stepfun_studio.cli.parsing import generate_parser
from stepfun_studio.core.cost import format_sums
from stepfun_studio.core.request import MAX_SEED
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.core.text import tr
from stepfun_studio.core.xy_grid import GridError, GridPlan, parse_axis, plan_grid
from stepfun_studio.library.xy_sheet import file_grid, grid_picture, sheet_result

if TYPE_CHECKING:
    from stepfun_studio.library.library import Library


class _RecordingKeeper(PictureKeeper):
    """Keeps each picture as `generate` does, and remembers it for the labelled sheet."""

    def __init__(self, out: Path, library: Library | None, stem: str, *, seeded: bool) -> None:
        super().__init__(out, library, stem, seeded=seeded)
        self.results: dict[int, GenerationResult] = {}

    async def keep(self, result: GenerationResult, index: int) -> bool:
        self.results[index] = result
        return await super().keep(result, index)


def _parse(argv: Sequence[str]) -> tuple[argparse.Namespace, Plan, GridPlan]:
    parser = generate_parser()
    parser.prog = "stepfun-studio grid"
    parser.description = tr(
        "Cli", "Make an X/Y grid: one picture for every combination of two axes."
    )
    axes = parser.add_argument_group(tr("Cli", "the grid"))
    axes.add_argument(
        "--x",
        required=True,
        metavar="AXIS=V1,V2",
        help=tr("Cli", "columns: seed, steps, cfg, weight, model or prompt (search/replace)"),
    )
    axes.add_argument("--y", metavar="AXIS=V1,V2", help=tr("Cli", "rows (optional)"))
    args = parser.parse_args(list(argv))
    if args.n != 1:
        raise UsageError(tr("Cli", "--n: a grid makes one picture per cell; leave --n out."))
    if not args.timeout > 0:
        raise UsageError(tr("Cli", "--timeout: give a number of seconds above 0."))
    plan = build_plan(args)
    try:
        x = parse_axis(args.x)
        y = parse_axis(args.y) if args.y else None
        grid = plan_grid(plan.request, x, y, plan.table, shared_seed=random.randint(1, MAX_SEED))
    except GridError as error:
        raise UsageError(str(error)) from None
    return args, plan, grid


def _keep_sheet(
    grid: GridPlan, plan: Plan, keeper: _RecordingKeeper, out: Path, stem: str
) -> int | None:
    """Draws, writes and stores the labelled grid; returns its library id (None: not stored)."""
    pictures = {index: picture_bytes(result) for index, result in keeper.results.items()}
    sheet = sheet_result(grid, grid_picture(grid, pictures), plan.table)
    sheet_keeper = PictureKeeper(out, keeper.library, f"{stem}-grid", seeded=False)
    if not asyncio.run(sheet_keeper.keep(sheet, 0)):
        warn(tr("Cli", "The grid picture could not be written to --out."))
    return sheet_keeper.image_ids.get(0)


def run(argv: Sequence[str]) -> int:
    """`grid` with its flags (without the word "grid"); returns the exit status."""
    args, plan, grid = _parse(argv)
    cost = grid.cost(plan.table)
    warn(
        tr("Cli", "{count} pictures ({columns} × {rows}), estimated {cost}.").format(
            count=len(grid.cells),
            columns=grid.columns,
            rows=grid.rows,
            cost=format_sums(cost) if cost else tr("Cli", "price unknown"),
        )
    )
    check_out_folder(args.out)
    library = None if args.no_library else open_library()
    stem = time.strftime("%Y%m%d-%H%M%S")
    try:
        connection = resolve_connection(args, plan.provider)
        try:
            client = open_client(connection, plan.table)
            keeper = _RecordingKeeper(args.out, library, stem, seeded=plan.spec.seed is not None)
            cells = replace(plan, requests=tuple(cell.request for cell in grid.cells))
            sender = Sender(cells, client, keeper, tier=args.tier, timeout=args.timeout)
            status = asyncio.run(sender.run())
        finally:
            connection.close()
        if not keeper.results:
            return EXIT_FAILED
        sheet_id = _keep_sheet(grid, plan, keeper, args.out, stem)
        if library is not None and (keeper.image_ids or sheet_id is not None):
            ids = [keeper.image_ids[i] for i in sorted(keeper.image_ids)]
            name = file_grid(library, grid, ids, sheet_id, stem)
            warn(tr("Cli", "The grid's pictures are in the collection “{name}”.").format(name=name))
        return status
    finally:
        if library is not None:
            library.close()
