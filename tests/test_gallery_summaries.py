"""The gallery's summary cache: read ahead on a worker, never stale, bounded (real library)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import ImageQuery, Library
from stepfun_studio.ui.gallery.sample_images import fill_library
from stepfun_studio.ui.gallery.summaries import SummaryCache

IMAGES = 12


@pytest.fixture
def library(isolated_home: Path) -> Iterator[Library]:
    opened = Library.open(AppPaths.under(isolated_home))
    fill_library(opened, IMAGES, max_side=32)
    yield opened
    opened.close()


@pytest.fixture
def cache(library: Library) -> Iterator[SummaryCache]:
    worker = ThreadPoolExecutor(max_workers=1)
    summaries = SummaryCache(worker)
    summaries.set_reader(library.summaries)
    yield summaries
    worker.shutdown(wait=True)


def wait_for(cache: SummaryCache, image_id: int) -> None:
    deadline = time.monotonic() + 5
    while cache.get(image_id) is None and time.monotonic() < deadline:
        time.sleep(0.005)


def test_rows_read_ahead_are_found_without_a_read_here(
    cache: SummaryCache, library: Library
) -> None:
    ids = library.query_ids(ImageQuery(), 0, IMAGES)
    assert cache.get(ids[0]) is None  # get never reads
    cache.read_ahead(ids[:5])
    wait_for(cache, ids[4])
    assert [cache.get(i) for i in ids[:5]] == [library.summaries([i])[i] for i in ids[:5]]
    assert cache.get(ids[5]) is None


def test_a_read_under_way_when_the_library_changes_is_thrown_away(
    cache: SummaryCache, library: Library
) -> None:
    ids = library.query_ids(ImageQuery(), 0, IMAGES)
    cache.read_ahead(ids)
    library.set_rating(ids[:3], 5)
    cache.invalidate()  # what the model does when the library changed
    time.sleep(0.2)  # the worker's read (of old or new rows) has finished by now
    assert all(cache.get(i) is None for i in ids)
    cache.read_now(ids[:3])
    assert all((s := cache.get(i)) is not None and s.rating == 5 for i in ids[:3])
    # Rows the caller read afresh replace what a read ahead begun before would bring.
    cache.read_ahead(ids[3:])
    library.set_rating(ids[3:6], 4)
    cache.update(library.summaries(ids[3:6]))
    time.sleep(0.2)
    assert all((s := cache.get(i)) is not None and s.rating == 4 for i in ids[3:6])


def test_the_oldest_rows_make_room_for_new_ones(cache: SummaryCache, library: Library) -> None:
    cache.LIMIT = 8
    ids = library.query_ids(ImageQuery(), 0, IMAGES)
    for image_id in ids:
        cache.read_now([image_id])
    kept = [i for i in ids if cache.get(i) is not None]
    assert 0 < len(kept) <= 8
    assert kept == ids[-len(kept) :]  # the most recently read survive
