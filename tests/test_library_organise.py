"""Culling and organising: ratings, trash and emptying it, tags, notes, collections."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_library_support import full_request, result_for, simple_result

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import ImageQuery, Library


@pytest.fixture
def library(app_paths: AppPaths) -> Iterator[Library]:
    opened = Library.open(app_paths)
    yield opened
    opened.close()


def test_rating_flags_and_bounds(library: Library) -> None:
    image_id = library.ingest_result(simple_result("rate me", 1))
    library.set_rating([image_id], 5)
    library.set_favourite([image_id], True)
    library.set_rejected([image_id], True)
    record = library.get(image_id)
    assert record is not None
    assert (record.rating, record.favourite, record.rejected) == (5, True, True)
    with pytest.raises(ValueError):
        library.set_rating([image_id], 6)


def test_trash_restore_and_empty(library: Library, app_paths: AppPaths) -> None:
    keep = library.ingest_result(simple_result("keep", 1))
    request = full_request()
    doomed = library.ingest_result(result_for(request, pixels=2))
    shared = library.ingest_result(result_for(request.with_changes(seed=9), pixels=3))
    doomed_file = library.original_path(doomed)
    doomed_thumb = library.thumbnail_path(doomed)
    library.move_to_trash([doomed, shared])
    assert library.query_ids(ImageQuery()) == [keep]
    assert set(library.query_ids(ImageQuery(trash=True))) == {doomed, shared}
    record = library.get(doomed)
    assert record is not None and record.trashed_at is not None
    assert doomed_file.exists()  # trash keeps files

    library.restore([shared])
    assert set(library.query_ids(ImageQuery())) == {keep, shared}
    library.move_to_trash([doomed])
    assert library.empty_trash() == 1
    assert library.get(doomed) is None
    assert not doomed_file.exists() and not doomed_thumb.exists()
    # The references are still used by `shared`, so they stay.
    assert library.request_for(shared).source == request.source
    assert library.empty_trash() == 0

    library.move_to_trash([shared])
    assert library.empty_trash() == 1
    source_sha = request.source.sha256  # type: ignore[union-attr]
    assert library.reference_path(source_sha) is None
    assert not [p for p in (app_paths.library_dir / "references").rglob("*") if p.is_file()]
    assert library.check().ok
    assert library.count(ImageQuery(text="cherry")) == 0


def test_references_used_by_a_queued_job_survive_emptying(library: Library) -> None:
    request = full_request()
    image_id = library.ingest_result(result_for(request))
    library.jobs.add([request])
    library.move_to_trash([image_id])
    library.empty_trash()
    job = library.jobs.list_jobs()[0]
    assert job.request.source == request.source and job.request.style == request.style


def test_tags(library: Library) -> None:
    first = library.ingest_result(simple_result("one", 1))
    second = library.ingest_result(simple_result("two", 2))
    library.add_tags([first, second], ["  风景 ", "Sky", "sky", ""])
    library.add_tags([first], ["sky"])
    record = library.get(first)
    assert record is not None and record.tags == ("Sky", "风景")
    assert library.list_tags() == [("Sky", 2), ("风景", 2)]
    library.remove_tags([second], ["风景"])
    library.remove_tags([first, second], ["sky"])
    assert library.list_tags() == [("风景", 1)]
    library.move_to_trash([first])
    assert library.list_tags() == [("风景", 0)]


def test_note(library: Library) -> None:
    image_id = library.ingest_result(simple_result("noted", 1))
    library.set_note(image_id, "用于封面\nfor the cover")
    record = library.get(image_id)
    assert record is not None and record.note == "用于封面\nfor the cover"


def test_collections(library: Library) -> None:
    first = library.ingest_result(simple_result("one", 1))
    second = library.ingest_result(simple_result("two", 2))
    posters = library.create_collection("Posters")
    wallpapers = library.create_collection("壁纸")
    library.add_to_collection([first, second], posters)
    library.add_to_collection([first, first], wallpapers)
    counts = {info.name: info.count for info in library.list_collections()}
    assert counts == {"Posters": 2, "壁纸": 1}
    library.remove_from_collection([second], posters)
    library.rename_collection(posters, "Print")
    assert [(c.name, c.count) for c in library.list_collections()] == [("Print", 1), ("壁纸", 1)]
    library.delete_collection(wallpapers)
    assert [c.name for c in library.list_collections()] == ["Print"]
    assert library.get(first) is not None  # deleting a collection keeps its images
