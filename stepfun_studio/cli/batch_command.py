"""`stepfun-studio batch DIR "prompt {filename}" …`: one job per picture of a folder, no GUI.

Every flag of `generate` that says where and what is sent works here too (`--provider`,
`--model`, `--base-url`, `--size`, `--seed`, `--source-weight`, …), read by `generate`'s own
parser and checked against the model the same way; the pictures come from the folder, so the
picture flags (`--source`, `--edit`, `--reference`, `--style`) and `--n` are refused. Before
anything is sent: every picture read and checked, every request validated, and the count, the
estimated cost and the time within the tier's limits printed (`--dry-run` stops there); a plan
over `--budget` is refused. The batch and each picture's state are kept in the library, so
`--resume ID` carries on after an interruption, and a picture that may have been billed is sent
again only with `--resend`. The pictures land in a collection named after the batch.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from stepfun_studio.api.batch_pictures import list_pictures, read_pictures
from stepfun_studio.api.limits import TIERS, RateLimiter
from stepfun_studio.cli.building import build_request as build_cli_request
from stepfun_studio.cli.building import choose_model, refuse_unsupported
from stepfun_studio.cli.connection import ImageClient, open_client, resolve_connection
from stepfun_studio.cli.generate import STOPPING_KINDS
from stepfun_studio.cli.keeping import open_library
from stepfun_studio.cli.output import EXIT_FAILED, EXIT_OK, UsageError, report, say, warn
from stepfun_studio.cli.parsing import CliParser, field_flag, generate_parser
from stepfun_studio.core.batch import (
    BatchMode,
    BudgetGuard,
    batch_modes,
    budget_problem,
    estimate,
    may_be_billed,
    picture_prompt,
    plan_text,
    request_for,
)
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.model_table import ModelSpec, ModelTable, model_table
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.core.text import tr
from stepfun_studio.core.validation import validate
from stepfun_studio.library.batches import (
    CHARGED_STATES,
    Batch,
    BatchItem,
    BatchSettings,
    BatchState,
    ItemState,
    NewItem,
)

if TYPE_CHECKING:
    from stepfun_studio.library.library import Library

# Flags of `generate` a batch sets itself, from its pictures.
_PICTURE_DESTS = (("source", "--source"), ("edit", "--edit"), ("reference", "--reference"),
                  ("style", "--style"), ("style_weight", "--style-weight"))  # fmt: skip


def batch_parser() -> CliParser:
    parser = CliParser(
        prog="stepfun-studio batch",
        description=tr("Cli", "One redraw, edit or reference job per picture of a folder."),
        epilog=tr(
            "Cli",
            "Every flag of `stepfun-studio generate` that says where and what is sent works "
            "here too: --provider, --model, --base-url, --region, --tier, --size, --seed, "
            "--steps, --cfg, --source-weight, --quality, ….",
        ),
        allow_abbrev=False,
    )
    add = parser.add_argument
    add("folder", nargs="?", type=Path, help=tr("Cli", "a folder of pictures, or one picture"))
    add("prompt", nargs="?", help=tr("Cli", "the prompt; {filename} becomes each file's name"))
    add(
        "--mode", choices=[mode.value for mode in BatchMode], help=tr("Cli", "what each picture is")
    )
    add("--sidecar", action="store_true", help=tr("Cli", "prompts from NAME.txt beside a picture"))
    add("--budget", type=float, metavar="AMOUNT", help=tr("Cli", "stop before passing this cost"))
    add("--name", help=tr("Cli", "the batch's name (and its collection's)"))
    add(
        "--dry-run", action="store_true", help=tr("Cli", "print count, cost and time; send nothing")
    )
    add("--resume", type=int, metavar="ID", help=tr("Cli", "carry on with an earlier batch"))
    add(
        "--resend",
        action="store_true",
        help=tr("Cli", "with --resume: also send again pictures that may have been billed"),
    )
    return parser


def _parse(argv: Sequence[str]) -> tuple[argparse.Namespace, argparse.Namespace]:
    """(batch flags, generate's flags): generate's parser takes what it knows, ours the rest."""
    if any(word in ("-h", "--help") for word in argv):
        batch_parser().parse_args(["--help"])
    general = generate_parser()
    general.allow_abbrev = False  # "--mode" must not pass for "--model"
    given, rest = general.parse_known_args(["-", *argv])
    args = batch_parser().parse_args(rest)
    refused = [flag for dest, flag in _PICTURE_DESTS if given.__dict__.get(dest) not in (None, [])]
    refused += ["--n"] if given.n != 1 else []
    refused += ["--no-library"] if given.no_library else []
    if refused:
        raise UsageError(
            tr(
                "Cli",
                "batch takes its pictures from the folder, one picture each, into the library: "
                "{flags} cannot be used here.",
            ).format(flags=", ".join(refused))
        )
    return args, given


def _probe(given: argparse.Namespace, mode: BatchMode, sample: Path) -> argparse.Namespace:
    """generate's flags as if `sample` were given in `mode`: for choosing and checking."""
    probe = argparse.Namespace(**vars(given))
    probe.source = sample if mode is BatchMode.REDRAW else None
    probe.edit = sample if mode is BatchMode.EDIT else None
    probe.reference = [sample] if mode is BatchMode.REFERENCE else []
    return probe


def _choose(
    args: argparse.Namespace, given: argparse.Namespace, sample: Path
) -> tuple[ModelTable, ModelSpec, BatchMode]:
    """The model (as `generate` chooses it for one such picture) and the batch mode."""
    wanted = [BatchMode(args.mode)] if args.mode else list(BatchMode)
    refusal: UsageError | None = None
    for mode in wanted:
        try:
            table, spec = choose_model(_probe(given, mode, sample), model_table())
        except UsageError as error:
            refusal = refusal or error
            continue
        modes = batch_modes(spec)
        chosen = mode if mode in modes else (None if args.mode else next(iter(modes), None))
        if chosen is None:
            takes = ", ".join(m.value for m in modes) or tr("Cli", "no pictures at all")
            raise UsageError(
                tr("Cli", "--mode: {model} takes {modes}.").format(model=spec.name, modes=takes)
            )
        refuse_unsupported(_probe(given, chosen, sample), spec, table)
        return table, spec, chosen
    assert refusal is not None
    raise refusal


def _template(given: argparse.Namespace, spec: ModelSpec) -> GenerationRequest:
    """The request every picture starts from: generate's flags, no picture of its own."""
    plain = argparse.Namespace(**vars(given))
    plain.prompt, plain.source, plain.edit, plain.reference = "", None, None, []
    return build_cli_request(plain, spec)


def _limits(tier: str) -> tuple[int, int]:
    return TIERS[tier].concurrent, TIERS[tier].per_minute


def _new_batch(args: argparse.Namespace, given: argparse.Namespace) -> int:
    if args.folder is None:
        raise UsageError(tr("Cli", "Name a folder of pictures (or --resume ID)."))
    if not args.prompt and not args.sidecar:
        raise UsageError(tr("Cli", "Give a prompt, or --sidecar for a .txt beside each picture."))
    if not args.folder.exists():
        raise UsageError(tr("Cli", "{path} does not exist.").format(path=args.folder))
    paths = list_pictures([args.folder])
    if not paths:
        raise UsageError(tr("Cli", "No pictures in {path}.").format(path=args.folder))
    table, spec, mode = _choose(args, given, paths[0])
    template = _template(given, spec)
    pictures, refused = read_pictures(paths, mode, sidecars=args.sidecar)
    if refused:
        raise UsageError(*(r.reason for r in refused), tr("Cli", "Nothing was sent."))
    items, problems = [], []
    for picture in pictures:
        for change in picture.changes:
            warn(f"{picture.path.name}: {change}")
        prompt = picture_prompt(args.prompt or "", picture.stem, picture.sidecar)
        request = request_for(template, spec, mode, picture.image, prompt)
        problems += [
            f"{picture.path.name}: {field_flag(p.field)}: {p.message}"
            for p in validate(request, table)
        ]
        items.append(NewItem(picture.image, picture.path.name, prompt))
    if problems:
        raise UsageError(*problems, tr("Cli", "Nothing was sent."))
    concurrency, per_minute = _limits(given.tier)
    plan = estimate(
        template, len(items), concurrency=concurrency, per_minute=per_minute, table=table
    )
    say(f"{spec.name} · {mode.value} · " + plan_text(plan))
    problem = budget_problem(plan, args.budget)
    if problem:
        raise UsageError(problem, tr("Cli", "Nothing was sent."))
    if args.dry_run:
        for item in items:
            say(f"{item.name}\t{item.prompt}")
        return EXIT_OK
    settings = BatchSettings(template, mode, args.prompt or "", args.sidecar, args.budget)
    name = args.name or f"{args.folder.resolve().name or 'batch'} {time.strftime('%Y-%m-%d %H:%M')}"
    library = open_library()
    try:
        collection = library.create_collection(name)
        batch_id = library.batches.create(name, settings, items, collection)
        say(tr("Cli", "batch {id}: {name}").format(id=batch_id, name=name))
        batch = library.batches.get(batch_id)
        assert batch is not None
        return _send(batch, given, library, resend=False)
    finally:
        library.close()


def _resume(args: argparse.Namespace, given: argparse.Namespace) -> int:
    library = open_library()
    try:
        batch = library.batches.reconcile(args.resume)
        if batch is None:
            raise UsageError(tr("Cli", "There is no batch {id}.").format(id=args.resume))
        if args.budget is not None:
            settings = BatchSettings(
                batch.settings.template, batch.settings.mode, batch.settings.prompt,
                batch.settings.use_sidecars, args.budget,
            )  # fmt: skip
            batch = Batch(batch.id, batch.name, settings, batch.state, batch.collection_id,
                          batch.created_at, batch.items)  # fmt: skip
        uncertain = batch.count(ItemState.MAYBE_BILLED)
        if uncertain and not args.resend:
            warn(
                tr(
                    "Cli",
                    "{count} pictures may have been billed already and are not sent again; "
                    "add --resend to send them too.",
                ).format(count=uncertain)
            )
        return _send(batch, given, library, resend=args.resend)
    finally:
        library.close()


def _send(batch: Batch, given: argparse.Namespace, library: Library, *, resend: bool) -> int:
    template = batch.settings.template
    # The batch's model, on a server of the user's own too (its fields from --server-fields).
    named = argparse.Namespace(
        provider=template.provider, model=template.model, server_fields=given.server_fields
    )
    table, spec = choose_model(named, model_table())
    wanted = {ItemState.PENDING} | (
        {ItemState.MAYBE_BILLED, ItemState.FAILED, ItemState.CANCELLED} if resend else set()
    )
    todo = [item for item in batch.items if item.state in wanted]
    if not todo:
        say(tr("Cli", "Nothing left to send in batch {id}.").format(id=batch.id))
        return EXIT_OK
    plan = estimate(template, 1, concurrency=1, per_minute=1, table=table)
    guard = BudgetGuard(batch.settings.budget, plan.price_each)
    for item in batch.items:
        # What may have been billed counts, also when it is sent again (then twice).
        if item.state in CHARGED_STATES:
            guard.charge(item.cost)
    connection = resolve_connection(given, table.provider_of(spec))
    try:
        client = open_client(connection, table)
        sender = BatchSender(batch, library, client=client, guard=guard, given=given, spec=spec)
        library.batches.set_state(batch.id, BatchState.RUNNING)
        status = asyncio.run(sender.run(todo))
        state = BatchState.OVER_BUDGET if sender.over_budget else BatchState.DONE
        library.batches.set_state(batch.id, state)
        return status
    finally:
        connection.close()


class BatchSender:
    """Sends a batch's items within the tier's limits and the budget; keeps each picture."""

    def __init__(
        self,
        batch: Batch,
        library: Library,
        *,
        client: ImageClient,
        guard: BudgetGuard,
        given: argparse.Namespace,
        spec: ModelSpec,
    ) -> None:
        self.batch = batch
        self.spec = spec
        self.library = library
        self.client = client
        self.guard = guard
        self.timeout = float(given.timeout)
        self.limiter = RateLimiter(*_limits(given.tier))
        self.stopped = False
        self.over_budget = False
        self.skipped = 0

    async def _mark(self, item: BatchItem, state: ItemState, **changes: object) -> None:
        store = self.library.batches
        await asyncio.to_thread(
            lambda: store.set_item(item.batch_id, item.position, state, **changes)  # type: ignore[arg-type]
        )

    async def _one(self, item: BatchItem) -> bool:
        settings = self.batch.settings
        picture = await asyncio.to_thread(self.library.batches.picture, item)
        request = request_for(settings.template, self.spec, settings.mode, picture, item.prompt)
        async with self.limiter:
            if self.stopped or not self.guard.allows_next():
                self.over_budget = self.over_budget or not self.stopped
                self.skipped += 1
                return False
            self.guard.charge()
            # Marked before the request leaves: if the run dies meanwhile, the item is known
            # to be uncertain, never sent again behind the user's back.
            await self._mark(item, ItemState.SUBMITTING)
            try:
                result = await asyncio.wait_for(self.client.generate_one(request), self.timeout)
            except AppError as error:
                billed = may_be_billed(error)
                if not billed:
                    self.guard.refund()
                self.stopped = self.stopped or error.kind in STOPPING_KINDS
                state = ItemState.MAYBE_BILLED if billed else ItemState.FAILED
                await self._mark(item, state, error=error.message)
                report(error, item.position)
                return False
            except TimeoutError:
                message = tr(
                    "Cli", "No picture within {seconds:g} s; it may still be made and billed."
                ).format(seconds=self.timeout)
                await self._mark(item, ItemState.MAYBE_BILLED, error=message)
                warn(f"{item.name}: {message}")
                return False
        return await self._keep(item, result)

    async def _keep(self, item: BatchItem, result: object) -> bool:
        library = self.library

        def store() -> tuple[int, float | None, Path]:
            image_id = library.ingest_result(result)  # type: ignore[arg-type]
            if self.batch.collection_id is not None:
                library.add_to_collection([image_id], self.batch.collection_id)
            record = library.get(image_id)
            return image_id, (record.cost if record else None), library.original_path(image_id)

        try:
            image_id, cost, path = await asyncio.to_thread(store)
        except AppError as error:
            await self._mark(item, ItemState.MAYBE_BILLED, error=error.message)
            report(error, item.position, tr("Cli", "The picture was not added to the library."))
            return False
        self.guard.settle(cost)
        await self._mark(item, ItemState.DONE, image_id=image_id, cost=cost)
        say(f"{path}\t{item.name}")
        return True

    async def run(self, items: list[BatchItem]) -> int:
        try:
            done = await asyncio.gather(*(self._one(item) for item in items))
        finally:
            await self.client.aclose()
        if self.over_budget:
            warn(
                tr(
                    "Cli",
                    "Stopped at the budget: {count} pictures were not sent. --resume {id} "
                    "--budget AMOUNT carries on.",
                ).format(count=self.skipped, id=self.batch.id)
            )
        elif self.skipped:
            warn(
                tr("Cli", "{count} more pictures were not sent after that error.").format(
                    count=self.skipped
                )
            )
        return EXIT_OK if all(done) else EXIT_FAILED


def run(argv: Sequence[str]) -> int:
    """`batch` with its flags (without the word "batch"); returns the exit status."""
    args, given = _parse(argv)
    if not given.timeout > 0:
        raise UsageError(tr("Cli", "--timeout: give a number of seconds above 0."))
    if args.resume is not None:
        return _resume(args, given)
    if args.resend:
        raise UsageError(tr("Cli", "--resend goes with --resume ID."))
    return _new_batch(args, given)
