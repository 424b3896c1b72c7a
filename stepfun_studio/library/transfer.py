"""Files in and out: import, export and Check Library (rebuilding is in rebuild.py).

Imported files are stored byte for byte (so importing the same file twice, or an export of ours,
finds the image already there). Export copies the stored file, so the metadata goes with it.
"""

from __future__ import annotations

import io
import logging
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from stepfun_studio.core.errors import AppError
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.core.text import tr
from stepfun_studio.library.base import NewImage
from stepfun_studio.library.import_checks import (
    ImportRefused,
    check_decodes,
    check_parameters,
    read_import_file,
    refuse_large_text,
)
from stepfun_studio.library.reading import (
    IMPORT_SUFFIXES,
    metadata_of,
    picture_facts,
    plain_metadata,
)
from stepfun_studio.library.rebuild import Rebuilding
from stepfun_studio.library.records import CheckReport, ImportFailure, ImportReport
from stepfun_studio.library.storage_errors import storage_errors

log = logging.getLogger(__name__)


def _expand(paths: Iterable[Path]) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for inner in sorted(path.rglob("*")):
                if inner.is_file() and inner.suffix.lower() in IMPORT_SUFFIXES:
                    yield inner
        else:
            yield path


class Transfers(Rebuilding):
    def import_files(self, paths: Iterable[Path]) -> ImportReport:
        """Imports pictures and folders of pictures; one bad file never stops the rest.

        Every file is read, scanned and decoded whole before any transaction is opened
        (import_checks.py), so a hostile file is refused without holding the write lock.
        """
        imported: list[int] = []
        duplicates: list[int] = []
        failures: list[ImportFailure] = []
        with_parameters = 0
        for path in _expand(paths):
            try:
                image_id, new, has_parameters = self._import_one(path)
            except ImportRefused as refused:
                failures.append(ImportFailure(path, refused.reason))
                continue
            except AppError as exc:
                failures.append(ImportFailure(path, exc.message))
                continue
            except Exception as exc:  # a surprise in one file must not cost the rest
                log.exception("import of %s failed", path)
                failures.append(
                    ImportFailure(
                        path,
                        tr(
                            "Library",
                            "could not be imported ({error}); the log file has the details",
                        ).format(error=type(exc).__name__),
                    )
                )
                continue
            if new:
                imported.append(image_id)
                with_parameters += has_parameters
            else:
                duplicates.append(image_id)
        return ImportReport(tuple(imported), tuple(duplicates), tuple(failures), with_parameters)

    def _import_one(self, path: Path) -> tuple[int, bool, bool]:
        """(id, True if new, True if it carried parameters); ImportRefused when refused."""
        # Here, not at the top: the way to the first painted window has no use for Pillow.
        from PIL import Image

        data = read_import_file(path)
        refuse_large_text(data)
        check_decodes(data)
        try:
            facts = picture_facts(data)
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
            raise ImportRefused(tr("Library", "not a PNG, JPEG or WebP picture")) from exc
        check_parameters(facts.meta)
        meta = facts.meta or plain_metadata(facts.width, facts.height)
        created_at = (meta.stored_at if facts.ours else None) or self._now()
        image_id, new = self._store(
            NewImage(
                data=data,
                ext=facts.ext,
                origin="generated" if facts.ours and meta.finish_reason else "imported",
                meta=meta,
                width=facts.width,
                height=facts.height,
                created_at=created_at,
            )
        )
        return image_id, new, facts.meta is not None

    def export(self, ids: Iterable[int], folder: Path) -> list[Path]:
        """Copies the originals (metadata included) into `folder`; never overwrites a file."""
        written: list[Path] = []
        with storage_errors(folder):
            folder.mkdir(parents=True, exist_ok=True)
            for image_id in ids:
                with self._db.read() as connection:
                    row = connection.execute(
                        "SELECT sha, ext FROM images WHERE id = ?", (image_id,)
                    ).fetchone()
                if row is None:
                    continue
                target = folder / f"stepfun-{image_id}-{row['sha'][:8]}.{row['ext']}"
                counter = 1
                while target.exists():
                    target = folder / f"stepfun-{image_id}-{row['sha'][:8]}-{counter}.{row['ext']}"
                    counter += 1
                shutil.copyfile(self._images.path_for(row["sha"], row["ext"]), target)
                written.append(target)
        return written

    def check(self) -> CheckReport:
        """Rows whose file is gone and files with no row; reports only, deletes nothing."""
        with self._db.read() as connection:
            images = connection.execute("SELECT id, sha, ext FROM images ORDER BY id").fetchall()
            blobs = connection.execute("SELECT sha, ext FROM blobs ORDER BY sha").fetchall()
        missing = tuple(
            int(row["id"])
            for row in images
            if not self._images.path_for(row["sha"], row["ext"]).exists()
        )
        missing_refs = tuple(
            str(row["sha"])
            for row in blobs
            if not self._references.path_for(row["sha"], row["ext"]).exists()
        )
        known_images = {str(row["sha"]) for row in images}
        known_blobs = {str(row["sha"]) for row in blobs}
        strays = [path for sha, _e, path in self._images.all_files() if sha not in known_images]
        strays += [path for sha, _e, path in self._references.all_files() if sha not in known_blobs]
        return CheckReport(missing, missing_refs, tuple(strays))

    def read_parameters(self, source: Path | bytes) -> GenerationRequest | None:
        """Like `read_png_parameters`, with reference slots filled when the store has them."""
        from PIL import Image

        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        try:
            with Image.open(io.BytesIO(data)) as image:
                meta, _ours = metadata_of(data, image)
        except (OSError, ValueError, Image.DecompressionBombError):
            return None
        if meta is None:
            return None
        return meta.request(lambda info: self._reference_image(info.sha256, info.name))
