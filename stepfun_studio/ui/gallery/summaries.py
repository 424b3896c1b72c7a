"""`SummaryCache`: the gallery's `ImageSummary` rows, read ahead of painting on a worker thread.

A cell needs its summary (rating, marks, badges) the moment it is painted. Read on the GUI
thread, a block of 120 costs 2 ms on a quiet machine but up to 40 ms while the thumbnail threads
run (sqlite3 gives up the GIL at every row it steps). So the rows around the viewport are read
ahead on the worker and painting only looks here; a row painted before its read lands is painted
without marks, and again when it lands (`arrived`).

Rows are plain tuples, not `ImageSummary` objects: the collector stops tracking a tuple of
strings and numbers, and 20,000 tracked objects cost each full collection (on the GUI thread)
~30 ms more; `get` builds the summary again, a few µs per painted cell. Answers arrive on the
GUI thread, and reads under way when rows change are thrown away: a stale row never lands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

from stepfun_studio.library.records import ImageSummary

Reader = Callable[[list[int]], dict[int, ImageSummary]]
Packed = tuple[object, ...]  # an ImageSummary's fields, in order
Rows = tuple[int, int]  # the grid rows a read was asked for, handed back when it lands
# `LibraryReads.submit`'s shape: work on the worker, done(result) back on the GUI thread.
Submit = Callable[[Callable[[], Any], Callable[[Any], None], str], object]


def _packed(summaries: dict[int, ImageSummary]) -> dict[int, Packed]:
    return {image_id: tuple(vars(s).values()) for image_id, s in summaries.items()}


class SummaryCache:
    # Summaries are small, but 100,000 of them with prompts are not; past this many the
    # oldest quarter is dropped (never the rows just read, which are on or near the screen).
    LIMIT = 20_000

    def __init__(
        self, submit: Submit, arrived: Callable[[Rows], None] = lambda _rows: None
    ) -> None:
        self._submit = submit
        self._arrived = arrived
        self._reader: Reader | None = None
        self._rows: dict[int, Packed] = {}
        # Ids being read ahead now. A new set whenever the rows may have changed: the answers
        # of reads asked into an older set are dropped.
        self._asked: set[int] = set()

    def set_reader(self, reader: Reader | None) -> None:
        self._reader = reader
        self.invalidate()

    def invalidate(self) -> None:
        """Forget every summary (the library changed); reads under way are discarded."""
        self._rows.clear()
        self._asked = set()

    def get(self, image_id: int) -> ImageSummary | None:
        """The cached summary; never reads."""
        found = self._rows.get(image_id)
        return None if found is None else ImageSummary(*found)  # type: ignore[arg-type]

    def read_ahead(self, ids: Iterable[int], rows: Rows = (0, -1)) -> None:
        """Start reading those of `ids` not cached or asked for yet, on the worker; `arrived`
        gets `rows` when they are in."""
        missing = [i for i in ids if i not in self._rows and i not in self._asked]
        if self._reader is None or not missing:
            return
        reader, asked = self._reader, self._asked
        asked.update(missing)

        def done(found: dict[int, Packed]) -> None:
            if asked is not self._asked:
                return
            asked.difference_update(missing)
            self._store(found)
            self._arrived(rows)

        self._submit(lambda: _packed(reader(missing)), done, "reading gallery summaries ahead")

    def update(self, summaries: dict[int, ImageSummary]) -> None:
        """Fresh rows read by the caller; reads ahead begun earlier may hold older ones."""
        self._asked = set()
        self._store(_packed(summaries))

    def _store(self, rows: dict[int, Packed]) -> None:
        excess = len(self._rows) + len(rows) - self.LIMIT
        if excess > 0:
            # Dicts keep insertion order, so the first keys are the longest read.
            for image_id in list(islice(self._rows, excess + self.LIMIT // 4)):
                del self._rows[image_id]
        self._rows.update(rows)
