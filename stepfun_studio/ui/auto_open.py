"""Results where you look: a newly finished picture opens in the detail view, unless the user is
looking at another one.

The rule (`AutoOpenRule.should_open`), in words:

- the detail view shows nothing: the new picture opens;
- the user picked or moved to a picture (gallery, queue, keyboard) in the last
  `QUIET_AFTER_PICK_S` seconds: it stays, whatever it is, so a picture never jumps away under a
  click or an arrow key;
- the detail view shows a picture that is not the previous newest finished one (it was opened by
  hand, or the newest was never shown): the user is looking at that picture, and it stays;
- otherwise (it shows the previous newest, left alone for a while) the new picture replaces it,
  so a run of n pictures follows along to the last.

Only the detail view moves: the gallery's selection and scroll position stay where the user left
them. The rule is plain Python with an injectable clock, so tests can drive time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject

QUIET_AFTER_PICK_S = 8.0


class AutoOpenRule:
    """Decides whether a newly finished picture may take over the detail view."""

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, quiet_s: float = QUIET_AFTER_PICK_S
    ) -> None:
        self._clock = clock
        self._quiet_s = quiet_s
        self._picked_at: float | None = None
        self.newest: int | None = None  # the newest picture finished this session

    def user_picked(self, image_id: int | None) -> None:
        """The user chose what the detail view shows (None: they cleared it)."""
        self._picked_at = self._clock() if image_id is not None else None

    def should_open(self, new_image: int, shown: int | None) -> bool:
        """Whether `new_image`, just finished, may replace `shown`; remembers it as the newest."""
        previous, self.newest = self.newest, new_image
        if shown is None:
            return True
        if self._picked_at is not None and self._clock() - self._picked_at < self._quiet_s:
            return False
        return shown == previous


class ResultFollower(QObject):
    """Wires the rule to the window: picks from the gallery and the queue count as looking."""

    def __init__(
        self,
        shown: Callable[[], int | None],
        show: Callable[[int], None],
        parent: QObject | None = None,
        rule: AutoOpenRule | None = None,
    ) -> None:
        super().__init__(parent)
        self.rule = rule or AutoOpenRule()
        self._shown = shown
        self._show = show
        self._opening = False

    def user_picked(self, image_id: object) -> None:
        if not self._opening:  # our own show_image is not the user's pick
            self.rule.user_picked(image_id if isinstance(image_id, int) else None)

    def picture_ready(self, image_id: int) -> bool:
        """Opens `image_id` if the rule allows; returns whether it did."""
        if not self.rule.should_open(image_id, self._shown()):
            return False
        self._opening = True
        try:
            self._show(image_id)
        finally:
            self._opening = False
        return True
