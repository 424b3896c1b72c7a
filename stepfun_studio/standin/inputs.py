"""Reading a request's fields the same way for every protocol: numbers, uploads, data URIs.

Each reader raises `BadInputError(param, reason)` with a short English reason; the protocol
words the refusal its own way. Pictures are decoded with caps on bytes and pixels, since a
stand-in that lets Pillow allocate a decompression bomb would fall over in a test about
something else.
"""

from __future__ import annotations

import base64
import binascii
import io
from dataclasses import dataclass

from PIL import Image

from stepfun_studio.standin.refusal import BadInputError

# Refuse absurd pictures before Pillow allocates them.
MAX_DECODE_PIXELS = 4096 * 4096
# Pillow format names by the subtype a data URI or an upload names.
FORMAT_OF_SUBTYPE = {
    "png": "PNG",
    "jpeg": "JPEG",
    "jpg": "JPEG",
    "webp": "WEBP",
    "bmp": "BMP",
    "tiff": "TIFF",
    "gif": "GIF",
}


@dataclass(frozen=True)
class Upload:
    """One file part of a multipart request."""

    filename: str
    content_type: str
    data: bytes


def number(value: object, param: str, *, integer: bool) -> float:
    """A JSON number, or a form field's text of one; booleans are not numbers."""
    if isinstance(value, bool):
        raise BadInputError(param, "must be a number")
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise BadInputError(param, "must be a number") from None
    if integer and result != int(result):
        raise BadInputError(param, "must be an integer")
    return result


def decode_picture(
    data: bytes,
    param: str,
    *,
    formats: frozenset[str] | None,
    max_bytes: int | None = None,
    max_side: int = 4096,
) -> Image.Image:
    """The picture in `data`, loaded; refused when too big, of another format, or unreadable.

    `formats` are Pillow's names ("PNG", "JPEG"); None takes any format Pillow reads.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise BadInputError(param, f"image must be at most {max_bytes // (1024 * 1024)}MB")
    try:
        picture = Image.open(io.BytesIO(data))
        if picture.width * picture.height > MAX_DECODE_PIXELS or max(picture.size) > max_side:
            raise BadInputError(param, f"image must be at most {max_side}x{max_side}")
        if formats is not None and picture.format not in formats:
            names = ", ".join(sorted(f.lower() for f in formats))
            raise BadInputError(param, f"image must be one of {names}")
        picture.load()
    except BadInputError:
        raise
    except Exception:
        raise BadInputError(param, "must be a valid image") from None
    return picture


def picture_from_uri(
    value: object,
    param: str,
    *,
    formats: frozenset[str],
    max_bytes: int | None = None,
    max_side: int = 4096,
) -> Image.Image | None:
    """A `data:image/<fmt>;base64,…` URI decoded; an http(s) URL accepted and not fetched.

    The stand-in is offline, so a URL stands for a picture it cannot see (None).
    """
    if not isinstance(value, str) or not value:
        raise BadInputError(param, "must be a data:image/…;base64 URI or an http(s) URL")
    if value.startswith(("http://", "https://")):
        return None
    header, _, payload = value.partition(",")
    subtype = header.removeprefix("data:image/").removesuffix(";base64")
    if (
        not header.startswith("data:image/")
        or not header.endswith(";base64")
        or FORMAT_OF_SUBTYPE.get(subtype) not in formats
    ):
        names = ",".join(sorted({sub for sub, fmt in FORMAT_OF_SUBTYPE.items() if fmt in formats}))
        raise BadInputError(param, f"must be a data:image/<{names}>;base64 URI or an http(s) URL")
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise BadInputError(param, "must be valid base64") from None
    return decode_picture(data, param, formats=formats, max_bytes=max_bytes, max_side=max_side)
