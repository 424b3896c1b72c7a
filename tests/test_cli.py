"""`python -m stepfun_studio generate …` as a subprocess, against a stand-in on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from stepfun_studio.library.pngchunks import read_text_chunks
from stepfun_studio.standin import StandinServer

KEY = "sk-Cli1234567890abcdefGHIJKL"


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer(accepted_keys={KEY}) as standin:
        yield standin


def cli(
    *args: str, base_url: str | None = None, key: str | None = KEY, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STEPFUN_")}
    env["STEPFUN_STUDIO_HOME"] = os.environ["STEPFUN_STUDIO_HOME"]
    # Without a key the CLI asks the keyring: never the real user's in a test.
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    if key is not None:
        env["STEPFUN_API_KEY"] = key
    if base_url is not None:
        env["STEPFUN_BASE_URL"] = base_url
    return subprocess.run(
        [sys.executable, "-m", "stepfun_studio", "generate", *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


def test_generates_n_images_with_consecutive_seeds(server: StandinServer, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = cli(
        "采菊东篱下，悠然见南山",
        *("--size", "512x512", "--steps", "20", "--cfg", "6", "--seed", "100", "--n", "3"),
        *("--out", str(out)),
        base_url=server.base_url,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 3
    seeds = sorted(int(line.split("seed=")[1]) for line in lines)
    assert seeds == [100, 101, 102]
    for line in lines:
        path = Path(line.split("\t")[0])
        assert path.parent == out
        with Image.open(path) as picture:
            assert picture.size == (512, 512)
        chunks = read_text_chunks(path.read_bytes())
        assert "采菊东篱下" in chunks["parameters"]
    assert server.request_count("/generations") == 3
    for text in (done.stdout, done.stderr):
        assert KEY not in text


def test_redraw_and_style_from_files(server: StandinServer, tmp_path: Path) -> None:
    picture = tmp_path / "cat.webp"
    Image.new("RGB", (300, 200), (200, 120, 40)).save(picture, format="WEBP")
    redraw = cli(
        "一只猫，细节丰富", "--source", str(picture), "--source-weight", "0.3",
        "--format", "url", "--out", str(tmp_path), base_url=server.base_url,
    )  # fmt: skip
    assert redraw.returncode == 0, redraw.stderr
    # prepare_reference's note about what it changed reaches the person.
    assert "cat.webp: converted from webp to png" in redraw.stderr.lower()
    style = cli(
        "a boat in the canals of venice", "--style", str(picture), "--style-weight", "1.0",
        "--size", "256x256", "--out", str(tmp_path), base_url=server.base_url,
    )  # fmt: skip
    assert style.returncode == 0, style.stderr
    paths = [r.path for r in server.requests if r.method == "POST"]
    assert paths == ["/v1/images/image2image", "/v1/images/generations"]
    assert server.requests[-1].body is not None
    assert server.requests[-1].body["style_reference"]["weight"] == 1.0


def test_edit_defaults_to_the_edit_model(server: StandinServer, tmp_path: Path) -> None:
    picture = tmp_path / "in.png"
    Image.new("RGB", (320, 240), (10, 80, 200)).save(picture)
    done = cli(
        "add snow", "--edit", str(picture), "--negative-prompt", "blur", "--text-mode",
        "--out", str(tmp_path), base_url=server.base_url,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with Image.open(done.stdout.split("\t")[0]) as result:
        assert result.size == (320, 240)
    body = server.requests[-1].body
    assert body is not None
    assert (body["model"], body["steps"], body["text_mode"]) == ("step-image-edit-2", "8", "true")


def test_wrong_key_prints_an_actionable_message(server: StandinServer, tmp_path: Path) -> None:
    wrong = "sk-WrongKey9876543210zyxwvUT"
    out = tmp_path / "out"
    done = cli("cat", "--out", str(out), base_url=server.base_url, key=wrong)
    assert done.returncode == 1
    assert "API key was not accepted" in done.stderr
    assert "HTTP 401" in done.stderr and "trace id" in done.stderr
    assert wrong not in done.stderr + done.stdout
    assert list(out.iterdir()) == []


def test_invalid_parameters_are_refused_before_sending(server: StandinServer) -> None:
    done = cli("cat", "--size", "2000x2000", "--steps", "500", base_url=server.base_url)
    assert done.returncode == 2
    assert "--size:" in done.stderr and "--steps:" in done.stderr
    assert server.request_count() == 0


def test_plain_http_to_another_host_is_refused(tmp_path: Path) -> None:
    done = cli("cat", "--out", str(tmp_path), base_url="http://api.stepfun.com/v1")
    assert done.returncode == 2  # nothing was sent
    assert "STEPFUN_BASE_URL:" in done.stderr and "unencrypted" in done.stderr


def test_without_a_key_the_local_stand_in_draws(tmp_path: Path) -> None:
    done = cli("cat", "--size", "256x256", "--out", str(tmp_path), key=None)
    assert done.returncode == 0, done.stderr
    assert "No STEPFUN_API_KEY is set" in done.stderr
    assert "stand-in" in done.stderr
    assert len(list(tmp_path.glob("*.png"))) == 1
