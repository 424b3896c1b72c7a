"""Where a finished picture goes: the `--out` folder and Studio's library, never nowhere.

The library is the app's own (the folder Settings chose, under `STEPFUN_STUDIO_HOME` when set),
opened before anything is sent so a library that cannot be opened stops the run while nothing
is billed yet, and fed through its normal ingest, so scripted work shows in the gallery. A paid
picture that reaches neither place is written to the temporary folder, and the message says
where.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from stepfun_studio.cli.output import (
    UsageError,
    picture_stem,
    report,
    rescue_picture,
    say,
    storage_error,
    warn,
    write_picture,
)
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.core.text import tr

if TYPE_CHECKING:
    from stepfun_studio.library.library import Library
    from stepfun_studio.library.spool import Spool


def library_paths() -> AppPaths:
    """The app's folders, with the library where Settings ▸ General put it."""
    paths = AppPaths.from_environment()
    from stepfun_studio.settings.store import AppSettings

    settings = AppSettings.open(paths)
    return replace(paths, library_override=settings.values.library_dir(paths))


def open_library() -> Library:
    """The app's library, or UsageError (nothing has been sent yet)."""
    paths: AppPaths | None = None
    try:
        paths = library_paths()
        from stepfun_studio.library.library import Library

        library = Library.open(paths)
    except Exception as exc:  # AppError(STORAGE), a newer schema, a home that is a file, ...
        reason = exc.message if isinstance(exc, AppError) else f"{type(exc).__name__}: {exc}"
        where = str(paths.library_dir) if paths is not None else "?"
        raise UsageError(
            tr(
                "Cli",
                "Studio's library at {where} cannot be opened: {reason} Nothing was sent. "
                "Fix that, or add --no-library to keep the pictures in --out only.",
            ).format(where=where, reason=reason)
        ) from None
    if library.recovery_notice:
        warn(library.recovery_notice)
    return library


class PictureKeeper:
    """Writes each picture to `out` and the library; prints one line per picture on stdout.

    With a library, each picture goes to the library's spool first (as in the window): a
    picture the library then refuses stays there and the app adds it at its next start.
    """

    def __init__(self, out: Path, library: Library | None, stem: str, *, seeded: bool) -> None:
        self.spool: Spool | None = None
        if library is not None:
            from stepfun_studio.library.spool import Spool

            self.spool = Spool.for_library(library.paths)
        self.out = out
        self.library = library
        self.stem = stem
        self.seeded = seeded
        self.in_library = 0
        # The library id of each picture kept there, by its index in the run.
        self.image_ids: dict[int, int] = {}

    def _name(self, result: GenerationResult, index: int) -> str:
        seed = result.seed if self.seeded and result.seed else None
        return picture_stem(self.stem, index, seed)

    async def keep(self, result: GenerationResult, index: int) -> bool:
        """True when the picture reached `out`; whatever happens, it is not thrown away."""
        name = self._name(result, index)
        entry: Path | None = None
        kept_error: OSError | None = None
        if self.spool is not None:
            # Before anything that can fail: the answer is on disk beside the library.
            try:
                entry = await asyncio.to_thread(self.spool.keep, result)
            except OSError as error:
                kept_error = error
        path: Path | None = None
        try:
            path = await asyncio.to_thread(write_picture, result, self.out, name)
        except OSError as error:
            report(storage_error(self.out, error), index)
        stored: Path | None = None
        if self.library is not None:
            stored = await self._ingest(result, index, entry, kept_error)
        if path is None:
            spooled = entry if entry is not None and entry.is_dir() else None
            kept = stored or spooled or await asyncio.to_thread(rescue_picture, result, name)
            if kept is not None:
                warn(
                    tr("Cli", "Image {number}: the picture is kept at {path}.").format(
                        number=index + 1, path=kept
                    )
                )
            return False
        line = str(path)
        if self.seeded and result.seed:
            line += f"\tseed={result.seed}"
        say(line)
        return True

    async def _ingest(
        self, result: GenerationResult, index: int, entry: Path | None, kept_error: OSError | None
    ) -> Path | None:
        library, spool = self.library, self.spool
        assert library is not None and spool is not None
        try:
            image_id = await asyncio.to_thread(
                spool.settle, entry, result, library.ingest_result, kept_error
            )
            self.in_library += 1
            self.image_ids[index] = image_id
            return library.original_path(image_id)
        except AppError as error:
            report(error, index, tr("Cli", "The picture was not added to Studio's library."))
        except Exception as exc:  # a bug in the ingest must not lose the picture
            warn(
                tr("Cli", "Image {number}: not added to Studio's library ({error}).").format(
                    number=index + 1, error=f"{type(exc).__name__}: {exc}"
                )
            )
        return None
