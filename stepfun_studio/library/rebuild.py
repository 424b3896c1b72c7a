"""Rebuilding the database from the stored picture files, then replaying the edits journal.

Two ways in. `Library.rebuild_from_files` (the CLI, with no window running) moves the old
database aside and fills a new one. `rebuild_in_place` is for the running window, which holds
the database open on several threads: it keeps a copy of the database first (SQLite's online
backup, so the copy is consistent while others read), empties the picture rows and fills them
again from the files, in batches so an ingest meanwhile waits milliseconds, not minutes. The job
table and the reference rows are kept (queued jobs point at them). Either way the edits journal
is replayed last, so ratings, favourites, tags, notes and collections come back.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from stepfun_studio.core.metadata import ReferenceInfo
from stepfun_studio.core.text import tr
from stepfun_studio.library.base import LibraryBase
from stepfun_studio.library.edits_journal import EditsJournal, Record, journal_path
from stepfun_studio.library.edits_replay import ReplayState, replay
from stepfun_studio.library.reading import file_facts, plain_metadata
from stepfun_studio.library.rows import image_id_for_sha, insert_blob, insert_image
from stepfun_studio.library.storage_errors import storage_errors

log = logging.getLogger(__name__)

REBUILD_BATCH = 500
# Journal records per transaction while replaying.
REPLAY_BATCH = 2000


@dataclass(frozen=True)
class RebuildReport:
    """What a rebuild did: pictures read back, edits replayed or skipped, the copy kept."""

    images: int
    edits_applied: int
    edits_skipped: int
    kept_at: Path | None = None

    def message(self) -> str:
        text = tr("Library", "The library was rebuilt from {count} image files.").format(
            count=self.images
        )
        text += " " + tr(
            "Library", "{applied} edits (ratings, tags, notes, collections) were restored."
        ).format(applied=self.edits_applied)
        if self.edits_skipped:
            text += " " + tr(
                "Library", "{skipped} damaged journal lines were skipped (see the log)."
            ).format(skipped=self.edits_skipped)
        if self.kept_at is not None:
            text += " " + tr("Library", "The previous database was kept at {aside}.").format(
                aside=self.kept_at
            )
        return text


def _batches(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    while batch := list(islice(records, size)):
        yield batch


class Rebuilding(LibraryBase):
    # The last replay's outcome (`rebuild_from_files` reports it).
    last_replay: ReplayState | None = None

    def rebuild_in_place(self, progress: Callable[[int, int], None] | None = None) -> RebuildReport:
        """Rebuilds the open library's rows from its files; `progress(done, total)` per batch.

        Blocking disk work for minutes at 100,000 pictures: a worker thread, never the GUI's.
        Image ids change; whoever shows them must reload afterwards.
        """
        kept = self._keep_copy()
        total = sum(1 for _ in self._images.all_files())
        if progress is not None:
            progress(0, total)
        self._wipe_rows()
        count = self._rebuild_rows(None if progress is None else lambda n: progress(n, total))
        state = self.last_replay or ReplayState()
        return RebuildReport(count, state.applied, state.skipped, kept)

    def _keep_copy(self) -> Path:
        """A consistent copy of the database beside it, `<name>.before-rebuild-<time>`."""
        path = self._db.path
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.name}.before-rebuild-{stamp}")
        counter = 1
        while target.exists():
            target = path.with_name(f"{path.name}.before-rebuild-{stamp}-{counter}")
            counter += 1
        with storage_errors(path):
            try:
                copy = sqlite3.connect(target)
                try:
                    with self._db.read() as connection:
                        connection.backup(copy)
                finally:
                    copy.close()
            except sqlite3.DatabaseError as exc:
                # Too damaged to read page by page: keep the raw files instead.
                log.warning("backup before rebuild failed (%s); copying the files", exc)
                target.unlink(missing_ok=True)
                shutil.copyfile(path, target)
                wal = path.with_name(path.name + "-wal")
                if wal.exists():
                    shutil.copyfile(wal, target.with_name(target.name + "-wal"))
        return target

    def _wipe_rows(self) -> None:
        """Forgets every picture row, tag and collection; jobs and reference rows stay.

        Foreign keys are off on this thread's connection meanwhile: with them on, SQLite scans
        the jobs table (no index on `image_id`) once per deleted picture, 16 s for 20,000
        pictures. Every table that points at a picture is emptied here by hand instead.
        """
        own = self._db.connection()
        own.execute("PRAGMA foreign_keys = OFF")
        try:
            with self._db.write() as connection:
                for table in ("collection_items", "collections", "image_tags", "tags"):
                    connection.execute(f"DELETE FROM {table}")
                connection.execute("DELETE FROM image_references")
                connection.execute("DELETE FROM search_text")
                connection.execute(
                    "INSERT INTO search_trigram (search_trigram) VALUES ('delete-all')"
                )
                connection.execute("INSERT INTO search_grams (search_grams) VALUES ('delete-all')")
                connection.execute("UPDATE jobs SET image_id = NULL WHERE image_id IS NOT NULL")
                connection.execute("DELETE FROM images")
        finally:
            own.execute("PRAGMA foreign_keys = ON")

    def _rebuild_rows(self, progress: Callable[[int], None] | None = None) -> int:
        """Fills the database from the stored files, then replays the edits journal.

        Returns the number of images; `progress(images so far)` is called after each batch.
        """
        # Here, not at the top: the way to the first painted window has no use for Pillow.
        from PIL import Image

        with self._db.write() as connection:
            for sha, ext, path in self._references.all_files():
                try:
                    with Image.open(path) as image:
                        width, height = image.size
                        mime = Image.MIME.get(image.format or "", "image/png")
                except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
                    continue
                insert_blob(connection, ReferenceInfo(sha, mime, width, height), ext)
        count = 0
        batch: list[tuple[str, str, Path]] = []
        for entry in self._images.all_files():
            batch.append(entry)
            if len(batch) >= REBUILD_BATCH:
                count += self._rebuild_batch(batch)
                batch = []
                if progress is not None:
                    progress(count)
        count += self._rebuild_batch(batch)
        if progress is not None:
            progress(count)
        self.last_replay = self._replay_journal()
        return count

    def _replay_journal(self) -> ReplayState:
        journal = EditsJournal(journal_path(self.paths.library_dir))
        with self._db.read() as connection:
            state = ReplayState.load(connection)
        records = journal.read()
        for batch in _batches(records, REPLAY_BATCH):
            with self._db.write() as connection:
                replay(connection, batch, state)
        state.skipped += journal.damaged_lines
        log.info("edits journal replayed: %d applied, %d skipped", state.applied, state.skipped)
        return state

    def _rebuild_batch(self, batch: list[tuple[str, str, Path]]) -> int:
        from PIL import Image

        count = 0
        with self._db.write() as connection:
            for sha, ext, path in batch:
                try:
                    facts = file_facts(path)
                except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
                    continue  # Check Library lists it as a file without a row
                if image_id_for_sha(connection, sha) is not None:
                    continue
                meta = facts.meta or plain_metadata(facts.width, facts.height)
                named = (meta.source, meta.style, *meta.references, meta.mask)
                connection.executemany(
                    "UPDATE blobs SET name = ? WHERE sha = ? AND name = ''",
                    [(info.name, info.sha256) for info in named if info and info.name],
                )
                insert_image(
                    connection,
                    sha=sha,
                    ext=ext,
                    origin="generated" if facts.ours and meta.finish_reason else "imported",
                    meta=meta,
                    created_at=(meta.stored_at if facts.ours else None) or path.stat().st_mtime,
                    width=facts.width,
                    height=facts.height,
                )
                count += 1
        return count
