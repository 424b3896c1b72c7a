"""Pictures made on the command line land in Studio's library too (the gallery shows them).

Through the real stand-in and a real library under the test's STEPFUN_STUDIO_HOME: the library
the app opens, with the folder Settings chose; `--no-library` skips it; a library that cannot
be opened stops the run before anything is sent.
"""

from __future__ import annotations

import contextlib
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from test_cli_support import KEY, CliRun, run_cli

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.settings.store import AppSettings
from stepfun_studio.standin import StandinServer


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer() as standin:
        yield standin


def generate(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    server: StandinServer,
    *args: str,
) -> CliRun:
    env = {"STEPFUN_API_KEY": KEY, "STEPFUN_BASE_URL": server.base_url}
    return run_cli(capsys, monkeypatch, "generate", *args, env=env)


def library_prompts(paths: AppPaths) -> list[str]:
    with Library.open(paths) as library:
        ids = library.query_ids(ImageQuery())
        return [record.prompt for record in map(library.get, ids) if record is not None]


def test_pictures_go_to_out_and_into_the_library(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    server: StandinServer,
    app_paths: AppPaths,
    tmp_path: Path,
) -> None:
    done = generate(
        capsys, monkeypatch, server, "采菊东篱下", "--size", "512x512", "--seed", "42",
        "--n", "2", "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert done.status == 0, done.stderr
    assert len(done.lines) == 2
    assert "2 added to Studio's library" in done.stderr
    assert library_prompts(app_paths) == ["采菊东篱下", "采菊东篱下"]
    with Library.open(app_paths) as library:
        seeds = sorted(
            record.returned_seed or 0
            for record in map(library.get, library.query_ids(ImageQuery()))
            if record is not None
        )
    assert seeds == [42, 43]


def test_no_library_leaves_the_library_alone(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    server: StandinServer,
    app_paths: AppPaths,
    tmp_path: Path,
) -> None:
    done = generate(
        capsys, monkeypatch, server, "cat", "--size", "256x256", "--no-library",
        "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert done.status == 0, done.stderr
    assert len(list((tmp_path / "out").iterdir())) == 1
    assert not app_paths.database_path.exists()


def test_the_library_folder_chosen_in_settings_is_used(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    server: StandinServer,
    app_paths: AppPaths,
    tmp_path: Path,
) -> None:
    elsewhere = tmp_path / "my-pictures"
    AppSettings.open(app_paths).update(library_location=str(elsewhere))
    done = generate(
        capsys, monkeypatch, server, "a moored boat", "--size", "256x256",
        "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert done.status == 0, done.stderr
    assert str(elsewhere) in done.stderr
    moved = replace(app_paths, library_override=elsewhere)
    assert library_prompts(moved) == ["a moored boat"]
    assert not app_paths.database_path.exists()


def test_a_library_that_cannot_open_stops_the_run_before_sending(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    server: StandinServer,
    tmp_path: Path,
) -> None:
    home_is_a_file = tmp_path / "home-file"
    home_is_a_file.write_text("not a folder")
    monkeypatch.setenv("STEPFUN_STUDIO_HOME", str(home_is_a_file))
    done = generate(capsys, monkeypatch, server, "cat", "--out", str(tmp_path / "out"))
    assert done.status == 2
    assert "library" in done.stderr and "--no-library" in done.stderr
    assert "Traceback" not in done.stderr
    assert server.request_count() == 0
    skipped = generate(
        capsys, monkeypatch, server, "cat", "--size", "256x256", "--no-library",
        "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert skipped.status == 0, skipped.stderr
    assert server.request_count() == 1


@contextlib.contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A real file system of `size` mounted at `folder` (root only; skips elsewhere)."""
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_disk_that_fills_while_the_picture_is_made_loses_nothing(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    server: StandinServer,
    app_paths: AppPaths,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with small_disk(tmp_path / "small", "32k") as out:
        kept = generate(
            capsys, monkeypatch, server, "a wide field", "--size", "1024x1024",
            "--out", str(out),
        )  # fmt: skip
        rescued = generate(
            capsys, monkeypatch, server, "a wide field", "--size", "1024x1024",
            "--no-library", "--out", str(out),
        )  # fmt: skip
        assert list(out.iterdir()) == []  # no half-written picture left behind
    assert kept.status == 1 and rescued.status == 1
    assert "could not be written" in kept.stderr
    assert str(app_paths.images_dir) in kept.stderr  # kept in the library, and it says where
    assert library_prompts(app_paths) == ["a wide field"]
    rescue_folder = tmp_path / "stepfun-studio-rescued"
    [picture] = rescue_folder.iterdir()
    assert str(picture) in rescued.stderr
    with Image.open(picture) as image:
        assert image.size == (1024, 1024)
