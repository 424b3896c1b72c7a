"""What the command line prints and writes: clean terminal text, exit statuses, picture files.

Text from a server (an error message, a model name) reaches the terminal, and a hostile server
can put escape sequences in it that change the window title or clear the screen; every line
printed goes through `clean()` first. Pictures are paid for, so the `--out` folder is checked to
be writable before anything is sent, a picture is never written over an existing file, and a
picture that cannot be written where asked is kept somewhere else rather than lost.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.metadata import JSON_KEYWORD, a1111_parameters, metadata_json
from stepfun_studio.core.plain_text import plain_text
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.core.text import tr
from stepfun_studio.library.pngchunks import is_png, with_text_chunks

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif"}

# What `core.plain_text` leaves that a terminal still acts on: the 8-bit forms of CSI and of the
# string controls (OSC, DCS, PM, APC, SOS) with their arguments, DCS/PM/APC/SOS strings in their
# 7-bit form, and the bidirectional overrides that make text read differently from what it is.
_TERMINAL_EXTRAS = re.compile(
    r"\x9b[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|[\u202a-\u202e\u2066-\u2069]"
)


class UsageError(Exception):
    """Parameters that cannot be sent: printed line by line, exit status 2, nothing sent."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def clean(text: str, *, single_line: bool = False) -> str:
    """`text` safe for a terminal: no escape sequences or control characters, valid Unicode."""
    text = plain_text(_TERMINAL_EXTRAS.sub("", text))
    if single_line:
        text = " ".join(text.split())
    return text


def prepare_streams() -> None:
    """Never fail on printing: a character the terminal's encoding lacks is escaped instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # A closed or unusual stream is left as it is.
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _print(stream: TextIO, text: str) -> None:
    # A closed pipe (`| head`): nothing more can be said there, and that is no failure.
    with contextlib.suppress(OSError, ValueError):
        print(clean(text), file=stream, flush=True)


def say(text: str) -> None:
    """One line of results on stdout (what scripts read)."""
    _print(sys.stdout, text)


def warn(text: str) -> None:
    """One message on stderr (what people read)."""
    _print(sys.stderr, text)


def report(error: AppError, index: int | None = None, note: str | None = None) -> None:
    """An error as a person reads it: the message, then the support line, then any note."""
    prefix = tr("Cli", "Image {number}: ").format(number=index + 1) if index is not None else ""
    warn(f"{prefix}{clean(error.message, single_line=True)}")
    details = error.details()
    if details:
        warn(f"  ({clean(details, single_line=True)})")
    if note:
        warn(f"  {note}")


def join_or(items: list[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    if len(items) <= 1:
        return "".join(items)
    return tr("Cli", "{first} or {last}").format(first=", ".join(items[:-1]), last=items[-1])


# -- the --out folder ---------------------------------------------------------------------------


def check_out_folder(out: Path) -> None:
    """Makes sure pictures can be written to `out`, before anything is sent; else UsageError.

    A probe file is written, flushed to the disk and removed: that catches a file where the
    folder should be, a device (/dev/full), a read-only or full file system, missing rights.
    """
    name = str(out)
    try:
        if out.exists() and not out.is_dir():
            raise UsageError(
                tr("Cli", "--out: {out} is not a folder. Name a folder for the pictures.").format(
                    out=name
                )
            )
        out.mkdir(parents=True, exist_ok=True)
        descriptor, probe = tempfile.mkstemp(prefix=".stepfun-studio-probe-", dir=out)
        try:
            os.write(descriptor, b"\0" * 4096)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
            Path(probe).unlink(missing_ok=True)
    except OSError as exc:
        raise UsageError(
            tr(
                "Cli",
                "--out: pictures cannot be written to {out} ({reason}). Nothing was sent; "
                "choose another folder.",
            ).format(out=name, reason=exc.strerror or type(exc).__name__)
        ) from None
    except ValueError:  # a NUL in the path
        raise UsageError(tr("Cli", "--out: {out} is not a valid path.").format(out=name)) from None


# -- pictures -----------------------------------------------------------------------------------


def extension_of(result: GenerationResult) -> str:
    return EXTENSIONS.get(result.mime, "bin")


def picture_bytes(result: GenerationResult) -> bytes:
    """The picture with every parameter embedded where the format has room (PNG text chunks)."""
    if not is_png(result.image_bytes):
        return result.image_bytes
    texts = {
        JSON_KEYWORD: metadata_json(result, stored_at=time.time()),
        "parameters": a1111_parameters(result.request, result.seed),
    }
    return with_text_chunks(result.image_bytes, texts)


def _write_new(folder: Path, stem: str, extension: str, data: bytes) -> Path:
    """Writes `data` under a name not yet taken in `folder` (never over an existing file)."""
    attempt = 0
    while True:
        suffix = f"-{attempt}" if attempt else ""
        path = folder / f"{stem}{suffix}.{extension}"
        try:
            with path.open("xb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            return path
        except FileExistsError:
            attempt += 1
        except BaseException:
            path.unlink(missing_ok=True)  # no half picture left behind
            raise


def picture_stem(stem: str, index: int, seed: int | None) -> str:
    """`20261203-063818-01-seed123` (no seed part for models that take none)."""
    base = f"{stem}-{index + 1:02d}"
    return f"{base}-seed{seed}" if seed is not None else base


def write_picture(result: GenerationResult, out: Path, name: str) -> Path:
    """Writes one picture to `out` under `name` plus its real format's extension; OSError."""
    return _write_new(out, name, extension_of(result), picture_bytes(result))


def rescue_picture(result: GenerationResult, name: str) -> Path | None:
    """A paid picture that could not be written where asked, kept in the temporary folder."""
    folder = Path(tempfile.gettempdir()) / "stepfun-studio-rescued"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _write_new(folder, name, extension_of(result), picture_bytes(result))
    except OSError:
        return None


def storage_error(out: Path, error: OSError) -> AppError:
    return AppError(
        ErrorKind.STORAGE,
        tr("Cli", "The picture could not be written to {out}: {reason}").format(
            out=out, reason=error.strerror or type(error).__name__
        ),
    )
