"""Culling and organising: ratings, flags, trash, notes, tags and collections.

All of it is rows only, except `empty_trash()`, the one place that removes files; it goes
through the file store's markers so a crash halfway still ends with rows and files agreeing.
Every edit is also written to the edits journal (edits_journal.py) inside its transaction, so a
database rebuilt from the picture files gets it back.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Sequence

from stepfun_studio.core.errors import AppError
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.base import LibraryBase
from stepfun_studio.library.database import Database
from stepfun_studio.library.edits_journal import (
    EditsJournal,
    Record,
    collection_key,
    journal_path,
    record,
    shas_of,
    split_images,
    unique_created_at,
)
from stepfun_studio.library.records import CollectionInfo
from stepfun_studio.library.rows import reindex
from stepfun_studio.library.search import unindex_text
from stepfun_studio.library.storage_errors import storage_errors

log = logging.getLogger(__name__)


def _ids(ids: Iterable[int]) -> list[int]:
    return list(dict.fromkeys(int(i) for i in ids))


def _clean_tags(tags: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(" ".join(tag.split()) for tag in tags if tag.strip()))


class Organising(LibraryBase):
    def __init__(self, paths: AppPaths, database: Database) -> None:
        super().__init__(paths, database)
        self.journal = EditsJournal(journal_path(paths.library_dir))

    def _start_journal(self) -> None:
        """A library from before the journal: its edits so far become the first lines. Part
        of opening the library (on the thread that opens it, never at construction)."""
        try:
            with self._db.read() as connection:
                self.journal.ensure_started(connection)
        except (OSError, sqlite3.Error, AppError) as exc:
            # Not fatal here (a damaged database is found and reported by its first real
            # use): the first edit tries again, and fails (rolled back) if it must.
            log.warning("edits journal not started: %s", exc)

    def _update_each(
        self, sql: str, ids: Iterable[int], op: str, *values: object, **fields: object
    ) -> None:
        wanted = _ids(ids)
        rows = [(*values, image_id) for image_id in wanted]
        with self._db.write() as connection:
            connection.executemany(sql, rows)
            self._journal(connection, split_images(op, shas_of(connection, wanted), **fields))

    def _journal(self, connection: sqlite3.Connection, records: list[Record]) -> None:
        """Appends inside the open transaction: a journal write that fails undoes the edit."""
        self.journal.append(connection, records)

    # -- culling --------------------------------------------------------------------------

    def set_rating(self, ids: Iterable[int], rating: int) -> None:
        if not 0 <= rating <= 5:
            raise ValueError(f"rating must be 0-5, not {rating}")
        self._update_each(
            "UPDATE images SET rating = ? WHERE id = ?", ids, "rating", rating, value=rating
        )

    def set_favourite(self, ids: Iterable[int], favourite: bool) -> None:
        self._update_each(
            "UPDATE images SET favourite = ? WHERE id = ?",
            ids,
            "favourite",
            int(favourite),
            value=bool(favourite),
        )

    def set_rejected(self, ids: Iterable[int], rejected: bool) -> None:
        self._update_each(
            "UPDATE images SET rejected = ? WHERE id = ?",
            ids,
            "rejected",
            int(rejected),
            value=bool(rejected),
        )

    # -- trash ----------------------------------------------------------------------------

    def move_to_trash(self, ids: Iterable[int]) -> None:
        now = self._now()
        self._update_each(
            "UPDATE images SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL",
            ids,
            "trash",
            now,
            at=now,
        )

    def restore(self, ids: Iterable[int]) -> None:
        self._update_each("UPDATE images SET trashed_at = NULL WHERE id = ?", ids, "restore")

    def empty_trash(self) -> int:
        """Deletes every trashed image, its file and thumbnails; returns how many."""
        with self._db.read() as connection:
            doomed = connection.execute(
                "SELECT id, sha, ext FROM images WHERE trashed_at IS NOT NULL"
            ).fetchall()
            blobs = _unreferenced_blobs(connection, [int(row["id"]) for row in doomed])
        if not doomed:
            return 0
        files = [(str(row["sha"]), str(row["ext"])) for row in doomed]
        with (
            storage_errors(self.paths.library_dir),
            self._images.pending(files, self._has_image_row),
            self._references.pending(blobs, self._has_blob_row),
        ):
            with self._db.write() as connection:
                for row in doomed:
                    unindex_text(connection, int(row["id"]))
                connection.executemany(
                    "DELETE FROM images WHERE id = ?", [(row["id"],) for row in doomed]
                )
                # Re-check inside the transaction: a job may have been queued meanwhile.
                marked = set(blobs)
                blobs = [blob for blob in _unreferenced_blobs(connection, []) if blob in marked]
                connection.executemany("DELETE FROM blobs WHERE sha = ?", [(s,) for s, _ in blobs])
            for sha, ext in files:
                self._images.remove(sha, ext)
                self._thumbnails.remove(sha)
            for sha, ext in blobs:
                self._references.remove(sha, ext)
        return len(doomed)

    # -- notes and tags -------------------------------------------------------------------

    def set_note(self, image_id: int, text: str) -> None:
        with self._db.write() as connection:
            connection.execute("UPDATE images SET note = ? WHERE id = ?", (text, image_id))
            reindex(connection, image_id)
            self._journal(
                connection, split_images("note", shas_of(connection, [image_id]), text=text)
            )

    def _tag_ids(self, connection: sqlite3.Connection, tags: Sequence[str]) -> list[int]:
        connection.executemany(
            "INSERT OR IGNORE INTO tags (name) VALUES (?)", [(tag,) for tag in tags]
        )
        marks = ", ".join("?" * len(tags))
        rows = connection.execute(f"SELECT id FROM tags WHERE name IN ({marks})", tags)
        return [int(row[0]) for row in rows.fetchall()]

    def add_tags(self, ids: Iterable[int], tags: Iterable[str]) -> None:
        wanted, names = _ids(ids), _clean_tags(tags)
        if not wanted or not names:
            return
        with self._db.write() as connection:
            tag_ids = self._tag_ids(connection, names)
            connection.executemany(
                "INSERT OR IGNORE INTO image_tags (tag_id, image_id) VALUES (?, ?)",
                [(tag_id, image_id) for tag_id in tag_ids for image_id in wanted],
            )
            for image_id in wanted:
                reindex(connection, image_id)
            self._journal(
                connection, split_images("tags_add", shas_of(connection, wanted), tags=names)
            )

    def remove_tags(self, ids: Iterable[int], tags: Iterable[str]) -> None:
        wanted, names = _ids(ids), _clean_tags(tags)
        if not wanted or not names:
            return
        with self._db.write() as connection:
            marks = ", ".join("?" * len(names))
            tag_ids = [
                int(row[0])
                for row in connection.execute(
                    f"SELECT id FROM tags WHERE name IN ({marks})", names
                ).fetchall()
            ]
            connection.executemany(
                "DELETE FROM image_tags WHERE tag_id = ? AND image_id = ?",
                [(tag_id, image_id) for tag_id in tag_ids for image_id in wanted],
            )
            for image_id in wanted:
                reindex(connection, image_id)
            # A tag nobody uses any more would clutter the tag list forever.
            connection.execute(
                "DELETE FROM tags WHERE id NOT IN (SELECT DISTINCT tag_id FROM image_tags)"
            )
            self._journal(
                connection, split_images("tags_remove", shas_of(connection, wanted), tags=names)
            )

    def list_tags(self) -> list[tuple[str, int]]:
        """(tag, number of live images) for every tag, by name."""
        with self._db.read() as connection:
            rows = connection.execute(
                "SELECT tags.name, count(images.id) FROM tags "
                "LEFT JOIN image_tags ON image_tags.tag_id = tags.id "
                "LEFT JOIN images ON images.id = image_tags.image_id "
                "AND images.trashed_at IS NULL GROUP BY tags.id ORDER BY tags.name"
            ).fetchall()
        return [(str(row[0]), int(row[1])) for row in rows]

    # -- collections ----------------------------------------------------------------------

    def create_collection(self, name: str) -> int:
        with self._db.write() as connection:
            # The creation time names the collection in the journal: it must be unique.
            key = unique_created_at(connection, self._now())
            cursor = connection.execute(
                "INSERT INTO collections (name, created_at) VALUES (?, ?)", (name.strip(), key)
            )
            self._journal(
                connection, [record("collection_create", collection=key, name=name.strip())]
            )
            return int(cursor.lastrowid or 0)

    def rename_collection(self, collection_id: int, name: str) -> None:
        with self._db.write() as connection:
            connection.execute(
                "UPDATE collections SET name = ? WHERE id = ?", (name.strip(), collection_id)
            )
            key = collection_key(connection, collection_id)
            if key is not None:
                self._journal(
                    connection, [record("collection_rename", collection=key, name=name.strip())]
                )

    def delete_collection(self, collection_id: int) -> None:
        """Deletes the collection only; its images stay in the library."""
        with self._db.write() as connection:
            key = collection_key(connection, collection_id)
            connection.execute("DELETE FROM collections WHERE id = ?", (collection_id,))
            if key is not None:
                self._journal(connection, [record("collection_delete", collection=key)])

    def list_collections(self) -> list[CollectionInfo]:
        with self._db.read() as connection:
            rows = connection.execute(
                "SELECT collections.id, collections.name, count(images.id) FROM collections "
                "LEFT JOIN collection_items ON collection_items.collection_id = collections.id "
                "LEFT JOIN images ON images.id = collection_items.image_id "
                "AND images.trashed_at IS NULL "
                "GROUP BY collections.id ORDER BY collections.name COLLATE NOCASE"
            ).fetchall()
        return [CollectionInfo(int(r[0]), str(r[1]), int(r[2])) for r in rows]

    def add_to_collection(self, ids: Iterable[int], collection_id: int) -> None:
        now, wanted = self._now(), _ids(ids)
        with self._db.write() as connection:
            connection.executemany(
                "INSERT OR IGNORE INTO collection_items (collection_id, image_id, added_at) "
                "VALUES (?, ?, ?)",
                [(collection_id, image_id, now) for image_id in wanted],
            )
            self._journal_membership(connection, "collection_add", wanted, collection_id, at=now)

    def remove_from_collection(self, ids: Iterable[int], collection_id: int) -> None:
        wanted = _ids(ids)
        with self._db.write() as connection:
            connection.executemany(
                "DELETE FROM collection_items WHERE collection_id = ? AND image_id = ?",
                [(collection_id, image_id) for image_id in wanted],
            )
            self._journal_membership(connection, "collection_remove", wanted, collection_id)

    def _journal_membership(
        self,
        connection: sqlite3.Connection,
        op: str,
        ids: list[int],
        collection_id: int,
        **fields: object,
    ) -> None:
        key = collection_key(connection, collection_id)
        if key is not None:
            shas = shas_of(connection, ids)
            self._journal(connection, split_images(op, shas, collection=key, **fields))


def _unreferenced_blobs(
    connection: sqlite3.Connection, leaving: list[int]
) -> list[tuple[str, str]]:
    """Reference files no image (other than those `leaving`) and no job uses any more."""
    leaving_set = ",".join(str(i) for i in leaving) or "NULL"
    rows = connection.execute(
        "SELECT sha, ext FROM blobs WHERE "
        f"NOT EXISTS (SELECT 1 FROM images WHERE images.id NOT IN ({leaving_set}) AND "
        "(images.source_sha = blobs.sha OR images.style_sha = blobs.sha)) AND "
        "NOT EXISTS (SELECT 1 FROM image_references WHERE image_references.sha = blobs.sha "
        f"AND image_references.image_id NOT IN ({leaving_set})) AND "
        "NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.source_sha = blobs.sha "
        "OR jobs.style_sha = blobs.sha) AND "
        "NOT EXISTS (SELECT 1 FROM job_references WHERE job_references.sha = blobs.sha) AND "
        # A batch's pictures wait there until the batch is sent (issue 14).
        "NOT EXISTS (SELECT 1 FROM batch_items WHERE batch_items.picture_sha = blobs.sha)"
    ).fetchall()
    return [(str(row[0]), str(row[1])) for row in rows]
