"""`ThumbnailLoader`: decodes thumbnail files on background threads and caches them as pixmaps.

Only rows near the viewport are asked for. Decoding to `QImage` happens on decoder threads
(started with `ui.background.run_in_background`, one loop each, kept while a library is open);
`QPixmap` is made on the GUI thread (pixmaps may not cross threads) and kept here under (image
id, pixel size), least recently painted dropped first: a plain dict, looked up ~30 times a frame
(QPixmapCache wanted a string key and a QPixmap made per lookup). Requests wait in our own queue,
which at most `threads` loops drain; a request whose row has scrolled away is simply removed from
that queue, so a fast scroll never leaves a backlog of pictures nobody will see.
"""

from __future__ import annotations

import logging
import os
import threading

from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QImage, QImageReader, QPainter, QPixmap

from stepfun_studio.core.errors import AppError
from stepfun_studio.library.library import Library
from stepfun_studio.ui.background import run_in_background

log = logging.getLogger(__name__)

# The library writes a 256 px thumbnail for every image and a 512 px one for high-DPI screens.
SMALL_THUMBNAIL = 256
LARGE_THUMBNAIL = 512
# 64 MB of pixmaps is a few hundred cells at the biggest size: several screens of scrolling.
PIXMAP_CACHE_BYTES = 64 << 20
CORNER_RADIUS_PX = 4.0  # at a 160 px cell; scaled with the cell


def default_decoder_threads() -> int:
    """One core is left to the GUI thread (two decoders on two cores took it often enough to miss
    frames); one decoder keeps up with a fling: ~800 256 px WebPs a second, a fling shows ~300."""
    return max(1, min(4, (os.cpu_count() or 2) - 1))


# (image id, size px). A plain tuple, not a dataclass or NamedTuple: keys are made and hashed
# ~100 times a frame while scrolling, which a tuple does in C, and the garbage collector stops
# tracking a plain tuple of ints, so 50,000 remembered keys cost a full collection nothing.
_Key = tuple[int, int]


def decode_thumbnail(library: Library, image_id: int, size_px: int) -> QImage:
    """Read the library's thumbnail of `image_id`, scaled down to `size_px` while decoding."""
    source = LARGE_THUMBNAIL if size_px > SMALL_THUMBNAIL else SMALL_THUMBNAIL
    # The library rebuilds a missing thumbnail here, on this decoder thread.
    reader = QImageReader(str(library.thumbnail_path(image_id, source)))
    natural, target = reader.size(), QSize(size_px, size_px)
    if natural.isValid() and natural.boundedTo(target) != natural:
        # Decoding straight to the cell size keeps the GUI thread free of any scaling.
        reader.setScaledSize(natural.scaled(target, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return image if image.isNull() else rounded(image, CORNER_RADIUS_PX * size_px / 160)


def rounded(image: QImage, radius: float) -> QImage:
    """The image with transparent rounded corners, in the format that paints fastest."""
    out = QImage(image.size(), QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(image))
    painter.drawRoundedRect(QRectF(0, 0, image.width(), image.height()), radius, radius)
    painter.end()
    return out


class ThumbnailLoader(QObject):
    """Hands out cached thumbnails and decodes missing ones in the background."""

    thumbnail_ready = Signal(int, int)  # image id, size px
    # Emitted on a decoder thread; the loader lives on the GUI thread, so Qt queues it there.
    _decoded = Signal(int, int, int, QImage, str)  # generation, image id, size px, image, reason

    def __init__(self, parent: QObject | None = None, threads: int | None = None) -> None:
        super().__init__(parent)
        self._threads = threads if threads is not None else default_decoder_threads()
        self._decoded.connect(self._on_decoded)
        # Shared with the decoder threads, under _lock: waiting requests (in order, with their
        # device pixel ratio), requests being decoded, and how many drain loops are running.
        self._lock = threading.Lock()
        self._queue: dict[_Key, float] = {}
        self._decoding: set[_Key] = set()
        self._drainers = 0
        self._stopping = False
        self._wake = threading.Condition(self._lock)
        # Decoded, its signal on the way to the GUI thread: not pending, but not to ask again.
        self._delivering: set[_Key] = set()
        # GUI thread only: the pixmaps, least recently painted first, their bytes, and the
        # thumbnails that could not be read.
        self._pixmaps: dict[_Key, QPixmap] = {}
        self._bytes = 0
        self._failed: set[_Key] = set()
        self._library: Library | None = None
        self._generation = 0
        self.requests_dropped = 0

    def set_library(self, library: Library | None) -> None:
        self.cancel_all()
        with self._lock:
            self._library = library
            self._generation += 1
            # Idle loops re-check: with no library they end (and never touch the old one).
            self._wake.notify_all()
        self._failed.clear()
        self._pixmaps.clear()
        self._bytes = 0

    # -- asking ------------------------------------------------------------------------

    def cached(self, image_id: int, size_px: int) -> QPixmap | None:
        pixmap = self._pixmaps.pop((image_id, size_px), None)
        if pixmap is not None:
            self._pixmaps[image_id, size_px] = pixmap  # the most recently painted, last
        return pixmap

    def has_failed(self, image_id: int, size_px: int) -> bool:
        return (image_id, size_px) in self._failed

    def request(self, image_id: int, size_px: int, device_pixel_ratio: float = 1.0) -> None:
        """Decode the thumbnail of `image_id` at `size_px` physical pixels, unless it is known."""
        key = (image_id, size_px)
        if image_id < 0 or self._library is None or key in self._failed or key in self._pixmaps:
            return
        with self._lock:
            if key in self._queue or key in self._decoding or key in self._delivering:
                return
            self._queue[key] = device_pixel_ratio
            self._wake.notify()  # an idle loop takes it; below the cap a new loop starts too
            start = self._drainers < self._threads and not self._stopping
            if start:
                self._drainers += 1
        if start:
            run_in_background(self, self._drain, lambda _r, _e: None, "gallery-thumbnails")

    def retain(self, keep: set[int]) -> None:
        """Forget every waiting request for an image not in `keep`."""
        with self._lock:
            far = [k for k in self._queue if k[0] not in keep]
            for key in far:
                del self._queue[key]
        self.requests_dropped += len(far)

    def cancel_all(self) -> None:
        self.retain(set())

    def pending_ids(self) -> set[int]:
        """Images waiting for or being decoded now (for tests and the benchmark)."""
        with self._lock:
            return {k[0] for k in self._queue} | {k[0] for k in self._decoding}

    def pending_count(self) -> int:
        return len(self.pending_ids())

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Wait until nothing is waiting or being decoded (the threads stay for more)."""
        with self._lock:
            return self._wake.wait_for(lambda: not self._queue and not self._decoding, msecs / 1000)

    def shutdown(self, msecs: int = 5000) -> bool:
        """Stop the decoding threads for good: call before the library is closed."""
        with self._lock:
            self._stopping = True
            self._queue.clear()
            self._wake.notify_all()
            return self._wake.wait_for(lambda: self._drainers == 0, msecs / 1000)

    # -- the decoder side----------------------------------------------------------------

    def _drain(self) -> None:
        """Runs on a decoder thread: decode requests as they come, until the library goes.

        The loop stays on its thread rather than ending with the queue: the library opens one
        SQLite connection per thread, so a thread per burst would open (and keep) one per burst.
        """
        while True:
            with self._lock:
                self._wake.wait_for(lambda: self._queue or self._stopping or self._library is None)
                if not self._queue or self._stopping or self._library is None:
                    self._drainers -= 1
                    self._wake.notify_all()  # shutdown() may be waiting for the last one
                    return
                key = next(iter(self._queue))
                dpr = self._queue.pop(key)
                self._decoding.add(key)
                library, generation = self._library, self._generation
            image_id, size_px = key
            try:
                image = decode_thumbnail(library, image_id, size_px)
                reason = "" if not image.isNull() else "unreadable thumbnail"
            except (AppError, OSError) as exc:
                image, reason = QImage(), str(exc)
            except Exception as exc:
                # A bug, but on a decoder thread nobody would see it: log it loudly and report.
                log.exception("decoding thumbnail of image %s failed", image_id)
                image, reason = QImage(), repr(exc)
            image.setDevicePixelRatio(dpr)
            with self._lock:
                self._decoding.discard(key)
                self._delivering.add(key)
                self._wake.notify_all()  # wait_idle() may be waiting for the last one
            self._decoded.emit(generation, image_id, size_px, image, reason)

    # -- answers (GUI thread) ------------------------------------------------------------

    def _on_decoded(
        self, generation: int, image_id: int, size_px: int, image: QImage, reason: str
    ) -> None:
        with self._lock:
            self._delivering.discard((image_id, size_px))
        if generation != self._generation:
            return
        if reason:
            log.warning("thumbnail of image %s could not be read: %s", image_id, reason)
            self._failed.add((image_id, size_px))
            return
        pixmaps, pixmap = self._pixmaps, QPixmap.fromImage(image)
        pixmaps[image_id, size_px] = pixmap
        self._bytes += pixmap.width() * pixmap.height() * 4
        while self._bytes > PIXMAP_CACHE_BYTES and len(pixmaps) > 1:
            oldest = pixmaps.pop(next(iter(pixmaps)))
            self._bytes -= oldest.width() * oldest.height() * 4
        self.thumbnail_ready.emit(image_id, size_px)
