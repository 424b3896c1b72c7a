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

A batch lands ten pictures a second; opening each (its facts, its thumbnail, then its full-size
pixels, each laid out and painted) only for the next to replace it a tenth of a second later
was most of the GUI thread's work per picture. So `ResultFollower` opens a picture the rule
allows `FOLLOW_MS` after it lands, and one that lands meanwhile takes its place: a burst opens
only its newest picture, and a long run follows along a few times a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

QUIET_AFTER_PICK_S = 8.0
# How long a landed picture waits for a newer one before it opens: short enough not to be seen
# as a delay (the full picture takes longer to decode), long enough to gather a burst.
FOLLOW_MS = 200


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
        follow_ms: int = FOLLOW_MS,
    ) -> None:
        super().__init__(parent)
        self.rule = rule or AutoOpenRule()
        self._shown = shown
        self._show = show
        self._opening = False
        self._pending: int | None = None  # allowed to open, waiting for a newer one
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(follow_ms)
        self._timer.timeout.connect(self.open_pending)

    @property
    def pending(self) -> int | None:
        """The picture that opens when `FOLLOW_MS` is up (None: none)."""
        return self._pending

    def user_picked(self, image_id: object) -> None:
        if not self._opening:  # our own show_image is not the user's pick
            self._pending = None  # the user chose: a picture waiting to open does not
            self.rule.user_picked(image_id if isinstance(image_id, int) else None)

    def picture_ready(self, image_id: int) -> bool:
        """Opens `image_id` shortly if the rule allows (unless a newer one lands meanwhile);
        returns whether it will."""
        # A picture waiting to open is as good as shown: the next one follows it.
        shown = self._pending if self._pending is not None else self._shown()
        if not self.rule.should_open(image_id, shown):
            return False
        self._pending = image_id
        if not self._timer.isActive():
            self._timer.start()
        return True

    def open_pending(self) -> None:
        """Opens the picture waiting to open now (the timer does this `FOLLOW_MS` after)."""
        self._timer.stop()
        image_id, self._pending = self._pending, None
        if image_id is None:
            return
        self._opening = True
        try:
            self._show(image_id)
        finally:
            self._opening = False
