"""`stepfun-studio library check` and `library rebuild` on a real library file."""

from __future__ import annotations

import pytest
from test_cli_support import run_cli
from test_library_support import simple_result

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery


def test_check_reports_in_order_then_a_missing_file(
    app_paths: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Library.open(app_paths)
    image_id = library.ingest_result(simple_result("a lighthouse", 1))
    path = library.original_path(image_id)
    library.close()

    fine = run_cli(capsys, monkeypatch, "library", "check")
    assert fine.status == 0 and "in order" in fine.stdout

    path.unlink()
    broken = run_cli(capsys, monkeypatch, "library", "check")
    assert broken.status == 1
    assert "missing: 1" in broken.stdout
    assert "library rebuild" in broken.stdout  # the way to the repair is named


def test_rebuild_brings_back_every_picture_from_its_file(
    app_paths: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Library.open(app_paths)
    ids = [library.ingest_result(simple_result(f"picture {n}", n + 1)) for n in range(3)]
    library.close()
    app_paths.database_path.unlink()  # the database is lost; the pictures are not

    rebuilt = run_cli(capsys, monkeypatch, "library", "rebuild")
    assert rebuilt.status == 0, rebuilt.stderr
    assert "rebuilt from 3 image files" in rebuilt.stderr
    library = Library.open(app_paths)
    try:
        assert len(library.query_ids(ImageQuery())) == len(ids)
        assert {library.get(i).prompt for i in library.query_ids(ImageQuery())} == {  # type: ignore[union-attr]
            "picture 0",
            "picture 1",
            "picture 2",
        }
    finally:
        library.close()


def test_an_unknown_action_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_cli(capsys, monkeypatch, "library", "vacuum").status == 2
