"""Raw HTTP for the stand-in tests: urllib only, so they do not lean on our own API client.

Each helper returns an `Answer` (status, headers, the JSON or the raw bytes); a refused request
is an answer too, not an exception, so a test can look at its error shape.
"""

from __future__ import annotations

import base64
import io
import json
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from typing import Any

from PIL import Image

KEY = "sk-Providers1234567890abcdef"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    raw: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.raw)

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == wanted), None)


def _send(request: urllib.request.Request) -> Answer:
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Answer(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, dict(error.headers), error.read())


def _headers(key: str | None, extra: dict[str, str] | None) -> dict[str, str]:
    headers = dict(extra or {})
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    return headers


def post_json(
    url: str, body: object, *, key: str | None = KEY, headers: dict[str, str] | None = None
) -> Answer:
    all_headers = {"Content-Type": "application/json", **_headers(key, headers)}
    data = json.dumps(body).encode("utf-8")
    return _send(urllib.request.Request(url, data=data, headers=all_headers, method="POST"))


def post_raw(url: str, data: bytes, content_type: str, *, key: str | None = KEY) -> Answer:
    headers = {"Content-Type": content_type, **_headers(key, None)}
    return _send(urllib.request.Request(url, data=data, headers=headers, method="POST"))


def post_form(
    url: str,
    fields: dict[str, str],
    files: list[tuple[str, str, bytes, str]],
    *,
    key: str | None = KEY,
    headers: dict[str, str] | None = None,
) -> Answer:
    """A multipart POST; `files` are (field name, file name, bytes, content type), repeatable."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(head.encode() + value.encode("utf-8") + b"\r\n")
    for name, filename, data, content_type in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
        )
        parts.append(head.encode() + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    all_headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        **_headers(key, headers),
    }
    return _send(urllib.request.Request(url, data=body, headers=all_headers, method="POST"))


def get(url: str, *, key: str | None = KEY) -> Answer:
    return _send(urllib.request.Request(url, headers=_headers(key, None)))


def picture(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as opened:
        opened.load()
        return opened


def b64_picture(item: dict[str, Any]) -> Image.Image:
    return picture(base64.b64decode(item["b64_json"]))


def url_picture(item: dict[str, Any]) -> Image.Image:
    fetched = get(item["url"], key=None)
    assert fetched.status == 200, fetched.raw[:200]
    return picture(fetched.raw)


def encoded(image: Image.Image, fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


def solid(size: tuple[int, int], colour: tuple[int, ...], mode: str = "RGB") -> Image.Image:
    return Image.new(mode, size, colour)


def data_uri(image: Image.Image, fmt: str = "png") -> str:
    payload = base64.b64encode(encoded(image, fmt.upper())).decode("ascii")
    return f"data:image/{fmt};base64,{payload}"


def mean_distance(a: Image.Image, b: Image.Image) -> float:
    """Mean per-channel difference of two pictures (b scaled to a's size), 0-255."""
    from PIL import ImageChops, ImageStat

    first = a.convert("RGB")
    second = b.convert("RGB").resize(first.size)
    return sum(ImageStat.Stat(ImageChops.difference(first, second)).mean) / 3
