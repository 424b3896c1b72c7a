"""The edits journal: every user edit the picture files do not carry, kept beside the pictures.

Ratings, favourites, rejects, the trash, notes, tags and collections live only in the database.
So that they survive a lost or damaged database, each edit is also appended to
`<library>/edits.jsonl`, one JSON object a line, written and fsynced inside the edit's own
write transaction (a journal that cannot be written rolls the edit back). A rebuild reads the
pictures first, then replays the journal (edits_replay.py).

Nothing here names a database id: pictures are named by their stored file's hash (the file's
own name), collections by their creation time (unique per library, see `collection_key`), tags
by name. So a journal stays true across any number of rebuilds.

The file only grows; a line torn by a crash (the last one) or damaged otherwise is skipped with
a log line when read, and the next append starts on a fresh line. A journal that does not yet
exist is begun with a snapshot of the database's current edits (`ensure_started`), written
whole under a temporary name and renamed, so "the file exists" means "the snapshot is in it".
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from stepfun_studio.library.durable import replace_synced

log = logging.getLogger(__name__)

JOURNAL_NAME = "edits.jsonl"
VERSION = 1
# Image hashes per line: keeps a bulk edit of 100,000 pictures to lines of ~300 KB.
_PER_LINE = 5000
_IN_CHUNK = 500

Record = dict[str, Any]


def journal_path(library_dir: Path) -> Path:
    return library_dir / JOURNAL_NAME


def record(op: str, **fields: Any) -> Record:
    return {"v": VERSION, "op": op, **fields}


def split_images(op: str, shas: Sequence[str], **fields: Any) -> list[Record]:
    """One record per `_PER_LINE` pictures (a single edit of a huge selection)."""
    return [
        record(op, images=list(shas[start : start + _PER_LINE]), **fields)
        for start in range(0, len(shas), _PER_LINE)
    ]


def shas_of(connection: sqlite3.Connection, ids: Sequence[int]) -> list[str]:
    """The stored-file hashes of `ids`, in their order; ids with no row are left out."""
    found: dict[int, str] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = list(ids[start : start + _IN_CHUNK])
        marks = ", ".join("?" * len(chunk))
        rows = connection.execute(f"SELECT id, sha FROM images WHERE id IN ({marks})", chunk)
        found.update((int(row[0]), str(row[1])) for row in rows.fetchall())
    return [found[i] for i in ids if i in found]


def collection_key(connection: sqlite3.Connection, collection_id: int) -> float | None:
    row = connection.execute(
        "SELECT created_at FROM collections WHERE id = ?", (collection_id,)
    ).fetchone()
    return None if row is None else float(row[0])


def unique_created_at(connection: sqlite3.Connection, now: float) -> float:
    """`now`, nudged past any collection created at the same instant (a coarse clock)."""
    while connection.execute("SELECT 1 FROM collections WHERE created_at = ?", (now,)).fetchone():
        now += 1e-6
    return now


class EditsJournal:
    """Appends and reads `edits.jsonl`; thread-safe within the process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        # Lines the last `read()` skipped as damaged.
        self.damaged_lines = 0

    def exists(self) -> bool:
        return self.path.exists()

    def ensure_started(self, connection: sqlite3.Connection) -> None:
        """Creates the journal with a snapshot of the edits `connection` holds, if missing."""
        with self._lock:
            if self.path.exists():
                return
            lines = "".join(_line(item) for item in snapshot(connection))
            replace_synced(self.path, lines.encode("utf-8"))

    def append(self, connection: sqlite3.Connection, records: Iterable[Record]) -> None:
        """Appends `records` durably. Call inside the edit's write transaction."""
        text = "".join(_line(item) for item in records)
        if not text:
            return
        self.ensure_started(connection)
        with self._lock:
            descriptor = os.open(self.path, os.O_RDWR | os.O_APPEND | getattr(os, "O_BINARY", 0))
            try:
                data = text.encode("utf-8")
                size = os.fstat(descriptor).st_size
                if size and os.pread(descriptor, 1, size - 1) != b"\n":
                    # A crash tore the last line; ours must not be glued onto it.
                    data = b"\n" + data
                written = 0
                while written < len(data):
                    written += os.write(descriptor, data[written:])
                os.fsync(descriptor)
            finally:
                os.close(descriptor)

    def read(self) -> Iterator[Record]:
        """Every well-formed record in order; a damaged line is logged and skipped."""
        self.damaged_lines = 0
        try:
            handle = open(self.path, "rb")  # noqa: SIM115 - closed below, read line by line
        except FileNotFoundError:
            return
        with handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                try:
                    item = json.loads(raw.decode("utf-8"))
                except (UnicodeDecodeError, ValueError):
                    log.warning("edits journal %s: line %d is damaged, skipped", self.path, number)
                    self.damaged_lines += 1
                    continue
                if not isinstance(item, dict) or not isinstance(item.get("op"), str):
                    log.warning(
                        "edits journal %s: line %d is not an edit, skipped", self.path, number
                    )
                    self.damaged_lines += 1
                    continue
                if item.get("v", VERSION) != VERSION:
                    log.warning(
                        "edits journal %s: line %d is from another version", self.path, number
                    )
                    self.damaged_lines += 1
                    continue
                yield item


def _line(item: Record) -> str:
    # ensure_ascii keeps every line pure ASCII: a torn multi-byte character cannot happen.
    return json.dumps(item, ensure_ascii=True, separators=(",", ":")) + "\n"


def snapshot(connection: sqlite3.Connection) -> list[Record]:
    """The edits a database already holds, as journal records (for a journal's first lines)."""
    items: list[Record] = []
    rows = connection.execute(
        "SELECT sha, rating, favourite, rejected, trashed_at, note FROM images WHERE rating > 0 "
        "OR favourite = 1 OR rejected = 1 OR trashed_at IS NOT NULL OR note != ''"
    ).fetchall()
    for rating in range(1, 6):
        items += split_images("rating", [r[0] for r in rows if r[1] == rating], value=rating)
    items += split_images("favourite", [r[0] for r in rows if r[2]], value=True)
    items += split_images("rejected", [r[0] for r in rows if r[3]], value=True)
    items += [record("trash", images=[r[0]], at=float(r[4])) for r in rows if r[4] is not None]
    items += [record("note", images=[r[0]], text=str(r[5])) for r in rows if r[5]]
    tagged: dict[str, list[str]] = {}
    for name, sha in connection.execute(
        "SELECT tags.name, images.sha FROM image_tags JOIN tags ON tags.id = image_tags.tag_id "
        "JOIN images ON images.id = image_tags.image_id ORDER BY tags.name"
    ).fetchall():
        tagged.setdefault(str(name), []).append(str(sha))
    for name, shas in tagged.items():
        items += split_images("tags_add", shas, tags=[name])
    for collection_id, name, created_at in connection.execute(
        "SELECT id, name, created_at FROM collections ORDER BY created_at"
    ).fetchall():
        key = float(created_at)
        items.append(record("collection_create", collection=key, name=str(name)))
        members = connection.execute(
            "SELECT images.sha FROM collection_items JOIN images "
            "ON images.id = collection_items.image_id WHERE collection_id = ? ORDER BY added_at",
            (collection_id,),
        ).fetchall()
        items += split_images("collection_add", [str(m[0]) for m in members], collection=key)
    return items
