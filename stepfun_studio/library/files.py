"""The library's files: originals and reference images stored once under their sha256.

Every file enters through `FileStore.write()` (temporary name, fsync, rename), inside a
`pending()` block that leaves a marker in `tmp/` until the database row is committed. A crash at
any moment therefore leaves either the whole image or a marker; `recover()` on the next open
reads only `tmp/` (never the whole library), removes files whose row never arrived, and deletes
partial writes. Deleting files (emptying the trash) goes through the same markers.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from stepfun_studio.library.durable import replace_synced

MARKER_SUFFIX = ".pending"
PART_SUFFIX = ".part"

EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}


def extension_for(mime: str) -> str:
    return EXTENSIONS.get(mime, "bin")


def sniffed_extension(data: bytes, mime: str = "") -> str:
    """The extension of the format `data` really is; the declared `mime` only as a last word.

    A server may send a GIF or a JPEG under an `image/png` label (or none): the file must be
    named for what it is, or viewers and the thumbnailer are misled.
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return extension_for(mime)


class FileStore:
    """Content-addressed files under `<root>/<sha[:2]>/<sha>.<ext>`, with their own `tmp`."""

    def __init__(self, root: Path, tmp: Path) -> None:
        self.root = root
        self.tmp = tmp

    def create_folders(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha: str, ext: str) -> Path:
        return self.root / sha[:2] / f"{sha}.{ext}"

    def write(self, sha: str, ext: str, data: bytes) -> Path:
        """Puts `data` at its final path durably; a file already there is kept (same hash)."""
        final = self.path_for(sha, ext)
        if final.exists() and final.stat().st_size == len(data):
            return final
        # Unique per process and thread: two workers may store the same reference at once.
        part = self.tmp / f"{sha}.{ext}.{os.getpid()}-{threading.get_ident()}{PART_SUFFIX}"
        final.parent.mkdir(exist_ok=True)
        replace_synced(final, data, part)
        return final

    def read(self, sha: str, ext: str) -> bytes:
        return self.path_for(sha, ext).read_bytes()

    def _marker(self, sha: str, ext: str) -> Path:
        return self.tmp / f"{sha}.{ext}{MARKER_SUFFIX}"

    @contextlib.contextmanager
    def pending(
        self, files: Iterable[tuple[str, str]], has_row: Callable[[str], bool]
    ) -> Iterator[None]:
        """Markers for `files` while the block adds or removes their rows.

        When the block ends, however it ends, the files whose row does not exist are removed:
        a failed insert (a full disk, say) or a duplicate that lost the race leaves nothing
        behind. A hard crash leaves the markers for `recover()` to do the same.
        """
        entries = list(dict.fromkeys(files))
        markers = [self._marker(sha, ext) for sha, ext in entries]
        for marker in markers:
            marker.touch()
        try:
            yield
        finally:
            self._settle(entries, has_row)
            for marker in markers:
                marker.unlink(missing_ok=True)

    def _settle(self, entries: Iterable[tuple[str, str]], has_row: Callable[[str], bool]) -> int:
        removed = 0
        for sha, ext in entries:
            if not has_row(sha):
                path = self.path_for(sha, ext)
                if path.exists():
                    path.unlink()
                    removed += 1
        return removed

    def remove(self, sha: str, ext: str) -> None:
        self.path_for(sha, ext).unlink(missing_ok=True)

    def recover(self, has_row: Callable[[str], bool]) -> int:
        """Finishes what a crash interrupted; returns how many leftover files were removed."""
        if not self.tmp.is_dir():
            return 0
        entries: list[tuple[str, str]] = []
        leftovers = list(self.tmp.iterdir())
        for path in leftovers:
            if path.name.endswith(MARKER_SUFFIX):
                sha, _, ext = path.name.removesuffix(MARKER_SUFFIX).partition(".")
                entries.append((sha, ext))
        removed = self._settle(entries, has_row)
        for path in leftovers:
            if path.is_file():
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def all_files(self) -> Iterator[tuple[str, str, Path]]:
        """(sha, ext, path) for every stored file: a full scan, for Check Library only."""
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                sha, _, ext = path.name.partition(".")
                yield sha, ext, path
