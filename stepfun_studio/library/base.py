"""The parts of the library every feature needs: database, file stores, thumbnails, storing.

`Library` (library.py) is assembled from this base and the feature mixins (organise.py,
transfer.py), so each file keeps to one job while callers see one object.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass

from stepfun_studio.core.metadata import ImageMetadata, ReferenceInfo
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import ReferenceImage
from stepfun_studio.library.database import Database
from stepfun_studio.library.files import FileStore, extension_for
from stepfun_studio.library.records import Origin
from stepfun_studio.library.rows import (
    existing_image_id,
    image_id_for_sha,
    insert_blob,
    insert_image,
)
from stepfun_studio.library.storage_errors import storage_errors
from stepfun_studio.library.thumbnails import ThumbnailCache

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewImage:
    """An image ready to store: final bytes, their metadata, and the references' bytes."""

    data: bytes
    ext: str
    origin: Origin
    meta: ImageMetadata
    width: int
    height: int
    created_at: float
    references: tuple[ReferenceImage, ...] = ()
    # sha256 of the bytes before our metadata went in (the API's PNG); None = same as stored.
    content_sha: str | None = None


class LibraryBase:
    def __init__(self, paths: AppPaths, database: Database) -> None:
        self.paths = paths
        self._db = database
        self._images = FileStore(paths.images_dir, paths.library_dir / "tmp" / "images")
        self._references = FileStore(
            paths.library_dir / "references", paths.library_dir / "tmp" / "references"
        )
        self._thumbnails = ThumbnailCache(paths.thumbnails_dir)

    # -- rows that make a file legitimate ------------------------------------------------

    def _has_image_row(self, sha: str) -> bool:
        with self._db.read() as connection:
            return image_id_for_sha(connection, sha) is not None

    def _has_blob_row(self, sha: str) -> bool:
        with self._db.read() as connection:
            row = connection.execute("SELECT 1 FROM blobs WHERE sha = ?", (sha,)).fetchone()
            return row is not None

    # -- storing ------------------------------------------------------------------------

    def _store_references(self, references: tuple[ReferenceImage, ...]) -> list[ReferenceInfo]:
        """Writes reference bytes by hash (inside the caller's `pending()` block)."""
        infos = []
        for image in references:
            sha = hashlib.sha256(image.data).hexdigest()
            self._references.write(sha, extension_for(image.mime), image.data)
            infos.append(ReferenceInfo(sha, image.mime, image.width, image.height, image.name))
        return infos

    def _reference_entries(self, references: tuple[ReferenceImage, ...]) -> list[tuple[str, str]]:
        return [
            (hashlib.sha256(image.data).hexdigest(), extension_for(image.mime))
            for image in references
        ]

    def _store(self, image: NewImage) -> tuple[int, bool]:
        """Stores `image` whole or not at all; returns (id, True if it was new).

        Order matters for crash safety: files first (durable, under markers), then one
        transaction for the rows, then the thumbnail (a cache, rebuilt if lost).
        """
        sha = hashlib.sha256(image.data).hexdigest()
        content_sha = image.content_sha or sha
        with self._db.read() as connection:
            existing = existing_image_id(connection, sha, content_sha)
        if existing is not None:
            return existing, False
        references = self._reference_entries(image.references)
        with (
            storage_errors(self.paths.library_dir),
            self._references.pending(references, self._has_blob_row),
            self._images.pending([(sha, image.ext)], self._has_image_row),
        ):
            infos = self._store_references(image.references)
            self._images.write(sha, image.ext, image.data)
            with self._db.write() as connection:
                # Again under the write lock: another thread may have stored it meanwhile.
                existing = existing_image_id(connection, sha, content_sha)
                if existing is not None:
                    return existing, False
                for info in infos:
                    insert_blob(connection, info, extension_for(info.mime))
                image_id = insert_image(
                    connection,
                    sha=sha,
                    ext=image.ext,
                    origin=image.origin,
                    meta=image.meta,
                    created_at=image.created_at,
                    width=image.width,
                    height=image.height,
                    content_sha=content_sha,
                )
        self._make_thumbnail(sha, image.data)
        return image_id, True

    def _make_thumbnail(self, sha: str, data: bytes) -> bool:
        try:
            self._thumbnails.make(sha, data)
        except (OSError, ValueError) as exc:
            # The image itself is safe; the gallery asks again via ensure_thumbnail().
            log.warning("thumbnail for %s failed: %s", sha[:12], exc)
            return False
        return True

    # -- references ---------------------------------------------------------------------

    def _reference_image(self, sha: str | None, name: str) -> ReferenceImage | None:
        """A stored reference's bytes as a ReferenceImage; None when there is none."""
        if sha is None:
            return None
        with self._db.read() as connection:
            row = connection.execute(
                "SELECT ext, mime, width, height FROM blobs WHERE sha = ?", (sha,)
            ).fetchone()
        if row is None:
            return None
        path = self._references.path_for(sha, row["ext"])
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            # Check Library reports it; the rest of the parameters are still worth having.
            log.warning("reference file missing: %s", path)
            return None
        return ReferenceImage(
            data=data,
            mime=row["mime"],
            width=row["width"],
            height=row["height"],
            name=name,
            sha256=sha,
        )

    def _stored_id_for_content(self, content_sha: str) -> int | None:
        with self._db.read() as connection:
            return existing_image_id(connection, content_sha, content_sha)

    def _now(self) -> float:
        return time.time()
