"""A small strict server for the adapter tests (and the API bench): four protocols on 127.0.0.1.

Not the stand-in: an independent reading of providers.md, strict about what it is sent, so a
field a provider does not know (a `seed` to OpenAI, an `n` to Ark) is refused the way the real
service refuses it, and every request is recorded field by field for the tests to look at.

Prefixes, as the stand-in's: `/v1` StepFun (text to image only), `/openai/v1`,
`/compatible/v1`, `/ark/api/v3`, `/siliconflow/v1`. Result links are served under `/files/`.
`script(...)` queues a canned answer (status, body, headers, delay, trickle) for the next
request to a path, for error tests.
"""

from __future__ import annotations

import base64
import email.parser
import email.policy
import io
import json
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from PIL import Image

PREFIXES = {
    "stepfun": "/v1",
    "openai": "/openai/v1",
    "compatible": "/compatible/v1",
    "ark": "/ark/api/v3",
    "siliconflow": "/siliconflow/v1",
}
OPENAI_FIELDS = {
    "model",
    "prompt",
    "n",
    "size",
    "quality",
    "background",
    "output_format",
    "output_compression",
    "moderation",
    "user",
    "input_fidelity",
}
COMPATIBLE_EXTRAS = {"seed", "num_inference_steps", "guidance_scale", "negative_prompt", "strength"}
OPENAI_SIZES = {"1024x1024", "1536x1024", "1024x1536", "auto"}
ARK_FIELDS = {
    "model",
    "prompt",
    "image",
    "size",
    "seed",
    "guidance_scale",
    "response_format",
    "watermark",
    "sequential_image_generation",
    "stream",
    "output_format",
}
SILICONFLOW_FIELDS = {
    "model",
    "prompt",
    "negative_prompt",
    "image_size",
    "batch_size",
    "seed",
    "num_inference_steps",
    "guidance_scale",
    "cfg",
    "image",
    "image2",
    "image3",
}
NAMED_SIZES = {"auto": (1024, 1024), "1K": (1024, 1024), "2K": (2048, 2048)}


@dataclass
class Seen:
    """One request as it arrived: JSON body, or multipart fields (in order) and files."""

    method: str
    path: str
    headers: dict[str, str]
    json: dict[str, Any] | None = None
    form: list[tuple[str, str]] = field(default_factory=list)
    files: list[tuple[str, str, str, bytes]] = field(default_factory=list)  # name, file, mime, data

    def form_names(self) -> list[str]:
        return [name for name, _ in self.form]


@dataclass
class Scripted:
    status: int
    body: bytes
    headers: dict[str, str]
    delay_s: float = 0.0
    trickle_s: float = 0.0  # pause between bytes of the body


def png(width: int, height: int, colour: tuple[int, int, int] = (40, 120, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG", compress_level=1)
    return out.getvalue()


def size_of(size: str) -> tuple[int, int]:
    if size in NAMED_SIZES:
        return NAMED_SIZES[size]
    width, height = size.lower().split("x")
    return int(width), int(height)


class StrictServer:
    """Use as a context manager; `base_url_for(provider_id)` gives each protocol's base URL."""

    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.files: dict[str, bytes] = {}
        self._scripts: dict[str, deque[Scripted]] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.strict = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> StrictServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def base_url_for(self, provider_id: str) -> str:
        return self.origin + PREFIXES[provider_id]

    def script(
        self,
        path: str,
        status: int,
        body: object = None,
        *,
        headers: dict[str, str] | None = None,
        times: int = 1,
        delay_s: float = 0.0,
        trickle_s: float = 0.0,
    ) -> None:
        """The next `times` requests to `path` get this answer (a dict/list is sent as JSON)."""
        raw = body if isinstance(body, bytes) else json.dumps(body).encode() if body else b""
        with self._lock:
            queue = self._scripts.setdefault(path, deque())
            for _ in range(times):
                queue.append(Scripted(status, raw, dict(headers or {}), delay_s, trickle_s))

    def take_script(self, path: str) -> Scripted | None:
        with self._lock:
            queue = self._scripts.get(path)
            return queue.popleft() if queue else None

    def count(self, path_part: str = "") -> int:
        return sum(1 for seen in self.requests if path_part in seen.path)

    def keep_file(self, data: bytes) -> str:
        name = uuid.uuid4().hex
        self.files[name] = data
        return f"{self.origin}/files/{name}.png"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    @property
    def strict(self) -> StrictServer:
        return self.server.strict  # type: ignore[attr-defined, no-any-return]

    # -- plumbing ----------------------------------------------------------------------------

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        headers = {"Content-Type": "application/json", **(headers or {})}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Request-Id", "req-" + uuid.uuid4().hex[:12])
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, payload: object, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(payload).encode(), headers)

    def _seen(self, method: str) -> Seen:
        seen = Seen(method, urlsplit(self.path).path, dict(self.headers.items()))
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        content_type = self.headers.get("Content-Type", "")
        if content_type.startswith("multipart/form-data"):
            message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw
            )
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True)
                filename = part.get_filename()
                if filename is not None:
                    seen.files.append((str(name), filename, part.get_content_type(), payload))
                else:
                    seen.form.append((str(name), payload.decode()))
        elif raw:
            seen.json = json.loads(raw)
        with self.strict._lock:
            self.strict.requests.append(seen)
        return seen

    def _scripted(self, path: str) -> bool:
        scripted = self.strict.take_script(path)
        if scripted is None:
            return False
        time.sleep(scripted.delay_s)
        if not scripted.trickle_s:
            self._send(scripted.status, scripted.body, scripted.headers)
            return True
        self.send_response(scripted.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(scripted.body)))
        self.end_headers()
        try:
            for byte in scripted.body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(scripted.trickle_s)
        except OSError:
            pass
        return True

    # -- routes ------------------------------------------------------------------------------

    def do_GET(self) -> None:
        seen = self._seen("GET")
        if self._scripted(seen.path):
            return
        if seen.path.startswith("/files/"):
            data = self.strict.files.get(seen.path.removeprefix("/files/").removesuffix(".png"))
            if data is None:
                self._send(404, b"gone", {"Content-Type": "text/plain"})
            else:
                self._send(200, data, {"Content-Type": "image/png"})
        elif seen.path.endswith("/models"):
            self._json(200, {"object": "list", "data": [{"id": "model-a"}, {"id": "model-b"}]})
        else:
            self._json(404, {"error": {"message": f"Not found: {seen.path}"}})

    def do_POST(self) -> None:
        seen = self._seen("POST")
        if self._scripted(seen.path):
            return
        keyless = seen.path.startswith("/compatible/")  # a team's own server may take none
        if not keyless and not seen.headers.get("Authorization", "").startswith("Bearer "):
            self._json(401, {"error": {"message": "no key", "code": "invalid_api_key"}})
        elif seen.path.startswith(("/openai/v1/images/", "/compatible/v1/images/")):
            self._openai(seen, compatible=seen.path.startswith("/compatible/"))
        elif seen.path == "/ark/api/v3/images/generations":
            self._ark(seen)
        elif seen.path == "/siliconflow/v1/images/generations":
            self._siliconflow(seen)
        elif seen.path == "/v1/images/generations":
            self._stepfun(seen)
        else:
            self._json(404, {"error": {"message": f"Not found: {seen.path}"}})

    def _openai_error(self, message: str, param: str, code: str = "unknown_parameter") -> None:
        error = {"message": message, "type": "invalid_request_error", "param": param, "code": code}
        self._json(400, {"error": error})

    def _openai(self, seen: Seen, *, compatible: bool) -> None:
        fields: dict[str, Any] = dict(seen.json or {}) or dict(seen.form)
        allowed = OPENAI_FIELDS | (COMPATIBLE_EXTRAS if compatible else set())
        for name in fields:
            if name not in allowed:
                self._openai_error(f"Unknown parameter: '{name}'.", name)
                return
        size = str(fields.get("size", "auto"))
        if not compatible and size not in OPENAI_SIZES:
            self._openai_error(
                f"Invalid value: '{size}'. Supported values are: '1024x1024', '1024x1536', "
                "'1536x1024', and 'auto'.",
                "size",
                "invalid_value",
            )
            return
        if seen.path.endswith("/edits"):
            names = [name for name, *_ in seen.files]
            if not names or any(name not in ("image[]", "image", "mask") for name in names):
                self._openai_error("image[] is required", "image", "missing")
                return
        width, height = size_of(size)
        payload = {
            "created": int(time.time()),
            "data": [{"b64_json": base64.b64encode(png(width, height)).decode()}],
            "usage": {
                "input_tokens": 50,
                "input_tokens_details": {"text_tokens": 40, "image_tokens": 10},
                "output_tokens": 1056,
                "total_tokens": 1106,
            },
        }
        self._json(200, payload)

    def _ark_error(self, message: str, param: str) -> None:
        error = {
            "code": "InvalidParameter",
            "message": message,
            "param": param,
            "type": "BadRequest",
        }
        self._json(400, {"error": error})

    def _ark(self, seen: Seen) -> None:
        body = seen.json or {}
        for name in body:
            if name not in ARK_FIELDS:
                self._ark_error(
                    f"The parameter `{name}` specified in the request is not valid", name
                )
                return
        if not isinstance(body.get("watermark"), bool):
            self._ark_error("watermark must be a boolean", "watermark")
            return
        images = body.get("image", [])
        if not isinstance(images, list) or not all(
            isinstance(i, str) and i.startswith("data:image/") for i in images
        ):
            self._ark_error("image must be a list of data URIs", "image")
            return
        width, height = size_of(str(body.get("size", "2K")))
        item: dict[str, Any] = {"size": f"{width}x{height}"}
        picture = png(width, height, (200, 90, 40))
        if body.get("response_format") == "b64_json":
            item["b64_json"] = base64.b64encode(picture).decode()
        else:
            item["url"] = self.strict.keep_file(picture)
        usage = {"generated_images": 1, "output_tokens": 16384, "total_tokens": 16384}
        self._json(
            200,
            {
                "model": body.get("model"),
                "created": int(time.time()),
                "data": [item],
                "usage": usage,
            },
        )

    def _siliconflow(self, seen: Seen) -> None:
        body = seen.json or {}
        for name in body:
            if name not in SILICONFLOW_FIELDS:
                self._json(400, {"code": 20015, "message": f"Unknown field {name}", "data": None})
                return
        size = body.get("image_size")
        width, height = size_of(str(size)) if size else (640, 480)
        seed = body.get("seed", 4242)
        url = self.strict.keep_file(png(width, height, (90, 200, 40)))
        self._json(200, {"images": [{"url": url}], "timings": {"inference": 0.5}, "seed": seed})

    def _stepfun(self, seen: Seen) -> None:
        body = seen.json or {}
        width, height = size_of(str(body.get("size", "1024x1024")))
        seed = body.get("seed") or 1234
        item = {
            "b64_json": base64.b64encode(png(width, height)).decode(),
            "seed": seed,
            "finish_reason": "success",
        }
        self._json(200, {"created": int(time.time()), "data": [item]})


if __name__ == "__main__":  # for bench/api_overhead.py, in its own process
    with StrictServer() as strict:
        for provider_id in PREFIXES:
            print(provider_id, strict.base_url_for(provider_id), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
