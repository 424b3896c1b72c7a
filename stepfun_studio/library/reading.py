"""Reading pictures from outside: what a file is, how big, and what parameters it carries.

Our own JSON wins; otherwise A1111's `parameters` (a PNG text chunk, or the EXIF UserComment
of a JPEG/WebP); otherwise the picture is plain and gets default parameters with its own size.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stepfun_studio.core.metadata import (
    A1111_KEYWORD,
    JSON_KEYWORD,
    ImageMetadata,
    MetadataError,
    parse_a1111_metadata,
    parse_metadata_json,
    parse_request_dict,
)
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.library.pngchunks import (
    NotPngError,
    is_png,
    read_text_chunks,
    read_text_chunks_from_file,
)

# Pillow is imported where it is used: the way to the first painted window has no use for it.
if TYPE_CHECKING:
    from PIL import Image

FORMATS = {
    "PNG": ("png", "image/png"),
    "JPEG": ("jpg", "image/jpeg"),
    "WEBP": ("webp", "image/webp"),
}
IMPORT_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
_EXIF_IFD = 0x8769
_USER_COMMENT = 0x9286


@dataclass(frozen=True)
class PictureFacts:
    ext: str
    mime: str
    width: int
    height: int
    meta: ImageMetadata | None
    ours: bool


def _a1111_meta(text: str) -> ImageMetadata | None:
    table = model_table()
    providers = {model.name: model.provider for model in table.models}
    return parse_a1111_metadata(text, table.names(), providers)


def _user_comment(image: Image.Image) -> str | None:
    raw = image.getexif().get_ifd(_EXIF_IFD).get(_USER_COMMENT)
    if isinstance(raw, str):
        return raw
    if not isinstance(raw, bytes):
        return None
    prefix, body = raw[:8], raw[8:]
    if prefix.startswith(b"UNICODE"):
        for encoding in ("utf-16-be", "utf-16-le"):
            try:
                text = body.decode(encoding)
            except UnicodeDecodeError:
                continue
            if text.isprintable() or "\n" in text:
                return text
        return None
    return body.decode("utf-8", errors="replace")


def _from_texts(texts: dict[str, str]) -> tuple[ImageMetadata | None, bool]:
    if JSON_KEYWORD in texts:
        try:
            return parse_metadata_json(texts[JSON_KEYWORD]), True
        except MetadataError:
            pass  # damaged or newer: fall back to the A1111 text beside it
    if A1111_KEYWORD in texts:
        return _a1111_meta(texts[A1111_KEYWORD]), False
    return None, False


def metadata_of(data: bytes, image: Image.Image | None = None) -> tuple[ImageMetadata | None, bool]:
    """(metadata, True if it is our own JSON) for the file bytes `data`."""
    if is_png(data):
        try:
            return _from_texts(read_text_chunks(data))
        except NotPngError:
            return None, False
    if image is not None:
        comment = _user_comment(image)
        if comment:
            return _a1111_meta(comment), False
    return None, False


def picture_facts(data: bytes) -> PictureFacts:
    """Format, size and metadata; ValueError/OSError when the bytes are no picture we take."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        if image.format not in FORMATS:
            raise ValueError(f"unsupported format {image.format}")
        ext, mime = FORMATS[image.format]
        width, height = image.size
        meta, ours = metadata_of(data, image)
    return PictureFacts(ext, mime, width, height, meta, ours)


def file_facts(path: Path) -> PictureFacts:
    """`picture_facts` of a file, reading only its headers and text chunks."""
    from PIL import Image

    with Image.open(path) as image:
        if image.format not in FORMATS:
            raise ValueError(f"unsupported format {image.format}")
        ext, mime = FORMATS[image.format]
        width, height = image.size
        if image.format == "PNG":
            meta, ours = _from_texts(read_text_chunks_from_file(path))
        else:
            meta, ours = metadata_of(b"", image)
    return PictureFacts(ext, mime, width, height, meta, ours)


def plain_metadata(width: int, height: int) -> ImageMetadata:
    return parse_request_dict({"prompt": "", "size": f"{width}x{height}"})


def read_png_parameters(source: Path | bytes) -> GenerationRequest | None:
    """The parameters a dropped picture carries (ours, else A1111's); None if it has none.

    Reference slots stay empty here; `Library.read_parameters` fills them from the store.
    """
    from PIL import Image

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        with Image.open(io.BytesIO(data)) as image:
            meta, _ours = metadata_of(data, image)
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    return meta.request() if meta is not None else None
