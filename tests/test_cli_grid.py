"""`stepfun-studio grid …` against the stand-in on 127.0.0.1: exactly the combinations are sent,
each picture is kept, and one labelled grid picture joins them in a collection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.standin import StandinServer
from tests.test_cli_support import run_cli

KEY = "sk-Grid1234567890abcdefGHIJKL"
KOLORS = "Kwai-Kolors/Kolors"


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer(accepted_keys={KEY}) as standin:
        yield standin


def _env(server: StandinServer) -> dict[str, str]:
    return {
        "SILICONFLOW_API_KEY": KEY,
        "SILICONFLOW_BASE_URL": server.base_url_for("siliconflow"),
    }


def test_grid_sends_exactly_the_combinations_and_keeps_a_labelled_sheet(
    server: StandinServer,
    tmp_path: Path,
    isolated_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    done = run_cli(
        capsys, monkeypatch, "grid", "a red fox in the snow",
        "--provider", "siliconflow", "--model", KOLORS, "--size", "1024x1024",
        "--x", "cfg=3,7.5", "--y", "seed=1,2", "--out", str(out),
        env=_env(server),
    )  # fmt: skip
    assert done.status == 0, done.stderr
    sent = [r.body for r in server.requests if r.path.endswith("/images/generations")]
    assert sent and all(body is not None for body in sent)
    combos = sorted((body["guidance_scale"], body["seed"]) for body in sent if body)
    assert combos == [(3.0, 1), (3.0, 2), (7.5, 1), (7.5, 2)]
    assert "4 pictures (2 × 2)" in done.stderr
    sheets = list(out.glob("*-grid-*.png"))
    assert len(sheets) == 1
    with Image.open(sheets[0]) as sheet:
        # Two 512-px columns and two rows, with room for the labels.
        assert sheet.width > 2 * 512 and sheet.height > 2 * 512
    library = Library.open(AppPaths.under(isolated_home))
    try:
        assert library.count(ImageQuery()) == 5
        collections = library.list_collections()
        assert len(collections) == 1
        assert "X/Y grid" in collections[0].name
        assert collections[0].count == 5
    finally:
        library.close()


def test_an_axis_the_model_cannot_take_sends_nothing(
    server: StandinServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    done = run_cli(
        capsys, monkeypatch, "grid", "a fox", "--provider", "siliconflow", "--model", KOLORS,
        "--x", "weight=0.3,0.7", "--out", str(tmp_path), env=_env(server),
    )  # fmt: skip
    assert done.status == 2
    assert "no Source weight to vary" in done.stderr
    assert "Traceback" not in done.stderr
    assert server.request_count() == 0


@pytest.mark.parametrize(
    ("axis", "words"),
    [
        ("cfg=3,x", "is not a number"),
        ("colour=red", "is not an axis"),
        ("seed=", "Give the seed axis its values"),
        ("prompt=wolf,bear", "is not in the prompt"),
        ("seed=" + ",".join(str(i) for i in range(17)), "at most 16"),
    ],
)
def test_bad_axes_are_explained_before_anything_is_sent(
    server: StandinServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *,
    axis: str,
    words: str,
) -> None:
    done = run_cli(
        capsys, monkeypatch, "grid", "a fox", "--provider", "siliconflow", "--model", KOLORS,
        "--x", axis, "--out", str(tmp_path), env=_env(server),
    )  # fmt: skip
    assert done.status == 2, done.stderr
    assert words in done.stderr
    assert server.request_count() == 0
