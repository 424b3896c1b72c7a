"""`finished_result`: what a worker's future produced, picked up on the GUI thread.

The gallery's lister thread reads id lists and summaries; the GUI thread polls their futures
and must never raise from a failed read (a closed library, a locked file): it logs and carries on.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


def finished_result(future: Future[T], what: str) -> T | None:
    """The result of a done future, or None if it was cancelled or failed (logged as `what`)."""
    if future.cancelled():
        return None
    try:
        return future.result()
    except Exception:
        log.warning("%s failed", what, exc_info=True)
        return None
