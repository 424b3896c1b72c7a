"""What a drop or a paste carries, and fetching its image bytes off the GUI thread.

A `QMimeData` may hold our own gallery's image ids, local files (file URLs), http(s) links, or raw
image data from a browser or another app. `read_payload()` looks at it on the GUI thread and keeps
only plain Python values (a `QMimeData` must not cross threads). `fetch_images()` then reads the
files, downloads the links (with a size cap and a timeout) or looks the ids up in the library; it
blocks, so callers run it off the GUI thread (`start_loading`, through `ui.background`).
"""

from __future__ import annotations

import logging
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMimeData,
    QObject,
    QSize,
)
from PySide6.QtGui import QImage

from stepfun_studio.api.image_files import read_image_file
from stepfun_studio.api.reference_image import (
    PreparedReference,
    ReferencePurpose,
    prepare_reference,
)
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.text import tr
from stepfun_studio.ui.background import Worker, run_in_background
from stepfun_studio.ui.drag_out import IMAGE_IDS_MIME, decode_ids
from stepfun_studio.ui.image_decoding import decode

# Pillow is imported where it is used: the way to the first painted window has no use for it.
if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

THUMBNAIL_SIDE = 160
MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024
MAX_FILE_BYTES = 200 * 1024 * 1024
DOWNLOAD_TIMEOUT_S = 15.0
CHUNK_BYTES = 256 * 1024
# Raw image formats apps put on a drag or the clipboard, best first. Qt's own image mime
# (application/x-qt-image) is read through QMimeData.imageData() as a last resort.
RAW_IMAGE_MIMES = ("image/png", "image/jpeg", "image/webp", "image/gif", "image/bmp", "image/tiff")
# Suffixes taken at drag-enter. Some (HEIC, JPEG XL, PSD, SVG) Studio cannot read; taking them
# lets the refusal say exactly that, instead of a bare "not an image" while dragging.
_READABLE_SUFFIXES = (".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".webp", ".gif", ".bmp", ".dib")
_MORE_SUFFIXES = (".tif", ".tiff", ".avif", ".heic", ".heif", ".jxl", ".psd", ".svg")
IMAGE_SUFFIXES = frozenset(_READABLE_SUFFIXES + _MORE_SUFFIXES)


class PayloadKind(StrEnum):
    GALLERY = "gallery"
    FILES = "files"
    RAW = "raw"
    LINK = "link"


class OriginalSource(Protocol):
    """What we need of the library: where an image's stored original lives."""

    def original_path(self, image_id: int) -> Path: ...


@dataclass(frozen=True)
class DropPayload:
    """The usable part of a QMimeData, in plain values that may cross threads."""

    kind: PayloadKind
    ids: tuple[int, ...] = ()
    paths: tuple[Path, ...] = ()
    links: tuple[str, ...] = ()
    raw: bytes = field(default=b"", repr=False)
    raw_image: QImage | None = field(default=None, repr=False)
    name: str = ""  # what to call raw data; "" = "dropped image"

    @property
    def count(self) -> int:
        if self.kind is PayloadKind.GALLERY:
            return len(self.ids)
        if self.kind is PayloadKind.FILES:
            return len(self.paths)
        if self.kind is PayloadKind.LINK:
            return len(self.links)
        return 1


@dataclass(frozen=True)
class FetchedImage:
    """One image's bytes and the name the user knows it by."""

    data: bytes = field(repr=False)
    name: str
    path: Path | None = None


def _text_links(mime: QMimeData) -> tuple[str, ...]:
    """http(s) links from a plain-text drag (some browsers send only text)."""
    if not mime.hasText():
        return ()
    text = mime.text().strip()
    if not text or any(ch.isspace() for ch in text):
        return ()
    parsed = urllib.parse.urlparse(text)
    return (text,) if parsed.scheme in ("http", "https") and parsed.netloc else ()


def payload_kind(mime: QMimeData | None) -> PayloadKind | None:
    """What a drag holds, without copying it: drag-move events come with every mouse move, and
    a browser's picture can be tens of megabytes."""
    payload = read_payload(mime, peek=True)
    return payload.kind if payload is not None else None


def read_payload(mime: QMimeData | None, *, peek: bool = False) -> DropPayload | None:
    """The drop's kind and contents, or None when it carries nothing that could be an image.

    On the GUI thread, so no file is read here. With `peek`, raw image data is not copied.
    """
    if mime is None:
        return None
    if mime.hasFormat(IMAGE_IDS_MIME):
        ids = tuple(decode_ids(mime))
        if ids:
            return DropPayload(PayloadKind.GALLERY, ids=ids)
    paths: list[Path] = []
    links: list[str] = []
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in IMAGE_SUFFIXES or not path.suffix:
                paths.append(path)
        elif url.scheme() in ("http", "https"):
            links.append(url.toString())
    if paths:
        return DropPayload(PayloadKind.FILES, paths=tuple(paths))
    # A browser dragging an image often gives both the picture and its link; the picture is here
    # already, the link may need cookies we do not have.
    for format_name in RAW_IMAGE_MIMES:
        if mime.hasFormat(format_name):
            if peek:
                return DropPayload(PayloadKind.RAW)
            raw = bytes(mime.data(format_name).data())
            if raw:
                return DropPayload(PayloadKind.RAW, raw=raw)
    if mime.hasImage():
        if peek:
            return DropPayload(PayloadKind.RAW)
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            return DropPayload(PayloadKind.RAW, raw_image=image)
    links += [link for link in _text_links(mime) if link not in links]
    if links:
        return DropPayload(PayloadKind.LINK, links=tuple(links))
    return None


def refused_file_name(mime: QMimeData | None) -> str | None:
    """The name of the first local file in a drop nothing could be taken from, to say which."""
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            return Path(url.toLocalFile()).name
    return None


def _bad(message: str) -> AppError:
    return AppError(ErrorKind.BAD_IMAGE, message)


def read_file(path: Path) -> FetchedImage:
    # Looked at before it is read: a dropped FIFO or device is refused, not waited on forever.
    return FetchedImage(read_image_file(path, limit=MAX_FILE_BYTES), path.name, path)


def _link_name(link: str) -> str:
    parsed = urllib.parse.urlparse(link)
    last = urllib.parse.unquote(parsed.path.rsplit("/", 1)[-1])
    return last or parsed.netloc or link


def download(
    link: str, *, limit: int = MAX_DOWNLOAD_BYTES, timeout: float = DOWNLOAD_TIMEOUT_S
) -> FetchedImage:
    """GETs an http(s) image link, refusing more than `limit` bytes, or taking longer than
    `timeout` s in all (a server trickling bytes would otherwise hold a pool thread, and the
    app's exit, for as long as it likes)."""
    # Here, not at the top: urllib.request brings http.client, email and ssl, which the way to
    # the first painted window has no use for.
    import urllib.error
    import urllib.request

    name = _link_name(link)
    if urllib.parse.urlparse(link).scheme not in ("http", "https"):
        raise _bad(tr("ImageDrop", "“{name}” is not an http(s) link.").format(name=name))
    request = urllib.request.Request(link, headers={"User-Agent": "StepFunStudio/0.1"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # scheme checked above
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise _too_big(name, limit)
            data = _read_within(response, limit, time.monotonic() + timeout)
    except AppError:
        raise
    except urllib.error.HTTPError as exc:
        raise AppError(
            ErrorKind.NETWORK,
            tr(
                "ImageDrop", "“{name}” could not be downloaded: the server answered {status}."
            ).format(name=name, status=exc.code),
            status=exc.code,
        ) from exc
    except TimeoutError as exc:
        raise AppError(
            ErrorKind.TIMEOUT,
            tr(
                "ImageDrop", "“{name}” could not be downloaded: no answer within {seconds} s."
            ).format(name=name, seconds=f"{timeout:g}"),
        ) from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise AppError(
            ErrorKind.NETWORK,
            tr("ImageDrop", "“{name}” could not be downloaded: {reason}").format(
                name=name, reason=str(reason)
            ),
        ) from exc
    if len(data) > limit:
        raise _too_big(name, limit)
    return FetchedImage(data, name)


def _read_within(response: Any, limit: int, deadline: float) -> bytes:
    """At most limit + 1 bytes (so "too big" shows), in chunks, until `deadline`."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        # read1: whatever has arrived (up to n), so a trickle cannot stretch one call.
        chunk = response.read1(min(CHUNK_BYTES, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise TimeoutError("download deadline passed")
    return b"".join(chunks)


def _too_big(name: str, limit: int) -> AppError:
    return _bad(
        tr(
            "ImageDrop", "“{name}” is larger than {limit} MB; download it and drop the file."
        ).format(name=name, limit=limit // (1024 * 1024))
    )


def _image_bytes(image: QImage) -> bytes:
    """A QImage as PNG bytes; QImage may be used outside the GUI thread."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    buffer.close()
    return bytes(array.data())


def fetch_one(payload: DropPayload, index: int, library: OriginalSource | None) -> FetchedImage:
    """The `index`-th image of the payload. Blocks on disk or network: not on the GUI thread."""
    if payload.kind is PayloadKind.GALLERY:
        image_id = payload.ids[index]
        if library is None:
            raise _bad(tr("ImageDrop", "Images from the gallery cannot be dropped here."))
        try:
            path = Path(library.original_path(image_id))
        except (KeyError, LookupError, OSError) as exc:
            raise _bad(
                tr("ImageDrop", "Image #{id} is no longer in the library.").format(id=image_id)
            ) from exc
        return read_file(path)
    if payload.kind is PayloadKind.FILES:
        return read_file(payload.paths[index])
    if payload.kind is PayloadKind.LINK:
        return download(payload.links[index])
    raw = payload.raw or (_image_bytes(payload.raw_image) if payload.raw_image else b"")
    return FetchedImage(raw, payload.name or tr("ImageDrop", "dropped image"))


def make_thumbnail(data: bytes, side: int = THUMBNAIL_SIDE) -> QImage:
    """A small QImage of encoded bytes, upright like the reference that is sent; a JPEG is
    decoded at reduced scale, so this is cheap."""
    return decode(data, QSize(side, side))


def preview_qimage(preview: Image.Image) -> QImage:
    """A Pillow RGB(A) picture as a QImage that owns its pixels."""
    rgba = preview if preview.mode == "RGBA" else preview.convert("RGBA")
    data = rgba.tobytes("raw", "RGBA")
    image = QImage(data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888)
    return image.copy()  # the QImage above borrows `data`, which is about to go away


@dataclass(frozen=True)
class LoadedReference:
    """One image of a payload, prepared for a slot, with its thumbnail (made off the GUI thread)."""

    prepared: PreparedReference
    fetched: FetchedImage
    thumbnail: QImage


def load_reference(
    payload: DropPayload,
    purpose: ReferencePurpose,
    library: OriginalSource | None = None,
    index: int = 0,
) -> LoadedReference:
    """Fetches the payload's `index`-th image and prepares it for `purpose` (`prepare_reference`):
    the one road from any picture (a drop, a paste, a file, the gallery) to a slot. Blocks: call
    it through `start_loading`, never on the GUI thread. AppError when it cannot be used."""
    fetched = fetch_one(payload, index, library)
    prepared = prepare_reference(fetched.data, fetched.name, purpose, preview_side=THUMBNAIL_SIDE)
    thumbnail = (
        preview_qimage(prepared.preview)
        if prepared.preview is not None
        else make_thumbnail(prepared.image.data)
    )
    return LoadedReference(prepared, fetched, thumbnail)


LoadDone = Callable[[LoadedReference | None, str | None], None]


def start_loading(
    owner: QObject,
    payload: DropPayload,
    purpose: ReferencePurpose,
    library: OriginalSource | None,
    done: LoadDone,
    *,
    index: int = 0,
) -> Worker:
    """`load_reference` off the GUI thread; `done(loaded, None)` or `done(None, message)` back
    on it while `owner` lives. Each load has a thread of its own: a download may wait 15 s for
    a slow server and must hold up nothing else meanwhile."""

    def finished(loaded: object, error: BaseException | None) -> None:
        if error is None:
            assert isinstance(loaded, LoadedReference)
            done(loaded, None)
        elif isinstance(error, AppError):
            done(None, error.message)
        else:
            # A bug, not the user's file: log it with its trace, and still tell the user.
            log.error("preparing a dropped image failed", exc_info=error)
            done(
                None,
                tr("ImageDrop", "The image could not be prepared: {error}").format(error=error),
            )

    return run_in_background(
        owner,
        lambda: load_reference(payload, purpose, library, index),
        finished,
        "load-reference",
    )
