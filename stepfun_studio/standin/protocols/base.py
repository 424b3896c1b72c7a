"""What every protocol of the stand-in does the same way, and what each must say its own way.

The flow of an image request is shared, so a fault or a limit behaves alike everywhere: route,
key, limits, the protocol's checks, then the fault book (status faults answered in the
protocol's error shape; delay, drop, truncation, HTML instead of JSON), then the protocol's
answer, whose pictures go through the same fault-aware painter and link store. A protocol
supplies its routes, checks, answer and error shapes (`stepfun.py`, `openai_images.py`,
`ark.py`, `siliconflow.py`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import struct
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PIL import Image

from stepfun_studio.core.model_table import ModelTable, ProviderSpec
from stepfun_studio.standin.faults import FAULT_HEADER, STATUS_FAULTS, Fault
from stepfun_studio.standin.inputs import Upload
from stepfun_studio.standin.pictures import MEDIA_TYPES, encode
from stepfun_studio.standin.protocols.chat import CHAT_ROUTE, serve_chat
from stepfun_studio.standin.refusal import BadInputError, RefusalError

if TYPE_CHECKING:
    from stepfun_studio.standin.handler import StandinHandler
    from stepfun_studio.standin.server import StandinServer

Body = dict[str, Any]
Files = dict[str, list[Upload]]
Painter = Callable[[int, int], Image.Image]


def bomb_png() -> bytes:
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


def stable_number(*parts: str) -> int:
    """A 31-bit number from text: the same prompt always paints the same picture."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


def fault_name(fault: Fault | None) -> str:
    return fault.name if fault is not None else ""


class Protocol:
    """One provider's API on the stand-in, under its `standin_prefix`."""

    # How long a link lives unless the server says otherwise (StandinServer.url_expiry_s).
    link_expiry_s = 3600.0

    def __init__(self, standin: StandinServer, provider: ProviderSpec, table: ModelTable) -> None:
        self.standin = standin
        self.provider = provider
        self.table = table
        self.prefix = provider.standin_prefix.rstrip("/")

    # -- what each protocol says its own way ------------------------------------------------

    def post_routes(self) -> dict[str, str]:
        """Image endpoints: path after the prefix -> the name `check` gets."""
        raise NotImplementedError

    def get_routes(self) -> dict[str, Callable[[StandinHandler], object]]:
        """Free GET endpoints (models, balance): path after the prefix -> the JSON answer."""
        return {}

    def check(self, endpoint: str, body: Body, files: Files) -> Any:
        """The checked order for one image request; raises RefusalError or BadInputError."""
        raise NotImplementedError

    def answer(self, http: StandinHandler, order: Any, fault: Fault | None) -> object:
        """The success payload for a checked order (may raise RefusalError, e.g. moderation)."""
        raise NotImplementedError

    def error_payload(self, refusal: RefusalError, http: StandinHandler) -> object:
        raise NotImplementedError

    def status_fault(self, name: str) -> RefusalError:
        """The protocol's own answer to a status fault ("401", "402", "429", …)."""
        raise NotImplementedError

    def not_found(self, method: str, path: str) -> RefusalError:
        return RefusalError(404, f"Not found: {path}", error_type="not_found")

    def unauthorized(self) -> RefusalError:
        return self.status_fault("401")

    def too_many(self, message: str) -> RefusalError:
        refusal = self.status_fault("429")
        refusal.message = message
        return refusal

    def bad_body(self, refusal: RefusalError) -> RefusalError:
        """A body that could not be read (not JSON, too large), in the protocol's words."""
        return refusal

    def bad_input(self, bad: BadInputError) -> RefusalError:
        return RefusalError(400, f"{bad.param}: {bad.reason}", param=bad.param)

    def answer_headers(self, http: StandinHandler) -> dict[str, str]:
        """Headers on every answer of this protocol (Ark's request id)."""
        return {}

    def link(self, image_id: str, born: float, life_s: float, extension: str) -> str:
        """Where a stored picture is fetched from, in the provider's object-store style."""
        raise NotImplementedError

    # -- the shared flow ----------------------------------------------------------------------

    def refuse(self, http: StandinHandler, refusal: RefusalError) -> None:
        headers = {**self.answer_headers(http), **refusal.headers}
        http.send_json(refusal.status, self.error_payload(refusal, http), headers)

    def serve_get(self, http: StandinHandler, route: str) -> None:
        answer = self.get_routes().get(route)
        if answer is None:
            self.refuse(http, self.not_found("GET", http.record.path))
        elif not self.standin.key_accepted(http.key):
            self.refuse(http, self.unauthorized())
        else:
            http.send_json(200, answer(http), self.answer_headers(http))

    def serve_post(self, http: StandinHandler, route: str, body: Body, files: Files) -> None:
        if route == CHAT_ROUTE and self.provider.assistant is not None:
            serve_chat(self, http, body)  # the prompt assistant's chat models
            return
        endpoint = self.post_routes().get(route)
        if endpoint is None:
            self.refuse(http, self.not_found("POST", http.record.path))
            return
        if not self.standin.key_accepted(http.key):
            self.refuse(http, self.unauthorized())
            return
        over = self.standin.enter_limits()
        if over is not None:
            refusal = self.too_many(over)
            refusal.headers.setdefault("Retry-After", "1")
            self.refuse(http, refusal)
            return
        try:
            self._generate(http, endpoint, body, files)
        finally:
            self.standin.leave_limits()

    def _generate(self, http: StandinHandler, endpoint: str, body: Body, files: Files) -> None:
        try:
            order = self.check(endpoint, body, files)
        except BadInputError as bad:
            self.refuse(http, self.bad_input(bad))
            return
        except RefusalError as refusal:
            self.refuse(http, refusal)
            return
        answered, fault = self.before_answer(http)
        if answered:
            return
        try:
            payload = self.answer(http, order, fault)
        except RefusalError as refusal:
            self.refuse(http, refusal)
            return
        data = json.dumps(payload).encode("utf-8")
        name = fault_name(fault)
        if name == "non_json":
            http.send(200, b"<html><body>502 Bad Gateway</body></html>", "application/json")
        elif name == "truncated":
            http.send_truncated(data)
        else:
            http.send(200, data, "application/json", self.answer_headers(http))

    def before_answer(self, http: StandinHandler) -> tuple[bool, Fault | None]:
        """The fault for this request, and the part of it that comes before any answer: a
        status refusal, a delay (with the server's latency), a dropped connection. True when
        that already ended the request."""
        fault = self.standin.faults.take(http.record.path, http.key, http.headers.get(FAULT_HEADER))
        http.record.fault = fault.name if fault else None
        if fault is not None and fault.name in STATUS_FAULTS:
            self.refuse(http, self.fault_refusal(fault))
            return True, fault
        delay = self.standin.latency_s
        if fault is not None and fault.name == "delay":
            delay += fault.param_float("seconds", 1.0)
        if delay > 0 and not http.wait(delay):
            return True, fault
        if fault is not None and fault.name == "drop":
            http.drop()
            return True, fault
        return False, fault

    def fault_refusal(self, fault: Fault) -> RefusalError:
        refusal = self.status_fault(fault.name)
        if "message" in fault.params:
            refusal.message = fault.params["message"]
        if "retry_after" in fault.params:
            refusal.headers["Retry-After"] = fault.params["retry_after"]
        return refusal

    # -- pictures, with the faults that break them --------------------------------------------

    def picture(
        self,
        fault: Fault | None,
        width: int,
        height: int,
        paint: Painter,
        output_format: str = "png",
    ) -> bytes:
        """The encoded picture `paint` makes at `width`x`height`, or the broken one a fault asks."""
        name = fault_name(fault)
        if name == "not_image":
            return b"this is not a picture, only text pretending"
        if name == "bomb":
            return bomb_png()
        if name == "content_filtered":
            return encode(Image.new("RGB", (width, height)), output_format)
        if name == "wrong_size":
            width, height = width // 2, height // 2
        data = encode(paint(width, height), output_format)
        if name == "damaged_image":
            middle = len(data) // 2
            if output_format == "png":
                # A flipped byte fails PNG's checksum; JPEG and WebP decoders shrug one off,
                # so for them the picture is cut short instead. The byte flipped is the first
                # of the pixel data (zlib's header): a byte elsewhere in it can decode into other
                # pixels, and a decoder that does not check the checksum would take that.
                idat = data.find(b"IDAT")
                spot = idat + 4 if idat > 0 else middle
                data = data[:spot] + bytes([data[spot] ^ 0xFF]) + data[spot + 1 :]
            else:
                data = data[:middle]
        return data

    def deliver(
        self, data: bytes, fault: Fault | None, *, as_url: bool, output_format: str = "png"
    ) -> dict[str, str]:
        """The answer's field for one picture: `{"b64_json": …}` or `{"url": …}` to fetch."""
        field = "url" if as_url else "b64_json"
        if fault_name(fault) == "bad_base64":
            return {field: "@@not*base64@@"}
        if not as_url:
            return {field: base64.b64encode(data).decode("ascii")}
        slow = fault.param_float("seconds", 2.0) if fault and fault.name == "slow_link" else 0.0
        image_id, born, life = self.standin.keep_image(
            data,
            expired=fault_name(fault) == "expired_url",
            delay_s=slow,
            media_type=MEDIA_TYPES.get(output_format, "image/png"),
            expiry_s=self.link_expiry_s,
        )
        return {field: self.link(image_id, born, life, output_format)}
