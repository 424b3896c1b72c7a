"""The prompt assistant from a shell: `describe PICTURE`, `polish "prompt"`, `library caption`.

Each uses a provider's chat models (StepFun's by default, OpenAI's with `--provider openai`),
with the key and server found as `generate` finds them; without a key the local stand-in
answers. The answer's text goes to stdout, what it cost to stderr. A chat call is billed by its
tokens, so nothing is retried; every input is checked before the call is sent.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Coroutine, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stepfun_studio.api.assistant_client import AssistantClient, open_assistant_client
from stepfun_studio.api.image_files import read_image_file
from stepfun_studio.api.reference_image import ReferencePurpose, prepare_reference
from stepfun_studio.cli.connection import Connection, resolve_connection
from stepfun_studio.cli.output import EXIT_FAILED, EXIT_OK, UsageError, report, say, warn
from stepfun_studio.cli.parsing import CliParser
from stepfun_studio.core.assistant import POLISH_STYLES, AssistantAnswer
from stepfun_studio.core.cost import format_money
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ProviderSpec, model_table
from stepfun_studio.core.text import tr

if TYPE_CHECKING:
    from stepfun_studio.library.library import Library

DEFAULT_PROVIDER = "stepfun"
DEFAULT_LIMIT = 1000
# After one of these every other picture of a caption run would fail the same way.
STOPPING_KINDS = frozenset({ErrorKind.AUTH, ErrorKind.BALANCE, ErrorKind.CONFIG})


def _assistant_providers() -> list[str]:
    return [p.id for p in model_table().providers if p.assistant is not None]


def _parser(prog: str, description: str) -> CliParser:
    parser = CliParser(prog=f"stepfun-studio {prog}", description=description)
    parser.add_argument(
        "--provider",
        choices=_assistant_providers(),
        default=DEFAULT_PROVIDER,
        help=tr("Cli", "whose chat models to use (default: stepfun)"),
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help=tr("Cli", "another server address: https://, or http:// to this computer only"),
    )
    parser.add_argument("--region", help=tr("Cli", "the provider's region"))
    return parser


def _provider(args: argparse.Namespace) -> ProviderSpec:
    provider = model_table().provider(args.provider)
    assert provider is not None  # argparse allowed only the table's ids
    return provider


def _client(connection: Connection) -> AssistantClient:
    return open_assistant_client(
        connection.provider.id,
        api_key=connection.api_key,
        base_url=connection.base_url,
        demo=connection.demo,
    )


def _spent(answer: AssistantAnswer) -> None:
    cost = (
        "≈" + format_money(answer.cost, answer.currency)
        if answer.cost is not None and answer.currency
        else tr("Cli", "cost unknown")
    )
    warn(
        tr("Cli", "({model}: {tokens_in} + {tokens_out} tokens, {cost})").format(
            model=answer.model,
            tokens_in=answer.input_tokens,
            tokens_out=answer.output_tokens,
            cost=cost,
        )
    )


async def _ask(
    client: AssistantClient, call: Coroutine[Any, Any, AssistantAnswer]
) -> AssistantAnswer:
    try:
        return await call
    finally:
        await client.aclose()


def _record(provider: str, task: str, answer: AssistantAnswer) -> None:
    """The call's cost into the library, for the Spend view; a library that cannot be opened
    costs the user nothing here (the answer is already printed)."""
    from stepfun_studio.cli.keeping import open_library

    try:
        library = open_library()
    except UsageError:
        return
    try:
        library.record_assistant_call(provider, task, answer)
    finally:
        library.close()


def describe(argv: Sequence[str]) -> int:
    """`describe PICTURE [--lang zh|en|both]`: a prompt that would make a picture like it."""
    parser = _parser("describe", tr("Cli", "Write a prompt for a picture like this one."))
    parser.add_argument("picture", type=Path, help=tr("Cli", "the picture"))
    parser.add_argument(
        "--lang",
        choices=("zh", "en", "both"),
        default="both",
        help=tr("Cli", "the prompt's language (default: both)"),
    )
    args = parser.parse_args(list(argv))
    try:
        # Read and prepared before anything is sent: a file that is no picture costs nothing.
        data = read_image_file(args.picture)
        data = prepare_reference(data, args.picture.name, ReferencePurpose.VISION).image.data
    except AppError as error:
        raise UsageError(error.message) from None
    connection = resolve_connection(args, _provider(args))
    try:
        client = _client(connection)
        answer = asyncio.run(_ask(client, client.describe(data, args.picture.name, args.lang)))
    finally:
        connection.close()
    say(answer.text)
    _spent(answer)
    _record(connection.provider.id, "describe", answer)
    return EXIT_OK


def polish(argv: Sequence[str]) -> int:
    """`polish "prompt" [--style S | --translate]`: a richer prompt, or the prompt translated."""
    parser = _parser("polish", tr("Cli", "Make a prompt richer in a style, or translate it."))
    parser.add_argument("prompt", help=tr("Cli", "the prompt"))
    parser.add_argument(
        "--style",
        choices=[style.key for style in POLISH_STYLES],
        default="photo",
        help=tr("Cli", "the style to write it in (default: photo)"),
    )
    parser.add_argument(
        "--translate",
        action="store_true",
        help=tr("Cli", "translate between Chinese and English instead"),
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=tr("Cli", "at most this many characters (default 1000)"),
    )
    args = parser.parse_args(list(argv))
    prompt = args.prompt.strip()
    if not prompt:
        raise UsageError(tr("Cli", "Give a prompt to polish."))
    if not 10 <= args.limit <= 32000:
        raise UsageError(tr("Cli", "--limit: from 10 to 32000 characters."))
    connection = resolve_connection(args, _provider(args))
    try:
        client = _client(connection)
        call = (
            client.translate(prompt, args.limit)
            if args.translate
            else client.polish(prompt, args.style, args.limit)
        )
        answer = asyncio.run(_ask(client, call))
    finally:
        connection.close()
    say(answer.text)
    _spent(answer)
    _record(connection.provider.id, "translate" if args.translate else "polish", answer)
    return EXIT_OK


def caption_library(argv: Sequence[str]) -> int:
    """`library caption [--limit N]`: captions the pictures that have none, imported ones first;
    stopping (Ctrl+C) keeps every caption made, and the next run goes on from there."""
    from stepfun_studio.cli.keeping import open_library

    parser = _parser("library caption", tr("Cli", "Caption pictures for search."))
    parser.add_argument(
        "--limit", type=int, default=100, metavar="N", help=tr("Cli", "at most N pictures")
    )
    args = parser.parse_args(list(argv))
    if args.limit < 1:
        raise UsageError(tr("Cli", "--limit: at least 1."))
    library = open_library()
    try:
        ids = library.uncaptioned_ids(args.limit)
        if not ids:
            say(tr("Cli", "Every picture already has a caption."))
            return EXIT_OK
        connection = resolve_connection(args, _provider(args))
        try:
            done, failed = asyncio.run(_caption_all(library, connection, ids))
        finally:
            connection.close()
    finally:
        library.close()
    warn(tr("Cli", "{done} captioned, {failed} failed.").format(done=done, failed=failed))
    return EXIT_OK if not failed else EXIT_FAILED


async def _caption_all(library: Library, connection: Connection, ids: list[int]) -> tuple[int, int]:
    client = _client(connection)
    done = failed = 0
    try:
        for image_id in ids:
            try:
                path = library.original_path(image_id)
                data = await asyncio.to_thread(read_image_file, path)
                answer = await client.caption(data, path.name)
            except AppError as error:
                failed += 1
                report(
                    error, None, tr("Cli", "Picture {id} was not captioned.").format(id=image_id)
                )
                if error.kind in STOPPING_KINDS:
                    break  # every other picture would fail the same way
                continue
            await asyncio.to_thread(library.set_caption, image_id, answer.text)
            await asyncio.to_thread(
                library.record_assistant_call, connection.provider.id, "caption", answer
            )
            done += 1
            say(f"{image_id}\t{answer.text.splitlines()[0]}")
    finally:
        await client.aclose()
    return done, failed


def run(command: str, argv: Sequence[str]) -> int:
    if command == "describe":
        return describe(argv)
    return polish(argv)
