"""PNG text chunks read and written on the raw bytes, without decoding the picture.

Re-encoding a 1024x1024 PNG through Pillow costs more than the whole ingest budget, and would
change the pixels' bytes the API sent. Splicing `iTXt` chunks into the chunk list keeps the
image data as it was and takes microseconds. They go in before the first IDAT chunk, as A1111
and Pillow write them, so tools that read only the header see them.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_TEXT_TYPES = (b"tEXt", b"zTXt", b"iTXt")


class NotPngError(ValueError):
    """The bytes are not a well-formed PNG chunk stream."""


def is_png(data: bytes) -> bool:
    return data.startswith(PNG_SIGNATURE)


def _chunks(data: bytes) -> Iterator[tuple[bytes, int, int]]:
    """(type, start of chunk, end of chunk) for every chunk; stops after IEND."""
    if not is_png(data):
        raise NotPngError("no PNG signature")
    position = len(PNG_SIGNATURE)
    while position + 12 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(data):
            raise NotPngError("truncated chunk")
        yield kind, position, end
        if kind == b"IEND":
            return
        position = end
    raise NotPngError("no IEND chunk")


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def itxt_chunk(keyword: str, text: str) -> bytes:
    """An uncompressed iTXt chunk: UTF-8 text, so Chinese prompts survive every reader."""
    body = keyword.encode("latin-1") + b"\x00\x00\x00" + b"\x00" + b"\x00" + text.encode("utf-8")
    return _chunk(b"iTXt", body)


def with_text_chunks(data: bytes, texts: dict[str, str]) -> bytes:
    """`data` with each keyword's text chunk replaced by ours, inserted just before IDAT.

    Before the image data is where A1111 and Pillow put them, and where a reader that stops at
    the pixels (Pillow's `Image.open(path).info`, most viewers) still sees them.
    """
    kept: list[bytes] = []
    insert_at = -1
    ended = False
    for kind, start, end in _chunks(data):
        if kind in _TEXT_TYPES and _keyword(data[start + 8 : end - 4]) in texts:
            continue
        if kind in (b"IDAT", b"IEND") and insert_at < 0:
            insert_at = len(kept)
        kept.append(data[start:end])
        ended = kind == b"IEND"
    if not ended:
        raise NotPngError("no IEND chunk")
    added = b"".join(itxt_chunk(key, value) for key, value in texts.items())
    return PNG_SIGNATURE + b"".join(kept[:insert_at]) + added + b"".join(kept[insert_at:])


def _keyword(body: bytes) -> str:
    return body.split(b"\x00", 1)[0].decode("latin-1")


# Metadata text past this is not a prompt: a crafted zTXt/iTXt chunk ("text bomb") could
# otherwise inflate a few KB into gigabytes.
MAX_TEXT_BYTES = 1024 * 1024


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    text = inflater.decompress(data, MAX_TEXT_BYTES)
    if inflater.unconsumed_tail:
        raise ValueError("compressed text chunk larger than the limit")
    return text


def _decode_text(kind: bytes, body: bytes) -> tuple[str, str]:
    keyword_bytes, _, rest = body.partition(b"\x00")
    keyword = keyword_bytes.decode("latin-1")
    if kind == b"tEXt":
        return keyword, rest.decode("latin-1")
    if kind == b"zTXt":
        return keyword, _inflate(rest[1:]).decode("latin-1")
    compressed, rest = rest[0], rest[2:]
    _language, _, rest = rest.partition(b"\x00")
    _translated, _, text = rest.partition(b"\x00")
    if compressed:
        text = _inflate(text)
    return keyword, text.decode("utf-8")


def read_text_chunks(data: bytes) -> dict[str, str]:
    """Every tEXt/zTXt/iTXt chunk as keyword -> text; a damaged chunk is skipped.

    Skipping is right here: a broken comment chunk must not stop the user from importing the
    picture, and the caller only looks for the two keywords it knows.
    """
    texts: dict[str, str] = {}
    for kind, start, end in _chunks(data):
        if kind in _TEXT_TYPES:
            try:
                keyword, text = _decode_text(kind, data[start + 8 : end - 4])
            except (ValueError, IndexError, zlib.error):
                continue
            texts.setdefault(keyword, text)
    return texts


def read_text_chunks_from_file(path: Path) -> dict[str, str]:
    """Like `read_text_chunks`, seeking past the image data: a few reads per file.

    Rebuilding a library reads every stored file; this keeps it at the cost of the headers,
    not of the pictures.
    """
    texts: dict[str, str] = {}
    with open(path, "rb") as handle:
        if handle.read(len(PNG_SIGNATURE)) != PNG_SIGNATURE:
            raise NotPngError("no PNG signature")
        while True:
            header = handle.read(8)
            if len(header) < 8:
                raise NotPngError("no IEND chunk")
            (length,) = struct.unpack(">I", header[:4])
            kind = header[4:8]
            if kind == b"IEND":
                return texts
            if kind in _TEXT_TYPES:
                body = handle.read(length)
                handle.seek(4, 1)
                try:
                    keyword, text = _decode_text(kind, body)
                except (ValueError, IndexError, zlib.error):
                    continue
                texts.setdefault(keyword, text)
            else:
                handle.seek(length + 4, 1)


def oversized_text_chunk(data: bytes, limit: int) -> tuple[str, int, bool] | None:
    """(keyword, size, compressed) of the first text chunk over `limit` bytes, else None.

    The size of a compressed chunk is what it inflates to, found with at most `limit + 1`
    bytes inflated. Reads chunk headers and text only; tolerant of a truncated chunk or a
    missing IEND (decoding reports those), so it can run first on any bytes.
    """
    if not is_png(data):
        return None
    position = len(PNG_SIGNATURE)
    while position + 12 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        if kind == b"IEND":
            break
        if kind in _TEXT_TYPES:
            body = data[position + 8 : position + 8 + min(length, len(data))]
            keyword = _keyword(body[:80])
            if length > limit:
                return keyword, length, False
            inflated = _inflated_size(kind, body, limit)
            if inflated > limit:
                return keyword, inflated, True
        position += 12 + length
    return None


def _inflated_size(kind: bytes, body: bytes, limit: int) -> int:
    """How much a compressed text chunk's text inflates to (> limit means "too much"); 0 if
    the chunk is not compressed or its stream is damaged (reading skips it then)."""
    _keyword_bytes, _, rest = body.partition(b"\x00")
    if kind == b"zTXt":
        stream = rest[1:]
    elif kind == b"iTXt" and rest[:1] == b"\x01":
        rest = rest[2:]
        _language, _, rest = rest.partition(b"\x00")
        _translated, _, stream = rest.partition(b"\x00")
    else:
        return 0
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(stream, limit + 1)
    except zlib.error:
        return 0
    return len(text) + (1 if inflater.unconsumed_tail else 0)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk."""
    if not is_png(data) or data[12:16] != b"IHDR":
        raise NotPngError("no IHDR chunk")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)
