"""Thumbnails: small WebP files in the cache folder, made at ingest, rebuilt when missing.

Two sizes per image: 256 px on the long side for the grid, 512 px for high-DPI screens. Both
come from one decode (the expensive part), so the second costs a few milliseconds. They are a
cache: losing them loses nothing, so they are written atomically but without fsync.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image, ImageOps

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
        with Image.open(io.BytesIO(data)) as opened:
            # JPEG can decode at 1/2, 1/4, 1/8 scale directly; a big saving for imports.
            opened.draft("RGB", (SIZES[-1] * 2, SIZES[-1] * 2))
            image = ImageOps.exif_transpose(opened)
            image = image.convert("RGBA" if _has_alpha(image) else "RGB")
        for size in sorted(SIZES, reverse=True):
            # Halving with reduce() first is much faster than a full resample of a big image.
            factor = max(1, max(image.size) // (size * 2))
            if factor > 1:
                image = image.reduce(factor)
            small = image.copy()
            small.thumbnail((size, size), Image.Resampling.LANCZOS)
            self._save(small, self.path_for(sha, size))
            image = small if max(small.size) >= SIZES[0] * 2 else image

    def _save(self, image: Image.Image, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp.mkdir(parents=True, exist_ok=True)
        part = self.tmp / f"{path.name}.{os.getpid()}.part"
        image.save(part, "WEBP", quality=QUALITY, method=3)
        os.replace(part, path)

    def remove(self, sha: str) -> None:
        for size in SIZES:
            self.path_for(sha, size).unlink(missing_ok=True)


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
