"""`Library`: the user's images, as one object the job queue and the gallery talk to.

Opening is cheap at any size: it connects, migrates if needed, and finishes whatever a crash
interrupted (it reads only the `tmp` folders, never the whole library). A database that will not
open is moved aside, never overwritten, and `recovery_notice` says so.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from stepfun_studio.core.cost import with_cost
from stepfun_studio.core.metadata import (
    A1111_KEYWORD,
    JSON_KEYWORD,
    a1111_parameters,
    metadata_json,
    parse_metadata_json,
)
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, Mode, ResponseFormat
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.core.text import tr
from stepfun_studio.library.base import NewImage
from stepfun_studio.library.captions import Captions
from stepfun_studio.library.database import Database, damage_marker
from stepfun_studio.library.files import sniffed_extension
from stepfun_studio.library.jobs import JobStore
from stepfun_studio.library.organise import Organising
from stepfun_studio.library.pngchunks import is_png, with_text_chunks
from stepfun_studio.library.prompt_library import PromptHistory
from stepfun_studio.library.records import ImageQuery, ImageRecord, ImageSummary
from stepfun_studio.library.rows import (
    SUMMARY_COLUMNS,
    record_from_row,
    references_of,
    summary_from_row,
)
from stepfun_studio.library.rows import tags_of as _tags_of
from stepfun_studio.library.schema import NewerSchemaError, connect, migrate
from stepfun_studio.library.search import (
    FirstPageTuning,
    first_page,
    order_clause,
    text_count_sql,
    where_clause,
)
from stepfun_studio.library.spend import Spending
from stepfun_studio.library.storage_errors import (
    is_corruption,
    storage_error_for,
    storage_errors,
)
from stepfun_studio.library.transfer import Transfers

if TYPE_CHECKING:
    from stepfun_studio.library.batches import BatchStore

_BATCH = 500
_CACHED_QUERIES = 8


def _open_database(path: Path) -> sqlite3.Connection:
    connection = connect(path)
    try:
        # The first real read: a file that is not a database fails here, not later.
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        marker = damage_marker(path)
        if marker.exists():
            # Damage was seen last time: now, and only now, pay for a check of every page.
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise sqlite3.DatabaseError(f"database disk image is malformed: {verdict}")
            marker.unlink()
        migrate(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection


def move_aside(path: Path) -> Path:
    """Renames the database (and its WAL files) to a free `.broken-<time>` name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
        counter += 1
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.rename(target.with_name(target.name + suffix))
    return target


class Library(Organising, Transfers, Spending, PromptHistory, Captions):
    # When a search's first page is read without gathering every match; see search.first_page.
    first_page_tuning = FirstPageTuning()

    def __init__(self, paths: AppPaths, database: Database) -> None:
        super().__init__(paths, database)
        self.recovery_notice: str | None = None
        self.jobs = JobStore(database, self._references)
        self._cache: OrderedDict[ImageQuery, tuple[int, list[int]]] = OrderedDict()
        self._cache_lock = threading.Lock()
        # Counts a first page learnt on its way (search.first_page), valid until the next write.
        self._counts: dict[ImageQuery, tuple[int, int]] = {}

    @cached_property
    def batches(self) -> BatchStore:
        """The batches (issue 14): their module is imported when first used, not on the way to
        the first painted window."""
        from stepfun_studio.library.batches import BatchStore

        return BatchStore(self._db, self._references, self.jobs)

    @classmethod
    def open(cls, paths: AppPaths) -> Library:
        """Opens (or creates) the library under `paths`; AppError(STORAGE) when it cannot."""
        library = cls.unopened(paths)
        library.finish_opening()
        return library

    @classmethod
    def unopened(cls, paths: AppPaths) -> Library:
        """The library under `paths`, not opened yet: `finish_opening()` (on a worker) does it.

        Nothing is read or written here. Until it is open, a query on another thread waits for
        the opening, and fails as it failed.
        """
        return cls(paths, Database(paths.database_path))

    def finish_opening(self) -> None:
        """Opens the database (upgrading its schema, setting a damaged one aside) and finishes
        what a crash interrupted in the file stores; AppError(STORAGE) when it cannot."""
        try:
            self.recovery_notice = self._open_database()
            self._start_journal()
            with storage_errors(self.paths.library_dir):
                self._images.create_folders()
                self._references.create_folders()
                self._thumbnails.create_folders()
                self._images.recover(self._has_image_row)
                self._references.recover(self._has_blob_row)
                self._thumbnails.clean_leftovers()
        except BaseException as exc:
            self._db.open_failed(exc)
            raise
        self._db.opened()

    def _open_database(self) -> str | None:
        """Opens the file as this thread's connection; the words for a damaged one set aside."""
        paths = self.paths
        path = paths.database_path
        with storage_errors(paths.library_dir):
            paths.library_dir.mkdir(parents=True, exist_ok=True)
        notice = None
        try:
            connection = _open_database(path)
        except NewerSchemaError:
            raise
        except sqlite3.DatabaseError as exc:
            if not is_corruption(exc):
                error = storage_error_for(exc, path)
                if error is None:
                    raise
                raise error from exc
            with storage_errors(path):
                aside = move_aside(path)
                damage_marker(path).unlink(missing_ok=True)
                connection = _open_database(path)
            notice = tr(
                "Library",
                "The library database could not be opened ({reason}). It was moved to {aside} "
                "and a new, empty one was started. Your images are still in {images}: quit "
                "Studio and run `stepfun-studio library rebuild` to bring them back.",
            ).format(reason=exc, aside=aside, images=paths.images_dir)
        self._db.opening(connection)
        return notice

    @classmethod
    def rebuild_from_files(
        cls, paths: AppPaths, progress: Callable[[int], None] | None = None
    ) -> Library:
        """A new database built from the stored files' metadata; the old one is moved aside.

        Every generation parameter comes back from the files; ratings, tags, notes and
        collections from the edits journal, replayed last (`last_replay` counts them).
        """
        path = paths.database_path
        aside = None
        if path.exists():
            with storage_errors(path):
                aside = move_aside(path)
        library = cls.open(paths)
        try:
            count = library._rebuild_rows(progress)
        except BaseException:
            library.close()
            raise
        library.recovery_notice = tr(
            "Library", "The library was rebuilt from {count} image files."
        ).format(count=count)
        if aside is not None:
            library.recovery_notice += " " + tr(
                "Library", "The previous database was kept at {aside}."
            ).format(aside=aside)
        return library

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- ingest ---------------------------------------------------------------------------

    def ingest_result(self, result: GenerationResult) -> int:
        """Stores one finished image with its metadata and references; returns its id.

        Blocking disk work: call it from a worker thread, never the GUI thread.
        """
        if result.finish_reason != "success":
            raise ValueError(f"not a picture to keep: finish_reason={result.finish_reason!r}")
        content_sha = hashlib.sha256(result.image_bytes).hexdigest()
        existing = self._stored_id_for_content(content_sha)
        if existing is not None:
            return existing  # the same picture again (a retried ingest): already safe
        stored_at = self._now()
        result = with_cost(result)
        text = metadata_json(result, stored_at)
        data = result.image_bytes
        ext = "png"
        if is_png(data):
            data = with_text_chunks(
                data,
                {
                    JSON_KEYWORD: text,
                    A1111_KEYWORD: a1111_parameters(result.request, result.seed),
                },
            )
        else:
            # Anything but PNG is kept as sent, named for what its bytes are (a GIF labelled
            # image/png is still a .gif), its parameters in the row.
            ext = sniffed_extension(data, result.mime)
        request = result.request
        references = tuple(
            image
            for image in (request.source, request.style, *request.references, request.mask)
            if image is not None
        )
        image_id, _new = self._store(
            NewImage(
                data=data,
                ext=ext,
                origin="generated",
                meta=parse_metadata_json(text),
                width=result.width,
                height=result.height,
                created_at=stored_at,
                references=references,
                content_sha=content_sha,
            )
        )
        return image_id

    # -- one image ------------------------------------------------------------------------

    def get(self, image_id: int) -> ImageRecord | None:
        with self._db.read() as connection:
            row = connection.execute("SELECT * FROM images WHERE id = ?", (image_id,)).fetchone()
            if row is None:
                return None
            references, mask = references_of(connection, image_id)
            return record_from_row(row, _tags_of(connection, image_id), references, mask)

    def _require(self, image_id: int) -> ImageRecord:
        record = self.get(image_id)
        if record is None:
            raise KeyError(f"no image {image_id}")
        return record

    def request_for(self, image_id: int) -> GenerationRequest:
        """The request that made `image_id`, reference slots filled from the store."""
        record = self._require(image_id)
        references = (self._reference_image(sha, name) for sha, name in record.references)
        return GenerationRequest(
            prompt=record.prompt,
            model=record.model,
            provider=record.provider,
            mode=Mode(record.mode),
            size=record.size,
            steps=record.steps,
            cfg_scale=record.cfg_scale,
            seed=record.seed,
            n=record.n,
            response_format=ResponseFormat(record.response_format),
            negative_prompt=record.negative_prompt,
            text_mode=record.text_mode,
            source=self._reference_image(record.source_sha, record.source_name),
            source_weight=record.source_weight,
            style=self._reference_image(record.style_sha, record.style_name),
            style_weight=record.style_weight,
            references=tuple(image for image in references if image is not None),
            mask=self._reference_image(*record.mask) if record.mask else None,
            options=record.options,
        )

    def original_path(self, image_id: int) -> Path:
        record = self._require(image_id)
        return self._images.path_for(record.sha, record.ext)

    def file_path(self, sha: str, ext: str) -> Path:
        """Where the original with this hash and extension is kept (no query)."""
        return self._images.path_for(sha, ext)

    def reference_path(self, sha: str) -> Path | None:
        with self._db.read() as connection:
            row = connection.execute("SELECT ext FROM blobs WHERE sha = ?", (sha,)).fetchone()
        return None if row is None else self._references.path_for(sha, row[0])

    def _file_of(self, image_id: int) -> tuple[str, str]:
        """(sha, ext) of `image_id`'s original: one indexed lookup, not a whole record.

        The gallery's decoder threads ask this for every thumbnail while the GUI thread
        scrolls; building a full record (and its tags) there cost them GIL time it needed.
        """
        with self._db.read() as connection:
            row = connection.execute(
                "SELECT sha, ext FROM images WHERE id = ?", (image_id,)
            ).fetchone()
        if row is None:
            raise KeyError(f"no image {image_id}")
        return str(row[0]), str(row[1])

    def thumbnail_path(self, image_id: int, size: int = 256) -> Path:
        """The thumbnail file, rebuilt first if it is missing."""
        sha, _ext = self._file_of(image_id)
        path = self._thumbnails.path_for(sha, 512 if size > 256 else 256)
        if not path.exists():
            self.ensure_thumbnail(image_id)
        return path

    def ensure_thumbnail(self, image_id: int) -> bool:
        """Makes the thumbnails of `image_id` if missing; False if the original is unreadable."""
        sha, ext = self._file_of(image_id)
        if all(self._thumbnails.path_for(sha, s).exists() for s in (256, 512)):
            return True
        try:
            data = self._images.read(sha, ext)
        except OSError:
            return False
        return self._make_thumbnail(sha, data)

    # -- browsing -------------------------------------------------------------------------

    def _matching_ids(self, query: ImageQuery) -> list[int] | None:
        """Every id of a selective query, in order, cached until the next write.

        Text, tag and collection filters come from index lists that must be gathered and
        sorted whole anyway; keeping that list makes `count()` and every later page free. The
        unfiltered views are paged straight from an index instead (None here), because their
        whole list would be the whole library.
        """
        if not (query.text.strip() or query.tag or query.collection_id is not None):
            return None
        generation = self._db.generation
        cached = self._cached_matching_ids(query)
        if cached is not None:
            return cached
        where, params = where_clause(query)
        sql = f"SELECT images.id FROM images WHERE {where} ORDER BY {order_clause(query)}"
        with self._db.read() as connection:
            ids = [int(row[0]) for row in connection.execute(sql, params).fetchall()]
        self._remember(query, generation, ids)
        return ids

    def _remember(self, query: ImageQuery, generation: int, ids: list[int]) -> None:
        """Keeps every id of `query` as read at `generation` (stale after the next write)."""
        with self._cache_lock:
            self._cache[query] = (generation, ids)
            while len(self._cache) > _CACHED_QUERIES:
                self._cache.popitem(last=False)

    def clear_query_cache(self) -> None:
        """Forgets cached search results (they are also dropped after every write)."""
        with self._cache_lock:
            self._cache.clear()
            self._counts.clear()

    def _cached_matching_ids(self, query: ImageQuery) -> list[int] | None:
        """The cached list of `query`, if it is still current (no write since)."""
        with self._cache_lock:
            cached = self._cache.get(query)
            if cached is None or cached[0] != self._db.generation:
                return None
            self._cache.move_to_end(query)
            return cached[1]

    def query_ids(self, query: ImageQuery, offset: int = 0, limit: int = 200) -> list[int]:
        if offset == 0 and self._cached_matching_ids(query) is None:
            generation = self._db.generation

            def counted(count: int) -> None:
                with self._cache_lock:
                    self._counts[query] = (generation, count)
                    while len(self._counts) > _CACHED_QUERIES:
                        self._counts.pop(next(iter(self._counts)))

            with self._db.read() as connection:
                page = first_page(connection, query, limit, self.first_page_tuning, counted)
            if page is not None:
                ids, complete = page
                if complete:
                    self._remember(query, generation, ids)
                return ids[:limit]
        matching = self._matching_ids(query)
        if matching is not None:
            return matching[offset : offset + limit]
        where, params = where_clause(query)
        sql = (
            f"SELECT images.id FROM images WHERE {where} ORDER BY {order_clause(query)} "
            "LIMIT ? OFFSET ?"
        )
        with self._db.read() as connection:
            rows = connection.execute(sql, [*params, limit, offset]).fetchall()
        return [int(row[0]) for row in rows]

    def count(self, query: ImageQuery) -> int:
        """How many images match `query`, without gathering their list (the gallery's "N images").

        A COUNT, never the list: a text-only search counts in the search indexes alone (about
        1-10 ms at 100,000 pictures however broad); other filters count through `images`.
        """
        cached = self._cached_matching_ids(query)
        if cached is not None:
            return len(cached)
        with self._cache_lock:
            known = self._counts.get(query)
        if known is not None and known[0] == self._db.generation:
            return known[1]
        counted = text_count_sql(query)
        if counted is None:
            where, params = where_clause(query)
            counted = (f"SELECT count(*) FROM images WHERE {where}", params)
        with self._db.read() as connection:
            return int(connection.execute(*counted).fetchone()[0])

    def summaries(self, ids: Iterable[int]) -> dict[int, ImageSummary]:
        wanted = list(ids)
        found: dict[int, ImageSummary] = {}
        with self._db.read() as connection:
            for start in range(0, len(wanted), _BATCH):
                chunk = wanted[start : start + _BATCH]
                marks = ", ".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT {SUMMARY_COLUMNS} FROM images WHERE id IN ({marks})", chunk
                ).fetchall()
                for row in rows:
                    found[int(row["id"])] = summary_from_row(row)
        return found
