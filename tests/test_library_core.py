"""Library: ingest, records, PNG metadata, thumbnails, and the job store, on real files."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PIL import Image
from test_library_support import full_request, result_for, simple_result

from stepfun_studio.core.errors import ErrorKind
from stepfun_studio.core.metadata import JSON_KEYWORD
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.library import ImageQuery, JobState, Library, read_png_parameters
from stepfun_studio.library.pngchunks import read_text_chunks


@pytest.fixture
def library(app_paths: AppPaths) -> Library:
    opened = Library.open(app_paths)
    yield opened  # type: ignore[misc]
    opened.close()


def test_open_creates_folders_and_sets_pragmas(app_paths: AppPaths, library: Library) -> None:
    assert app_paths.images_dir.is_dir() and app_paths.database_path.exists()
    with sqlite3.connect(app_paths.database_path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA user_version").fetchone()[0] >= 1
    assert library.recovery_notice is None


def test_every_parameter_round_trips_through_the_database(library: Library) -> None:
    request = full_request()
    image_id = library.ingest_result(result_for(request, seed=42))
    record = library.get(image_id)
    assert record is not None
    assert record.origin == "generated"
    assert (record.returned_seed, record.seed) == (42, 123456)
    assert (record.finish_reason, record.trace_id, record.elapsed_s) == (
        "success",
        "trace-abc-123",
        3.5,
    )
    assert (record.width, record.height) == (64, 48)
    assert record.source_sha == request.source.sha256  # type: ignore[union-attr]
    assert record.style_sha == request.style.sha256  # type: ignore[union-attr]
    assert (record.rating, record.favourite, record.rejected, record.trashed_at) == (
        0,
        False,
        False,
        None,
    )
    assert library.request_for(image_id) == request


def test_png_carries_our_json_and_a1111_text(library: Library) -> None:
    request = full_request()
    image_id = library.ingest_result(result_for(request, seed=42))
    path = library.original_path(image_id)
    texts = read_text_chunks(path.read_bytes())
    assert "樱花树下的猫" in texts[JSON_KEYWORD]
    assert texts["parameters"].startswith(request.prompt)
    assert "Seed: 42" in texts["parameters"]
    with Image.open(path) as image:  # still a valid PNG for other tools
        image.load()
        assert image.size == (64, 48)
        assert "parameters" in image.info
    # Reading it back: all parameters; references filled only where the store has them.
    bare = read_png_parameters(path)
    assert bare is not None and bare == request.with_changes(source=None, style=None)
    assert library.read_parameters(path) == request


def test_reference_survives_the_original_file_being_deleted(library: Library) -> None:
    request = full_request()
    library.ingest_result(result_for(request))
    reference = library.reference_path(request.source.sha256)  # type: ignore[union-attr]
    assert reference is not None and reference.read_bytes() == request.source.data  # type: ignore[union-attr]


def test_thumbnails_are_made_and_rebuilt(library: Library) -> None:
    image_id = library.ingest_result(result_for(GenerationRequest(prompt="x"), size=(1024, 640)))
    small = library.thumbnail_path(image_id)
    large = library.thumbnail_path(image_id, 512)
    with Image.open(small) as image:
        assert image.format == "WEBP" and image.size == (256, 160)
    with Image.open(large) as image:
        assert image.size == (512, 320)
    small.unlink()
    assert library.thumbnail_path(image_id).exists()


def test_same_result_twice_is_one_image(library: Library) -> None:
    result = simple_result("twice", 5)
    first = library.ingest_result(result)
    assert library.ingest_result(result) == first
    assert library.count(ImageQuery()) == 1
    assert library.check().ok


def test_filtered_result_is_not_stored(library: Library) -> None:
    result = simple_result("blocked", 6)
    blocked = result.__class__(**{**result.__dict__, "finish_reason": "content_filtered"})
    with pytest.raises(ValueError):
        library.ingest_result(blocked)
    assert library.count(ImageQuery()) == 0


def test_ingest_on_worker_thread_while_gui_thread_reads(library: Library) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for index in range(15):
                library.ingest_result(simple_result(f"thread {index}", 100 + index))
        except BaseException as exc:  # reported below; the thread must not die silently
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    while thread.is_alive():
        ids = library.query_ids(ImageQuery())
        assert len(library.summaries(ids)) == len(ids)
    thread.join()
    assert not errors
    assert library.count(ImageQuery()) == 15


def test_summaries_have_grid_columns(library: Library) -> None:
    with_refs = library.ingest_result(result_for(full_request()))
    plain = library.ingest_result(simple_result("plain", 9, model="step-2x-large"))
    summaries = library.summaries([with_refs, plain, 999])
    assert set(summaries) == {with_refs, plain}
    assert summaries[with_refs].has_source and summaries[with_refs].has_style
    assert not summaries[plain].has_source and summaries[plain].model == "step-2x-large"


def test_job_store_keeps_requests_and_states(library: Library) -> None:
    request = full_request()
    ids = library.jobs.add([request, GenerationRequest(prompt="second")])
    assert [job.state for job in library.jobs.list_jobs()] == [JobState.WAITING] * 2
    job = library.jobs.get(ids[0])
    assert job is not None and job.request == request
    library.jobs.set_state(ids[0], JobState.RUNNING)
    library.jobs.set_state(
        ids[1], JobState.FAILED, error_kind=ErrorKind.RATE_LIMIT, error_message="slow down"
    )
    failed = library.jobs.get(ids[1])
    assert failed is not None and failed.error_kind is ErrorKind.RATE_LIMIT and failed.finished_at
    assert library.jobs.mark_interrupted() == [ids[0]]
    interrupted = library.jobs.get(ids[0])
    assert interrupted is not None and interrupted.state is JobState.INTERRUPTED
    assert interrupted.started_at is not None and "billed" in (interrupted.error_message or "")
    assert library.jobs.list_jobs([JobState.WAITING]) == []
    image_id = library.ingest_result(result_for(request))
    later = library.jobs.add([request])[0]
    library.jobs.set_state(later, JobState.DONE, image_id=image_id)
    assert library.jobs.get(later).image_id == image_id  # type: ignore[union-attr]
    assert library.jobs.remove_finished() == 3
    assert library.jobs.list_jobs() == []


def test_retried_job_starts_afresh(library: Library) -> None:
    (job_id,) = library.jobs.add([GenerationRequest(prompt="again")])
    library.jobs.set_state(job_id, JobState.RUNNING)
    library.jobs.set_state(
        job_id, JobState.FAILED, error_kind=ErrorKind.SERVER, error_message="500"
    )
    library.jobs.set_state(job_id, JobState.WAITING)
    job = library.jobs.get(job_id)
    assert job is not None and job.state is JobState.WAITING
    assert (job.started_at, job.finished_at, job.error_kind, job.error_message) == (
        None,
        None,
        None,
        None,
    )


def test_two_threads_storing_the_same_picture_make_one_image(library: Library) -> None:
    result = result_for(full_request(), pixels=77)
    ids: list[int] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            ids.append(library.ingest_result(result))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert library.count(ImageQuery()) == 1
    assert library.check().ok


@pytest.mark.parametrize("mode", ["P", "LA", "I;16", "CMYK", "1"])
def test_thumbnails_of_unusual_pixel_formats(library: Library, tmp_path: Path, mode: str) -> None:
    path = tmp_path / f"odd.{'jpg' if mode == 'CMYK' else 'png'}"
    Image.new(mode, (300, 200)).save(path)
    report = library.import_files([path])
    assert report.failures == ()
    assert library.ensure_thumbnail(report.imported[0])
    with Image.open(library.thumbnail_path(report.imported[0])) as thumbnail:
        assert thumbnail.size == (256, 171)


def test_job_list_keeps_the_newest_when_limited(library: Library) -> None:
    ids = library.jobs.add([GenerationRequest(prompt=f"job {i}") for i in range(6)])
    assert [job.id for job in library.jobs.list_jobs(limit=4)] == ids[2:]
    assert [job.request.prompt for job in library.jobs.list_jobs()] == [
        f"job {i}" for i in range(6)
    ]
