"""kill -9 in the middle of ingest (and of emptying the trash), many times: nothing half-done.

A child process ingests in a loop; the test kills it with SIGKILL at a random moment, then opens
the library as the app would and checks: the database passes `PRAGMA integrity_check`, every
row's file exists, every stored file has a row, and no temporary file is left.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import ImageQuery, Library

CHILD = r"""
import io, os, random, sys
from pathlib import Path
from PIL import Image
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.library import ImageQuery, Library

rng = random.Random(int.from_bytes(os.urandom(8), "big"))

def png(side):
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3)).save(buffer, "PNG")
    return buffer.getvalue()

library = Library.open(AppPaths.under(Path(sys.argv[1])))
print("ready", flush=True)
counter = 0
while True:
    counter += 1
    source = None
    if counter % 3 == 0:
        source = ReferenceImage(png(64), "image/png", 64, 64, "src.png")
    request = GenerationRequest(
        prompt=f"crash test {counter} 崩溃测试", mode=Mode.REDRAW if source else Mode.TEXT_TO_IMAGE,
        source=source,
    )
    library.ingest_result(GenerationResult(
        request=request, image_bytes=png(256), seed=counter, finish_reason="success",
        width=256, height=256,
    ))
    if counter % 4 == 0:
        ids = library.query_ids(ImageQuery(), limit=5)
        library.move_to_trash(ids[-2:])
        library.empty_trash()
    if counter % 7 == 0:
        library.jobs.add([request])
"""

TEMPORARY_SUFFIXES = (".part", ".pending", ".tmp")


def _verify(paths: AppPaths) -> int:
    """Opens the library like the app and checks it is whole; returns the number of images."""
    library = Library.open(paths)
    try:
        report = library.check()
        assert report.ok, report
        count = library.count(ImageQuery())
        for image_id in library.query_ids(ImageQuery(), limit=100_000):
            assert library.original_path(image_id).exists()
            assert library.request_for(image_id).prompt.startswith("crash test")
        for job in library.jobs.list_jobs():
            if job.request.mode.value == "image2image":
                assert job.request.source is not None
    finally:
        library.close()
    with sqlite3.connect(paths.database_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    leftovers = [
        path
        for folder in (paths.library_dir, paths.thumbnails_dir)
        for path in folder.rglob("*")
        if path.is_file() and path.name.endswith(TEMPORARY_SUFFIXES)
    ]
    assert leftovers == []
    return count


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_during_ingest_leaves_whole_images_or_nothing(isolated_home: Path) -> None:
    paths = AppPaths.under(isolated_home)
    rng = random.Random(20261125)
    deadline = time.monotonic() + 15
    kills = 0
    while time.monotonic() < deadline and kills < 40:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(isolated_home)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        if line.strip() != "ready":
            child.kill()
            pytest.fail(f"child did not start: {line!r} {child.communicate()[1]}")
        time.sleep(rng.uniform(0.0, 0.25))
        assert child.poll() is None, child.communicate()[1]
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        kills += 1
        _verify(paths)
    assert kills >= 10
    assert _verify(paths) > 0
