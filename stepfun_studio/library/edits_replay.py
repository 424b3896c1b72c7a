"""Replaying the edits journal onto a database rebuilt from the picture files.

Each record is applied as the edit was made (the journal is in order, so a later rating wins,
a tag removed after it was added stays removed, a collection renamed twice has its last name).
Every operation is idempotent, so a snapshot followed by the same edit does no harm. A record
that names a picture no longer in the library (its file was deleted) changes nothing; a record
of the wrong shape is skipped with a log line.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from stepfun_studio.library.edits_journal import Record
from stepfun_studio.library.rows import reindex

log = logging.getLogger(__name__)

_FLAGS = {"rating": "rating", "favourite": "favourite", "rejected": "rejected"}


class _BadRecordError(ValueError):
    pass


@dataclass
class ReplayState:
    """What replaying needs across the transactions it is split into."""

    ids: dict[str, int] = field(default_factory=dict)  # stored-file hash -> image id
    applied: int = 0
    skipped: int = 0
    _reindex: set[int] = field(default_factory=set)

    @classmethod
    def load(cls, connection: sqlite3.Connection) -> ReplayState:
        rows = connection.execute("SELECT sha, id FROM images").fetchall()
        return cls(ids={str(row[0]): int(row[1]) for row in rows})


def _images(item: Record, state: ReplayState) -> list[int]:
    shas = item.get("images")
    if not isinstance(shas, list) or not all(isinstance(sha, str) for sha in shas):
        raise _BadRecordError("images")
    return [state.ids[sha] for sha in shas if sha in state.ids]


def _number(item: Record, name: str) -> float:
    value = item.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _BadRecordError(name)
    return float(value)


def _text(item: Record, name: str) -> str:
    value = item.get(name)
    if not isinstance(value, str):
        raise _BadRecordError(name)
    return value


def _tags(item: Record) -> list[str]:
    tags = item.get("tags")
    if not isinstance(tags, list) or not all(isinstance(tag, str) and tag for tag in tags):
        raise _BadRecordError("tags")
    return list(tags)


def _collection(connection: sqlite3.Connection, item: Record) -> int | None:
    row = connection.execute(
        "SELECT id FROM collections WHERE created_at = ?", (_number(item, "collection"),)
    ).fetchone()
    return None if row is None else int(row[0])


def _flag(connection: sqlite3.Connection, item: Record, state: ReplayState) -> None:
    column = _FLAGS[item["op"]]
    value = item.get("value")
    if item["op"] == "rating":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5:
            raise _BadRecordError("value")
    elif not isinstance(value, bool):
        raise _BadRecordError("value")
    connection.executemany(
        f"UPDATE images SET {column} = ? WHERE id = ?",
        [(int(value), image_id) for image_id in _images(item, state)],
    )


def _trash(connection: sqlite3.Connection, item: Record, state: ReplayState) -> None:
    at = _number(item, "at")
    connection.executemany(
        "UPDATE images SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL",
        [(at, image_id) for image_id in _images(item, state)],
    )


def _restore(connection: sqlite3.Connection, item: Record, state: ReplayState) -> None:
    connection.executemany(
        "UPDATE images SET trashed_at = NULL WHERE id = ?",
        [(image_id,) for image_id in _images(item, state)],
    )


def _note(connection: sqlite3.Connection, item: Record, state: ReplayState) -> None:
    text = _text(item, "text")
    for image_id in _images(item, state):
        connection.execute("UPDATE images SET note = ? WHERE id = ?", (text, image_id))
        state._reindex.add(image_id)


def _caption(connection: sqlite3.Connection, item: Record, state: ReplayState) -> None:
    text = _text(item, "text")
    at = item.get("at", 0.0)
    when = float(at) if isinstance(at, int | float) and not isinstance(at, bool) else 0.0
    for image_id in _images(item, state):
        connection.execute(
            "UPDATE images SET caption = ?, captioned_at = ? WHERE id = ?", (text, when, image_id)
        )
        state._reindex.add(image_id)


def _tags_add(connection: sqlite3.Connection, item: Record, state: ReplayState) -> None:
    names, ids = _tags(item), _images(item, state)
    if not ids:
        return
    connection.executemany("INSERT OR IGNORE INTO tags (name) VALUES (?)", [(n,) for n in names])
    marks = ", ".join("?" * len(names))
    tag_ids = [
        int(row[0])
        for row in connection.execute(f"SELECT id FROM tags WHERE name IN ({marks})", names)
    ]
    connection.executemany(
        "INSERT OR IGNORE INTO image_tags (tag_id, image_id) VALUES (?, ?)",
        [(tag_id, image_id) for tag_id in tag_ids for image_id in ids],
    )
    state._reindex.update(ids)


def _tags_remove(connection: sqlite3.Connection, item: Record, state: ReplayState) -> None:
    names, ids = _tags(item), _images(item, state)
    marks = ", ".join("?" * len(names))
    connection.executemany(
        f"DELETE FROM image_tags WHERE image_id = ? AND tag_id IN "
        f"(SELECT id FROM tags WHERE name IN ({marks}))",
        [(image_id, *names) for image_id in ids],
    )
    state._reindex.update(ids)


def _collection_create(connection: sqlite3.Connection, item: Record, _state: ReplayState) -> None:
    name = _text(item, "name")
    if _collection(connection, item) is None:
        connection.execute(
            "INSERT INTO collections (name, created_at) VALUES (?, ?)",
            (name, _number(item, "collection")),
        )


def _collection_rename(connection: sqlite3.Connection, item: Record, _state: ReplayState) -> None:
    connection.execute(
        "UPDATE collections SET name = ? WHERE created_at = ?",
        (_text(item, "name"), _number(item, "collection")),
    )


def _collection_delete(connection: sqlite3.Connection, item: Record, _state: ReplayState) -> None:
    connection.execute(
        "DELETE FROM collections WHERE created_at = ?", (_number(item, "collection"),)
    )


def _collection_add(connection: sqlite3.Connection, item: Record, state: ReplayState) -> None:
    collection_id = _collection(connection, item)
    at = item.get("at", 0.0)
    added_at = float(at) if isinstance(at, int | float) and not isinstance(at, bool) else 0.0
    if collection_id is not None:
        connection.executemany(
            "INSERT OR IGNORE INTO collection_items (collection_id, image_id, added_at) "
            "VALUES (?, ?, ?)",
            [(collection_id, image_id, added_at) for image_id in _images(item, state)],
        )


def _collection_remove(connection: sqlite3.Connection, item: Record, state: ReplayState) -> None:
    collection_id = _collection(connection, item)
    if collection_id is not None:
        connection.executemany(
            "DELETE FROM collection_items WHERE collection_id = ? AND image_id = ?",
            [(collection_id, image_id) for image_id in _images(item, state)],
        )


_APPLY: dict[str, Callable[[sqlite3.Connection, Record, ReplayState], None]] = {
    "rating": _flag,
    "favourite": _flag,
    "rejected": _flag,
    "trash": _trash,
    "restore": _restore,
    "note": _note,
    "caption": _caption,
    "tags_add": _tags_add,
    "tags_remove": _tags_remove,
    "collection_create": _collection_create,
    "collection_rename": _collection_rename,
    "collection_delete": _collection_delete,
    "collection_add": _collection_add,
    "collection_remove": _collection_remove,
}


def replay(connection: sqlite3.Connection, records: Iterable[Record], state: ReplayState) -> None:
    """Applies `records` inside the caller's write transaction, then re-indexes their text."""
    for item in records:
        apply: Any = _APPLY.get(item["op"])
        if apply is None:
            log.warning("edits journal: unknown edit %r skipped", item["op"])
            state.skipped += 1
            continue
        try:
            apply(connection, item, state)
        except _BadRecordError as exc:
            log.warning("edits journal: a %s edit with a bad %s was skipped", item["op"], exc)
            state.skipped += 1
            continue
        state.applied += 1
    # A tag nobody uses any more would clutter the tag list (as remove_tags does).
    connection.execute("DELETE FROM tags WHERE id NOT IN (SELECT DISTINCT tag_id FROM image_tags)")
    for image_id in sorted(state._reindex):
        reindex(connection, image_id)
    state._reindex.clear()
