"""Checking result pictures: base64 decoding and Pillow checks (downloads: `providers.http`).

The server's answer is trusted for nothing: base64 may be broken, a link may have expired, the
bytes may not be a picture, or a picture whose header claims 50000x50000 pixels (a decompression
bomb). Each of these becomes an `AppError` here, before anything reaches the library.
"""

from __future__ import annotations

import base64
import binascii
import io
import warnings

from PIL import Image, UnidentifiedImageError

from stepfun_studio.api.errors import bad_image, bad_response
from stepfun_studio.core.errors import AppError

# The largest result we accept: Image Edit returns the input's size, at most 4096x4096.
MAX_RESULT_PIXELS = 4096 * 4096
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def decode_b64(text: str, *, trace_id: str | None, provider: str | None = None) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise bad_response(
            "b64_json is not valid base64", trace_id=trace_id, provider=provider
        ) from None


def is_png(data: bytes) -> bool:
    return data.startswith(PNG_SIGNATURE)


def inspect_image(
    data: bytes,
    expected_size: tuple[int, int] | None,
    *,
    trace_id: str | None,
    provider: str | None = None,
) -> tuple[int, int, str]:
    """(width, height, mime) of a real, complete picture of the expected size, or AppError.

    `provider` is the label named in the message (None: StepFun).
    """

    def refused(detail: str) -> AppError:
        return bad_image(detail, trace_id=trace_id, provider=provider)

    try:
        with warnings.catch_warnings():
            # Our own pixel bound below is the check; Pillow's warning would only add noise.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data))
            width, height = picture.size
            if width * height > MAX_RESULT_PIXELS:
                raise refused(
                    f"the picture claims {width}x{height} pixels, more than any result can have"
                )
            if expected_size is not None and (width, height) != expected_size:
                raise refused(
                    f"the picture is {width}x{height}, "
                    f"but {expected_size[0]}x{expected_size[1]} was asked for"
                )
            if picture.format == "PNG":
                # Walks every chunk and checks its CRC: a cut-off or damaged transfer fails
                # here, at a hundredth of the cost of decoding (which the library's thumbnailer
                # does anyway, off the network path).
                picture.verify()
            else:
                if picture.format == "JPEG":
                    # libjpeg decodes at 1/8 scale still reading the whole stream, so a cut-off
                    # or damaged file fails as it would at full size, in half the time.
                    picture.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                picture.load()
            mime = Image.MIME.get(picture.format or "", "image/png")
    except AppError:
        raise
    except Image.DecompressionBombError:
        raise refused("the picture claims more pixels than any result can have") from None
    except UnidentifiedImageError:
        raise refused("the bytes are not a picture") from None
    except (OSError, ValueError, SyntaxError) as error:
        raise refused(f"the picture is damaged: {error}") from None
    return width, height, mime
