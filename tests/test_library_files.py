"""Files in and out, and the database's bad days: import, export, check, rebuild, refusal."""

from __future__ import annotations

import errno
import io
import sqlite3
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from test_library_support import (
    full_request,
    jpeg_bytes,
    png_bytes,
    result_for,
    simple_result,
    write_version_1_library,
)

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import ImageQuery, Library, read_png_parameters
from stepfun_studio.library.pngchunks import (
    itxt_chunk,
    read_text_chunks,
    read_text_chunks_from_file,
    with_text_chunks,
)
from stepfun_studio.library.schema import SCHEMA_VERSION
from stepfun_studio.library.storage_errors import storage_error_for


@pytest.fixture
def library(app_paths: AppPaths) -> Iterator[Library]:
    opened = Library.open(app_paths)
    yield opened
    opened.close()


def a1111_png(text: str) -> bytes:
    return with_text_chunks(png_bytes(50, 40, 77), {"parameters": text})


def test_import_files_and_folders(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    (folder / "sub").mkdir(parents=True)
    (folder / "plain.png").write_bytes(png_bytes(30, 20, 1))
    (folder / "sub" / "photo.JPG").write_bytes(jpeg_bytes())
    webp = io.BytesIO()
    Image.new("RGB", (24, 24), (1, 2, 3)).save(webp, "WEBP")
    (folder / "sub" / "pic.webp").write_bytes(webp.getvalue())
    (folder / "notes.txt").write_text("not a picture")
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    a1111 = tmp_path / "a1111.png"
    a1111.write_bytes(a1111_png("a castle on a hill\nSteps: 30, Seed: 99, Size: 512x512"))

    report = library.import_files([folder, fake, a1111, tmp_path / "gone.png"])
    assert len(report.imported) == 4
    assert report.with_parameters == 1
    assert sorted(f.path.name for f in report.failures) == ["fake.png", "gone.png"]
    assert all(f.reason for f in report.failures)
    records = [library.get(i) for i in report.imported]
    assert {r.origin for r in records if r} == {"imported"}
    assert {r.ext for r in records if r} == {"png", "jpg", "webp"}
    castle = library.query_ids(ImageQuery(text="castle"))
    assert len(castle) == 1
    request = library.request_for(castle[0])
    assert (request.prompt, request.steps, request.seed, request.size) == (
        "a castle on a hill",
        30,
        99,
        "512x512",
    )
    for image_id in report.imported:
        assert library.thumbnail_path(image_id).exists()


def test_same_file_twice_is_one_image(library: Library, tmp_path: Path) -> None:
    first = tmp_path / "a.png"
    first.write_bytes(png_bytes(30, 20, 5))
    copy = tmp_path / "copy of a.png"
    copy.write_bytes(first.read_bytes())
    report = library.import_files([first, copy])
    assert len(report.imported) == 1 and report.duplicates == report.imported
    again = library.import_files([first])
    assert again.imported == () and again.duplicates == report.imported
    assert library.count(ImageQuery()) == 1


def test_export_keeps_metadata_and_reimport_finds_it(library: Library, tmp_path: Path) -> None:
    request = full_request()
    image_id = library.ingest_result(result_for(request, seed=31))
    written = library.export([image_id, image_id], tmp_path / "out")
    assert len(written) == 2 and written[0] != written[1]
    parsed = read_png_parameters(written[0])
    assert parsed == request.with_changes(source=None, style=None)
    report = library.import_files([written[0]])
    assert report.duplicates == (image_id,)


def test_our_png_imported_into_a_fresh_library_keeps_parameters(
    library: Library, tmp_path: Path
) -> None:
    request = full_request()
    exported = library.export([library.ingest_result(result_for(request))], tmp_path)[0]
    other = Library.open(AppPaths.under(tmp_path / "other-home"))
    try:
        report = other.import_files([exported])
        record = other.get(report.imported[0])
        assert record is not None and record.origin == "generated"
        assert record.returned_seed == 987654 and record.trace_id == "trace-abc-123"
        # The references' bytes are not in this library: the slots stay empty, the rest is kept.
        assert other.request_for(record.id) == request.with_changes(source=None, style=None)
        assert record.source_name == "源图.png" and record.source_sha is None
    finally:
        other.close()


def test_check_reports_and_never_deletes(library: Library, app_paths: AppPaths) -> None:
    kept = library.ingest_result(simple_result("kept", 1))
    lost = library.ingest_result(simple_result("lost", 2))
    library.original_path(lost).unlink()
    stray = app_paths.images_dir / "ab" / ("ab" + "0" * 62 + ".png")
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(png_bytes(10, 10, 3))
    report = library.check()
    assert report.missing_files == (lost,)
    assert report.files_without_row == (stray,)
    assert not report.ok
    assert stray.exists() and library.get(lost) is not None and library.get(kept) is not None


def test_rebuild_from_files_gives_back_the_same_parameters(app_paths: AppPaths) -> None:
    library = Library.open(app_paths)
    request = full_request()
    generated = library.ingest_result(result_for(request, seed=4242))
    plain = library.import_files([])  # nothing: a no-op is fine
    assert plain.imported == ()
    before = library.get(generated)
    library.close()
    app_paths.database_path.write_bytes(b"this is not a database at all" * 100)

    reported: list[int] = []
    rebuilt = Library.rebuild_from_files(app_paths, reported.append)
    try:
        assert reported == [1]
        ids = rebuilt.query_ids(ImageQuery())
        assert len(ids) == 1
        after = rebuilt.get(ids[0])
        assert before is not None and after is not None
        same = {"id", "tags"}
        assert {k: v for k, v in after.__dict__.items() if k not in same} == {
            k: v for k, v in before.__dict__.items() if k not in same
        }
        assert rebuilt.request_for(ids[0]) == request
        assert rebuilt.recovery_notice and "1" in rebuilt.recovery_notice
        broken = list(app_paths.library_dir.glob("library.sqlite3.broken-*"))
        assert len(broken) == 1 and broken[0].read_bytes().startswith(b"this is not")
    finally:
        rebuilt.close()


def test_newer_schema_is_refused_and_left_alone(app_paths: AppPaths) -> None:
    Library.open(app_paths).close()
    with sqlite3.connect(app_paths.database_path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(AppError) as caught:
        Library.open(app_paths)
    assert caught.value.kind is ErrorKind.STORAGE
    assert "newer version" in caught.value.message
    with sqlite3.connect(app_paths.database_path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


def test_corrupt_database_is_moved_aside_not_overwritten(app_paths: AppPaths) -> None:
    app_paths.library_dir.mkdir(parents=True)
    garbage = b"SQLite format 3\x00" + b"\xff" * 4000
    app_paths.database_path.write_bytes(garbage)
    library = Library.open(app_paths)
    try:
        assert (
            library.recovery_notice is not None
            and "stepfun-studio library rebuild" in library.recovery_notice
        )
        aside = list(app_paths.library_dir.glob("library.sqlite3.broken-*"))
        assert len(aside) == 1 and aside[0].read_bytes() == garbage
        assert library.count(ImageQuery()) == 0
        library.ingest_result(simple_result("fresh start", 1))
    finally:
        library.close()


def test_unwritable_library_is_a_storage_error(app_paths: AppPaths, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    paths = AppPaths.under(blocker)
    with pytest.raises(AppError) as caught:
        Library.open(paths)
    assert caught.value.kind is ErrorKind.STORAGE and str(blocker) in caught.value.message


def test_damaged_text_chunk_does_not_stop_import(library: Library, tmp_path: Path) -> None:
    data = png_bytes(20, 20, 9)
    broken_chunk = itxt_chunk("parameters", "x")[:-4] + b"\x00\x00\x00\x00"  # bad CRC is fine
    damaged = data[:-12] + broken_chunk + data[-12:]
    path = tmp_path / "damaged.png"
    path.write_bytes(damaged)
    assert len(library.import_files([path]).imported) == 1


def test_missing_reference_file_leaves_the_slot_empty(library: Library) -> None:
    request = full_request()
    image_id = library.ingest_result(result_for(request))
    path = library.reference_path(request.source.sha256)  # type: ignore[union-attr]
    assert path is not None
    path.unlink()
    assert library.request_for(image_id) == request.with_changes(source=None)
    assert library.check().missing_references == (request.source.sha256,)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("exc", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "/data/x.png"), "full"),
        (OSError(errno.EACCES, "Permission denied", "/data/x.png"), "permission"),
        (sqlite3.OperationalError("database or disk is full"), "full"),
        (sqlite3.OperationalError("database is locked"), "locked"),
        (sqlite3.DatabaseError("database disk image is malformed"), "damaged"),
    ],
)
def test_environment_failures_become_storage_errors(exc: BaseException, words: str) -> None:
    error = storage_error_for(exc, Path("/data/library"))
    assert error is not None and error.kind is ErrorKind.STORAGE
    assert words in error.message.lower()


def test_bugs_are_not_disguised_as_storage_errors() -> None:
    assert storage_error_for(sqlite3.OperationalError("no such column: colour")) is None
    assert storage_error_for(sqlite3.IntegrityError("UNIQUE constraint failed")) is None
    assert storage_error_for(KeyError("x")) is None


def test_a1111_parameters_in_jpeg_exif_are_read(library: Library, tmp_path: Path) -> None:
    text = "雪山 at dawn\nNegative prompt: fog\nSteps: 25, Sampler: Euler, CFG scale: 5, Seed: 8"
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9286] = b"UNICODE\x00" + text.encode("utf-16-be")
    path = tmp_path / "a1111.jpg"
    Image.new("RGB", (40, 30), (9, 9, 9)).save(path, "JPEG", exif=exif)
    parsed = read_png_parameters(path)
    assert parsed is not None
    assert (parsed.prompt, parsed.negative_prompt, parsed.steps, parsed.seed) == (
        "雪山 at dawn",
        "fog",
        25,
        8,
    )
    report = library.import_files([path])
    assert report.with_parameters == 1
    assert library.request_for(report.imported[0]).prompt == "雪山 at dawn"


def test_plain_pictures_have_no_parameters(tmp_path: Path) -> None:
    path = tmp_path / "plain.png"
    path.write_bytes(png_bytes(10, 10, 1))
    assert read_png_parameters(path) is None
    assert read_png_parameters(b"not an image") is None


def test_damage_found_later_sets_the_database_aside_at_next_open(app_paths: AppPaths) -> None:
    library = Library.open(app_paths)
    for index in range(30):
        library.ingest_result(simple_result(f"picture {index} " + "长提示词" * 40, index + 1))
    library.close()
    with sqlite3.connect(app_paths.database_path) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'images'"
        ).fetchone()
    connection.close()
    data = bytearray(app_paths.database_path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    start = (root - 1) * size
    data[start : start + size] = b"\xee" * size  # the images table's root page
    app_paths.database_path.write_bytes(bytes(data))

    library = Library.open(app_paths)  # the header and schema page are fine: it opens
    try:
        assert library.recovery_notice is None
        with pytest.raises(AppError) as caught:
            library.query_ids(ImageQuery(text="picture"))
            library.count(ImageQuery())
            library.summaries(range(1, 31))
        assert caught.value.kind is ErrorKind.STORAGE and "damaged" in caught.value.message
    finally:
        library.close()

    library = Library.open(app_paths)
    try:
        assert library.recovery_notice is not None
        assert len(list(app_paths.library_dir.glob("library.sqlite3.broken-*"))) == 1
        assert library.count(ImageQuery()) == 0
    finally:
        library.close()
    rebuilt = Library.rebuild_from_files(app_paths)
    try:
        assert rebuilt.count(ImageQuery(text="长提示词")) == 30
    finally:
        rebuilt.close()


def test_a_version_1_library_is_migrated_in_place(app_paths: AppPaths) -> None:
    write_version_1_library(app_paths, "旧的 old")
    library = Library.open(app_paths)
    try:
        record = library.get(1)
        assert record is not None and record.prompt == "旧的 old"
    finally:
        library.close()
    with sqlite3.connect(app_paths.database_path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
        columns = {row[1] for row in connection.execute("PRAGMA table_info(images)")}
        assert "content_sha" in columns
    connection.close()


def test_text_chunks_read_from_file_match_the_in_memory_reader(
    library: Library, tmp_path: Path
) -> None:
    path = library.original_path(library.ingest_result(result_for(full_request())))
    assert read_text_chunks_from_file(path) == read_text_chunks(path.read_bytes())
    assert len(read_text_chunks_from_file(path)) == 2
    truncated = tmp_path / "truncated.png"
    truncated.write_bytes(path.read_bytes()[:-30])
    with pytest.raises(ValueError):
        read_text_chunks_from_file(truncated)


def test_a_compressed_text_bomb_is_skipped(library: Library, tmp_path: Path) -> None:
    bomb_body = b"parameters\x00\x00" + zlib.compress(b"A" * 50_000_000, 9)
    chunk = struct.pack(">I", len(bomb_body)) + b"zTXt" + bomb_body
    chunk += struct.pack(">I", zlib.crc32(b"zTXt" + bomb_body) & 0xFFFFFFFF)
    data = png_bytes(20, 20, 4)
    path = tmp_path / "bomb.png"
    path.write_bytes(data[:-12] + chunk + data[-12:])
    assert read_text_chunks(path.read_bytes()) == {}
    assert read_png_parameters(path) is None
    # Pillow refuses to decode it whole (its own text limit), so no thumbnail could be made:
    # import refuses it, saying why, before decoding.
    report = library.import_files([path])
    assert report.imported == ()
    assert "text bombs" in report.failures[0].reason
