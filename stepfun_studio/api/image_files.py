"""Reads an image file the user named (`--source`, `--reference`, a drop), looking before reading.

People and scripts hand us paths to anything: a FIFO blocks a read forever, `/dev/zero` never
ends, `/proc` and `/sys` files report a size that has nothing to do with what a read returns, and
a 20 GB file would be read whole before any size check. So `read_image_file()` takes regular
files only, checks the size with `stat` before reading a byte, opens without blocking, checks the
open descriptor again (the path may have been swapped meanwhile) and never reads past its limit.
What it refuses it refuses with an `AppError(BAD_IMAGE)` naming the file and the reason.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.text import tr

# Reading more than this into memory is refused outright; no sane reference image is this big.
MAX_INPUT_BYTES = 200 * 1024 * 1024
# Pseudo-file systems: no picture lives there, and their files' sizes are not their lengths.
SYSTEM_FOLDERS = ("/proc/", "/sys/", "/dev/")
READ_CHUNK = 1024 * 1024


def refuse(name: str, reason: str) -> AppError:
    """The refusal every reference check gives: the file's name and why."""
    message = tr("ReferenceImage", "“{name}” cannot be used: {reason}").format(
        name=name, reason=reason
    )
    return AppError(ErrorKind.BAD_IMAGE, message)


def _not_a_file_reason(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return tr("ReferenceImage", "it is a folder, not a file.")
    if stat.S_ISFIFO(mode):
        return tr("ReferenceImage", "it is a pipe (FIFO), not a file; save the picture first.")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return tr("ReferenceImage", "it is a device, not a file.")
    if stat.S_ISSOCK(mode):
        return tr("ReferenceImage", "it is a socket, not a file.")
    return tr("ReferenceImage", "it is not a regular file.")


def _too_big(name: str, size: int, limit: int) -> AppError:
    return refuse(
        name,
        tr("ReferenceImage", "the file is {mb} MB; Studio opens at most {limit} MB.").format(
            mb=size // (1024 * 1024), limit=limit // (1024 * 1024)
        ),
    )


def _check(name: str, info: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise refuse(name, _not_a_file_reason(info.st_mode))
    if info.st_size == 0:
        raise refuse(name, tr("ReferenceImage", "the file is empty."))
    if info.st_size > limit:
        raise _too_big(name, info.st_size, limit)


def _in_system_folder(path: Path) -> bool:
    if sys.platform == "win32":
        return False
    real = os.path.realpath(path)
    return any(real.startswith(folder) for folder in SYSTEM_FOLDERS)


def _open(path: Path, name: str, limit: int) -> int:
    """A descriptor on the regular file at `path`, or AppError; never blocks."""
    try:
        if _in_system_folder(path):
            raise refuse(name, tr("ReferenceImage", "it is a system file, not a picture."))
        _check(name, os.stat(path), limit)
        # O_NONBLOCK: a FIFO put in the file's place after the stat opens at once, not never.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        return os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _unreadable(name, exc) from exc
    except ValueError as exc:  # a NUL byte in the path
        raise refuse(name, tr("ReferenceImage", "the file name is not valid.")) from exc


def _unreadable(name: str, error: OSError) -> AppError:
    return refuse(
        name,
        tr("ReferenceImage", "the file cannot be read ({reason}).").format(
            reason=error.strerror or type(error).__name__
        ),
    )


def read_image_file(path: Path, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of the file at `path`, at most `limit` of them; AppError(BAD_IMAGE) otherwise.

    Refused before a byte is read: anything but a regular file, files under /proc, /sys and
    /dev, empty files, and files over `limit` bytes by `stat`.
    """
    name = path.name or str(path)
    descriptor = _open(path, name, limit)
    chunks: list[bytes] = []
    total = 0
    try:
        _check(name, os.fstat(descriptor), limit)
        while total <= limit:
            chunk = os.read(descriptor, min(READ_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise _unreadable(name, exc) from exc
    finally:
        os.close(descriptor)
    if total > limit:  # it grew while we read it
        raise _too_big(name, total, limit)
    if total == 0:
        raise refuse(name, tr("ReferenceImage", "the file is empty."))
    return b"".join(chunks)
