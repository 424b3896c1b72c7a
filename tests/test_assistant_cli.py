"""The prompt assistant from the command line against the stand-in over HTTP: what is sent (one
chat completion, the picture as a data URI), what is printed, what is refused before sending,
and a resumable caption run whose captions search finds."""

from __future__ import annotations

import base64
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.standin import StandinServer
from tests.test_cli_support import run_cli

KEY = "sk-Assist1234567890abcdefGHIJ"


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer(accepted_keys={KEY}) as standin:
        yield standin


def _env(server: StandinServer, provider: str = "stepfun") -> dict[str, str]:
    if provider == "openai":
        return {"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": server.base_url_for("openai")}
    return {"STEPFUN_API_KEY": KEY, "STEPFUN_BASE_URL": server.base_url}


def _picture(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (900, 600)) -> Path:
    Image.new("RGB", size, colour).save(path)
    return path


def _chat_bodies(server: StandinServer) -> list[dict[str, object]]:
    return [r.body for r in server.requests if r.path.endswith("/chat/completions") and r.body]


def test_describe_sends_one_vision_call_with_the_picture_and_prints_both_languages(
    server: StandinServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cat = _picture(tmp_path / "cat.png", (40, 70, 210), (3000, 2000))
    done = run_cli(capsys, monkeypatch, "describe", str(cat), "--provider", "stepfun",
                   "--base-url", server.base_url, env={"STEPFUN_API_KEY": KEY})  # fmt: skip
    assert done.status == 0, done.stderr
    bodies = _chat_bodies(server)
    assert len(bodies) == 1
    body = bodies[0]
    assert body["model"] == "step-1o-turbo-vision"
    assert "stream" not in body and body["max_tokens"] == 600
    messages = body["messages"]
    assert isinstance(messages, list)
    user = next(m for m in messages if m["role"] == "user")
    image = next(part for part in user["content"] if part["type"] == "image_url")
    url = image["image_url"]["url"]
    assert url.startswith("data:image/")
    _header, payload = url.split(",", 1)
    with Image.open(io.BytesIO(base64.b64decode(payload))) as sent:
        assert max(sent.size) == 1024  # scaled down to what a vision model looks at
    assert "中文：" in done.stdout and "English:" in done.stdout and "blue" in done.stdout
    assert "step-1o-turbo-vision" in done.stderr and "¥" in done.stderr
    assert KEY not in done.stdout + done.stderr


def test_polish_and_translate_use_the_text_model_and_respect_the_limit(
    server: StandinServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    done = run_cli(capsys, monkeypatch, "polish", "a fox in the snow", "--style", "ink",
                   "--limit", "40", "--provider", "openai", env=_env(server, "openai"))  # fmt: skip
    assert done.status == 0, done.stderr
    assert done.stdout.startswith("a fox in the snow") and len(done.stdout.strip()) <= 40
    body = _chat_bodies(server)[-1]
    assert body["model"] == "gpt-4.1-mini" and body["max_completion_tokens"] == 600
    assert "ink wash" in str(body["messages"])
    done = run_cli(capsys, monkeypatch, "polish", "樱花树下的红狐狸", "--translate",
                   env=_env(server))  # fmt: skip
    assert done.status == 0, done.stderr
    assert "into English" in str(_chat_bodies(server)[-1]["messages"])
    assert _chat_bodies(server)[-1]["model"] == "step-3.5-flash"


def test_refusals_come_before_anything_is_sent(
    server: StandinServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    for args in (("describe", str(text)), ("describe", str(fifo)), ("polish", "  ")):
        done = run_cli(capsys, monkeypatch, *args, env=_env(server))
        assert done.status == 2, done.stderr
        assert "Traceback" not in done.stderr
    assert server.request_count("/chat/completions") == 0


def test_a_refused_key_and_a_server_error_are_told_in_words_not_retried(
    server: StandinServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {**_env(server), "STEPFUN_API_KEY": "sk-wrong-key-000000000000"}
    done = run_cli(capsys, monkeypatch, "polish", "a fox", env=env)
    assert done.status == 1 and "key" in done.stderr.lower()
    server.add_fault("500", endpoint="/chat/completions")
    done = run_cli(capsys, monkeypatch, "polish", "a fox", env=_env(server))
    assert done.status == 1 and "Traceback" not in done.stderr
    assert server.request_count("/chat/completions") == 2  # one each: never sent again


def _store(library: Library, prompt: str, colour: tuple[int, int, int]) -> int:
    data = io.BytesIO()
    Image.new("RGB", (256, 256), colour).save(data, format="PNG")
    request = GenerationRequest(prompt=prompt, model="gpt-image-1", provider="openai")
    result = GenerationResult(request, data.getvalue(), 0, "success", 256, 256)
    return library.ingest_result(result)


def test_caption_run_is_resumable_and_search_finds_words_only_in_captions(
    server: StandinServer,
    isolated_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    library = Library.open(AppPaths.under(isolated_home))
    try:
        for index in range(5):
            # Distinct pixels: the library keeps identical pictures once.
            colour = (200, 40, 40 + index) if index % 2 else (40, 70, 200 + index)
            _store(library, f"picture number {index}", colour)
        assert library.count(ImageQuery(text="tones")) == 0
    finally:
        library.close()
    first = run_cli(capsys, monkeypatch, "library", "caption", "--limit", "2", env=_env(server))
    assert first.status == 0, first.stderr
    assert len(first.stdout.strip().splitlines()) == 2
    rest = run_cli(capsys, monkeypatch, "library", "caption", env=_env(server))
    assert rest.status == 0, rest.stderr
    assert len(rest.stdout.strip().splitlines()) == 3  # the run went on, none captioned twice
    assert server.request_count("/chat/completions") == 5
    again = run_cli(capsys, monkeypatch, "library", "caption", env=_env(server))
    assert "already has a caption" in again.stdout
    library = Library.open(AppPaths.under(isolated_home))
    try:
        # "tones" and 红色 appear only in the captions the stand-in wrote.
        assert library.count(ImageQuery(text="tones")) == 5
        assert library.count(ImageQuery(text="红色")) == 2
        assert "CNY" in library.assistant_spend()
        # The Spend view's report has the calls, per provider, counted as calls.
        (line,) = library.spend_report().assistant
        assert (line.key, line.currency, line.pictures) == ("stepfun", "CNY", 5)
    finally:
        library.close()
    # Captions were paid for: a rebuild of the database from the files keeps them.
    rebuilt = run_cli(capsys, monkeypatch, "library", "rebuild")
    assert rebuilt.status == 0, rebuilt.stderr
    library = Library.open(AppPaths.under(isolated_home))
    try:
        assert library.count(ImageQuery(text="tones")) == 5
        assert library.uncaptioned_count() == 0
    finally:
        library.close()
