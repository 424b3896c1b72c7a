"""The stand-in's HTTP handler: reads one request, checks it, answers it (or breaks on purpose).

One instance per request, on its own thread (`ThreadingHTTPServer`); everything shared lives on
the `StandinServer` it reaches through `self.server.standin`.
"""

from __future__ import annotations

import base64
import contextlib
import email.parser
import email.policy
import json
import select
import socket
import struct
import time
import uuid
import zlib
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.request import Mode
from stepfun_studio.standin.checks import Job, RefusalError, Upload, check
from stepfun_studio.standin.faults import FAULT_HEADER, STATUS_FAULTS, Fault
from stepfun_studio.standin.pictures import encode_png, render, render_edit
from stepfun_studio.standin.recording import RecordedRequest

if TYPE_CHECKING:
    from stepfun_studio.standin.server import StandinServer

ROUTES = {
    "/v1/images/generations": Mode.TEXT_TO_IMAGE,
    "/v1/images/image2image": Mode.REDRAW,
    "/v1/images/edits": Mode.EDIT,
}


def _bomb_png() -> bytes:
    """A tiny PNG whose header claims 50000x50000 pixels: decoding it would need gigabytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


class StandinHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real API host; every answer has a length
    server_version = "StepFunStandin/1.0"

    def setup(self) -> None:
        super().setup()
        # Headers and body leave in separate writes; without this, Nagle's algorithm and the
        # client's delayed ACK add ~40 ms to every keep-alive answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    @property
    def standin(self) -> StandinServer:
        return self.server.standin  # type: ignore[attr-defined,no-any-return]

    def log_message(self, format: str, *args: Any) -> None:
        # Quiet by default: tests run thousands of requests.
        return

    # -- answering --------------------------------------------------------------------------

    def _send(
        self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None
    ) -> None:
        self.record.status = status
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Trace-Id", self.trace_id)
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.standin.note_dropped()
            self.close_connection = True

    def _json(self, status: int, payload: object, extra: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(payload).encode("utf-8"), "application/json", extra)

    def _error(
        self, status: int, message: str, error_type: str, extra: dict[str, str] | None = None
    ) -> None:
        self._json(status, {"error": {"message": message, "type": error_type}}, extra)

    def _wait(self, seconds: float) -> bool:
        """Sleeps, watching the socket; False (and counted) when the client hung up meanwhile."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            readable, _, _ = select.select([self.connection], [], [], min(left, 0.02))
            if readable:
                try:
                    peek = self.connection.recv(1, socket.MSG_PEEK)
                except OSError:
                    peek = b""
                if not peek:
                    self.standin.note_dropped()
                    self.close_connection = True
                    return False
                time.sleep(min(left, 0.02))
        return True

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    # -- reading ----------------------------------------------------------------------------

    def _start(self, method: str) -> tuple[str, str]:
        self.trace_id = uuid.uuid4().hex
        path = urlsplit(self.path).path
        headers = {k: v for k, v in self.headers.items() if k.lower() != "authorization"}
        if "Authorization" in self.headers:
            headers["Authorization"] = "<present, value not recorded>"
        self.record = RecordedRequest(method, path, headers)
        self.standin.record(self.record)
        auth = self.headers.get("Authorization", "")
        key = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        return path, key

    def _read_body(self) -> tuple[dict[str, Any], dict[str, Upload]]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        content_type = self.headers.get("Content-Type", "")
        if content_type.startswith("multipart/form-data"):
            return self._parse_form(raw, content_type)
        if content_type.startswith("application/x-www-form-urlencoded"):
            fields = dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
            self.record.body = dict(fields)
            return dict(fields), {}
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            raise RefusalError(400, "Request body is not valid JSON") from None
        if not isinstance(body, dict):
            raise RefusalError(400, "Request body must be a JSON object")
        self.record.body = body
        return body, {}

    def _parse_form(
        self, raw: bytes, content_type: str
    ) -> tuple[dict[str, Any], dict[str, Upload]]:
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + raw
        )
        fields: dict[str, Any] = {}
        files: dict[str, Upload] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if not isinstance(name, str) or not isinstance(payload, bytes):
                continue
            filename = part.get_filename()
            if filename is not None:
                files[name] = Upload(filename, part.get_content_type(), payload)
                self.record.files[name] = {
                    "filename": filename,
                    "content_type": part.get_content_type(),
                    "size": len(payload),
                }
            else:
                fields[name] = payload.decode("utf-8")
        self.record.body = fields
        return fields, files

    # -- routes -----------------------------------------------------------------------------

    def do_GET(self) -> None:
        path, key = self._start("GET")
        if path.startswith("/image_gen/"):
            self._serve_image(path)
        elif path == "/v1/models":
            if not self.standin.key_accepted(key):
                self._error(401, "Incorrect API key provided", "invalid_api_key")
                return
            created = int(time.time())
            models = [
                {"id": name, "object": "model", "created": created, "owned_by": "stepfun"}
                for name in model_table().names()
            ]
            self._json(200, {"object": "list", "data": models})
        else:
            self._error(404, f"Not found: {path}", "not_found")

    def _serve_image(self, path: str) -> None:
        image_id = path.rsplit("/", 1)[-1].removesuffix(".png")
        found = self.standin.image(image_id)
        if found is None:
            self._send(404, b"<Error><Code>NoSuchKey</Code></Error>", "application/xml")
        elif found[1]:
            body = b"<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"
            self._send(403, body, "application/xml")
        elif found[2] <= 0 or self._wait(found[2]):
            self._send(200, found[0], "image/png")

    def do_POST(self) -> None:
        path, key = self._start("POST")
        try:
            body, files = self._read_body()
        except RefusalError as refusal:
            self._error(refusal.status, refusal.message, refusal.error_type)
            return
        mode = ROUTES.get(path)
        if mode is None:
            self._error(404, f"Not found: {path}", "not_found")
            return
        if not self.standin.key_accepted(key):
            self._error(401, "Incorrect API key provided", "invalid_api_key")
            return
        over = self.standin.enter_limits()
        if over is not None:
            self._error(429, over, "rate_limit", {"Retry-After": "1"})
            return
        try:
            self._generate(mode, path, key, body, files)
        finally:
            self.standin.leave_limits()

    def _generate(
        self, mode: Mode, path: str, key: str, body: dict[str, Any], files: dict[str, Upload]
    ) -> None:
        try:
            job = check(mode, body, files)
        except RefusalError as refusal:
            self._error(refusal.status, refusal.message, refusal.error_type)
            return
        fault = self.standin.faults.take(path, key, self.headers.get(FAULT_HEADER))
        self.record.fault = fault.name if fault else None
        if fault is not None and fault.name in STATUS_FAULTS:
            self._status_fault(fault)
            return
        delay = self.standin.latency_s
        if fault is not None and fault.name == "delay":
            delay += fault.param_float("seconds", 1.0)
        if delay > 0 and not self._wait(delay):
            return
        if fault is not None and fault.name == "drop":
            self._drop()
            return
        self._answer(job, fault)

    def _status_fault(self, fault: Fault) -> None:
        status, message, error_type = STATUS_FAULTS[fault.name]
        extra = {}
        if "retry_after" in fault.params:
            extra["Retry-After"] = fault.params["retry_after"]
        self._error(status, fault.params.get("message", message), error_type, extra)

    def _answer(self, job: Job, fault: Fault | None) -> None:
        name = fault.name if fault else ""
        seed = self.standin.choose_seed(job.seed)
        finish_reason = "content_filtered" if name == "content_filtered" else "success"
        png = self._picture(job, seed, name)
        item: dict[str, Any] = {"finish_reason": finish_reason, "seed": seed}
        if name == "bad_base64":
            item["b64_json" if job.response_format == "b64_json" else "url"] = "@@not*base64@@"
        elif job.response_format == "b64_json":
            item["b64_json"] = base64.b64encode(png).decode("ascii")
        else:
            slow = fault.param_float("seconds", 2.0) if fault and name == "slow_link" else 0.0
            item["url"] = self.standin.keep_image(png, expired=name == "expired_url", delay_s=slow)
        payload: dict[str, Any] = {"id": f"{uuid.uuid4().hex}.{uuid.uuid4().hex}"}
        if name != "no_created":  # seen in real answers: `created` can be missing
            payload["created"] = int(time.time())
        payload["data"] = [] if name == "empty_data" else [item]
        data = json.dumps(payload).encode("utf-8")
        if name == "non_json":
            self._send(200, b"<html><body>502 Bad Gateway</body></html>", "application/json")
        elif name == "truncated":
            self._send_truncated(data)
        else:
            self._send(200, data, "application/json")

    def _picture(self, job: Job, seed: int, fault: str) -> bytes:
        if fault == "not_image":
            return b"this is not a picture, only text pretending"
        if fault == "bomb":
            return _bomb_png()
        if fault == "content_filtered":
            from PIL import Image

            return encode_png(Image.new("RGB", (job.width, job.height)))
        width, height = (
            (job.width // 2, job.height // 2) if fault == "wrong_size" else (job.width, job.height)
        )
        if job.mode is Mode.EDIT and job.source is not None:
            picture = render_edit(job.source, job.prompt, seed, steps=job.steps, cfg=job.cfg_scale)
            if fault == "wrong_size":
                picture = picture.resize((width, height))
        else:
            picture = render(
                job.prompt,
                seed,
                width,
                height,
                steps=job.steps,
                cfg=job.cfg_scale,
                source=job.source,
                source_weight=job.source_weight,
                style=job.style,
                style_weight=job.style_weight,
            )
        png = encode_png(picture)
        if fault == "damaged_image":
            middle = len(png) // 2
            png = png[:middle] + bytes([png[middle] ^ 0xFF]) + png[middle + 1 :]
        return png

    def _send_truncated(self, data: bytes) -> None:
        self.record.status = 200
        self.close_connection = True
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Trace-Id", self.trace_id)
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
        except OSError:
            self.standin.note_dropped()
        self._drop()
