"""The batch table: a batch's settings and each picture's state, surviving a restart.

A batch is pictures (kept by hash in the references store, like a queued job's source, so a
batch resumes after the files it came from are moved) and one state per picture. The rule that
matters is billing: an item is marked `submitting` before its job is handed to the queue, and
keeps its job id after; an item that may have reached the server without its answer arriving is
`maybe_billed`, and only the user sends it again.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from stepfun_studio.core.metadata import parse_request_dict, request_to_dict
from stepfun_studio.core.request import GenerationRequest, ReferenceImage
from stepfun_studio.core.text import tr
from stepfun_studio.library.database import Database
from stepfun_studio.library.files import FileStore
from stepfun_studio.library.jobs import JobState, JobStore
from stepfun_studio.library.storage_errors import storage_errors

if TYPE_CHECKING:
    # The batch arithmetic: imported where a batch is read, not with the library at start-up.
    from stepfun_studio.core.batch import BatchMode


class BatchState(StrEnum):
    READY = "ready"  # planned, nothing sent yet
    RUNNING = "running"
    PAUSED = "paused"
    DONE = "done"  # nothing left to send (some items may have failed)
    CANCELLED = "cancelled"
    OVER_BUDGET = "over_budget"  # stopped before a job would have passed the cap


class ItemState(StrEnum):
    PENDING = "pending"  # never handed to the queue
    SUBMITTING = "submitting"  # being handed to the queue; unknown after a crash
    QUEUED = "queued"  # a job in the queue (job_id)
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    MAYBE_BILLED = "maybe_billed"  # sent, no answer: only the user sends it again


# Items whose request may have reached the server: their price counts against the budget.
CHARGED_STATES = frozenset(
    {ItemState.SUBMITTING, ItemState.QUEUED, ItemState.DONE, ItemState.MAYBE_BILLED}
)


@dataclass(frozen=True)
class BatchSettings:
    """What the user chose: the request every item starts from, the mode, the prompt, the cap."""

    template: GenerationRequest  # holds no pictures; each item adds its own
    mode: BatchMode
    prompt: str
    use_sidecars: bool = False
    budget: float | None = None

    def to_json(self) -> str:
        return json.dumps(
            {
                "template": request_to_dict(self.template),
                "mode": self.mode.value,
                "prompt": self.prompt,
                "use_sidecars": self.use_sidecars,
                "budget": self.budget,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> BatchSettings:
        from stepfun_studio.core.batch import BatchMode

        raw = json.loads(text)
        return cls(
            template=parse_request_dict(raw["template"]).request(),
            mode=BatchMode(raw["mode"]),
            prompt=str(raw["prompt"]),
            use_sidecars=bool(raw.get("use_sidecars", False)),
            budget=None if raw.get("budget") is None else float(raw["budget"]),
        )


@dataclass(frozen=True)
class NewItem:
    """A picture for a new batch, its name and its prompt (template filled, or sidecar)."""

    picture: ReferenceImage
    name: str
    prompt: str


@dataclass(frozen=True)
class BatchItem:
    batch_id: int
    position: int
    name: str
    picture_sha: str
    prompt: str
    state: ItemState
    job_id: int | None
    image_id: int | None
    cost: float | None
    error: str


@dataclass(frozen=True)
class Batch:
    id: int
    name: str
    settings: BatchSettings
    state: BatchState
    collection_id: int | None
    created_at: float
    items: tuple[BatchItem, ...]

    def count(self, *states: ItemState) -> int:
        return sum(1 for item in self.items if item.state in states)


def _item(row: sqlite3.Row) -> BatchItem:
    return BatchItem(
        batch_id=int(row["batch_id"]),
        position=int(row["position"]),
        name=str(row["name"]),
        picture_sha=str(row["picture_sha"]),
        prompt=str(row["prompt"]),
        state=ItemState(row["state"]),
        job_id=row["job_id"],
        image_id=row["image_id"],
        cost=row["cost"],
        error=str(row["error"]),
    )


def interrupted_message() -> str:
    return tr(
        "Batch",
        "Sent before Studio stopped, with no answer since: it may have been made and billed. "
        "It is sent again only if you ask.",
    )


class BatchStore:
    """Batches and their items in the library database. Blocking: call off the GUI thread."""

    def __init__(self, database: Database, references: FileStore, jobs: JobStore) -> None:
        self._db = database
        self._references = references
        self._jobs = jobs

    def create(
        self, name: str, settings: BatchSettings, items: Iterable[NewItem], collection_id: int
    ) -> int:
        """Stores a new batch (state ready) with its pictures; returns its id."""
        listed = list(items)
        images = {item.picture.sha256: item.picture for item in listed}
        with self._jobs.writing_references(images) as connection:
            cursor = connection.execute(
                "INSERT INTO batches (name, settings_json, state, collection_id, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (name, settings.to_json(), BatchState.READY.value, collection_id, time.time()),
            )
            batch_id = int(cursor.lastrowid or 0)
            connection.executemany(
                "INSERT INTO batch_items (batch_id, position, name, picture_sha, prompt, "
                "state) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (batch_id, position, item.name, item.picture.sha256, item.prompt, "pending")
                    for position, item in enumerate(listed)
                ],
            )
        return batch_id

    def get(self, batch_id: int) -> Batch | None:
        with self._db.read() as connection:
            row = connection.execute("SELECT * FROM batches WHERE id = ?", (batch_id,)).fetchone()
            if row is None:
                return None
            items = connection.execute(
                "SELECT * FROM batch_items WHERE batch_id = ? ORDER BY position", (batch_id,)
            ).fetchall()
        return Batch(
            id=int(row["id"]),
            name=str(row["name"]),
            settings=BatchSettings.from_json(row["settings_json"]),
            state=BatchState(row["state"]),
            collection_id=row["collection_id"],
            created_at=float(row["created_at"]),
            items=tuple(_item(item) for item in items),
        )

    def list_batches(self, limit: int = 50) -> list[tuple[int, str, BatchState]]:
        """(id, name, state) of the newest batches, newest first."""
        with self._db.read() as connection:
            rows = connection.execute(
                "SELECT id, name, state FROM batches ORDER BY id DESC LIMIT ?", (limit,)
            ).fetchall()
        return [(int(r[0]), str(r[1]), BatchState(r[2])) for r in rows]

    def set_state(self, batch_id: int, state: BatchState) -> None:
        with self._db.write() as connection:
            connection.execute("UPDATE batches SET state = ? WHERE id = ?", (state.value, batch_id))

    def set_settings(self, batch_id: int, settings: BatchSettings) -> None:
        """Another budget (the user raised it to carry on): the rest is as planned."""
        with self._db.write() as connection:
            connection.execute(
                "UPDATE batches SET settings_json = ? WHERE id = ?", (settings.to_json(), batch_id)
            )

    def set_item(
        self,
        batch_id: int,
        position: int,
        state: ItemState,
        *,
        job_id: int | None = None,
        image_id: int | None = None,
        cost: float | None = None,
        error: str = "",
    ) -> None:
        with self._db.write() as connection:
            connection.execute(
                "UPDATE batch_items SET state = ?, job_id = coalesce(?, job_id), "
                "image_id = coalesce(?, image_id), cost = coalesce(?, cost), error = ? "
                "WHERE batch_id = ? AND position = ?",
                (state.value, job_id, image_id, cost, error, batch_id, position),
            )

    def picture(self, item: BatchItem) -> ReferenceImage:
        """The item's picture bytes, from the references store."""
        with self._db.read() as connection:
            row = connection.execute(
                "SELECT ext, mime, width, height FROM blobs WHERE sha = ?", (item.picture_sha,)
            ).fetchone()
        if row is None:
            raise FileNotFoundError(item.picture_sha)
        with storage_errors(self._references.root):
            data = self._references.read(item.picture_sha, row["ext"])
        return ReferenceImage(
            data, row["mime"], row["width"], row["height"], item.name, item.picture_sha
        )

    def _unlinked_job(self, batch: Batch, item: BatchItem) -> int | None:
        """A job made from the item's picture since the batch began that no item names."""
        with self._db.read() as connection:
            row = connection.execute(
                "SELECT jobs.id FROM jobs WHERE jobs.created_at >= ? AND "
                "(jobs.source_sha = ? OR EXISTS (SELECT 1 FROM job_references "
                "WHERE job_references.job_id = jobs.id AND job_references.sha = ?)) AND "
                "NOT EXISTS (SELECT 1 FROM batch_items WHERE batch_items.job_id = jobs.id) "
                "ORDER BY jobs.id LIMIT 1",
                (batch.created_at, item.picture_sha, item.picture_sha),
            ).fetchone()
        return None if row is None else int(row[0])

    def reconcile(self, batch_id: int, live_jobs: frozenset[int] = frozenset()) -> Batch | None:
        """After a restart (or on opening): each item handed to the queue takes its job's
        outcome. `live_jobs` are jobs this session's queue still runs or will send.

        An item being handed over when the app stopped, or whose job was running then (or is
        gone), may have been billed: it becomes `maybe_billed`, never pending again by itself.
        """
        batch = self.get(batch_id)
        if batch is None:
            return None
        for item in batch.items:
            if item.state is ItemState.SUBMITTING:
                job_id = self._unlinked_job(batch, item)
                if job_id is None:
                    self.set_item(
                        batch_id, item.position, ItemState.MAYBE_BILLED, error=interrupted_message()
                    )
                    continue
                # The queue took it, but the app stopped before the item heard its job id.
                self.set_item(batch_id, item.position, ItemState.QUEUED, job_id=job_id)
                item = replace(item, state=ItemState.QUEUED, job_id=job_id)  # noqa: PLW2901
            if item.state is not ItemState.QUEUED or item.job_id is None:
                continue
            if item.job_id in live_jobs:
                continue
            record = self._jobs.get(item.job_id)
            if record is None or record.state in (JobState.RUNNING, JobState.INTERRUPTED):
                self.set_item(
                    batch_id, item.position, ItemState.MAYBE_BILLED, error=interrupted_message()
                )
            elif record.state is JobState.DONE and record.image_id is not None:
                self.set_item(batch_id, item.position, ItemState.DONE, image_id=record.image_id)
            elif record.state is JobState.FAILED:
                self.set_item(
                    batch_id, item.position, ItemState.FAILED, error=record.error_message or ""
                )
            elif record.state is JobState.CANCELLED:
                self.set_item(batch_id, item.position, ItemState.CANCELLED)
            # WAITING: the queue sends it at its start (it never left); it stays queued.
        return self.get(batch_id)
