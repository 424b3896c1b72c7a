"""Checking and fetching result pictures: base64 decoding, bounded downloads, Pillow checks.

The server's answer is trusted for nothing: base64 may be broken, a link may have expired, the
bytes may not be a picture, or a picture whose header claims 50000x50000 pixels (a decompression
bomb). Each of these becomes an `AppError` here, before anything reaches the library.
"""

from __future__ import annotations

import base64
import binascii
import io
import warnings
from typing import TYPE_CHECKING

from PIL import Image, UnidentifiedImageError

from stepfun_studio.api.errors import bad_image, bad_response, download_failed, expired_link
from stepfun_studio.core.errors import AppError

if TYPE_CHECKING:
    import httpx2

# The largest result we accept: Image Edit returns the input's size, at most 4096x4096.
MAX_RESULT_PIXELS = 4096 * 4096
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EXPIRED_STATUSES = (403, 404, 410)


def decode_b64(text: str, *, trace_id: str | None) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise bad_response("b64_json is not valid base64", trace_id=trace_id) from None


def is_png(data: bytes) -> bool:
    return data.startswith(PNG_SIGNATURE)


def inspect_image(
    data: bytes, expected_size: tuple[int, int] | None, *, trace_id: str | None
) -> tuple[int, int, str]:
    """(width, height, mime) of a real, complete picture of the expected size, or AppError."""
    try:
        with warnings.catch_warnings():
            # Our own pixel bound below is the check; Pillow's warning would only add noise.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data))
            width, height = picture.size
            if width * height > MAX_RESULT_PIXELS:
                raise bad_image(
                    f"the picture claims {width}x{height} pixels, more than any result can have",
                    trace_id=trace_id,
                )
            if expected_size is not None and (width, height) != expected_size:
                raise bad_image(
                    f"the picture is {width}x{height}, "
                    f"but {expected_size[0]}x{expected_size[1]} was asked for",
                    trace_id=trace_id,
                )
            if picture.format == "PNG":
                # Walks every chunk and checks its CRC: a cut-off or damaged transfer fails
                # here, at a hundredth of the cost of decoding (which the library's thumbnailer
                # does anyway, off the network path).
                picture.verify()
            else:
                picture.load()
            mime = Image.MIME.get(picture.format or "", "image/png")
    except AppError:
        raise
    except Image.DecompressionBombError:
        raise bad_image(
            "the picture claims more pixels than any result can have", trace_id=trace_id
        ) from None
    except UnidentifiedImageError:
        raise bad_image("the bytes are not a picture", trace_id=trace_id) from None
    except (OSError, ValueError, SyntaxError) as error:
        raise bad_image(f"the picture is damaged: {error}", trace_id=trace_id) from None
    return width, height, mime


async def download(
    client: httpx2.AsyncClient, url: str, *, cap_bytes: int, trace_id: str | None
) -> bytes:
    """The bytes behind a result link, at most `cap_bytes`; never sends the API key."""
    import httpx2

    if not url.startswith(("https://", "http://")):
        raise bad_response(f"the result link is not http(s): {url[:60]}", trace_id=trace_id)
    try:
        async with client.stream("GET", url) as response:
            if response.status_code in EXPIRED_STATUSES:
                raise expired_link(response.status_code, trace_id=trace_id)
            if response.status_code != 200:
                raise download_failed(f"the link answered HTTP {response.status_code}")
            declared = int(response.headers.get("content-length") or 0)
            if declared > cap_bytes:
                raise bad_image(
                    f"the picture is {declared} bytes, over the limit", trace_id=trace_id
                )
            chunks: list[bytes] = []
            total = 0
            async for chunk in response.aiter_bytes():
                total += len(chunk)
                if total > cap_bytes:
                    raise bad_image("the picture is over the size limit", trace_id=trace_id)
                chunks.append(chunk)
    except httpx2.TimeoutException as error:
        raise download_failed(type(error).__name__, timeout=True) from None
    except httpx2.HTTPError as error:
        raise download_failed(f"{type(error).__name__}: {error}") from None
    return b"".join(chunks)
