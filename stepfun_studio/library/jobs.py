"""The job queue's table: one row per single-image request, surviving a restart.

The queue (jobs/) decides what runs; this only remembers. Reference images are stored by hash
like a result's, so a queued redraw still has its source after the user deletes the file they
dragged in. A job that was running when the app died is marked `interrupted`, never resent on
its own: the server may have made, and billed, that picture.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum

from stepfun_studio.core.errors import ErrorKind
from stepfun_studio.core.metadata import ReferenceInfo, parse_request_dict, request_to_dict
from stepfun_studio.core.request import GenerationRequest, ReferenceImage
from stepfun_studio.core.text import tr
from stepfun_studio.library.database import Database
from stepfun_studio.library.files import FileStore, extension_for
from stepfun_studio.library.rows import insert_blob
from stepfun_studio.library.storage_errors import storage_errors


class JobState(StrEnum):
    WAITING = "waiting"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"


FINISHED_STATES = (JobState.DONE, JobState.FAILED, JobState.CANCELLED, JobState.INTERRUPTED)


@dataclass(frozen=True)
class JobRecord:
    id: int
    request: GenerationRequest
    state: JobState
    created_at: float
    started_at: float | None
    finished_at: float | None
    error_kind: ErrorKind | None
    error_message: str | None
    image_id: int | None


def _listed_images(request: GenerationRequest) -> list[ReferenceImage]:
    """The reference list and the mask of `request`."""
    return [*request.references, *([request.mask] if request.mask is not None else [])]


def _images_of(request: GenerationRequest) -> list[ReferenceImage]:
    """Every image `request` sends: source, style, the reference list, the mask."""
    slots = [image for image in (request.source, request.style) if image is not None]
    return slots + _listed_images(request)


class JobStore:
    def __init__(self, database: Database, references: FileStore) -> None:
        self._db = database
        self._references = references

    def _has_blob_row(self, sha: str) -> bool:
        with self._db.read() as connection:
            return (
                connection.execute("SELECT 1 FROM blobs WHERE sha = ?", (sha,)).fetchone()
                is not None
            )

    @contextmanager
    def writing_references(self, images: dict[str, ReferenceImage]) -> Iterator[sqlite3.Connection]:
        """A write transaction that first stores `images` (by sha) as reference blobs: the files,
        then their rows. However the block ends, no file is left without its row
        (`FileStore.pending`). Jobs and batches both keep their pictures this way."""
        entries = [(sha, extension_for(image.mime)) for sha, image in images.items()]
        with (
            storage_errors(self._references.root),
            self._references.pending(entries, self._has_blob_row),
        ):
            for sha, image in images.items():
                self._references.write(sha, extension_for(image.mime), image.data)
            with self._db.write() as connection:
                for image in images.values():
                    insert_blob(connection, ReferenceInfo.of(image), extension_for(image.mime))
                yield connection

    def last_id(self) -> int:
        """The highest job id in the table (0 when empty)."""
        with self._db.read() as connection:
            row = connection.execute("SELECT max(id) FROM jobs").fetchone()
        return int(row[0] or 0)

    def add(self, requests: list[GenerationRequest], ids: list[int] | None = None) -> list[int]:
        """Stores each (single-image) request as a waiting job; returns the ids in order.

        `ids`: the ids to use (the queue hands them out itself, so the GUI need not wait for
        this write); None: the table picks them.
        """
        wanted: list[int | None] = list(ids) if ids is not None else [None] * len(requests)
        if len(wanted) != len(requests):
            raise ValueError("one id per request")
        images: dict[str, ReferenceImage] = {}
        for request in requests:
            for image in _images_of(request):
                images[image.sha256] = image
        now = time.time()
        added: list[int] = []
        with self.writing_references(images) as connection:
            for wanted_id, request in zip(wanted, requests, strict=True):
                cursor = connection.execute(
                    "INSERT INTO jobs (id, request_json, source_sha, style_sha, state, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        wanted_id,
                        json.dumps(request_to_dict(request), ensure_ascii=False),
                        request.source.sha256 if request.source else None,
                        request.style.sha256 if request.style else None,
                        JobState.WAITING.value,
                        now,
                    ),
                )
                job_id = int(cursor.lastrowid or 0)
                added.append(job_id)
                # The reference list and the mask: kept from the trash's clean-up like
                # source and style, which have their own columns.
                connection.executemany(
                    "INSERT OR IGNORE INTO job_references (job_id, sha) VALUES (?, ?)",
                    [(job_id, image.sha256) for image in _listed_images(request)],
                )
        return added

    def set_state(
        self,
        job_id: int,
        state: JobState,
        *,
        error_kind: ErrorKind | None = None,
        error_message: str | None = None,
        image_id: int | None = None,
    ) -> None:
        now = time.time()
        started = now if state is JobState.RUNNING else None
        finished = now if state in FINISHED_STATES else None
        with self._db.write() as connection:
            connection.execute(
                "UPDATE jobs SET state = ?, error_kind = ?, error_message = ?, "
                "image_id = coalesce(?, image_id), "
                # Back to waiting (a retry) starts the clock afresh.
                "started_at = CASE WHEN ? THEN NULL ELSE coalesce(?, started_at) END, "
                "finished_at = ? WHERE id = ?",
                (
                    state.value,
                    error_kind.value if error_kind else None,
                    error_message,
                    image_id,
                    state is JobState.WAITING,
                    started,
                    finished,
                    job_id,
                ),
            )

    def get(self, job_id: int) -> JobRecord | None:
        with self._db.read() as connection:
            row = connection.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return None if row is None else self._record(row, {})

    def list_jobs(
        self, states: Iterable[JobState] | None = None, limit: int = 500
    ) -> list[JobRecord]:
        """The newest `limit` jobs (optionally only those in `states`), listed oldest first."""
        sql = "SELECT * FROM jobs"
        params: list[object] = []
        if states is not None:
            wanted = [JobState(state).value for state in states]
            sql += f" WHERE state IN ({', '.join('?' * len(wanted))})"
            params += wanted
        sql = f"SELECT * FROM ({sql} ORDER BY id DESC LIMIT ?) ORDER BY id"
        params.append(limit)
        with self._db.read() as connection:
            rows = connection.execute(sql, params).fetchall()
        cache: dict[str, ReferenceImage | None] = {}
        return [self._record(row, cache) for row in rows]

    def mark_interrupted(self) -> list[int]:
        """At start-up: jobs left running by a crash become `interrupted`, never resent."""
        message = tr(
            "Jobs",
            "The app closed while this image was being made. It may have been made and billed; "
            "it was not sent again. Send it again yourself if you want it.",
        )
        with self._db.write() as connection:
            rows = connection.execute(
                "SELECT id FROM jobs WHERE state = ?", (JobState.RUNNING.value,)
            ).fetchall()
            ids = [int(row[0]) for row in rows]
            connection.execute(
                "UPDATE jobs SET state = ?, error_message = ?, finished_at = ? WHERE state = ?",
                (JobState.INTERRUPTED.value, message, time.time(), JobState.RUNNING.value),
            )
        return ids

    def remove_finished(self) -> int:
        """Forgets done, failed, cancelled and interrupted jobs; returns how many."""
        states = [state.value for state in FINISHED_STATES]
        with self._db.write() as connection:
            cursor = connection.execute(
                f"DELETE FROM jobs WHERE state IN ({', '.join('?' * len(states))})", states
            )
            return int(cursor.rowcount)

    def _record(self, row: sqlite3.Row, cache: dict[str, ReferenceImage | None]) -> JobRecord:
        meta = parse_request_dict(json.loads(row["request_json"]))

        def resolve(info: ReferenceInfo) -> ReferenceImage | None:
            if info.sha256 not in cache:
                path = self._references.path_for(info.sha256, extension_for(info.mime))
                try:
                    data = path.read_bytes()
                except FileNotFoundError:
                    cache[info.sha256] = None
                else:
                    cache[info.sha256] = ReferenceImage(
                        data, info.mime, info.width, info.height, info.name, info.sha256
                    )
            return cache[info.sha256]

        return JobRecord(
            id=row["id"],
            request=meta.request(resolve),
            state=JobState(row["state"]),
            created_at=row["created_at"],
            started_at=row["started_at"],
            finished_at=row["finished_at"],
            error_kind=ErrorKind(row["error_kind"]) if row["error_kind"] else None,
            error_message=row["error_message"],
            image_id=row["image_id"],
        )
