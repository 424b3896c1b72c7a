"""Writing files so that a crash or a power cut leaves the old file or the new one, never half:
the bytes are flushed to the disk before the file is renamed into place, and the folder is
flushed after, so the rename itself survives. Used by the picture store, the spool of paid
answers, the edits journal and the prompt library's files.
"""

from __future__ import annotations

import os
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Makes a rename in `folder` durable; folders cannot be opened this way on Windows."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_synced(path: Path, data: bytes) -> None:
    """`data` in a new file at `path`, flushed to the disk."""
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def replace_synced(path: Path, data: bytes, part: Path | None = None) -> None:
    """`path` replaced whole by `data`: written to `part` (beside it unless given), flushed,
    renamed over it, and the rename flushed."""
    part = part or path.with_name(path.name + ".part")
    write_synced(part, data)
    os.replace(part, path)
    fsync_dir(path.parent)
