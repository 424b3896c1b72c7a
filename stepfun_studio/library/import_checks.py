"""What a file must pass before import stores it: looked at before it is read, decoded whole.

Import takes whatever a user points it at: folders of downloads, half-copied files, pictures
made by other tools. Every check here runs before the library opens a transaction, so a slow or
hostile file can never hold the database's write lock:

- regular files only (a FIFO would block the read forever, a device never ends), size checked
  by `stat` first and the read capped;
- a PNG text chunk over `MAX_TEXT_CHUNK` is refused from its chunk header alone (a 20 MB
  `tEXt` took 30 s inside the write transaction, indexing it as a prompt);
- the picture must decode completely under `MAX_IMPORT_PIXELS` (a truncated file, or an APNG
  whose frames Pillow rejects with `SyntaxError`, would be stored with no thumbnail, ever);
- the parameters it carries must be a prompt's size, not a book's.

Each refusal is an `ImportRefused` whose `reason` says what is wrong in words (translated).
"""

from __future__ import annotations

import io
import logging
import os
import stat
import threading
import warnings
from pathlib import Path

from stepfun_studio.core.metadata import ImageMetadata
from stepfun_studio.core.text import tr
from stepfun_studio.library.pngchunks import MAX_TEXT_BYTES, oversized_text_chunk

log = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 200 * 1024 * 1024
# Just under Pillow's own decompression-bomb threshold (89.5 megapixels, a warning; twice that,
# an error): a larger picture is refused by us, in words, before a pixel is decoded.
MAX_IMPORT_PIXELS = 89_000_000
MAX_TEXT_CHUNK = MAX_TEXT_BYTES
# The text fields of the parameters together (prompt, negative prompt, ...); the prompt is
# indexed for search inside the write transaction, a few seconds per megabyte.
MAX_PARAMETER_TEXT = 64 * 1024
_FORMATS = ("PNG", "JPEG", "WEBP")
_READ_CHUNK = 1024 * 1024
# warnings.catch_warnings() edits process-wide state: one import decode at a time touches it.
_warnings_lock = threading.Lock()


class ImportRefused(Exception):  # noqa: N818 - a refusal, not an error of ours
    """This file is not imported; `reason` says why, in words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def _check_stat(info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ImportRefused(tr("Library", "it is a folder, not a picture"))
    if not stat.S_ISREG(info.st_mode):
        raise ImportRefused(tr("Library", "it is not a regular file (a pipe or a device)"))
    if info.st_size == 0:
        raise ImportRefused(tr("Library", "the file is empty"))
    if info.st_size > MAX_IMPORT_BYTES:
        raise ImportRefused(
            tr("Library", "the file is {size} MB; at most {limit} MB are imported").format(
                size=_megabytes(info.st_size), limit=MAX_IMPORT_BYTES // (1024 * 1024)
            )
        )


def read_import_file(path: Path) -> bytes:
    """The file's bytes, after `stat` says it is a regular file of a sane size."""
    try:
        _check_stat(os.stat(path))
        # O_NONBLOCK: a FIFO swapped in after the stat opens at once instead of never.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        descriptor = os.open(path, flags)
        try:
            _check_stat(os.fstat(descriptor))
            chunks: list[bytes] = []
            total = 0
            while total <= MAX_IMPORT_BYTES:
                chunk = os.read(descriptor, _READ_CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        finally:
            os.close(descriptor)
    except OSError as exc:
        raise ImportRefused(
            tr("Library", "cannot be read: {reason}").format(reason=exc.strerror or exc)
        ) from exc
    except ValueError as exc:  # a NUL in the name
        raise ImportRefused(tr("Library", "the file name is not valid")) from exc
    if total > MAX_IMPORT_BYTES:
        raise ImportRefused(tr("Library", "the file grew past the import limit while read"))
    return b"".join(chunks)


def refuse_large_text(data: bytes) -> None:
    """Refuses a PNG with a text chunk over `MAX_TEXT_CHUNK` (raw or inflated), read first."""
    found = oversized_text_chunk(data, MAX_TEXT_CHUNK)
    if found is None:
        return
    keyword, size, compressed = found
    limit = MAX_TEXT_CHUNK // (1024 * 1024)
    if compressed:
        reason = tr(
            "Library",
            "it carries a compressed text chunk “{keyword}” that inflates past {limit} MB "
            "(this is how text bombs look); it is not imported",
        ).format(keyword=keyword[:40], limit=limit)
    else:
        reason = tr(
            "Library",
            "it carries a text chunk “{keyword}” of {size} MB; pictures with more than "
            "{limit} MB of text in one chunk are not imported",
        ).format(keyword=keyword[:40], size=_megabytes(size), limit=limit)
    raise ImportRefused(reason)


def check_decodes(data: bytes) -> None:
    """Decodes every pixel of the picture (under the pixel cap), or refuses it in words."""
    # Here, not at the top: the way to the first painted window has no use for Pillow.
    from PIL import Image, UnidentifiedImageError

    try:
        with _warnings_lock, warnings.catch_warnings():
            # Our own limit is checked right below; Pillow's warning would only repeat it.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data), formats=_FORMATS)
        with opened as image:
            width, height = image.size
            if width <= 0 or height <= 0:
                raise ImportRefused(tr("Library", "the picture is damaged (no size)"))
            if width * height > MAX_IMPORT_PIXELS:
                raise ImportRefused(
                    tr(
                        "Library",
                        "it claims {width}×{height} pixels, more than the {limit} megapixels "
                        "Studio imports",
                    ).format(width=width, height=height, limit=MAX_IMPORT_PIXELS // 1_000_000)
                )
            image.load()
            image.getexif()  # the thumbnail reads the orientation from it
    except ImportRefused:
        raise
    except Image.DecompressionBombError as exc:
        raise ImportRefused(
            tr("Library", "it claims far more pixels than Studio imports (a decompression bomb)")
        ) from exc
    except UnidentifiedImageError as exc:
        raise ImportRefused(tr("Library", "not a PNG, JPEG or WebP picture")) from exc
    except Exception as exc:  # hostile bytes make Pillow raise anything (SyntaxError, ...)
        log.info("import: picture does not decode: %r", exc)
        raise ImportRefused(
            tr("Library", "the picture is damaged or truncated and cannot be shown")
        ) from exc


def check_parameters(meta: ImageMetadata | None) -> None:
    """Refuses parameters whose prompt is far longer than any prompt (a text bomb)."""
    if meta is None:
        return
    length = sum(len(value) for value in meta.fields.values() if isinstance(value, str))
    if length > MAX_PARAMETER_TEXT:
        raise ImportRefused(
            tr(
                "Library",
                "its parameters hold a prompt of {size} KB; at most {limit} KB are imported",
            ).format(size=length // 1024, limit=MAX_PARAMETER_TEXT // 1024)
        )
