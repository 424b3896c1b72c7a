"""`SummaryCache`: the gallery's `ImageSummary` rows, read ahead of painting on a worker thread.

A cell needs its image's summary (rating, marks, badges) the moment it is painted. Read on the
GUI thread, a block of 120 costs 2 ms on a quiet machine but up to 40 ms while the thumbnail
threads run: Python's sqlite3 gives up the GIL at every row it steps, and each time the GUI
thread may wait a switch interval to get it back. So the panel asks for the rows around the
viewport ahead of time, they are read on the worker, and painting finds them cached; a row
painted before its read is done is still read at once, here, so a cell never lacks its marks.

Rows are kept as plain tuples, not `ImageSummary` objects: Python's collector stops tracking a
tuple of strings and numbers, and 20,000 tracked objects made each full collection (on the GUI
thread) cost ~30 ms more. `get` builds the summary again, a few microseconds per painted cell.

Results are applied on the GUI thread (when the cache is next asked), never from the worker,
and reads under way when rows change are thrown away, so a stale row never lands after that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future
from itertools import islice

from stepfun_studio.library.records import ImageSummary
from stepfun_studio.ui.gallery.worker_results import finished_result

Reader = Callable[[list[int]], dict[int, ImageSummary]]
Packed = tuple[object, ...]  # an ImageSummary's fields, in order


def _packed(summaries: dict[int, ImageSummary]) -> dict[int, Packed]:
    return {image_id: tuple(vars(s).values()) for image_id, s in summaries.items()}


class SummaryCache:
    # Summaries are small, but 100,000 of them with prompts are not; past this many the
    # oldest quarter is dropped (never the rows just read, which are on or near the screen).
    LIMIT = 20_000

    def __init__(self, executor: Executor) -> None:
        self._executor = executor
        self._reader: Reader | None = None
        self._rows: dict[int, Packed] = {}
        self._asked: set[int] = set()  # being read ahead now
        self._reads: list[tuple[list[int], Future[dict[int, Packed]]]] = []

    def set_reader(self, reader: Reader | None) -> None:
        self._reader = reader
        self.invalidate()

    def invalidate(self) -> None:
        """Forget every summary (the library changed); reads under way are discarded."""
        self._rows.clear()
        self._discard_reads()

    def _discard_reads(self) -> None:
        # Dropped from the list, a read that is already running is never applied.
        for _ids, read in self._reads:
            read.cancel()
        self._reads.clear()
        self._asked.clear()

    def get(self, image_id: int) -> ImageSummary | None:
        """The cached summary, without reading (reads ahead that are done count)."""
        found = self._rows.get(image_id)
        if found is None and self._reads:
            self._apply_finished_reads()
            found = self._rows.get(image_id)
        return None if found is None else ImageSummary(*found)  # type: ignore[arg-type]

    def read_now(self, ids: Iterable[int]) -> None:
        """Read those of `ids` not cached yet, here and now."""
        self._apply_finished_reads()
        missing = [i for i in ids if i not in self._rows]
        if self._reader is None or not missing:
            return
        self._make_room(len(missing))
        self._rows.update(_packed(self._reader(missing)))

    def read_ahead(self, ids: Iterable[int]) -> None:
        """Start reading those of `ids` not cached or asked for yet, on the worker."""
        self._apply_finished_reads()
        missing = [i for i in ids if i not in self._rows and i not in self._asked]
        if self._reader is None or not missing:
            return
        self._asked.update(missing)
        reader = self._reader
        read = self._executor.submit(lambda: _packed(reader(missing)))
        self._reads.append((missing, read))

    def update(self, summaries: dict[int, ImageSummary]) -> None:
        """Fresh rows read by the caller; reads ahead begun earlier may hold older ones."""
        self._discard_reads()
        self._rows.update(_packed(summaries))

    def _make_room(self, incoming: int) -> None:
        excess = len(self._rows) + incoming - self.LIMIT
        if excess > 0:
            # Dicts keep insertion order, so the first keys are the longest read.
            for image_id in list(islice(self._rows, excess + self.LIMIT // 4)):
                del self._rows[image_id]

    def _apply_finished_reads(self) -> None:
        waiting = []
        for ids, read in self._reads:
            if not read.done():
                waiting.append((ids, read))
                continue
            self._asked.difference_update(ids)
            # A failed read ahead costs nothing: painting reads the rows at once instead.
            rows = finished_result(read, "reading gallery summaries ahead")
            if rows is None:
                continue
            self._make_room(len(rows))
            self._rows.update(rows)
        self._reads = waiting
