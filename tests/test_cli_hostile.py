"""`generate` against servers that answer badly: a retired model, terminal escapes, JSON nested
too deep, a seed past 64 bits, an answer dripped a byte at a time. Each ends with a message and
an exit status, within its deadline, and no traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PIL import Image
from test_cli_support import (
    KEY,
    Answer,
    Received,
    ScriptedServer,
    image_answer,
    run_cli,
)

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


def _env(server: ScriptedServer) -> dict[str, str]:
    return {"STEPFUN_API_KEY": KEY, "STEPFUN_BASE_URL": server.base_url}


def test_a_retired_model_answered_404_stops_after_one_request_and_says_why(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    gone = Answer(404, {"error": {"message": "model not found", "type": "invalid_request_error"}})
    with ScriptedServer(lambda received: gone) as server:
        done = run_cli(
            capsys, monkeypatch, "generate", "a lighthouse", "--model", "step-2x-large",
            "--n", "3", "--out", str(tmp_path / "out"), "--no-library", env=_env(server),
        )  # fmt: skip
    assert done.status == 1
    assert len(server.posts()) == 1  # the other two were never sent
    assert server.posts()[0].body["model"] == "step-2x-large"
    assert "step-2x-large was retired by StepFun on 2026-10-10" in done.stderr
    assert "Providers that work: --provider openai | ark | siliconflow" in done.stderr
    assert "2 more pictures were not sent" in done.stderr
    assert done.stdout == ""


def test_escapes_in_a_servers_words_never_reach_the_terminal(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    words = "\x1b]0;owned\x07\x1b[2J\x1b[31mbad prompt\x1b[0m\r\n\x9b2J done"
    refusal = Answer(400, {"error": {"message": words, "type": "invalid_request_error"}})
    with ScriptedServer(lambda received: refusal) as server:
        done = run_cli(
            capsys, monkeypatch, "generate", "cat", "--model", "step-image-edit-2",
            "--out", str(tmp_path), "--no-library", env=_env(server),
        )  # fmt: skip
    assert done.status == 1
    assert "bad prompt" in done.stderr and "done" in done.stderr
    for character in ("\x1b", "\x07", "\x9b", "\r"):
        assert character not in done.stderr
    # A 400 that does not say "model not found" is not taken for the retirement by the API;
    # the command line still says the model is retired, and what works.
    assert "StepFun retired step-image-edit-2 on 2026-10-10" in done.stderr


def test_json_nested_too_deep_is_a_message(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    deep = Answer(200, b'{"data": ' + b"[" * 200_000 + b"]" * 200_000 + b"}")
    with ScriptedServer(lambda received: deep) as server:
        done = run_cli(
            capsys, monkeypatch, "generate", "cat", "--out", str(tmp_path), "--no-library",
            env=_env(server),
        )  # fmt: skip
    assert done.status == 1
    assert "Traceback" not in done.stderr
    assert "nested too deeply" in done.stderr or "not valid JSON" in done.stderr


def test_a_seed_past_64_bits_is_printed_exactly_and_the_picture_kept(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    seed = 2**70 + 12345
    with ScriptedServer(lambda received: image_answer(seed)) as server:
        done = run_cli(
            capsys, monkeypatch, "generate", "cat", "--size", "256x256", "--out", str(tmp_path),
            env=_env(server),
        )  # fmt: skip
    assert done.status == 0, done.stderr
    [line] = done.lines
    path, printed = line.split("\t")
    assert printed == f"seed={seed}"
    assert f"seed{seed}" in Path(path).name
    assert "1 added to Studio's library" in done.stderr  # the library keeps such seeds too
    with Image.open(path) as picture:
        assert picture.size == (256, 256)


def test_an_answer_dripped_a_byte_at_a_time_ends_at_the_deadline(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    def drip(received: Received) -> Answer:
        answer = image_answer(5)
        answer.drip_seconds = 0.2
        return answer

    with ScriptedServer(drip) as server:
        started = time.monotonic()
        done = run_cli(
            capsys, monkeypatch, "generate", "cat", "--size", "256x256", "--timeout", "1.5",
            "--out", str(tmp_path), "--no-library", env=_env(server),
        )  # fmt: skip
        elapsed = time.monotonic() - started
    assert done.status == 1
    assert elapsed < 10
    assert "No picture within 1.5 s" in done.stderr and "may still finish it" in done.stderr
    assert list(tmp_path.iterdir()) == []
