"""The gallery's summary cache: read ahead on a worker, never stale, bounded (real library)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import ImageQuery, Library
from stepfun_studio.library.samples import fill_library
from stepfun_studio.ui.gallery.summaries import SummaryCache
from stepfun_studio.ui.library_reads import LibraryReads

IMAGES = 12


@pytest.fixture
def library(isolated_home: Path) -> Iterator[Library]:
    opened = Library.open(AppPaths.under(isolated_home))
    fill_library(opened, IMAGES, max_side=32)
    yield opened
    opened.close()


@pytest.fixture
def reads(qtbot: QtBot) -> Iterator[LibraryReads]:
    worker = LibraryReads()
    yield worker
    worker.shutdown()


@pytest.fixture
def cache(library: Library, reads: LibraryReads) -> SummaryCache:
    arrivals: list[tuple[int, int]] = []
    summaries = SummaryCache(reads.submit, arrivals.append)
    summaries.arrivals = arrivals  # type: ignore[attr-defined]
    summaries.set_reader(library.summaries)
    return summaries


def test_rows_read_ahead_are_found_without_a_read_here(
    qtbot: QtBot, cache: SummaryCache, library: Library
) -> None:
    ids = library.query_ids(ImageQuery(), 0, IMAGES)
    assert cache.get(ids[0]) is None  # get never reads
    cache.read_ahead(ids[:5], (0, 4))
    qtbot.waitUntil(lambda: cache.get(ids[4]) is not None, timeout=5000)
    assert [cache.get(i) for i in ids[:5]] == [library.summaries([i])[i] for i in ids[:5]]
    assert cache.get(ids[5]) is None
    assert cache.arrivals == [(0, 4)]  # type: ignore[attr-defined] # those rows repaint


def test_a_read_under_way_when_the_library_changes_is_thrown_away(
    qtbot: QtBot, cache: SummaryCache, library: Library, reads: LibraryReads
) -> None:
    ids = library.query_ids(ImageQuery(), 0, IMAGES)
    cache.read_ahead(ids)
    library.set_rating(ids[:3], 5)
    cache.invalidate()  # what the model does when the library changed
    qtbot.waitUntil(lambda: not reads.busy(), timeout=5000)  # its answer came, and was dropped
    assert all(cache.get(i) is None for i in ids)
    cache.update(library.summaries(ids[:3]))
    assert all((s := cache.get(i)) is not None and s.rating == 5 for i in ids[:3])
    # Rows the caller read afresh replace what a read ahead begun before would bring.
    cache.read_ahead(ids[3:])
    library.set_rating(ids[3:6], 4)
    cache.update(library.summaries(ids[3:6]))
    qtbot.waitUntil(lambda: not reads.busy(), timeout=5000)
    assert all((s := cache.get(i)) is not None and s.rating == 4 for i in ids[3:6])


def test_the_oldest_rows_make_room_for_new_ones(cache: SummaryCache, library: Library) -> None:
    cache.LIMIT = 8
    ids = library.query_ids(ImageQuery(), 0, IMAGES)
    for image_id in ids:
        cache.update(library.summaries([image_id]))
    kept = [i for i in ids if cache.get(i) is not None]
    assert 0 < len(kept) <= 8
    assert kept == ids[-len(kept) :]  # the most recently read survive
