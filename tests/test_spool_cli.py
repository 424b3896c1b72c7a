"""`stepfun-studio generate` keeps every picture in the library's spool before its ingest: a
library that refuses the picture leaves it there, and the app's next start adds it."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli_support import KEY, run_cli

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.library.spool import Spool
from stepfun_studio.standin import StandinServer


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer() as standin:
        yield standin


def test_a_picture_the_library_refuses_stays_in_the_spool_for_the_next_start(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    server: StandinServer,
    app_paths: AppPaths,
    tmp_path: Path,
) -> None:
    Library.open(app_paths).close()
    with contextlib.closing(sqlite3.connect(app_paths.database_path)) as connection:
        connection.execute(
            "CREATE TRIGGER refuse_pictures BEFORE INSERT ON images "
            "BEGIN SELECT RAISE(ABORT, 'pictures refused by the test'); END"
        )
        connection.commit()
    env = {"STEPFUN_API_KEY": KEY, "STEPFUN_BASE_URL": server.base_url}
    done = run_cli(
        capsys, monkeypatch, "generate", "a spooled harbour", "--size", "512x512",
        "--out", str(tmp_path / "out"), env=env,
    )  # fmt: skip
    spool = Spool.for_library(app_paths)
    try:
        assert done.status == 0, done.stderr  # --out has it
        [entry] = [p for p in spool.folder.iterdir() if not p.name.startswith(".")]
        assert "kept in" in done.stderr and entry.name in done.stderr
        assert "Traceback" not in done.stderr
        assert server.request_count("/generations") == 1

        with contextlib.closing(sqlite3.connect(app_paths.database_path)) as connection:
            connection.execute("DROP TRIGGER refuse_pictures")
            connection.commit()
        with Library.open(app_paths) as library:
            outcome = Spool.for_library(app_paths).recover(library.ingest_result)
            assert outcome.recovered == 1
            record = library.get(outcome.image_ids[0])
            assert record is not None and record.prompt == "a spooled harbour"
            assert library.count(ImageQuery()) == 1
        assert not entry.exists()
    finally:
        if spool.fallback is not None:
            shutil.rmtree(spool.fallback, ignore_errors=True)


def test_a_kept_picture_leaves_no_spool_entry(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    server: StandinServer,
    app_paths: AppPaths,
    tmp_path: Path,
) -> None:
    env = {"STEPFUN_API_KEY": KEY, "STEPFUN_BASE_URL": server.base_url}
    done = run_cli(
        capsys, monkeypatch, "generate", "a harbour", "--size", "512x512",
        "--out", str(tmp_path / "out"), env=env,
    )  # fmt: skip
    assert done.status == 0, done.stderr
    spool = Spool.for_library(app_paths)
    assert spool.folder.is_dir()  # it was used
    assert [p for p in spool.folder.iterdir()] == []
