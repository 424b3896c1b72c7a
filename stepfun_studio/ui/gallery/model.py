"""`GalleryModel`: the grid's list of image ids: a page at once, the whole list off the GUI thread.

The model holds ids and `ImageSummary` rows, never pictures. A query shows its first page at
once (a screen and a bit), and a worker thread then reads every matching id: the count comes
from that list, and so do the later pages that `fetchMore` hands the view (a slice, no query).
So a keystroke in the search field costs one page, and a broad search ("s" matches most of a
library) never stalls the window while it is gathered. Rows stay paged rather than all loaded:
QListView lays every row out again when one is inserted at the top, as each new picture is.
Summaries are read lazily in blocks around the rows the view actually asks for.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from stepfun_studio.core.text import tr
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery, ImageSummary
from stepfun_studio.ui.drag_out import image_drag_mime
from stepfun_studio.ui.gallery.mime import IMAGE_IDS_MIME, encode_ids

log = logging.getLogger(__name__)

ImageIdRole = int(Qt.ItemDataRole.UserRole) + 1
SummaryRole = int(Qt.ItemDataRole.UserRole) + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class GalleryModel(QAbstractListModel):
    """Image ids of one `ImageQuery`, newest first unless the query sorts otherwise."""

    # The first page of a query: a large screen of cells twice over.
    FIRST_PAGE = 240
    PAGE_SIZE = 1000
    # Every id of a query, at most: far beyond any library, so "all" is one query.
    ALL = 1 << 40
    LIST_POLL_MS = 10
    SUMMARY_BLOCK = 120
    # Summaries are small, but 100,000 of them with prompts are not; past this many the
    # cache starts over, and the rows on screen are read again in one block.
    SUMMARY_CACHE_LIMIT = 20_000

    # Each fetchMore asks for as many rows as are loaded (at least a page): QListView lays out
    # every row again on each insert, so growing pages cost less than many small ones; the cap
    # keeps one deep OFFSET query short.
    MAX_PAGE = 8192

    total_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self._query = ImageQuery()
        self._ids: list[int] = []
        self._id_rows: dict[int, int] | None = None
        # The loaded ids as a set, kept in step with _ids: "is it loaded?" must not rebuild a
        # 100,000-entry row map each time a new picture arrives at the top.
        self._id_set: set[int] = set()
        self._exhausted = True
        # None until the whole list is in: the grid shows its first page before (a broad search
        # takes a while to gather), and the count follows when the lister is done.
        self._total: int | None = 0
        # One lister thread; its result is picked up by polling the future from the GUI thread,
        # so no Qt object is ever touched from the worker (the model may be gone by then).
        self._lister = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gallery-lister")
        self._listing: Future[list[int]] | None = None
        # Every id of the query once the lister has read them; later pages come from here.
        self._full: list[int] | None = None
        self._shut_down = False
        self._list_poll = QTimer(self)
        self._list_poll.setInterval(self.LIST_POLL_MS)
        self._list_poll.timeout.connect(self._collect_listing)
        self._summaries: dict[int, ImageSummary] = {}

    # -- state ---------------------------------------------------------------------------

    @property
    def library(self) -> Library | None:
        return self._library

    @property
    def query(self) -> ImageQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many images match the query (not how many rows are loaded yet).

        Asked before the lister is done, this reads the whole list here and now.
        """
        if self._total is None:
            self._drop_listing()
            library = self._library
            self._take_full_list(library.query_ids(self._query, 0, self.ALL) if library else [])
        assert self._total is not None
        return self._total

    @property
    def total_known(self) -> bool:
        return self._total is not None

    def _start_listing(self) -> None:
        """Reads every id of the current query on the lister thread."""
        self._drop_listing()
        library, query = self._library, self._query
        if library is None or self._shut_down:
            return
        self._listing = self._lister.submit(library.query_ids, query, 0, self.ALL)
        self._list_poll.start()

    def _drop_listing(self) -> None:
        if self._listing is not None:
            self._listing.cancel()
            self._listing = None
        self._list_poll.stop()

    def _collect_listing(self) -> None:
        listing = self._listing
        if listing is None or not listing.done():
            return
        self._drop_listing()
        if listing.cancelled():
            return
        try:
            ids = listing.result()
        except Exception:
            # The library went away under the lister (closed, or a read failed): the page
            # already shown stays, counted as what it is; the next query or reload tries again.
            log.warning("listing the gallery's images failed", exc_info=True)
            ids = list(self._ids)
        self._take_full_list(ids)

    def _take_full_list(self, ids: list[int]) -> None:
        """Every id of the query: the count, and the pages that `fetchMore` hands out next.

        The rows stay paged: a view of 100,000 rows lays all of them out again whenever one
        is inserted at the top, as each new picture is, which stalled the window for ~100 ms.
        """
        # One query's list: unique already (only pages read by offset can overlap).
        loaded = len(self._ids)
        if ids[:loaded] != self._ids:
            # The library changed between the first page and the list: start from the list.
            self.beginResetModel()
            self._id_set = set()
            self._ids = self._unique(ids[: max(loaded, self.FIRST_PAGE)], self._id_set)
            self._id_rows = None
            self.endResetModel()
        self._full = ids
        self._exhausted = len(self._ids) >= len(ids)
        self._total = len(ids)
        self.total_changed.emit(self._total)

    def shutdown(self) -> None:
        """Stops the lister; the panel calls this before the library closes."""
        self._shut_down = True
        self._drop_listing()
        self._lister.shutdown(wait=True, cancel_futures=True)

    def _adjust_total(self, change: int) -> None:
        if self._total is not None:
            self._total = max(0, self._total + change)
            self.total_changed.emit(self._total)

    def loaded_ids(self) -> list[int]:
        return list(self._ids)

    def set_library(self, library: Library | None) -> None:
        self._library = library
        self._summaries.clear()
        self.set_query(self._query)

    def set_query(self, query: ImageQuery) -> None:
        self._query = query
        self._reload(self.FIRST_PAGE)

    def reload(self) -> None:
        """Read the query again, keeping as many rows loaded as before (so the view stays put)."""
        self._summaries.clear()
        self._reload(max(self.FIRST_PAGE, len(self._ids)))

    def _reload(self, limit: int) -> None:
        self._drop_listing()
        self.beginResetModel()
        if self._library is None:
            page: list[int] = []
        else:
            page = self._library.query_ids(self._query, 0, limit)
        self._full = None
        self._id_set = set()
        self._ids = self._unique(page, self._id_set)
        self._exhausted = len(page) < limit
        self._total = len(self._ids) if self._exhausted else None
        self._id_rows = None
        self.endResetModel()
        if self._total is None:
            self._start_listing()
        else:
            self.total_changed.emit(self._total)

    @staticmethod
    def _unique(ids: list[int], seen: set[int]) -> list[int]:
        fresh = []
        for image_id in ids:
            if image_id not in seen:
                seen.add(image_id)
                fresh.append(image_id)
        return fresh

    # -- lookups -------------------------------------------------------------------------

    def image_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, image_id: int) -> int | None:
        if self._id_rows is None:
            self._id_rows = {image_id: row for row, image_id in enumerate(self._ids)}
        return self._id_rows.get(image_id)

    def index_of(self, image_id: int) -> QModelIndex:
        row = self.row_of(image_id)
        return QModelIndex() if row is None else self.index(row, 0)

    def summary(self, row: int) -> ImageSummary | None:
        image_id = self._ids[row]
        found = self._summaries.get(image_id)
        if found is None:
            self._load_summaries_around(row)
            found = self._summaries.get(image_id)
        return found

    def cached_summary(self, image_id: int) -> ImageSummary | None:
        return self._summaries.get(image_id)

    def _load_summaries_around(self, row: int) -> None:
        if self._library is None:
            return
        if len(self._summaries) > self.SUMMARY_CACHE_LIMIT:
            self._summaries.clear()
        start = row - row % self.SUMMARY_BLOCK
        block = [
            i for i in self._ids[start : start + self.SUMMARY_BLOCK] if i not in self._summaries
        ]
        self._summaries.update(self._library.summaries(block))

    # -- changes -------------------------------------------------------------------------

    def insert_top(self, image_id: int) -> None:
        if image_id in self._id_set:
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._ids.insert(0, image_id)
        self._id_set.add(image_id)
        if self._full is not None:
            self._full.insert(0, image_id)
        self._id_rows = None
        self.endInsertRows()
        self._adjust_total(1)
        self._relist_if_pending()

    def remove_ids(self, ids: list[int]) -> None:
        rows = sorted((r for r in (self.row_of(i) for i in ids) if r is not None), reverse=True)
        # Contiguous runs, last first, so earlier row numbers stay valid while removing.
        while rows:
            last = first = rows.pop(0)
            while rows and rows[0] == first - 1:
                first = rows.pop(0)
            self.beginRemoveRows(QModelIndex(), first, last)
            removed = set(self._ids[first : last + 1])
            self._id_set -= removed
            if self._full is not None:
                # Later pages come from the full list by offset: it must lose them too.
                self._full = [i for i in self._full if i not in removed]
            del self._ids[first : last + 1]
            self._id_rows = None
            self.endRemoveRows()
            self._adjust_total(first - last - 1)
        self._relist_if_pending()

    def _relist_if_pending(self) -> None:
        # A list read before this change would not start with the rows now loaded.
        if self._listing is not None:
            self._start_listing()

    def refresh_summaries(self, ids: list[int]) -> None:
        """Re-read the cells of `ids` after the database changed under them."""
        if self._library is None or not ids:
            return
        self._summaries.update(self._library.summaries(ids))
        rows = [r for r in (self.row_of(i) for i in ids) if r is not None]
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)), [SummaryRole])

    # -- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        # Not while the lister reads everything: a page read here too would only repeat its
        # work on the GUI thread (a view asks before its first layout, when it looks empty).
        return not self._exhausted and self._listing is None and not parent.isValid()

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or self._library is None or self._exhausted:
            return
        self._append(min(self.MAX_PAGE, max(self.PAGE_SIZE, len(self._ids))))

    def _append(self, limit: int) -> None:
        """Read up to `limit` more ids after the loaded ones and insert them as rows."""
        if self._library is None:
            return
        start = len(self._ids)
        if self._full is not None:
            page = self._full[start : start + limit]
            self._exhausted = start + len(page) >= len(self._full)
        else:
            page = self._library.query_ids(self._query, start, limit)
            self._exhausted = len(page) < limit
        # New images may have arrived at the top since the first page; offsets then overlap.
        fresh = self._unique(page, self._id_set)
        if not fresh:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self._ids.extend(fresh)
        self._id_rows = None
        self.endInsertRows()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row = index.row()
        if role == ImageIdRole:
            return self._ids[row]
        if role == SummaryRole:
            return self.summary(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            summary = self.summary(row)
            if summary is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return summary.prompt
            return tr("GalleryModel", "{prompt}\n{model} · {width}×{height}").format(
                prompt=summary.prompt[:300],
                model=summary.model,
                width=summary.width,
                height=summary.height,
            )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [IMAGE_IDS_MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """File URLs of the originals, the first image's pixels, and our own id list."""
        ids = [self._ids[i.row()] for i in sorted(indexes, key=lambda i: i.row()) if i.isValid()]
        if self._library is not None and ids:
            # The shared drag-out format: file URLs, the first file's exact bytes and pixels.
            paths = [self._library.original_path(i) for i in ids]
            return image_drag_mime(paths, ids)
        mime = QMimeData()
        mime.setData(IMAGE_IDS_MIME, encode_ids(ids))
        return mime
