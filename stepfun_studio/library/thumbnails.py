"""Thumbnails: small WebP files in the cache folder, made at ingest, rebuilt when missing.

Two sizes per image: 256 px on the long side for the grid, 512 px for high-DPI screens. Both
come from one decode (the expensive part), so the second costs a few milliseconds. They are a
cache: losing them loses nothing, so they are written atomically but without fsync.
"""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

# Pillow is imported where it is used: the way to the first painted window has no use for it.
if TYPE_CHECKING:
    from PIL import Image

SIZES = (256, 512)
QUALITY = 80


class ThumbnailCache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / "tmp"

    def create_folders(self) -> None:
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha: str, size: int) -> Path:
        return self.root / str(size) / sha[:2] / f"{sha}.webp"

    def clean_leftovers(self) -> None:
        if self.tmp.is_dir():
            for path in self.tmp.iterdir():
                path.unlink(missing_ok=True)

    def make(self, sha: str, data: bytes) -> None:
        """Writes every size of `sha`'s thumbnail from the image bytes `data`."""
        from PIL import Image, ImageOps

        with Image.open(io.BytesIO(data)) as opened:
            # JPEG can decode at 1/2, 1/4, 1/8 scale directly; a big saving for imports.
            opened.draft("RGB", (SIZES[-1] * 2, SIZES[-1] * 2))
            image = ImageOps.exif_transpose(opened)
            mode = "RGBA" if _has_alpha(image) else "RGB"
            if image.mode != mode:
                image = image.convert(mode)
        # Largest first, each made from the previous one: the 256 comes from the 512, cheaply.
        for size in sorted(SIZES, reverse=True):
            factor = max(image.size) // size
            if factor >= 2:
                # A box reduce by a whole factor is several times faster than Lanczos and, for
                # an exact 2x (1024 -> 512 -> 256, the common case), just as good.
                image = image.reduce(factor)
            scale = size / max(image.size)
            if scale < 1:
                target = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
                image = image.resize(target, Image.Resampling.LANCZOS)
            self._save(image, self.path_for(sha, size))

    def _save(self, image: Image.Image, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp.mkdir(parents=True, exist_ok=True)
        part = self.tmp / f"{path.name}.{os.getpid()}-{threading.get_ident()}.part"
        # method 0 is the fastest encoder; at this size the files are a few KB whatever method.
        image.save(part, "WEBP", quality=QUALITY, method=0)
        os.replace(part, path)

    def remove(self, sha: str) -> None:
        for size in SIZES:
            self.path_for(sha, size).unlink(missing_ok=True)


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
