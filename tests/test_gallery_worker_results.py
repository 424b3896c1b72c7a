"""Worker results picked up on the GUI thread: a failed or cancelled read never raises there."""

from __future__ import annotations

import logging
from concurrent.futures import Future

import pytest

from stepfun_studio.ui.gallery.worker_results import finished_result


def test_a_result_a_failure_and_a_cancellation(caplog: pytest.LogCaptureFixture) -> None:
    done: Future[list[int]] = Future()
    done.set_result([3, 2, 1])
    assert finished_result(done, "listing") == [3, 2, 1]

    failed: Future[list[int]] = Future()
    failed.set_exception(OSError("database is locked"))
    with caplog.at_level(logging.WARNING):
        assert finished_result(failed, "listing the gallery's images") is None
    assert "listing the gallery's images failed" in caplog.text
    assert "database is locked" in caplog.text

    cancelled: Future[list[int]] = Future()
    assert cancelled.cancel()
    assert finished_result(cancelled, "listing") is None
