"""The issue's "Done when" commands, run as a user would, against the stand-in of each protocol.

Each provider's stand-in validates its protocol strictly (its own fields, sizes and answer
shapes); the tests look at what arrived on the wire and at the pictures written.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from test_cli_support import KEY, CliRun, png_bytes, run_cli

from stepfun_studio.standin import StandinServer
from stepfun_studio.standin.recording import RecordedRequest

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch

# Every field OpenAI's image generation endpoint documents; anything else is a parameter it
# does not know.
OPENAI_GENERATION_FIELDS = {
    "model", "prompt", "n", "size", "quality", "background", "output_format",
    "output_compression", "moderation", "response_format", "style", "user",
}  # fmt: skip


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer() as standin:
        yield standin


def generate(
    capsys: Capsys, monkeypatch: Patch, server: StandinServer, provider: str, *args: str
) -> CliRun:
    env = {f"{provider.upper()}_API_KEY": KEY}
    base_url = server.base_url_for(provider)
    return run_cli(
        capsys, monkeypatch, "generate", *args, "--provider", provider, "--base-url", base_url,
        env=env,
    )  # fmt: skip


def posts(server: StandinServer) -> list[RecordedRequest]:
    return [request for request in server.requests if request.method == "POST"]


def picture_size(line: str) -> tuple[int, int]:
    with Image.open(line.split("\t", maxsplit=1)[0]) as picture:
        return picture.size


def test_openai_two_pictures_and_no_field_openai_does_not_know(
    capsys: Capsys, monkeypatch: Patch, server: StandinServer, tmp_path: Path
) -> None:
    done = generate(
        capsys, monkeypatch, server, "openai", "a lighthouse at dusk", "--model", "gpt-image-1",
        "--size", "1024x1536", "--n", "2", "--out", str(tmp_path / "D"),
    )  # fmt: skip
    assert done.status == 0, done.stderr
    assert len(done.lines) == 2
    assert all("\t" not in line for line in done.lines)  # gpt-image has no seed to print
    assert [picture_size(line) for line in done.lines] == [(1024, 1536)] * 2
    sent = posts(server)
    assert [request.path for request in sent] == ["/openai/v1/images/generations"] * 2
    for request in sent:
        assert request.body is not None
        assert set(request.body) <= OPENAI_GENERATION_FIELDS, set(request.body)
        assert not {"seed", "steps", "cfg_scale", "negative_prompt"} & set(request.body)
        assert (request.body["model"], request.body["size"]) == ("gpt-image-1", "1024x1536")


def test_ark_one_request_with_two_data_uris_and_no_watermark(
    capsys: Capsys, monkeypatch: Patch, server: StandinServer, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.png", tmp_path / "b.jpg"
    first.write_bytes(png_bytes((300, 200)))
    jpeg = io.BytesIO()
    Image.new("RGB", (240, 320), (200, 40, 40)).save(jpeg, "JPEG")
    second.write_bytes(jpeg.getvalue())
    done = generate(
        capsys, monkeypatch, server, "ark", "the two of them on a beach",
        "--model", "doubao-seedream-4-0-250828", "--size", "2048x2048",
        "--reference", str(first), "--reference", str(second), "--out", str(tmp_path / "D"),
    )  # fmt: skip
    assert done.status == 0, done.stderr
    [request] = posts(server)
    assert request.path == "/ark/api/v3/images/generations"
    assert request.body is not None
    images = request.body["image"]
    assert isinstance(images, list) and len(images) == 2
    assert images[0].startswith("data:image/png;base64,")
    assert images[1].startswith("data:image/jpeg;base64,")
    assert request.body["watermark"] is False
    assert request.body["size"] == "2048x2048"
    assert len(done.lines) == 1


def test_siliconflow_kolors_sends_every_field_and_saves_the_asked_size(
    capsys: Capsys, monkeypatch: Patch, server: StandinServer, tmp_path: Path
) -> None:
    done = generate(
        capsys, monkeypatch, server, "siliconflow", "a red fox in snow",
        "--model", "Kwai-Kolors/Kolors", "--size", "960x1280", "--seed", "77", "--steps", "25",
        "--cfg", "7.5", "--negative-prompt", "blurry", "--out", str(tmp_path / "D"),
    )  # fmt: skip
    assert done.status == 0, done.stderr
    [request] = posts(server)
    assert request.path == "/siliconflow/v1/images/generations"
    assert request.body is not None
    body = request.body
    assert (body["image_size"], body["seed"], body["num_inference_steps"]) == ("960x1280", 77, 25)
    assert (body["guidance_scale"], body["negative_prompt"]) == (7.5, "blurry")
    [line] = done.lines
    assert line.endswith("\tseed=77")
    assert picture_size(line) == (960, 1280)


def test_openai_edit_sends_the_source_and_references_as_repeated_images(
    capsys: Capsys, monkeypatch: Patch, server: StandinServer, tmp_path: Path
) -> None:
    source, reference = tmp_path / "room.png", tmp_path / "lamp.png"
    source.write_bytes(png_bytes((512, 512)))
    reference.write_bytes(png_bytes((256, 256), (250, 220, 10)))
    done = generate(
        capsys, monkeypatch, server, "openai", "put the lamp in the room", "--model",
        "gpt-image-1", "--edit", str(source), "--reference", str(reference),
        "--input-fidelity", "high", "--size", "1024x1024", "--out", str(tmp_path / "D"),
    )  # fmt: skip
    assert done.status == 0, done.stderr
    [request] = posts(server)
    assert request.path == "/openai/v1/images/edits"
    assert [upload["name"] for upload in request.uploads] == ["image[]", "image[]"]
    assert request.body is not None and request.body.get("input_fidelity") == "high"


def test_a_compatible_server_gets_the_declared_fields(
    capsys: Capsys, monkeypatch: Patch, server: StandinServer, tmp_path: Path
) -> None:
    done = run_cli(
        capsys, monkeypatch, "generate", "a teapot", "--provider", "compatible",
        "--model", "Qwen/Qwen-Image", "--server-fields", "seed,steps,negative_prompt",
        "--seed", "5", "--steps", "12", "--negative-prompt", "text", "--size", "512x512",
        "--base-url", server.base_url_for("compatible"), "--out", str(tmp_path / "D"),
        env={"COMPATIBLE_API_KEY": KEY},
    )  # fmt: skip
    assert done.status == 0, done.stderr
    [request] = posts(server)
    assert request.path == "/compatible/v1/images/generations"
    assert request.body is not None
    assert (request.body["seed"], request.body["negative_prompt"]) == (5, "text")
    assert "guidance_scale" not in request.body  # guidance was not declared
    assert picture_size(done.lines[0]) == (512, 512)


def test_without_a_key_the_stand_in_plays_the_provider(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_API_KEY", "_BASE_URL"))}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    done = subprocess.run(
        [sys.executable, "-m", "stepfun_studio", "generate", "a kite", "--provider", "openai",
         "--quality", "low", "--out", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "No OPENAI_API_KEY is set" in done.stderr and "/openai/v1" in done.stderr
    assert len(list(tmp_path.glob("*.png"))) == 1
