"""Helpers for the command-line tests: run the CLI in this process, and a hostile HTTP server.

`run_cli()` calls `stepfun_studio.cli.main` with a clean environment for the provider keys and
addresses, and returns what it printed. `ScriptedServer` is a tiny real HTTP server on 127.0.0.1
whose every answer a test writes (status, headers, body, or a body dripped a byte at a time),
for the answers no well-behaved stand-in gives.
"""

from __future__ import annotations

import base64
import http.server
import io
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from PIL import Image

from stepfun_studio.cli import main
from stepfun_studio.core.model_table import model_table

KEY = "sk-CliTest1234567890abcdefGHIJ"


@dataclass
class CliRun:
    status: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.strip().splitlines()


def clear_provider_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for provider in model_table().providers:
        monkeypatch.delenv(provider.key_env, raising=False)
        if provider.base_url_env:
            monkeypatch.delenv(provider.base_url_env, raising=False)


def run_cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    env: dict[str, str] | None = None,
) -> CliRun:
    """`stepfun-studio *args` in this process; `env` adds variables (keys, addresses)."""
    clear_provider_environment(monkeypatch)
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    capsys.readouterr()
    status = main(list(args))
    captured = capsys.readouterr()
    return CliRun(status, captured.out, captured.err)


def png_bytes(
    size: tuple[int, int] = (64, 64), colour: tuple[int, int, int] = (20, 90, 160)
) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


@dataclass
class Answer:
    """One scripted answer: a status, a body (bytes or JSON-able), headers, or a slow drip."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    drip_seconds: float = 0.0  # > 0: the body is sent one byte per this many seconds

    def encoded(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps(self.body).encode("utf-8")


@dataclass
class Received:
    method: str
    path: str
    body: Any


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw
        self.server.owner.received.append(Received(self.command, self.path, body))
        answer = self.server.owner.script(self.server.owner.received[-1])
        data = answer.encoded()
        self.send_response(answer.status)
        headers = {"Content-Type": "application/json", **answer.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            if answer.drip_seconds > 0:
                for index in range(len(data)):
                    if self.server.owner.stopping.is_set():
                        return
                    self.wfile.write(data[index : index + 1])
                    self.wfile.flush()
                    time.sleep(answer.drip_seconds)
            else:
                self.wfile.write(data)
        except OSError:
            pass  # the client gave up: that is what some tests want to see


class _Server(http.server.ThreadingHTTPServer):
    owner: ScriptedServer
    daemon_threads = True


class ScriptedServer:
    """A real server on 127.0.0.1 answering every request with `script(received)`."""

    def __init__(self, script: Callable[[Received], Answer]) -> None:
        self.script = script
        self.received: list[Received] = []
        self.stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def posts(self) -> list[Received]:
        return [r for r in self.received if r.method == "POST"]

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()


def image_answer(seed: int | str, size: tuple[int, int] = (256, 256)) -> Answer:
    """A StepFun-shaped success answer with a real picture of `size`."""
    data = base64.b64encode(png_bytes(size)).decode("ascii")
    return Answer(
        body={
            "created": 1,
            "data": [{"b64_json": data, "seed": seed, "finish_reason": "success"}],
        }
    )
