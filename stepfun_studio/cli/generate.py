"""`stepfun-studio generate "prompt" …`: pictures from the command line, no GUI.

The order matters because pictures are billed: the flags are checked against the model, the
input files read and checked, the `--out` folder proved writable and the library opened, and
only then is anything sent. Each finished picture is written to `--out` (parameters embedded)
and added to the library, and one line per picture names the file and the seed.

Exit status: 0 all pictures kept, 1 any failed, 2 nothing sent (bad flags, files, folder).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

from stepfun_studio.api.limits import TIERS, RateLimiter
from stepfun_studio.cli.building import Plan, build_plan, retirement_note
from stepfun_studio.cli.connection import ImageClient, open_client, resolve_connection
from stepfun_studio.cli.keeping import PictureKeeper, open_library
from stepfun_studio.cli.output import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    check_out_folder,
    report,
    warn,
)
from stepfun_studio.cli.parsing import parse_generate
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.text import tr

# After one of these, the other pictures would fail the same way (and some may be billed):
# the ones not yet sent are not sent.
STOPPING_KINDS = frozenset(
    {
        ErrorKind.AUTH,
        ErrorKind.BALANCE,
        ErrorKind.NOT_FOUND,
        ErrorKind.BAD_REQUEST,
        ErrorKind.MODERATION,
        ErrorKind.CONFIG,
    }
)


class Sender:
    """Sends a plan's requests within the tier's limits and hands each picture to the keeper."""

    def __init__(
        self, plan: Plan, client: ImageClient, keeper: PictureKeeper, *, tier: str, timeout: float
    ) -> None:
        self.plan = plan
        self.client = client
        self.keeper = keeper
        self.timeout = timeout
        limits = TIERS[tier]
        self.limiter = RateLimiter(limits.concurrent, limits.per_minute)
        # A retired model most likely fails: one request tells, so they go one at a time.
        retired = plan.spec.lifecycle.status == "retired"
        self.gate = asyncio.Semaphore(1 if retired else len(plan.requests))
        self.stopped = False
        self.skipped = 0

    def _note(self, error: AppError) -> str | None:
        if error.status is None:
            return None  # no server said "no"
        date = self.plan.spec.lifecycle.date
        told = date is not None and date in error.message  # the API's words tell it already
        return retirement_note(self.plan.spec, self.plan.table, only_way_out=told)

    async def _one(self, index: int) -> bool:
        request = self.plan.requests[index]
        async with self.gate, self.limiter:
            if self.stopped:
                self.skipped += 1
                return False
            try:
                result = await asyncio.wait_for(self.client.generate_one(request), self.timeout)
            except AppError as error:
                self.stopped = self.stopped or error.kind in STOPPING_KINDS
                report(error, index, self._note(error))
                return False
            except TimeoutError:
                report(_timed_out(self.timeout), index)
                return False
            except RecursionError:
                self.stopped = True
                report(_nested_too_deep(), index)
                return False
            except Exception as exc:  # a bug here must not take the other pictures with it
                self.stopped = True
                report(_internal(exc), index)
                return False
        return await self.keeper.keep(result, index)

    async def run(self) -> int:
        try:
            done = await asyncio.gather(*(self._one(i) for i in range(len(self.plan.requests))))
        finally:
            await self.client.aclose()
        if self.skipped:
            warn(
                tr("Cli", "{count} more pictures were not sent after that error.").format(
                    count=self.skipped
                )
            )
        return EXIT_OK if all(done) else EXIT_FAILED


def _timed_out(seconds: float) -> AppError:
    return AppError(
        ErrorKind.TIMEOUT,
        tr(
            "Cli",
            "No picture within {seconds:g} s; the request was given up. The server may still "
            "finish it and bill it. Use --timeout to wait longer.",
        ).format(seconds=seconds),
    )


def _nested_too_deep() -> AppError:
    return AppError(
        ErrorKind.BAD_RESPONSE,
        tr("Cli", "The server's answer is nested too deeply to read; the picture may be billed."),
    )


def _internal(exc: BaseException) -> AppError:
    return AppError(
        ErrorKind.BAD_RESPONSE,
        tr(
            "Cli",
            "Studio failed on its side ({error}); this is a bug, please report it. The picture "
            "may have been billed.",
        ).format(error=type(exc).__name__),
    )


def run(argv: Sequence[str]) -> int:
    """`generate` with its flags (without the word "generate"); returns the exit status."""
    args = parse_generate(argv)
    if not args.timeout > 0:
        raise UsageError(tr("Cli", "--timeout: give a number of seconds above 0."))
    plan = build_plan(args)
    check_out_folder(args.out)
    library = None if args.no_library else open_library()
    try:
        connection = resolve_connection(args, plan.provider)
        try:
            # A retired model is still sent (a StepFun-compatible server may serve it); its
            # retirement is told with the error when the server refuses it.
            client = open_client(connection, plan.table)
            keeper = PictureKeeper(
                args.out,
                library,
                time.strftime("%Y%m%d-%H%M%S"),
                seeded=plan.spec.seed is not None,
            )
            sender = Sender(plan, client, keeper, tier=args.tier, timeout=args.timeout)
            status = asyncio.run(sender.run())
            if library is not None and keeper.in_library:
                warn(
                    tr("Cli", "{count} added to Studio's library ({where}).").format(
                        count=keeper.in_library, where=library.paths.library_dir
                    )
                )
            return status
        finally:
            connection.close()
    finally:
        if library is not None:
            library.close()
