"""The stand-in's HTTP plumbing: reads one request, hands it to its protocol, sends the answer.

One instance per request, on its own thread (`ThreadingHTTPServer`); everything shared lives on
the `StandinServer` it reaches through `self.server.standin`. The path's prefix picks the
protocol (`protocols/`), which checks the request and words the answer; this module only knows
HTTP: bodies (JSON, form, multipart with repeated parts), answers with a length, waiting while
watching for a hang-up, dropping or truncating on purpose, and serving the pictures behind links.
"""

from __future__ import annotations

import contextlib
import email.parser
import email.policy
import json
import select
import socket
import time
import uuid
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from stepfun_studio.standin.inputs import Upload
from stepfun_studio.standin.recording import RecordedRequest
from stepfun_studio.standin.refusal import RefusalError

if TYPE_CHECKING:
    from stepfun_studio.standin.server import StandinServer

# Where the pictures behind links live: StepFun's, Ark's and SiliconFlow's object stores.
DOWNLOAD_PREFIXES = ("/image_gen/", "/ark-content/", "/sf-outputs/")
# A generous cap (16 gpt-image inputs of a few MB each fit); beyond it the body is not read.
MAX_BODY_BYTES = 256 * 1024 * 1024


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

    # -- answering (used by the protocols) --------------------------------------------------

    def send(
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

    def send_json(self, status: int, payload: object, extra: dict[str, str] | None = None) -> None:
        self.send(status, json.dumps(payload).encode("utf-8"), "application/json", extra)

    def wait(self, seconds: float) -> bool:
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

    def drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def send_truncated(self, data: bytes, content_type: str = "application/json") -> None:
        """Announces the whole length, sends half, and hangs up."""
        self.record.status = 200
        self.close_connection = True
        try:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Trace-Id", self.trace_id)
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
        except OSError:
            self.standin.note_dropped()
        self.drop()

    # -- reading ----------------------------------------------------------------------------

    def _start(self, method: str) -> str:
        self.trace_id = uuid.uuid4().hex
        path = urlsplit(self.path).path
        headers = {k: v for k, v in self.headers.items() if k.lower() != "authorization"}
        if "Authorization" in self.headers:
            headers["Authorization"] = "<present, value not recorded>"
        self.record = RecordedRequest(method, path, headers)
        self.standin.record(self.record)
        auth = self.headers.get("Authorization", "")
        self.key = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        return path

    def _read_body(self) -> tuple[dict[str, Any], dict[str, list[Upload]]]:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self.close_connection = True  # the unread body would be taken for the next request
            raise RefusalError(413, f"Request body is larger than {MAX_BODY_BYTES} bytes")
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
    ) -> tuple[dict[str, Any], dict[str, list[Upload]]]:
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + raw
        )
        fields: dict[str, Any] = {}
        files: dict[str, list[Upload]] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if not isinstance(name, str) or not isinstance(payload, bytes):
                continue
            filename = part.get_filename()
            if filename is not None:
                upload = Upload(filename, part.get_content_type(), payload)
                files.setdefault(name, []).append(upload)
                seen: dict[str, Any] = {
                    "filename": filename,
                    "content_type": upload.content_type,
                    "size": len(payload),
                }
                self.record.files.setdefault(name, seen)
                self.record.uploads.append({"name": name, **seen})
            else:
                fields[name] = payload.decode("utf-8")
        self.record.body = fields
        return fields, files

    # -- routes -----------------------------------------------------------------------------

    def do_GET(self) -> None:
        path = self._start("GET")
        if path.startswith(DOWNLOAD_PREFIXES):
            self._serve_image(path)
            return
        protocol = self.standin.protocol_for(path)
        if protocol is None:
            self.send_json(404, {"error": {"message": f"Not found: {path}", "type": "not_found"}})
            return
        protocol.serve_get(self, path.removeprefix(protocol.prefix))

    def do_POST(self) -> None:
        path = self._start("POST")
        protocol = self.standin.protocol_for(path)
        try:
            body, files = self._read_body()
        except RefusalError as refusal:
            if protocol is None:
                self.send_json(refusal.status, {"error": {"message": refusal.message}})
            else:
                protocol.refuse(self, protocol.bad_body(refusal))
            return
        if protocol is None:
            self.send_json(404, {"error": {"message": f"Not found: {path}", "type": "not_found"}})
            return
        protocol.serve_post(self, path.removeprefix(protocol.prefix), body, files)

    def _serve_image(self, path: str) -> None:
        image_id = path.rsplit("/", 1)[-1].partition(".")[0]
        found = self.standin.image(image_id)
        if found is None:
            self.send(404, b"<Error><Code>NoSuchKey</Code></Error>", "application/xml")
        elif found[1]:
            body = b"<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"
            self.send(403, body, "application/xml")
        elif found[0].delay_s <= 0 or self.wait(found[0].delay_s):
            self.send(200, found[0].data, found[0].media_type)
