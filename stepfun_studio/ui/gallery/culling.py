"""Culling: rate, favourite, reject, trash and restore a selection, each step undoable.

Every change is written to the library at once and pushed on a `QUndoStack`, so Ctrl+Z takes
back a Delete as readily as a star. After each step `changed` tells the panel which images moved,
and whether rows may have to leave the grid (trash, restore, or a flag the filter hides).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageSummary


class _Step(QUndoCommand):
    def __init__(self, text: str, redo: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(text)
        self._redo = redo
        self._undo = undo

    def redo(self) -> None:
        self._redo()

    def undo(self) -> None:
        self._undo()


def _group(ids: list[int], value: Callable[[int], object]) -> dict[object, list[int]]:
    groups: dict[object, list[int]] = defaultdict(list)
    for image_id in ids:
        groups[value(image_id)].append(image_id)
    return groups


class CullingController(QObject):
    """Writes culling decisions to the library through an undo stack."""

    # ids changed, and how: "flags" (rating/favourite/rejected), "trashed", "restored", "emptied"
    changed = Signal(list, str)
    status_message = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._library: Library | None = None

    def set_library(self, library: Library | None) -> None:
        self._library = library
        self.undo_stack.clear()

    def _summaries(self, ids: list[int]) -> dict[int, ImageSummary]:
        assert self._library is not None
        return self._library.summaries(ids)

    def rate(self, ids: list[int], rating: int) -> None:
        if self._library is None or not ids:
            return
        library = self._library
        before = self._summaries(ids)
        old = _group(ids, lambda i: before[i].rating if i in before else 0)

        def redo() -> None:
            library.set_rating(ids, rating)
            self.changed.emit(ids, "flags")

        def undo() -> None:
            for value, group in old.items():
                library.set_rating(group, int(str(value)))
            self.changed.emit(ids, "flags")

        text = self.tr("Rate %n image(s)", "", len(ids))
        self.undo_stack.push(_Step(text, redo, undo))
        self.status_message.emit(
            self.tr("Rated %n image(s): ", "", len(ids)) + ("★" * rating or self.tr("no stars"))
        )

    def toggle_favourite(self, ids: list[int]) -> None:
        self._toggle(ids, "favourite")

    def toggle_rejected(self, ids: list[int]) -> None:
        self._toggle(ids, "rejected")

    def _toggle(self, ids: list[int], flag: str) -> None:
        """Set the flag on all when any lacks it, else clear it on all (as Lightroom does)."""
        if self._library is None or not ids:
            return
        library = self._library
        before = self._summaries(ids)
        old = {i: bool(getattr(before[i], flag)) for i in ids if i in before}
        value = not all(old.values())
        setter = library.set_favourite if flag == "favourite" else library.set_rejected

        def redo() -> None:
            setter(ids, value)
            self.changed.emit(ids, "flags")

        def undo() -> None:
            for was, group in _group(ids, lambda i: old.get(i, False)).items():
                setter(group, bool(was))
            self.changed.emit(ids, "flags")

        if flag == "favourite":
            text = (
                self.tr("Favourite %n image(s)", "", len(ids))
                if value
                else self.tr("Unfavourite %n image(s)", "", len(ids))
            )
        else:
            text = (
                self.tr("Reject %n image(s)", "", len(ids))
                if value
                else self.tr("Unreject %n image(s)", "", len(ids))
            )
        self.undo_stack.push(_Step(text, redo, undo))
        self.status_message.emit(text)

    def trash(self, ids: list[int]) -> None:
        if self._library is None or not ids:
            return
        library = self._library

        def redo() -> None:
            library.move_to_trash(ids)
            self.changed.emit(ids, "trashed")

        def undo() -> None:
            library.restore(ids)
            self.changed.emit(ids, "restored")

        text = self.tr("Move %n image(s) to the trash", "", len(ids))
        self.undo_stack.push(_Step(text, redo, undo))
        self.status_message.emit(
            self.tr("Moved %n image(s) to the trash (Ctrl+Z to undo)", "", len(ids))
        )

    def restore(self, ids: list[int]) -> None:
        if self._library is None or not ids:
            return
        library = self._library

        def redo() -> None:
            library.restore(ids)
            self.changed.emit(ids, "restored")

        def undo() -> None:
            library.move_to_trash(ids)
            self.changed.emit(ids, "trashed")

        text = self.tr("Restore %n image(s)", "", len(ids))
        self.undo_stack.push(_Step(text, redo, undo))
        self.status_message.emit(text)

    def empty_trash(self) -> int:
        """Deletes for good: not undoable, so the panel asks first."""
        if self._library is None:
            return 0
        removed = self._library.empty_trash()
        self.undo_stack.clear()
        self.changed.emit([], "emptied")
        self.status_message.emit(self.tr("Deleted %n image(s) for good", "", removed))
        return removed
