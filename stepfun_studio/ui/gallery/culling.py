"""Culling: rate, favourite, reject, trash and restore a selection, each step undoable.

The grid shows a step at once (the model's cached rows change; rows a filter hides leave). The
library is written off the GUI thread on one lane, so steps, undos and redos apply in the order
taken; a step reads what it replaces there just before writing, and its undo puts exactly that
back. Once written, the rows are read back and shown. A failed write (another program holds the
library, a full disk) puts the grid back to the library's truth and says so in `notice`; Retry
writes every failed step again, in order. `changed` tells the panel which images moved and how.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from stepfun_studio.core.errors import AppError
from stepfun_studio.library.library import Library
from stepfun_studio.library.schema import BUSY_TIMEOUT_MS
from stepfun_studio.ui.background import create_worker
from stepfun_studio.ui.gallery.model import GalleryModel
from stepfun_studio.ui.library_notice import LibraryNotice
from stepfun_studio.ui.library_writes import change_library

LANE = "gallery-writes"
Work = Callable[[Library], Any]


class _Step(QUndoCommand):
    def __init__(self, text: str, redo: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(text)
        self._redo = redo
        self._undo = undo

    def redo(self) -> None:
        self._redo()

    def undo(self) -> None:
        self._undo()


class CullingController(QObject):
    """Writes culling decisions (and other changes to the grid's images) through one lane."""

    # ids changed, and how: "flags" (rating/favourite/rejected), "trashed", "restored",
    # "emptied", "organised" (tags, notes), "collected" (added to a collection); "failed": a
    # write failed, the grid is to be read again.
    changed = Signal(list, str)
    status_message = Signal(str)

    def __init__(self, model: GalleryModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.notice = LibraryNotice()  # the panel places it above the grid
        self._model = model
        self._library: Library | None = None
        self._failed: list[tuple[list[int], Callable[[], None]]] = []
        self.writing = 0  # writes whose outcome has not come back yet

    def set_library(self, library: Library | None) -> None:
        if self._library is not None and library is not self._library:
            # The library may close next: a write under way must end first (closing under it
            # would crash its thread), and a rating given just before quitting is kept.
            written = threading.Event()
            create_worker(written.set, _lane=LANE, _name="gallery-writes-done").start()
            written.wait(BUSY_TIMEOUT_MS / 1000 + 2)
        self._library = library
        self.undo_stack.clear()
        self._failed.clear()
        self.notice.dismiss()

    def write(
        self, work: Work, ids: list[int], kind: str, then: Callable[[Any], None] = lambda _r: None
    ) -> None:
        """`work(library)` on the lane; here `then(its result)` and `changed(ids, kind)`. A
        failure: the notice, and `changed(ids, "failed")`."""
        library = self._library
        if library is None:
            return
        self.writing += 1

        def done(result: object) -> None:
            self.writing -= 1
            if library is not self._library:
                return
            # A later write of the same images makes an earlier failed one moot (none left: quiet).
            self._failed = [(f, again) for f, again in self._failed if not set(f) & set(ids)]
            if not self._failed:
                self.notice.dismiss()
            then(result)
            self.changed.emit(ids, kind)

        def failed(error: AppError) -> None:
            self.writing -= 1
            if library is not self._library:
                return
            self._failed.append((ids, lambda: self.write(work, ids, kind, then)))
            self.notice.show_problem(error.message, self._retry)
            self.status_message.emit(error.message)
            self.changed.emit(ids, "failed")

        change_library(self, lambda: work(library), done, failed, f"gallery-{kind}", lane=LANE)

    def _retry(self) -> None:
        failed, self._failed = self._failed, []
        for _ids, again in failed:
            again()

    def rate(self, ids: list[int], rating: int) -> None:
        said = self.tr("Rated %n image(s): ", "", len(ids)) + ("★" * rating or self.tr("no stars"))
        self._flag(ids, "rating", rating, self.tr("Rate %n image(s)", "", len(ids)), said)

    def toggle_favourite(self, ids: list[int]) -> None:
        self.favourite(ids, self._toggled(ids, "favourite"))

    def favourite(self, ids: list[int], on: bool = True) -> None:
        """Favourites (or unfavourites) all of `ids`: the F key, or a drop on Favourites."""
        n = len(ids)
        texts = (self.tr("Unfavourite %n image(s)", "", n), self.tr("Favourite %n image(s)", "", n))
        self._flag(ids, "favourite", on, texts[on])

    def toggle_rejected(self, ids: list[int]) -> None:
        n, on = len(ids), self._toggled(ids, "rejected")
        texts = (self.tr("Unreject %n image(s)", "", n), self.tr("Reject %n image(s)", "", n))
        self._flag(ids, "rejected", on, texts[on])

    def _toggled(self, ids: list[int], flag: str) -> bool:
        """Set the flag on all when any lacks it, else clear it on all (as Lightroom does):
        judged by what the grid shows, which is what the user decides on."""
        shown = (self._model.cached_summary(i) for i in ids)
        return not all(s is not None and getattr(s, flag) for s in shown)

    def _flag(self, ids: list[int], field: str, value: object, text: str, said: str = "") -> None:
        if self._library is None or not ids:
            return
        shown = {i: s for i in ids if (s := self._model.cached_summary(i))}
        before = {i: getattr(s, field) for i, s in shown.items()}  # for undo to show at once
        old: dict[int, object] = {}  # what the library held, read and used on the lane only
        setter = f"set_{field}"

        def redo(library: Library) -> object:
            old.clear()
            old.update({i: getattr(s, field) for i, s in library.summaries(ids).items()})
            getattr(library, setter)(ids, value)
            return library.summaries(ids)

        def undo(library: Library) -> object:
            for was in set(old.values()):  # one write per value (at most six)
                getattr(library, setter)([i for i, v in old.items() if v == was], was)
            return library.summaries(ids)

        def step(work: Work, values: dict[int, Any]) -> None:
            # The grid shows it at once; once written, what the library holds.
            now = {i: s for i in values if (s := self._model.cached_summary(i))}
            self._model.show_summaries(
                {i: dataclasses.replace(s, **{field: values[i]}) for i, s in now.items()}
            )
            self.changed.emit(ids, "flags")
            self.write(work, ids, "flags", self._model.show_summaries)

        self.undo_stack.push(
            _Step(text, lambda: step(redo, dict.fromkeys(ids, value)), lambda: step(undo, before))
        )
        self.status_message.emit(said or text)

    def trash(self, ids: list[int]) -> None:
        said = self.tr("Moved %n image(s) to the trash (Ctrl+Z to undo)", "", len(ids))
        self._move(ids, True, self.tr("Move %n image(s) to the trash", "", len(ids)), said)

    def restore(self, ids: list[int]) -> None:
        text = self.tr("Restore %n image(s)", "", len(ids))
        self._move(ids, False, text, text)

    def _move(self, ids: list[int], to_trash: bool, text: str, said: str) -> None:
        if self._library is None or not ids:
            return

        def step(into_trash: bool) -> None:
            kind = "trashed" if into_trash else "restored"
            self.changed.emit(ids, kind)  # the rows leave (or come back) at once
            move = Library.move_to_trash if into_trash else Library.restore
            self.write(lambda library: move(library, ids), ids, kind)

        self.undo_stack.push(_Step(text, lambda: step(to_trash), lambda: step(not to_trash)))
        self.status_message.emit(said)

    def empty_trash(self) -> None:
        """Deletes for good: not undoable, so the panel asks first."""

        def emptied(removed: int) -> None:
            self.undo_stack.clear()
            self.status_message.emit(self.tr("Deleted %n image(s) for good", "", removed))

        self.write(lambda library: library.empty_trash(), [], "emptied", emptied)
