"""`GalleryModel`: the grid's list of image ids, fetched in pages, with small per-cell columns.

The model holds ids and `ImageSummary` rows, never pictures. The first page of ids comes at
once, so opening a library of 100,000 images shows a screen after one page; on the next turn of
the event loop the query is counted and the remaining ids are read in one query and inserted in
one go. The view then lays out its rows once, instead of again for every page met while
scrolling (each such relayout was a visible stall deep in a long list). `canFetchMore` and
`fetchMore` still page for a caller that asks before the count. Summaries are read lazily in
blocks around the rows the view actually asks for.
"""

from __future__ import annotations

from collections.abc import Sequence
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

ImageIdRole = int(Qt.ItemDataRole.UserRole) + 1
SummaryRole = int(Qt.ItemDataRole.UserRole) + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class GalleryModel(QAbstractListModel):
    """Image ids of one `ImageQuery`, newest first unless the query sorts otherwise."""

    PAGE_SIZE = 1000
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
        self._exhausted = True
        # None until counted: the grid shows its first page before the count (a broad search
        # can take a while to count), and the count follows on the next turn of the event loop.
        self._total: int | None = 0
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._count)
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
        """How many images match the query (not how many rows are loaded yet)."""
        if self._total is None:
            self._count()
        assert self._total is not None
        return self._total

    @property
    def total_known(self) -> bool:
        return self._total is not None

    def _count(self) -> None:
        self._count_timer.stop()
        if self._total is None:
            self._total = self._library.count(self._query) if self._library is not None else 0
            # All the rest now, in one query and one insert: a plain index scan of 100,000 ids
            # costs less than the OFFSET scans and relayouts of paging them in while scrolling.
            missing = self._total - len(self._ids)
            if missing > 0 and not self._exhausted:
                # A page of slack: images may have arrived at the top since the count.
                self._append(missing + self.PAGE_SIZE)
            self.total_changed.emit(self._total)

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
        self._reload(self.PAGE_SIZE)

    def reload(self) -> None:
        """Read the query again, keeping as many rows loaded as before (so the view stays put)."""
        self._summaries.clear()
        self._reload(max(self.PAGE_SIZE, len(self._ids)))

    def _reload(self, limit: int) -> None:
        self.beginResetModel()
        if self._library is None:
            page: list[int] = []
        else:
            page = self._library.query_ids(self._query, 0, limit)
        self._ids = self._unique(page, set())
        self._exhausted = len(page) < limit
        self._total = len(self._ids) if self._exhausted else None
        self._id_rows = None
        self.endResetModel()
        if self._total is None:
            self._count_timer.start()
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
        if self.row_of(image_id) is not None:
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._ids.insert(0, image_id)
        self._id_rows = None
        self.endInsertRows()
        self._adjust_total(1)

    def remove_ids(self, ids: list[int]) -> None:
        rows = sorted((r for r in (self.row_of(i) for i in ids) if r is not None), reverse=True)
        # Contiguous runs, last first, so earlier row numbers stay valid while removing.
        while rows:
            last = first = rows.pop(0)
            while rows and rows[0] == first - 1:
                first = rows.pop(0)
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first : last + 1]
            self._id_rows = None
            self.endRemoveRows()
            self._adjust_total(first - last - 1)

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
        return not self._exhausted and not parent.isValid()

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or self._library is None or self._exhausted:
            return
        self._append(min(self.MAX_PAGE, max(self.PAGE_SIZE, len(self._ids))))

    def _append(self, limit: int) -> None:
        """Read up to `limit` more ids after the loaded ones and insert them as rows."""
        if self._library is None:
            return
        start = len(self._ids)
        page = self._library.query_ids(self._query, start, limit)
        self._exhausted = len(page) < limit
        # New images may have arrived at the top since the first page; offsets then overlap.
        seen = set(self._ids) if self._id_rows is None else set(self._id_rows)
        fresh = self._unique(page, seen)
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
