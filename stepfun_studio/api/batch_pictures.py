"""A batch's pictures from disk: a folder's pictures or the files named, each with its sidecar.

`list_pictures` only looks at names (cheap; the dialog counts with it as the user drops);
`read_pictures` reads and prepares each picture for the API (fixing what can be fixed, refusing
the rest with the reason) and reads the sidecar `.txt` beside it, the picture's own prompt.
Blocking: call off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from stepfun_studio.api.reference_image import ReferencePurpose, prepare_reference_file
from stepfun_studio.core.batch import PICTURE_EXTENSIONS, BatchMode
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.plain_text import plain_text
from stepfun_studio.core.request import ReferenceImage

# A sidecar is a prompt: a larger file is not one (and is not read into memory).
MAX_SIDECAR_BYTES = 64 * 1024


@dataclass(frozen=True)
class BatchPicture:
    """One picture ready to send, its file name, and its sidecar text (None: no sidecar)."""

    path: Path
    image: ReferenceImage
    sidecar: str | None
    changes: tuple[str, ...] = ()

    @property
    def stem(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class RefusedPicture:
    path: Path
    reason: str


def purpose_for(mode: BatchMode) -> ReferencePurpose:
    return ReferencePurpose.REDRAW if mode is BatchMode.REDRAW else ReferencePurpose.EDIT


def is_picture_name(path: Path) -> bool:
    return path.suffix.lower() in PICTURE_EXTENSIONS and not path.name.startswith(".")


def list_pictures(paths: Iterable[Path]) -> list[Path]:
    """The pictures among `paths`: a folder gives its own pictures (not its subfolders'), by
    name; files are kept in the order given. Each path once."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                (p for p in path.iterdir() if p.is_file() and is_picture_name(p)),
                key=lambda p: p.name.lower(),
            )
        elif is_picture_name(path):
            found.append(path)
    return list(dict.fromkeys(found))


def sidecar_path(picture: Path) -> Path:
    return picture.with_suffix(".txt")


def read_sidecar(picture: Path) -> str | None:
    """The text of `picture`'s sidecar (`cat.png` → `cat.txt`), or None when there is none."""
    path = sidecar_path(picture)
    try:
        if not path.is_file() or path.stat().st_size > MAX_SIDECAR_BYTES:
            return None
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError:
        return None
    cleaned = plain_text(" ".join(text.split()))
    return cleaned or None


def read_pictures(
    paths: Iterable[Path], mode: BatchMode, *, sidecars: bool
) -> tuple[list[BatchPicture], list[RefusedPicture]]:
    """Each picture prepared for `mode`, and those refused with the reason."""
    pictures: list[BatchPicture] = []
    refused: list[RefusedPicture] = []
    purpose = purpose_for(mode)
    for path in paths:
        try:
            prepared = prepare_reference_file(path, purpose)
        except AppError as error:
            refused.append(RefusedPicture(path, error.message))
            continue
        except OSError as error:
            refused.append(RefusedPicture(path, f"{path.name}: {error.strerror or error}"))
            continue
        sidecar = read_sidecar(path) if sidecars else None
        pictures.append(BatchPicture(path, prepared.image, sidecar, prepared.changes))
    return pictures, refused
