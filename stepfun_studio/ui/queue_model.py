"""`QueueModel`: the queue's jobs as a tree, newest group first, with thumbnails.

A group is one submit (`JobInfo.group_id`: a Generate of n pictures, one batch or grid run).
A group of one job is one top-level row, the job itself; a larger group is a header row (the
prompt's start, how many pictures, how far they are) with its jobs under it, in the order they
were queued. Groups are newest first, like the gallery.

Finished jobs show their picture's thumbnail, read by the gallery's `ThumbnailLoader` on its own
threads (the GUI thread never reads the file); a header shows its newest finished picture.
Child rows carry their group's id as the index's internal id, so an index stays right when
groups above it come and go.

A batch's pictures arrive ten a second, each changing its job three or four times: what a
header shows is kept per group as the jobs change (`GroupTally`), so no change and no paint
walks a group's jobs, and changed rows are told to the view together, at most every
`REPAINT_MS` (`dataChanged` per change made the tree repaint four times per picture).
"""

from __future__ import annotations

import bisect
import collections

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QPixmap

from stepfun_studio.jobs.queue import JobInfo, JobQueue
from stepfun_studio.library.jobs import JobState
from stepfun_studio.ui.gallery.thumbnails import ThumbnailLoader
from stepfun_studio.ui.queue_tally import GroupTally

PROMPT, STATE, TIME = range(3)
COLUMNS = 3
JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 2
THUMBNAIL_PX = 40
PROMPT_START_CHARS = 48
FAILED_COLOUR = "#d64550"
# Changed rows are told to the view at most this often: a state or a thumbnail a tenth of a
# second late is not seen; a repaint of the tree per change is.
REPAINT_MS = 100
_STATE_ORDER = (
    JobState.DONE,
    JobState.RUNNING,
    JobState.WAITING,
    JobState.FAILED,
    JobState.CANCELLED,
    JobState.INTERRUPTED,
)

AnyIndex = QModelIndex | QPersistentModelIndex
# The roles `data` answers; the view asks a dozen more per cell, answered before any lookup.
_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        JOB_ID_ROLE,
        GROUP_ID_ROLE,
    }
)
_FAILED = (JobState.FAILED, JobState.INTERRUPTED)


def format_seconds(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s" if seconds < 10 else f"{seconds:.0f} s"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


def prompt_start(prompt: str, limit: int = PROMPT_START_CHARS) -> str:
    flat = " ".join(prompt.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class QueueModel(QAbstractItemModel):
    """Groups of jobs, newest first; kept in step with the queue by `job_changed`."""

    def __init__(
        self,
        queue: JobQueue,
        parent: QObject | None = None,
        thumbnails: ThumbnailLoader | None = None,
        device_pixel_ratio: float = 1.0,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._thumbnails = thumbnails
        self._dpr = device_pixel_ratio
        self._jobs: dict[int, JobInfo] = {}
        self._groups: list[int] = []  # group ids, ascending (shown reversed: newest first)
        self._members: dict[int, list[int]] = {}  # group id -> job ids, ascending
        # image id -> job id: the gallery's loader reports every thumbnail it reads (hundreds
        # a second while the gallery scrolls); finding ours must not walk every job.
        self._by_image: dict[int, int] = {}
        self._one_prompt: set[int] = set()  # groups whose jobs all have the same prompt
        self._tallies: dict[int, GroupTally] = {}
        # The jobs `tick` looks at: running ones, and those whose thumbnail has not come yet.
        self._watched: set[int] = set()
        # Rows changed since the view was last told: (job id, first column, last column).
        self._dirty: dict[int, tuple[int, int]] = {}
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(REPAINT_MS)
        self._flush_timer.timeout.connect(self.flush_changes)
        for info in queue.jobs():
            self._add(info, announce=False)
        queue.job_changed.connect(self._on_job_changed)
        if thumbnails is not None:
            thumbnails.thumbnail_ready.connect(self._on_thumbnail)

    # --- the tree ---------------------------------------------------------------------------

    def _group_at(self, row: int) -> int | None:
        if 0 <= row < len(self._groups):
            return self._groups[len(self._groups) - 1 - row]
        return None

    def _group_row(self, group: int) -> int:
        position = bisect.bisect_left(self._groups, group)
        if position < len(self._groups) and self._groups[position] == group:
            return len(self._groups) - 1 - position
        return -1

    def _children(self, group: int) -> list[int]:
        members = self._members.get(group, [])
        return members if len(members) > 1 else []

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < COLUMNS:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, 0)
                if self._group_at(row) is not None
                else (QModelIndex())
            )
        group = self._group_at(parent.row()) if parent.internalId() == 0 else None
        if group is None or not 0 <= row < len(self._children(group)):
            return QModelIndex()
        return self.createIndex(row, column, group)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        row = self._group_row(int(child.internalId()))
        return self.createIndex(row, 0, 0) if row >= 0 else QModelIndex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        group = self._group_at(parent.row())
        return len(self._children(group)) if group is not None else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Prompt"), self.tr("State"), self.tr("Time"))[section]

    # --- what an index stands for -------------------------------------------------------------

    def group_of(self, index: AnyIndex) -> int | None:
        if not index.isValid():
            return None
        if index.internalId() != 0:
            return int(index.internalId())
        return self._group_at(index.row())

    def job_for(self, index: AnyIndex) -> JobInfo | None:
        """The job a row is (None for a group's header row)."""
        group = self.group_of(index)
        if group is None:
            return None
        members = self._members[group]
        if index.internalId() != 0:
            return self._jobs.get(members[index.row()]) if index.row() < len(members) else None
        return self._jobs.get(members[0]) if len(members) == 1 else None

    def jobs_for(self, index: AnyIndex) -> list[JobInfo]:
        """The job a row is, or every job of a group's header."""
        group = self.group_of(index)
        if group is None:
            return []
        if index.internalId() != 0:
            job = self.job_for(index)
            return [job] if job is not None else []
        return [self._jobs[job_id] for job_id in self._members[group]]

    def states_in(self, index: AnyIndex) -> collections.Counter[JobState]:
        """How many jobs of a row are in each state (a header: its group's), without a walk."""
        group = self.group_of(index)
        if group is None:
            return collections.Counter()
        job = self.job_for(index)
        if job is not None:
            return collections.Counter((job.state,))
        return self._tally(group).counts

    def index_of(self, job_id: int, column: int = 0) -> QModelIndex:
        info = self._jobs.get(job_id)
        if info is None:
            return QModelIndex()
        row = self._group_row(info.group_id)
        members = self._members[info.group_id]
        if len(members) == 1:
            return self.index(row, column)
        return self.index(bisect.bisect_left(members, job_id), column, self.index(row, 0))

    def group_count(self) -> int:
        return len(self._groups)

    def group_sizes(self) -> list[int]:
        """How many jobs each top-level row holds, top to bottom (for tests)."""
        return [len(self._members[group]) for group in reversed(self._groups)]

    # --- data ---------------------------------------------------------------------------------

    def state_text(self, info: JobInfo) -> str:
        labels = {
            JobState.WAITING: self.tr("Waiting"),
            JobState.RUNNING: self.tr("Running"),
            JobState.DONE: self.tr("Done"),
            JobState.FAILED: self.tr("Failed"),
            JobState.CANCELLED: self.tr("Cancelled"),
            JobState.INTERRUPTED: self.tr("Interrupted, may have been billed"),
        }
        if info.state is JobState.FAILED and info.error_text:
            return self.tr("Failed: {reason}").format(reason=info.error_text)
        return labels[info.state]

    def group_state_text(self, jobs: list[JobInfo]) -> str:
        return self._state_words(collections.Counter(job.state for job in jobs))

    def _state_words(self, counts: collections.Counter[JobState]) -> str:
        words = {
            JobState.DONE: lambda n: self.tr("%n done", "", n),
            JobState.RUNNING: lambda n: self.tr("%n running", "", n),
            JobState.WAITING: lambda n: self.tr("%n waiting", "", n),
            JobState.FAILED: lambda n: self.tr("%n failed", "", n),
            JobState.CANCELLED: lambda n: self.tr("%n cancelled", "", n),
            JobState.INTERRUPTED: lambda n: self.tr("%n interrupted", "", n),
        }
        return ", ".join(words[state](counts[state]) for state in _STATE_ORDER if counts[state] > 0)

    def group_title(self, jobs: list[JobInfo]) -> str:
        return self._title(jobs[0].prompt, len(jobs))

    def _title(self, prompt: str, count: int) -> str:
        # A header is shown for two jobs or more, so the plural needs no %n form.
        return self.tr("{prompt} · {count} pictures").format(
            prompt=prompt_start(prompt), count=count
        )

    def group_tooltip(self, jobs: list[JobInfo]) -> str:
        prompts = list(dict.fromkeys(job.prompt for job in jobs))
        if len(prompts) == 1:
            return prompts[0]
        return "\n\n".join(prompts[:5]) + ("\n\n…" if len(prompts) > 5 else "")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ANSWERED:
            return None
        group = self.group_of(index)
        if group is None:
            return None
        job = self.job_for(index)
        if role == JOB_ID_ROLE:
            return job.job_id if job is not None else None
        if role == GROUP_ID_ROLE:
            return group
        if job is None:
            return self._group_data(group, index.column(), role)
        if (
            role == Qt.ItemDataRole.DisplayRole
            and index.column() == PROMPT
            and index.internalId() != 0
            and group in self._one_prompt
        ):
            # Where a group's jobs share one prompt (n pictures, More like this), each is named
            # by its place: the dock is narrow, and the same words four times say nothing.
            return self.tr("Picture {number} of {count}").format(
                number=index.row() + 1, count=len(self._members[group])
            )
        return self._job_data(job, index.column(), role)

    def _job_data(self, info: JobInfo, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PROMPT:
                return prompt_start(info.prompt, 200)
            if column == STATE:
                return self.state_text(info)
            elapsed = info.elapsed_s()
            return "" if elapsed is None else format_seconds(elapsed)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATE and info.error is not None:
                details = info.error.details()
                return info.error.message + (f"\n\n{details}" if details else "")
            return self.state_text(info) if column == STATE else info.prompt
        if role == Qt.ItemDataRole.DecorationRole and column == PROMPT:
            return self._thumbnail(info.image_id)
        failed = info.state in _FAILED
        if role == Qt.ItemDataRole.ForegroundRole and column == STATE and failed:
            return QColor(FAILED_COLOUR)
        return None

    def _group_data(self, group: int, column: int, role: int) -> object:
        members = self._members[group]
        tally = self._tally(group)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PROMPT:
                return self._title(self._jobs[members[0]].prompt, len(members))
            if column == STATE:
                return self._state_words(tally.counts)
            elapsed = tally.elapsed_s()
            return "" if elapsed is None else format_seconds(elapsed)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATE:
                return self._state_words(tally.counts)
            return self.group_tooltip([self._jobs[job_id] for job_id in members])
        if role == Qt.ItemDataRole.DecorationRole and column == PROMPT:
            return self._thumbnail(tally.newest_done[1]) if tally.newest_done else None
        failed = any(tally.counts[state] > 0 for state in _FAILED)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATE and failed:
            return QColor(FAILED_COLOUR)
        return None

    def _tally(self, group: int) -> GroupTally:
        tally = self._tallies[group]
        if tally.stale:  # after a removal only (Clear finished): not per change
            tally.rebuild([self._jobs[job_id] for job_id in self._members[group]])
        return tally

    def _thumbnail(self, image_id: int | None) -> QPixmap | None:
        if image_id is None or self._thumbnails is None:
            return None
        size = round(THUMBNAIL_PX * self._dpr)
        pixmap = self._thumbnails.cached(image_id, size)
        if pixmap is None:
            # Cheap when asked already; asked again if the gallery dropped it meanwhile.
            self._thumbnails.request(image_id, size, self._dpr)
        return pixmap

    # --- keeping in step ----------------------------------------------------------------------

    def job_count(self) -> int:
        return len(self._jobs)

    def tick(self) -> None:
        """Re-reads the time of running jobs, and thumbnails still on their way (a request the
        gallery's loader dropped while it scrolled is asked again when the row is painted).
        Only the jobs in `_watched` are looked at, not the whole queue, twice a second."""
        size = round(THUMBNAIL_PX * self._dpr)
        loader = self._thumbnails
        for job_id in list(self._watched):
            info = self._jobs[job_id]
            if info.state is JobState.RUNNING:
                self._changed(job_id, TIME, TIME)
            elif (
                info.image_id is None
                or loader is None
                or loader.has_failed(info.image_id, size)
                or loader.cached(info.image_id, size) is not None
            ):
                self._watched.discard(job_id)  # here, or never coming: nothing to ask again
            else:
                self._changed(job_id, PROMPT, PROMPT)

    def _watch(self, info: JobInfo) -> None:
        if info.state is JobState.RUNNING or info.image_id is not None:
            self._watched.add(info.job_id)
        else:
            self._watched.discard(info.job_id)

    def _changed(self, job_id: int, first: int, last: int) -> None:
        """Marks the row (and its header) changed; the view is told by `flush_changes`."""
        known = self._dirty.get(job_id, (first, last))
        self._dirty[job_id] = (min(first, known[0]), max(last, known[1]))
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush_changes(self) -> None:
        """Tells the view every row changed since the last time, each header once."""
        self._flush_timer.stop()
        dirty, self._dirty = self._dirty, {}
        headers: set[int] = set()
        for job_id, (first, last) in dirty.items():
            index = self.index_of(job_id, first)
            if not index.isValid():
                continue
            self.dataChanged.emit(index, index.siblingAtColumn(last))
            if index.parent().isValid():
                headers.add(int(index.internalId()))
        for group in headers:
            header = self.index(self._group_row(group), 0)
            self.dataChanged.emit(header, header.siblingAtColumn(COLUMNS - 1))

    def _on_thumbnail(self, image_id: int, _size: int) -> None:
        job_id = self._by_image.get(image_id)
        if job_id is not None:
            self._changed(job_id, PROMPT, PROMPT)

    def _on_job_changed(self, job_id: int) -> None:
        info = self._queue.get(job_id)
        known = job_id in self._jobs
        if info is None and known:
            self._remove(job_id)
        elif info is not None and not known:
            self._add(info, announce=True)
        elif info is not None:
            tally = self._tallies[info.group_id]
            tally.remove(self._jobs[job_id])
            tally.add(info)
            self._jobs[job_id] = info
            self._watch(info)
            if info.image_id is not None:
                self._by_image[info.image_id] = job_id
            self._changed(job_id, 0, COLUMNS - 1)

    def _add(self, info: JobInfo, *, announce: bool) -> None:
        self._watch(info)
        if info.image_id is not None:
            self._by_image[info.image_id] = info.job_id
        group = info.group_id
        members = self._members.get(group)
        if members is None:
            position = bisect.bisect_left(self._groups, group)
            row = len(self._groups) - position
            if announce:
                self.beginInsertRows(QModelIndex(), row, row)
            self._groups.insert(position, group)
            self._members[group] = [info.job_id]
            self._jobs[info.job_id] = info
            self._tallies[group] = GroupTally()
            self._tallies[group].add(info)
            self._one_prompt.add(group)
            if announce:
                self.endInsertRows()
            return
        header = self.index(self._group_row(group), 0)
        place = bisect.bisect_left(members, info.job_id)
        # A job alone gains a second one: the row becomes a header with both under it.
        first, last = (0, 1) if len(members) == 1 else (place, place)
        if announce:
            self.beginInsertRows(header, first, last)
        if info.prompt != self._jobs[members[0]].prompt:
            self._one_prompt.discard(group)
        members.insert(place, info.job_id)
        self._jobs[info.job_id] = info
        self._tallies[group].add(info)
        if announce:
            self.endInsertRows()
            self.dataChanged.emit(header, header.siblingAtColumn(COLUMNS - 1))

    def _remove(self, job_id: int) -> None:
        self._watched.discard(job_id)
        image_id = self._jobs[job_id].image_id
        if image_id is not None:
            self._by_image.pop(image_id, None)
        group = self._jobs[job_id].group_id
        members = self._members[group]
        row = self._group_row(group)
        if len(members) == 1:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._groups[bisect.bisect_left(self._groups, group)]
            del self._members[group]
            del self._jobs[job_id]
            del self._tallies[group]
            self._one_prompt.discard(group)
            self.endRemoveRows()
            return
        header = self.index(row, 0)
        place = bisect.bisect_left(members, job_id)
        # Two become one: the header's children go; the row is the last job itself.
        first, last = (0, 1) if len(members) == 2 else (place, place)
        self.beginRemoveRows(header, first, last)
        del members[place]
        self._tallies[group].remove(self._jobs.pop(job_id))
        if len({self._jobs[member].prompt for member in members}) == 1:
            self._one_prompt.add(group)
        self.endRemoveRows()
        self.dataChanged.emit(header, header.siblingAtColumn(COLUMNS - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        for row in range(self.rowCount()):
            header = self.index(row, 0)
            self.dataChanged.emit(header, header.siblingAtColumn(COLUMNS - 1))
            children = self.rowCount(header)
            if children:
                self.dataChanged.emit(
                    self.index(0, 0, header), self.index(children - 1, COLUMNS - 1, header)
                )
