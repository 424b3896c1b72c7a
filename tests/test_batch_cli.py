"""`stepfun-studio batch` as a subprocess, against the stand-in: what is sent, what is kept."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.batches import BatchState, ItemState
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.standin import StandinServer

KEY = "sk-Batch1234567890abcdefGHIJKL"


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer(accepted_keys={KEY}) as standin:
        yield standin


def batch(*args: str, base_url: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STEPFUN_")}
    env["STEPFUN_STUDIO_HOME"] = os.environ["STEPFUN_STUDIO_HOME"]
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["STEPFUN_API_KEY"] = KEY
    if base_url is not None:
        env["STEPFUN_BASE_URL"] = base_url
    return subprocess.run(
        [sys.executable, "-m", "stepfun_studio", "batch", *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def make_folder(folder: Path, names: tuple[str, ...] = ("cat", "dog", "fox")) -> Path:
    folder.mkdir()
    colours = ((200, 120, 40), (40, 120, 200), (120, 200, 40), (90, 90, 90))
    for name, colour in zip(names, colours, strict=False):
        Image.new("RGB", (320, 240), colour).save(folder / f"{name}.png")
    (folder / "notes.md").write_text("not a picture")
    return folder


def open_library() -> Library:
    return Library.open(AppPaths.from_environment())


def test_three_pictures_three_redraws_with_the_weight_in_one_collection(
    server: StandinServer, tmp_path: Path
) -> None:
    folder = make_folder(tmp_path / "pets")
    done = batch(
        str(folder), "a watercolour of the {filename}", "--source-weight", "0.4",
        "--name", "Pets watercolour", base_url=server.base_url,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    redraws = [r for r in server.requests if r.path.endswith("/image2image")]
    assert len(redraws) == 3
    assert len(server.requests) == 3  # nothing else was sent
    assert sorted(r.body["source_weight"] for r in redraws if r.body) == [0.4, 0.4, 0.4]
    prompts = sorted(str(r.body["prompt"]) for r in redraws if r.body)
    assert prompts == [f"a watercolour of the {name}" for name in ("cat", "dog", "fox")]
    with open_library() as library:
        collections = [c for c in library.list_collections() if c.name == "Pets watercolour"]
        assert len(collections) == 1 and collections[0].count == 3
        ids = library.query_ids(ImageQuery(collection_id=collections[0].id))
        assert len(ids) == 3
        (batch_id, name, state), *_ = library.batches.list_batches()
        assert (name, state) == ("Pets watercolour", BatchState.DONE)
        stored = library.batches.get(batch_id)
        assert stored is not None
        assert [item.state for item in stored.items] == [ItemState.DONE] * 3
        assert sorted(item.image_id for item in stored.items if item.image_id) == sorted(ids)


def test_dry_run_prints_count_cost_and_time_and_sends_nothing(
    server: StandinServer, tmp_path: Path
) -> None:
    folder = make_folder(tmp_path / "pets")
    done = batch(
        str(folder), "{filename}", "--model", "step-2x-large", "--dry-run",
        base_url=server.base_url,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    # step-2x-large: ¥0.10 a picture in the model table.
    assert "3 pictures" in first and "¥0.30" in first and "about" in first
    assert server.request_count() == 0
    with open_library() as library:
        assert library.batches.list_batches() == []


def test_a_budget_below_the_plan_refuses_to_start(server: StandinServer, tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "pets")
    done = batch(
        str(folder), "{filename}", "--model", "step-2x-large", "--budget", "0.25",
        base_url=server.base_url,
    )  # fmt: skip
    assert done.returncode == 2
    assert "at most 2 pictures" in done.stderr
    assert server.request_count() == 0


def test_sidecar_prompts_and_a_mode_the_model_lacks(server: StandinServer, tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "pets", ("cat", "dog"))
    (folder / "cat.txt").write_text("a cat in the snow, {filename}\n", encoding="utf-8")
    refused = batch(str(folder), "x", "--mode", "edit", "--model", "step-2x-large")
    assert refused.returncode == 2
    assert "step-2x-large takes redraw" in refused.stderr
    done = batch(str(folder), "plain {filename}", "--sidecar", base_url=server.base_url)
    assert done.returncode == 0, done.stderr
    prompts = sorted(str(r.body["prompt"]) for r in server.requests if r.body)
    assert prompts == ["a cat in the snow, cat", "plain dog"]


def test_picture_flags_are_refused(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "pets")
    done = batch(str(folder), "x", "--source", str(folder / "cat.png"), "--n", "2")
    assert done.returncode == 2
    assert "--source" in done.stderr and "--n" in done.stderr
