"""A paid picture is never discarded: the spool, through a real library, real SQLite, the real
stand-in over HTTP and (where the machine allows) a real full filesystem."""

from __future__ import annotations

import base64
import contextlib
import errno
import io
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from adapter_servers import StrictServer
from keyring.backends import fail
from PIL import Image
from pytestqt.qtbot import QtBot

from stepfun_studio.api.credentials import ProviderKeys
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, ReferenceImage, ResponseFormat
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.library.jobs import JobState
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.library.spool import Spool, read_entry
from stepfun_studio.ui.studio import Studio, StudioOptions

HUGE_SEED = 2**64 + 7  # past SQLite's integer range: the spool must keep it exactly


def picture(
    kind: str = "PNG",
    colour: tuple[int, int, int] = (200, 80, 40),
    size: tuple[int, int] = (64, 48),
) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, kind)
    return out.getvalue()


def result_of(data: bytes, *, seed: int = 42, mime: str = "image/png") -> GenerationResult:
    source = ReferenceImage(picture("PNG", (1, 2, 3)), "image/png", 64, 48, "source.png")
    request = GenerationRequest(
        prompt="a kept lighthouse", size="256x256", steps=4, source=source, seed=seed
    )
    return GenerationResult(
        request=request,
        image_bytes=data,
        seed=seed,
        finish_reason="success",
        width=64,
        height=48,
        mime=mime,
        trace_id="trace-1",
        usage=(("images", 1),),
    )


@pytest.fixture
def spool(app_paths: AppPaths) -> Iterator[Spool]:
    kept = Spool.for_library(app_paths)
    yield kept
    if kept.fallback is not None:
        shutil.rmtree(kept.fallback, ignore_errors=True)


def entries_in(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return []
    return [child for child in folder.iterdir() if not child.name.startswith(".")]


# -- the spool itself -------------------------------------------------------------------------


def test_an_entry_gives_back_the_whole_answer(spool: Spool) -> None:
    gif = picture("GIF")
    entry = spool.keep(result_of(gif, seed=HUGE_SEED))
    assert entry.parent == spool.folder
    assert (entry / "picture.gif").read_bytes() == gif  # named for what the bytes are
    back = read_entry(entry)
    assert back.image_bytes == gif
    assert back.seed == HUGE_SEED
    assert back.request.seed == HUGE_SEED
    assert back.request.source is not None and back.request.source.name == "source.png"
    assert back.request.source.data == picture("PNG", (1, 2, 3))
    assert (back.trace_id, back.usage, back.mime) == ("trace-1", (("images", 1),), "image/png")


def test_a_failed_ingest_keeps_the_picture_and_says_where(
    spool: Spool, app_paths: AppPaths
) -> None:
    def refuse(_result: GenerationResult) -> int:
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    with pytest.raises(AppError) as caught:
        spool.store(result_of(picture()), refuse)
    error = caught.value
    assert error.kind is ErrorKind.INTERNAL
    [entry] = entries_in(spool.folder)
    assert f"kept in {entry}" in error.message
    assert "next start" in error.message

    # This session's entry is its own ingest's business; the next session's spool takes it.
    assert spool.entries() == []
    with Library.open(app_paths) as library:
        later = Spool.for_library(app_paths)
        outcome = later.recover(library.ingest_result)
        assert outcome.recovered == 1 and outcome.failed == []
        assert entries_in(spool.folder) == []
        assert later.recover(library.ingest_result).recovered == 0
        assert library.count(ImageQuery()) == 1
        record = library.get(outcome.image_ids[0])
        assert record is not None and record.prompt == "a kept lighthouse"
        assert record.source_name == "source.png"


def test_a_library_folder_that_cannot_be_written_falls_back(
    spool: Spool, app_paths: AppPaths
) -> None:
    # The spool's place is taken by a file: mkdir fails there as it would on a full disk.
    app_paths.library_dir.mkdir(parents=True)
    spool.folder.write_text("not a folder")
    entry = spool.keep(result_of(picture()))
    assert spool.fallback is not None and entry.parent == spool.fallback
    assert read_entry(entry).image_bytes == picture()


def test_an_unreadable_entry_stays_and_is_told(spool: Spool, app_paths: AppPaths) -> None:
    entry = spool.keep(result_of(picture()))
    (entry / "answer.json").write_text("{not json")
    with Library.open(app_paths) as library:
        outcome = Spool.for_library(app_paths).recover(library.ingest_result)
    assert outcome.recovered == 0 and [path for path, _ in outcome.failed] == [entry]
    assert entry.is_dir()
    assert "could not be added yet" in outcome.message()


def test_a_gif_answer_is_stored_as_gif(app_paths: AppPaths) -> None:
    with Library.open(app_paths) as library:
        # Labelled PNG by the server, GIF in fact: the name follows the bytes.
        image_id = library.ingest_result(result_of(picture("GIF")))
        path = library.original_path(image_id)
        assert path.suffix == ".gif"
        assert Image.open(path).format == "GIF"
        webp = library.ingest_result(result_of(picture("WEBP"), mime="image/png"))
        assert library.original_path(webp).suffix == ".webp"


# -- the window's road: the real studio, the stand-in over HTTP --------------------------------


def one_picture() -> GenerationRequest:
    spec = next(m for m in model_table().models_of("openai") if not m.is_retired())
    return GenerationRequest(
        prompt="a lighthouse kept through a fault",
        model=spec.name,
        provider="openai",
        size="1024x1024",
        response_format=ResponseFormat.B64_JSON,
    )


def started_studio(paths: AppPaths, qtbot: QtBot, **options: float) -> Studio:
    studio = Studio(StudioOptions(paths=paths, rate_backoff_s=0.05, **options))  # type: ignore[arg-type]
    studio.use_keys(ProviderKeys(env={}, backend=fail.Keyring()))
    studio.start(None)  # demo: the stand-in plays every provider
    qtbot.waitUntil(lambda: studio.started, timeout=15_000)
    return studio


def refuse_inserts(database: Path, *, on: bool) -> None:
    with contextlib.closing(sqlite3.connect(database)) as connection:
        if on:
            connection.execute(
                "CREATE TRIGGER refuse_pictures BEFORE INSERT ON images "
                "BEGIN SELECT RAISE(ABORT, 'pictures refused by the test'); END"
            )
        else:
            connection.execute("DROP TRIGGER refuse_pictures")
        connection.commit()


def wait_for_recovery(studio: Studio, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: studio.last_recovery is not None, timeout=15_000)


def test_a_refused_insert_keeps_the_picture_and_the_next_start_adds_it_once(
    app_paths: AppPaths, qtbot: QtBot
) -> None:
    first = started_studio(app_paths, qtbot)
    try:
        wait_for_recovery(first, qtbot)
        refuse_inserts(first.paths.database_path, on=True)
        failures: list[AppError] = []
        first.queue.job_failed.connect(lambda _job, error: failures.append(error))
        [job_id] = first.queue.submit(one_picture())
        qtbot.waitUntil(lambda: len(failures) == 1, timeout=30_000)
        assert first.standin.request_count() == 1  # billed once, and only once
        [entry] = entries_in(first.spool.folder)
        assert f"kept in {entry}" in failures[0].message
        info = first.queue.get(job_id)
        assert info is not None and info.state is JobState.FAILED
        assert "next start" in info.error_text
        first.queue.flush()
        assert first.library.count(ImageQuery()) == 0
    finally:
        first.close()

    refuse_inserts(app_paths.library_dir / "library.sqlite3", on=False)
    recovered: list[tuple[list[int], str]] = []
    second = started_studio(app_paths, qtbot)
    try:
        second.pictures_recovered.connect(lambda ids, text: recovered.append((ids, text)))
        wait_for_recovery(second, qtbot)
        assert second.last_recovery is not None and second.last_recovery.recovered == 1
        qtbot.waitUntil(lambda: len(recovered) == 1, timeout=5_000)
        [(ids, text)] = recovered
        assert text.startswith("1 picture(s) kept from the last session")
        record = second.library.get(ids[0])
        assert record is not None and record.prompt == "a lighthouse kept through a fault"
        assert entries_in(second.spool.folder) == []
        assert second.standin.request_count() == 0  # recovered, not sent again
    finally:
        second.close()

    third = started_studio(app_paths, qtbot)
    try:
        wait_for_recovery(third, qtbot)
        assert third.last_recovery is not None and third.last_recovery.recovered == 0
        assert third.library.count(ImageQuery()) == 1  # exactly once
    finally:
        third.close()


# -- a real full filesystem ----------------------------------------------------------------------


@contextlib.contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` at `folder`; skips (with the reason) where the machine refuses."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("a real full filesystem needs root to mount a small tmpfs")
    folder.mkdir(parents=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"mounting a tmpfs was refused: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Writes one file until the disk says it is full (down to its last block); returns it."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (1 << 20, 65536, 4096, 512):
            with contextlib.suppress(OSError):
                while True:
                    os.write(descriptor, b"\0" * size)
    finally:
        os.close(descriptor)
    with pytest.raises(OSError) as full:
        (folder / "probe").write_bytes(b"\0" * 8192)
    assert full.value.errno == errno.ENOSPC
    return filler


def test_a_disk_that_fills_while_the_picture_is_made_loses_nothing(
    tmp_path: Path, qtbot: QtBot
) -> None:
    with small_disk(tmp_path / "disk", "24m") as disk:
        paths = AppPaths.under(disk)
        spool_fallback = Spool.for_library(paths).fallback
        assert spool_fallback is not None
        try:
            first = started_studio(paths, qtbot, standin_latency_s=1.5)
            try:
                wait_for_recovery(first, qtbot)
                failures: list[AppError] = []
                first.queue.job_failed.connect(lambda _job, error: failures.append(error))
                first.queue.submit(one_picture())
                qtbot.waitUntil(lambda: first.standin.request_count() == 1, timeout=15_000)
                filler = fill(disk)  # the disk fills while the server draws
                qtbot.waitUntil(lambda: len(failures) == 1, timeout=30_000)
                error = failures[0]
                assert error.kind is ErrorKind.STORAGE
                [entry] = entries_in(spool_fallback)  # no room beside the library
                assert f"kept in {entry}" in error.message
                assert entries_in(first.spool.folder) == []
            finally:
                first.close()

            filler.unlink()  # the user frees some space
            second = started_studio(paths, qtbot)
            try:
                wait_for_recovery(second, qtbot)
                assert second.last_recovery is not None
                assert second.last_recovery.recovered == 1
                assert second.library.count(ImageQuery()) == 1
                assert entries_in(spool_fallback) == []
            finally:
                second.close()
        finally:
            shutil.rmtree(spool_fallback, ignore_errors=True)


def gif_answer(seed: int) -> dict[str, object]:
    return {
        "created": 1,
        "data": [
            {
                "b64_json": base64.b64encode(picture("GIF", size=(256, 256))).decode(),
                "seed": seed,
                "finish_reason": "success",
            }
        ],
    }


def test_a_gif_from_a_server_is_kept_as_gif_through_the_window_road(
    app_paths: AppPaths, qtbot: QtBot
) -> None:
    with StrictServer() as server:
        server.script("/v1/images/generations", 200, gif_answer(HUGE_SEED))
        studio = Studio(StudioOptions(paths=app_paths, rate_backoff_s=0.05))
        studio.use_keys(ProviderKeys(env={}, backend=fail.Keyring()))
        try:
            studio.start("a-key", server.base_url_for("stepfun"), provider="stepfun")
            qtbot.waitUntil(lambda: studio.started, timeout=15_000)
            ready: list[int] = []
            failed: list[AppError] = []
            studio.queue.image_ready.connect(lambda _job, image: ready.append(image))
            studio.queue.job_failed.connect(lambda _job, error: failed.append(error))
            studio.queue.submit(
                GenerationRequest(
                    prompt="an animated lighthouse",
                    provider="stepfun",
                    size="256x256",
                    steps=4,
                    response_format=ResponseFormat.B64_JSON,
                )
            )
            qtbot.waitUntil(lambda: bool(ready or failed), timeout=30_000)
            assert failed == []
            path = studio.library.original_path(ready[0])
            assert path.suffix == ".gif"
            record = studio.library.get(ready[0])
            assert record is not None and record.returned_seed == HUGE_SEED
            assert entries_in(studio.spool.folder) == []
        finally:
            studio.close()


def test_the_window_says_how_many_pictures_came_back_and_shows_them(
    app_paths: AppPaths, qtbot: QtBot, spool: Spool
) -> None:
    from stepfun_studio.ui.i18n import LanguageSwitcher
    from stepfun_studio.ui.main_window import MainWindow

    # Two answers an earlier session kept but could not add.
    Spool.for_library(app_paths).keep(result_of(picture(colour=(9, 9, 9))))
    Spool.for_library(app_paths).keep(result_of(picture(colour=(250, 250, 9))))
    studio = Studio(StudioOptions(paths=app_paths))
    studio.use_keys(ProviderKeys(env={}, backend=fail.Keyring()))
    window = MainWindow(studio, LanguageSwitcher())
    qtbot.addWidget(window)
    window.show()
    try:
        studio.start(None)
        qtbot.waitUntil(
            lambda: (
                "2 picture(s) kept from the last session" in window.statusBar().currentMessage()
            ),
            timeout=15_000,
        )
        qtbot.waitUntil(lambda: window.gallery.model.rowCount() == 2, timeout=10_000)
        assert entries_in(spool.folder) == []
    finally:
        window.close()
