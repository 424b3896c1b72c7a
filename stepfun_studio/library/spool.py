"""`Spool`: every paid picture on disk before anything that can fail, until the library has it.

A picture is billed when the server answers. Between that answer and the committed database row
lie many ways to fail: a full disk, a locked or read-only database, a seed SQLite cannot hold, a
bug. So the worker (and the CLI) first writes the answer's bytes and the request that made them
into a spool entry beside the library (`<library>/spool/<entry>/`, each file fsynced, the entry
renamed into place whole), then ingests, and only a successful ingest removes the entry. A failed
ingest leaves it and says where; the next start ingests what the spool holds.

When the library's disk is full the entry goes to a folder in the system's temporary directory
instead (one per library), which the recovery reads too: a full disk must not lose the picture
whose arrival filled it. Ingest deduplicates by content, so an entry ingested twice (a crash
between the commit and the removal) is still one picture.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.metadata import ReferenceInfo, parse_request_dict, request_to_dict
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, ReferenceImage
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.core.text import tr
from stepfun_studio.library.durable import fsync_dir, write_synced
from stepfun_studio.library.files import extension_for, sniffed_extension

log = logging.getLogger(__name__)

FORMAT = 1
ANSWER_FILE = "answer.json"
PART_PREFIX = ".part-"
# A half-written entry older than this belongs to no live process (a writer takes milliseconds).
STALE_PART_S = 3600.0

Ingest = Callable[[GenerationResult], int]


@dataclass
class Recovery:
    """What one pass over the spool did: ids of the pictures added, entries that still fail."""

    image_ids: list[int] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def recovered(self) -> int:
        return len(self.image_ids)

    def message(self) -> str:
        """Words for the user, or "" when there was nothing to tell."""
        parts = []
        if self.image_ids:
            parts.append(
                tr(
                    "Spool",
                    "{count} picture(s) kept from the last session were added to the library.",
                ).format(count=len(self.image_ids))
            )
        if self.failed:
            parts.append(
                tr(
                    "Spool",
                    "{count} kept picture(s) could not be added yet ({reason}); they stay in "
                    "{folder} and are tried again at the next start.",
                ).format(
                    count=len(self.failed),
                    reason=self.failed[0][1],
                    folder=self.failed[0][0].parent,
                )
            )
        return " ".join(parts)


def _images_of(request: GenerationRequest) -> list[ReferenceImage]:
    slots = (request.source, request.style, *request.references, request.mask)
    return [image for image in slots if image is not None]


def _answer_document(result: GenerationResult, picture: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "request": request_to_dict(result.request),
        "picture": picture,
        "result": {
            # JSON integers are exact at any size: a seed past 2^63 survives the spool.
            "seed": result.seed,
            "finish_reason": result.finish_reason,
            "width": result.width,
            "height": result.height,
            "mime": result.mime,
            "trace_id": result.trace_id,
            "elapsed_s": result.elapsed_s,
            "created": result.created,
            "cost": result.cost,
            "currency": result.currency,
            "usage": [list(pair) for pair in result.usage],
        },
    }


def read_entry(entry: Path) -> GenerationResult:
    """The result kept in `entry`; ValueError/OSError when it cannot be read back."""
    document = json.loads((entry / ANSWER_FILE).read_text(encoding="utf-8"))
    if document.get("format") != FORMAT:
        raise ValueError(f"unknown spool format {document.get('format')!r}")

    def resolve(info: ReferenceInfo) -> ReferenceImage | None:
        path = entry / f"{info.sha256}.{extension_for(info.mime)}"
        if not path.is_file():
            return None
        return ReferenceImage(
            path.read_bytes(), info.mime, info.width, info.height, info.name, info.sha256
        )

    request = parse_request_dict(document["request"]).request(resolve)
    facts = document["result"]
    return GenerationResult(
        request=request,
        image_bytes=(entry / str(document["picture"])).read_bytes(),
        seed=int(facts["seed"]),
        finish_reason=str(facts["finish_reason"]),
        width=int(facts["width"]),
        height=int(facts["height"]),
        mime=str(facts["mime"]),
        trace_id=facts.get("trace_id"),
        elapsed_s=float(facts.get("elapsed_s") or 0.0),
        created=facts.get("created"),
        cost=facts.get("cost"),
        currency=facts.get("currency"),
        usage=tuple((str(name), int(value)) for name, value in facts.get("usage") or ()),
    )


class Spool:
    """Writes, lists, recovers and removes spool entries; safe to use from several threads."""

    def __init__(self, folder: Path, fallback: Path | None = None) -> None:
        self.folder = folder
        self.fallback = fallback
        # Entries of this session carry this token: recovery leaves them to the ingest that is
        # still working on them. Twelve random hex digits, as uuid4's first twelve (the uuid
        # module, which imports platform, cost start-up time for this alone).
        self._token = os.urandom(6).hex()
        self._counter = 0
        self._lock = threading.Lock()

    @classmethod
    def for_library(cls, paths: AppPaths) -> Spool:
        """The spool of the library at `paths` (no disk is touched here)."""
        library = paths.library_dir
        digest = hashlib.sha256(str(library.resolve()).encode("utf-8", "surrogatepass"))
        fallback = Path(tempfile.gettempdir()) / f"stepfun-studio-spool-{digest.hexdigest()[:16]}"
        return cls(library / "spool", fallback)

    def folders(self) -> list[Path]:
        return [self.folder] + ([self.fallback] if self.fallback is not None else [])

    # -- keeping ----------------------------------------------------------------------------

    def keep(self, result: GenerationResult) -> Path:
        """Writes `result` durably as one entry and returns it; OSError when no folder would."""
        with self._lock:
            self._counter += 1
            name = f"{time.strftime('%Y%m%d-%H%M%S')}-{self._token}-{self._counter:04d}"
        failure: OSError | None = None
        for folder in self.folders():
            try:
                return self._write_entry(folder, name, result)
            except OSError as error:
                log.error("spool entry %s not written in %s: %s", name, folder, error)
                failure = failure or error
        assert failure is not None
        raise failure

    def _write_entry(self, folder: Path, name: str, result: GenerationResult) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        part = folder / f"{PART_PREFIX}{name}"
        final = folder / name
        try:
            part.mkdir()
            picture = f"picture.{sniffed_extension(result.image_bytes, result.mime)}"
            # The picture first: it is what was paid for, and the largest write.
            write_synced(part / picture, result.image_bytes)
            for image in _images_of(result.request):
                target = part / f"{image.sha256}.{extension_for(image.mime)}"
                if not target.exists():
                    write_synced(target, image.data)
            document = _answer_document(result, picture)
            text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
            write_synced(part / ANSWER_FILE, text.encode("utf-8", "surrogatepass"))
            fsync_dir(part)
            os.rename(part, final)
            fsync_dir(folder)
        except OSError:
            shutil.rmtree(part, ignore_errors=True)
            raise
        return final

    def discard(self, entry: Path) -> None:
        """Removes an entry the library now holds; a failure only means a harmless re-ingest."""
        try:
            shutil.rmtree(entry)
        except FileNotFoundError:
            pass
        except OSError as error:
            log.warning("spool entry %s not removed (%s); it is a duplicate now", entry, error)

    # -- the ingest road ----------------------------------------------------------------------

    def store(self, result: GenerationResult, ingest: Ingest) -> int:
        """Keeps `result` in the spool, ingests it, removes the entry; returns the image id.

        A failed ingest raises an AppError that says where the picture is kept (or that it
        could not be kept anywhere), and leaves the entry for the next start.
        """
        entry: Path | None
        kept_error: OSError | None = None
        try:
            entry = self.keep(result)
        except OSError as error:
            entry, kept_error = None, error
        return self.settle(entry, result, ingest, kept_error)

    def settle(
        self,
        entry: Path | None,
        result: GenerationResult,
        ingest: Ingest,
        kept_error: OSError | None = None,
    ) -> int:
        """Ingests an already kept `result` (entry None: it could not be kept)."""
        try:
            image_id = ingest(result)
        except Exception as error:
            raise self._failure(error, entry, kept_error) from error
        if entry is not None:
            self.discard(entry)
        return image_id

    def _failure(
        self, error: Exception, entry: Path | None, kept_error: OSError | None
    ) -> AppError:
        if isinstance(error, AppError):
            kind, reason = error.kind, error.message
        else:
            # A bug (or an OverflowError SQLite raised): the log gets the traceback.
            log.error("ingest failed", exc_info=error)
            kind = ErrorKind.INTERNAL
            reason = tr(
                "Spool",
                "Studio could not add the picture to the library ({error}); this is a bug in "
                "Studio, the details are in the log.",
            ).format(error=type(error).__name__)
        if entry is not None:
            note = tr(
                "Spool",
                "The picture is kept in {folder} and will be added at the next start.",
            ).format(folder=entry)
        else:
            note = tr(
                "Spool",
                "The picture could not be kept either ({reason}): it is lost. Free some disk "
                "space before the next picture.",
            ).format(reason=kept_error.strerror if kept_error is not None else "?")
        return AppError(kind, f"{reason} {note}", status=getattr(error, "status", None))

    # -- the next start -----------------------------------------------------------------------

    def entries(self) -> list[Path]:
        """Entries of earlier sessions (or other processes), oldest first."""
        found: list[Path] = []
        for folder in self.folders():
            try:
                children = list(folder.iterdir())
            except (FileNotFoundError, NotADirectoryError):
                continue
            for child in children:
                if child.name.startswith("."):
                    self._remove_stale_part(child)
                elif self._token not in child.name and child.is_dir():
                    found.append(child)
        return sorted(found, key=lambda path: path.name)

    def _remove_stale_part(self, part: Path) -> None:
        try:
            if part.name.startswith(PART_PREFIX) and (
                time.time() - part.stat().st_mtime > STALE_PART_S
            ):
                shutil.rmtree(part, ignore_errors=True)
        except OSError:
            pass

    def recover(self, ingest: Ingest) -> Recovery:
        """Ingests every entry of earlier sessions; what fails stays for the next start.

        Blocking disk work: call it off the GUI thread.
        """
        outcome = Recovery()
        for entry in self.entries():
            try:
                result = read_entry(entry)
                image_id = ingest(result)
            except AppError as error:
                outcome.failed.append((entry, error.message))
                continue
            except Exception as error:  # an unreadable entry or a bug: kept, logged, told
                log.error("spool entry %s not recovered", entry, exc_info=error)
                outcome.failed.append((entry, f"{type(error).__name__}: {error}"))
                continue
            log.info("spool entry %s recovered as image %d", entry.name, image_id)
            outcome.image_ids.append(image_id)
            self.discard(entry)
        return outcome
